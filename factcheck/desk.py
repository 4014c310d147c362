"""The desk's side of a verdict: publication, the lock it puts on a claim, corrections, priority.

A published claim is locked: the normal actions (status, figures, speaker, evidence) refuse to
change it (``claims.check_unlocked``). A correction changes its status, value or speaker with
a required reason and is logged (``Correction``), shown on the Claim page and in reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.audit import add_recorded, record
from factcheck.claims import get_claim, update_claim
from factcheck.errors import BadInput, Locked
from factcheck.inbox import announce
from factcheck.models import (
    REVIEWED,
    Article,
    Claim,
    Correction,
    DeskSettings,
    NoticeKind,
    Priority,
    Status,
    User,
    utcnow,
)
from factcheck.names import clean_name
from factcheck.permissions import Action, require
from factcheck.review import STATUS_ACTION
from factcheck.settings import settings
from factcheck.speakers import speaker_named
from factcheck.urls import check_url


def set_two_person_rule(session: Session, *, on: bool, by: User) -> DeskSettings:
    """Turn the two-person rule on or off (admins): editors' verdicts need a second editor."""
    require(by, Action.DESK_SETTINGS)
    stored = session.get(DeskSettings, 1)
    before = stored.two_person_rule if stored else None
    row = stored or DeskSettings(id=1)
    row.two_person_rule, row.updated_at, row.updated_by_id = on, utcnow(), by.id
    session.add(row)
    record(
        session,
        by=by,
        action="desk.settings",
        entity="desksettings",
        entity_id=1,
        before={"two_person_rule": before},
        after={"two_person_rule": on},
    )
    session.commit()
    return row


def publish(session: Session, *, claim_id: int, url: str, by: User, seen_version: int) -> Claim:
    """Publish a signed-off verdict with its fact-check article's address; locks the claim."""
    require(by, Action.PUBLISH_VERDICT)
    link = check_url(url, what="The fact-check's address")
    claim = get_claim(session, claim_id=claim_id)
    if claim.published_at is not None:
        raise Locked(
            f"Claim {claim_id} is already published ({claim.published_url}); change it with a "
            "correction."
        )
    if claim.status not in REVIEWED or claim.proposed_status is not None:
        raise BadInput(
            f"Claim {claim_id} has no signed-off verdict to publish (it is "
            f"{claim.status.value}"
            + (
                f", with {claim.proposed_status.value} awaiting sign-off"
                if claim.proposed_status
                else ""
            )
            + "); sign it off first."
        )
    try:
        done = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes={"published_url": link, "published_at": utcnow(), "published_by_id": by.id},
            by=by,
            action="claim.publish",
        )
        announce(session, kind=NoticeKind.PUBLISHED, claim=done, actor=by)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return done


