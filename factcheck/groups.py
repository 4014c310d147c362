"""Claim groups: one claim reported by many articles, built at ingest and corrected by hand.

Each claim carries a ``group_key``: ``n|<measure key>|<unit class>`` for a figure with a value
and a measure (``n||count``, UNMEASURED, for a count without one), ``s|<speaker id>`` for an
attributed claim with a speaker. At ingest a new
claim is compared only with the latest ``CANDIDATES`` claims of its own key (an index on
``group_key, id``), never with every claim; of those it may join one from another article
dated within ``WINDOW`` of its own, about the same names (factcheck.comparable.same_topic), that
describes the same fact (factcheck.comparable: figures whose bounds meet within 15%, quotes
whose words say the same). It joins that claim's group, or the two start one.

Once its article's story is known, a figure still alone meets the figures of its key in the
story's latest articles (the latest CANDIDATES of a key across every story miss a busy desk's
earlier reports), and a count meets the counts of its story that give its value for the same
noun, however each outlet says what happened (comparable.same_count_key: "13 hostages held …
were handed over", "13 captives freed"): one more read per story (_join_in_story). The story,
not the two words of the key, keeps look-alike figures of other events apart.

A group holds one claim per article, except a quote whose article gives the statement twice
(reported in its first lines and quoted below, or quoted inside the sentence that reports
it): the second version joins beside the first when it says the same as every member read.
A figure an article gives twice with one key and one value ("Forty-one miners were
killed … the final toll of 41") is one fact: its later mentions follow the first into its
group (_repeats, _follow), so that the outlets' second mentions never make a second group of it.
When a new quote joins a group, the lone quotes it matched are pulled in with it
(_pull_lone): a version stored before the group existed is not left alone because a later
one found another member first.

What a batch of articles costs does not grow with the database: one statement reads the
candidates of every key (each key walks its index backwards), one reads the dates and names
of the articles involved, candidates whose article is near no new article of their key (its
date, the names it shares, looked up by name) are dropped before their values are read, and
groups, stories and claims are written in a few statements whatever the batch size
(tests/perf/bench_groups.py).

When an editor merges two speakers, what the two said in the same words is put together by
the same rule (join_merged_speaker): their groups become one, each moved claim an event.

On PostgreSQL, ingests running at once take a transaction-scoped advisory lock per key before
they look, so two workers with the same figure end in one group; SQLite writers already take
the whole database in turn (BEGIN IMMEDIATE). Two that want one figure by different keys (its
measure key, its count in the story pass) hold different locks, so the writes lock what they
join, in ID order: a lone claim another worker grouped meanwhile is left where it is, and a
group's tally is read after the other worker's commit (_leave_taken).
Every ingest also holds one lock shared (db.PLACING) that an editor's move of articles between
stories takes alone, so no article is placed in a story the move deletes.

Reviewers take a claim out of its group and join two groups; each is an event.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache, lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Session, col, func, select, update

from factcheck import counts, disputes, triage
from factcheck.audit import record
from factcheck.claims import get_claim, update_claim
from factcheck.comparable import (
    SAME_FACT,
    SAME_WORDS,
    Bounds,
    bounds,
    by_unit_alone,
    clause_overlap,
    figure_measure_key,
    gap,
    names_needed,
    outcomes_differ,
    same_count_key,
    same_topic,
    statement_clauses,
    statement_words,
    unit_class,
    word_overlap,
)
from factcheck.db import PLACING, advisory_lock, check_page, show_written
from factcheck.errors import BadInput, Conflict, NotFound
from factcheck.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimKind,
    Event,
    Outlet,
    Speaker,
    SpeakerVoice,
    Status,
    User,
    as_utc,
    utcnow,
)
from factcheck.permissions import Action, require

CANDIDATES = 40  # latest claims of one key a new claim is compared with
WINDOW = timedelta(days=45)  # articles further apart in time cover different events


def group_key(
    *,
    kind: ClaimKind | str,
    measure_key: str | None,
    unit: str | None,
    days: float | None,
    has_value: bool,
    speaker_id: int | None,
    voice_id: int | None = None,
) -> str | None:
    """Where a claim looks for its group; None when it cannot be grouped.

    An attributed claim looks under its speaker's voice: the speaker it speaks for when it
    has one (factcheck.speakers: "Ana Ruiz, a spokeswoman for the port authority" looks
    under the authority's key), else its own.
    """
    if kind == ClaimKind.NUMERIC:
        if not has_value:
            return None
        if by_unit_alone(unit, days):
            return f"n|*|{unit_class(unit, days)}"
        if measure_key:
            return f"n|{measure_key}|{unit_class(unit, days)}"[:250]
        return UNMEASURED if unit_class(unit, days) == "count" else None
    return f"s|{voice_id or speaker_id}" if speaker_id else None


# The key of a count that names nothing counted ("41", "14,000 people"): it meets no figure by
# its key, only the counts of its story that give its value (_join_in_story).
UNMEASURED = "n||count"


def claim_keys(
    *,
    kind: ClaimKind | str,
    measure: str | None,
    unit: str | None,
    days: float | None,
    value: float | None,
    lower: float | None,
    speaker_id: int | None,
    sentence: str | None = None,
    quote: str | None = None,
    voice_id: int | None = None,
) -> dict[str, str | None]:
    """The measure key and group key of a claim's fields, as stored on the claim.

    A figure whose own words name only who was counted ("12 people", "41 miners") takes its
    measure from its clause when its sentence and quote are given
    (factcheck.comparable.figure_measure_key).
    """
    numeric = kind == ClaimKind.NUMERIC
    key = figure_measure_key(measure, unit, sentence, quote) if numeric else None
    has_value = value is not None or lower is not None
    return {
        "measure_key": key,
        "group_key": group_key(
            kind=kind,
            measure_key=key,
            unit=unit,
            days=days,
            has_value=has_value,
            speaker_id=speaker_id,
            voice_id=voice_id,
        ),
    }


def _stored_keys(claim: Claim, voice_id: int | None = None) -> dict[str, str | None]:
    """claim_keys of a stored claim's own fields (and its speaker's voice): what its keys
    are under the current rules."""
    return claim_keys(
        kind=claim.kind,
        measure=claim.measure,
        unit=claim.unit,
        days=claim.days,
        value=claim.value,
        lower=claim.lower,
        speaker_id=claim.speaker_id,
        sentence=claim.sentence,
        quote=claim.quote,
        voice_id=voice_id,
    )


def _voices(session: Session, claims: Iterable[Claim]) -> dict[int, int]:
    """The voice of the speakers of these attributed claims that speak for another (one
    lookup by primary key; none for figures, which migrations before 0017 re-key)."""
    ids = {c.speaker_id for c in claims if c.kind == ClaimKind.ATTRIBUTED and c.speaker_id}
    if not ids:
        return {}
    rows = session.exec(
        select(SpeakerVoice.speaker_id, SpeakerVoice.voice_id).where(
            col(SpeakerVoice.speaker_id).in_(ids), col(SpeakerVoice.voice_id).is_not(None)
        )
    ).all()
    return {speaker: voice for speaker, voice in rows if voice is not None}


@dataclass(frozen=True, slots=True)
class _Article:
    """What grouping needs of an article: its date and the names it is about."""

    at: datetime
    topics: frozenset[str]


@dataclass(slots=True)
class _Member:
    """What grouping needs of a claim and its article."""

    id: int
    article_id: int
    kind: ClaimKind
    group_key: str
    group_id: int | None
    bounds: Bounds | None
    span: Bounds | None  # bounds.plausible(): the values it may report
    words: frozenset[str]
    at: datetime
    topics: frozenset[str]
    measure_key: str | None = None
    speaker_id: int | None = None
    clauses: tuple[frozenset[str], ...] = ()  # a quote's parts, when it joins several
    count_key: str | None = None  # a count's noun and value (comparable.same_count_key)


# A claim's columns grouping reads. Table columns, not the models' attributes: the rows come
# back as plain rows, not through the ORM.
_CLAIM: sa.Table = Claim.__table__  # type: ignore[attr-defined]
_ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
_FIELDS = tuple(
    # The kind as its stored text: _member makes a ClaimKind of it, the Enum type would too.
    sa.type_coerce(_CLAIM.c.kind, sa.String).label("kind") if name == "kind" else _CLAIM.c[name]
    for name in (
        "id",
        "article_id",
        "kind",
        "group_key",
        "group_id",
        "value",
        "lower",
        "upper",
        "qualifier",
        "days",
        "quote",
        "measure_key",
        "speaker_id",
        "unit",
    )
)
# Its article's date and names: read with the claims being grouped (_news: they are few, of
# few articles) and apart for candidates (_read_articles: many claims of each article, and
# SQLite reads an article's names past its text). A plain date and the names as text: each
# article's are made UTC and a set of names once, not once per claim of it.
_ARTICLE_FIELDS = (
    sa.type_coerce(
        func.coalesce(_ARTICLE.c.published_at, _ARTICLE.c.ingested_at), sa.DateTime()
    ).label("at"),
    sa.cast(_ARTICLE.c.topics, sa.Text).label("topics"),
)
_JOINED = _CLAIM.join(_ARTICLE, _ARTICLE.c.id == _CLAIM.c.article_id)
_CLAIM_FIELDS = len(_FIELDS)
Row = sa.Row[*tuple[Any, ...]]  # a row of _FIELDS, with _ARTICLE_FIELDS when read with them
# Where a row holds what is read of every candidate: by index, several times cheaper than by
# name (a row's attributes are looked up in Python).
_ID, _ARTICLE_ID, _GROUP_KEY, _VALUE, _AT, _TOPICS = (
    [c.name for c in (*_FIELDS, *_ARTICLE_FIELDS)].index(name)
    for name in ("id", "article_id", "group_key", "value", "at", "topics")
)


def _members(rows: Sequence[Row]) -> list[_Member]:
    """The members of these claim rows, read with their articles (_FIELDS, _ARTICLE_FIELDS)."""
    articles = _articles_of(rows)
    return [_member(row, articles[row[_ARTICLE_ID]]) for row in rows]


def _articles_of(rows: Iterable[Row]) -> dict[int, _Article]:
    """The date and names of the articles of rows read with them, each made once."""
    found: dict[int, _Article] = {}
    for row in rows:
        if row[_ARTICLE_ID] not in found:
            found[row[_ARTICLE_ID]] = _Article(as_utc(row[_AT]), _names(row[_TOPICS]))
    return found


def _read_articles(session: Session, ids: set[int]) -> dict[int, _Article]:
    """The date and names of these articles, in one query (none when there are none)."""
    if not ids:
        return {}
    return {
        article_id: _Article(as_utc(at), _names(topics))
        for article_id, at, topics in session.execute(
            _article_query(session.get_bind().dialect.name), _id_list(session, sorted(ids))
        ).all()
    }


@cache
def _article_query(dialect: str) -> sa.Select[*tuple[Any, ...]]:
    """_read_articles' statement for the articles ``ids`` (_id_list), built once per database."""
    return sa.select(_ARTICLE.c.id, *_ARTICLE_FIELDS).where(_in_list(_ARTICLE.c.id, dialect))


