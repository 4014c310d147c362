"""Disputed figures: outlets of one story that report one fact with values apart.

The rule is written in factcheck.comparable (beside the conflict rule); this module keeps it
stored. A group in dispute has its ``conflict`` flag set, and a lone figure in dispute (one
outlet's figure, in no group) becomes a group of one with the flag set, so every reader of
conflicts (the Claims page's "conflicts only", the dashboard, the Stories page, `factcheck
groups --conflicts`, the claims' JSON ``conflict``) sees it without reading claims; which
kind it is follows from the group: its own members disagree when their common interval is
empty (``lo > hi``), else it is in dispute (``rivals`` names the other side).

Kept by ``refresh`` over the figures of one story and one key (a *cluster*). Grouping at
ingest calls it for the clusters of the figures it just placed (their stories known from
placing them): each new figure is compared with the latest LATEST figures of its cluster,
read for every cluster of the ingest in one statement through the story's articles, so the
cost per article does not grow with the archive; each claim row's figure is kept by the row
(FIGURES_KEPT). Flags are only raised, but a cluster where a new figure supersedes an older
one of its source (comparable.supersedes: a later entry of a live blog, a later article of
one outlet that day) is recomputed whole, since that may end the older one's dispute.
Take-out, join, regroup and `groups --rebuild` recompute whole clusters, read through the
story's articles and the index on ``(measure_key, article_id)``: the cost is the size of
those clusters, never the database.

Not kept at ingest: a dispute with a figure older than a cluster's latest LATEST; a dispute
that ends because a new figure of one article joins both sides (a rebuild recomputes it); the
figures of an article stored earlier with no story, once a later article places it in one,
of keys that later article has no figure of.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, col

from factcheck import triage
from factcheck.comparable import (
    Bounds,
    Given,
    amount_outcome,
    bounds,
    contests,
    entry_at,
    entry_ranks,
    figures_dispute,
    fixed_fact,
    names_outcome,
    other_places,
    places_of,
    reports_count,
    resolve_as_of,
    retold,
    running,
    said_on,
    supersedes,
)
from factcheck.db import show_written
from factcheck.models import Article, Claim, ClaimGroup, ClaimKind, as_utc

if TYPE_CHECKING:
    from factcheck.groups import GroupView

Cluster = tuple[int, str]  # (story id, group key)
# At ingest a new figure is compared with the latest LATEST figures of its story and key (as
# grouping compares it with the latest CANDIDATES of its key): the cost stays flat as a story
# grows. Each figure read costs about as much as the statement; 20 holds a day of a story's
# outlets on one measure in the labelled sets many times over.
LATEST = 20
# The figures of the claim rows read last (_figure): about 2 KB each (the row's sentence and
# quote with it), so at most about 18 MB. A story's latest figures are read again at each of
# its ingests; 8,192 hold the latest figures of three measures of 130 stories.
FIGURES_KEPT = 8192
BY_AMOUNT = "n|*|"  # group keys of amounts (durations, lengths), which dispute by outcome
Unit = tuple[str, int]  # ("g", group id) or ("c", claim id) of a lone figure
ConflictKind = Literal["within", "dispute"]

# What each kind of conflict means, as the Stories and Claim pages and the CLI say it.
CONFLICT_NOTES: dict[ConflictKind, str] = {
    "within": "the stated values cannot all be true",
    "dispute": "other outlets of this story give another value for the same day, or for a fact"
    " that does not change from day to day",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """What the dispute rule reads of a figure: a group's member or a lone figure."""

    unit: Unit  # its group, or itself when it is in none
    claim: int
    stated: Bounds
    day: date  # its as-of day: the claim's as_of, else its article's date
    outlet: int  # its outlet, or minus its article when it has none
    article: int
    outcome: str | None = None  # what it is of, when compared by amount (comparable.amount_outcome)
    fixed: bool = False  # a fact fixed at one moment, disputed across days (comparable.fixed_fact)
    given: Given | None = None  # its source, day and time, for comparable.supersedes
    current: bool = True  # False: a newer figure of its source and day supersedes it
    places: frozenset[str] = frozenset()  # the places it counts at (comparable.places_of)
    retold: bool = False  # told of an earlier moment: compared on no day (comparable.retold)
    contested: bool = False  # its sentence sets it against another source's (comparable.contests)


