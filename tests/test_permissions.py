"""Every role × every action, through the services (the CLI and the UI call the same ones)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.claims import ClaimFilter, add_claim, edit_claim
from factcheck.desk import correct, publish, set_priority, set_two_person_rule
from factcheck.errors import NotAllowed
from factcheck.exports import export_bytes
from factcheck.hooks import add_hook
from factcheck.inbox import mark_read
from factcheck.models import Claim, ClaimKind, Event, Priority, Role, Stance, Status, User
from factcheck.review import add_evidence, add_note, assign, send_back, set_status, sign_off
from factcheck.users import add_user, set_active
from tests.factories import count, make_article, make_user

Act = Callable[[Session, User, Claim], object]

ACTIONS: dict[str, Act] = {
    "add an article": lambda s, u, c: add_article(
        s, title="Dam report", text=f"The dam holds 40 million cubic metres. ({u.email})", by=u
    ),
    "set a status": lambda s, u, c: set_status(
        s, claim_id=c.id or 0, status=Status.IN_REVIEW, by=u, seen_version=c.version
    ),
    "add a note": lambda s, u, c: add_note(s, claim_id=c.id or 0, body="Checked.", by=u),
    "add evidence": lambda s, u, c: add_evidence(
        s, claim_id=c.id or 0, url="https://example.org/a", stance=Stance.CONTEXT, by=u
    ),
    "edit a claim": lambda s, u, c: edit_claim(
        s, claim_id=c.id or 0, seen_version=c.version, by=u, unit="residents"
    ),
    "add a missed claim": lambda s, u, c: add_claim(
        s,
        article_id=c.article_id,
        start=c.start,
        end=c.end - 1,  # not the extracted span: a duplicate span is refused for everyone
        quote=c.quote[:-1],
        kind=ClaimKind.NUMERIC,
        by=u,
    ),
    "assign": lambda s, u, c: assign(s, seen={c.id or 0: c.version}, assignee=u, by=u),
    "override a verdict": lambda s, u, c: set_status(
        s, claim_id=c.id or 0, status=Status.FALSE, by=u, seen_version=c.version
    ),
    "export a report": lambda s, u, c: export_bytes(s, fmt="csv", where=ClaimFilter(), by=u),
    "export ClaimReview": lambda s, u, c: export_bytes(
        s, fmt="claimreview", where=ClaimFilter(), by=u
    ),
    "add a user": lambda s, u, c: add_user(
        s, email=f"new-{u.id}@newsroom.test", role=Role.REVIEWER, by=u
    ),
    "disable a user": lambda s, u, c: set_active(
        s, email=c.__dict__["_other_email"], active=False, by=u
    ),
    "propose a verdict": lambda s, u, c: set_status(
        s, claim_id=c.id or 0, status=Status.FALSE, by=u, seen_version=c.version
    ),
    "set priority": lambda s, u, c: set_priority(
        s, seen={c.id or 0: c.version}, priority=Priority.URGENT, by=u
    ),
    "read my inbox": lambda s, u, c: mark_read(s, user=u),
    "sign off": lambda s, u, c: sign_off(s, claim_id=c.id or 0, by=u, seen_version=c.version),
    "send back": lambda s, u, c: send_back(
        s, claim_id=c.id or 0, note="Check the bulletin.", by=u, seen_version=c.version
    ),
    "publish": lambda s, u, c: publish(
        s, claim_id=c.id or 0, url="https://desk.example/f", by=u, seen_version=c.version
    ),
    "correct": lambda s, u, c: correct(
        s, claim_id=c.id or 0, reason="Fixed.", by=u, seen_version=c.version, value=1.0
    ),
    "add a webhook": lambda s, u, c: add_hook(
        s, url="https://10.20.0.5/x", events=["published"], by=u
    ),
    "change the desk's rules": lambda s, u, c: set_two_person_rule(s, on=False, by=u),
}
EDITOR_ONLY = {
    "assign",
    "override a verdict",
    "export a report",
    "export ClaimReview",
    "sign off",
    "send back",
    "publish",
    "correct",
}
ADMIN_ONLY = {"add a user", "disable a user", "add a webhook", "change the desk's rules"}


def prepare(session: Session, action: str, target: Claim, admin: User, other: User) -> Claim:
    """The claim in the state the action needs: a proposal by someone else, signed off ..."""
    cid = target.id or 0
    if action == "override a verdict":
        set_status(session, claim_id=cid, status=Status.VERIFIED, by=other, seen_version=1)
        return sign_off(session, claim_id=cid, by=admin, seen_version=2)
    if action in ("sign off", "send back", "publish", "correct"):
        target = set_status(session, claim_id=cid, status=Status.FALSE, by=other, seen_version=1)
    if action in ("publish", "correct"):
        target = sign_off(session, claim_id=cid, by=admin, seen_version=target.version)
    if action == "correct":
        target = publish(
            session, claim_id=cid, url="https://desk.example/f", by=admin, seen_version=3
        )
    return target


def allowed(role: Role, action: str) -> bool:
    if action in ADMIN_ONLY:
        return role is Role.ADMIN
    if action in EDITOR_ONLY:
        return role in (Role.EDITOR, Role.ADMIN)
    return True


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("active", [True, False], ids=["active", "disabled"])
def test_role_matrix(
    sqlite_db: str, role: Role, action: str, active: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.db import get_engine

    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "10.0.0.0/8")  # an intranet receiver, no DNS

    with Session(get_engine(sqlite_db), expire_on_commit=False) as session:
        admin = make_user(session, role=Role.ADMIN)
        other = make_user(session)
        user = make_user(session, role=role)
        _, claims = make_article(session, by=admin)
        target = prepare(session, action, claims[0], admin, other)
        target.__dict__["_other_email"] = other.email
        if not active:
            set_active(session, email=user.email, active=False, by=admin)
        events = count(session, Event)
        version = session.exec(select(Claim.version).where(Claim.id == target.id)).one()
        if active and allowed(role, action):
            ACTIONS[action](session, user, target)
            return
        with pytest.raises(NotAllowed) as refused:
            ACTIONS[action](session, user, target)
        session.rollback()
        a = "an" if role is not Role.REVIEWER else "a"
        expected = "is disabled" if not active else f"{user.email} is {a} {role.value}"
        assert expected in str(refused.value)
        assert count(session, Event) == events
        assert session.exec(select(Claim.version).where(Claim.id == target.id)).one() == version
