"""`factcheck groups --rebuild` reads the voices of articles stored before voices were read
(migration 0017): in batches, leaving editors' links alone, a second run linking no one.
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from factcheck.db import get_engine
from factcheck.errors import NotAllowed
from factcheck.models import Article, Event, Role, SpeakerVoice, User
from factcheck.speakers import link_voice, list_speakers, rescan_voices, speaker_named
from tests.factories import make_user
from tests.test_cli import factcheck
from tests.test_speakers_voices import board_said, claim_of, spokeswoman_said


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


@pytest.fixture
def admin(session: Session) -> User:
    return make_user(session, role=Role.ADMIN)


def stored_before_voices(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch
) -> tuple[Article, Article]:
    """The board's statement and its spokeswoman's, stored as before voices were read."""
    monkeypatch.setattr("factcheck.articles.read_voices", lambda *a, **k: 0)
    board = board_said(session, editor)
    toft = spokeswoman_said(session, editor)
    monkeypatch.undo()
    assert session.exec(select(SpeakerVoice)).all() == []
    assert claim_of(session, toft).group_id is None  # not compared with the board's yet
    return board, toft


@pytest.mark.parametrize("batch", [1, 200])
def test_a_rescan_links_the_spokeswoman_and_joins_what_she_said_with_the_board(
    session: Session,
    editor: User,
    admin: User,
    monkeypatch: pytest.MonkeyPatch,
    batch: int,
) -> None:
    board, toft = stored_before_voices(session, editor, monkeypatch)
    assert rescan_voices(session, by=admin, batch=batch) == 1
    session.expire_all()
    rows = {r.speaker.name: r for r in list_speakers(session)[0]}
    assert rows["Maren Toft"].speaks_for == "Orlen Harbour Board"
    said = claim_of(session, toft).group_id
    assert said is not None and said == claim_of(session, board).group_id
    assert rescan_voices(session, by=admin, batch=batch) == 0  # a second run changes nothing
    runs = session.exec(select(Event).where(Event.action == "speakers.voices_rescan")).all()
    assert [r.after["linked"] for r in runs] == [1, 0]  # type: ignore[index]


def test_a_rescan_leaves_an_editors_link_alone(
    session: Session, editor: User, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored_before_voices(session, editor, monkeypatch)
    toft = speaker_named(session, name="Maren Toft")
    # The editor says she speaks for someone else: a rescan does not overrule it.
    coast = speaker_named(session, name="Velsund Coast Guard")
    link_voice(session, speaker_id=toft.id or 0, voice_id=coast.id or 0, by=editor)
    assert rescan_voices(session, by=admin) == 0
    link = session.get(SpeakerVoice, toft.id)
    assert link is not None and link.voice_id == coast.id and link.by_hand


def test_a_reviewer_may_not_rescan(session: Session) -> None:
    reviewer = make_user(session, role=Role.REVIEWER)
    with pytest.raises(NotAllowed):
        rescan_voices(session, by=reviewer)


def test_groups_rebuild_says_how_many_people_it_linked(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        stored_before_voices(session, make_user(session, role=Role.EDITOR), monkeypatch)
        email = make_user(session, role=Role.ADMIN).email
    done = factcheck(db_url, "groups", "--rebuild", "--user", email)
    assert done.returncode == 0, done.stderr
    assert "1 people were linked to the body they speak for." in done.stdout
    again = factcheck(db_url, "groups", "--rebuild", "--user", email)
    assert "0 people were linked" in again.stdout
