"""Stories by what identifies the events: an article that shares no claim group with any other
joins a story when it names the same rare people and places, quotes the same speakers and says
much the same in other words (issue #10 §4: an explainer, a parish newsletter, an analysis).

*Keys.* At ingest each new article's keys are stored (StoryKey, indexed by key and date): the
names it is about (Article.topics: capitalised words inside sentences, "n:grauwand") and the
speakers its claims quote, after resolution ("s:12"). Every new article's keys are written;
an article that no claim group placed in a story looks them up, and so does the first new
article of a story that claim groups begin: a loose article stored before (an explainer that
arrived while the story was one article, in no story yet) is then placed as if it came now.

*Candidates.* Each key of the loose article is looked up among the articles dated within
WINDOW of it (so the story it joins has an article within WINDOW: the article falls within
the story's first..last date ± WINDOW), at most KEY_ARTICLES + 1 of them per key, in one
statement walking the (key, date) index: a key found in more than KEY_ARTICLES articles in
that window is common ("police", a country, an agency's name in its datelines) and counts for
nothing. A key *points to* a story when every article holding it that sits in a story sits in
that one: a town's name or its mayor quoted in two stories of that town points to neither.
The names of a speaker the article quotes count with the speaker as one key ("Ilse Varga":
"n:ilse", "n:varga" and "s:12" are one), so one person quoted is never several keys.

*Decision.* A story is a candidate when at least STORY_KEYS of the article's keys point to it.
Its words are then compared: the content words of the article (factcheck.comparable.
content_words: stems, synonyms folded, no stop words, the vocabulary quotes and rewrites are
compared in) against those of the story's latest STORY_ARTICLES articles holding its keys, by
the cosine of the two sets (shared words over the geometric mean of their sizes). Sets, not
TF-IDF: the keys already do the weighting by rarity, and a word's document frequency over the
few articles compared says little; the cosine does not grow with the length of either side as
plain overlap does. The article joins when the similarity reaches SIMILAR. When two stories
qualify it joins the one with most keys only when that one has at least twice the other's;
else neither (two stories in one town that an article bridges are not merged by it: stories
are only ever joined through claim groups, and an article's keys are no claim group).

Measured on the open story sets (tests/data/stories_*.json), each article against its own
story's other articles and against the other stories (names before folding, no distinctness):
own stories shared 4-22 names and cosine 0.32-0.55, others 0-3 names and cosine 0.10-0.25.

Cost: writing the keys is one INSERT per batch; a loose article, and an article that begins
a story, adds one lookup statement (bounded by KEY_ARTICLES per key, whatever the database
holds), and, only when a story (or a loose article) has enough keys, reads of the outlet, the
speakers' names and the words of at most STORY_ARTICLES texts per candidate (kept by
factcheck.stories across ingests). Measured (6 December, SQLite, 1,500 benchmark articles in
500 stories one per transaction, load 11): 0.75 ms CPU per article, of group_articles' 3.9 ms
(the keys' INSERT 0.24, lookups of loose articles 0.22, of begun stories 0.26).

Not done: articles stored with grouping off (FACTCHECK_GROUPING=0, group_stored) get no keys
but migration 0028's; keys name speakers as they were at ingest (a later merge of two
speakers leaves the old ID in the keys); `factcheck groups --rebuild` places no loose article.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.models import Article, Claim, Outlet, Speaker, StoryKey, as_utc

WINDOW = timedelta(days=14)  # a loose article joins a story with an article this close in time
KEY_ARTICLES = 40  # a key held by more articles than this within WINDOW is common
STORY_KEYS = 4  # keys pointing to one story that make it a candidate
SIMILAR = 0.3  # cosine of content words with the story's articles to join it
LOOKED_UP = 32  # keys of one article looked up (speakers first, then names by frequency)

_KEYS: sa.Table = StoryKey.__table__  # type: ignore[attr-defined]
_ARTICLES: sa.Table = Article.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class NewArticle:
    """What placing by keys needs of a new article: its date, names and quoted speakers."""

    at: datetime
    names: Collection[str]  # Article.topics
    speakers: Collection[int] = ()


@dataclass(slots=True)
class _Hit:
    """A stored article that holds one of the loose article's keys."""

    article_id: int
    story_id: int | None
    at: datetime
    sha256: str
    outlet: str | None
    keys: set[str] = field(default_factory=set)