def clusters_of(session: Session, *, group_ids: Iterable[int]) -> set[Cluster]:
    """The clusters (story, key) of these numeric groups; groups without a story have none."""
    ids = {g for g in group_ids if g}
    if not ids:
        return set()
    rows = session.execute(
        sa.select(col(ClaimGroup.story_id), col(ClaimGroup.key)).where(
            col(ClaimGroup.id).in_(ids),
            col(ClaimGroup.kind) == ClaimKind.NUMERIC,
            col(ClaimGroup.story_id).is_not(None),
        )
    ).all()
    return {(int(story), str(key)) for story, key in rows}


def clusters_at(
    session: Session,
    *,
    figures: Iterable[tuple[int, str]],
    stories: Mapping[int, int],
    stored: bool,
    elsewhere: Collection[str],
) -> set[Cluster]:
    """The clusters of figures just grouped or left lone, as (article, group key): their
    article's story from ``stories`` (the articles grouping placed), read only for ``stored``
    articles (an edit, a rebuild): a new article that shares no group has no story yet.
    A key in no other article of the batch and not in ``elsewhere`` (the keys grouping found
    candidates for outside the batch) has no figure to dispute: no cluster."""
    figures = list(figures)
    articles: dict[str, set[int]] = {}
    for article, key in figures:
        articles.setdefault(key, set()).add(article)
    # Durations and lengths are looked up by amount, so "elsewhere" misses the other lengths
    # of their outcome ("7-year" beside "nine years"): their cluster is always read.
    figures = [
        (a, k)
        for a, k in figures
        if k in elsewhere or len(articles[k]) > 1 or k.startswith(BY_AMOUNT)
    ]
    wanted = [(article, key) for article, key in figures if names_outcome(key)]
    known = dict(stories)
    missing = {article for article, _ in wanted if article not in known}
    if stored and missing:
        known.update(
            (article, story)
            for article, story in session.execute(
                sa.select(col(Article.id), col(Article.story_id)).where(
                    col(Article.id).in_(missing), col(Article.story_id).is_not(None)
                )
            ).all()
            if story is not None
        )
    return {(known[article], key) for article, key in wanted if article in known}


def refresh(session: Session, *, clusters: Collection[Cluster], new: Collection[int] = ()) -> None:
    """Recompute the disputes of the figures of these clusters: set each group's ``conflict``
    flag (with its own members' conflict), make each lone figure in dispute a group of one
    and dissolve a group of one whose dispute ended; not committed.

    ``new``: the claims an ingest just placed. Then only disputes with one of them are looked
    for, among the latest LATEST figures of each cluster (so the cost does not grow with a
    story), and flags are only raised: adding figures never ends a dispute. Without it (a
    correction, a rebuild) every figure of the clusters is read and every flag recomputed.
    """
    wanted = {c for c in clusters if names_outcome(c[1])}
    if not wanted:
        return
    read = _read(session, wanted, latest=LATEST if new else None)
    if not read.figures:
        return
    touched = None
    if new:
        fresh = set(new)
        # A new figure that supersedes an older one of its source may end that one's
        # dispute: those clusters are recomputed whole (flags lowered too).
        if redo := {c for c, newer in read.newer.items() if newer & fresh}:
            refresh(session, clusters=redo)
            read.figures = {c: u for c, u in read.figures.items() if c not in redo}
        touched = {
            f.unit
            for units in read.figures.values()
            for found in units.values()
            for f in found
            if f.claim in fresh
        }
    disputed = {u for pair in _pairs(read.figures, touched) for u in pair}
    changes = [
        {"gid": gid, "flag": flag}
        for gid, (lo, hi, was, size) in read.groups.items()
        if size > 1
        and (flag := ("g", gid) in disputed or Bounds(lo, hi).empty) != bool(was)
        and (flag or not new)
    ]
    ended = [
        gid
        for gid, (lo, hi, _, size) in read.groups.items()
        if not new and size == 1 and ("g", gid) not in disputed and not Bounds(lo, hi).empty
    ]
    started = [read.lone[cid] for kind, cid in sorted(disputed) if kind == "c"]
    if changes:
        session.execute(_writes().flag, changes)
        show_written(session, ClaimGroup, {c["gid"]: {"conflict": c["flag"]} for c in changes})
    if ended:
        _dissolve(session, ended)
    if started:
        _start(session, started)
    if changes or ended or started:
        # A conflict is worth triage points to each member of the group.
        # a group of one dissolved has no claims left by the commit: its figure by ID
        alone = {("g", gid) for gid in ended}
        triage.stale(
            session,
            claims=[lone.claim for lone in started]
            + [
                f.claim
                for units in read.figures.values()
                for u in alone & units.keys()
                for f in units[u]
            ],
            groups={c["gid"] for c in changes} | set(ended),
        )


