"""Outlets and articles: store an article and its extracted claims in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.audit import record
from factcheck.db import like_pattern
from factcheck.errors import BadInput, Duplicate, NotFound
from factcheck.models import (
    Article,
    Attribution,
    Claim,
    ClaimKind,
    Origin,
    Outlet,
    OutletKind,
    Status,
    User,
)
from factcheck.permissions import Action, require
from factcheck.settings import settings
from factcheck.speakers import speaker_named

if TYPE_CHECKING:
    from factcheck.extract import Found


def text_sha256(text: str) -> str:
    """The fingerprint that tells two copies of the same article text apart from others."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_text(text: str, *, source: str = "The text") -> None:
    """Raise BadInput unless ``text`` is a plausible article: not empty, not binary, not huge."""
    limit = settings().max_text_chars
    if not text.strip():
        raise BadInput(f"{source} is empty; paste or upload an article with some text.")
    if len(text) > limit:
        raise BadInput(
            f"{source} has {len(text):,} characters, over the limit of {limit:,}; "
            "split it or raise FACTCHECK_MAX_TEXT_CHARS."
        )
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t")
    if "\x00" in text or controls > len(text) // 100:
        raise BadInput(f"{source} looks like binary data, not an article; give text or HTML.")


def outlet_named(session: Session, *, name: str, url: str | None = None) -> Outlet:
    """The outlet with this name, created when new (not committed)."""
    clean = " ".join(name.split())[:200]
    if not clean:
        raise BadInput("The outlet name is empty; give the publication's name.")
    found = session.exec(select(Outlet).where(func.lower(Outlet.name) == clean.lower())).first()
    if found is not None:
        return found
    outlet = Outlet(name=clean, url=url, kind=OutletKind.NEWS)
    session.add(outlet)
    session.flush()
    return outlet


def _claim_from_found(article_id: int, found: Found, speaker_id: int | None) -> Claim:
    return Claim(
        article_id=article_id,
        kind=ClaimKind(found.kind),
        start=found.start,
        end=found.end,
        quote=found.quote,
        sentence=found.sentence,
        speaker_id=speaker_id,
        speaker_resolved=found.speaker_resolved,
        attribution=Attribution(found.attribution) if found.attribution else None,
        cue=found.cue,
        value=found.value,
        lower=found.lower,
        upper=found.upper,
        qualifier=found.qualifier,
        unit=found.unit,
        measure=found.measure,
        days=found.days,
        confidence=found.confidence,
        origin=Origin.EXTRACTED,
    )


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
    require(by, Action.INGEST)
    check_text(text)
    digest = text_sha256(text)
    existing = session.exec(select(Article.id).where(Article.sha256 == digest)).first()
    if existing is not None:
        raise Duplicate(
            f"This text is already stored as article {existing}; nothing was added.",
            existing_id=existing,
        )
    for found in claims:
        if text[found.start : found.end] != found.quote:
            raise BadInput(f"Claim span {found.start}-{found.end} does not match its quote.")
    try:
        source = outlet_named(session, name=outlet) if outlet else None
        article = Article(
            outlet_id=source.id if source else None,
            title=(" ".join(title.split()) or text.strip().splitlines()[0])[:500],
            url=url,
            author=author,
            published_at=published_at,
            text=text,
            sha256=digest,
            language=language,
            ingested_by_id=by.id,
        )
        session.add(article)
        session.flush()
        assert article.id is not None
        speakers = {name: speaker_named(session, name=name).id for name in _speaker_names(claims)}
        rows = [_claim_from_found(article.id, f, speakers.get(f.speaker or "")) for f in claims]
        session.add_all(rows)
        record(
            session,
            by=by,
            action="article.ingest",
            entity="article",
            entity_id=article.id,
            after={"title": article.title, "url": url, "claims": len(rows), "sha256": digest},
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return article


def _speaker_names(claims: Sequence[Found]) -> list[str]:
    return sorted({f.speaker for f in claims if f.speaker and f.speaker.strip()})


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