def article_keys(article: NewArticle) -> list[str]:
    """An article's keys as stored: its speakers, then its names."""
    names = sorted(article.names)
    return [f"s:{i}" for i in sorted(article.speakers)] + [f"n:{n}" for n in names]


def store_keys(session: Session, *, articles: Mapping[int, NewArticle]) -> None:
    """Write the keys of new articles in one statement; not committed."""
    rows = [
        {"article_id": i, "key": key[:120], "at": a.at}
        for i, a in articles.items()
        for key in dict.fromkeys(article_keys(a))
    ]
    if rows:
        session.execute(_insert(), rows)


@functools.cache
def _insert() -> sa.Insert:
    """store_keys' statement, built once: every ingest runs it."""
    return sa.insert(_KEYS)


def place_loose(
    session: Session,
    *,
    articles: Mapping[int, NewArticle],
    placed: Mapping[int, int],
    begun: Collection[int] = (),
) -> dict[int, int]:
    """Store the keys of new articles and put each one no claim group placed (not in
    ``placed``: article → story) into the story its keys and words point to (the module
    docstring); then, for each story ``begun`` now, the stored loose articles that share
    enough keys with its new articles; not committed. Returns the story of each new article
    placed here."""
    store_keys(session, articles=articles)
    joined: dict[int, int] = {}
    for article_id, article in articles.items():
        if article_id in placed:
            continue
        story = _best_story(session, article_id, article)
        if story is not None:
            joined[article_id] = story
    for article_id in sorted(i for i, story in placed.items() if story in begun and i in articles):
        _adopt(session, article_id, articles[article_id], set(articles))
    return joined


def _adopt(session: Session, article_id: int, article: NewArticle, batch: set[int]) -> None:
    """Place the loose articles stored before a story began (its keys held by a new article
    of it) as if they came now: an explainer stored when the story was a single article."""
    hits = _hits(session, article_id, article)
    loose = sorted(
        i
        for i, hit in hits.items()
        if hit.story_id is None and i not in batch and len(hit.keys) >= STORY_KEYS
    )
    for found, stored in new_articles(session, loose).items():
        _best_story(session, found, stored)


def _best_story(session: Session, article_id: int, article: NewArticle) -> int | None:
    """The story the loose article joins (placing it there), or None."""
    hits = _hits(session, article_id, article)
    keys = _pointing(hits)
    raw: dict[int, int] = {}
    for story in keys.values():
        raw[story] = raw.get(story, 0) + 1
    if not any(n >= STORY_KEYS for n in raw.values()):
        return None  # units are never more than keys: nothing more to read
    units = _units(session, article_id, article, keys, hits)
    (most, best), *others = sorted(((len(u), s) for s, u in units.items()), reverse=True)
    if most < STORY_KEYS:
        return None
    if others and most < 2 * others[0][0]:
        return None  # two stories share it about as much (a roundup): neither is its story
    if _similarity(session, article_id, hits, best) < SIMILAR:
        return None
    from factcheck.stories import join_stories  # stories place articles; this finds where

    linked = sorted(h.article_id for h in hits.values() if h.story_id == best)
    return join_stories(session, links={article_id: linked})[article_id]


def _hits(session: Session, article_id: int, article: NewArticle) -> dict[int, _Hit]:
    """The stored articles within WINDOW holding the article's keys, each key's common ones
    left out (more than KEY_ARTICLES of them), by article."""
    keys = article_keys(article)[:LOOKED_UP]
    if not keys:
        return {}
    params: dict[str, object] = {f"k{i}": key for i, key in enumerate(keys)}
    params.update({"article": article_id, "lo": article.at - WINDOW, "hi": article.at + WINDOW})
    rows = session.execute(_lookup(len(keys)), params).all()
    found: dict[str, list[sa.Row[Any]]] = {}
    for row in rows:
        found.setdefault(row.key, []).append(row)
    hits: dict[int, _Hit] = {}
    for key, held in found.items():
        if len(held) > KEY_ARTICLES:
            continue
        for row in held:
            hit = hits.setdefault(
                row.article_id,
                _Hit(row.article_id, row.story_id, as_utc(row.at), row.sha256, row.outlet),
            )
            hit.keys.add(key)
    return hits


