"""Stories: the articles that cover the same events, and which of them are rewrites of another.

An article joins a story when one of its claims joins a claim group with another article's
claim (factcheck.groups decides that at ingest: same figure or same words of one speaker,
about the same names, within weeks). The story's title, as listed and shown, is its first
article's in order of appearance, the order that decides sources below (_came_first): at one
time a primary source's, then an agency's, so a rewrite never titles the story of its wire.

*Derived from.* An article whose sentences are mostly taken from one other article of its
story is marked as derived from it (a rewrite of agency copy). The rule, in three parts:

- A sentence is *taken* from a source when at least TAKEN of its content words
  (comparable.content_words: no stop words, stems, synonyms folded, numbers as values, the
  vocabulary claim groups compare quotes with) are in one sentence of the source. Sentences
  with fewer than SENTENCE_WORDS content words ("He declined to comment.") are left out of
  both texts; a line that does not end as a sentence does (a heading, a list of figures such
  as a press release's "Patients affected: 48,000") counts among the article's sentences but
  is never taken. A rewrite that rewords the wire keeps each sentence's names, figures and main
  words; independent reporting of the same figures shares them in a few sentences only.
- An article is *derived* from a source when at least DERIVED of its sentences, and at least
  TAKEN_SENTENCES of them, are taken from it (in a brief of four sentences, two taken can be
  the speaker's quote and the toll every report repeats). Of several sources it is derived
  from, the one it takes most from (the first stored of equals), the text it was written
  from, itself maybe a rewrite: a wire that copies a ministry's statement names the statement,
  a paper rewriting the wire names the wire. When that one is a rewrite of another that the
  article takes as much from, the original: a light rewrite of a light rewrite names the wire.
- *Direction*: only an article that came first can be a source. First means published earlier
  (or ingested, without a date); at the same time, a primary source's article before an
  agency's, and an agency's before any other: a primary source is an official body's own
  statement (its outlet's kind is OutletKind.OFFICIAL, or it opens with a release heading,
  a short line such as "HARBOUR BOARD - MEDIA RELEASE" or "For immediate release"), which a
  wire copies or draws on; an agency's is one whose outlet's kind is OutletKind.AGENCY, or that
  opens with an agency's dateline, "TARNHOLM, Sept 12 (MPA) - ", which rewrites drop;
  otherwise the one stored first. When an article arrives that came before an article
  already stored (a wire ingested after its rewrite, or dated earlier), the stored one is
  checked against it again, so the order of ingest does not decide by itself. What the texts
  cannot tell: two articles of one time, neither marked, the rewrite stored first; the source
  is then marked derived from the rewrite (`factcheck outlets kind` says which outlets are
  agencies or official sources, and decides their stories again).
- `factcheck groups --rebuild` decides every stored article's source again (rederive), each
  compared with the latest STORY_ARTICLES of its story's articles that came before it.

Cost: a new article is compared with at most STORY_ARTICLES of the articles it shares groups
with that came before it, and at most STORY_ARTICLES of those that came after it are checked
against it. Splitting a text into sentences (content_words of each) costs more than comparing
them, and each ingest compares a story's latest articles again: the sentences of compared
texts are kept by their text's SHA-256 (_Kept: the latest KEPT_WORDS words' worth, 13-23 MB),
so a stored text is split once per process, not at every article of its story; the new
article's text is taken from the session that stored it, and its sentences are kept even when
it is compared with nothing yet (a later article of its story will); the original of a rewrite
is found by its text's SHA-256, read with the articles placed; only texts kept nowhere are
read, in one query. Each source's sentences are indexed by content word; a sentence is compared only
with the source sentences that hold its rarest words (any sentence holding TAKEN of its words
holds one of them), at most CANDIDATES of them, so the work grows with the length of the
texts, not with the product of their sentences.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
import sys
import threading
from collections import Counter, OrderedDict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck import disputes
from factcheck.audit import record
from factcheck.comparable import content_words
from factcheck.db import PLACING, advisory_lock, check_page, show_written
from factcheck.errors import BadInput, NotFound
from factcheck.extract.lexicon import alternation
from factcheck.extract.lexicon.dates import MONTH_ABBREVIATIONS, MONTHS
from factcheck.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimKind,
    Outlet,
    OutletKind,
    Status,
    Story,
    User,
    as_utc,
    utcnow,
)
from factcheck.permissions import Action, require

DERIVED = 0.4  # share of an article's sentences taken from one source to call it derived
TAKEN = 0.6  # share of a sentence's content words found in one source sentence to call it taken
TAKEN_SENTENCES = 3  # and at least this many: two can be a quote and a figure every report has
SENTENCE_WORDS = 3  # sentences with fewer content words say too little to count either way
CANDIDATES = 8  # source sentences compared with one sentence (those holding its rarest words)
STORY_ARTICLES = 8  # linked articles compared with a new one, before it and after it
# A sentence ends at . ! or ? (closing quotes or brackets after it stay with it) or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+|\n+")
# An agency's dateline opening its copy: PLACE, (REGION,)? MONTH DAY (AGENCY) -
# ("TARNHOLM, Velmora, Sept 12 (MPA) - "); a rewrite usually drops it.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{0,40},(?:[^,\n(]{1,40},)?\s+(?:"
    + alternation(MONTHS | MONTH_ABBREVIATIONS)
    + r")\.?\s+\d{1,2}\s+\([^()\n]{1,30}\)\s*[-–—]"
)
# A primary source's heading: one of its first HEADING_LINES lines, short and not a sentence,
# that calls the text a release or statement ("CITY COUNCIL - MEDIA RELEASE").
HEADING_LINES = 3
_RELEASE = re.compile(
    r"\b(?:(?:press|media|news)\s+(?:release|statement|notice|advisory)|for\s+immediate\s+release)\b",
    re.IGNORECASE,
)
_CLOSERS = '"”’)] \t\r'  # what may follow a sentence's full stop


@dataclass(slots=True)
class _Placed:
    """What placing an article in a story reads of it (its text only when compared)."""

    id: int
    title: str
    at: datetime
    story_id: int | None
    derived_from_id: int | None
    sha256: str  # of its text: what its sentences are kept by (_KEPT)
    kind: OutletKind | None  # its outlet's
    source_sha256: str | None = None  # of the text of the article it is derived from


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


def join_stories(
    session: Session,
    *,
    links: Mapping[int, Iterable[int]],
    votes: Mapping[int, Sequence[Collection[int]]] | None = None,
    begun: list[int] | None = None,
) -> dict[int, int]:
    """Put each new article and the articles it shares groups with into one story; not
    committed. ``links``: new article → linked articles, in the order they were stored;
    ``votes``: new article → for each group it joins, the other articles of it (as read).
    Where those sit in several stories, the article joins the story most of its groups are
    in, a group being in the story most of its articles are in (the oldest of equals): a
    follow-up about one event that recaps another's figure shares that figure's group with
    the other event's articles (and, once an editor moved its own story's articles out of the
    other's, with its own story's recap), but most of what it shares is its own story's.
    Groups, not articles, are counted: the other event's group of a recapped toll holds every
    outlet that reported it. An article already in a story is never moved. Returns each new
    article's story ID; the IDs of the stories it began are added to ``begun`` when given. Reads the
    articles' dates and stories once, the texts of rewrites' candidate sources once, and
    writes stories and articles in a few statements (not ORM objects), however many articles
    the batch holds.
    """
    votes = votes or {}
    voters = {a for groups in votes.values() for members in groups for a in members}
    articles, stories = _placing(
        session, {a for i, linked in links.items() for a in (i, *linked)} | voters
    )
    placed: dict[int, _Story] = {
        i: stories[a.story_id] for i, a in articles.items() if a.story_id is not None
    }
    started: list[_Story] = []  # stories begun in this batch, in order (no ID yet)
    compared: dict[int, list[_Placed]] = {}  # article → the articles it may be copied from
    for article_id, linked in links.items():
        group = [articles[i] for i in sorted({article_id, *linked})]
        story = _story_of(_votes(votes.get(article_id, ()), linked, placed, started), started)
        if story is None:
            first = min(group, key=lambda a: (a.at, a.id))
            story = _Story(None, first.title, first.at, first.at)
            started.append(story)
        for article in group:
            placed.setdefault(article.id, story)
            if placed[article.id] is story:
                _widen(story, article)
        _to_compare(compared, articles[article_id], group)
    _write_stories(session, [s for s in stories.values() if s.changed], started)
    if begun is not None:
        begun.extend(s.id for s in started if s.id is not None)
    derived = _sources(session, compared, articles, keep=links.keys())
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
    """The dates, titles and stories of these articles (no texts; the digest of the text each
    is derived from), and those stories' titles and dates, in one query."""
    articles: dict[int, _Placed] = {}
    stories: dict[int, _Story] = {}
    for row in session.execute(_statements().placing, {"ids": sorted(ids)}):
        aid, title, at, story_id, source, sha256, kind, story_title, first, last, digest = row
        articles[aid] = _Placed(aid, title, as_utc(at), story_id, source, sha256, kind, digest)
        if story_id is not None and story_id not in stories:
            stories[story_id] = _Story(story_id, story_title, as_utc(first), as_utc(last))
    return articles, stories


