"""Outlets and articles: store an article and its extracted claims in one transaction."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck import counts, triage
from factcheck.audit import record
from factcheck.comparable import resolve_as_of, topics
from factcheck.db import check_page, like_pattern
from factcheck.errors import BadInput, Duplicate, NotFound
from factcheck.groups import claim_keys, group_articles
from factcheck.models import (
    NONE_ID,
    Article,
    Attribution,
    Claim,
    ClaimKind,
    Origin,
    Outlet,
    Status,
    User,
    utcnow,
)
from factcheck.names import clean_name
from factcheck.outlets import outlet_named
from factcheck.permissions import Action, require
from factcheck.settings import settings
from factcheck.speakers import article_speaker_ids, read_voices, resolve_in_stories, voices_of

if TYPE_CHECKING:
    from factcheck.extract import Found


def text_sha256(text: str) -> str:
    """The fingerprint that tells two copies of the same article text apart from others."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_text(text: str, *, source: str = "The text") -> None:
    """Raise BadInput unless ``text`` is a plausible article: not empty, not binary, not huge."""
    limit = settings().max_text_chars
    if len(text) > limit:  # first: the checks below read every character
        raise BadInput(
            f"{source} has {len(text):,} characters, over the limit of {limit:,}; "
            "split it or raise FACTCHECK_MAX_TEXT_CHARS."
        )
    if not any(_visible(ch) for ch in text):
        raise BadInput(f"{source} is empty; paste or upload an article with some text.")
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t")
    if "\x00" in text or controls > len(text) // 100:
        raise BadInput(f"{source} looks like binary data, not an article; give text or HTML.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: half of a character
        raise BadInput(
            f"{source} holds characters that are not valid Unicode (at position {exc.start:,}); "
            "save it as UTF-8 and try again."
        ) from None


def _visible(ch: str) -> bool:
    # Zero-width and direction marks (Unicode "format" characters) show nothing on their own.
    return not ch.isspace() and unicodedata.category(ch) != "Cf"


def _claim_row(
    article: Article, found: Found, speaker_id: int | None, voice_id: int | None, now: datetime
) -> dict[str, Any]:
    keys = claim_keys(
        kind=found.kind,
        measure=found.measure,
        unit=found.unit,
        days=found.days,
        value=found.value,
        lower=found.lower,
        speaker_id=speaker_id,
        sentence=found.sentence,
        quote=found.quote,
        voice_id=voice_id,
    )
    numeric = found.kind == ClaimKind.NUMERIC
    as_of = found.as_of  # the extractor's "as of Wednesday", when the sentence gives one
    return {
        **keys,
        "as_of": resolve_as_of(as_of, article.published_at or now) if numeric else None,
        "speaker_name": clean_name(found.speaker)[:300] if found.speaker else None,
        "article_id": article.id,
        "kind": ClaimKind(found.kind),
        "start": found.start,
        "end": found.end,
        "quote": found.quote,
        "sentence": found.sentence,
        "speaker_id": speaker_id,
        "speaker_resolved": found.speaker_resolved,
        "attribution": Attribution(found.attribution) if found.attribution else None,
        "cue": found.cue,
        "value": found.value,
        "lower": found.lower,
        "upper": found.upper,
        "qualifier": found.qualifier,
        "unit": found.unit,
        "measure": found.measure,
        "days": found.days,
        "confidence": found.confidence,
        "status": Status.UNREVIEWED,
        "version": 1,
        "origin": Origin.EXTRACTED,
        "created_at": now,
        "updated_at": now,
    }


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article to store, with the claims found in its text."""

    title: str
    text: str
    claims: Sequence[Found] = ()
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    language: str = "en"


def add_article(
    session: Session,
    *,
    title: str,
    text: str,
    by: User,
    claims: Sequence[Found] = (),
    outlet: str | None = None,
    url: str | None = None,
    author: str | None = None,
    published_at: datetime | None = None,
    language: str = "en",
) -> Article:
    """Store an article and its claims in one transaction; Duplicate if the text is known."""
    item = NewArticle(title, text, claims, outlet, url, author, published_at, language)
    (article,) = add_articles(session, items=[item], by=by)
    if article is None:
        existing = session.exec(select(Article.id).where(Article.sha256 == text_sha256(text)))
        known = existing.first()
        session.rollback()
        raise Duplicate(
            f"This text is already stored as article {known}; nothing was added.",
            existing_id=known,
        )
    return article


def add_articles(
    session: Session, *, items: Sequence[NewArticle], by: User
) -> list[Article | None]:
    """Store articles with their claims and one event each, all in one transaction.

    The result lines up with ``items``: the stored article, or None for a text already
    stored (or repeated earlier in ``items``). BadInput refuses the whole batch.
    """
    require(by, Action.INGEST)
    for item in items:
        check_text(item.text)
        for found in item.claims:
            if item.text[found.start : found.end] != found.quote:
                raise BadInput(f"Claim span {found.start}-{found.end} does not match its quote.")
    digests = [text_sha256(item.text) for item in items]
    try:
        known = set(
            session.exec(select(Article.sha256).where(col(Article.sha256).in_(set(digests))))
        )
        outlets = {
            name: outlet_named(session, name=name).id
            for name in sorted({item.outlet for item in items if item.outlet})
        }
        stored: list[Article | None] = []
        for item, digest in zip(items, digests, strict=True):
            stored.append(None if digest in known else _new_article(item, digest, outlets, by))
            known.add(digest)
        fresh = [(a, item) for a, item in zip(stored, items, strict=True) if a is not None]
        session.add_all([a for a, _ in fresh])
        session.flush()
        _add_claims(session, fresh)
        if settings().grouping:
            group_articles(session, article_ids=[a.id for a, _ in fresh if a.id is not None])
            resolve_in_stories(  # the stories grouping placed them in (show_written)
                session,
                story_ids={a.story_id for a, _ in fresh if a.story_id is not None},
                by=by,
                texts={a.id or 0: a.text for a, _ in fresh},
            )
        for article, item in fresh:
            record(
                session,
                by=by,
                action="article.ingest",
                entity="article",
                entity_id=article.id,
                after={
                    "title": article.title,
                    "url": article.url,
                    "claims": len(item.claims),
                    "sha256": article.sha256,
                },
            )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return stored


def _new_article(
    item: NewArticle, digest: str, outlets: dict[str, int | None], by: User
) -> Article:
    return Article(
        outlet_id=outlets[item.outlet] if item.outlet else None,
        topics=topics(item.title, item.text),
        title=(" ".join(item.title.split()) or item.text.strip().splitlines()[0])[:500],
        url=item.url,
        author=item.author,
        published_at=item.published_at,
        text=item.text,
        sha256=digest,
        language=item.language,
        ingested_by_id=by.id,
    )


def _add_claims(session: Session, fresh: list[tuple[Article, NewArticle]]) -> None:
    # One INSERT for every claim of every article: ORM objects cost more than extraction.
    written = [(item.text, {f.speaker for f in item.claims if f.speaker}) for _, item in fresh]
    # Each article's names as it means them: its "NCDO" is the office it names in full.
    speakers, each = article_speaker_ids(session, articles=written)
    # Who speaks for whom, as these articles say it: before the rows, whose keys follow it.
    read_voices(session, articles=written, ids=speakers, join=settings().grouping)
    voices = voices_of(session, speaker_ids=speakers.values())
    now = utcnow()
    rows = [
        _claim_row(article, f, (who := ids.get(f.speaker or "")), voices.get(who or 0), now)
        for (article, item), ids in zip(fresh, each, strict=True)
        for f in item.claims
    ]
    if rows:
        session.execute(sa.insert(Claim.__table__), rows)  # type: ignore[attr-defined]
        triage.stale(session, articles=[article.id for article, _ in fresh])
    places = {
        a.id: (counts.article_day(a.published_at, a.ingested_at), a.outlet_id or NONE_ID)
        for a, _ in fresh
    }
    for row in rows:  # counted from the rows stored: the keys are those written
        day, outlet = places[row["article_id"]]
        found = counts.Facts(
            article_id=row["article_id"],
            day=day,
            outlet_id=outlet,
            speaker_id=row["speaker_id"] or NONE_ID,
            kind=row["kind"],
            status=Status.UNREVIEWED,
            measure_key=counts.figure_key(row["kind"], row["value"], row["measure_key"]),
        )
        counts.claim_changed(session, before=None, after=found)


def get_article(session: Session, *, article_id: int) -> Article:
    """One article; NotFound names the ID asked for."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article {article_id}; pick one from the Articles list.")
    return article


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as listed: with its outlet and how many claims are in each status."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    published_at: datetime | None
    ingested_at: datetime
    statuses: dict[Status, int] = field(default_factory=dict)

    @property
    def claims(self) -> int:
        """How many claims the article has in all."""
        return sum(self.statuses.values())


