"""Issue 12, item 8: what a claim with a final verdict says is changed by editors only."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from factcheck.claims import edit_claim, get_claim
from factcheck.errors import NotAllowed
from factcheck.models import Event, Role, Status
from tests.factories import count, decide, make_article, make_user


@pytest.mark.parametrize(
    "change",
    [{"value": 12000.0, "lower": 12000.0, "upper": 12000.0}, {"unit": "children"},
     {"measure": "children evacuated"}, {"speaker": "Someone Else"}],
)  # fmt: skip
def test_a_reviewer_cannot_change_what_a_verified_claim_says(
    session: Session, change: dict[str, object]
) -> None:
    editor = make_user(session, role=Role.EDITOR)
    reviewer = make_user(session, role=Role.REVIEWER)
    _, claims = make_article(session, by=editor)
    claim = decide(
        session, claim_id=claims[0].id or 0, status=Status.VERIFIED, by=editor, seen_version=1
    )
    events = count(session, Event)
    with pytest.raises(NotAllowed, match=r"already has a final verdict \(Verified\); only an "):
        edit_claim(session, claim_id=claim.id or 0, seen_version=claim.version, by=reviewer,
                   **change)  # type: ignore[arg-type]  # fmt: skip
    kept = get_claim(session, claim_id=claim.id or 0)
    assert (kept.value, kept.unit, kept.status) == (3400, "people", Status.VERIFIED)
    assert count(session, Event) == events
    edited = edit_claim(
        session, claim_id=claim.id or 0, seen_version=claim.version, by=editor, unit="residents"
    )
    assert edited.unit == "residents" and edited.status is Status.VERIFIED


def test_a_reviewer_still_corrects_an_open_claim(session: Session) -> None:
    reviewer = make_user(session, role=Role.REVIEWER)
    _, claims = make_article(session, by=reviewer)
    edited = edit_claim(session, claim_id=claims[0].id or 0, seen_version=1, by=reviewer,
                        unit="residents")  # fmt: skip
    assert edited.unit == "residents"