@dataclass(frozen=True, slots=True)
class _Statements:
    """The statements placing runs, built once: every ingest that groups runs them, and
    building them cost more than running them."""

    placing: sa.Select[*tuple[Any, ...]]  # articles ``ids``, kinds, stories, sources (_placing)
    widen: sa.Update  # a story's title and dates (executemany: ``sid`` and _Story.columns)
    start: sa.Insert  # new stories, returning their IDs in order
    place: sa.Update  # an article's story and source (executemany: ``aid``, ``story``, ``derived``)
    texts: sa.Select[*tuple[Any, ...]]  # articles ``ids``: texts, digests, kinds, dates, sources


@functools.cache
def _statements() -> _Statements:
    stories: sa.Table = Story.__table__  # type: ignore[attr-defined]
    articles: sa.Table = Article.__table__  # type: ignore[attr-defined]
    outlets: sa.Table = Outlet.__table__  # type: ignore[attr-defined]
    sources = articles.alias("source")  # the article each is derived from: its text's digest
    derived = sources.c.id == articles.c.derived_from_id
    return _Statements(
        # Table columns, not the models' attributes: plain rows, not through the ORM.
        placing=sa.select(
            articles.c.id,
            articles.c.title,
            func.coalesce(articles.c.published_at, articles.c.ingested_at),
            articles.c.story_id,
            articles.c.derived_from_id,
            articles.c.sha256,
            outlets.c.kind,
            stories.c.title,
            stories.c.first_seen,
            stories.c.last_seen,
            sources.c.sha256,
        )
        .select_from(
            articles.outerjoin(stories, stories.c.id == articles.c.story_id)
            .outerjoin(outlets, outlets.c.id == articles.c.outlet_id)
            .outerjoin(sources, derived)
        )
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
        texts=sa.select(
            articles.c.id,
            articles.c.text,
            articles.c.sha256,
            outlets.c.kind,
            func.coalesce(articles.c.published_at, articles.c.ingested_at),
            articles.c.derived_from_id,
            sources.c.sha256,
        )
        .select_from(
            articles.outerjoin(outlets, outlets.c.id == articles.c.outlet_id).outerjoin(
                sources, derived
            )
        )
        .where(articles.c.id.in_(sa.bindparam("ids", expanding=True))),
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


def _votes(
    groups: Sequence[Collection[int]],
    linked: Iterable[int],
    placed: Mapping[int, _Story],
    started: Sequence[_Story],
) -> list[_Story]:
    """The story of each group an article joins (the one most of its articles are in, the
    oldest of equals), or without groups read, the story of each linked article."""
    if not groups:
        return [placed[i] for i in linked if i in placed]
    found = []
    for members in groups:
        stories = [placed[i] for i in members if i in placed]
        if chosen := _story_of(stories, started):
            found.append(chosen)
    return found


def _story_of(found: Sequence[_Story], started: Sequence[_Story]) -> _Story | None:
    """The story a batch of linked articles joins (``found``: the story of each of them
    placed): the stored one most of them are in, the oldest of equals; else one begun now."""
    stored = Counter(s.id for s in found if s.id is not None)
    if stored:
        most = max(stored.values())
        chosen = min(i for i, n in stored.items() if n == most)
        return next(s for s in found if s.id == chosen)
    return next((s for s in started if any(s is f for f in found)), None)


def _widen(story: _Story, article: _Placed) -> None:
    """Stretch a story's dates over an article; the earliest article gives the title."""
    if article.at < story.first_seen:
        story.first_seen, story.title, story.changed = article.at, article.title, True
    if article.at > story.last_seen:
        story.last_seen, story.changed = article.at, True


def sentences(text: str) -> list[frozenset[str]]:
    """The content words of each sentence of ``text`` that has at least SENTENCE_WORDS; a line
    that is not a sentence (no closing . ! or ?: a heading, a list of figures) gives an empty
    set, which counts as one of the text's sentences but is never taken nor taken from."""
    found = []
    for part in _SENTENCE_END.split(text):
        words = content_words(part)
        if len(words) >= SENTENCE_WORDS:
            closed = part.rstrip(_CLOSERS).endswith((".", "!", "?"))  # else a heading, a list line
            found.append(words if closed else frozenset())
    return found


KEPT_TEXT = 20_000  # texts up to this many characters keep their sentences (_KEPT)
KEPT_WORDS = 1_000_000  # the content words (and sentences) kept texts may hold at once


class _Kept:
    """The sentences of compared texts, by the SHA-256 of the text (Article.sha256; a stored
    text never changes), for the most recently compared texts holding KEPT_WORDS words at
    most: each ingest compares the latest articles of a story again, and splitting a text into
    sentences costs more than comparing them. A text's sentences depend on the text alone, so
    what is kept is right in every session and process, whatever other workers wrote.

    Kept as tuples of interned words (8 bytes a word, 56 a sentence; a set would take 60 a
    word), a sentence counted as one word more: when full, about 13 MB of news-length texts
    (3,300 texts of 300 words) and 23 MB of 300-character briefs (27,000 of them; measured
    with tracemalloc). A text longer than KEPT_TEXT characters is split each time.
    """

    def __init__(self, words: int) -> None:
        self.words = words  # the bound
        self.held = 0  # words and sentences held now
        self.texts: OrderedDict[str, tuple[int, tuple[tuple[str, ...], ...]]] = OrderedDict()
        self.lock = threading.Lock()  # Streamlit's sessions place articles in threads

    def get(self, sha256: str) -> tuple[int, list[frozenset[str]]] | None:
        """What sort of source the text itself says it is (_text_rank) and its ``sentences``;
        None when it is not kept."""
        with self.lock:
            kept = self.texts.get(sha256)
            if kept is None:
                return None
            self.texts.move_to_end(sha256)
        return kept[0], [frozenset(words) for words in kept[1]]

    def read(self, sha256: str, text: str) -> tuple[int, list[frozenset[str]]]:
        """Split ``text`` (whose SHA-256 is ``sha256``) into sentences and keep them (``get``)."""
        rank, found = _text_rank(text), sentences(text)
        if len(text) > KEPT_TEXT:
            return rank, found
        kept = tuple(tuple(map(sys.intern, words)) for words in found)
        size = _size(kept)
        with self.lock:
            if sha256 not in self.texts:
                self.texts[sha256] = (rank, kept)
                self.held += size
            while self.held > self.words:
                self.held -= _size(self.texts.popitem(last=False)[1][1])
        return rank, found

    def clear(self) -> None:
        """Forget every text."""
        with self.lock:
            self.texts.clear()
            self.held = 0


def _size(kept: tuple[tuple[str, ...], ...]) -> int:
    return len(kept) + sum(map(len, kept))


_KEPT = _Kept(KEPT_WORDS)


@dataclass(slots=True)
class Source:
    """A text's sentences, indexed by content word, to find which of them another text takes.

    ``steps`` counts the words looked at and compared: what the comparison costs.
    """

    sentences: list[frozenset[str]]
    holding: dict[str, list[int]]  # content word → the sentences holding it, in order
    steps: int = 0

    @classmethod
    def of(cls, text: str) -> Source:
        """Index the sentences of ``text``."""
        return cls.indexing(sentences(text))

    @classmethod
    def indexing(cls, found: list[frozenset[str]]) -> Source:
        """Index these sentences (as ``sentences`` gives them)."""
        holding: dict[str, list[int]] = {}
        for i, words in enumerate(found):
            for word in words:
                holding.setdefault(word, []).append(i)
        return cls(found, holding, sum(map(len, found)))

    def takes(self, words: frozenset[str]) -> bool:
        """True when one of these sentences holds TAKEN of ``words`` (one sentence's words)."""
        need = math.ceil(TAKEN * len(words))
        self.steps += len(words)
        if not words:
            return False
        held = [w for w in words if w in self.holding]
        if len(held) < need:
            return False
        # A sentence holding ``need`` of the words holds one of any len(words) - need + 1 of
        # them: those held by the fewest sentences lead to the fewest candidates.
        rarest = heapq.nsmallest(len(words) - need + 1, held, key=lambda w: len(self.holding[w]))
        seen: set[int] = set()
        for word in rarest:
            for i in self.holding[word]:
                self.steps += 1
                if i in seen:
                    continue
                seen.add(i)
                self.steps += min(len(words), len(self.sentences[i]))
                if len(words & self.sentences[i]) >= need:
                    return True
                if len(seen) >= CANDIDATES:
                    return False
        return False

    def taken_from(self, mine: Sequence[frozenset[str]]) -> int:
        """How many of the sentences ``mine`` are taken from this text."""
        return sum(self.takes(words) for words in mine)

    def derives(self, mine: Sequence[frozenset[str]]) -> float:
        """The share of the sentences ``mine`` taken from this text when it makes them derived
        (DERIVED of them and TAKEN_SENTENCES at least), else 0.0."""
        taken = self.taken_from(mine)
        share = taken / len(mine) if mine else 0.0
        return share if taken >= TAKEN_SENTENCES and share >= DERIVED else 0.0


def taken_share(text: str, source: str) -> float:
    """The share of ``text``'s sentences taken from ``source`` (see the module docstring)."""
    mine = sentences(text)
    return Source.of(source).taken_from(mine) / len(mine) if mine else 0.0


def derived_from(text: str, source: str) -> bool:
    """True when ``text`` is derived from ``source`` by their words (the module docstring)."""
    return Source.of(source).derives(sentences(text)) > 0.0


def _to_compare(
    compared: dict[int, list[_Placed]], article: _Placed, group: Sequence[_Placed]
) -> None:
    """Add the pairs a new article asks to compare: the latest STORY_ARTICLES of its linked
    articles at or before its time, as its possible sources (unless it is marked already), and
    itself as a possible source of the earliest STORY_ARTICLES at or after its time that are
    marked from none. Which of two at one time came first is decided with the texts
    (_came_first), so those appear both ways."""
    others = sorted((a for a in group if a.id != article.id), key=lambda a: (a.at, a.id))
    if article.derived_from_id is None:
        _add(compared, article.id, _before(article, others))
    for later in [a for a in others if a.at >= article.at and a.derived_from_id is None][
        :STORY_ARTICLES
    ]:
        _add(compared, later.id, [article])


def _before(article: _Placed, others: Sequence[_Placed]) -> list[_Placed]:
    """The latest STORY_ARTICLES of ``others`` (in order of time) at or before its time."""
    return [a for a in others if a.at <= article.at and a.id != article.id][-STORY_ARTICLES:]


REDERIVE_BATCH = 200  # articles (whole stories) whose sources rederive decides at once


def rederive(session: Session, *, story_ids: Collection[int] | None = None) -> int:
    """Decide every stored article's source again by the current rule (`factcheck groups
    --rebuild`; only the articles of ``story_ids`` when given), each compared with the latest
    STORY_ARTICLES of its story's articles that came before it; not committed. Returns how
    many articles' sources changed. Reads the texts of about REDERIVE_BATCH articles, whole
    stories, at a time.
    """
    at = func.coalesce(col(Article.published_at), col(Article.ingested_at))
    rows = session.execute(
        sa.select(
            col(Article.id),
            col(Article.title),
            at,
            col(Article.story_id),
            col(Article.derived_from_id),
            col(Article.sha256),
            col(Outlet.kind),
        )
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(
            col(Article.story_id).is_not(None)
            if story_ids is None
            else col(Article.story_id).in_(sorted(story_ids))
        )
        .order_by(col(Article.story_id), at, col(Article.id))
    ).all()
    was = {row[0]: row[4] for row in rows}
    stories: dict[int, list[_Placed]] = {}
    for aid, title, when, story_id, _, sha256, kind in rows:
        stories.setdefault(story_id, []).append(
            _Placed(aid, title, as_utc(when), story_id, None, sha256, kind)
        )
    changes: list[dict[str, int | None]] = []
    batch: dict[int, _Placed] = {}
    compared: dict[int, list[_Placed]] = {}
    for n, story in enumerate(stories.values(), start=1):
        for article in story:
            batch[article.id] = article
            _add(compared, article.id, _before(article, story))
        if len(batch) >= REDERIVE_BATCH or n == len(stories):
            derived = _sources(session, compared, batch)
            changes += [
                {"aid": i, "story": a.story_id, "derived": derived.get(i)}
                for i, a in batch.items()
                if derived.get(i) != was[i]
            ]
            batch, compared = {}, {}
    _write_placing(session, changes)
    return len(changes)


def _add(compared: dict[int, list[_Placed]], article_id: int, sources: Sequence[_Placed]) -> None:
    have = compared.setdefault(article_id, [])
    have.extend(s for s in sources if all(h.id != s.id for h in have))


@dataclass(frozen=True, slots=True)
class _Text:
    """An article as compared: when it appeared, what sort of source it is (_rank), its
    sentences."""

    at: datetime
    rank: int
    derived_from_id: int | None
    sentences: list[frozenset[str]]
    source_sha256: str | None = None  # of the text of the article it is derived from


def opens_as_release(text: str) -> bool:
    """True when one of the text's first HEADING_LINES lines is a release heading: at most 120
    characters, no sentence's end in it, naming a press/media/news release or statement."""
    lines = [line.strip() for line in text[:2000].splitlines() if line.strip()]
    return any(
        len(line) <= 120 and not re.search(r"[.!?]", line) and _RELEASE.search(line) is not None
        for line in lines[:HEADING_LINES]
    )


def _text_rank(text: str) -> int:
    """_rank as the text alone tells it: 0 under a release heading, 1 after an agency's
    dateline, else 2."""
    if opens_as_release(text):
        return 0
    return 1 if _DATELINE.match(text) is not None else 2


def _rank(kind: OutletKind | None, text_rank: int) -> int:
    """0 for a primary source's statement, 1 for an agency's copy, 2 for any other article:
    by its outlet's kind or its text's own heading or dateline (``text_rank``)."""
    if kind == OutletKind.OFFICIAL:
        return 0
    return min(text_rank, 1 if kind == OutletKind.AGENCY else 2)


def _came_first(a: _Text, a_id: int, b: _Text, b_id: int) -> bool:
    """True when ``a`` appeared before ``b``: earlier; at one time, a primary source's before
    an agency's before any other's (_rank); else the one stored first."""
    return (a.at, a.rank, a_id) < (b.at, b.rank, b_id)


def _kept_texts(
    session: Session, ids: set[int], articles: Mapping[int, _Placed]
) -> dict[int, _Text]:
    """The articles ``ids`` as compared, those whose sentences are kept (_KEPT) or whose text
    this session holds (a new article's, split here); the others are left to read."""
    texts = {}
    for article_id in sorted(ids):
        placed = articles[article_id]
        kept = _KEPT.get(placed.sha256)
        if kept is None and (text := held_text(session, article_id)) is not None:
            kept = _KEPT.read(placed.sha256, text)
        if kept is not None:
            text_rank, found = kept
            texts[article_id] = _Text(
                placed.at,
                _rank(placed.kind, text_rank),
                placed.derived_from_id,
                found,
                placed.source_sha256,
            )
    return texts


def article_text(session: Session, article_id: int) -> str:
    """An article's text: the one this session holds (held_text), else read."""
    held = held_text(session, article_id)
    if held is not None:
        return held
    found = session.execute(_statements().texts, {"ids": [article_id]}).first()
    return "" if found is None else str(found[1])


def held_text(session: Session, article_id: int) -> str | None:
    """The text of an article this session has loaded (one it just stored), else None."""
    held = session.identity_map.get(_article_mapper().identity_key_from_primary_key((article_id,)))
    text = None if held is None else sa.inspect(held).dict.get("text")
    return text if isinstance(text, str) else None


@functools.cache
def _article_mapper() -> sa.orm.Mapper[Article]:
    return sa.inspect(Article)


def _sources(
    session: Session,
    compared: Mapping[int, Sequence[_Placed]],
    articles: Mapping[int, _Placed],
    *,
    keep: Collection[int] = (),
) -> dict[int, int]:
    """Each article whose sentences are mostly taken from one it is compared with (and that
    came first) → that article (the module docstring). The texts not kept (_kept_texts) are
    read in one query, and the originals of rewrites it takes from, when it was not compared
    with them and their sentences are not kept, in one more. The articles ``keep`` (new ones,
    whose texts the session holds) have their sentences kept even when not compared now: a
    later article of their story compares them without reading them back."""
    compared = {i: found for i, found in compared.items() if found}
    wanted = {a.id for found in compared.values() for a in found} | set(compared)
    texts = _kept_texts(session, wanted | set(keep), articles)
    said: dict[int, list[frozenset[str]]] = {}  # originals not compared: their sentences

    def read(ids: set[int]) -> None:
        if ids:
            for aid, text, sha256, kind, at, source, source_sha256 in session.execute(
                _statements().texts, {"ids": sorted(ids)}
            ):
                if aid in articles:  # being placed or decided again: not as stored
                    placed = articles[aid]
                    at, source, source_sha256 = (
                        placed.at,
                        placed.derived_from_id,
                        placed.source_sha256,
                    )
                text_rank, found = _KEPT.read(sha256, text)
                texts[aid] = _Text(as_utc(at), _rank(kind, text_rank), source, found, source_sha256)

    read(wanted - texts.keys())
    indexed: dict[int, Source] = {}  # each source's index, made once

    def share(source_id: int, article_id: int) -> float:
        if source_id not in indexed:
            found = texts[source_id].sentences if source_id in texts else said[source_id]
            indexed[source_id] = Source.indexing(found)
        return indexed[source_id].derives(texts[article_id].sentences)

    derived: dict[int, int] = {}
    unread: dict[int, tuple[int, float]] = {}  # an article → its best source's original, not
    # compared, and the share of the best
    digests: dict[int, str] = {}  # such an original → its text's SHA-256, when known
    for article_id, found in compared.items():
        mine = texts[article_id]
        shares = {
            a.id: share(a.id, article_id)
            for a in found
            if _came_first(texts[a.id], a.id, mine, article_id)
        }
        reached = {i for i, taken in shares.items() if taken > 0.0}
        if not reached:
            continue
        best = max(reached, key=lambda i: (shares[i], -i))
        original = texts[best].derived_from_id or derived.get(best)
        derived[article_id] = best
        if original is not None and original in shares:
            derived[article_id] = original if shares[original] >= shares[best] else best
        elif original is not None:
            unread[article_id] = (original, shares[best])
            if texts[best].derived_from_id == original and (sha := texts[best].source_sha256):
                digests[original] = sha
    for original, sha256 in digests.items():
        if original not in texts and (kept := _KEPT.get(sha256)) is not None:
            said[original] = kept[1]
    read({original for original, _ in unread.values()} - texts.keys() - said.keys())
    for article_id, (original, most) in unread.items():
        if (original in texts or original in said) and share(original, article_id) >= most:
            derived[article_id] = original
    return derived


def text_words(session: Session, shas: Mapping[int, str], *, new: int) -> dict[int, frozenset[str]]:
    """The content words of the sentences of the articles ``shas`` (article → its text's
    SHA-256) and of the article ``new``, whose text this session holds (one it just stored):
    from the sentences kept (_KEPT), the texts not kept read in one query."""
    found: dict[int, frozenset[str]] = {}
    text = held_text(session, new)
    if text is not None:
        found[new] = frozenset().union(*sentences(text))
    unread = []
    for article_id, sha256 in shas.items():
        kept = _KEPT.get(sha256)
        if kept is None:
            unread.append(article_id)
        else:
            found[article_id] = frozenset().union(*kept[1])
    if new not in found:
        unread.append(new)
    if unread:
        for aid, stored, sha256, *_ in session.execute(
            _statements().texts, {"ids": sorted(unread)}
        ):
            found[aid] = frozenset().union(*_KEPT.read(sha256, stored)[1])
    return found


@dataclass(frozen=True, slots=True)
class _Seen:
    """An article as ordered by appearance: its time, its outlet's kind, its story."""

    id: int
    at: datetime
    kind: OutletKind | None
    story_id: int


def _appearance(session: Session, seen: Sequence[_Seen]) -> dict[int, tuple[datetime, int, int]]:
    """Each article's place in order of appearance, the order _came_first decides sources by:
    earlier first; at one time a primary source's, then an agency's (_rank), then the one
    stored first. So a story's first article is never one derived from another of it. Only
    the openings of articles that share their time with another of their story are read."""
    times = Counter((a.story_id, a.at) for a in seen)
    tied = [a.id for a in seen if times[(a.story_id, a.at)] > 1]
    text_ranks: dict[int, int] = {}
    for start in range(0, len(tied), 500):
        text_ranks.update(
            (aid, _text_rank(opening))
            for aid, opening in session.execute(
                sa.select(col(Article.id), func.substr(col(Article.text), 1, 2000)).where(
                    col(Article.id).in_(tied[start : start + 500])
                )
            )
        )
    return {a.id: (a.at, _rank(a.kind, text_ranks.get(a.id, 2)), a.id) for a in seen}


def _first_articles(
    session: Session, story_ids: list[int]
) -> tuple[dict[int, int], dict[int, str]]:
    """Each story's first article (_appearance) and those articles' titles. Only the articles
    of a story's first moment can be its first: only they are read, and only their openings."""
    at = func.coalesce(col(Article.published_at), col(Article.ingested_at))
    earliest = (
        sa.select(col(Article.story_id).label("story_id"), func.min(at).label("at"))
        .where(col(Article.story_id).in_(story_ids))
        .group_by(col(Article.story_id))
        .subquery()
    )
    rows = session.execute(
        sa.select(col(Article.id), col(Article.story_id), at, col(Outlet.kind), col(Article.title))
        .join(earliest, sa.and_(earliest.c.story_id == Article.story_id, earliest.c.at == at))
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
    ).all()
    leading = [_Seen(aid, as_utc(when), kind, story_id) for aid, story_id, when, kind, _ in rows]
    order = _appearance(session, leading)
    first: dict[int, int] = {}  # story → its first article
    for a in leading:
        if a.story_id not in first or order[a.id] < order[first[a.story_id]]:
            first[a.story_id] = a.id
    return first, {aid: title for aid, *_, title in rows}


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listed: title, outlets, dates, counts by status and conflicts. ``title`` is
    its first article's (in order of appearance, story_articles' first)."""

    story: Story
    title: str
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


MOVED_AT_ONCE = 500  # articles one move takes


def move_articles(
    session: Session, *, article_ids: Sequence[int], to_story: int | None, by: User
) -> Story:
    """Move articles into another story, or (``to_story`` None) into a new story of their own:
    an editor's correction of a story that mixes two events (look-alike stories that share
    figures: a follow-up about another fire that recaps the first one's toll) or misses an
    article. Commits; returns the story the articles are now in.

    Each article moved is one ``article.story`` event (its story before and after). A story
    left with no article is deleted; each story's dates and title follow its articles (the
    earliest gives the title). A claim group belongs to the story of its first member's
    article, so the groups of the moved claims follow their first members; the disputes of
    the figures of every story touched are computed again (factcheck.disputes). Ingest never
    moves an article that is already in a story (join_stories), so the correction holds when
    more of either story's articles come: a new article joins the story most of the groups it
    joins are in. Claims stay in their groups: a figure of one event that joined a
    look-alike of the other is taken out of its group by hand (groups.take_out). On
    PostgreSQL a move waits for the ingests placing articles and they wait for it (db.PLACING):
    an article arriving for a story being merged away lands in the story it was merged into.
    """
    require(by, Action.EDIT_STORIES)
    ids = sorted(set(article_ids))
    if not ids:
        raise BadInput("Choose at least one article to move.")
    if len(ids) > MOVED_AT_ONCE:
        raise BadInput(f"Move at most {MOVED_AT_ONCE} articles at once; {len(ids)} were given.")
    try:
        advisory_lock(session, [PLACING])  # alone: no ingest places articles meanwhile
        found: dict[int, int | None] = dict(
            session.execute(
                sa.select(col(Article.id), col(Article.story_id)).where(col(Article.id).in_(ids))
            ).all()
        )
        if missing := [i for i in ids if i not in found]:
            raise NotFound(f"There is no article {missing[0]}; see `factcheck stories articles`.")
        target = get_story(session, story_id=to_story) if to_story is not None else None
        moving = [i for i in ids if found[i] is None or found[i] != to_story]
        if not moving:
            raise BadInput(f"Every article given is already in story {to_story}.")
        left = sorted({s for i in moving if (s := found[i]) is not None})
        if target is None:
            now = utcnow()
            target = Story(title="", first_seen=now, last_seen=now)
            session.add(target)
            session.flush()
        assert target.id is not None
        session.execute(
            sa.update(Article).where(col(Article.id).in_(moving)).values(story_id=target.id)
        )
        for article_id in moving:
            record(
                session,
                by=by,
                action="article.story",
                entity="article",
                entity_id=article_id,
                before={"story_id": found[article_id]},
                after={"story_id": target.id},
            )
        touched = [*left, target.id]
        _follow_first_members(session, article_ids=moving, stories=touched)
        for story_id in touched:
            _fit_to_articles(session, story_id)
        session.expire_all()  # the rows the updates above changed
        disputes.refresh(session, clusters=disputes.clusters_in(session, touched))
        session.commit()
    except Exception:
        session.rollback()
        raise
    return get_story(session, story_id=target.id)


def _follow_first_members(session: Session, *, article_ids: list[int], stories: list[int]) -> None:
    """Give each group of these articles' claims, and each group of these stories, the story
    of its first member's article (as ingest gave it)."""
    groups = sa.union(
        sa.select(col(Claim.group_id)).where(
            col(Claim.article_id).in_(article_ids), col(Claim.group_id).is_not(None)
        ),
        sa.select(col(ClaimGroup.id)).where(col(ClaimGroup.story_id).in_(stories)),
    ).subquery()
    first = (
        sa.select(func.min(Claim.id).label("claim_id"))
        .where(col(Claim.group_id).in_(sa.select(groups.c[0])))
        .group_by(col(Claim.group_id))
        .subquery()
    )
    rows = session.execute(
        sa.select(col(Claim.group_id), col(Article.story_id))
        .join(Article, col(Article.id) == Claim.article_id)
        .where(col(Claim.id).in_(sa.select(first.c.claim_id)))
    ).all()
    if rows:  # one UPDATE by primary key for them all
        session.execute(sa.update(ClaimGroup), [{"id": gid, "story_id": sid} for gid, sid in rows])


