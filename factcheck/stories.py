"""Stories: the articles that cover the same events, and which of them are rewrites of another.

An article joins a story when one of its claims joins a claim group with another article's
claim (factcheck.groups decides that at ingest: same figure or same words of one speaker,
about the same names, within weeks). The story's title is its earliest article's. An article
most of whose text is found in an earlier article of its story (``DERIVED`` of its runs of
five words, the shingles of Broder's resemblance measure) is marked as derived from it: a
rewrite of agency copy keeps long runs of words, independent reporting of the same facts
does not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.db import check_page, show_written
from factcheck.errors import NotFound
from factcheck.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimKind,
    Outlet,
    Status,
    Story,
    utcnow,
)

DERIVED = 0.6  # share of an article's five-word runs found in another to call it derived
SHINGLE = 5
STORY_ARTICLES = 8  # earlier linked articles compared when looking for a source
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class _Placed:
    """What placing an article in a story reads of it (its text only when compared)."""

    id: int
    title: str
    at: datetime
    story_id: int | None
    derived_from_id: int | None


@dataclass(slots=True, eq=False)
class _Story:
    """A story being placed: its ID (None until written), title and dates."""

    id: int | None
    title: str
    first_seen: datetime
    last_seen: datetime
    changed: bool = False

    def columns(self) -> dict[str, Any]:
        """What placing decides of the story, as Story's columns."""
        return {"title": self.title, "first_seen": self.first_seen, "last_seen": self.last_seen}


def join_stories(session: Session, *, links: Mapping[int, Iterable[int]]) -> dict[int, int]:
    """Put each new article and the articles it shares groups with into one story; not
    committed. ``links``: new article → linked articles, in the order they were stored.
    Returns each new article's story ID. Reads the articles' dates and stories once, the texts
    of rewrites' candidate sources once, and writes stories and articles in a few statements
    (not ORM objects), however many articles the batch holds.
    """
    articles, stories = _placing(session, {a for i, linked in links.items() for a in (i, *linked)})
    placed: dict[int, _Story] = {
        i: stories[a.story_id] for i, a in articles.items() if a.story_id is not None
    }
    started: list[_Story] = []  # stories begun in this batch, in order (no ID yet)
    earlier: dict[int, list[_Placed]] = {}  # new article → the articles it may be copied from
    for article_id, linked in links.items():
        group = [articles[i] for i in sorted({article_id, *linked})]
        story = _story_of([placed[a.id] for a in group if a.id in placed], started)
        if story is None:
            first = min(group, key=lambda a: (a.at, a.id))
            story = _Story(None, first.title, first.at, first.at)
            started.append(story)
        for article in group:
            placed.setdefault(article.id, story)
            if placed[article.id] is story:
                _widen(story, article)
        if articles[article_id].derived_from_id is None:
            earlier[article_id] = _earlier(articles[article_id], group)
    _write_stories(session, [s for s in stories.values() if s.changed], started)
    derived = _sources(session, earlier)
    changes = [
        {
            "aid": i,
            "story": a.story_id or (placed[i].id if i in placed else None),
            "derived": a.derived_from_id or derived.get(i),
        }
        for i, a in articles.items()
        if (a.story_id is None and i in placed) or derived.get(i)
    ]
    _write_placing(session, changes)
    return {article_id: placed[article_id].id or 0 for article_id in links}


def _placing(session: Session, ids: set[int]) -> tuple[dict[int, _Placed], dict[int, _Story]]:
    """The dates, titles and stories of these articles (no texts), and those stories' titles
    and dates, in one query."""
    articles: dict[int, _Placed] = {}
    stories: dict[int, _Story] = {}
    for row in session.execute(_statements().placing, {"ids": sorted(ids)}):
        aid, title, at, story_id, source, story_title, first_seen, last_seen = row
        articles[aid] = _Placed(aid, title, _aware(at), story_id, source)
        if story_id is not None and story_id not in stories:
            stories[story_id] = _Story(story_id, story_title, _aware(first_seen), _aware(last_seen))
    return articles, stories


@dataclass(frozen=True, slots=True)
class _Statements:
    """The statements placing runs, built once: every ingest that groups runs them, and
    building them cost more than running them."""

    placing: sa.Select[*tuple[Any, ...]]  # articles ``ids`` with their stories (_placing)
    widen: sa.Update  # a story's title and dates (executemany: ``sid`` and _Story.columns)
    start: sa.Insert  # new stories, returning their IDs in order
    place: sa.Update  # an article's story and source (executemany: ``aid``, ``story``, ``derived``)
    texts: sa.Select[*tuple[Any, ...]]  # the texts of articles ``ids``


