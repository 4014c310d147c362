"""Quotes of one speaker across outlets: trimmed, reworded and drifted versions join the
original's group, other statements of the speaker stay apart (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.groups import CANDIDATES
from factcheck.models import Article, Claim, Role, User
from tests.factories import found_in, make_user

DAY0 = datetime(2026, 3, 2, 12, tzinfo=UTC)
FULL = (
    "We will not go back to work until every sacked docker has his job back, "
    "and we will stay out all winter if we have to"
)


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def quoted(session: Session, by: User, *, outlet: str, quote: str, day: int = 0) -> Article:
    """An article of the Velmore port strike in which Kasia Dunmore says ``quote``."""
    text = f"The strike at the port of Velmore went on. Kasia Dunmore said: “{quote}.”"
    found = found_in(text, quote, kind="attributed", speaker="Kasia Dunmore")
    return add_article(
        session,
        title=f"{outlet} on the Velmore strike",
        text=text,
        by=by,
        claims=[found],
        outlet=outlet,
        published_at=DAY0 + timedelta(days=day),
    )


def group_id(session: Session, article: Article) -> int | None:
    claim = session.exec(select(Claim).where(Claim.article_id == article.id)).one()
    return claim.group_id


@pytest.mark.parametrize(
    "other",
    [
        "we will stay out all winter if we have to",  # the second half
        "until every sacked docker has his job back",  # the middle
        "they would not go back to work until every sacked docker had his job back",  # reported
        "We will go back to work when every sacked docker has his job back",  # drifted
        "the dockers were staying out all winter",  # another tense
    ],
)
def test_a_trimmed_reworded_or_drifted_quote_joins_the_full_one(
    session: Session, editor: User, other: str
) -> None:
    full = quoted(session, editor, outlet="Velmore Herald", quote=FULL)
    later = quoted(session, editor, outlet="Coast Radio", quote=other, day=1)
    assert group_id(session, later) is not None
    assert group_id(session, later) == group_id(session, full)


def test_another_statement_of_the_speaker_on_the_same_strike_stays_apart(
    session: Session, editor: User
) -> None:
    quoted(session, editor, outlet="Velmore Herald", quote=FULL)
    other = quoted(
        session,
        editor,
        outlet="Coast Radio",
        quote="Every docker who goes back to work will lose his strike pay",
        day=1,
    )
    assert group_id(session, other) is None


def test_a_trim_finds_the_full_quote_behind_many_later_statements_of_its_speaker(
    session: Session, editor: User
) -> None:
    """Candidates are the speaker's latest CANDIDATES claims whatever words they share (the
    key is the speaker's, not the quote's words): a trim sharing two words is found."""
    full = quoted(session, editor, outlet="Velmore Herald", quote=FULL)
    for n in range(CANDIDATES - 5):
        quoted(session, editor, outlet=f"Outlet {n}", quote=f"Picket line report number {n}")
    trim = quoted(session, editor, outlet="Coast Radio", quote="sacked docker", day=2)
    assert group_id(session, trim) == group_id(session, full) is not None


def test_a_claim_of_two_statements_does_not_carry_the_second_into_the_firsts_group(
    session: Session, editor: User
) -> None:
    """A report that joins two statements ("…, and that …") may join a group of either; a
    version of the other one, sharing no word with most members, stays out of it."""
    said = "These families deserve answers, not sympathy cards"
    first = quoted(session, editor, outlet="Velmore Herald", quote=said)
    quoted(
        session,
        editor,
        outlet="Coast Radio",
        quote="the dockers had reported cracks in the crane for weeks, and that the families "
        "deserved answers, not sympathy cards",
        day=1,
    )
    quoted(
        session, editor, outlet="Harbour Post", quote="deserve answers, not sympathy cards", day=1
    )
    other = quoted(
        session,
        editor,
        outlet="Velmore Courier",
        quote="the dockers had been reporting cracks in the crane for weeks",
        day=2,
    )
    assert group_id(session, first) is not None
    assert group_id(session, other) != group_id(session, first)


def test_a_claim_of_two_statements_joins_the_group_of_the_one_it_leads_with(
    session: Session, editor: User
) -> None:
    lead = "The port cannot pay any more wages this year"
    told = quoted(session, editor, outlet="Velmore Herald", quote=lead)
    quoted(session, editor, outlet="Harbour Post", quote="The port can't pay more wages this year")
    added = "Two new cranes for the container quay will have to wait"
    quoted(session, editor, outlet="Coast Radio", quote=added)
    quoted(session, editor, outlet="Velmore Courier", quote=f"{added}, sadly")
    both = quoted(
        session,
        editor,
        outlet="Dock Weekly",
        quote="the port could not pay any more wages this year, and that two new cranes for "
        "the container quay would have to wait",
        day=1,
    )
    assert group_id(session, both) == group_id(session, told) is not None


def test_a_contracted_and_reworded_version_joins_the_original(
    session: Session, editor: User
) -> None:
    full = quoted(
        session, editor, outlet="Velmore Herald", quote="We will not halt the strike before Friday"
    )
    later = quoted(
        session, editor, outlet="Coast Radio", quote="we won't stop the strike before Friday", day=1
    )
    assert group_id(session, later) == group_id(session, full) is not None