def _in_list(column: sa.ColumnElement[int], dialect: str) -> sa.ColumnElement[bool]:
    """``column`` is one of the IDs passed as one value (``ids``, _id_list).

    An expanding IN renders its SQL again for every call, a parameter per ID (and on
    PostgreSQL a cast per ID): tens of IDs for each new article's candidates.
    """
    if dialect == "postgresql":
        return column == sa.any_(sa.bindparam("ids", type_=ARRAY(sa.Integer)))
    listed = sa.select(sa.column("value", sa.Integer)).select_from(
        sa.func.json_each(sa.bindparam("ids", type_=sa.String))
    )
    return column.in_(listed.scalar_subquery())


def _id_list(session: Session, ids: Sequence[int]) -> dict[str, object]:
    """The parameters of _in_list for these IDs."""
    if session.get_bind().dialect.name == "postgresql":
        return {"ids": list(ids)}
    return {"ids": json.dumps(list(ids))}


@lru_cache(maxsize=4096)
def _names(topics: str | None) -> frozenset[str]:
    # The same articles come back as candidates of every new article of their story.
    return frozenset(json.loads(topics) or ()) if topics else frozenset()


_KINDS = {kind.value: kind for kind in ClaimKind}  # a kind by its stored text, looked up


def _member(row: Row, article: _Article) -> _Member:
    (cid, aid, kind, key, gid, value, lower, upper, qual, days, quote, mkey, who, unit) = row[
        :_CLAIM_FIELDS
    ]
    kind = _KINDS[kind]
    numeric = kind == ClaimKind.NUMERIC
    stated, span = _stated(value, lower, upper, qual, days) if numeric else (None, None)
    return _Member(
        id=int(cid),
        article_id=int(aid),
        kind=kind,
        group_key=str(key),
        group_id=gid,
        bounds=stated,
        span=span,
        words=frozenset() if numeric else _words(str(quote)),
        at=article.at,
        topics=article.topics,
        measure_key=mkey,
        speaker_id=who,
        clauses=() if numeric else _clauses(str(quote)),
        count_key=same_count_key(unit, days, value) if numeric else None,
    )


@lru_cache(maxsize=4096)
def _stated(
    value: float | None,
    lower: float | None,
    upper: float | None,
    qualifier: str | None,
    days: float | None,
) -> tuple[Bounds | None, Bounds | None]:
    """A figure's bounds and the values it may report (Bounds.plausible), made once: the
    latest claims of a key come back as candidates of every new claim of it for a while."""
    stated = bounds(value=value, lower=lower, upper=upper, qualifier=qualifier, days=days)
    return stated, stated.plausible() if stated is not None else None


@lru_cache(maxsize=4096)
def _words(quote: str) -> frozenset[str]:
    # The same quote comes back in every outlet and as a candidate of every new claim.
    return statement_words(quote)


@lru_cache(maxsize=4096)
def _clauses(quote: str) -> tuple[frozenset[str], ...]:
    return statement_clauses(quote)


OTHER_MEASURE = 2 * SAME_FACT  # the score of an amount agreeing under another measure (_score)


def _score(new: _Member, old: _Member) -> float | None:
    """How well ``old`` matches ``new`` (lower is better); None when it does not.

    What the two articles are about (same_topic) is compared before, in _matches.
    """
    if old.article_id == new.article_id or abs(old.at - new.at) > WINDOW:
        return None
    if new.group_key == UNMEASURED:
        return None  # no measure to agree on: only its story's counts (_join_in_story)
    if new.kind == ClaimKind.NUMERIC:
        if new.span is None or old.span is None:
            return None
        distance = gap(new.span, old.span)
        if new.group_key.startswith("n|*|") and new.measure_key != old.measure_key:
            # Compared by amount alone: only figures that agree ("135 days" with a
            # "4-1/2-month truce"), never "three days of mourning" with "62 hours" trapped;
            # and after every figure that names what it measures as ``new`` does.
            return OTHER_MEASURE if distance == 0 else None
        return distance if distance <= SAME_FACT else None
    overlap, lead = clause_overlap(new.words, new.clauses, old.words, old.clauses)
    if overlap < SAME_WORDS:
        return None
    # A match through a part that does not lead its claim ranks after every match through
    # leads (clause_overlap): a claim of two statements is a version of its first.
    return 1 - overlap + (0 if lead else 1)


def _candidates(session: Session, inside: Mapping[str, int], exclude: set[int]) -> list[Row]:
    """The latest CANDIDATES claims of each key, outside the claims being grouped (``exclude``,
    their IDs: a stored article's other claims are candidates, as a re-keying needs).

    ``inside``: each key's claims in those articles. A key's latest CANDIDATES + that many
    claims hold its latest CANDIDATES outside them, so each key reads exactly that many and
    drops the inside ones here: the statement has no list of articles to expand, and its SQL
    is the same for every batch. One statement for every _UNION keys: a UNION ALL of small
    queries, each walking the (group_key, id) index backwards, so the cost depends on the
    keys, not the database size.
    """
    found: dict[str, list[Row]] = {}
    ordered = sorted(inside)
    for start in range(0, len(ordered), _UNION):
        chunk = ordered[start : start + _UNION]
        params: dict[str, object] = {f"k{i}": key for i, key in enumerate(chunk)}
        params.update({f"n{i}": CANDIDATES + inside[key] for i, key in enumerate(chunk)})
        for row in session.execute(_candidate_query(len(chunk)), params).all():
            if row[_ID] not in exclude:
                found.setdefault(row[_GROUP_KEY], []).append(row)
    latest = (sorted(rows, key=lambda r: -r[_ID])[:CANDIDATES] for rows in found.values())
    return [row for rows in latest for row in rows]


_UNION = 16  # keys read by one candidate statement


@lru_cache(maxsize=_UNION)
def _candidate_query(keys: int) -> sa.CompoundSelect[Any]:
    """The candidate statement for ``keys`` keys, built once (SQLAlchemy then caches its SQL)."""
    parts = [
        sa.select(*_FIELDS)
        .where(_CLAIM.c.group_key == sa.bindparam(f"k{i}"))
        .order_by(_CLAIM.c.id.desc())
        .limit(sa.bindparam(f"n{i}", type_=sa.Integer))
        .subquery()
        for i in range(keys)
    ]
    return sa.union_all(*(sa.select(part) for part in parts))


def _near_candidates(
    session: Session, article_id: int, article: _Article, keys: Iterable[str]
) -> tuple[list[Row], set[str]]:
    """The candidates one new article's claims could match (what _candidates then _reachable
    give for it), with their articles' date and names (_ARTICLE_FIELDS); and the keys with a
    claim in another article (disputes.clusters_at's ``elsewhere``).

    Each key's latest CANDIDATES claims of other articles are judged in the statement by
    their article's date and names (_near_query): about 9 in 10 are of other stories and
    never come back, nor are their articles read apart. Each key's newest claim comes back
    whatever its article, for ``elsewhere``; what does come back is judged again here as
    _reachable judges it (the statement's test is the same, its dates a day wider).
    """
    dialect = session.get_bind().dialect.name
    at = article.at
    names = sorted(article.topics)
    params: dict[str, object] = {
        "article": article_id,
        "lo": at - WINDOW - _MARGIN,
        "hi": at + WINDOW + _MARGIN,
        "need": names_needed(len(names), 2),
    }
    # Each name as it is written in a stored list of names (_shares_names).
    params.update({f"w{i}": json.dumps(name) for i, name in enumerate(names)})
    found: dict[str, list[Row]] = {}
    elsewhere: set[str] = set()
    ordered = sorted(keys)
    for start in range(0, len(ordered), _UNION):
        chunk = ordered[start : start + _UNION]
        params.update({f"k{i}": key for i, key in enumerate(chunk)})
        for row in session.execute(_near_query(len(chunk), len(names), dialect), params).all():
            elsewhere.add(row[_GROUP_KEY])
            old = _Article(as_utc(row[_AT]), _names(row[_TOPICS]))
            if _within(article, old) and _about_same(article, old):
                found.setdefault(row[_GROUP_KEY], []).append(row)
    latest = (sorted(rows, key=lambda r: -r[_ID]) for rows in found.values())
    return [row for rows in latest for row in rows], elsewhere


def _plain(names: Iterable[str]) -> bool:
    """True when every name is written in a stored list as itself between quotes (no JSON
    escape: _shares_names looks for it as written)."""
    return all(json.dumps(name) == f'"{name}"' for name in names)


_MARGIN = timedelta(days=1)  # the statement's dates are compared as stored: a day wider


@lru_cache(maxsize=256)
def _near_query(keys: int, names: int, dialect: str) -> sa.Select[*tuple[Any, ...]]:
    """_near_candidates' statement for ``keys`` keys and an article about ``names`` names,
    built once for each and each database.

    Per key: its latest CANDIDATES claims outside the article (down the (group_key, id)
    index); of them, joined to their articles, those dated between ``lo`` and ``hi`` and sharing
    ``need`` of the new article's ``names`` (or all of theirs, or having none: same_topic),
    or when the newest of the key.
    """
    at = sa.type_coerce(
        func.coalesce(_ARTICLE.c.published_at, _ARTICLE.c.ingested_at), sa.DateTime()
    )
    stored = _ARTICLE.c.published_at.type  # as the dates are written (UTC)
    lo, hi = sa.bindparam("lo", type_=stored), sa.bindparam("hi", type_=stored)
    near = sa.and_(at >= lo, at <= hi, _shares_names(dialect, names))
    outside = _CLAIM.c.article_id != sa.bindparam("article", type_=sa.Integer)
    parts = []
    for i in range(keys):
        key = _CLAIM.c.group_key == sa.bindparam(f"k{i}", type_=sa.String)
        latest = (
            sa.select(*_FIELDS)
            .where(key, outside)
            .order_by(_CLAIM.c.id.desc())
            .limit(CANDIDATES)
            .subquery()
        )
        newest = sa.select(func.max(_CLAIM.c.id)).where(key, outside).scalar_subquery()
        parts.append(sa.select(latest, (latest.c.id == newest).label("newest")))
    # The articles joined and judged once, outside the keys' parts: the SQL grows by a few
    # words per key, not by the test (psycopg converts a long statement at every run).
    found = sa.union_all(*parts).subquery()
    return (
        sa.select(*(found.c[c.name] for c in _FIELDS), *_ARTICLE_FIELDS)
        .select_from(found.join(_ARTICLE, _ARTICLE.c.id == found.c.article_id))
        .where(sa.or_(near, found.c.newest))
    )


