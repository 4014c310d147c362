"""`factcheck demo`: a sample newsroom on an empty database, left alone on a filled one."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.demo import STORIES, fill, is_empty
from factcheck.models import REVIEWED, Article, Claim, Evidence, Note, Status, User
from factcheck.speakers import list_speakers
from factcheck.stories import list_stories
from tests.factories import count, make_user


def test_demo_fills_an_empty_database_with_a_partly_reviewed_newsroom(session: Session) -> None:
    assert is_empty(session)
    accounts = fill(session)
    assert count(session, User) == 3 and count(session, Article) == len(STORIES)
    statuses = dict(
        session.exec(select(Claim.status, func.count()).group_by(col(Claim.status))).all()
    )
    assert sum(n for s, n in statuses.items() if s in REVIEWED) >= 4
    assert statuses[Status.UNREVIEWED] > statuses.get(Status.VERIFIED, 0)
    assert count(session, Evidence) >= 4 and count(session, Note) >= 4
    assert session.exec(select(func.count()).where(col(Claim.assignee_id).is_not(None))).one()
    assert not is_empty(session)
    assert accounts.admin.startswith("admin@") and len(accounts.password) >= 8


def test_the_stories_disagree_about_the_death_toll(session: Session) -> None:
    fill(session)
    tolls = session.exec(
        select(Claim.quote).where(col(Claim.quote).in_(["38", "41", "45"]), Claim.kind == "numeric")
    ).all()
    assert {"38", "41", "45"} <= set(tolls)
    durations = session.exec(select(Claim.days).where(col(Claim.quote).in_(["135 days"]))).all()
    assert durations == [135]


def test_the_ministry_speaks_once_through_its_spokeswoman_and_once_itself(
    session: Session,
) -> None:
    fill(session)
    rows = {r.speaker.name: r for r in list_speakers(session, limit=100)[0]}
    assert rows["Ilse Varga"].speaks_for == "Provincial Transport Ministry"
    assert rows["Provincial Transport Ministry"].spokespeople == ["Ilse Varga (spokeswoman)"]
    said = session.exec(
        select(Claim.speaker_name, Claim.group_id).where(
            col(Claim.quote).contains("investigation"), Claim.kind == "attributed"
        )
    ).all()
    assert {name for name, _ in said} == {"Ilse Varga", "the transport ministry"}
    assert len({group for _, group in said}) == 1 and said[0][1] is not None


def test_demo_command_prints_the_logins_then_leaves_data_alone(
    sqlite_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--no-start"])
    assert first.exit_code == 0, first.output
    assert "admin@demo.factcheck.invalid" in first.output and "password" in first.output
    second = runner.invoke(app, ["demo", "--no-start"])
    assert second.exit_code == 0 and "already has data" in second.output


def test_a_database_with_users_is_not_empty_for_the_demo(session: Session) -> None:
    make_user(session)
    assert not is_empty(session)


def test_a_papers_rewrite_of_the_wire_is_shown_derived_from_it(session: Session) -> None:
    fill(session)
    titled = {a.title: a for a in session.exec(select(Article)).all()}
    wire = titled["Ardel and Voss sign 4-1/2-month truce in Corran"]
    rewrite = titled["Armies to pull back as Ardel and Voss sign truce"]
    assert rewrite.derived_from_id == wire.id and rewrite.story_id == wire.story_id
    derived = [a.title for a in titled.values() if a.derived_from_id is not None]
    assert derived == [rewrite.title]  # no other article is taken for a copy
    (row,), _ = list_stories(session, story_ids=[wire.story_id or 0])
    assert row.conflicts >= 1 and row.title == wire.title  # beside the conflict it shows
