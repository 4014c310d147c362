"""The Outlets page (AppTest): outlets with their kind and articles; an editor marks an agency
and the story's "derived from" line follows; reviewers only read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from factcheck.demo import fill
from factcheck.models import Event, Outlet, OutletKind, Role, User
from factcheck.outlets import outlet_named
from factcheck.ui.common import plain
from tests.factories import make_user
from tests.test_stories_derived import LIGHT, WIRE, _at, _store
from tests.test_ui_pages import open_page, session_on, texts

AGENCY = "Northgate Press Agency"
PAPER = "Ardle Valley Post"


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


@pytest.fixture
def both(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", db_url)
    yield db_url


def rewrite_stored_first(url: str, *, role: Role = Role.EDITOR) -> tuple[User, int]:
    """The paper's rewrite and the agency's undated wire of the same hour, the rewrite stored
    first: until the agency is marked, the wire is taken as the copy. Returns the user and
    the story's ID."""
    with session_on(url) as s:
        user = make_user(s, role=role)
        _store(s, user, outlet=PAPER, text=LIGHT, at=_at(12))
        undated = WIRE.removeprefix("FENWICK, Oct 3 (NPA) - ")
        wire = _store(s, user, outlet=AGENCY, text=undated, at=_at(12))
        assert wire.story_id is not None
        return user, wire.story_id


def table(at: AppTest) -> list[tuple[str, str, int]]:
    frame = at.dataframe[0].value
    return list(zip(frame["Outlet"], frame["Kind"], frame["Articles"], strict=True))


def mark(at: AppTest, name: str, kind: OutletKind) -> AppTest:
    """Choose the outlet by name, choose its kind, Save."""
    choose(at, name, kind)
    at.button(key="outlet_save").click()
    return at.run()


def choose(at: AppTest, name: str, kind: OutletKind) -> None:
    """Choose the outlet by its name as shown, then its kind."""
    chosen = at.selectbox(key="outlet_chosen")
    chosen.select_index(chosen.options.index(name)).run()
    (kinds,) = (b for b in at.selectbox if str(b.key).startswith("outlet_kind_"))
    kinds.select_index(kinds.options.index(kind.value)).run()


def test_outlets_are_listed_by_name_with_kind_and_articles(url: str) -> None:
    user, _ = rewrite_stored_first(url)
    at = open_page("outlets", user)
    assert not at.exception
    assert table(at) == [(PAPER, "news", 1), (AGENCY, "news", 1)]
    assert "source of same-day articles that copy it" in texts(at)
    assert "2 of 2 outlets, by name." in texts(at)