def _shares_names(dialect: str, names: int) -> sa.ColumnElement[bool]:
    """The joined article is about the same names as the new article (same_topic), whose
    ``names`` names are the parameters w0, w1 … and ``need`` = names_needed(``names``, 2):
    it shares ``need`` of them, or all of its own (none when it has none).

    Each name is looked for as written in the stored list of names (a JSON string, quoted),
    at C speed: reading the list's elements row by row cost more than the rows it spared.
    """
    if not names:
        return sa.true()
    listed = sa.cast(_ARTICLE.c.topics, sa.Text)
    find = func.strpos if dialect == "postgresql" else func.instr
    # Constants written in the SQL: fewer parameters to pass (and for psycopg to cache by).
    one: sa.ColumnElement[int] = sa.literal_column("1", sa.Integer)
    none: sa.ColumnElement[int] = sa.literal_column("0", sa.Integer)
    shared = sum(
        (
            sa.case((find(listed, sa.bindparam(f"w{i}", type_=sa.String)) > none, one), else_=none)
            for i in range(names)
        ),
        start=none,
    )
    total: sa.ColumnElement[Any]
    if dialect == "postgresql":  # its array's length, none for anything else (JSON null)
        array = func.json_typeof(_ARTICLE.c.topics) == sa.literal_column("'array'")
        total = sa.case((array, func.json_array_length(_ARTICLE.c.topics)), else_=none)
    else:
        total = func.json_array_length(_ARTICLE.c.topics)
    need = sa.bindparam("need", type_=sa.Integer)
    # The smaller of two values: LEAST on PostgreSQL, min() with two arguments on SQLite.
    fewest = func.least(need, total) if dialect == "postgresql" else func.min(need, total)
    return shared >= fewest


def _inside(session: Session, articles: set[int], keys: set[str]) -> dict[str, int]:
    """How many claims of each key these stored articles hold (see _candidates)."""
    found = dict.fromkeys(keys, 0)
    rows = session.execute(
        sa.select(col(Claim.group_key), func.count())
        .where(col(Claim.article_id).in_(articles), col(Claim.group_key).in_(keys))
        .group_by(col(Claim.group_key))
    ).all()
    found.update({key: n for key, n in rows})
    return found


@dataclass(slots=True)
class _Plan:
    """What one grouping pass decided, written to the database at the end in a few statements."""

    joins: list[tuple[int, _Member]] = field(default_factory=list)  # group (or -n: new), member
    starts: dict[int, _Member] = field(default_factory=dict)  # -n → the claim that started it
    present: dict[int, set[int]] = field(default_factory=dict)  # group → its new articles
    links: dict[int, set[int]] = field(default_factory=dict)  # article → articles it shares with
    # article → for each group it joins, the articles of the other members read: the story it
    # joins is the one most of its groups are in (stories.join_stories)
    votes: dict[int, list[set[int]]] = field(default_factory=dict)
    joined: dict[int, int] = field(default_factory=dict)  # group → an article that joined it
    lone: set[int] = field(default_factory=set)  # the claims it joins that were in no group


def group_articles(session: Session, *, article_ids: Sequence[int]) -> None:
    """Put the claims of newly stored articles into groups and stories; not committed.

    Decided in memory from one read of the new claims and one of their candidates, then
    written in a few statements whatever the number of claims: the cost per article stays
    flat as the database grows and small beside extraction.
    """
    if article_ids:
        rows = session.execute(_new_claims(), {"ids": list(article_ids)}).all()
        _group(session, rows, stored=False)
        if bare := sorted(set(article_ids) - {row[_ARTICLE_ID] for row in rows}):
            # Nothing to group (no figure, no quote): a story by names and words alone.
            from factcheck.storylink import new_articles, place_loose

            if not rows:  # else _group took it
                advisory_lock(session, [], shared=[PLACING])

            place_loose(session, articles=new_articles(session, bare), placed={})


@cache
def _new_claims() -> sa.Select[*tuple[Any, ...]]:
    """_news of the articles ``ids``, built once: every ingest runs it."""
    return _news_query(_CLAIM.c.article_id.in_(sa.bindparam("ids", expanding=True)))


def regroup(session: Session, *, claim_ids: Sequence[int], by: User | None) -> None:
    """Put claims whose figure, unit, measure, speaker or words changed where they now
    belong; not committed. One event per claim whose group changed.

    Each claim takes the keys of what it now says, leaves its group (recounted, dissolved
    below two members: it may no longer fit, or change the group's conflict) and joins the
    group that fits, as at ingest. A claim a reviewer took out of a group by hand stays out.
    """
    if not claim_ids:
        return
    advisory_lock(session, [], shared=[PLACING])  # it may place articles in stories
    by_hand = set(
        session.exec(
            select(Event.claim_id).where(
                col(Event.claim_id).in_(claim_ids), Event.action == "claim.ungroup"
            )
        ).all()
    )
    claims = session.exec(select(Claim).where(col(Claim.id).in_(claim_ids))).all()
    before = {c.id or 0: c.group_id for c in claims}
    left: set[int] = set()
    voices = _voices(session, claims)
    for claim in claims:
        keys = _stored_keys(claim, voices.get(claim.speaker_id or 0))
        if claim.id in by_hand:
            keys["group_key"] = None
        advisory_lock(session, [k for k in (claim.group_key, keys["group_key"]) if k])
        if claim.group_id is not None:
            left.add(claim.group_id)
        if keys["measure_key"] != claim.measure_key:  # its figure is counted under the new key
            counted = counts.facts(session, claim)
            figure = counts.figure_key(claim.kind, claim.value, keys["measure_key"])
            counts.claim_changed(
                session, before=counted, after=replace(counted, measure_key=figure)
            )
        session.execute(
            sa.update(Claim).where(col(Claim.id) == claim.id).values(**keys, group_id=None)
        )
    session.flush()
    triage.stale(session, claims=claim_ids)  # out of their groups, maybe into others
    for group_id in left:
        recount(session, group_id=group_id)
    _group(
        session,
        _news(session, col(Claim.id).in_(claim_ids), col(Claim.group_id).is_(None)),
        stored=True,
    )
    for claim in claims:  # written by UPDATE statements: read them again when next used
        session.expire(claim)
    for claim_id, now in session.exec(
        select(Claim.id, Claim.group_id).where(col(Claim.id).in_(claim_ids))
    ).all():
        if now != before.get(claim_id or 0):
            _record_regroup(
                session, claim_id=claim_id or 0, was=before.get(claim_id or 0), now=now, by=by
            )


def _record_regroup(
    session: Session, *, claim_id: int, was: int | None, now: int | None, by: User | None
) -> None:
    """The event of a claim whose group changed."""
    record(
        session,
        by=by,
        action="claim.regroup",
        entity="claim",
        entity_id=claim_id,
        claim_id=claim_id,
        before={"group_id": was},
        after={"group_id": now},
    )


def join_merged_speaker(
    session: Session, *, speaker_id: int, claim_ids: Sequence[int], by: User | None
) -> None:
    """Put the claims a speaker merge moved to ``speaker_id`` with what that speaker said in
    the same words elsewhere; not committed. One event per claim whose group changed.

    The attributed-claim rule of ingest (_score: other article, within WINDOW, the same
    words; same_topic; one claim per article in a group) between each moved claim and the
    kept speaker's claims dated within WINDOW of the moved ones. A match puts the two claims'
    groups together: a lone claim joins the other's group, two lone claims start one, and of
    two groups the kept speaker's takes the other's members. Claims taken out of a group by
    hand have no key and stay out. Every pair is scored: a merge is one editor's action over
    two speakers' claims, not a path of ingest.
    """
    key = f"s|{speaker_id}"
    advisory_lock(session, [key])
    moved = _members(_news(session, col(Claim.id).in_(claim_ids), Claim.group_key == key))
    if not moved:
        return
    at = func.coalesce(col(Article.published_at), col(Article.ingested_at))
    kept = _members(
        _news(
            session,
            col(Claim.group_key) == key,
            col(Claim.id).not_in([m.id for m in moved]),
            at >= min(m.at for m in moved) - WINDOW,
            at <= max(m.at for m in moved) + WINDOW,
        ),
    )
    heaps = _Heaps.read(session, [*moved, *kept])
    for m in moved:
        found = [
            (s, k)
            for k in kept
            if same_topic(m.topics, k.topics) and (s := _score(m, k)) is not None
        ]
        for _, k in sorted(found, key=lambda pair: (pair[0], -pair[1].id)):
            if heaps.join(m.id, k.id):
                break
    _write_heaps(session, heaps, {m.id: m for m in [*moved, *kept]}, by=by)


@dataclass(slots=True)
class _Heaps:
    """Claims that belong together: each stored group is a heap, each lone claim one of its
    own (numbered -claim id); joining two heaps keeps one claim per article."""

    of: dict[int, int]  # claim → its heap
    was: dict[int, int | None]  # claim → the group it was stored in
    article: dict[int, int]  # claim → its article
    members: dict[int, set[int]]  # heap → its claims
    articles: dict[int, set[int]]  # heap → its claims' articles

    @classmethod
    def read(cls, session: Session, claims: Sequence[_Member]) -> _Heaps:
        """The heaps of ``claims``: their stored groups with every member, and the lone ones."""
        heaps = cls({}, {}, {}, {}, {})
        grouped = {m.group_id for m in claims if m.group_id is not None}
        rows = (
            session.exec(
                select(Claim.id, Claim.group_id, Claim.article_id).where(
                    col(Claim.group_id).in_(grouped)
                )
            ).all()
            if grouped
            else []
        )
        lone = [(m.id, None, m.article_id) for m in claims if m.group_id is None]
        for claim_id, group_id, article_id in [*rows, *lone]:
            heap = group_id if group_id is not None else -(claim_id or 0)
            heaps.of[claim_id or 0], heaps.was[claim_id or 0] = heap, group_id
            heaps.article[claim_id or 0] = article_id
            heaps.members.setdefault(heap, set()).add(claim_id or 0)
            heaps.articles.setdefault(heap, set()).add(article_id)
        return heaps

    def join(self, moved: int, kept: int) -> bool:
        """Put the heaps of two claims together; False when an article would be in it twice.

        The heap that stays: the kept claim's group, else the moved claim's, else (two lone
        claims) the kept claim's, which becomes a new group when written.
        """
        a, b = self.of[moved], self.of[kept]
        if a == b:
            return True
        if self.articles[a] & self.articles[b]:
            return False
        stays, goes = (a, b) if b < 0 < a else (b, a)
        for claim_id in self.members.pop(goes):
            self.of[claim_id] = stays
            self.members[stays].add(claim_id)
        self.articles[stays] |= self.articles.pop(goes)
        return True


