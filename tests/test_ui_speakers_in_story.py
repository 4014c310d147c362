"""The Speakers page lists a generic name its story read as a person ("the prime minister"
as Adrian Solvik) among the person's names, and an editor splits it off (AppTest)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from factcheck.models import Claim, Event, Role, Speaker, User
from tests.factories import make_user
from tests.test_speakers_in_story import NAMED, TITLED, ingest
from tests.test_ui_pages import open_page, session_on


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


def filled(url: str) -> User:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        ingest(s, editor, NAMED, outlet="Wire")
        ingest(s, editor, TITLED, outlet="Valley Post", day=1)
        return editor


def test_the_title_the_story_read_is_a_name_of_the_person_and_splits_off(url: str) -> None:
    at = open_page("speakers", filled(url))
    assert not at.exception
    table = at.dataframe[0].value.set_index("Speaker")
    assert "the prime minister" in table.loc["Adrian Solvik", "Written as"]
    solvik = int(table.loc["Adrian Solvik", "ID"])
    at.selectbox(key="whose").set_value(solvik).run()
    at.selectbox(key="split_name").set_value("the prime minister").run()
    at.button(key="split_go").click()
    at.run()
    assert not at.exception
    table = at.dataframe[0].value.set_index("Speaker")
    assert "the prime minister" not in table.loc["Adrian Solvik", "Written as"]
    with session_on(url) as s:
        titled = s.exec(select(Claim).where(Claim.speaker_name == "the prime minister")).one()
        assert titled.speaker_id != solvik
        assert s.get(Speaker, titled.speaker_id).name.lower() == "prime minister"  # type: ignore[union-attr]
        assert len(s.exec(select(Event).where(Event.action == "speaker.split")).all()) == 1
