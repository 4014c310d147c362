"""Store loaded Documents: extract their claims and write articles, claims and events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from factcheck.articles import NewArticle, add_articles, check_text, text_sha256
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
    (result,) = store_many(session, docs=[doc], by=by, outlet=outlet)
    return result


def store_many(
    session: Session, *, docs: Sequence[Document], by: User, outlet: str | None = None
) -> list[IngestResult]:
    """Store several documents in one transaction (all or none); one result per document.

    A crash leaves either all of them, each with all its claims, or none of them.
    """
    from factcheck.extract import extract_claims  # loads spaCy: only storing needs it

    require(by, Action.INGEST)
    for doc in docs:
        check_text(doc.text)
    # End any open transaction first: on SQLite it holds the write lock, and extraction is slow.
    session.commit()
    items = [
        NewArticle(
            title=doc.title or "",
            text=doc.text,
            claims=extract_claims(doc.text),
            outlet=outlet or doc.site_name,
            url=doc.url,
            author=doc.author,
            published_at=doc.published_at,
            language=doc.language,
        )
        for doc in docs
    ]
    try:
        stored = add_articles(session, items=items, by=by)
    except IntegrityError:
        # Someone else stored one of these texts meanwhile: store them one at a time.
        if len(docs) == 1:
            return [_stored_copy(session, docs[0].text)]
        return [r for doc in docs for r in store_many(session, docs=[doc], by=by, outlet=outlet)]
    results = []
    for article, item in zip(stored, items, strict=True):
        if article is None:
            results.append(_stored_copy(session, item.text))
            continue
        numeric = sum(1 for f in item.claims if f.kind == ClaimKind.NUMERIC)
        results.append(IngestResult(article, numeric, len(item.claims) - numeric))
    session.commit()
    return results


def _stored_copy(session: Session, text: str) -> IngestResult:
    article = session.exec(select(Article).where(Article.sha256 == text_sha256(text))).one()
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
