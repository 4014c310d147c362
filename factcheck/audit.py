"""The audit trail: record an Event for every change, read a claim's history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from factcheck.models import Claim, Event, User, utcnow

Row = TypeVar("Row", bound=SQLModel)


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
    at: datetime | None = None,
) -> Event:
    """Add the Event of a change to the session (it commits with the change itself)."""
    event = Event(
        at=at or utcnow(),
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


def add_recorded(
    session: Session,
    row: Row,
    *,
    by: User | None,
    action: str,
    after: dict[str, Any],
    claim_id: int | None = None,
) -> Row:
    """Add a new row and the Event that records its creation, in the session's transaction.

    A new claim is its own ``claim_id``, so it shows in its own history.
    """
    session.add(row)
    session.flush()  # gives the row its id for the event
    row_id = getattr(row, "id", None)
    record(
        session,
        by=by,
        action=action,
        entity=str(type(row).__tablename__),
        entity_id=row_id,
        claim_id=row_id if isinstance(row, Claim) else claim_id,
        after=after,
    )
    return row


def claim_history(session: Session, *, claim_id: int) -> Sequence[tuple[Event, User | None]]:
    """Every event of one claim, oldest first, with the user who caused it."""
    query = (
        select(Event, User)
        .join(User, col(User.id) == Event.actor_id, isouter=True)
        .where(Event.claim_id == claim_id)
        .order_by(col(Event.at), col(Event.id))
    )
    return session.exec(query).all()
