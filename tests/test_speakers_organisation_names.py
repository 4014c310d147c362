"""Which names are organisations (factcheck.speakers.guess_kind, nouns from the lexicon) and
the "of" order of a body's name, as an editor sees them in the speakers list; on SQLite and
PostgreSQL."""

from __future__ import annotations

from itertools import count

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.models import Claim, Role, Speaker, SpeakerKind, User
from factcheck.speakers import is_short_form
from tests.factories import found_in, make_user

_SERIAL = count(1)


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def said_by(session: Session, editor: User, speaker: str) -> Speaker:
    """Store an article where ``speaker`` said something; the speaker its claim is shown under."""
    text = f"{speaker} said that the road would reopen in {next(_SERIAL)} days."
    quote = text.rsplit("said that ", 1)[1].rstrip(".")
    found = found_in(text, quote, kind="attributed", speaker=speaker, attribution="indirect")
    article = add_article(session, title=speaker[:40], text=text, by=editor, claims=[found])
    claim = session.exec(select(Claim).where(Claim.article_id == article.id)).one()
    shown = session.get(Speaker, claim.speaker_id)
    assert shown is not None
    return shown


@pytest.mark.parametrize(
    "name",
    [
        "the Marrow Valley Housing Trust",
        "Sorvik's Civil Defence Directorate",
        "the Coastal Rescue Brigade",
        "the Larn Farmers' Cooperative",
        "the Ostland Red Crescent",
        "Brevan Polymers",
        "Keldor Coal Holdings",
        "Tolland & Sons",
        "Tolland and Daughters",
        "the Marlow Fire and Rescue Service",
        "MARLOW FIRE AND RESCUE SERVICE",
    ],
)
def test_a_body_named_on_a_noun_or_a_firm_word_is_an_organisation(
    session: Session, editor: User, name: str
) -> None:
    assert said_by(session, editor, name).kind is SpeakerKind.ORGANISATION


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ellen Cross", SpeakerKind.PERSON),  # a surname, not the Red Cross
        ("Ada Power", SpeakerKind.PERSON),  # a trade word that is also a surname
        ("Charity Odera", SpeakerKind.PERSON),  # a first name, not a charity
        ("Ruth Branch", SpeakerKind.PERSON),
        ("Rescue teams", SpeakerKind.ANONYMOUS),
        ("network engineers", SpeakerKind.ANONYMOUS),
        ("Lena Ortiz and Ivo Brandt", SpeakerKind.PERSON),  # "and" between two people
    ],
)
def test_people_and_unnamed_groups_stay_what_they_are(
    session: Session, editor: User, name: str, kind: SpeakerKind
) -> None:
    assert said_by(session, editor, name).kind is kind


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Sorvik's Civil Defence Directorate", "the civil defence directorate"),
        ("the Ostland Red Crescent", "the Red Crescent"),
    ],
)
def test_a_short_form_of_a_body_on_a_new_noun_joins_it(
    session: Session, editor: User, full: str, short: str
) -> None:
    assert said_by(session, editor, short).id == said_by(session, editor, full).id


@pytest.mark.parametrize(
    ("titled", "plain"),
    [
        ("union president Mira Kessel", "Mira Kessel"),
        ("Harbour Safety Board chair Ivo Rand", "Ivo Rand"),
    ],
)
def test_a_body_before_a_title_and_a_name_leaves_the_person(
    session: Session, editor: User, titled: str, plain: str
) -> None:
    speaker = said_by(session, editor, titled)
    assert speaker.kind is SpeakerKind.PERSON
    assert speaker.name == plain
    assert said_by(session, editor, plain).id == speaker.id


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("the Ministry of Justice", "the justice ministry"),
        ("the fisheries office", "the Office for Fisheries"),
    ],
)
def test_a_name_with_its_of_tail_first_is_the_same_body(
    session: Session, editor: User, first: str, then: str
) -> None:
    assert said_by(session, editor, then).id == said_by(session, editor, first).id


def test_the_of_order_needs_the_same_words() -> None:
    assert is_short_form(["justice", "ministry"], ["ministry", "of", "justice"])
    assert is_short_form(["budget", "office"], ["office", "for", "the", "budget"])
    assert not is_short_form(["health", "ministry"], ["ministry", "of", "justice"])
    assert not is_short_form(["justice", "office"], ["ministry", "of", "justice"])


def test_two_bodies_an_of_tail_could_be_keep_a_short_form_apart(
    session: Session, editor: User
) -> None:
    first = said_by(session, editor, "the Ministry of Justice of Arland")
    second = said_by(session, editor, "the Ministry of Justice of Vesk")
    assert said_by(session, editor, "the justice ministry").id not in {first.id, second.id}


@pytest.mark.parametrize("name", ["the General Staff", "Varnia's General Staff"])
def test_an_armys_general_staff_is_a_body_not_staff_with_a_generals_title(
    session: Session, editor: User, name: str
) -> None:
    staff = said_by(session, editor, name)
    assert staff.kind is SpeakerKind.ORGANISATION
    assert staff.name.endswith("General Staff")


@pytest.mark.parametrize(
    ("with_employer", "plain"),
    [
        ("Chief negotiator Pieter Lanz of the Federal Arbitration Service", "Pieter Lanz"),
        ("Greta Orvel of the Regional Water Board", "Greta Orvel"),
        ("Dr Hanne Solberg of Kestrel Pharmaceuticals", "Hanne Solberg"),
    ],
)
def test_a_person_named_with_their_employer_is_the_person(
    session: Session, editor: User, with_employer: str, plain: str
) -> None:
    person = said_by(session, editor, with_employer)
    assert (person.kind, person.name) == (SpeakerKind.PERSON, plain)
    assert said_by(session, editor, plain).id == person.id


def test_a_surname_with_an_employer_joins_the_one_person_of_that_surname(
    session: Session, editor: User
) -> None:
    orvel = said_by(session, editor, "Greta Orvel")
    assert said_by(session, editor, "Ms Orvel of the Regional Water Board").id == orvel.id
    assert said_by(session, editor, "the Regional Water Board").id != orvel.id
