"""Outlets and which article came first (issue #10 §4): a primary source's statement is the
source of the wire that copies it; an editor says which outlets are agencies or official.

The texts are invented for these tests (the Fenwick flood of tests/test_stories_derived.py).
"""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from factcheck.db import get_engine
from factcheck.errors import NotAllowed, NotFound
from factcheck.models import Article, Event, Outlet, OutletKind, Role, User
from factcheck.outlets import list_outlets, set_outlet_kind
from factcheck.stories import opens_as_release
from tests.factories import make_user
from tests.test_cli import factcheck
from tests.test_stories_derived import LIGHT, WIRE, _at, _source_of, _store

# The emergency office's own statement, which the agency copied almost word for word.
STATEMENT = (
    "Floodwater from the swollen River Ardle has forced 3,200 people from their homes in the "
    "lowland town of Fenwick today.\n\n"
    "Four people were killed when a footbridge over the river was swept away late on Monday. "
    "The river rose 2.4 metres in twelve hours after three days of heavy rain across the upper "
    "valley.\n\n"
    "Emergency crews used boats to reach families stranded on the roofs of houses near the old "
    'mill. "We have never seen the water come up this fast," said Mara Lindqvist, head of the '
    "emergency office.\n\n"
    "About 600 homes were without electricity this evening and the main road to Castrel "
    "remains closed. Forecasters expect more rain on Thursday, and the office has opened two "
    "shelters in the town's schools."
)


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


RELEASE = "REGIONAL EMERGENCY OFFICE - MEDIA RELEASE\nTuesday 3 October, 17:00\n\n" + STATEMENT


@pytest.mark.parametrize(
    "text",
    [
        RELEASE,
        "For immediate release\n\nThe Castrel water board will close two reservoirs today.",
        "\n\nPORT OF VELLAN\nPress statement\nMonday 12 May\n\nThe port said 40 ships waited.",
        "Harbour Board news release: dredging of the north channel\n\nDredging starts today.",
    ],
    ids=["heading", "immediate", "third-line", "with-subject"],
)
def test_a_text_opening_with_a_release_heading_is_a_primary_source(text: str) -> None:
    assert opens_as_release(text)


@pytest.mark.parametrize(
    "text",
    [
        WIRE,
        "The office said in a press release on Tuesday that 3,200 people had left.\n\nMore.",
        "Floods\nFenwick\nRiver Ardle\nThe office issued a media release at noon\n\nMore.",
        "Press releases from the council are published every morning. Read them online.",
    ],
    ids=["wire", "sentence-naming-a-release", "fourth-line", "a-sentence"],
)
def test_a_sentence_naming_a_release_is_not_a_heading(text: str) -> None:
    assert not opens_as_release(text)


def test_a_wire_copying_the_statement_of_that_day_is_derived_from_the_statement(
    session: Session, editor: User
) -> None:
    """The wire has its dateline and is stored first; the statement's heading still says it
    is the primary source, so the wire is the rewrite."""
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(17))
    release = _store(session, editor, outlet="Regional Emergency Office", text=RELEASE, at=_at(17))
    assert _source_of(session, wire) == release.id
    assert _source_of(session, release) is None


def test_an_editor_marks_an_outlet_official_and_its_story_is_decided_again(
    session: Session, editor: User
) -> None:
    """Without a heading nothing in the text tells; the outlet's kind does, once set."""
    copy = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(17))
    office = _store(session, editor, outlet="Regional Emergency Office", text=STATEMENT, at=_at(17))
    assert _source_of(session, office) == copy.id  # stored second: taken as the rewrite
    reviewer = make_user(session, role=Role.REVIEWER)
    with pytest.raises(NotAllowed):
        set_outlet_kind(
            session, name="regional emergency office", kind=OutletKind.OFFICIAL, by=reviewer
        )
    assert not session.exec(select(Event).where(Event.action == "outlet.kind")).all()
    changed = set_outlet_kind(
        session, name="regional emergency office", kind=OutletKind.OFFICIAL, by=editor
    )
    assert changed == 2
    assert _source_of(session, copy) == office.id
    assert _source_of(session, office) is None
    (event,) = session.exec(select(Event).where(Event.action == "outlet.kind")).all()
    assert (event.before, event.after, event.actor_id) == (
        {"kind": "news"},
        {"kind": "official"},
        editor.id,
    )
    assert (
        set_outlet_kind(  # the same kind again changes nothing and records nothing
            session, name="Regional Emergency Office", kind=OutletKind.OFFICIAL, by=editor
        )
        == 0
    )
    assert len(session.exec(select(Event).where(Event.action == "outlet.kind")).all()) == 1