def list_articles(
    session: Session, *, search: str = "", offset: int = 0, limit: int = 50
) -> tuple[list[ArticleRow], int]:
    """A page of articles, newest first, with the total count; filtered by title words."""
    check_page(offset=offset, limit=limit, noun="article")
    where = []
    if search.strip():
        where.append(col(Article.title).ilike(like_pattern(search), escape="\\"))
    total = session.exec(select(func.count()).select_from(Article).where(*where)).one()
    query = (
        sa.select(
            col(Article.id),
            col(Article.title),
            col(Outlet.name),
            col(Article.url),
            col(Article.published_at),
            col(Article.ingested_at),
        )
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(*where)
        .order_by(col(Article.ingested_at).desc(), col(Article.id).desc())
        .offset(offset)
        .limit(limit)
    )
    found = session.execute(query).all()
    ids = [row[0] for row in found]
    counts: dict[int, dict[Status, int]] = {i: {} for i in ids}
    if ids:
        grouped = session.exec(
            select(Claim.article_id, Claim.status, func.count())
            .where(col(Claim.article_id).in_(ids))
            .group_by(col(Claim.article_id), col(Claim.status))
        ).all()
        for article_id, status, n in grouped:
            counts[article_id][Status(status)] = n
    rows = [
        ArticleRow(
            id=r[0],
            title=r[1],
            outlet=r[2],
            url=r[3],
            published_at=r[4],
            ingested_at=r[5],
            statuses=counts[r[0]],
        )
        for r in found
    ]
    return rows, total
