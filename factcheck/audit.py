"""The audit trail: record an Event for every change, read a claim's history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from factcheck.models import Event, User


def record(
    session: Session,
    *,
    by: User | None,
    action: str,
    entity: str,
    entity_id: int | None,
    claim_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Event:
    """Add the Event of a change to the session (it commits with the change itself)."""
    event = Event(
        actor_id=by.id if by else None,
        action=action,
        entity=entity,
        entity_id=entity_id,
        claim_id=claim_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event


def claim_history(session: Session, *, claim_id: int) -> Sequence[tuple[Event, User | None]]:
    """Every event of one claim, oldest first, with the user who caused it."""
    query = (
        select(Event, User)
        .join(User, col(User.id) == Event.actor_id, isouter=True)
        .where(Event.claim_id == claim_id)
        .order_by(col(Event.at), col(Event.id))
    )
    return session.exec(query).all()