@functools.cache
def _statements() -> _Statements:
    stories: sa.Table = Story.__table__  # type: ignore[attr-defined]
    articles: sa.Table = Article.__table__  # type: ignore[attr-defined]
    return _Statements(
        # Table columns, not the models' attributes: plain rows, not through the ORM.
        placing=sa.select(
            articles.c.id,
            articles.c.title,
            func.coalesce(articles.c.published_at, articles.c.ingested_at),
            articles.c.story_id,
            articles.c.derived_from_id,
            stories.c.title,
            stories.c.first_seen,
            stories.c.last_seen,
        )
        .select_from(articles.outerjoin(stories, stories.c.id == articles.c.story_id))
        .where(articles.c.id.in_(sa.bindparam("ids", expanding=True))),
        widen=sa.update(stories)
        .where(stories.c.id == sa.bindparam("sid"))
        .values(
            title=sa.bindparam("title"),
            first_seen=sa.bindparam("first_seen"),
            last_seen=sa.bindparam("last_seen"),
        ),
        start=sa.insert(stories).returning(stories.c.id, sort_by_parameter_order=True),
        place=sa.update(articles)
        .where(articles.c.id == sa.bindparam("aid"))
        .values(story_id=sa.bindparam("story"), derived_from_id=sa.bindparam("derived")),
        texts=sa.select(articles.c.id, articles.c.text).where(
            articles.c.id.in_(sa.bindparam("ids", expanding=True))
        ),
    )


def _write_stories(session: Session, changed: list[_Story], started: list[_Story]) -> None:
    """Store widened stories in one UPDATE and new ones in one INSERT (giving them IDs)."""
    if changed:
        session.execute(_statements().widen, [{"sid": s.id, **s.columns()} for s in changed])
        show_written(session, Story, {s.id: s.columns() for s in changed})
    if started:
        now = utcnow()
        ids = session.execute(
            _statements().start, [{**s.columns(), "created_at": now} for s in started]
        ).scalars()
        for story, story_id in zip(started, ids, strict=True):
            story.id = story_id


def _write_placing(session: Session, changes: list[dict[str, int | None]]) -> None:
    """Store articles' stories and sources in one UPDATE."""
    if not changes:
        return
    session.execute(_statements().place, changes)
    show_written(
        session,
        Article,
        {c["aid"]: {"story_id": c["story"], "derived_from_id": c["derived"]} for c in changes},
    )


def _story_of(found: Sequence[_Story], started: Sequence[_Story]) -> _Story | None:
    """The story a batch of linked articles joins: the oldest stored one, else one begun now."""
    stored = [s for s in found if s.id is not None]
    if stored:
        return min(stored, key=lambda s: s.id or 0)
    return next((s for s in started if any(s is f for f in found)), None)


def _widen(story: _Story, article: _Placed) -> None:
    """Stretch a story's dates over an article; the earliest article gives the title."""
    if article.at < story.first_seen:
        story.first_seen, story.title, story.changed = article.at, article.title, True
    if article.at > story.last_seen:
        story.last_seen, story.changed = article.at, True


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def shingles(text: str, *, size: int = SHINGLE) -> set[int]:
    """Hashes of every run of ``size`` words (lower case): what copying keeps, rewording loses."""
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + size])) for i in range(max(0, len(words) - size + 1))}


def taken_share(text: str, source: str) -> float:
    """The share of ``text``'s word runs that are found in ``source`` (1.0: copied whole)."""
    return _share(shingles(text), shingles(source))


def _share(mine: set[int], theirs: set[int]) -> float:
    return len(mine & theirs) / len(mine) if mine else 0.0


def _earlier(article: _Placed, group: Sequence[_Placed]) -> list[_Placed]:
    """The articles of ``group`` it may be copied from: the latest STORY_ARTICLES of those
    it shares groups with that appeared no later (the cost stays bounded)."""
    linked = [a for a in group if a.id != article.id and a.at <= article.at]
    return sorted(linked, key=lambda a: a.at)[-STORY_ARTICLES:]


