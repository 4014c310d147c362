"""The audit trail: record an Event for every change, read a claim's history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from factcheck.labels import STATUS_LABELS
from factcheck.models import Claim, Event, Status, User, utcnow

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


USER_FIELDS = ("assignee_id", "proposed_by_id", "signed_off_by_id", "published_by_id")
"""Claim columns that hold a user's id: the history shows the user's name instead."""


def named_users(session: Session, *, events: Sequence[Event]) -> dict[int, str]:
    """The display names of the users ``events`` point to (assignee, proposer, signer …)."""
    ids = {
        side.get(name)
        for event in events
        for side in (event.before or {}, event.after or {})
        for name in USER_FIELDS
    } - {None}
    if not ids:
        return {}
    found = session.exec(select(User.id, User.display_name).where(col(User.id).in_(ids)))
    return {user_id: name for user_id, name in found.all() if user_id is not None}


_FIELD_NAMES = {
    "value": "the value",
    "lower": "the lower bound",
    "upper": "the upper bound",
    "qualifier": "the qualifier",
    "unit": "the unit",
    "measure": "what is counted",
    "days": "the days",
    "kind": "the kind",
    "speaker_id": "the speaker",
    "speaker_resolved": "the speaker",
    "status": "the status",
    "proposed_status": "the proposed verdict",
    "proposed_by_id": "proposed by",
    "signed_off_by_id": "signed off by",
    "published_by_id": "published by",
    "published_url": "the published address",
    "assignee_id": "assigned to",
    "priority": "the priority",
}


def field_name(name: str) -> str:
    """A claim column as words for people: 'the lower bound', 'proposed by' …"""
    return _FIELD_NAMES.get(name, name.replace("_", " "))


def what_happened(event: Event, *, names: Mapping[int, str] | None = None) -> str:
    """An event as words for people: 'set it to In review', 'added a note' ...

    ``names`` gives the display names of users an event points to (an assignment).
    """
    before, after = event.before or {}, event.after or {}
    match event.action:
        case "claim.status" if after.get("signed_off_by_id"):
            return f"signed off {STATUS_LABELS[Status(after['status'])]}"
        case "claim.status":
            return f"set it to {STATUS_LABELS[Status(after['status'])]}"
        case "claim.propose":
            return f"proposed {STATUS_LABELS[Status(after['proposed_status'])]}"
        case "claim.send_back":
            return "sent the proposal back"
        case "claim.publish":
            return "published the verdict"
        case "claim.priority":
            return f"set the priority to {after.get('priority')}"
        case "claim.correct" if event.entity == "correction":
            return "logged a correction"
        case "note.add":
            return "added a note"
        case "evidence.add":
            return "added evidence"
        case "claim.add":
            return "added the claim"
        case "claim.assign":
            who = after.get("assignee_id")
            return f"assigned it to {(names or {}).get(who, 'someone')}" if who else "unassigned it"
        case "claim.edit" | "claim.correct":
            fields = [
                field_name(k)
                for k in after
                if k not in ("version", "corrected_at") and before.get(k) != after[k]
            ]
            return "corrected " + _and(list(dict.fromkeys(fields)) or ["the claim"])
    return event.action.replace(".", " ").replace("_", " ")


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def ago(moment: datetime, *, now: datetime | None = None) -> str:
    """How long ago, in words: 'just now', '2 minutes ago', '3 hours ago', '5 days ago'."""
    seconds = max(0, int(((now or utcnow()) - moment).total_seconds()))
    for size, unit in ((86_400, "day"), (3_600, "hour"), (60, "minute")):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'' if n == 1 else 's'} ago"
    return "just now"


def changes_since(session: Session, *, claim: Claim, seen_version: int, limit: int = 20) -> str:
    """Who changed the claim after version ``seen_version``, as one sentence (empty if nobody).

    E.g. 'Rita Reviewer set it to In review and added a note 2 minutes ago.'
    """
    if claim.version <= seen_version:
        return ""
    recent = list(
        session.exec(
            select(Event, User)
            .join(User, col(User.id) == Event.actor_id, isouter=True)
            .where(Event.claim_id == claim.id)
            .order_by(col(Event.id).desc())
            .limit(limit)
        ).all()
    )
    # Keep the events from the one that made version seen_version + 1 onwards (the notes and
    # evidence around them included): what happened after this reviewer looked.
    cut = next(
        (
            i
            for i, (e, _) in enumerate(recent)
            if (e.after or {}).get("version") == seen_version + 1
        ),
        len(recent) - 1,
    )
    news = list(reversed(recent[: cut + 1]))
    names = named_users(session, events=[e for e, _ in news])
    groups: list[tuple[int | None, str, list[str], datetime]] = []  # one per run of one actor
    for event, user in news:
        deed = what_happened(event, names=names)
        if groups and groups[-1][0] == event.actor_id:
            actor, who, deeds, _ = groups[-1]
            groups[-1] = (actor, who, [*deeds, deed], event.at)
        else:
            who = user.display_name if user else "Someone"
            groups.append((event.actor_id, who, [deed], event.at))
    return "; ".join(f"{who} {_and(deeds)} {ago(at)}" for _, who, deeds, at in groups) + "."
