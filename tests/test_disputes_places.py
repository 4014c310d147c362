"""Issue #10 §3/§5/§7, session 13: a count tied to another place is another fact, and a count
retold of an earlier moment is compared on no day (set 8's four false alarms). Pure rules
first, then disputes stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from factcheck.comparable import ALL_PLACES, other_places, places_of, retold
from factcheck.models import Role, User
from tests.disputed import add_in_story, conflicted, one_story
from tests.factories import make_user


@pytest.mark.parametrize(
    ("sentence", "quote", "places"),
    [
        ("Eleven fishermen drowned off Brask in the coastal village of Harl.", "Eleven", {"harl"}),
        ("At Pell, the coastguard said four boats sank in the storm.", "four", {"pell"}),
        ("Four boats sank on the Ostmark side of the strait.", "Four", {"ostmark"}),
        ("Seven boats sank across the Ostmarki coast.", "Seven", {"ostmarki"}),
        ("Fifty boats sank on both sides of the strait.", "Fifty", {ALL_PLACES}),
    ],
)
def test_a_place_in_its_clause_ties_a_figure(sentence: str, quote: str, places: set[str]) -> None:
    assert places_of(sentence, quote) == places


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        # a time, a people's name before what is no place, a place in a clause hung on it
        ("Eleven boats sank on Tuesday in October.", "Eleven"),
        ("Eleven boats sank in Ostmarki gunfire.", "Eleven"),
        ("Eleven boats sank as fishermen from Harl watched.", "Eleven"),
        ("The coastguard said eleven boats had sunk.", "eleven"),
        # who gives the count is no place: two sides' figures of one fact
        ("Ostmark's coastguard said eleven boats had sunk.", "eleven"),
        ("Brask's interior ministry said eleven boats had sunk.", "eleven"),
    ],
)
def test_a_figure_without_a_place_of_its_own_has_none(sentence: str, quote: str) -> None:
    assert places_of(sentence, quote) == frozenset()


def test_places_apart_are_two_facts_and_one_place_named_two_ways_is_one() -> None:
    assert other_places({"harl"}, {"pell"})
    assert other_places({ALL_PLACES}, {"pell"})  # a total and a part
    assert not other_places({"ostmark"}, {"ostmarki"})
    assert not other_places({"pell"}, {"pell harbour"})
    assert not other_places({"pell"}, set())  # no place: may count any


@pytest.mark.parametrize(
    "sentence",
    [
        "The coastguard put its first count at 11 missing.",
        "The coastguard had put the number of missing at 11.",
        "By the evening the coastguard said 11 people were missing.",
        "Initially, 11 people were reported missing.",
        "The day before, 11 people were missing.",
        # a day named: that day's later counts may have passed it
        "The toll had stood at 11 on Thursday morning.",
    ],
)
def test_a_count_told_of_an_earlier_moment_is_retold(sentence: str) -> None:
    assert retold(sentence, "11")


@pytest.mark.parametrize(
    "sentence",
    [
        "The coastguard said 11 people had been swept off the pier.",
        "As of Tuesday evening, 11 people were missing.",
        # the cue belongs to the figure before it
        "The coastguard, which had put the toll at 9, now says 11 people are missing.",
    ],
)
def test_a_count_said_of_its_own_day_is_not_retold(sentence: str) -> None:
    assert not retold(sentence, "11")


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


MONDAY = datetime(2026, 9, 14, 18, tzinfo=UTC)
TUESDAY = datetime(2026, 9, 15, 18, tzinfo=UTC)


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> int:
    line = "\n\nPolice in Brask said 640 people were evacuated from Marl ({outlet})."
    return add_in_story(
        session, by, outlet=outlet, text=text, at=at, line=line, topic="Brask storm"
    )


def test_tolls_of_two_places_do_not_dispute(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Coast Wire",
        "In Ostmark, the interior ministry said 9 people had been killed in the village of Pell.",
        MONDAY,
    )
    b = _add(
        session, editor, "Harl Radio", "At least 27 people were killed in the town of Harl.", MONDAY
    )
    c = _add(session, editor, "Sea News", "Some 60 people were killed on both sides.", MONDAY)
    session.commit()
    assert one_story(session, a, b, c)
    assert not any(
        conflicted(session, article, quote) for article, quote in ((a, "9"), (b, "27"), (c, "60"))
    )


def test_one_place_named_two_ways_or_not_named_still_disputes(
    session: Session, editor: User
) -> None:
    a = _add(session, editor, "Coast Wire", "At least 27 people were killed in Harl.", MONDAY)
    b = _add(
        session, editor, "Harl Radio", "Exactly 12 people were killed in the town of Harl.", MONDAY
    )
    c = _add(session, editor, "Sea News", "The ministry said 70 people were killed.", MONDAY)
    session.commit()
    assert conflicted(session, a, "27") and conflicted(session, b, "12")
    assert conflicted(session, c, "70")


def test_a_blog_s_untied_update_counts_where_its_first_figure_did(
    session: Session, editor: User
) -> None:
    blog = _add(
        session,
        editor,
        "Harl Live",
        "09:10 - The ministry says 19 people have been killed in Harl.\n\n"
        "16:30 - Update: the ministry now says 27 people have been killed.",
        MONDAY,
    )
    wire = _add(
        session,
        editor,
        "Coast Wire",
        "In Ostmark, the interior ministry said 9 people had been killed in the village of Pell.",
        MONDAY,
    )
    session.commit()
    assert one_story(session, blog, wire)
    assert not conflicted(session, blog, "27") and not conflicted(session, wire, "9")


def test_a_next_day_retelling_does_not_dispute_that_day_s_count(
    session: Session, editor: User
) -> None:
    told = _add(
        session,
        editor,
        "Harl Courier",
        "The ministry put its first count at 19 dead. "
        "By the evening the ministry said 27 people had been killed.",
        TUESDAY,
    )
    today = _add(session, editor, "Coast Wire", "Confirmed deaths stand at 41.", TUESDAY)
    session.commit()
    assert one_story(session, told, today)
    assert not conflicted(session, told, "19") and not conflicted(session, told, "27")
    assert not conflicted(session, today, "41")


def test_a_count_said_plainly_the_next_day_still_disputes(session: Session, editor: User) -> None:
    said = _add(
        session, editor, "Harl Courier", "The ministry said 27 people had been killed.", TUESDAY
    )
    today = _add(session, editor, "Coast Wire", "Confirmed deaths stand at 41.", TUESDAY)
    session.commit()
    assert conflicted(session, said, "27") and conflicted(session, today, "41")


def test_two_sides_authorities_giving_two_counts_dispute(session: Session, editor: User) -> None:
    ours = _add(
        session,
        editor,
        "Coast Wire",
        "Ostmark's interior ministry said 27 people were killed.",
        MONDAY,
    )
    theirs = _add(
        session, editor, "Harl Radio", "Brask's army said only 12 people were killed.", MONDAY
    )
    session.commit()
    assert one_story(session, ours, theirs)
    assert conflicted(session, ours, "27") and conflicted(session, theirs, "12")
