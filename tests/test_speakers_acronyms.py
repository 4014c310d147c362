"""A bare acronym across articles (issue #10 §1, session 12): "the CDA" in one article joins
the one known organisation whose names give it, whichever is stored first; two
organisations giving one acronym keep it apart. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from factcheck.models import Role, User
from factcheck.speakers import acronyms, list_speakers, merge_speakers, speaker_named
from tests.factories import make_user
from tests.test_speakers_organisations import said_by


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


@pytest.mark.parametrize(
    ("full", "acronym"),
    [
        ("the Civil Defence Agency", "the CDA"),
        ("the Averon Civil Defence Agency", "CDA"),  # the place it opens with may go
        ("the Averon Civil Defence Agency", "the ACDA"),
        ("the Civil Protection Directorate of Averon", "CPD"),  # ... or end on
        ("the National Cyber Defence Office", "the NCDO"),
        ("Estrel Fire and Rescue Service", "EFRS"),  # "and" gives no letter
        ("the Alder Peak Railway Company", "the APR"),  # nor its firm word
    ],
)
def test_an_acronym_alone_joins_the_one_body_whose_name_gives_it(
    session: Session, editor: User, full: str, acronym: str
) -> None:
    shown = said_by(session, editor, full)
    assert said_by(session, editor, acronym) == shown


@pytest.mark.parametrize(
    ("acronym", "full", "shown"),
    [
        ("the CDA", "the Civil Defence Agency", "Civil Defence Agency"),
        (
            "CPD",
            "the Civil Protection Directorate of Averon",
            "Civil Protection Directorate of Averon",
        ),
    ],
)
def test_a_full_name_written_after_its_acronym_joins_it_and_names_it(
    session: Session, editor: User, acronym: str, full: str, shown: str
) -> None:
    assert said_by(session, editor, acronym) == acronym.removeprefix("the ")
    assert said_by(session, editor, full) == shown
    assert said_by(session, editor, acronym) == shown  # and a later "CDA" is it too
    rows = {r.speaker.name: r for r in list_speakers(session)[0]}
    assert list(rows) == [shown]
    assert rows[shown].claims == 3


def test_two_bodies_giving_one_acronym_never_join(session: Session, editor: User) -> None:
    agency = said_by(session, editor, "the Civil Defence Agency")
    authority = said_by(session, editor, "the Coastal Defence Authority")
    acronym = said_by(session, editor, "the CDA")
    assert len({agency, authority, acronym}) == 3
    # A third full name giving it, after the acronym stood apart, does not take it either.
    assert said_by(session, editor, "the Civic Data Alliance") != acronym


def test_an_acronym_a_second_body_gives_later_stands_apart(session: Session, editor: User) -> None:
    said_by(session, editor, "the CDA")
    agency = said_by(session, editor, "the Civil Defence Agency")
    assert agency == "Civil Defence Agency"  # the acronym stored first took the full name
    authority = said_by(session, editor, "the Coastal Defence Authority")
    assert said_by(session, editor, "CDA") not in {agency, authority}  # two give it now


def test_an_acronym_no_known_body_gives_stays_its_own(session: Session, editor: User) -> None:
    said_by(session, editor, "the Civil Defence Agency")
    assert said_by(session, editor, "the KLF") == "KLF"


def test_a_merge_moves_the_acronyms_an_organisations_names_give(
    session: Session, editor: User
) -> None:
    keep = speaker_named(session, name="the Civil Defence Agency")
    other = speaker_named(session, name="the Averon Emergency Directorate")
    session.commit()
    merge_speakers(session, keep_id=keep.id or 0, other_id=other.id or 0, by=editor)
    assert said_by(session, editor, "the AED") == "Civil Defence Agency"


def test_the_acronyms_a_name_gives() -> None:
    assert acronyms("ministry of justice") == {"mj"}
    assert acronyms("national cyber defence office") == {"ncdo", "cdo"}
    assert acronyms("karsk liberation front") == {"klf"}  # "lf" would be too short to read
    assert acronyms("dravik coal holdings") == {"dch"}
    assert acronyms("kessary") == set()