def rivals(session: Session, *, group: ClaimGroup) -> list[int]:
    """The groups this one is in dispute with (same story and key), by ID."""
    if group.story_id is None or group.kind != ClaimKind.NUMERIC or group.id is None:
        return []
    read = _read(session, {(group.story_id, group.key)}, latest=None)
    own: Unit = ("g", group.id)
    return sorted(
        other[1]
        for pair in _pairs(read.figures, None)
        if own in pair
        for other in pair - {own}
        if other[0] == "g"
    )


def in_dispute(a: Collection[Figure], b: Collection[Figure]) -> bool:
    """True when a figure of one side and a figure of the other dispute (comparable's rule),
    unless one article gives figures of both: it tells two facts (a part and a whole, a
    series, even when one figure supersedes the other: "six missing" at 10:40 and four at
    15:30 say a count fell, so another outlet's six and another's four need not disagree),
    except when such an article sets one against the other (comparable.contests: "rejects
    the figure of 23"): it reports the disagreement.
    Only the figures no newer one supersedes are compared (comparable.supersedes)."""
    shared = {x.article for x in a} & {y.article for y in b}
    if shared and not any(f.contested and f.article in shared for f in (*a, *b)):
        return False
    return any(
        x.current
        and y.current
        and x.outcome == y.outcome
        and not other_places(x.places, y.places)
        and figures_dispute(
            x.stated,
            y.stated,
            same_day=x.day == y.day and not x.retold and not y.retold,
            same_outlet=x.outlet == y.outlet,
            fixed=x.fixed and y.fixed,
        )
        for x in a
        for y in b
    )


def conflict_kind(group: ClaimGroup) -> ConflictKind | None:
    """Which conflict a group is in: its own members' ("within"), a dispute, or none."""
    if not group.conflict:
        return None
    return "within" if Bounds(group.lo, group.hi).empty else "dispute"


def rival_views(session: Session, *, groups: Iterable[ClaimGroup]) -> dict[int, list[GroupView]]:
    """For each of these groups in conflict, the groups it is in dispute with (members and
    outlets, for showing each outlet's figure side by side); one look-up per such group."""
    from factcheck.groups import group_view  # groups keep disputes; disputes show groups

    found: dict[int, list[GroupView]] = {}
    for group in groups:
        if group.conflict and group.id is not None:
            found[group.id] = [
                group_view(session, group_id=g) for g in rivals(session, group=group)
            ]
    return found


@dataclass(frozen=True, slots=True)
class _Lone:
    """A lone figure in dispute: what its group of one is made of."""

    claim: int
    story: int
    key: str
    measure: str | None
    unit: str | None
    stated: Bounds
    at: datetime


@dataclass(slots=True)
class _Read:
    """The figures of some clusters, by cluster; their groups' (lo, hi, conflict, size)."""

    figures: dict[Cluster, dict[Unit, list[Figure]]]
    groups: dict[int, tuple[float | None, float | None, bool, int]]
    lone: dict[int, _Lone]
    # the clusters where a figure is superseded, with the claims that supersede one
    newer: dict[Cluster, set[int]] = field(default_factory=dict)


def _read(session: Session, clusters: Collection[Cluster], *, latest: int | None) -> _Read:
    """The figures of these clusters (every one, or each cluster's ``latest``), grouped or
    lone, with their groups. The latest: one statement for all clusters (_latest_query).
    Every one: one small statement per cluster (_query), the same SQL each time, so it is
    compiled once per process (a UNION of many clusters was compiled once per number of
    clusters, which cost more than running it)."""
    read = _Read({}, {}, {})
    if latest is not None:
        params = {
            "stories": sorted({story for story, _ in clusters}),
            "keys": sorted({key for _, key in clusters}),
            "latest": latest,
        }
        # A batch of several stories reads each story's clusters of the others' keys too.
        wanted = set(clusters)
        for row in session.execute(_latest_query(), params).all():
            if (row[_STORY], row[_KEY]) in wanted:
                _take(read, row)
    else:
        query = _query()
        for story, key in sorted(clusters):
            params = {"story": story, "key": key, "measure": key.split("|")[1]}
            for row in session.execute(query, params).all():
                _take(read, row)
    _own_places(read)
    _supersede(session, read)
    return read


