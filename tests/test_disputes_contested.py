"""Issue #10 §3/§5, session 17: an article that gives both sides' figures of one fact tells two
facts, unless it sets one against the other ("rejects the figure of 23 deaths …; the company
has confirmed 17"): then it reports the disagreement, and the other outlets' figures of the
two sides dispute. A ratio ("30 prisoners for each captive") is no count to dispute. Pure
rules first, then disputes stored on SQLite and PostgreSQL. Sentences invented here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from factcheck.comparable import contests, reports_count
from factcheck.models import Role, User
from tests.disputed import add_in_story, conflicted, one_story
from tests.factories import make_user

WEDNESDAY = datetime(2026, 3, 4, 9, tzinfo=UTC)
LINE = " The {outlet} desk reports from Kerrow, where the Sallow plant blast struck on Tuesday."


@pytest.mark.parametrize(
    "sentence",
    [
        "Aurex rejects the figure of 23 deaths published today by the agency.",
        "The company disputed the agency's toll on Wednesday.",
        "The ferry carried close to 300 people, not the 212 the operator says were aboard.",
        "At least 90 people were killed, well above the 64 deaths confirmed by the ministry.",
        "The residents' council says the true number is more than 60.",
    ],
)
def test_a_sentence_that_sets_a_figure_against_another_contests(sentence: str) -> None:
    assert contests(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency said 23 people had died.",
        "Rescuers pulled 11 survivors from the river, the coastguard said.",
    ],
)
def test_a_plain_report_contests_nothing(sentence: str) -> None:
    assert not contests(sentence)


def test_a_ratio_is_no_count() -> None:
    assert not reports_count("The government is to free 30 prisoners for each captive.", "30")
    assert reports_count("The government freed 30 prisoners on Monday.", "30")


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def _add(session: Session, by: User, outlet: str, text: str, hour: int) -> int:
    at = WEDNESDAY.replace(hour=hour)
    return add_in_story(session, by, outlet=outlet, text=text, at=at, line=LINE, topic="Sallow")


WIRE = "The Sallow Civil Protection Agency said 23 people had died in the blast at the plant."
TODAY = "The company, Aurex, said 17 people had died in the blast at the plant."


def sides_in_conflict(session: Session, by: User, outlet: str, both: str) -> tuple[bool, bool]:
    """Whether the wire's 23 and another outlet's 17 are in conflict once ``outlet`` printed
    ``both`` sides between them."""
    wire = _add(session, by, "Coast Wire", WIRE, 9)
    middle = _add(session, by, outlet, both, 11)
    today = _add(session, by, "Sallow Today", TODAY, 13)
    assert one_story(session, wire, middle, today)
    return conflicted(session, wire, "23"), conflicted(session, today, "17")


def test_an_article_that_rejects_one_side_lets_the_two_sides_dispute(
    session: Session, editor: User
) -> None:
    rejects = (
        "Aurex rejects the figure of 23 deaths published by the agency. The company has "
        "confirmed 17 deaths in the blast at the plant."
    )
    assert sides_in_conflict(session, editor, "Aurex Newsroom", rejects) == (True, True)


def test_an_article_that_gives_both_sides_plainly_tells_two_facts(
    session: Session, editor: User
) -> None:
    plainly = (
        "The agency counted 23 deaths in the blast at the plant. Aurex said 17 people had died "
        "in the blast at the plant."
    )
    assert sides_in_conflict(session, editor, "Sallow Herald", plainly) == (False, False)
