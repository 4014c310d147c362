"""Store a loaded Document: extract its claims and write article, claims and event at once."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from factcheck.articles import add_article, check_text, text_sha256
from factcheck.errors import Duplicate
from factcheck.ingest.document import Document
from factcheck.models import Article, Claim, ClaimKind, User
from factcheck.permissions import Action, require


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The stored article (or the copy already stored) and how many claims it has."""

    article: Article
    numeric: int
    attributed: int
    duplicate: bool = False  # the same text was already stored; nothing was added

    @property
    def claims(self) -> int:
        """Numeric and attributed claims together."""
        return self.numeric + self.attributed


def store(session: Session, *, doc: Document, by: User, outlet: str | None = None) -> IngestResult:
    """Extract the claims of ``doc`` and store it with them in one transaction.

    The same text stored before is reported as a duplicate (``duplicate=True``), not added.
    ``outlet`` defaults to the site name the page gives.
    """
    require(by, Action.INGEST)
    check_text(doc.text)
    known = _stored_copy(session, doc.text)
    # End the read transaction: on SQLite it holds the write lock, and extraction is slow.
    session.commit()
    if known is not None:
        return known
    from factcheck.extract import extract_claims  # loads spaCy: only storing needs it

    found = extract_claims(doc.text)
    try:
        article = add_article(
            session,
            title=doc.title or "",
            text=doc.text,
            by=by,
            claims=found,
            outlet=outlet or doc.site_name,
            url=doc.url,
            author=doc.author,
            published_at=doc.published_at,
            language=doc.language,
        )
    except (Duplicate, IntegrityError):
        # Stored by someone else since the check above.
        copy = _stored_copy(session, doc.text)
        session.commit()
        if copy is None:
            raise
        return copy
    numeric = sum(1 for f in found if f.kind == ClaimKind.NUMERIC)
    return IngestResult(article=article, numeric=numeric, attributed=len(found) - numeric)


def _stored_copy(session: Session, text: str) -> IngestResult | None:
    article = session.exec(select(Article).where(Article.sha256 == text_sha256(text))).first()
    if article is None:
        return None
    counts = dict(
        session.exec(
            select(Claim.kind, func.count())
            .where(Claim.article_id == article.id)
            .group_by(col(Claim.kind))
        ).all()
    )
    return IngestResult(
        article=article,
        numeric=counts.get(ClaimKind.NUMERIC, 0),
        attributed=counts.get(ClaimKind.ATTRIBUTED, 0),
        duplicate=True,
    )
