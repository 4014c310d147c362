"""Issue #10 §3/§5, session 10: one fact keys one way however it is worded, gap counts and
running counts never dispute the amount, and "last night" is the day before the article's;
pure rules first, then disputes stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from factcheck.comparable import (
    duration_outcome,
    figure_measure_key,
    reports_count,
    resolve_as_of,
    running,
    said_on,
)
from factcheck.extract import extract_claims
from factcheck.models import Role, User
from tests.disputed import add_in_story, conflicted
from tests.factories import make_user


def _key(sentence: str, quote: str) -> str | None:
    """The measure key the extractor and the key rules give the figure ``quote``."""
    found = next(c for c in extract_claims(sentence) if c.kind == "numeric" and c.quote == quote)
    return figure_measure_key(found.measure, found.unit, found.sentence, found.quote)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # a body counted by its members is the body
        (
            ("The trawler had a crew of eleven.", "eleven"),
            ("All 14 crew members were picked up by a tanker.", "14"),
        ),
        # a raise is a pay rise
        (
            ("Nurses won a 3.1 percent pay rise.", "3.1 percent"),
            ("The nurses settled for a 3.6% raise.", "3.6%"),
        ),
        # buildings lost are buildings destroyed
        (
            ("Thirty houses were lost in the landslide.", "Thirty"),
            ("The landslide destroyed 28 homes in Vettra.", "28"),
        ),
        # who was held is what a release says: a nationality is kept
        (
            ("Some 60 Marnish prisoners were freed at the border.", "60"),
            ("Officials said 58 Marnish detainees returned.", "58"),
        ),
        # a scale named beside a figure is what it reads, whatever the verb
        (
            ("A magnitude 5.2 quake shook the coast at dawn.", "5.2"),
            ("Seismologists said it was a magnitude 5.5 event.", "5.5"),
        ),
    ],
)
def test_one_fact_worded_two_ways_keys_one_way(
    one: tuple[str, str], other: tuple[str, str]
) -> None:
    assert _key(*one) is not None
    assert _key(*one) == _key(*other)


@pytest.mark.parametrize(
    ("gap", "amount"),
    [
        (
            ("The region is 9,000 tablets short of its order.", "9,000"),
            ("The region has received 30,000 tablets this month.", "30,000"),
        ),
        (
            ("The shortfall is 250 beds, the board said.", "250"),
            ("The board has opened 900 beds this winter.", "900"),
        ),
        (
            ("Doctors said 40 ventilators were needed.", "40"),
            ("Hospitals have 75 ventilators, doctors said.", "75"),
        ),
    ],
)
def test_a_count_of_a_gap_keys_apart_from_the_amount(
    gap: tuple[str, str], amount: tuple[str, str]
) -> None:
    assert _key(*gap) != _key(*amount)


def test_a_fact_box_label_names_the_gap_of_its_own_line() -> None:
    box = "Key figures\nBeds delivered: 900\nShortfall against target: 250 beds\n"
    delivered = next(c for c in extract_claims(box) if c.quote == "900")
    short = next(c for c in extract_claims(box) if c.quote == "250")
    delivered_key = figure_measure_key(
        delivered.measure, delivered.unit, delivered.sentence, delivered.quote
    )
    assert "short" not in (delivered_key or "").split()
    assert "short" in (
        figure_measure_key(short.measure, short.unit, short.sentence, short.quote) or ""
    )


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("The increase in the toll reflects three bodies found in the river.", "three"),
        ("The count of the injured was up by 6 on the morning before.", "6"),
        ("Police held 40 people, of whom 12 were later charged.", "12"),
    ],
)
def test_a_change_or_a_part_reports_no_count(sentence: str, quote: str) -> None:
    assert not reports_count(sentence, quote)


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("A pay rise of 4 percent was agreed.", "4"),
        ("The toll rose to 31 on Friday.", "31"),
    ],
)
def test_a_change_named_by_what_changes_or_a_level_still_reports_a_count(
    sentence: str, quote: str
) -> None:
    assert reports_count(sentence, quote)


def test_a_running_count_is_open_above() -> None:
    assert running("Officials say 212 ballots have been counted so far.", "212")
    assert running("The list of claims stands at 90 and counting.", "90")
    assert not running("Officials say 212 ballots were spoiled.", "212")


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("last night", date(2026, 3, 9)),
        ("yesterday evening", date(2026, 3, 9)),
        ("overnight", date(2026, 3, 9)),
        ("tonight", date(2026, 3, 10)),
        ("this morning", date(2026, 3, 10)),
    ],
)
def test_last_night_is_the_day_before_the_article(phrase: str, day: date) -> None:
    assert resolve_as_of(phrase, datetime(2026, 3, 10, 7, tzinfo=UTC)) == day


@pytest.mark.parametrize(
    ("text", "quote", "phrase"),
    [
        ("Last night the port said 17 boats were missing.", "17", "Last night"),
        (
            "At 21:00 last night rescuers put the toll at 5, with 3 people unaccounted for.",
            "3",
            "last night",
        ),
        ("Yesterday afternoon 26 people were taken to hospital.", "26", "Yesterday afternoon"),
        ("The crew blamed yesterday's storm for 4 broken masts.", "4", None),
    ],
)
def test_a_day_named_relative_to_the_article_dates_its_clause(
    text: str, quote: str, phrase: str | None
) -> None:
    found = next(c for c in extract_claims(text) if c.quote == quote)
    assert found.as_of == phrase


# Services: what the reviewer sees stored.


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> int:
    line = " The council said 120 people were evacuated from Marl ({outlet})."
    return add_in_story(
        session, by, outlet=outlet, text=text, at=at, line=line, topic="Vettra landslide"
    )


def test_a_gap_and_the_amount_received_never_dispute(session: Session, editor: User) -> None:
    at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    a = _add(
        session,
        editor,
        "Valley Wire",
        "Vettra has received 4,000 sandbags from the Vettra council.",
        at,
    )
    b = _add(
        session,
        editor,
        "Vettra Radio",
        "The shortfall is 2,500 sandbags, the Vettra council said.",
        at.replace(hour=11),
    )
    session.commit()
    assert not conflicted(session, a, "4,000") and not conflicted(session, b, "2,500")


def test_a_running_count_does_not_dispute_the_days_final_count(
    session: Session, editor: User
) -> None:
    at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    a = _add(
        session,
        editor,
        "Valley Wire",
        "The Vettra council said 40 people were rescued so far.",
        at,
    )
    b = _add(
        session,
        editor,
        "Vettra Radio",
        "The Vettra council said 95 people were rescued.",
        at.replace(hour=20),
    )
    session.commit()
    assert not conflicted(session, a, "40") and not conflicted(session, b, "95")


def test_homes_lost_and_homes_destroyed_on_one_day_dispute(session: Session, editor: User) -> None:
    at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    destroyed = "The Vettra landslide destroyed 17 homes, the Vettra council said."
    a = _add(session, editor, "Valley Wire", destroyed, at)
    _add(session, editor, "Vettra Courier", destroyed, at.replace(hour=10))
    b = _add(
        session,
        editor,
        "Vettra Radio",
        "In the Vettra landslide 23 houses were lost, the Vettra council said.",
        at.replace(hour=11),
    )
    session.commit()
    assert conflicted(session, a, "17") and conflicted(session, b, "23")


@pytest.mark.parametrize(
    ("sentence", "quote", "outcome"),
    [
        ("Prosecutors asked for a prison term of nine years.", "nine years", "sentence"),
        ("The clerk was jailed for six years.", "six years", "sentence"),
        ("The truce will last 60 days.", "60 days", "ceasefire"),
        ("The bridge will be closed for three weeks.", "three weeks", "closure"),
        ("A 21-day closure of the bridge begins on Monday.", "21-day", "closure"),
        ("Repairs will take six weeks.", "six weeks", None),
    ],
)
def test_a_duration_names_the_outcome_it_is_the_length_of(
    sentence: str, quote: str, outcome: str | None
) -> None:
    assert duration_outcome(_key(sentence, quote)) == outcome


def test_two_lengths_of_one_sentence_on_one_day_dispute(session: Session, editor: User) -> None:
    at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    nine = "The Vettra clerk faces a prison term of nine years, prosecutors said."
    a = _add(session, editor, "Valley Wire", nine, at)
    _add(session, editor, "Vettra Courier", nine, at.replace(hour=10))
    b = _add(
        session,
        editor,
        "Vettra Radio",
        "Prosecutors will seek a 7-year sentence for the Vettra clerk.",
        at.replace(hour=11),
    )
    session.commit()
    assert conflicted(session, a, "nine years") and conflicted(session, b, "7-year")


def test_durations_that_name_no_outcome_never_dispute(session: Session, editor: User) -> None:
    at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    a = _add(session, editor, "Valley Wire", "Clearing the Vettra road will take six weeks.", at)
    b = _add(
        session,
        editor,
        "Vettra Radio",
        "Clearing the Vettra road will take nine weeks.",
        at.replace(hour=11),
    )
    session.commit()
    assert not conflicted(session, a, "six weeks") and not conflicted(session, b, "nine weeks")


@pytest.mark.parametrize(
    ("sentence", "quote", "said"),
    [
        (
            "The coastguard said on Sunday night that 9 sailors were still at sea.",
            "9",
            "on Sunday night",
        ),
        ("The mayor told reporters on Monday that 31 homes had flooded.", "31", "on Monday"),
        # the figure is no longer what opens the reported clause
        ("Brova Mills said on Thursday that its yearly net profit rose 6%.", "6%", None),
        ("The mayor said 31 homes had flooded.", "31", None),
    ],
)
def test_a_figure_said_on_a_named_day_holds_at_that_day(
    sentence: str, quote: str, said: str | None
) -> None:
    assert said_on(sentence, quote) == said


def test_not_accounted_for_is_missing() -> None:
    still = _key("Rescuers said 5 workers had still not been accounted for.", "5")
    assert still == _key("Rescuers said 5 workers were missing.", "5") == "missing"


def test_a_count_said_on_the_day_before_disputes_that_days_counts(
    session: Session, editor: User
) -> None:
    monday = datetime(2026, 3, 9, 20, tzinfo=UTC)
    four = "On Monday evening 4 climbers were missing on the Vettra ridge, rescuers said."
    a = _add(session, editor, "Valley Wire", four, monday)
    _add(session, editor, "Vettra Courier", four, monday.replace(hour=21))
    b = _add(
        session,
        editor,
        "Vettra Radio",
        "Rescuers said on Monday night that 6 climbers were missing on the Vettra ridge.",
        monday.replace(day=10, hour=8),
    )
    session.commit()
    assert conflicted(session, a, "4") and conflicted(session, b, "6")