def _supersede(session: Session, read: _Read) -> None:
    """Mark each figure a newer one of its source, day and outcome supersedes
    (comparable.supersedes): it takes no part in a dispute. Figures of one article are
    ordered by their timed entries, read from its text only when it has two such figures."""
    alike: dict[tuple[Cluster, str | None, int, date], list[Figure]] = {}
    for cluster, units in read.figures.items():
        for listed in units.values():
            for f in listed:
                alike.setdefault((cluster, f.outcome, f.outlet, f.day), []).append(f)
    rivals = {k: fs for k, fs in alike.items() if len(fs) > 1 and len({f.stated for f in fs}) > 1}
    if not rivals:
        return
    twice = {
        f.claim for fs in rivals.values() for f in fs if sum(g.article == f.article for g in fs) > 1
    }
    entries = _entries(session, twice) if twice else {}
    old: set[int] = set()
    for (cluster, *_), fs in rivals.items():
        given = {f.claim: replace(f.given, entry=entries.get(f.claim)) for f in fs if f.given}
        for f, g in ((f, g) for f in fs for g in fs if f.claim in given and g.claim in given):
            if supersedes(given[g.claim], given[f.claim]):
                old.add(f.claim)
                read.newer.setdefault(cluster, set()).add(g.claim)
    if old:
        for units in read.figures.values():
            for listed in units.values():
                listed[:] = [replace(f, current=False) if f.claim in old else f for f in listed]


def _entries(session: Session, claims: Collection[int]) -> dict[int, int]:
    """The rank of the timed entry each of these claims sits in (comparable.entry_ranks),
    for those in one. A text's entries are kept by its SHA-256 (_RANKS): each ingest of a
    story compares its articles again, and their texts are read only the first time."""
    rows = session.execute(
        sa.select(_CLAIM.c.id, _CLAIM.c.start, _ARTICLE.c.sha256)
        .join(_ARTICLE, _ARTICLE.c.id == _CLAIM.c.article_id)
        .where(_CLAIM.c.id.in_(sorted(claims)))
    ).all()
    ranks = {sha: _RANKS.get(sha) for _, _, sha in rows}
    unknown = sorted(sha for sha, known in ranks.items() if known is None)
    if unknown:
        texts = sa.select(_ARTICLE.c.sha256, _ARTICLE.c.text).where(_ARTICLE.c.sha256.in_(unknown))
        for sha, text in session.execute(texts).all():
            ranks[sha] = _RANKS.put(sha, entry_ranks(text or ""))
    found: dict[int, int] = {}
    for claim, start, sha in rows:
        if (rank := entry_at(ranks.get(sha) or [], start)) is not None:
            found[claim] = rank
    return found