def _sources(session: Session, earlier: Mapping[int, Sequence[_Placed]]) -> dict[int, int]:
    """Each article mostly copied from one of its earlier linked articles → that article.

    A rewrite of agency copy keeps long runs of its words (DERIVED of its five-word runs);
    independent reporting of the same facts does not. The texts are read in one query.
    """
    compared = {i: found for i, found in earlier.items() if found}
    wanted = {a.id for found in compared.values() for a in found} | set(compared)
    if not wanted:
        return {}
    texts: dict[int, str] = {
        article_id: text
        for article_id, text in session.execute(_statements().texts, {"ids": sorted(wanted)})
    }
    runs: dict[int, set[int]] = {}  # each text's shingles, made once

    def shingled(article_id: int) -> set[int]:
        if article_id not in runs:
            runs[article_id] = shingles(texts[article_id])
        return runs[article_id]

    derived: dict[int, int] = {}
    for article_id, found in compared.items():
        best = max(
            ((_share(shingled(article_id), shingled(a.id)), a.id) for a in found),
            key=lambda pair: pair[0],
            default=(0.0, 0),
        )
        if best[0] >= DERIVED:
            derived[article_id] = best[1]
    return derived


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listed: title, outlets, dates, counts by status and conflicts."""

    story: Story
    articles: int
    outlets: list[str]
    statuses: dict[Status, int] = field(default_factory=dict)
    conflicts: int = 0
    groups: int = 0

    @property
    def claims(self) -> int:
        """How many claims its articles hold."""
        return sum(self.statuses.values())


def get_story(session: Session, *, story_id: int) -> Story:
    """One story; NotFound names the ID asked for."""
    story = session.get(Story, story_id)
    if story is None:
        raise NotFound(f"There is no story {story_id}; see `factcheck stories`.")
    return story


def list_stories(
    session: Session, *, offset: int = 0, limit: int = 50, story_ids: Iterable[int] = ()
) -> tuple[list[StoryRow], int]:
    """A page of stories, latest first, with their outlets, counts and conflicts; the total."""
    check_page(offset=offset, limit=limit, noun="story")
    only = list(story_ids)
    where = [col(Story.id).in_(only)] if only else []
    total = session.exec(select(func.count()).select_from(Story).where(*where)).one()
    stories = session.exec(
        select(Story)
        .where(*where)
        .order_by(col(Story.last_seen).desc(), col(Story.id).desc())
        .offset(offset)
        .limit(limit)
    ).all()
    ids = [s.id for s in stories]
    if not ids:
        return [], total
    articles: dict[int, int] = {}
    outlets: dict[int, set[str]] = {i: set() for i in ids if i is not None}
    for story_id, outlet in session.execute(
        sa.select(col(Article.story_id), col(Outlet.name))
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(col(Article.story_id).in_(ids))
    ).all():
        articles[story_id] = articles.get(story_id, 0) + 1
        if outlet:
            outlets[story_id].add(outlet)
    statuses: dict[int, dict[Status, int]] = {i: {} for i in ids if i is not None}
    for story_id, status, n in session.execute(
        sa.select(col(Article.story_id), col(Claim.status), func.count())
        .join(Claim, col(Claim.article_id) == Article.id)
        .where(col(Article.story_id).in_(ids))
        .group_by(col(Article.story_id), col(Claim.status))
    ).all():
        statuses[story_id][Status(status)] = n
    groups: dict[int, tuple[int, int]] = {}
    for story_id, conflict, n in session.execute(
        sa.select(col(ClaimGroup.story_id), col(ClaimGroup.conflict), func.count())
        .where(col(ClaimGroup.story_id).in_(ids))
        .group_by(col(ClaimGroup.story_id), col(ClaimGroup.conflict))
    ).all():
        total_groups, conflicts = groups.get(story_id, (0, 0))
        groups[story_id] = (total_groups + n, conflicts + (n if conflict else 0))
    rows = [
        StoryRow(
            story=s,
            articles=articles.get(s.id or 0, 0),
            outlets=sorted(outlets.get(s.id or 0, set())),
            statuses=statuses.get(s.id or 0, {}),
            conflicts=groups.get(s.id or 0, (0, 0))[1],
            groups=groups.get(s.id or 0, (0, 0))[0],
        )
        for s in stories
    ]
    return rows, total


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article of a story, for its timeline."""

    id: int
    title: str
    outlet: str | None
    published: datetime
    derived_from: int | None
    claims: int


def story_articles(session: Session, *, story_id: int) -> list[StoryArticle]:
    """The articles of a story in order of appearance, with how many claims each has."""
    get_story(session, story_id=story_id)
    counts = (
        select(Claim.article_id, func.count().label("n"))
        .join(Article, col(Article.id) == Claim.article_id)
        .where(Article.story_id == story_id)
        .group_by(col(Claim.article_id))
        .subquery()
    )
    at = func.coalesce(col(Article.published_at), col(Article.ingested_at))
    rows = session.execute(
        sa.select(
            col(Article.id),
            col(Article.title),
            col(Outlet.name),
            at,
            col(Article.derived_from_id),
            func.coalesce(counts.c.n, 0),
        )
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .join(counts, counts.c.article_id == Article.id, isouter=True)
        .where(col(Article.story_id) == story_id)
        .order_by(at, col(Article.id))
    ).all()
    return [StoryArticle(r[0], r[1], r[2], _aware(r[3]), r[4], r[5]) for r in rows]


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One reported value of a measure, by the day it describes."""

    as_of: date
    value: float
    outlet: str
    measure: str
    quote: str


def figure_series(session: Session, *, story_id: int, limit: int = 2000) -> list[SeriesPoint]:
    """The grouped figures of a story by as-of date and outlet (for one chart).

    The story's count groups first (indexed by story), then their claims (indexed by group):
    joined in one statement, SQLite's planner walks every article instead.
    """
    groups = dict(
        session.exec(
            select(ClaimGroup.id, ClaimGroup.measure_key).where(
                ClaimGroup.story_id == story_id,
                ClaimGroup.kind == ClaimKind.NUMERIC,
                ClaimGroup.unit == "count",  # counts over time; durations do not move
            )
        ).all()
    )
    if not groups:
        return []
    rows = session.execute(
        sa.select(
            col(Claim.as_of),
            col(Claim.value),
            col(Outlet.name),
            col(Claim.group_id),
            col(Claim.quote),
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(col(Claim.group_id).in_(groups), col(Claim.as_of).is_not(None))
        .order_by(col(Claim.as_of), col(Claim.id))
        .limit(limit)
    ).all()
    return [
        SeriesPoint(r[0], float(r[1]), r[2] or "(no outlet)", groups.get(r[3]) or "", r[4])
        for r in rows
        if r[1] is not None
    ]
