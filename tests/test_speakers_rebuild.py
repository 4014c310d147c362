"""`factcheck speakers rebuild` resolves stored claims' speakers again with today's rules
(issue #10 §1, session 12): articles stored before a rule existed get it, in batches; editors'
merges and splits win; a second run moves nothing; then the claims are regrouped. SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from factcheck.db import get_engine
from factcheck.errors import NotAllowed
from factcheck.models import Article, Claim, Event, Role, Speaker, User
from factcheck.speakers import (
    list_speakers,
    merge_speakers,
    rebuild_speakers,
    speaker_named,
    split_speaker,
)
from tests.factories import make_user
from tests.test_cli import factcheck
from tests.test_speakers_voices import claim_of, story
from tests.test_ui_pages import open_page, session_on

SAID = "the shelters on the Orlen quay would stay open through the winter"


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


@pytest.fixture
def admin(session: Session) -> User:
    return make_user(session, role=Role.ADMIN)


def agency_said(session: Session, by: User, who: str, *, day: int = 0) -> Article:
    return story(
        session,
        by,
        outlet=f"Outlet {day}",
        lead=f"{who} said {SAID}.",
        quote=SAID,
        who=who,
        day=day,
    )


def stored_before_acronyms(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch, *acronyms: str
) -> tuple[Article, list[Article]]:
    """The agency's statement, then articles where only its acronym said the same, stored as
    before a lone acronym joined the body whose name gives it."""
    with monkeypatch.context() as before:
        before.setattr("factcheck.speakers._by_initials", lambda *a: None)
        agency = agency_said(session, editor, "The Civil Defence Agency")
        others = [agency_said(session, editor, a, day=i + 1) for i, a in enumerate(acronyms)]
    assert {claim_of(session, a).speaker_id for a in others} != {
        claim_of(session, agency).speaker_id
    }
    return agency, others


def claim_in(session: Session, article_id: int | None) -> Claim:
    return session.exec(select(Claim).where(Claim.article_id == article_id)).one()


def names(session: Session) -> dict[str, int]:
    """Each speaker listed and its number of claims."""
    return {r.speaker.name: r.claims for r in list_speakers(session)[0]}


@pytest.mark.parametrize("batch", [1, 200])
def test_a_rebuild_joins_a_lone_acronym_to_the_body_and_its_group(
    session: Session, editor: User, admin: User, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    agency, (cda,) = stored_before_acronyms(session, editor, monkeypatch, "The CDA")
    agency_id, cda_id = agency.id, cda.id
    assert names(session) == {"Civil Defence Agency": 1, "CDA": 1}
    done = rebuild_speakers(session, by=admin, batch=batch)
    assert (done.moved, done.joined, done.kept) == (1, 1, 0)
    session.expire_all()
    assert names(session) == {"Civil Defence Agency": 2}
    said = claim_in(session, cda_id).group_id
    assert said is not None and said == claim_in(session, agency_id).group_id  # the same words
    moved = session.exec(select(Event).where(Event.action == "claim.speaker")).one()
    assert moved.claim_id == claim_in(session, cda_id).id
    again = rebuild_speakers(session, by=admin, batch=batch)
    assert (again.moved, again.joined) == (0, 0)  # a second run changes nothing


def test_a_rebuild_leaves_what_an_editor_split_apart(
    session: Session, editor: User, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored_before_acronyms(session, editor, monkeypatch, "The CDA")
    agency = speaker_named(session, name="the Civil Defence Agency")
    cda = speaker_named(session, name="the CDA")
    session.commit()
    merge_speakers(session, keep_id=agency.id or 0, other_id=cda.id or 0, by=editor)
    split_speaker(session, speaker_id=agency.id or 0, name="The CDA", by=editor)
    before = names(session)
    done = rebuild_speakers(session, by=admin)
    assert (done.moved, done.joined) == (0, 0)
    session.expire_all()
    assert names(session) == before == {"Civil Defence Agency": 1, "CDA": 1}


def test_a_rebuild_does_not_move_claims_off_what_an_editor_merged(
    session: Session, editor: User, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two agencies give "CDA": today's rules leave it apart, the editor said it is the first.
    stored_before_acronyms(session, editor, monkeypatch, "The CDA")
    agency_said(session, editor, "The Coastal Defence Authority", day=5)
    agency = speaker_named(session, name="the Civil Defence Agency")
    cda = speaker_named(session, name="the CDA")
    session.commit()
    merge_speakers(session, keep_id=agency.id or 0, other_id=cda.id or 0, by=editor)
    done = rebuild_speakers(session, by=admin)
    assert done.moved == 0
    session.expire_all()
    assert names(session) == {"Civil Defence Agency": 2, "Coastal Defence Authority": 1}


def test_a_rebuild_leaves_an_acronym_two_bodies_give_apart(
    session: Session, editor: User, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored_before_acronyms(session, editor, monkeypatch, "The CDA")
    agency_said(session, editor, "The Coastal Defence Authority", day=5)
    assert rebuild_speakers(session, by=admin).moved == 0
    session.expire_all()
    assert names(session)["CDA"] == 1


def test_a_reviewer_may_not_rebuild_speakers(session: Session) -> None:
    with pytest.raises(NotAllowed):
        rebuild_speakers(session, by=make_user(session, role=Role.REVIEWER))


def test_speakers_rebuild_says_what_it_moved(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        stored_before_acronyms(
            session, make_user(session, role=Role.EDITOR), monkeypatch, "The CDA", "CDA"
        )
        email = make_user(session, role=Role.ADMIN).email
    done = factcheck(db_url, "speakers", "rebuild", "--user", email)
    assert done.returncode == 0, done.stderr
    assert "2 claims took another speaker." in done.stdout
    assert "1 speakers left without claims joined the one they went to." in done.stdout
    again = factcheck(db_url, "speakers", "rebuild", "--user", email)
    assert "0 claims took another speaker." in again.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--user", "nobody@example.org"], "nobody@example.org"),
        ([], "--user"),
    ],
)
def test_speakers_rebuild_refuses_bad_input_in_one_line(
    db_url: str, args: list[str], says: str
) -> None:
    done = factcheck(db_url, "speakers", "rebuild", *args)
    assert done.returncode != 0
    assert says in done.stderr and "Traceback" not in done.stderr


def test_speakers_rebuild_refuses_a_reviewer(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        email = make_user(session, role=Role.REVIEWER).email
    done = factcheck(db_url, "speakers", "rebuild", "--user", email)
    assert done.returncode == 1 and done.stderr.startswith("Error:")
    assert "Traceback" not in done.stderr


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


def test_the_speakers_page_lists_the_joined_body_after_a_rebuild(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        stored_before_acronyms(s, editor, monkeypatch, "The CDA")
        editor_id = editor.id
        rebuild_speakers(s, by=make_user(s, role=Role.ADMIN))
        editor = s.get(User, editor_id)  # type: ignore[assignment]
        assert s.exec(select(Speaker).where(Speaker.name == "CDA")).first() is None
        assert len({c.speaker_id for c in s.exec(select(Claim))}) == 1
    at = open_page("speakers", editor)
    assert not at.exception
    table = at.dataframe[0].value.set_index("Speaker")
    assert list(table.index) == ["Civil Defence Agency"]
    assert table.loc["Civil Defence Agency", "Claims"] == 2
