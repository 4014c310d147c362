"""One organisation is one speaker: short forms, full names after short ones, acronyms and
lone head nouns (factcheck.speakers), on SQLite and PostgreSQL."""

from __future__ import annotations

from itertools import count

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.models import Claim, Role, Speaker, SpeakerAlias, User
from factcheck.speakers import is_short_form, written_for
from tests.factories import found_in, make_user

_SERIAL = count(1)


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def said_by(session: Session, editor: User, speaker: str, text: str = "") -> str:
    """Store an article where ``speaker`` said something; the speaker its claim is shown under."""
    text = text or f"{speaker} said that the works would take {next(_SERIAL)} more weeks."
    quote = text.rsplit("said that ", 1)[1].rstrip(".")
    found = found_in(text, quote, kind="attributed", speaker=speaker, attribution="indirect")
    article = add_article(session, title=speaker[:40], text=text, by=editor, claims=[found])
    claim = session.exec(select(Claim).where(Claim.article_id == article.id)).one()
    shown = session.get(Speaker, claim.speaker_id)
    assert shown is not None
    return shown.name


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("the Ostmark Harbour Safety Board", "the harbour safety board"),
        ("Velden Ferry Company", "the local ferry company"),
    ],
)
def test_a_short_form_joins_the_one_body_it_shortens(
    session: Session, editor: User, full: str, short: str
) -> None:
    shown = said_by(session, editor, full)
    assert said_by(session, editor, short) == shown


@pytest.mark.parametrize(
    ("first", "second", "short"),
    [
        ("the Ostmark Harbour Safety Board", "the Pellin Harbour Safety Board", "the safety board"),
        ("the Velden Ferry Company", "the Arlo Ferry Company", "the ferry company"),
    ],
)
def test_a_short_form_two_known_bodies_share_stays_apart(
    session: Session, editor: User, first: str, second: str, short: str
) -> None:
    names = {said_by(session, editor, first), said_by(session, editor, second)}
    assert said_by(session, editor, short) not in names


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("the National Health Ministry", "the regional health ministry"),
        ("the Federal Roads Agency", "the provincial roads agency"),
    ],
)
def test_a_place_word_the_full_name_contradicts_keeps_them_apart(
    session: Session, editor: User, full: str, short: str
) -> None:
    assert said_by(session, editor, short) != said_by(session, editor, full)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("the water company", "the Grennoch Water Company"),
        ("the Civil Aviation Authority", "Tarvia's Civil Aviation Authority"),
    ],
)
def test_a_full_name_written_after_its_short_form_joins_it(
    session: Session, editor: User, short: str, full: str
) -> None:
    shown = said_by(session, editor, short)
    assert said_by(session, editor, full) == shown
    later = said_by(session, editor, full.replace("the ", "").replace("'s", ""))
    assert later == shown  # the full name is a name of that body now


@pytest.mark.parametrize(
    ("short", "first", "second"),
    [
        ("the water company", "the Grennoch Water Company", "the Lisk Water Company"),
        ("the transport department", "the Orla Transport Department", "Vey Transport Department"),
    ],
)
def test_a_short_form_joined_to_one_full_name_does_not_take_a_second(
    session: Session, editor: User, short: str, first: str, second: str
) -> None:
    said_by(session, editor, short)
    said_by(session, editor, first)
    assert said_by(session, editor, second) != said_by(session, editor, first)


@pytest.mark.parametrize(
    ("acronym", "text"),
    [
        (
            "the NCDO",
            "Officials at the National Cyber Defence Office (NCDO) met on Monday. "
            "the NCDO said that the attack came from abroad.",
        ),
        (
            "EFRS",
            "ESTREL FIRE AND RESCUE SERVICE (EFRS)\n\nEFRS said that crews reached the farm.",
        ),
    ],
)
def test_an_acronym_joins_the_name_its_article_spells_out(
    session: Session, editor: User, acronym: str, text: str
) -> None:
    shown = said_by(session, editor, acronym, text)
    assert shown.lower().endswith(("cyber defence office", "fire and rescue service"))
    # Another article's bare acronym joins the one known body that gives it (two giving it
    # keep it apart: tests/test_speakers_acronyms.py), and is not stored as its name.
    elsewhere = said_by(session, editor, acronym, f"{acronym} said that it was ready.")
    assert elsewhere == shown
    assert session.get(SpeakerAlias, acronym.removeprefix("the ").lower()) is None


@pytest.mark.parametrize(
    ("head", "text"),
    [
        (
            "the network",
            "Hospitals of the Corrin Valley Health Network shut. "
            "the network said that records were copied.",
        ),
        (
            "the fund",
            "Savers left the Vellmar Teachers' Pension Fund in May. "
            "the fund said that no payment was missed.",
        ),
    ],
)
def test_a_lone_head_noun_is_the_one_body_its_article_names(
    session: Session, editor: User, head: str, text: str
) -> None:
    shown = said_by(session, editor, head, text)
    assert shown.lower().endswith(("health network", "pension fund"))
    # An article that names no such body keeps it apart; "the network" is not stored as a
    # name of the body.
    assert said_by(session, editor, head, f"{head} said that all was well.") != shown


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Ministry of Justice and the Ministry of Health met. ", "the ministry"),
        ("The Orla Port Authority (OPA) and the Orla Planning Agency (OPA) met. ", "OPA"),
    ],
)
def test_an_article_naming_two_matching_bodies_leaves_the_name_alone(text: str, name: str) -> None:
    assert written_for(text + f"{name} said it.", [name]) == {}