def _write_heaps(
    session: Session, heaps: _Heaps, known: Mapping[int, _Member], *, by: User | None
) -> None:
    """Store what joining heaps changed: new groups, moved claims, emptied groups deleted,
    every changed group recounted, articles placed in stories, one event per moved claim."""
    changed = {h for c, h in heaps.of.items() if h != (heaps.was[c] or -c)}
    if not changed:
        return
    made = {h: ClaimGroup(**_new_group(known[-h])) for h in changed if h < 0}  # lone pairs
    session.add_all(made.values())
    session.flush()
    group_of = {h: made[h].id or 0 if h < 0 else h for h in changed}
    moved = {
        c: group_of[h] for c, h in heaps.of.items() if h in changed and group_of[h] != heaps.was[c]
    }
    table: sa.Table = Claim.__table__  # type: ignore[attr-defined]
    session.execute(
        sa.update(table)
        .where(table.c.id == sa.bindparam("cid"))
        .values(group_id=sa.bindparam("gid")),
        [{"cid": c, "gid": g} for c, g in moved.items()],
    )
    show_written(session, Claim, {c: {"group_id": g} for c, g in moved.items()})
    emptied = {heaps.was[c] for c in moved} - set(heaps.members) - {None}
    if emptied:
        session.execute(sa.delete(ClaimGroup).where(col(ClaimGroup.id).in_(emptied)))
    from factcheck.stories import join_stories  # stories read groups; groups place articles

    stories = join_stories(
        session,
        links={
            heaps.article[c]: sorted(heaps.articles[heaps.of[c]] - {heaps.article[c]})
            for c in sorted(moved)
        },
    )
    for h in changed:
        group = recount(session, group_id=group_of[h])
        if group is not None and group.story_id is None:
            group.story_id = next(
                (stories[a] for a in sorted(heaps.articles[h]) if a in stories), None
            )
    for claim_id, group_id in sorted(moved.items()):
        _record_regroup(session, claim_id=claim_id, was=heaps.was[claim_id], now=group_id, by=by)
    session.flush()


BATCH = 200  # articles grouped at once by group_stored


def group_stored(session: Session) -> int:
    """Group the claims stored in no group yet, oldest articles first; not committed.

    For claims stored before grouping existed (the migration calls it) or with
    FACTCHECK_GROUPING=0. Groups already made and claims taken out by hand are left as they
    are. Returns how many claims joined a group. Reads BATCH articles at a time.
    """
    at = func.coalesce(col(Article.published_at), col(Article.ingested_at))
    ungrouped = (
        select(Claim.article_id)
        .where(col(Claim.group_id).is_(None), col(Claim.group_key).is_not(None))
        .distinct()
        .subquery()
    )
    ids = session.exec(
        select(Article.id)
        .join(ungrouped, ungrouped.c.article_id == Article.id)
        .order_by(at, col(Article.id))
    ).all()
    joined = 0
    for first in range(0, len(ids), BATCH):
        batch = [i for i in ids[first : first + BATCH] if i is not None]
        news = _news(session, col(Claim.article_id).in_(batch), col(Claim.group_id).is_(None))
        joined += _group(session, news, stored=True)
        session.flush()  # flushed rows are held weakly: memory stays flat over many batches
    return joined


def rekey_stored(session: Session, *, by: User | None) -> int:
    """Give the stored figures the keys of the current rules, and move each whose keys changed
    where it now belongs (regroup: its counts, its group, one event per moved claim); not
    committed. How many were re-keyed.

    For figures stored before a change of factcheck.comparable's rules or the measure table
    (migration 0015 runs it; so does `factcheck groups --rebuild`). Reads BATCH_KEYS at a time.
    """
    rekeyed, last = 0, 0
    while True:
        rows = session.exec(
            select(Claim)
            .where(Claim.kind == ClaimKind.NUMERIC, col(Claim.id) > last)
            .order_by(col(Claim.id))
            .limit(BATCH_KEYS)
        ).all()
        if not rows:
            return rekeyed
        last = rows[-1].id or 0
        changed = [c.id or 0 for c in rows if _stale_keys(c)]
        regroup(session, claim_ids=changed, by=by)
        session.flush()
        rekeyed += len(changed)


BATCH_KEYS = 2000  # claims read at a time by rekey_stored


def key_unmeasured(session: Session) -> int:
    """Give the stored counts that name nothing counted ("41", "14,000 people") the key
    UNMEASURED, which they were stored without before the story pass; not committed. How many.

    A claim taken out of its group by hand keeps no key (a ``claim.ungroup`` event): it is
    left as it is. Run by migration 0031 and `factcheck groups --rebuild`, before grouping.
    """
    taken_out = select(Event.claim_id).where(
        Event.action == "claim.ungroup", col(Event.claim_id).is_not(None)
    )
    keyed, last = 0, 0
    while True:
        rows = session.exec(
            select(Claim)
            .where(
                Claim.kind == ClaimKind.NUMERIC,
                col(Claim.group_key).is_(None),
                col(Claim.id) > last,
                col(Claim.id).not_in(taken_out),
            )
            .order_by(col(Claim.id))
            .limit(BATCH_KEYS)
        ).all()
        if not rows:
            return keyed
        last = rows[-1].id or 0
        ids = [c.id or 0 for c in rows if _stored_keys(c)["group_key"] == UNMEASURED]
        if ids:
            session.exec(update(Claim).where(col(Claim.id).in_(ids)).values(group_key=UNMEASURED))
        keyed += len(ids)


def _stale_keys(claim: Claim) -> bool:
    """True when a claim's stored keys are not those of the current rules (a claim taken
    out of its group by hand keeps no group key: only its measure key is compared)."""
    keys = _stored_keys(claim)
    stale_group = claim.group_key is not None and keys["group_key"] != claim.group_key
    return keys["measure_key"] != claim.measure_key or stale_group