@functools.lru_cache(maxsize=LOOKED_UP)
def _lookup(keys: int) -> sa.CompoundSelect[Any]:
    """The statement reading the articles within ``lo``..``hi`` that hold each of ``keys`` keys
    (k0, k1 …), at most KEY_ARTICLES + 1 per key, latest first, down the (key, at) index."""
    outlets: sa.Table = Outlet.__table__  # type: ignore[attr-defined]
    stored = _KEYS.c.at.type
    lo, hi = sa.bindparam("lo", type_=stored), sa.bindparam("hi", type_=stored)
    outside = _KEYS.c.article_id != sa.bindparam("article", type_=sa.Integer)
    parts = [
        sa.select(_KEYS.c.key, _KEYS.c.article_id, _KEYS.c.at)
        .where(_KEYS.c.key == sa.bindparam(f"k{i}", type_=sa.String), _KEYS.c.at >= lo)
        .where(_KEYS.c.at <= hi, outside)
        .order_by(_KEYS.c.at.desc())
        .limit(KEY_ARTICLES + 1)
        .subquery()
        for i in range(keys)
    ]
    found = sa.union_all(*(sa.select(part) for part in parts)).subquery()
    return sa.select(
        found.c.key,
        found.c.article_id,
        found.c.at,
        _ARTICLES.c.story_id,
        _ARTICLES.c.sha256,
        outlets.c.name.label("outlet"),
    ).select_from(  # type: ignore[return-value]
        found.join(_ARTICLES, _ARTICLES.c.id == found.c.article_id).outerjoin(
            outlets, outlets.c.id == _ARTICLES.c.outlet_id
        )
    )


def _pointing(hits: Mapping[int, _Hit]) -> dict[str, int]:
    """Each key that points to one story (every article holding it that sits in a story sits
    in that one) → that story."""
    stories: dict[str, set[int]] = {}
    for hit in hits.values():
        if hit.story_id is not None:
            for key in hit.keys:
                stories.setdefault(key, set()).add(hit.story_id)
    return {key: next(iter(found)) for key, found in stories.items() if len(found) == 1}


def _units(
    session: Session,
    article_id: int,
    article: NewArticle,
    keys: Mapping[str, int],
    hits: Mapping[int, _Hit],
) -> dict[int, set[str]]:
    """Each story → the things the keys pointing to it name, as written in the article: a
    name's key counts as the longest run of capitalised words of the article holding it
    ("n:rosa" and "n:venn" are "rosa venn" once), a speaker's key as the run holding its name
    ("s:12" is "rosa venn" too). The words of an outlet's name and its initials (the agency
    in a dateline, "CPA" of the Continental Press Agency) and the words of the article's own
    outlet's name count for nothing."""
    from factcheck.stories import article_text

    runs = _runs(article_text(session, article_id))
    own = _outlet(session, article_id)
    outlets = {h.outlet for h in hits.values() if h.outlet} | set(own)
    ignored = {_initials(name) for name in outlets} | {w for name in own for w in _words(name)}
    names_of = _speaker_names(session, article.speakers)
    found: dict[int, set[str]] = {}
    for key, story in keys.items():
        kind, _, rest = key.partition(":")
        words = {rest} if kind == "n" else names_of.get(int(rest), set())
        if kind == "n" and rest in ignored:
            continue
        held = sorted((run for run in runs if words & set(run)), key=lambda run: -len(run))
        unit = " ".join(held[0]) if held else key
        found.setdefault(story, set()).add(unit)
    return found


_RUN = re.compile(
    r"(?:[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*|[A-Z]{2,6})(?:['’]s)?"
    r"(?: (?:[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*|[A-Z]{2,6})(?:['’]s)?)*"
)


def _runs(text: str) -> list[tuple[str, ...]]:
    """The runs of capitalised words of a text, each as its lower-case words (as
    Article.topics writes them), in order, once each."""
    found = (
        tuple(re.sub(r"['’]s$", "", w).lower() for w in m.group().split())
        for m in _RUN.finditer(text[:20000])
    )
    return list(dict.fromkeys(found))


def _words(name: str) -> list[str]:
    """The words of a name, lower case."""
    return [w.lower() for w in re.findall(r"[A-Za-z]+", name)]


