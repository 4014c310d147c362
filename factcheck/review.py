"""Reviewing claims: verdicts, notes, evidence and assignment. Every write has its event."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session

from factcheck.audit import add_recorded
from factcheck.claims import get_claim, update_claim
from factcheck.errors import BadInput
from factcheck.models import REVIEWED, Claim, Evidence, Note, Stance, Status, User
from factcheck.permissions import Action, require
from factcheck.settings import settings
from factcheck.urls import check_url


def _check_status_change(claim: Claim, status: Status, by: User) -> None:
    require(by, Action.REVIEW)
    if claim.status in REVIEWED and status != claim.status:
        require(by, Action.OVERRIDE_VERDICT)


def set_status(
    session: Session,
    *,
    claim_id: int,
    status: Status,
    by: User,
    seen_version: int,
    note: str = "",
) -> Claim:
    """Record a reviewer's verdict; raise Conflict if someone changed the claim meanwhile."""
    _check_status_change(get_claim(session, claim_id=claim_id), status, by)
    body = _check_note(note) if note.strip() else ""
    try:
        claim = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes={"status": status},
            by=by,
            action="claim.status",
        )
        if body:
            _add_note(session, claim_id=claim_id, body=body, by=by)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return claim


def bulk_set_status(
    session: Session, *, seen: Mapping[int, int], status: Status, by: User
) -> list[Claim]:
    """Set one status on several claims ({claim id: version seen}); all or nothing."""
    if not seen:
        raise BadInput("No claims selected; tick the claims to change first.")
    try:
        done = []
        for claim_id, version in seen.items():
            _check_status_change(get_claim(session, claim_id=claim_id), status, by)
            done.append(
                update_claim(
                    session,
                    claim_id=claim_id,
                    seen_version=version,
                    changes={"status": status},
                    by=by,
                    action="claim.status",
                )
            )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return done


def assign(
    session: Session, *, seen: Mapping[int, int], assignee: User | None, by: User
) -> list[Claim]:
    """Give claims ({claim id: version seen}) to a reviewer, or to nobody; all or nothing."""
    require(by, Action.ASSIGN)
    if not seen:
        raise BadInput("No claims selected; tick the claims to assign first.")
    if assignee is not None and not assignee.active:
        raise BadInput(
            f"{assignee.email} is disabled and cannot be given claims; choose an active reviewer."
        )
    try:
        done = [
            update_claim(
                session,
                claim_id=claim_id,
                seen_version=version,
                changes={"assignee_id": assignee.id if assignee else None},
                by=by,
                action="claim.assign",
            )
            for claim_id, version in seen.items()
        ]
        session.commit()
    except Exception:
        session.rollback()
        raise
    return done


def _check_note(body: str) -> str:
    text = body.strip()
    limit = settings().max_note_chars
    if not text:
        raise BadInput("The note is empty; write what you found.")
    if len(text) > limit:
        raise BadInput(
            f"The note has {len(text):,} characters, over the limit of {limit:,}; shorten it "
            "or attach the long text as evidence."
        )
    return text


def _add_note(session: Session, *, claim_id: int, body: str, by: User) -> Note:
    note = Note(claim_id=claim_id, body=body, created_by_id=by.key)
    return add_recorded(
        session, note, by=by, action="note.add", claim_id=claim_id, after={"body": body}
    )


def add_note(session: Session, *, claim_id: int, body: str, by: User) -> Note:
    """Add a reviewer's comment to a claim."""
    require(by, Action.REVIEW)
    text = _check_note(body)
    get_claim(session, claim_id=claim_id)
    note = _add_note(session, claim_id=claim_id, body=text, by=by)
    session.commit()
    return note


def add_evidence(
    session: Session,
    *,
    claim_id: int,
    url: str,
    stance: Stance,
    by: User,
    title: str = "",
    note: str = "",
) -> Evidence:
    """Attach a source that supports, refutes or gives context to a claim."""
    require(by, Action.REVIEW)
    link = check_url(url, what="The evidence link")
    comment = _check_note(note) if note.strip() else ""
    get_claim(session, claim_id=claim_id)
    evidence = Evidence(
        claim_id=claim_id,
        url=link,
        title=title.strip()[:500],
        stance=stance,
        note=comment,
        created_by_id=by.key,
    )
    add_recorded(
        session,
        evidence,
        by=by,
        action="evidence.add",
        claim_id=claim_id,
        after={"url": link, "stance": stance.value, "title": evidence.title},
    )
    session.commit()
    return evidence
