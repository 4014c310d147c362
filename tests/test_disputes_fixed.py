"""Issue #10 §3/§5, session 11: a fact fixed at one moment (who was aboard, a sum agreed,
what one act took, a dimension) does not change from one day's report to the next, so outlets
that give it different values on different days disagree; a running count (a toll) does not.
Pure rules first, then disputes stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from factcheck.comparable import Bounds, figure_measure_key, figures_dispute, fixed_fact
from factcheck.extract import extract_claims
from factcheck.models import Role, User
from tests.disputed import add_in_story, conflicted
from tests.factories import make_user


def _fixed(sentence: str, quote: str) -> bool:
    """Whether the figure ``quote`` of ``sentence``, as extracted and keyed, is fixed."""
    found = next(c for c in extract_claims(sentence) if c.kind == "numeric" and c.quote == quote)
    key = figure_measure_key(found.measure, found.unit, found.sentence, found.quote)
    return fixed_fact(key, found.sentence, found.quote)


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        # who was present when it happened
        ("The trawler sank with 14 crew members on board.", "14"),
        ("The trawler had a crew of eleven.", "eleven"),
        ("The coach was carrying 38 pupils when it left the road.", "38"),
        ("There were 60 nurses on shift when the fire started.", "60"),
        ("Eleven guards were on duty at the depot that night.", "Eleven"),
        # a sum set once
        ("The gang demanded a ransom of 2 million crowns.", "2 million"),
        ("The club paid a fee of 40 million crowns for the striker.", "40 million"),
        ("The council and the builder agreed a price of 3 million crowns.", "3 million"),
        # what one act took
        (
            "The attackers copied the records of 48,000 patients before the intrusion was seen.",
            "48,000",
        ),
        ("Thieves had stolen 40 paintings by the time the alarm sounded.", "40"),
        # a dimension
        ("The bridge is 84 metres long.", "84 metres"),
        ("The wave was 6 metres high.", "6 metres"),
    ],
)
def test_a_fact_of_one_moment_is_fixed(sentence: str, quote: str) -> None:
    assert _fixed(sentence, quote)


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        # what happened to those aboard is a toll, however its key reads
        ("All 14 crew members on board were killed.", "14"),
        ("Nine crew members on board were injured.", "Nine"),
        ("The crew of nine was rescued on Tuesday.", "nine"),
        ("The ferry sank with 40 people on board, and 12 of them died.", "12"),
        # a count with no cue of the moment
        ("The trawler had 14 crew members.", "14"),
        # the cue belongs to the next figure
        ("A ferry licensed for 90 passengers left port with 136 on board.", "90"),
        # estimates and running sums
        ("Damage is estimated at 3 million crowns.", "3 million"),
        ("The appeal has raised 40,000 crowns so far.", "40,000"),
        # thefts counted over a year, and a demand with no act done
        ("Police said 300 bicycles have been stolen in the city so far this year.", "300"),
        ("The hackers demanded 48,000 crowns from the hospital.", "48,000"),
        # a change, not a dimension
        ("The river rose 2 metres on Tuesday.", "2 metres"),
    ],
)
def test_a_look_alike_is_not_fixed(sentence: str, quote: str) -> None:
    assert not _fixed(sentence, quote)


def test_the_cue_reaches_only_its_own_figure() -> None:
    sentence = "A ferry licensed for 90 passengers left port with 136 on board."
    assert _fixed(sentence, "136") and not _fixed(sentence, "90")


def test_fixed_figures_dispute_across_days_and_others_only_on_one_day() -> None:
    nine, twelve = Bounds(9, 9), Bounds(12, 12)
    assert figures_dispute(nine, twelve, same_day=False, same_outlet=False, fixed=True)
    assert not figures_dispute(nine, twelve, same_day=False, same_outlet=False)
    # one outlet's two figures are its own correction, fixed or not
    assert not figures_dispute(nine, twelve, same_day=False, same_outlet=True, fixed=True)
    # values that meet never dispute
    assert not figures_dispute(
        Bounds(9 * 0.95, 9 * 1.05), Bounds(9, 9), same_day=False, same_outlet=False, fixed=True
    )


# Services: what the reviewer sees stored.


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> int:
    line = " Ostmark police said 75 people were evacuated from Marl ({outlet})."
    return add_in_story(
        session, by, outlet=outlet, text=text, at=at, line=line, topic="Ostmark ferry"
    )


SUNDAY = datetime(2026, 5, 10, 18, tzinfo=UTC)


def test_who_was_aboard_disputes_across_days(session: Session, editor: User) -> None:
    crew = "The Ostmark ferry was carrying a crew of nine when it capsized."
    a = _add(session, editor, "Lake Wire", crew, SUNDAY)
    _add(session, editor, "Lake Courier", crew, SUNDAY.replace(hour=19))
    b = _add(
        session,
        editor,
        "Ostmark Radio",
        "There were 12 crew members on board the Ostmark ferry when it capsized.",
        SUNDAY.replace(day=11),
    )
    session.commit()
    assert conflicted(session, a, "nine") and conflicted(session, b, "12")


def test_a_ransom_disputes_across_days(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Lake Wire",
        "The hijackers of the Ostmark ferry demanded a ransom of 2 million crowns.",
        SUNDAY,
    )
    b = _add(
        session,
        editor,
        "Ostmark Radio",
        "The hijackers of the Ostmark ferry asked for a ransom of 5 million crowns.",
        SUNDAY.replace(day=12),
    )
    session.commit()
    assert conflicted(session, a, "2 million") and conflicted(session, b, "5 million")


def test_a_toll_of_those_aboard_rises_without_dispute(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Lake Wire",
        "Seven crew members on board the Ostmark ferry were killed.",
        SUNDAY,
    )
    b = _add(
        session,
        editor,
        "Ostmark Radio",
        "Nine crew members on board the Ostmark ferry were killed.",
        SUNDAY.replace(day=11),
    )
    session.commit()
    assert not conflicted(session, a, "Seven") and not conflicted(session, b, "Nine")


def test_a_fixed_figure_and_one_without_a_cue_need_one_day(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Lake Wire",
        "The Ostmark ferry was carrying a crew of nine when it capsized.",
        SUNDAY,
    )
    b = _add(
        session,
        editor,
        "Ostmark Radio",
        "The Ostmark ferry had 12 crew members, its owner said.",
        SUNDAY.replace(day=11),
    )
    session.commit()
    assert not conflicted(session, a, "nine") and not conflicted(session, b, "12")