def test_an_unknown_outlet_is_named_in_the_message(session: Session, editor: User) -> None:
    with pytest.raises(NotFound, match="no outlet named 'Nowhere Gazette'"):
        set_outlet_kind(session, name="Nowhere Gazette", kind=OutletKind.AGENCY, by=editor)


def test_outlets_are_listed_with_kind_and_articles(session: Session, editor: User) -> None:
    _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(10))
    rows, total = list_outlets(session, search="press")
    assert total == 1
    assert [(r.outlet.name, r.outlet.kind, r.articles) for r in rows] == [
        ("Northgate Press Agency", OutletKind.NEWS, 1)
    ]


def test_outlets_cli_lists_and_marks_an_agency(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        undated = WIRE.removeprefix("FENWICK, Oct 3 (NPA) - ")
        copy = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(12))
        wire = _store(session, editor, outlet="Northgate Press Agency", text=undated, at=_at(12))
    out = factcheck(
        db_url, "outlets", "kind", "Northgate Press Agency", "AGENCY", "--user", editor.email
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == (
        "Northgate Press Agency is now marked agency; 2 articles' source changed."
    )
    listed = json.loads(factcheck(db_url, "outlets", "list", "--format", "json").stdout)
    assert {(o["name"], o["kind"], o["articles"]) for o in listed} == {
        ("Ardle Valley Post", "news", 1),
        ("Northgate Press Agency", "agency", 1),
    }
    with Session(get_engine(db_url)) as session:
        assert session.get(Article, copy.id).derived_from_id == wire.id  # type: ignore[union-attr]
        assert (
            session.exec(select(Outlet.kind).where(Outlet.name == "Northgate Press Agency")).one()
            == OutletKind.AGENCY
        )


def test_outlets_cli_bad_input_gets_one_line(sqlite_db: str) -> None:
    with Session(get_engine(sqlite_db), expire_on_commit=False) as session:
        email = make_user(session, role=Role.EDITOR).email
    missing = factcheck(sqlite_db, "outlets", "kind", "Nowhere Gazette", "agency", "--user", email)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr == (
        "Error: There is no outlet named 'Nowhere Gazette'; check the spelling on the Outlets "
        "page or with `factcheck outlets list`.\n"
    )
    wrong = factcheck(sqlite_db, "outlets", "kind", "Nowhere Gazette", "blog", "--user", email)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "'blog' is not one of" in wrong.stderr


def test_a_rewrite_of_that_wire_names_the_wire_it_takes_most_from(
    session: Session, editor: User
) -> None:
    """The paper keeps the wire's own last paragraph, which the statement does not have."""
    release = _store(session, editor, outlet="Regional Emergency Office", text=RELEASE, at=_at(17))
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(17))
    paper = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(19))
    assert _source_of(session, wire) == release.id
    assert _source_of(session, paper) == wire.id


def test_outlets_list_takes_hostile_search_and_paging_as_input(sqlite_db: str) -> None:
    with Session(get_engine(sqlite_db), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(12))
    wild = factcheck(sqlite_db, "outlets", "list", "--search", "%_", "--format", "json")
    assert wild.returncode == 0 and json.loads(wild.stdout) == []  # wildcards are characters
    for args in (("--limit", "0"), ("--offset", "-1")):
        out = factcheck(sqlite_db, "outlets", "list", *args)
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert out.stderr.startswith("Error: ") and out.stderr.count("\n") == 1
