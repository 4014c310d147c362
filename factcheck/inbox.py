"""Each person's inbox, and one call that tells people and webhooks what happened to a claim.

The inbox holds notices (a claim assigned to you, your proposed verdict signed off or sent
back, a correction to a claim you reviewed) until they are marked read; editors also see the
verdicts awaiting their sign-off, which are read live from the claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.audit import record
from factcheck.hooks import claim_link, enqueue
from factcheck.labels import STATUS_LABELS
from factcheck.models import (
    Article,
    Claim,
    Notice,
    NoticeKind,
    Outlet,
    Speaker,
    User,
    utcnow,
)
from factcheck.permissions import Action, can, require

VERBS = {
    NoticeKind.ASSIGNED: "assigned",
    NoticeKind.PROPOSED: "proposed a verdict on",
    NoticeKind.SIGNED_OFF: "signed off",
    NoticeKind.SENT_BACK: "sent back",
    NoticeKind.PUBLISHED: "published",
    NoticeKind.CORRECTED: "corrected",
}


def payload(
    session: Session, *, kind: NoticeKind, claim: Claim, actor: User, note: str = ""
) -> dict[str, Any]:
    """What a webhook receives about ``kind`` happening to ``claim``; ``text`` reads alone."""
    article = session.get(Article, claim.article_id)
    outlet = session.get(Outlet, article.outlet_id) if article and article.outlet_id else None
    speaker = session.get(Speaker, claim.speaker_id) if claim.speaker_id else None
    link = claim_link(claim.id or 0)
    verdict = STATUS_LABELS[claim.proposed_status or claim.status]
    text = (
        f"{actor.display_name} {VERBS[kind]} claim #{claim.id} ({verdict}): "
        f"“{' '.join(claim.quote.split())[:200]}” — {link}"
    )
    if note:
        text += f" Note: {note[:500]}"
    return {
        "event": kind.value,
        "at": utcnow().isoformat(),
        "actor": actor.display_name,
        "note": note,
        "text": text,
        "claim": {
            "id": claim.id,
            "url": link,
            "status": claim.status.value,
            "proposed_status": claim.proposed_status.value if claim.proposed_status else None,
            "quote": claim.quote,
            "speaker": speaker.name if speaker else None,
            "article_id": claim.article_id,
            "article": article.title if article else None,
            "outlet": outlet.name if outlet else None,
            "published_url": claim.published_url,
            "version": claim.version,
        },
    }


def announce(
    session: Session,
    *,
    kind: NoticeKind,
    claim: Claim,
    actor: User,
    to: Iterable[int | None] = (),
    note: str = "",
) -> None:
    """Put a notice in the inboxes of ``to`` (never the actor's) and queue the webhooks.

    Runs inside the caller's transaction, so the notices exist exactly when the change does.
    """
    for user_id in sorted({u for u in to if u is not None and u != actor.id}):
        session.add(
            Notice(user_id=user_id, kind=kind, claim_id=claim.id or 0, actor_id=actor.id, note=note)
        )
    enqueue(session, kind=kind, payload=payload(session, kind=kind, claim=claim, actor=actor))


@dataclass(frozen=True, slots=True)
class InboxItem:
    """One line of an inbox."""

    notice_id: int | None  # None for a live item (a verdict awaiting sign-off)
    kind: NoticeKind
    claim_id: int
    quote: str
    actor: str | None
    note: str
    at: Any
    read: bool


def awaiting_sign_off(session: Session, *, by: User, limit: int = 200) -> Sequence[Claim]:
    """Proposed verdicts ``by`` may sign off (not their own), oldest first; none for reviewers."""
    if not can(by, Action.SIGN_OFF):
        return []
    return session.exec(
        select(Claim)
        .where(col(Claim.proposed_status).is_not(None), col(Claim.proposed_by_id) != by.id)
        .order_by(col(Claim.proposed_at), col(Claim.id))
        .limit(limit)
    ).all()


def count_awaiting(session: Session, *, by: User) -> int:
    """How many proposed verdicts await ``by``'s sign-off."""
    if not can(by, Action.SIGN_OFF):
        return 0
    return session.exec(
        select(func.count())
        .select_from(Claim)
        .where(col(Claim.proposed_status).is_not(None), col(Claim.proposed_by_id) != by.id)
    ).one()


def unread_count(session: Session, *, user: User) -> int:
    """The sidebar's number: unread notices plus verdicts awaiting the user's sign-off."""
    unread = session.exec(
        select(func.count())
        .select_from(Notice)
        .where(col(Notice.user_id) == user.id, col(Notice.read_at).is_(None))
    ).one()
    return unread + count_awaiting(session, by=user)


def _names(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    """Display names of these users, by id."""
    wanted = [i for i in user_ids if i is not None]
    rows = session.exec(select(User.id, User.display_name).where(col(User.id).in_(wanted))).all()
    return {i: name for i, name in rows if i is not None}


def inbox(session: Session, *, user: User, limit: int = 100) -> list[InboxItem]:
    """Verdicts awaiting the user's sign-off, then their notices, unread first, newest first."""
    require(user, Action.REVIEW)
    waiting = awaiting_sign_off(session, by=user, limit=limit)
    proposers = _names(session, {c.proposed_by_id for c in waiting})
    live = [
        InboxItem(
            None,
            NoticeKind.PROPOSED,
            c.id or 0,
            c.quote,
            proposers.get(c.proposed_by_id or 0),
            "",
            c.proposed_at,
            False,
        )
        for c in waiting
    ]
    rows = session.execute(
        sa.select(Notice, col(Claim.quote), col(User.display_name))
        .join(Claim, col(Claim.id) == Notice.claim_id)
        .join(User, col(User.id) == Notice.actor_id, isouter=True)
        .where(col(Notice.user_id) == user.id)
        .order_by(col(Notice.read_at).is_not(None), col(Notice.id).desc())
        .limit(limit)
    ).all()
    return live + [
        InboxItem(n.id, n.kind, n.claim_id, quote, name, n.note, n.at, n.read_at is not None)
        for n, quote, name in rows
    ]


def mark_read(session: Session, *, user: User, notice_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notices read (all of them when ``notice_ids`` is None); how many."""
    require(user, Action.REVIEW)
    where = [col(Notice.user_id) == user.id, col(Notice.read_at).is_(None)]
    if notice_ids is not None:
        where.append(col(Notice.id).in_(list(notice_ids)))
    done = session.execute(sa.update(Notice).where(*where).values(read_at=utcnow()))
    n: int = done.rowcount  # type: ignore[attr-defined]
    if n:
        record(
            session,
            by=user,
            action="notice.read",
            entity="notice",
            entity_id=None,
            after={"notices": n},
        )
    session.commit()
    return n
