"""The Speakers page shows whom a spokesperson speaks for; editors link and unlink (AppTest)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from factcheck.models import Event, Role, SpeakerVoice, User
from tests.factories import make_user
from tests.test_speakers_voices import board_said, spokeswoman_said
from tests.test_ui_pages import open_page, session_on


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


def filled(url: str) -> User:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        board_said(s, editor)
        spokeswoman_said(s, editor)
        return editor


def test_an_organisation_lists_its_spokeswoman(url: str) -> None:
    at = open_page("speakers", filled(url))
    assert not at.exception
    table = at.dataframe[0].value.set_index("Speaker")
    assert table.loc["Orlen Harbour Board", "Spokespeople"] == "Maren Toft (spokeswoman)"
    assert table.loc["Maren Toft", "Speaks for"] == "Orlen Harbour Board"


def test_an_editor_unlinks_a_spokeswoman(url: str) -> None:
    at = open_page("speakers", filled(url))
    table = at.dataframe[0].value
    toft = int(table[table["Speaker"] == "Maren Toft"]["ID"].iloc[0])
    at.selectbox(key="voice_who").set_value(toft).run()
    at.button(key="voice_unlink").click()
    at.run()
    assert not at.exception
    table = at.dataframe[0].value.set_index("Speaker")
    assert table.loc["Orlen Harbour Board", "Spokespeople"] == ""
    with session_on(url) as s:
        assert s.get(SpeakerVoice, toft).voice_id is None  # type: ignore[union-attr]
        assert len(s.exec(select(Event).where(Event.action == "speaker.voice")).all()) == 2


def test_unlink_is_offered_only_for_a_linked_speaker(url: str) -> None:
    at = open_page("speakers", filled(url))
    table = at.dataframe[0].value
    board = int(table[table["Speaker"] == "Orlen Harbour Board"]["ID"].iloc[0])
    at.selectbox(key="voice_who").set_value(board).run()
    assert at.button(key="voice_unlink").disabled
