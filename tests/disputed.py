"""What the disputes tests share: one outlet's article stored in a story with the others, and
whether a figure's group is in conflict as stored."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.extract import extract_claims
from factcheck.models import Article, Claim, ClaimGroup, ClaimKind, User


def add_in_story(
    session: Session, by: User, *, outlet: str, text: str, at: datetime, line: str, topic: str
) -> int:
    """Store ``text`` as ``outlet``'s article titled by ``topic``, followed by ``line`` (a
    figure every article of the test shares, with ``{outlet}`` in it), which puts every
    outlet's article in one story; its ID."""
    text = text + line.format(outlet=outlet)
    article = add_article(
        session,
        title=f"{topic} ({outlet})",
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=at,
    )
    return article.id or 0


def conflicted(session: Session, article: int, quote: str) -> bool:
    """True when the figure ``quote`` of ``article`` is in a group in conflict, as written."""
    session.expire_all()  # read what was written, not what this session holds
    claim = next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == article))
        if c.kind == ClaimKind.NUMERIC and c.quote == quote
    )
    group = session.get(ClaimGroup, claim.group_id) if claim.group_id else None
    return bool(group and group.conflict)


def one_story(session: Session, *articles: int) -> bool:
    """True when these articles share a story: a dispute is looked for within one only."""
    stories = {session.get(Article, a).story_id for a in articles}  # type: ignore[union-attr]
    return len(stories) == 1 and None not in stories
