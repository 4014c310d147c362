"""Migration 0035 recomputes disputes stored under the rule before it: a company's release
that rejects the agency's toll of 23 and gives its own 17 lets another outlet's 23 and
another's 17 dispute. SQLite and PostgreSQL. The coverage is invented for this test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import alembic_config
from factcheck.models import Role
from tests.disputed import add_in_story, conflicted
from tests.factories import forget_rules, make_user

LINE = " The {outlet} desk reports from Kerrow, where the Sallow plant blast struck on Tuesday."
COVERAGE = (
    ("Coast Wire", "The Sallow Civil Protection Agency said 23 people had died in the blast."),
    (
        "Aurex Newsroom",
        "Aurex rejects the figure of 23 deaths published by the agency. The company has "
        "confirmed 17 deaths in the blast.",
    ),
    ("Sallow Today", "The company, Aurex, said 17 people had died in the blast."),
)


def test_the_migration_lets_the_two_sides_of_a_rejected_figure_dispute(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    forget_rules()
    monkeypatch.setattr("factcheck.disputes.contests", lambda sentence: False)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        wire, _, today = (
            add_in_story(
                session,
                editor,
                outlet=outlet,
                text=text,
                at=datetime(2026, 3, 4, 9 + i, tzinfo=UTC),
                line=LINE,
                topic="Sallow",
            )
            for i, (outlet, text) in enumerate(COVERAGE)
        )
        session.commit()
        assert not conflicted(session, wire, "23") and not conflicted(session, today, "17")
    monkeypatch.undo()
    forget_rules()
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0034")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        assert conflicted(session, wire, "23") and conflicted(session, today, "17")
    dispose_engine(db_url)