def rebuild_groups(session: Session, *, by: User) -> tuple[int, int]:
    """Re-key the figures whose keys the current rules write otherwise (rekey_stored), group
    the claims stored in no group yet and recompute every story's disputes (admins), with one
    event; commits. Returns
    (claims re-keyed, claims that joined a group).

    What `factcheck groups --rebuild` runs; migrations 0011 and 0015 run the two steps.
    """
    require(by, Action.GROUP_STORED)
    try:
        rekeyed = rekey_stored(session, by=by) + key_unmeasured(session)
        joined = group_stored(session)
        from factcheck.stories import rederive  # stories read groups; groups place articles

        rederive(session)  # after a change of the derived-from rule, too
        disputes.refresh_all(session)  # after a change of the dispute rule, too
        record(
            session,
            by=by,
            action="groups.rebuild",
            entity="claimgroup",
            entity_id=None,
            after={"claims_rekeyed": rekeyed, "claims_joined": joined},
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return rekeyed, joined


def _news(session: Session, *where: Any) -> list[Row]:
    """The rows (_FIELDS) of the claims to group, with a group key, in the order stored."""
    return list(session.execute(_news_query(*where)).all())


def _news_query(*where: Any) -> sa.Select[*tuple[Any, ...]]:
    return (
        sa.select(*_FIELDS, *_ARTICLE_FIELDS)
        .select_from(_JOINED)
        .where(*where, _CLAIM.c.group_key.is_not(None))
        .order_by(_CLAIM.c.id)
    )


def _group(session: Session, rows: Sequence[Row], *, stored: bool) -> int:
    """Join each of the claims of ``rows`` (_news) to the best matching claim of its key;
    how many joined.

    ``stored``: their articles may already have claims in groups (an edit, a rebuild), read
    so that a group still holds one claim per article; new articles have none.
    """
    if not rows:
        return 0
    # Counts without a measure meet nothing by their key, only in their story (_join_in_story).
    keys = {row[_GROUP_KEY] for row in rows} - {UNMEASURED}
    known = _articles_of(rows)  # read with them; the candidates' articles apart
    news = [_member(row, known[row[_ARTICLE_ID]]) for row in rows]
    counted = {f"c|{m.count_key}" for m in news if m.count_key is not None}
    # The second keys' too (_join_in_story); no story may go away while these are placed.
    advisory_lock(session, keys | counted, shared=[PLACING])
    articles = {row[_ARTICLE_ID] for row in rows}
    # New articles hold only the claims being grouped; stored ones may hold others too.
    inside = (
        _inside(session, articles, keys)
        if stored
        else Counter(row[_GROUP_KEY] for row in rows if row[_GROUP_KEY] in keys)
    )
    (article_id, *others) = articles
    if not others and not stored and _plain(known[article_id].topics):
        # One pasted article: its candidates judged by their articles in the statement.
        near, elsewhere = _near_candidates(session, article_id, known[article_id], keys)
        pool = _members(near)
    else:
        candidates = _candidates(session, inside, {row[_ID] for row in rows})
        known.update(_read_articles(session, {row[_ARTICLE_ID] for row in candidates} - set(known)))
        reach = _reachable(candidates, news, known)
        pool = [_member(row, known[row[_ARTICLE_ID]]) for row in reach]
        elsewhere = {row[_GROUP_KEY] for row in candidates}  # keys with figures outside the batch
    matches = _matches(news, pool)
    plan = _Plan()
    held: dict[int, list[_Member]] = {}  # group → its members read or planned (_fits_group)
    for old in pool:
        if old.group_id is not None:
            held.setdefault(old.group_id, []).append(old)
    if stored:
        for gid, article_id in session.exec(
            select(Claim.group_id, Claim.article_id).where(
                col(Claim.article_id).in_(articles), col(Claim.group_id).is_not(None)
            )
        ).all():
            plan.present.setdefault(gid or 0, set()).add(article_id)
    repeats = _repeats([*news, *pool])
    again = {m.id for mentions in repeats for m in mentions[1:]}
    for new in news:
        if new.id in again:
            continue  # it goes where its article's first mention goes (_follow)
        best: tuple[float, int, _Member] | None = None
        for score, old in matches[new.id]:
            if best is not None and (score, -old.id) >= best[:2]:
                continue
            # One claim per article in a group (what the plan holds, and for stored articles
            # what was read above), unless the article says this statement twice.
            if old.group_id is not None and not _room_for(new, old.group_id, plan, held):
                continue
            if old.group_id is not None and not _fits_group(new, held.get(old.group_id, ())):
                continue
            best = (score, -old.id, old)
        if best is not None:
            old = best[2]
            lone = old.group_id is None
            _plan_join(plan, new, old)
            members = held.setdefault(old.group_id or 0, [old] if lone else [])
            plan.votes.setdefault(new.article_id, []).append({m.article_id for m in members})
            members.append(new)
            _pull_lone(plan, new, matches[new.id], held)
    _follow(plan, repeats, held)
    stories = _place_in_stories(session, plan, [] if stored else news, known)
    _write(session, plan, stories)
    if stored:  # their stories as stored, read once for the story pass and disputes
        stories = _stories_of(session, articles, stories)
    _join_in_story(session, news, stories)
    # Joined or lone, each figure may now dispute another of its story (factcheck.disputes).
    figures = [(m.article_id, m.group_key) for m in news if m.bounds is not None]
    clusters = disputes.clusters_at(
        session, figures=figures, stories=stories, stored=stored, elsewhere=elsewhere
    )
    disputes.refresh(session, clusters=clusters, new=[m.id for m in news])
    return sum(1 for m in news if m.group_id is not None)


def _repeats(members: Iterable[_Member]) -> list[list[_Member]]:
    """The figures each article gives more than once: its mentions of one fact, first first.

    "Forty-one miners were killed … the final toll of 41 was given at a news conference" is
    one fact told twice: the same key and bounds in one article. Grouped one by one, a second
    mention could not join the group of the first (one claim per article and fact) and would
    start a group of its own with another outlet's second mention: the story would show the
    fact as two groups. So only the first mention of a new article is matched; the others
    follow whichever mention is in a group (_follow), a stored article's too.

    A count with no measure is never one: what it counts is not known (UNMEASURED). Nor is
    a duration or an amount whose key is its unit alone (``n|*|day``) unless it names what
    lasted or cost, and the first mention names the same: "the internet was restored after
    three days" and "three days of mourning" are two facts of one article.
    """
    found: dict[tuple[int, str, str | None, Bounds], list[_Member]] = {}
    for member in members:
        if member.kind != ClaimKind.NUMERIC or member.bounds is None:
            continue
        by_amount = member.group_key.startswith("n|*|")
        if member.group_key == UNMEASURED or (by_amount and member.measure_key is None):
            continue
        at = (member.article_id, member.group_key, member.measure_key, member.bounds)
        found.setdefault(at, []).append(member)
    return [
        sorted(mentions, key=lambda m: m.id) for mentions in found.values() if len(mentions) > 1
    ]


def _follow(plan: _Plan, repeats: Iterable[list[_Member]], held: dict[int, list[_Member]]) -> None:
    """Plan the lone mentions of each fact an article gives again (_repeats) into the group
    one of its mentions is in, when they fit its members (_fits_group)."""
    for mentions in repeats:
        gid = next((m.group_id for m in mentions if m.group_id is not None), None)
        if gid is None:
            continue
        for member in mentions:
            if member.group_id is None and _fits_group(member, held.get(gid, ())):
                member.group_id = gid
                plan.lone.add(member.id)
                plan.joins.append((gid, member))
                held.setdefault(gid, []).append(member)


def _room_for(
    new: _Member, group_id: int, plan: _Plan, held: Mapping[int, Sequence[_Member]]
) -> bool:
    """True when ``new`` may join the group: no claim of its article is in it, or (a quote)
    the claims of its article in it are ones grouping read or planned, and ``new`` gives the
    statement they give (_gives_again).

    An article that gives one statement twice (reported in its first lines, quoted below; a
    quote inside the sentence that reports it) has two claims of it: the second joins the
    first's group instead of being kept out by the first. Two statements of one article never
    share a group. A stored article's own claims are not read: it keeps one claim per group.
    """
    if new.article_id not in plan.present.get(group_id, ()):
        return True
    if new.kind != ClaimKind.ATTRIBUTED:
        return False
    members = held.get(group_id, ())
    own = [m for m in members if m.article_id == new.article_id]
    others = [m for m in members if m.article_id != new.article_id]
    return bool(own) and _gives_again(new, own, others)


def _gives_again(new: _Member, own: Sequence[_Member], others: Sequence[_Member]) -> bool:
    """True when a quote is its article's statement given again: it says the same as each of
    its article's claims in the group, and as at least half of the other members read.

    Its own article's claims decide what the statement is: "we will not pay", beside the
    article's "no patient was harmed", is another statement, whatever a member that gives
    both in one quote says. Half of the others, not all: a member that bridges two statements
    with few words of each ("no patient was harmed, and we will not be paying anyone") shares
    too few with a fuller version of one ("no patient has been seriously harmed by this
    attack") to count as saying it, though the article's two versions are one statement. Yet
    a second claim its own article's bridge says, and no other member does, stays out.
    """
    if not all(word_overlap(new.words, m.words) >= SAME_WORDS for m in own):
        return False
    agree = sum(word_overlap(new.words, m.words) >= SAME_WORDS for m in others)
    return 2 * agree >= len(others)


def _pull_lone(
    plan: _Plan,
    new: _Member,
    found: Sequence[tuple[float, _Member]],
    held: dict[int, list[_Member]],
) -> None:
    """Bring the lone quotes ``new`` matches into the group it joined.

    A quote stored before its group existed stays alone when a later version of it joins
    another member's group: pulling it in makes the result the one the reverse order of
    ingest gives, so a lone quote is pulled in only when it would join the group itself: room
    for it (_room_for) and words in common with the group (_fits_group). Figures keep complete
    linkage and are not pulled.
    """
    gid = new.group_id
    if new.kind != ClaimKind.ATTRIBUTED or gid is None:
        return
    for _, lone in sorted(found, key=lambda pair: (pair[0], -pair[1].id)):
        if (
            lone.group_id is None
            and _room_for(lone, gid, plan, held)
            and _fits_group(lone, held.get(gid, ()))
        ):
            _plan_join(plan, lone, new)
            held.setdefault(gid, []).append(lone)


def _fits_group(new: _Member, members: Iterable[_Member]) -> bool:
    """True when a figure can report the same fact as every member of a group read (complete
    linkage): a chain of neighbours, "at least 27" dead beside 41 then beside a toll of 58
    from another year, never makes 27 and 58 one fact.

    A quote, which matched one member, must share a content word with at least half of the
    other articles' members read. Versions of one statement, trimmed, reworded or reported,
    keep some of its words, so most members share one with a new version even when they
    share too few to say the same. A quote that shares none with most members came in
    through a member that reports two statements ("the workers had complained about cracks,
    and that the families want answers"): such a member joins the group of one, and must not
    carry a version of the other into it.
    """
    if new.kind == ClaimKind.ATTRIBUTED:
        others = [m for m in members if m.article_id != new.article_id]
        return 2 * sum(not new.words.isdisjoint(m.words) for m in others) >= len(others)
    if new.span is None:
        return True
    return all(m.span is None or gap(new.span, m.span) <= SAME_FACT for m in members)


def _reachable(
    candidates: Sequence[Row], news: Sequence[_Member], articles: Mapping[int, _Article]
) -> list[Row]:
    """The candidates some new claim of their key could match, judged by their articles
    alone (dated within WINDOW, about the same names: the article half of _score and
    _matches).

    Most candidates of a key come from other stories: dismissing them here spares reading
    their values and words, and each candidate article is looked up by its names among the
    key's new articles (_Reach) instead of being compared with every one of them.
    """
    filed: dict[str, set[int]] = {}  # key → its new articles
    for new in news:
        filed.setdefault(new.group_key, set()).add(new.article_id)
    # Keys of the same new articles share one _Reach (every key, when one article is stored),
    # so a candidate article is judged once, not once per key.
    reaches: dict[frozenset[int], _Reach] = {}
    reach: dict[str, _Reach] = {}
    for key, ids in filed.items():
        same = frozenset(ids)
        if same not in reaches:
            reaches[same] = _Reach()
            for article_id in sorted(same):
                reaches[same].add(article_id, articles[article_id])
        reach[key] = reaches[same]
    near: dict[tuple[int, int], bool] = {}  # (its _Reach, candidate article) → near
    kept = []
    for row in candidates:
        found = reach.get(row[_GROUP_KEY])
        if found is None:
            continue
        pair = (id(found), row[_ARTICLE_ID])
        if pair not in near:
            near[pair] = found.near(articles[row[_ARTICLE_ID]])
        if near[pair]:
            kept.append(row)
    return kept


@dataclass(slots=True)
class _Reach:
    """The new articles of one key, filed by the names they are about."""

    every: dict[int, _Article] = field(default_factory=dict)  # article ID → article
    unnamed: list[int] = field(default_factory=list)  # the IDs of those about no names
    named: dict[str, list[int]] = field(default_factory=dict)  # name → IDs

    def add(self, article_id: int, article: _Article) -> None:
        """File a new article (once)."""
        if article_id in self.every:
            return
        self.every[article_id] = article
        for name in article.topics:
            self.named.setdefault(name, []).append(article_id)
        if not article.topics:
            self.unnamed.append(article_id)

    def near(self, old: _Article) -> bool:
        """True when a filed article is within WINDOW of ``old`` and same_topic with it
        (no names on either side, or two shared, or all of the shorter list)."""
        if len(self.every) <= _FEW:  # one pasted article: compare the two lists at once
            return any(_within(new, old) and _about_same(new, old) for new in self.every.values())
        if not old.topics:
            return any(_within(new, old) for new in self.every.values())
        if any(_within(self.every[i], old) for i in self.unnamed):
            return True
        shared: dict[int, int] = {}
        for name in old.topics:
            for i in self.named.get(name, ()):
                shared[i] = shared.get(i, 0) + 1
        return any(
            n >= names_needed(len(self.every[i].topics), len(old.topics))
            and _within(self.every[i], old)
            for i, n in shared.items()
        )


_FEW = 4  # filed articles compared one by one (_Reach.near): the name index pays beyond


def _about_same(new: _Article, old: _Article) -> bool:
    """same_topic of two articles' names, their sets intersected as they are."""
    if not new.topics or not old.topics:
        return True
    shared = len(new.topics & old.topics)
    return shared >= names_needed(len(new.topics), len(old.topics))


def _within(new: _Article, old: _Article) -> bool:
    """True when two articles are dated within WINDOW of each other."""
    return abs(old.at - new.at) <= WINDOW


def _matches(
    news: Sequence[_Member], pool: Sequence[_Member]
) -> dict[int, list[tuple[float, _Member]]]:
    """Each new claim's matches (score, claim) among the candidates of its key and the new
    claims stored before it, from articles about the same names (same_topic).

    The names are compared first: most look-alike figures of other stories are dismissed
    there, before their values are. Figures are filed by order of magnitude (powers of two
    their plausible values cover), so a figure is scored only against those in its own and
    the neighbouring magnitudes: values within SAME_FACT (15%) of each other are never
    further apart than that.
    """
    shelves: dict[str, _Shelf] = {}
    for old in pool:
        shelves.setdefault(old.group_key, _Shelf()).file(old)
    found: dict[int, list[tuple[float, _Member]]] = {}
    for new in news:
        shelf = shelves.setdefault(new.group_key, _Shelf())
        found[new.id] = [
            (s, old)
            for old in shelf.near(new)
            if same_topic(new.topics, old.topics) and (s := _score(new, old)) is not None
        ]
        shelf.file(new)
    return found


@dataclass(slots=True)
class _Shelf:
    """The claims of one key, filed by the powers of two their plausible values cover."""

    by_magnitude: dict[int, list[_Member]] = field(default_factory=dict)
    anywhere: list[_Member] = field(default_factory=list)  # quotes, open or zero figures
    every: list[_Member] = field(default_factory=list)

    def file(self, member: _Member) -> None:
        """Add a claim."""
        self.every.append(member)
        magnitudes = _magnitudes(member.span)
        if magnitudes is None:
            self.anywhere.append(member)
            return
        for m in magnitudes:
            self.by_magnitude.setdefault(m, []).append(member)

    def near(self, member: _Member) -> list[_Member]:
        """The claims that may match ``member``: its magnitude and the neighbouring ones."""
        magnitudes = _magnitudes(member.span)
        if magnitudes is None:
            return self.every
        seen: dict[int, _Member] = {m.id: m for m in self.anywhere}
        for m in range(magnitudes.start - 1, magnitudes.stop + 1):
            seen.update((c.id, c) for c in self.by_magnitude.get(m, ()))
        return list(seen.values())


def _magnitudes(span: Bounds | None) -> range | None:
    """The powers of two a claim's plausible values cover; None when open or not positive."""
    if span is None or span.lo is None or span.hi is None or span.lo <= 0:
        return None
    return range(math.floor(math.log2(span.lo)), math.floor(math.log2(max(span.hi, span.lo))) + 1)


def _plan_join(plan: _Plan, new: _Member, old: _Member) -> None:
    """Put ``new`` in the group of ``old``; a new group (numbered -1, -2 …) when it has none."""
    if new.group_id is None:
        plan.lone.add(new.id)
    if old.group_id is None:
        plan.lone.add(old.id)
        old.group_id = -(len(plan.starts) + 1)
        plan.starts[old.group_id] = old
        plan.joins.append((old.group_id, old))
        plan.present[old.group_id] = {old.article_id}
    gid = old.group_id
    new.group_id = gid
    plan.joins.append((gid, new))
    plan.present.setdefault(gid, {old.article_id}).add(new.article_id)
    plan.links.setdefault(new.article_id, set()).add(old.article_id)
    plan.joined[gid] = new.article_id


def _write(session: Session, plan: _Plan, stories: Mapping[int, int]) -> None:
    """Store a plan: new groups in one insert, joined groups and claims in one update each.

    A group without a story takes the story of the article that joined it (``stories``:
    article → story). Written by statements, not ORM objects: a batch makes hundreds of
    groups; copies of them loaded in this session read them again when next used.
    """
    if plan.lone and session.get_bind().dialect.name == "postgresql":
        _leave_taken(session, plan)
    if not plan.joins:
        return
    sql = _writes()
    known = {gid for gid, _ in plan.joins if gid > 0}
    tallies = {
        row.id: _Tally(**{name: getattr(row, name) for name in _TALLY})
        for row in (session.execute(sql.tallies, {"ids": sorted(known)}) if known else [])
    }
    tallies.update({gid: _Tally() for gid in plan.starts})
    for gid, member in plan.joins:
        tallies[gid].take(member)
    for gid, article_id in plan.joined.items():
        if tallies[gid].story_id is None:
            tallies[gid].story_id = stories.get(article_id)
    if known:
        session.execute(
            sql.tally, [{"gid": gid, **tallies[gid].columns()} for gid in sorted(known)]
        )
        show_written(session, ClaimGroup, {gid: tallies[gid].columns() for gid in known})
    ids = {gid: gid for gid in known}
    if plan.starts:
        now = utcnow()
        made = session.execute(
            sql.start,
            [
                {**_new_group(first), **tallies[gid].columns(), "created_at": now}
                for gid, first in plan.starts.items()
            ],
        ).all()
        # Each new group is known by its first claim, a member of no other group.
        planned = {tallies[gid].first_claim_id: gid for gid in plan.starts}
        ids.update({planned[first]: made_id for made_id, first in made})
    session.execute(sql.join, [{"cid": m.id, "gid": ids[gid]} for gid, m in plan.joins])
    for gid, member in plan.joins:
        member.group_id = ids[gid]
    show_written(session, Claim, {m.id: {"group_id": m.group_id} for _, m in plan.joins})
    # Joined groups grew, maybe into conflict: all their members' points may change.
    triage.stale(session, claims=[m.id for _, m in plan.joins], groups=known)
    plan.starts.clear()


def _leave_taken(session: Session, plan: _Plan) -> None:
    """Drop from a plan the claims read alone that another ingest has put in a group since.

    Two ingests on PostgreSQL can want one lone claim under different key locks: one by its
    measure key (the first pass), the other by its count (_join_in_story). Each locks the
    lone claims it joins (in ID order), so the second waits for the first to commit and
    then finds the claim taken: it leaves it where it is, and a new group left with fewer
    than two members is not made (its claims stay alone until a later ingest or a rebuild
    meets them). Groups' tallies are read locked too (_Writes.tallies), so two ingests
    joining one group count every member. SQLite has one writer at a time: nothing to do.
    """
    alone = set(session.execute(_writes().alone, {"ids": sorted(plan.lone)}).scalars())
    taken = plan.lone - alone
    if not taken:
        return
    kept = [(gid, m) for gid, m in plan.joins if m.id not in taken]
    left = Counter(gid for gid, _ in {(gid, m.article_id) for gid, m in kept})  # articles
    for gid, member in plan.joins:
        if (member.id in taken or (gid < 0 and left[gid] < 2)) and member.id in plan.lone:
            member.group_id = None  # alone again (taken: in a group this ingest did not read)
    plan.joins = [(gid, m) for gid, m in kept if gid > 0 or left[gid] >= 2]
    firsts = {gid: m for gid, m in reversed(plan.joins) if gid < 0}
    plan.starts = {gid: firsts[gid] for gid in plan.starts if gid in firsts}
    plan.joined = {gid: m.article_id for gid, m in plan.joins if m is not plan.starts.get(gid)}


@dataclass(frozen=True, slots=True)
class _Writes:
    """The statements _write runs, built once (building them cost more than running them)."""

    tallies: sa.Select[*tuple[Any, ...]]  # the tallies of the groups ``ids``, locked
    alone: sa.Select[*tuple[Any, ...]]  # which of the claims ``ids`` are in no group, locked
    tally: sa.Update  # a group's tally (executemany: ``gid`` and _TALLY)
    start: sa.Insert  # new groups, returning their IDs and first claims
    join: sa.Update  # a claim's group (executemany: ``cid``, ``gid``)


@cache
def _writes() -> _Writes:
    groups: sa.Table = ClaimGroup.__table__  # type: ignore[attr-defined]
    claims = _CLAIM
    return _Writes(
        # Locked in ID order on PostgreSQL (SQLite writes one transaction at a time).
        tallies=sa.select(groups.c.id, *(groups.c[n] for n in _TALLY))
        .where(groups.c.id.in_(sa.bindparam("ids", expanding=True)))
        .order_by(groups.c.id)
        .with_for_update(),
        alone=sa.select(claims.c.id)
        .where(claims.c.id.in_(sa.bindparam("ids", expanding=True)), claims.c.group_id.is_(None))
        .order_by(claims.c.id)
        .with_for_update(),
        tally=sa.update(groups)
        .where(groups.c.id == sa.bindparam("gid"))
        .values({n: sa.bindparam(n) for n in _TALLY}),
        # In no set order: asking for the parameters' order inserts row by row on SQLite.
        start=sa.insert(groups).returning(groups.c.id, groups.c.first_claim_id),
        join=sa.update(claims)
        .where(claims.c.id == sa.bindparam("cid"))
        .values(group_id=sa.bindparam("gid")),
    )


def _new_group(first: _Member) -> dict[str, Any]:
    """The columns of a new group for the claims of ``first``'s key (its tally apart)."""
    numeric = first.kind == ClaimKind.NUMERIC
    return {
        "kind": first.kind,
        "key": first.group_key,
        "measure_key": first.measure_key,
        "unit": first.group_key.rsplit("|", 1)[-1] if numeric else None,
        "speaker_id": None if numeric else first.speaker_id,
    }


_TALLY = (
    "size",
    "lo",
    "hi",
    "conflict",
    "first_seen",
    "first_claim_id",
    "last_seen",
    "last_claim_id",
    "story_id",
)  # the columns of a group that its members decide (and its story)


@dataclass(slots=True)
class _Tally:
    """What a group's members make of it: how many, the values all allow, conflict, first
    and last appearance (ClaimGroup's columns of the same names)."""

    size: int = 0
    lo: float | None = None
    hi: float | None = None
    conflict: bool = False
    first_seen: datetime | None = None
    first_claim_id: int | None = None
    last_seen: datetime | None = None
    last_claim_id: int | None = None
    story_id: int | None = None

    def columns(self) -> dict[str, Any]:
        """The tally as ClaimGroup's columns (dataclasses.asdict would deep-copy each date)."""
        return {name: getattr(self, name) for name in _TALLY}

    def take(self, member: _Member) -> None:
        """Count ``member`` in: size, common bounds, conflict, first and last seen."""
        if member.bounds is not None:
            common = (
                member.bounds if self.size == 0 else Bounds(self.lo, self.hi).meet(member.bounds)
            )
            self.lo, self.hi, self.conflict = common.lo, common.hi, self.conflict or common.empty
        self.size += 1
        first = as_utc(self.first_seen) if self.first_seen else None
        if first is None or member.at < first:
            self.first_seen, self.first_claim_id = member.at, member.id
        last = as_utc(self.last_seen) if self.last_seen else None
        if last is None or member.at >= last:
            self.last_seen, self.last_claim_id = member.at, member.id


def _place_in_stories(
    session: Session, plan: _Plan, news: Sequence[_Member], known: Mapping[int, _Article]
) -> dict[int, int]:
    """An article that shares a group with others joins their story (or they start one);
    a new one that shares none may join one by its names, speakers and words
    (factcheck.storylink). Each such article's story."""
    from factcheck.stories import join_stories  # stories read groups; groups place articles
    from factcheck.storylink import NewArticle, place_loose

    begun: list[int] = []
    stories = (
        join_stories(session, links=plan.links, votes=plan.votes, begun=begun) if plan.links else {}
    )
    speakers: dict[int, set[int]] = {m.article_id: set() for m in news}
    for m in news:
        if m.speaker_id is not None:
            speakers[m.article_id].add(m.speaker_id)
    new = {i: NewArticle(known[i].at, known[i].topics, sorted(s)) for i, s in speakers.items()}
    if not new:
        return stories
    return stories | place_loose(session, articles=new, placed=stories, begun=begun)


STORY_REACH = 40  # latest articles of a story whose figures the story pass reads (_join_in_story)


def _join_in_story(session: Session, news: Sequence[_Member], story_of: Mapping[int, int]) -> None:
    """The story pass: once their articles' stories are known, figures join what the first
    pass could not see or keys split; ``story_of``: article → story (a new article placed
    nowhere has none).

    The first pass reads a key's latest CANDIDATES claims across every story: where many
    stories count the dead at once, a story's earlier figures of "killed" are past them. So
    a figure left alone meets the figures of its key in the latest STORY_REACH articles of
    its story, as the first pass would (_score); failing those, the counts of its second key
    there (comparable.same_count_key: one noun, one value), in that count's group when it has
    one. A count that joined a group pulls in the lone counts of its noun and value. A count
    with no noun of its own (``*``) is taken as the one noun its story gives that value for:
    it joins only when the other counts of that value in the story name one noun and no
    figure in a unit gives it, and two such counts never meet by themselves. Every join is
    as the first pass's: one claim per article, within WINDOW, values that can all be one
    fact (complete linkage, _fits_group), and no two members naming different outcomes
    (comparable.outcomes_differ).

    The story carries the precision a key of two words cannot: its articles already share
    names, groups or speakers (factcheck.storylink), so "240 prisoners" of a swap never meet
    "240 miners" or 240 prisoners of another country's news. Read in one statement per
    story (of a value only grouped counts give, its lone counts alone), and one for the
    members of the groups a figure may join, when there are any. A claim taken out of its
    group by hand has no group key and is never read here.
    """
    again = {m.id for mentions in _repeats(news) for m in mentions[1:]}
    figures = [m for m in news if m.kind == ClaimKind.NUMERIC and m.id not in again]
    # story → the keys of its lone new figures, the values of its lone new counts (every
    # figure of them is read) and those its grouped ones give (only the lone counts of them:
    # what they may pull in)
    asked: dict[int, tuple[set[str], set[float], set[float]]] = {}
    for m in figures:
        if m.article_id not in story_of:
            continue
        keys, every, lone = asked.setdefault(story_of[m.article_id], (set(), set(), set()))
        if m.group_id is None and m.group_key != UNMEASURED:
            keys.add(m.group_key)
        if m.count_key is not None:
            (every if m.group_id is None else lone).add(_count_value(m))
    mine = {m.id: m for m in news}
    keyed: dict[tuple[int, str], list[_Member]] = {}  # (story, key) → its figures
    found: dict[tuple[int, float], list[_Member]] = {}  # (story, value) → its counts
    other: set[tuple[int, float]] = set()  # (story, value) some figure in a unit also gives
    for story, (keys, every, lone) in sorted(asked.items()):
        params = {
            "story": story,
            "keys": sorted(keys),
            "every": sorted(every),
            "lone": sorted(lone - every),
            "reach": STORY_REACH,
        }
        rows = session.execute(_story_query(), params).all()
        articles = _articles_of(rows)
        for row in rows:
            old = mine.get(row[_ID]) or _member(row, articles[row[_ARTICLE_ID]])
            mine[old.id] = old
            keyed.setdefault((story, old.group_key), []).append(old)
            if old.count_key is not None:
                found.setdefault((story, _count_value(old)), []).append(old)
            elif row[_VALUE] is not None:  # a duration or an amount in a unit
                other.add((story, float(row[_VALUE])))
    tried: list[tuple[_Member, list[_Member]]] = []  # each new figure and what it may meet
    for new in figures:
        story = story_of.get(new.article_id, 0)
        same: list[_Member] = []
        if new.count_key is not None:
            at = (story, _count_value(new))
            near = [
                old
                for old in found.get(at, ())
                if old.article_id != new.article_id and abs(old.at - new.at) <= WINDOW
            ]
            same = _same_noun(new, near, elsewise=at in other)
        if new.group_id is None:
            # Its key's best match first (as the first pass ranks them), then its count's:
            # into a group before beside a lone count, the earliest first.
            matched = [
                (score, old)
                for old in keyed.get((story, new.group_key), ())
                if (score := _score(new, old)) is not None
            ]
            matched.sort(key=lambda pair: (pair[0], -pair[1].id))
            counted = sorted(same, key=lambda m: (m.group_id is None, m.id))
            tried.append((new, [old for _, old in matched] + counted))
        elif pulled := [m for m in same if m.group_id is None and _noun(m) == _noun(new)]:
            tried.append((new, sorted(pulled, key=lambda m: m.id)))
    if not tried:
        return
    held = _held(session, {m.group_id for new, ms in tried for m in (new, *ms)} - {None})
    plan = _Plan()
    for new, same in tried:
        for old in same:
            if new.group_id is None:
                if _counts_fit(new, held.get(old.group_id or 0, [old])):
                    _hold(plan, held, new, old)
                    break
            elif old.group_id is None and _counts_fit(old, held[new.group_id]):
                _hold(plan, held, old, new)
    _follow(plan, _repeats(mine.values()), held)  # the mentions read of stored articles too
    _write(session, plan, story_of)


def _noun(member: _Member) -> str:
    """The noun a count's second key names (``*``: none of its own, or no count)."""
    return member.count_key.rsplit("|", 1)[0] if member.count_key else BARE


def _same_noun(new: _Member, near: Sequence[_Member], *, elsewise: bool) -> list[_Member]:
    """The counts of ``near`` (one value, one story) that count what ``new`` counts: its own
    noun's, and those with no noun of their own when that noun is the only one the others
    name; for a count with no noun, the counts of the one noun the others name (none when
    they name several). ``elsewise``: the story gives the value in a unit too ("by day 45"
    beside "within 45 days" and "45 monitors"), so a count with no noun may be that."""
    nouns = {_noun(m) for m in near} - {BARE}
    if _noun(new) != BARE:
        alone = nouns <= {_noun(new)} and not elsewise
        return [m for m in near if _noun(m) == _noun(new) or (alone and _noun(m) == BARE)]
    if len(nouns) != 1 or elsewise:
        return []
    return [m for m in near if _noun(m) != BARE]


BARE = "*"  # the noun of a count with no noun of its own (comparable.same_count_key)


def _count_value(member: _Member) -> float:
    """The value a count's second key gives (comparable.same_count_key)."""
    return float(str(member.count_key).rsplit("|", 1)[1])


def _counts_fit(new: _Member, members: Sequence[_Member]) -> bool:
    """True when a count may join these members by its second key (_join_in_story)."""
    return (
        all(m.article_id != new.article_id for m in members)
        and _fits_group(new, members)
        and not any(
            outcomes_differ(new.measure_key, m.measure_key, {_noun(new), _noun(m)}) for m in members
        )
    )


def _hold(plan: _Plan, held: dict[int, list[_Member]], new: _Member, old: _Member) -> None:
    """Plan ``new`` into the group of ``old`` and keep the members read up to date."""
    lone = old.group_id is None
    _plan_join(plan, new, old)
    held.setdefault(old.group_id or 0, [old] if lone else []).append(new)


def _stories_of(session: Session, articles: set[int], placed: Mapping[int, int]) -> dict[int, int]:
    """The story of each of ``articles`` in one: as just placed, else as stored."""
    found = {a: placed[a] for a in articles if a in placed}
    if rest := articles - found.keys():
        rows = session.execute(
            sa.select(_ARTICLE.c.id, _ARTICLE.c.story_id).where(
                _ARTICLE.c.id.in_(sorted(rest)), _ARTICLE.c.story_id.is_not(None)
            )
        ).all()
        found.update({int(a): int(s) for a, s in rows})
    return found


def _held(session: Session, group_ids: set[int | None]) -> dict[int, list[_Member]]:
    """Every member of these groups, by group (none read when there are none)."""
    if not group_ids:
        return {}
    ids = sorted(g for g in group_ids if g is not None)
    held: dict[int, list[_Member]] = {}
    for member in _members(session.execute(_held_query(), {"ids": ids}).all()):
        held.setdefault(member.group_id or 0, []).append(member)
    return held


@cache
def _held_query() -> sa.Select[*tuple[Any, ...]]:
    """_held's statement for the groups ``ids``, built once."""
    return _news_query(_CLAIM.c.group_id.in_(sa.bindparam("ids", expanding=True)))


@cache
def _story_query() -> sa.Select[*tuple[Any, ...]]:
    """The figures of the keys ``keys`` and of the values ``every`` in the latest ``reach``
    articles of ``story``, and its lone figures of the values ``lone`` (_join_in_story); a
    claim taken out of its group by hand has no key and is not read (_news_query)."""
    latest = (
        sa.select(_ARTICLE.c.id)
        .where(_ARTICLE.c.story_id == sa.bindparam("story"))
        .order_by(_ARTICLE.c.id.desc())
        .limit(sa.bindparam("reach"))
        .scalar_subquery()
    )
    return _news_query(
        # By the story's articles (no test of the kind: SQLite would walk every figure by the
        # kind's index); a quote has no value and its key is no figure's.
        _CLAIM.c.article_id.in_(latest),
        sa.or_(
            _CLAIM.c.group_key.in_(sa.bindparam("keys", expanding=True)),
            _CLAIM.c.value.in_(sa.bindparam("every", expanding=True)),
            sa.and_(
                _CLAIM.c.value.in_(sa.bindparam("lone", expanding=True)),
                _CLAIM.c.group_id.is_(None),
            ),
        ),
    )


def recount(session: Session, *, group_id: int) -> ClaimGroup | None:
    """Recompute a group from its members (after a correction); dissolve it below two."""
    group = session.get(ClaimGroup, group_id)
    if group is None:
        return None
    rows = session.execute(
        sa.select(*_FIELDS, *_ARTICLE_FIELDS)
        .select_from(_JOINED)
        .where(_CLAIM.c.group_id == group_id)
        .order_by(_CLAIM.c.id)
    ).all()
    members = _members(rows)
    triage.stale(session, claims=[m.id for m in members])  # a new size, conflict, or none
    cluster = disputes.clusters_of(session, group_ids=[group_id])  # its rivals', too
    if len(members) < 2:
        session.execute(
            sa.update(Claim).where(col(Claim.group_id) == group_id).values(group_id=None)
        )
        session.delete(group)
        session.flush()
        disputes.refresh(session, clusters=cluster)
        return None
    tally = _Tally(story_id=group.story_id)
    for member in members:
        tally.take(member)
    for name in _TALLY:
        setattr(group, name, getattr(tally, name))
    session.flush()
    disputes.refresh(session, clusters=cluster)
    return group


def take_out(session: Session, *, claim_id: int, seen_version: int, by: User) -> Claim:
    """Take a claim out of its group (it will not be grouped again by itself); one event."""
    require(by, Action.REVIEW)
    claim = get_claim(session, claim_id=claim_id)
    if claim.group_id is None:
        raise BadInput(f"Claim {claim_id} is in no group; nothing to take out.")
    group_id = claim.group_id
    try:
        advisory_lock(session, [claim.group_key or ""])
        claim = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes={"group_id": None, "group_key": None},
            by=by,
            action="claim.ungroup",
        )
        recount(session, group_id=group_id)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return claim


