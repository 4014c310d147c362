"""Reviewing claims: verdicts, sign-off, notes, evidence and assignment. Every write has its event.

A final verdict (verified, false, misleading, unverifiable) from a reviewer, or from an editor
when the desk's two-person rule is on, is a *proposal*: the claim keeps its status (in review,
or the verdict signed off before) while ``proposed_status`` holds the verdict, until another
editor signs it off (``sign_off``) or sends it back with a note (``send_back``). So everything
that reads ``claim.status`` — reports, the dashboard, ClaimReview — counts signed-off verdicts
only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from factcheck.audit import add_recorded
from factcheck.claims import check_unlocked, get_claim, update_claim
from factcheck.errors import BadInput, NotAllowed
from factcheck.inbox import announce
from factcheck.models import (
    REVIEWED,
    Claim,
    DeskSettings,
    Evidence,
    Note,
    NoticeKind,
    Role,
    Stance,
    Status,
    User,
    utcnow,
)
from factcheck.permissions import Action, require
from factcheck.settings import settings
from factcheck.urls import check_url

STATUS_ACTION = "claim.status"  # a status reached: set directly, or by a sign-off
PROPOSE_ACTION = "claim.propose"  # a final verdict proposed, awaiting sign-off


def two_person_rule(session: Session) -> bool:
    """True when editors' own final verdicts also need a second editor.

    The desk's choice (``factcheck two-person-rule``) when an admin made one, else the
    FACTCHECK_TWO_PERSON_RULE setting (on by default).
    """
    row = session.get(DeskSettings, 1)
    return settings().two_person_rule if row is None else row.two_person_rule


def needs_sign_off(session: Session, *, status: Status, by: User) -> bool:
    """True when ``by`` setting ``status`` makes a proposal rather than a final verdict."""
    if status not in REVIEWED:
        return False
    return by.role is Role.REVIEWER or two_person_rule(session)


def _check_status_change(claim: Claim, status: Status, by: User) -> None:
    require(by, Action.REVIEW)
    check_unlocked(claim)
    if claim.status in REVIEWED and status != claim.status:
        require(by, Action.OVERRIDE_VERDICT)


def _status_changes(session: Session, claim: Claim, status: Status, by: User) -> dict[str, Any]:
    """The columns a status choice writes: a proposal, or the status itself."""
    if needs_sign_off(session, status=status, by=by):
        return {
            "status": claim.status if claim.status in REVIEWED else Status.IN_REVIEW,
            "proposed_status": status,
            "proposed_by_id": by.id,
            "proposed_at": utcnow(),
        }
    cleared: tuple[str, ...] = ("proposed_status", "proposed_by_id", "proposed_at")
    if status != claim.status:  # a sign-off belongs to the status it made final
        cleared += ("signed_off_by_id", "signed_off_at")
    # Only what is set is cleared, so the event lists what really changed.
    return {"status": status} | {name: None for name in cleared if getattr(claim, name) is not None}


def _write_status(
    session: Session, *, claim: Claim, status: Status, by: User, seen_version: int
) -> Claim:
    _check_status_change(claim, status, by)
    changes = _status_changes(session, claim, status, by)
    proposal = changes.get("proposed_status") is not None
    done = update_claim(
        session,
        claim_id=claim.id or 0,
        seen_version=seen_version,
        changes=changes,
        by=by,
        action=PROPOSE_ACTION if proposal else STATUS_ACTION,
    )
    if proposal:
        announce(session, kind=NoticeKind.PROPOSED, claim=done, actor=by)
    return done


def set_status(
    session: Session,
    *,
    claim_id: int,
    status: Status,
    by: User,
    seen_version: int,
    note: str = "",
) -> Claim:
    """Record a reviewer's verdict; raise Conflict if someone changed the claim meanwhile.

    A final verdict that needs a second person becomes a proposal (see the module's doc).
    """
    current = get_claim(session, claim_id=claim_id)
    _check_status_change(current, status, by)
    body = _check_note(note) if note.strip() else ""
    try:
        claim = _write_status(
            session, claim=current, status=status, by=by, seen_version=seen_version
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
            claim = get_claim(session, claim_id=claim_id)
            done.append(
                _write_status(session, claim=claim, status=status, by=by, seen_version=version)
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
        done = []
        for claim_id, version in seen.items():
            claim = update_claim(
                session,
                claim_id=claim_id,
                seen_version=version,
                changes={"assignee_id": assignee.id if assignee else None},
                by=by,
                action="claim.assign",
            )
            if assignee is not None:
                announce(session, kind=NoticeKind.ASSIGNED, claim=claim, actor=by, to=[assignee.id])
            done.append(claim)
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
    check_unlocked(get_claim(session, claim_id=claim_id))
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


def _pending(claim: Claim) -> Status:
    if claim.proposed_status is None:
        raise BadInput(
            f"Claim {claim.id} has no verdict awaiting sign-off; a reviewer proposes one first."
        )
    return claim.proposed_status


def sign_off(session: Session, *, claim_id: int, by: User, seen_version: int) -> Claim:
    """Make a proposed verdict final; the signer must be another editor than its proposer."""
    require(by, Action.SIGN_OFF)
    claim = get_claim(session, claim_id=claim_id)
    verdict = _pending(claim)
    if claim.proposed_by_id == by.id:
        raise NotAllowed(
            f"{by.email} proposed this verdict; nobody signs off their own verdict. "
            "Ask another editor."
        )
    try:
        done = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes={
                "status": verdict,
                "proposed_status": None,
                "signed_off_by_id": by.id,
                "signed_off_at": utcnow(),
            },
            by=by,
            action=STATUS_ACTION,
        )
        announce(
            session, kind=NoticeKind.SIGNED_OFF, claim=done, actor=by, to=[done.proposed_by_id]
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return done


def send_back(session: Session, *, claim_id: int, note: str, by: User, seen_version: int) -> Claim:
    """Refuse a proposed verdict with a note saying why; the proposer finds it in their inbox."""
    require(by, Action.SIGN_OFF)
    body = _check_note(note)
    claim = get_claim(session, claim_id=claim_id)
    verdict = _pending(claim)
    proposer = claim.proposed_by_id
    try:
        done = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes={"proposed_status": None, "proposed_by_id": None, "proposed_at": None},
            by=by,
            action="claim.send_back",
        )
        _add_note(session, claim_id=claim_id, body=f"Sent back ({verdict.value}): {body}", by=by)
        announce(session, kind=NoticeKind.SENT_BACK, claim=done, actor=by, to=[proposer], note=body)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return done