def _fit_to_articles(session: Session, story_id: int) -> None:
    """Set a story's dates and title from its articles; delete it when it has none."""
    at = func.coalesce(Article.published_at, Article.ingested_at)
    first = session.execute(
        sa.select(col(Article.title), at)
        .where(col(Article.story_id) == story_id)
        .order_by(at, col(Article.id))
        .limit(1)
    ).first()
    if first is None:
        session.execute(
            sa.update(ClaimGroup).where(col(ClaimGroup.story_id) == story_id).values(story_id=None)
        )
        session.execute(sa.delete(Story).where(col(Story.id) == story_id))
        return
    last = session.execute(
        sa.select(func.max(at)).where(col(Article.story_id) == story_id)
    ).scalar_one()
    session.execute(
        sa.update(Story)
        .where(col(Story.id) == story_id)
        .values(title=first[0], first_seen=as_utc(first[1]), last_seen=as_utc(last))
    )


def story_titles(session: Session, *, limit: int) -> list[tuple[int, str]]:
    """The IDs and titles of the latest stories (what a form offers to choose from), in one
    query: no counts, unlike list_stories."""
    return [
        (int(i), str(t))
        for i, t in session.execute(
            sa.select(col(Story.id), col(Story.title))
            .order_by(col(Story.last_seen).desc(), col(Story.id).desc())
            .limit(limit)
        ).all()
    ]


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
    first, titles = _first_articles(session, [i for i in ids if i is not None])
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
            title=titles[first[s.id]] if s.id in first else s.title,
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
    """The articles of a story in order of appearance (_appearance: a source before the
    articles derived from it), with how many claims each has."""
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
            col(Outlet.kind),
        )
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .join(counts, counts.c.article_id == Article.id, isouter=True)
        .where(col(Article.story_id) == story_id)
    ).all()
    order = _appearance(session, [_Seen(r[0], as_utc(r[3]), r[6], story_id) for r in rows])
    return [
        StoryArticle(r[0], r[1], r[2], as_utc(r[3]), r[4], r[5])
        for r in sorted(rows, key=lambda r: order[r[0]])
    ]


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