def join_groups(session: Session, *, keep_id: int, other_id: int, by: User) -> ClaimGroup:
    """Make two groups one: the other's claims move to ``keep``; an event on each claim."""
    require(by, Action.REVIEW)
    if keep_id == other_id:
        raise BadInput(f"Group {keep_id} cannot join itself; give two groups.")
    try:
        keep, other = get_group(session, group_id=keep_id), get_group(session, group_id=other_id)
        if keep.kind != other.kind:
            raise BadInput(
                f"Group {keep_id} holds {keep.kind.value} claims and group {other_id} "
                f"{other.kind.value} ones; only groups of one kind can join."
            )
        advisory_lock(session, [keep.key, other.key])
        moved = session.exec(select(Claim.id).where(Claim.group_id == other_id)).all()
        gone = disputes.clusters_of(session, group_ids=[other_id])  # the other's rivals
        session.execute(
            sa.update(Claim)
            .where(col(Claim.group_id) == other_id)
            .values(group_id=keep_id, group_key=keep.key)
        )
        for claim_id in moved:
            record(
                session,
                by=by,
                action="claim.group",
                entity="claim",
                entity_id=claim_id,
                claim_id=claim_id,
                before={"group_id": other_id},
                after={"group_id": keep_id},
            )
        session.delete(other)
        session.flush()
        recount(session, group_id=keep_id)
        disputes.refresh(session, clusters=gone)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return keep