def test_a_bare_head_or_a_lone_place_word_is_not_a_short_form() -> None:
    assert not is_short_form(["office"], ["national", "cyber", "defence", "office"])
    assert not is_short_form(["national", "office"], ["national", "cyber", "defence", "office"])
    assert is_short_form(
        ["ministry", "of", "justice"], ["ministry", "of", "justice", "of", "sorvena"]
    )


@pytest.mark.parametrize(
    ("full", "short"),
    [("Orvane Polymers", "Orvane"), ("Keldor Pharmaceuticals", "Keldor")],
)
def test_a_firms_name_without_its_firm_word_joins_the_one_firm_named_so(
    session: Session, editor: User, full: str, short: str
) -> None:
    shown = said_by(session, editor, full)
    assert said_by(session, editor, short) == shown


def test_a_firm_word_two_known_firms_share_stays_apart(session: Session, editor: User) -> None:
    metals = said_by(session, editor, "Brevik Metals")
    foods = said_by(session, editor, "Brevik Foods")
    assert said_by(session, editor, "Brevik") not in (metals, foods)


@pytest.mark.parametrize(
    ("noun", "text"),
    [
        (
            "the company",
            "Dye reached the river from a tank of Orvane Polymers. "
            "the company said that the leak was stopped.",
        ),
        (
            "the firm",
            "A filling line of Keldor Pharmaceuticals stopped. "
            "the firm said that supplies would resume.",
        ),
    ],
)
def test_a_firm_noun_is_the_one_firm_its_article_names(
    session: Session, editor: User, noun: str, text: str
) -> None:
    shown = said_by(session, editor, noun, text)
    assert shown.lower().endswith(("orvane polymers", "keldor pharmaceuticals"))
    # An article that names no firm keeps it apart.
    assert said_by(session, editor, noun, f"{noun} said that all was well.") != shown


def test_an_article_naming_two_firms_leaves_the_firm_noun_alone() -> None:
    text = "Orvane Polymers sold the plant to Keldor Pharmaceuticals. the company said it."
    assert written_for(text, ["the company"]) == {}


@pytest.mark.parametrize(
    ("title", "text", "person"),
    [
        (
            "the prosecutor",
            "Prosecutor Ilse Varga opened the Tarn fraud trial. "
            "the prosecutor said that the money was taken.",
            "Ilse Varga",
        ),
        (
            "The chief executive",
            "Chief executive Dr Oskar Lenning met the board. "
            "The chief executive said that repairs would take a month.",
            "Oskar Lenning",
        ),
    ],
)
def test_a_title_alone_is_the_one_person_its_article_names_with_it(
    session: Session, editor: User, title: str, text: str, person: str
) -> None:
    assert said_by(session, editor, person) == person
    assert said_by(session, editor, title, text) == person
    # An article that names no one with the title keeps it apart.
    assert said_by(session, editor, title, f"{title} said that all was well.") != person


def test_an_article_naming_two_people_with_the_title_leaves_it_alone() -> None:
    text = "Minister Ana Lorn met Minister Per Vikstad. the minister said it would pass."
    assert written_for(text, ["the minister"]) == {}


@pytest.mark.parametrize(
    ("document", "text", "issuer"),
    [
        (
            "the statement",
            "The Ostmark Harbour Board said in a statement that the quay would shut. "
            "the statement said that repairs would cost 2 million crowns.",
            "Ostmark Harbour Board",
        ),
        (
            "The statement",
            "A short statement from the Varn Ferry Company blamed the storm. "
            "The statement said that 12 sailings were cancelled.",
            "Varn Ferry Company",
        ),
        (
            "the letter",
            "In a letter to parents, Brask Academy said the roof was unsafe. "
            "the letter said that classes would move to the town hall.",
            "Brask Academy",
        ),
    ],
)
def test_a_document_is_the_one_body_its_article_says_put_it_out(
    session: Session, editor: User, document: str, text: str, issuer: str
) -> None:
    assert said_by(session, editor, document, text) == issuer
    # An article that names no one putting it out keeps the document apart.
    assert said_by(session, editor, document, f"{document} said that all was well.") != issuer


def test_an_article_where_two_put_out_statements_leaves_the_statement_alone() -> None:
    text = (
        "The dock workers' union said in a statement that talks had failed. The port "
        "authority issued a statement of its own. The statement said that talks would resume."
    )
    assert written_for(text, ["The statement"]) == {}


@pytest.mark.parametrize(
    ("title", "text", "person"),
    [
        (
            "the militia commander",
            "Commander Ilse Vantor led the militia out of Brask on foot. "
            "the militia commander said that no one had been left behind.",
            "Ilse Vantor",
        ),
        (
            "The fire chief",
            "Chief Oren Blakely of the Drummond fire service spoke first. "
            "The fire chief said that the blaze was held at the river.",
            "Oren Blakely",
        ),
    ],
)
def test_a_title_with_words_of_what_kind_is_the_one_person_named_with_the_title(
    session: Session, editor: User, title: str, text: str, person: str
) -> None:
    assert said_by(session, editor, person) == person
    assert said_by(session, editor, title, text) == person


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "President Ana Voss flew to Carrow. The interim president said it.",
            "The interim president",
        ),
        ("Mayor Lina Storr opened the bridge. The deputy mayor said it.", "The deputy mayor"),
        (
            "Commander Ilse Vantor and Commander Piet Arno led the militia. "
            "The militia commander said it.",
            "The militia commander",
        ),
    ],
)
def test_another_office_or_two_holders_of_the_title_leave_it_alone(text: str, title: str) -> None:
    assert written_for(text, [title]) == {}