def _initials(name: str) -> str:
    """The initials of a name's capitalised words, lower case ("CPA" of the Continental
    Press Agency)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()).lower()


def _outlet(session: Session, article_id: int) -> list[str]:
    """The name of the article's outlet (none when it has none)."""
    outlets: sa.Table = Outlet.__table__  # type: ignore[attr-defined]
    return list(
        session.execute(
            sa.select(outlets.c.name)
            .select_from(_ARTICLES.join(outlets, outlets.c.id == _ARTICLES.c.outlet_id))
            .where(_ARTICLES.c.id == article_id)
        ).scalars()
    )


def _speaker_names(session: Session, speakers: Iterable[int]) -> dict[int, set[str]]:
    """The lower-case words of each speaker's name and aliases (as Article.topics has them)."""
    ids = sorted(speakers)
    if not ids:
        return {}
    found: dict[int, set[str]] = {}
    for speaker_id, name, aliases in session.execute(
        sa.select(Speaker.id, Speaker.name, Speaker.aliases).where(  # type: ignore[call-overload]
            Speaker.id.in_(ids)  # type: ignore[union-attr]
        )
    ).all():
        written = " ".join([name, *(aliases or ())])
        found[speaker_id] = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", written)}
    return found


def _similarity(session: Session, article_id: int, hits: Mapping[int, _Hit], story: int) -> float:
    """The cosine of the article's content words and those of the story's latest
    STORY_ARTICLES articles among the hits."""
    from factcheck.stories import STORY_ARTICLES, text_words

    theirs = sorted(
        (h for h in hits.values() if h.story_id == story), key=lambda h: (h.at, h.article_id)
    )[-STORY_ARTICLES:]
    words = text_words(session, {h.article_id: h.sha256 for h in theirs}, new=article_id)
    mine = words.get(article_id, frozenset())
    union: set[str] = set()
    for h in theirs:
        union |= words.get(h.article_id, frozenset())
    return cosine(mine, union)


def cosine(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Shared words over the geometric mean of the two sets' sizes (0.0 when one is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def new_articles(session: Session, ids: Sequence[int]) -> dict[int, NewArticle]:
    """The dates, names and quoted speakers of stored articles, read in two statements (for
    articles whose claims grouping did not read)."""
    if not ids:
        return {}
    at = sa.type_coerce(
        sa.func.coalesce(_ARTICLES.c.published_at, _ARTICLES.c.ingested_at), sa.DateTime()
    )
    speakers: dict[int, set[int]] = {}
    claims: sa.Table = Claim.__table__  # type: ignore[attr-defined]
    for aid, who in session.execute(
        sa.select(claims.c.article_id, claims.c.speaker_id).where(
            claims.c.article_id.in_(ids), claims.c.speaker_id.is_not(None)
        )
    ).all():
        speakers.setdefault(aid, set()).add(who)
    return {
        aid: NewArticle(as_utc(when), list(names or ()), sorted(speakers.get(aid, ())))
        for aid, when, names in session.execute(
            sa.select(_ARTICLES.c.id, at, _ARTICLES.c.topics).where(_ARTICLES.c.id.in_(ids))
        ).all()
    }


def name_again(session: Session, *, batch: int = 500) -> int:
    """Compute the names of every stored article again (comparable.topics: after its rule
    changed), a batch at a time, and write again the story keys of those whose names changed;
    how many changed. Articles keep their stories and claims their groups; not committed."""
    from factcheck.comparable import topics

    read = (
        sa.select(_ARTICLES.c.id, _ARTICLES.c.title, _ARTICLES.c.text, _ARTICLES.c.topics)
        .where(_ARTICLES.c.id > sa.bindparam("after"))
        .order_by(_ARTICLES.c.id)
        .limit(batch)
    )
    write = (
        sa.update(_ARTICLES)
        .where(_ARTICLES.c.id == sa.bindparam("aid"))
        .values(topics=sa.bindparam("names"))
    )
    after, renamed = 0, 0
    while rows := session.execute(read, {"after": after}).all():
        after = rows[-1][0]
        names = {aid: topics(title, text) for aid, title, text, _ in rows}
        changed = sorted(aid for aid, _, _, stored in rows if list(stored or ()) != names[aid])
        if not changed:
            continue
        session.execute(write, [{"aid": aid, "names": names[aid]} for aid in changed])
        session.execute(sa.delete(_KEYS).where(_KEYS.c.article_id.in_(changed)))
        store_keys(session, articles=new_articles(session, changed))
        renamed += len(changed)
    return renamed