class _Ranks:
    """The timed entries of recently compared texts, by the SHA-256 of the text (a stored text
    never changes, so what is kept is right in every process): at most RANKS_KEPT texts, a
    text with more than RANKS_ENTRIES entries not kept. An entry is a pair of small ints (about
    70 bytes), so at most about 14 MB, and 60 bytes a text for most, which have no entries."""

    def __init__(self) -> None:
        self.kept: OrderedDict[str, list[tuple[int, int]]] = OrderedDict()
        self.lock = threading.Lock()  # Streamlit's sessions place articles in threads

    def get(self, sha256: str) -> list[tuple[int, int]] | None:
        with self.lock:
            found = self.kept.get(sha256)
            if found is not None:
                self.kept.move_to_end(sha256)
            return found

    def put(self, sha256: str, ranks: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if len(ranks) <= RANKS_ENTRIES:
            with self.lock:
                self.kept[sha256] = ranks
                while len(self.kept) > RANKS_KEPT:
                    self.kept.popitem(last=False)
        return ranks


RANKS_KEPT = 2048
RANKS_ENTRIES = 100
_RANKS = _Ranks()


def _columns() -> tuple[sa.ColumnElement[Any], ...]:
    """What _read reads of each claim (_CLAIM_COLUMNS), then its article's outlet, story and
    date, and its group's common interval, flag and size: _take unpacks them in this order."""
    claim, article, group = _CLAIM.c, _ARTICLE.c, _GROUP.c
    return (
        *(claim[name] for name in _CLAIM_COLUMNS),
        article.outlet_id,
        article.story_id,
        sa.type_coerce(
            sa.func.coalesce(article.published_at, article.ingested_at), sa.DateTime()
        ).label("at"),
        group.lo,
        group.hi,
        group.conflict,
        group.size,
    )


def _joined() -> sa.Join:
    """A claim with its article and its group, if any."""
    claim, article, group = _CLAIM.c, _ARTICLE.c, _GROUP.c
    return _CLAIM.join(_ARTICLE, article.id == claim.article_id).join(
        _GROUP, group.id == claim.group_id, isouter=True
    )


@cache
def _query() -> sa.Select[Any]:
    """The statement that reads every figure of one cluster, built once, of table columns
    (plain rows, not the ORM's, as grouping reads): through the story's articles and the
    index on (measure key, article)."""
    claim, article = _CLAIM.c, _ARTICLE.c
    story = sa.bindparam("story", type_=sa.Integer)
    key = sa.bindparam("key", type_=sa.String)
    # Durations (``n|*|day``) have measure keys of their own: read them by group key.
    measure = sa.bindparam("measure", type_=sa.String)
    return (
        sa.select(*_columns())
        .select_from(_joined())
        .where(
            sa.or_(claim.measure_key == measure, measure == "*"),
            claim.article_id.in_(sa.select(article.id).where(article.story_id == story)),
            claim.group_key == key,
        )
    )


@cache
def _latest_query() -> sa.Select[Any]:
    """The statement that reads the latest ``latest`` figures of each cluster of some stories
    and keys, built once: the stories' claims of the keys are ranked newest first within each
    story and key, then the first ``latest`` of each are read with their articles and groups
    (in no order: nothing refresh does depends on it, and sorting them again cost more on
    SQLite). Through the stories' articles, never down the index on
    (group key, id): a key most stories share (people killed) would be walked through every
    story's figures, a cost growing with the archive; this one grows with the stories.
    coalesce() keeps the planners off that index."""
    claim, article = _CLAIM.c, _ARTICLE.c
    ranked = (
        sa.select(
            claim.id,
            sa.func.row_number()
            .over(partition_by=(article.story_id, claim.group_key), order_by=claim.id.desc())
            .label("rank"),
        )
        .select_from(_CLAIM.join(_ARTICLE, article.id == claim.article_id))
        .where(
            article.story_id.in_(sa.bindparam("stories", expanding=True)),
            sa.func.coalesce(claim.group_key, "").in_(sa.bindparam("keys", expanding=True)),
        )
        .subquery("ranked")
    )
    return (
        sa.select(*_columns())
        .select_from(_joined().join(ranked, ranked.c.id == claim.id))
        .where(ranked.c.rank <= sa.bindparam("latest", type_=sa.Integer))
    )


# What _read reads of each claim (_columns): _take unpacks them in this order.
_CLAIM_COLUMNS = (
    "id",
    "group_id",
    "group_key",
    "measure_key",
    "unit",
    "value",
    "lower",
    "upper",
    "qualifier",
    "days",
    "as_of",
    "quote",
    "sentence",
    "article_id",
)
_KEY, _STORY, _TALLY = 2, 15, 17  # a row's group key, story, and its group's tally from here
_CLAIM: sa.Table = Claim.__table__  # type: ignore[attr-defined]
_ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
_GROUP: sa.Table = ClaimGroup.__table__  # type: ignore[attr-defined]


def _take(read: _Read, row: Any) -> None:
    """One claim row of _read into its cluster, as a figure when it reports a count."""
    if (gid := row[1]) is not None:
        lo, hi, conflict, size = row[_TALLY:]
        read.groups[gid] = (lo, hi, bool(conflict), int(size or 0))
    if (found := _figure(tuple(row[:_TALLY]))) is not None:
        figure, lone = found
        read.figures.setdefault((row[_STORY], row[_KEY]), {}).setdefault(figure.unit, []).append(
            figure
        )
        if lone is not None:
            read.lone[figure.claim] = lone


@lru_cache(maxsize=FIGURES_KEPT)
def _figure(claim: tuple[Any, ...]) -> tuple[Figure, _Lone | None] | None:
    """The figure a claim row of _read gives (its group's tally apart), with what its group
    of one would be made of when it is lone; None when it reports no count.

    Kept by the row itself (what _take reads of the claim, its group's ID, its article's
    outlet, story and date: nothing else decides the figure, so what is kept is right in
    every process): each ingest of a story reads its latest figures again, and their
    sentences are read only the first time."""
    (cid, gid, key, measure, unit, value, lower, upper, qualifier, days, as_of, quote) = claim[:12]
    sentence, article, outlet, story, published = claim[12:]
    stated = bounds(value=value, lower=lower, upper=upper, qualifier=qualifier, days=days)
    if stated is None or value is None:
        return None
    counts, rising, said, told, places, contested = _words_around(sentence, quote)
    if not counts:
        return None
    if rising:
        stated = Bounds(stated.lo, None)  # "58 so far": the day's count is at least 58
    outcome = None
    if (
        key.split("|")[1] == "*"
        and (outcome := amount_outcome(key, measure, sentence, quote)) is None
    ):
        return None  # "six weeks", "400 metres" of nothing named: nothing to dispute
    moment = as_utc(published)
    own: Unit = ("g", gid) if gid is not None else ("c", cid)
    day = as_of if as_of is not None else moment.date()
    if day == moment.date() and said:
        day = resolve_as_of(said, moment)  # "said on Tuesday night that six …": Tuesday's
    source = outlet if outlet is not None else -article
    figure = Figure(
        own,
        cid,
        stated,
        day,
        source,
        article,
        outcome,
        fixed_fact(measure, sentence, quote),
        Given(source, day, moment, article),
        places=places,
        retold=told,
        contested=contested,
    )
    lone = None if gid is not None else _Lone(cid, story, key, measure, unit, stated, moment)
    return figure, lone


@lru_cache(maxsize=4096)
def _words_around(
    sentence: str, quote: str
) -> tuple[bool, bool, str | None, bool, frozenset[str], bool]:
    """What a figure's sentence says of it (comparable.reports_count, running, said_on,
    retold, places_of, contests): read again at every ingest of its story, so kept for the
    sentences read last (the one cache of them: a row's figure, _figure, changes with its
    group)."""
    return (
        reports_count(sentence, quote),
        running(sentence, quote),
        said_on(sentence, quote),
        retold(sentence, quote),
        places_of(sentence, quote),
        contests(sentence),
    )


def _own_places(read: _Read) -> None:
    """Give a figure tied to no place the place of its article's other figures of its
    cluster, when they are all tied to one (comparable.other_places): a live blog's "now 27
    killed" after its "19 killed in Velmont" counts in Velmont."""
    for units in read.figures.values():
        tied: dict[int, list[frozenset[str]]] = {}
        for listed in units.values():
            for f in listed:
                if f.places:
                    tied.setdefault(f.article, []).append(f.places)
        one = {
            article: frozenset[str]().union(*found)
            for article, found in tied.items()
            if not any(other_places(a, b) for a in found for b in found)
        }
        if not one:
            continue
        for listed in units.values():
            listed[:] = [
                replace(f, places=one[f.article]) if not f.places and f.article in one else f
                for f in listed
            ]


def clusters_in(session: Session, stories: Collection[int] | None = None) -> set[Cluster]:
    """The clusters (story, group key) of the figures of these stories (of every story when
    None)."""
    where = [col(Article.story_id).is_not(None)]
    if stories is not None:
        where = [col(Article.story_id).in_(sorted(stories))]
    return {
        (int(story), str(key))
        for story, key in session.execute(
            sa.select(col(Article.story_id), col(Claim.group_key))
            .join(Article, col(Article.id) == Claim.article_id)
            .where(col(Claim.kind) == ClaimKind.NUMERIC, *where)
            .distinct()
        ).all()
        if key is not None
    }


def refresh_all(session: Session) -> int:
    """Recompute the disputes of every story's figures (migration 0018, `groups --rebuild`);
    how many clusters."""
    clusters = clusters_in(session)
    ordered = sorted(clusters)
    for start in range(0, len(ordered), 200):
        refresh(session, clusters=ordered[start : start + 200])
    return len(ordered)


def _pairs(
    figures: Mapping[Cluster, Mapping[Unit, list[Figure]]], touched: Collection[Unit] | None
) -> set[frozenset[Unit]]:
    """The pairs of groups or lone figures in dispute, within each cluster; with ``touched``,
    only pairs with one of those (a cluster without one is passed by). Only units with
    figures of one day are compared, or with facts fixed at one moment (the day None); each
    pair once."""
    ours = None if touched is None else set(touched)
    found: set[frozenset[Unit]] = set()
    for units in figures.values():
        if ours is not None and ours.isdisjoint(units):
            continue
        days: dict[date | None, set[Unit]] = {}
        for unit, listed in units.items():
            for figure in listed:
                if not figure.current:
                    continue  # superseded by a newer figure of its source (comparable)
                if not figure.retold:
                    days.setdefault(figure.day, set()).add(unit)
                if figure.fixed:
                    days.setdefault(None, set()).add(unit)
        compared: set[frozenset[Unit]] = set()
        for day_units in days.values():
            if len(day_units) < 2:
                continue
            for u in day_units if ours is None else day_units & ours:
                for v in day_units:
                    pair = frozenset((u, v))
                    if u != v and pair not in compared:
                        compared.add(pair)
                        if in_dispute(units[u], units[v]):
                            found.add(pair)
    return found


def _start(session: Session, lone: Sequence[_Lone]) -> None:
    """Make each of these lone figures in dispute a group of one."""
    sql = _writes()
    now = datetime.now(UTC)
    made = (
        session.execute(
            sql.start,
            [
                {
                    "kind": ClaimKind.NUMERIC,
                    "key": f.key,
                    "measure_key": f.measure,
                    "unit": f.key.rsplit("|", 1)[-1],
                    "speaker_id": None,
                    "size": 1,
                    "lo": f.stated.lo,
                    "hi": f.stated.hi,
                    "conflict": True,
                    "first_seen": f.at,
                    "first_claim_id": f.claim,
                    "last_seen": f.at,
                    "last_claim_id": f.claim,
                    "story_id": f.story,
                    "created_at": now,
                }
                for f in lone
            ],
        )
        .scalars()
        .all()
    )
    session.execute(
        sql.join, [{"cid": f.claim, "gid": gid} for f, gid in zip(lone, made, strict=True)]
    )
    show_written(
        session, Claim, {f.claim: {"group_id": gid} for f, gid in zip(lone, made, strict=True)}
    )


@dataclass(frozen=True, slots=True)
class _Writes:
    """The statements refresh writes with, built once, as grouping's are (a pasted article
    of the benchmark's stories starts a group of one about every other time)."""

    flag: sa.Update  # a group's conflict flag (executemany: ``gid``, ``flag``)
    start: sa.Insert  # groups of one, returning their IDs in order
    join: sa.Update  # a claim's group (executemany: ``cid``, ``gid``)


@cache
def _writes() -> _Writes:
    """refresh's statements, built on first use."""
    return _Writes(
        flag=sa.update(_GROUP)
        .where(_GROUP.c.id == sa.bindparam("gid"))
        .values(conflict=sa.bindparam("flag")),
        start=sa.insert(_GROUP).returning(_GROUP.c.id, sort_by_parameter_order=True),
        join=sa.update(_CLAIM)
        .where(_CLAIM.c.id == sa.bindparam("cid"))
        .values(group_id=sa.bindparam("gid")),
    )


def _dissolve(session: Session, group_ids: Sequence[int]) -> None:
    """Put the figure of each of these groups of one back alone and delete the group."""
    session.execute(
        sa.update(Claim).where(col(Claim.group_id).in_(group_ids)).values(group_id=None)
    )
    table: sa.Table = ClaimGroup.__table__  # type: ignore[attr-defined]
    session.execute(sa.delete(table).where(table.c.id.in_(group_ids)))
    for group in [session.get(ClaimGroup, gid) for gid in group_ids]:
        if group is not None:
            session.expunge(group)