def test_an_empty_database_has_no_outlets_yet(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
    at = open_page("outlets", editor)
    assert not at.exception and "No outlets yet." in texts(at) and not at.dataframe


def test_the_search_box_keeps_the_outlets_whose_name_contains_it(url: str) -> None:
    user, _ = rewrite_stored_first(url)
    at = open_page("outlets", user)
    at.text_input(key="outlet_search").input("press").run()
    assert table(at) == [(AGENCY, "news", 1)]
    at.text_input(key="outlet_search").input("Gazette").run()
    assert not at.dataframe and "No outlets match." in texts(at)


def test_an_editor_marks_an_agency_and_its_rewrite_is_derived_from_it(both: str) -> None:
    editor, story_id = rewrite_stored_first(both)
    before = open_page("stories", editor, story=story_id)
    assert _derived(AGENCY, PAPER) in texts(before)  # the order of ingest decided
    at = mark(open_page("outlets", editor), AGENCY, OutletKind.AGENCY)
    assert not at.exception and not at.error
    assert [t.value for t in at.toast] == [
        f"{AGENCY} is now an agency; 2 articles' source changed."
    ]
    assert table(at) == [(PAPER, "news", 1), (AGENCY, "agency", 1)]
    assert at.button(key="outlet_save").disabled  # the kind shown is the stored one
    with session_on(both) as s:
        assert s.exec(select(Outlet.kind).where(Outlet.name == AGENCY)).one() == OutletKind.AGENCY
        (event,) = s.exec(select(Event).where(Event.action == "outlet.kind")).all()
        assert (event.after, event.actor_id) == ({"kind": "agency"}, editor.id)
    after = open_page("stories", editor, story=story_id)
    assert _derived(PAPER, AGENCY) in texts(after)
    assert f"**{AGENCY}** (" not in texts(after).split("is derived from")[0]
    assert after.title[0].value == plain(f"Flood in Fenwick ({AGENCY})")  # the source leads


def _derived(rewrite: str, source: str) -> str:
    """The story page's line saying which outlet's article is a rewrite of which."""
    return f"**{rewrite}** (Flood in Fenwick \\({rewrite}\\)) is derived from **{source}** ("


def test_an_outlet_whose_kind_changes_no_source_says_so(url: str) -> None:
    editor, _ = rewrite_stored_first(url)
    at = mark(open_page("outlets", editor), PAPER, OutletKind.OTHER)
    assert [t.value for t in at.toast] == [
        f"{PAPER} is now another sort of outlet; no article's source changed."
    ]


def test_a_reviewer_sees_the_kinds_and_that_editors_set_them(url: str) -> None:
    reviewer, _ = rewrite_stored_first(url, role=Role.REVIEWER)
    at = open_page("outlets", reviewer)
    assert table(at) == [(PAPER, "news", 1), (AGENCY, "news", 1)]
    assert "Editors say which outlets are agencies or official sources." in texts(at)
    assert [b.key for b in at.button] == ["logout"] and not at.selectbox


def test_an_editor_demoted_meanwhile_changes_nothing(url: str) -> None:
    editor, _ = rewrite_stored_first(url)
    at = open_page("outlets", editor)
    choose(at, AGENCY, OutletKind.AGENCY)
    with session_on(url) as s:
        demoted = s.get(User, editor.id)
        assert demoted is not None
        demoted.role = Role.REVIEWER
        s.add(demoted)
        s.commit()
    at.button(key="outlet_save").click()
    at.run()
    assert not at.exception and not at.toast
    assert "Editors say which outlets are agencies or official sources." in texts(at)
    with session_on(url) as s:
        assert s.exec(select(Outlet.kind).where(Outlet.name == AGENCY)).one() == OutletKind.NEWS
        assert not s.exec(select(Event).where(Event.action == "outlet.kind")).all()


HOSTILE = "![x](https://evil.invalid/a.png) <b>Wire</b> :red[Agency]"


def test_a_hostile_outlet_name_is_shown_as_the_text_it_is(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        _store(s, editor, outlet=HOSTILE, text=LIGHT, at=_at(12))
    at = mark(open_page("outlets", editor), HOSTILE, OutletKind.AGENCY)
    assert table(at) == [(HOSTILE, "agency", 1)]  # a table cell: text, not Markdown
    assert at.selectbox(key="outlet_chosen").options == [HOSTILE]
    (toast,) = at.toast
    assert toast.value.startswith(plain(HOSTILE) + " is now an agency")
    assert "![x](" not in toast.value and "<b>" not in toast.value


def test_a_look_alike_name_is_flagged(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        _store(s, editor, outlet="Nоrthgate Press Agency", text=LIGHT, at=_at(12))  # noqa: RUF001
    frame = open_page("outlets", editor).dataframe[0].value
    assert list(frame["Check"]) == ["mixes alphabets: check the spelling"]


def test_outlets_come_fifty_to_a_page(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        for n in range(53):
            outlet_named(s, name=f"Town Crier {n:02d}")
        s.commit()
    at = open_page("outlets", editor)
    assert len(at.dataframe[0].value) == 50 and "50 of 53 outlets, by name." in texts(at)
    at.number_input(key="outlets_page").set_value(2).run()
    assert table(at) == [(f"Town Crier {n}", "news", 0) for n in (50, 51, 52)]
    at.text_input(key="outlet_search").input("Crier 1").run()  # a new search starts on page 1
    assert [name for name, _, _ in table(at)][:2] == ["Town Crier 10", "Town Crier 11"]


def test_the_demo_shows_its_agency_and_the_health_office_as_official(url: str) -> None:
    with session_on(url) as s:
        fill(s)
        editor = s.exec(select(User).where(User.role == Role.EDITOR)).one()
    kinds = {name: kind for name, kind, _ in table(open_page("outlets", editor))}
    assert kinds["Northern Wire"] == "agency"
    assert kinds["Provincial Health Office"] == "official"
    assert kinds["The Daily Ledger"] == "news"
