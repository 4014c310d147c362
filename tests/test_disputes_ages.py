"""Issue #10 §3, session 13: a named person's age is a fact fixed when it was given, so two
outlets' ages of one person dispute across days; ages of two people, or of no one named, do
not. Pure rules first, then disputes stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from factcheck.comparable import aged, amount_outcome, fixed_fact
from factcheck.models import Role, User
from tests.disputed import add_in_story, conflicted
from tests.factories import make_user


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Among the injured was Tomas Relling, 64, a retired ferryman.", "64"),
        ("A 64-year-old man, Tomas Relling, was among the injured.", "64-year-old"),
        ("Among the injured was 64-year-old Tomas Relling.", "64-year-old"),
    ],
)
def test_an_age_beside_a_name_is_that_person_s_fixed_age(sentence: str, quote: str) -> None:
    assert aged(sentence, quote) == "relling"
    assert fixed_fact("age", sentence, quote)
    assert amount_outcome("n|*|day", "age", sentence, quote) == "age relling"


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Among the injured was a 64-year-old man.", "64-year-old"),
        ("The 23-year-old ferry had passed its inspection.", "23-year-old"),
    ],
)
def test_an_age_of_no_one_named_names_nothing(sentence: str, quote: str) -> None:
    assert aged(sentence, quote) is None
    assert not fixed_fact("age", sentence, quote)
    assert amount_outcome("n|*|day", "age", sentence, quote) is None


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


MONDAY = datetime(2026, 9, 14, 18, tzinfo=UTC)
TUESDAY = datetime(2026, 9, 15, 18, tzinfo=UTC)


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> int:
    line = "\n\nPolice in Brask said 640 people were evacuated from Marl ({outlet})."
    return add_in_story(
        session, by, outlet=outlet, text=text, at=at, line=line, topic="Brask ferry"
    )


def test_one_person_s_two_ages_dispute_across_days(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Coast Wire",
        "A 64-year-old man, Tomas Relling, was among the injured.",
        MONDAY,
    )
    b = _add(
        session, editor, "Harl Courier", "Among the injured was 46-year-old Tomas Relling.", TUESDAY
    )
    session.commit()
    assert conflicted(session, a, "64-year-old") and conflicted(session, b, "46-year-old")


def test_two_people_s_ages_do_not_dispute(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Coast Wire",
        "A 64-year-old man, Tomas Relling, was among the injured.",
        MONDAY,
    )
    b = _add(
        session, editor, "Harl Courier", "Among the injured was 46-year-old Anna Berg.", MONDAY
    )
    session.commit()
    assert not conflicted(session, a, "64-year-old") and not conflicted(session, b, "46-year-old")
