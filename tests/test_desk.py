"""The desk's workflow on both databases: sign-off, publication and its lock, corrections."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from sqlmodel import Session, select

from factcheck.claims import ClaimFilter, edit_claim, get_claim
from factcheck.desk import correct, list_corrections, publish, set_two_person_rule
from factcheck.errors import BadInput, Conflict, Locked, NotAllowed
from factcheck.exports import export_bytes
from factcheck.inbox import inbox, mark_read, unread_count
from factcheck.models import Claim, Correction, Event, NoticeKind, Role, Stance, Status, User
from factcheck.review import add_evidence, add_note, assign, send_back, set_status, sign_off
from tests.factories import count, make_article, make_user


@dataclass
class Desk:
    ana: User  # reviewer
    ed: User  # editor
    eve: User  # a second editor
    admin: User
    claims: list[Claim]


def desk(session: Session) -> Desk:
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session, email="ana@desk.test")
    ed = make_user(session, role=Role.EDITOR, email="ed@desk.test")
    eve = make_user(session, role=Role.EDITOR, email="eve@desk.test")
    _, claims = make_article(session, by=ana, title="Valley floods")
    return Desk(ana, ed, eve, admin, claims)


def claimreview(session: Session, by: User) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(
        export_bytes(session, fmt="claimreview", where=ClaimFilter(), by=by)
    )
    return data


def propose_false(session: Session, d: Desk) -> Claim:
    return set_status(
        session, claim_id=d.claims[0].id or 0, status=Status.FALSE, by=d.ana, seen_version=1
    )


def test_a_reviewers_false_is_a_proposal_until_another_editor_signs_it_off(
    session: Session,
) -> None:
    d = desk(session)
    proposed = propose_false(session, d)
    assert (proposed.status, proposed.proposed_status) == (Status.IN_REVIEW, Status.FALSE)
    assert proposed.proposed_by_id == d.ana.id
    assert claimreview(session, d.ed) == []
    signed = sign_off(session, claim_id=proposed.id or 0, by=d.ed, seen_version=proposed.version)
    assert (signed.status, signed.proposed_status, signed.signed_off_by_id) == (
        Status.FALSE,
        None,
        d.ed.id,
    )
    reviews = claimreview(session, d.ed)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["False"]  # type: ignore[index]


def test_nobody_signs_off_their_own_verdict(session: Session) -> None:
    d = desk(session)
    mine = set_status(
        session, claim_id=d.claims[0].id or 0, status=Status.VERIFIED, by=d.ed, seen_version=1
    )
    assert mine.status is Status.IN_REVIEW and mine.proposed_status is Status.VERIFIED
    events = count(session, Event)
    with pytest.raises(NotAllowed, match="nobody signs off their own verdict"):
        sign_off(session, claim_id=mine.id or 0, by=d.ed, seen_version=mine.version)
    assert count(session, Event) == events
    with pytest.raises(NotAllowed, match="only an editor or above may sign off"):
        sign_off(session, claim_id=mine.id or 0, by=d.ana, seen_version=mine.version)
    done = sign_off(session, claim_id=mine.id or 0, by=d.eve, seen_version=mine.version)
    assert done.status is Status.VERIFIED


def test_without_the_two_person_rule_an_editors_verdict_is_final_but_a_reviewers_is_not(
    session: Session,
) -> None:
    d = desk(session)
    set_two_person_rule(session, on=False, by=d.admin)
    editor = set_status(
        session, claim_id=d.claims[0].id or 0, status=Status.VERIFIED, by=d.ed, seen_version=1
    )
    assert (editor.status, editor.proposed_status) == (Status.VERIFIED, None)
    reviewer = set_status(
        session, claim_id=d.claims[1].id or 0, status=Status.FALSE, by=d.ana, seen_version=1
    )
    assert (reviewer.status, reviewer.proposed_status) == (Status.IN_REVIEW, Status.FALSE)
    with pytest.raises(NotAllowed, match="only an admin may change the desk's rules"):
        set_two_person_rule(session, on=True, by=d.ed)


def test_a_new_proposal_on_a_signed_off_verdict_keeps_the_old_one_until_sign_off(
    session: Session,
) -> None:
    d = desk(session)
    first = propose_false(session, d)
    first = sign_off(session, claim_id=first.id or 0, by=d.ed, seen_version=first.version)
    again = set_status(
        session,
        claim_id=first.id or 0,
        status=Status.MISLEADING,
        by=d.eve,
        seen_version=first.version,
    )
    assert (again.status, again.proposed_status) == (Status.FALSE, Status.MISLEADING)


def test_sending_back_clears_the_proposal_and_tells_the_reviewer_why(session: Session) -> None:
    d = desk(session)
    proposed = propose_false(session, d)
    with pytest.raises(BadInput, match="note is empty"):
        send_back(session, claim_id=proposed.id or 0, note=" ", by=d.ed, seen_version=2)
    back = send_back(
        session,
        claim_id=proposed.id or 0,
        note="The ministry revised its count; check bulletin 15.",
        by=d.ed,
        seen_version=proposed.version,
    )
    assert (back.status, back.proposed_status, back.proposed_by_id) == (
        Status.IN_REVIEW,
        None,
        None,
    )
    items = inbox(session, user=d.ana)
    assert [(i.kind, i.note, i.actor) for i in items] == [
        (NoticeKind.SENT_BACK, "The ministry revised its count; check bulletin 15.", "Ed")
    ]
    assert unread_count(session, user=d.ana) == 1
    assert mark_read(session, user=d.ana) == 1
    assert unread_count(session, user=d.ana) == 0 and inbox(session, user=d.ana)[0].read


def test_a_stale_sign_off_is_refused(session: Session) -> None:
    d = desk(session)
    proposed = propose_false(session, d)
    seen = proposed.version  # what the editor saw
    add_note(session, claim_id=proposed.id or 0, body="Looked again.", by=d.ana)
    set_status(
        session, claim_id=proposed.id or 0, status=Status.MISLEADING, by=d.ana, seen_version=seen
    )
    with pytest.raises(Conflict, match="changed since you opened it"):
        sign_off(session, claim_id=proposed.id or 0, by=d.ed, seen_version=seen)
    assert get_claim(session, claim_id=proposed.id or 0).status is Status.IN_REVIEW


def test_the_inbox_lists_assignments_and_verdicts_awaiting_my_sign_off(session: Session) -> None:
    d = desk(session)
    proposed = propose_false(session, d)
    assign(session, seen={d.claims[1].id or 0: 1}, assignee=d.ana, by=d.ed)
    assert [(i.kind, i.claim_id) for i in inbox(session, user=d.ana)] == [
        (NoticeKind.ASSIGNED, d.claims[1].id)
    ]
    assert [(i.kind, i.claim_id, i.actor) for i in inbox(session, user=d.ed)] == [
        (NoticeKind.PROPOSED, proposed.id, d.ana.display_name)  # who proposed it
    ]
    assert unread_count(session, user=d.ed) == 1
    signed = sign_off(session, claim_id=proposed.id or 0, by=d.ed, seen_version=proposed.version)
    assert unread_count(session, user=d.ed) == 0
    assert (NoticeKind.SIGNED_OFF, signed.id) in [
        (i.kind, i.claim_id) for i in inbox(session, user=d.ana)
    ]


def published(session: Session, d: Desk) -> Claim:
    proposed = propose_false(session, d)
    signed = sign_off(session, claim_id=proposed.id or 0, by=d.ed, seen_version=proposed.version)
    return publish(
        session,
        claim_id=signed.id or 0,
        url="https://desk.example/fact-check/valley-floods",
        by=d.eve,
        seen_version=signed.version,
    )


def test_only_a_signed_off_verdict_is_published_and_claimreview_links_the_article(
    session: Session,
) -> None:
    d = desk(session)
    proposed = propose_false(session, d)
    with pytest.raises(BadInput, match="no signed-off verdict to publish"):
        publish(
            session,
            claim_id=proposed.id or 0,
            url="https://desk.example/a",
            by=d.ed,
            seen_version=proposed.version,
        )
    claim = sign_off(session, claim_id=proposed.id or 0, by=d.ed, seen_version=proposed.version)
    with pytest.raises(BadInput, match="not a web address"):
        publish(session, claim_id=claim.id or 0, url="javascript:x", by=d.ed, seen_version=3)
    with pytest.raises(NotAllowed):
        publish(
            session,
            claim_id=claim.id or 0,
            url="https://desk.example/a",
            by=d.ana,
            seen_version=claim.version,
        )
    done = publish(
        session,
        claim_id=claim.id or 0,
        url="https://desk.example/fact-check/valley-floods",
        by=d.ed,
        seen_version=claim.version,
    )
    assert done.published_at is not None
    (review,) = claimreview(session, d.ed)
    assert review["url"] == "https://desk.example/fact-check/valley-floods"
    assert "dateModified" not in review


def test_a_published_claim_refuses_the_normal_actions_and_writes_nothing(
    session: Session,
) -> None:
    d = desk(session)
    claim = published(session, d)
    cid, version = claim.id or 0, claim.version
    events = count(session, Event)
    refusals = (
        lambda: set_status(
            session, claim_id=cid, status=Status.VERIFIED, by=d.ed, seen_version=version
        ),
        lambda: edit_claim(session, claim_id=cid, seen_version=version, by=d.ed, value=3500.0),
        lambda: add_evidence(
            session, claim_id=cid, url="https://x.example/", stance=Stance.REFUTES, by=d.ed
        ),
    )
    for refuse in refusals:
        with pytest.raises(Locked, match="change only by a correction"):
            refuse()
        session.rollback()
    assert count(session, Event) == events
    assert get_claim(session, claim_id=cid).version == version


def test_a_correction_needs_a_reason_and_lands_in_the_log_reports_and_claimreview(
    session: Session,
) -> None:
    d = desk(session)
    claim = published(session, d)
    with pytest.raises(BadInput, match="needs a reason"):
        correct(
            session,
            claim_id=claim.id or 0,
            reason="  ",
            by=d.ed,
            seen_version=claim.version,
            status=Status.MISLEADING,
        )
    with pytest.raises(NotAllowed):
        correct(
            session,
            claim_id=claim.id or 0,
            reason="x",
            by=d.ana,
            seen_version=claim.version,
            status=Status.MISLEADING,
        )
    assert count(session, Correction) == 0
    correct(
        session,
        claim_id=claim.id or 0,
        reason="The toll left out the northern district; <b>misleading</b>, not false.",
        by=d.ed,
        seen_version=claim.version,
        status=Status.MISLEADING,
        value=3412,
    )
    fixed = get_claim(session, claim_id=claim.id or 0)
    assert (fixed.status, fixed.value, fixed.corrected_at is not None) == (
        Status.MISLEADING,
        3412,
        True,
    )
    (logged,) = list_corrections(session)
    assert logged.changes == {
        "status": {"from": "false", "to": "misleading"},
        "value": {"from": 3400.0, "to": 3412},
    }
    assert logged.by == "Ed" and logged.reason.startswith("The toll left out")
    (review,) = claimreview(session, d.ed)
    assert review["dateModified"] == f"{fixed.corrected_at:%Y-%m-%d}"
    assert review["reviewRating"]["alternateName"] == "Misleading"  # type: ignore[index]
    html = export_bytes(session, fmt="html", where=ClaimFilter(), by=d.ed).decode()
    assert "<h2 id='corrections'>Corrections</h2>" in html
    assert "status false → misleading; value 3400.0 → 3412" in html
    assert "&lt;b&gt;misleading&lt;/b&gt;" in html and "<b>misleading</b>" not in html
    markdown = export_bytes(session, fmt="md", where=ClaimFilter(), by=d.ed).decode()
    assert "## Corrections" in markdown and "The toll left out" in markdown
    notices = {(i.kind, i.claim_id) for i in inbox(session, user=d.ana)}
    assert (NoticeKind.CORRECTED, claim.id) in notices


def test_an_unpublished_claim_is_not_corrected_but_reviewed(session: Session) -> None:
    d = desk(session)
    with pytest.raises(BadInput, match="is not published"):
        correct(
            session,
            claim_id=d.claims[0].id or 0,
            reason="Typo.",
            by=d.ed,
            seen_version=1,
            value=3,
        )


def test_reports_show_a_proposal_as_such(session: Session) -> None:
    d = desk(session)
    propose_false(session, d)
    html = export_bytes(session, fmt="html", where=ClaimFilter(), by=d.ed).decode()
    assert "proposed False by Ana, awaiting sign-off" in html
    assert "awaiting a second person's sign-off" in html  # the summary's legend
    rows = json.loads(export_bytes(session, fmt="json", where=ClaimFilter(), by=d.ed))
    first = next(r for r in rows if r["id"] == d.claims[0].id)
    assert (first["status"], first["proposed_status"], first["proposed_by"]) == (
        "in_review",
        "false",
        "Ana",
    )
    assert first["reviewed"] is False


def test_every_desk_step_is_in_the_claims_history(session: Session) -> None:
    d = desk(session)
    claim = published(session, d)
    correct(
        session,
        claim_id=claim.id or 0,
        reason="Wrong speaker.",
        by=d.ed,
        seen_version=claim.version,
        speaker="Valley emergency office",
    )
    actions = session.exec(
        select(Event.action).where(Event.claim_id == claim.id).order_by(Event.id)
    ).all()
    assert actions[-5:] == [
        "claim.propose",
        "claim.status",
        "claim.publish",
        "claim.correct",
        "claim.correct",
    ]