def correct(
    session: Session,
    *,
    claim_id: int,
    reason: str,
    by: User,
    seen_version: int,
    status: Status | None = None,
    value: float | None = None,
    speaker: str | None = None,
) -> Correction:
    """Change a published claim's verdict, value or speaker, with a reason, in the log."""
    require(by, Action.CORRECT)
    why = " ".join(reason.split())
    limit = settings().max_note_chars
    if not why:
        raise BadInput("A correction needs a reason; say what was wrong and what is right.")
    if len(why) > limit:
        raise BadInput(f"The reason has {len(why):,} characters, over the limit of {limit:,}.")
    claim = get_claim(session, claim_id=claim_id)
    if claim.published_at is None:
        raise BadInput(
            f"Claim {claim_id} is not published; change it with the normal review actions."
        )
    if status is not None and status not in REVIEWED:
        raise BadInput(
            f"A published claim keeps a final verdict; choose one of "
            f"{', '.join(s.value for s in sorted(REVIEWED))}."
        )
    changes: dict[str, Any] = {}
    if status is not None and status != claim.status:
        changes["status"] = status
    if value is not None and value != claim.value:
        changes.update(value=value, lower=value, upper=value)
    if speaker is not None:
        name = speaker.strip()
        speaker_id = speaker_named(session, name=name).id if name else None
        if speaker_id != claim.speaker_id:
            written = clean_name(name)[:300] if name else None
            changes.update(speaker_id=speaker_id, speaker_name=written, speaker_resolved=bool(name))
    if not changes:
        raise BadInput("The correction changes nothing; give a new status, value or speaker.")
    logged = _logged_changes(claim, changes)
    try:
        done = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes={**changes, "corrected_at": utcnow()},
            by=by,
            action=STATUS_ACTION if "status" in changes else "claim.correct",
        )
        correction = add_recorded(
            session,
            Correction(claim_id=claim_id, changes=logged, reason=why, by_id=by.key),
            by=by,
            action="claim.correct",
            claim_id=claim_id,
            after={"changes": logged, "reason": why},
        )
        reviewers = [done.proposed_by_id, done.signed_off_by_id, done.published_by_id]
        announce(session, kind=NoticeKind.CORRECTED, claim=done, actor=by, to=reviewers, note=why)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return correction


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _logged_changes(claim: Claim, changes: Mapping[str, Any]) -> dict[str, Any]:
    """What a correction changed, as {field: {"from": old, "to": new}} (lower/upper implied)."""
    return {
        name: {"from": _plain(getattr(claim, name)), "to": _plain(new)}
        for name, new in changes.items()
        if name not in ("lower", "upper", "speaker_name", "speaker_resolved")
    }


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    """A line of the corrections log."""

    id: int
    claim_id: int
    article_id: int
    article_title: str
    quote: str
    changes: dict[str, Any]
    reason: str
    by: str
    at: datetime
    published_url: str | None


def list_corrections(
    session: Session,
    *,
    claim_ids: Sequence[int] | None = None,
    article_id: int | None = None,
    limit: int = 10_000,
) -> list[CorrectionRow]:
    """The corrections log, oldest first: of some claims, of an article, or all."""
    query = (
        sa.select(
            Correction,
            col(Claim.article_id),
            col(Article.title),
            col(Claim.quote),
            col(User.display_name),
            col(Claim.published_url),
        )
        .join(Claim, col(Claim.id) == Correction.claim_id)
        .join(Article, col(Article.id) == Claim.article_id)
        .join(User, col(User.id) == Correction.by_id)
        .order_by(col(Correction.at), col(Correction.id))
        .limit(limit)
    )
    if claim_ids is not None:
        query = query.where(col(Correction.claim_id).in_(list(claim_ids)))
    if article_id is not None:
        query = query.where(col(Claim.article_id) == article_id)
    return [
        CorrectionRow(
            c.id or 0, c.claim_id, article, title, quote, c.changes, c.reason, name, c.at, url
        )
        for c, article, title, quote, name, url in session.execute(query).all()
    ]


def set_priority(
    session: Session, *, seen: Mapping[int, int], priority: Priority, by: User
) -> list[Claim]:
    """Set the triage priority of claims ({claim id: version seen}); all or nothing."""
    require(by, Action.PRIORITISE)
    if not seen:
        raise BadInput("No claims selected; tick the claims to prioritise first.")
    try:
        done = [
            update_claim(
                session,
                claim_id=claim_id,
                seen_version=version,
                changes={"priority": priority},
                by=by,
                action="claim.priority",
            )
            for claim_id, version in seen.items()
        ]
        session.commit()
    except Exception:
        session.rollback()
        raise
    return done


def signed_off_claims(session: Session) -> Sequence[Claim]:
    """Claims with a signed-off verdict not yet published, latest sign-off first."""
    return session.exec(
        select(Claim)
        .where(col(Claim.signed_off_at).is_not(None), col(Claim.published_at).is_(None))
        .order_by(col(Claim.signed_off_at).desc())
        .limit(200)
    ).all()