def get_group(session: Session, *, group_id: int) -> ClaimGroup:
    """One group; NotFound names the ID asked for."""
    group = session.get(ClaimGroup, group_id)
    if group is None:
        raise NotFound(f"There is no claim group {group_id}; see `factcheck groups`.")
    return group


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One claim of a group with the article and outlet it appeared in."""

    claim: Claim
    article_id: int
    article_title: str
    outlet: str | None
    published: datetime


@dataclass(frozen=True, slots=True)
class GroupView:
    """A group with its members (earliest first) and its speaker's name."""

    group: ClaimGroup
    speaker: str | None
    members: list[MemberRow]

    @property
    def first(self) -> MemberRow:
        """Its first appearance."""
        return self.members[0]

    @property
    def last(self) -> MemberRow:
        """Its latest appearance."""
        return self.members[-1]


def _views(session: Session, groups: Sequence[ClaimGroup]) -> list[GroupView]:
    ids = [g.id for g in groups]
    rows = session.execute(
        sa.select(
            Claim,
            col(Article.title),
            col(Outlet.name),
            func.coalesce(col(Article.published_at), col(Article.ingested_at)),
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(col(Claim.group_id).in_(ids))
        .order_by(func.coalesce(col(Article.published_at), col(Article.ingested_at)), col(Claim.id))
    ).all()
    members: dict[int, list[MemberRow]] = {g.id or 0: [] for g in groups}
    for claim, title, outlet, at in rows:
        members[claim.group_id].append(
            MemberRow(claim, claim.article_id, title, outlet, as_utc(at))
        )
    speakers = {g.speaker_id for g in groups if g.speaker_id}
    names = (
        dict(
            session.exec(
                select(Speaker.id, Speaker.name).where(col(Speaker.id).in_(speakers))
            ).all()
        )
        if speakers
        else {}
    )
    return [GroupView(g, names.get(g.speaker_id or 0), members[g.id or 0]) for g in groups]


def group_view(session: Session, *, group_id: int) -> GroupView:
    """A group with its members in order of appearance."""
    return _views(session, [get_group(session, group_id=group_id)])[0]


def list_groups(
    session: Session,
    *,
    conflicts: bool = False,
    story_id: int | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[GroupView], int]:
    """A page of groups, conflicts first then the largest, and how many match."""
    check_page(offset=offset, limit=limit, noun="group")
    where: list[Any] = []
    if conflicts:
        where.append(col(ClaimGroup.conflict).is_(True))
    if story_id is not None:
        where.append(col(ClaimGroup.story_id) == story_id)
    total = session.exec(select(func.count()).select_from(ClaimGroup).where(*where)).one()
    found = session.exec(
        select(ClaimGroup)
        .where(*where)
        .order_by(col(ClaimGroup.conflict).desc(), col(ClaimGroup.size).desc(), col(ClaimGroup.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return _views(session, found), total


def apply_verdict(
    session: Session,
    *,
    group_id: int,
    seen: Mapping[int, int],
    status: Status,
    by: User,
) -> list[Claim]:
    """One verdict on several members of a group ({claim id: version seen}), all or nothing.

    Each claim gets its own version-checked status change and event (review.bulk_set_status);
    a member changed by someone else meanwhile is named and nothing is written.
    """
    from factcheck.review import bulk_set_status

    view = group_view(session, group_id=group_id)
    members = {m.claim.id or 0: m for m in view.members}
    strangers = sorted(set(seen) - set(members))
    if strangers:
        raise BadInput(
            f"Claims {', '.join(map(str, strangers))} are not in group {group_id}; "
            "tick members of the group only."
        )
    try:
        return bulk_set_status(session, seen=seen, status=status, by=by)
    except Conflict as exc:
        # The rollback expired the members: their versions read now are the current ones.
        stale = next(
            m
            for cid, m in members.items()
            if cid in seen and get_claim(session, claim_id=cid).version != seen[cid]
        )
        raise Conflict(
            f"{stale.outlet or 'An article'}'s claim {stale.claim.quote[:60]!r} "
            f"(claim {stale.claim.id}) changed since you opened the group; nothing was saved. "
            f"{exc}",
            current_version=exc.current_version,
        ) from None


def groups_of(session: Session, *, group_ids: Iterable[int]) -> dict[int, ClaimGroup]:
    """Groups by ID, in one query."""
    ids = {g for g in group_ids if g}
    if not ids:
        return {}
    return {
        g.id or 0: g for g in session.exec(select(ClaimGroup).where(col(ClaimGroup.id).in_(ids)))
    }


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """The groups and stories of a page of claims: group by ID, story by article ID."""

    groups: dict[int, ClaimGroup]
    stories: dict[int, int | None]


def claim_context(session: Session, *, claims: Sequence[Claim]) -> ClaimContext:
    """The groups of these claims and the stories of their articles, in two queries."""
    groups = groups_of(session, group_ids=[c.group_id for c in claims if c.group_id])
    article_ids = {c.article_id for c in claims}
    stories = (
        dict(
            session.exec(
                select(Article.id, Article.story_id).where(col(Article.id).in_(article_ids))
            ).all()
        )
        if article_ids
        else {}
    )
    return ClaimContext(groups, {k: v for k, v in stories.items() if k is not None})


def newer_figure(session: Session, *, claim: Claim) -> Claim | None:
    """A later figure of the same measure from the same speaker, when it differs: the claim
    repeats a figure that source has since superseded ("outdated")."""
    if claim.kind != ClaimKind.NUMERIC or not claim.group_key or not claim.speaker_id:
        return None
    if claim.as_of is None:
        return None
    newer = session.exec(
        select(Claim)
        .where(
            Claim.group_key == claim.group_key,
            Claim.speaker_id == claim.speaker_id,
            col(Claim.as_of) > claim.as_of,
            col(Claim.status) != Status.NOT_A_CLAIM,
        )
        .order_by(col(Claim.as_of).desc(), col(Claim.id).desc())
        .limit(1)
    ).first()
    if newer is None or (newer.days or newer.value) == (claim.days or claim.value):
        return None
    return newer


def conflict_count(session: Session) -> tuple[int, int]:
    """How many groups are in conflict, and how many claims they hold."""
    groups, claims = session.execute(
        sa.select(func.count(), func.coalesce(func.sum(col(ClaimGroup.size)), 0)).where(
            col(ClaimGroup.conflict).is_(True)
        )
    ).one()
    return int(groups), int(claims)
