"""Migration 0018 flags the groups stored before it that are in dispute with another figure of
their story and makes lone figures in dispute groups of one (factcheck.disputes); its
downgrade undoes both. SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlmodel import Session, col, select, update

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import alembic_config
from factcheck.models import ClaimGroup, Role
from tests.factories import make_user
from tests.test_groups_disputes import four_against_six, four_and_six


def test_the_migration_flags_groups_stored_in_dispute(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        four_and_six(session, make_user(session, role=Role.EDITOR), "4", "six")
        # As stored before disputes were kept: no group of the two is in conflict.
        session.exec(update(ClaimGroup).values(conflict=False))  # type: ignore[call-overload]
        session.commit()
        flagged = session.exec(select(ClaimGroup).where(col(ClaimGroup.conflict))).all()
        assert flagged == []
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0017")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        groups = session.exec(select(ClaimGroup).where(ClaimGroup.measure_key == "missing")).all()
        assert sorted((g.lo, g.conflict) for g in groups) == [(4.0, True), (6.0, True)]


def test_the_migration_makes_lone_figures_in_dispute_groups_of_one(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        four_against_six(session, make_user(session, role=Role.EDITOR), "4", "six")
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0017")  # as stored before: the two figures in no group
    with Session(get_engine(db_url)) as session:
        assert session.exec(select(ClaimGroup).where(ClaimGroup.size == 1)).all() == []
        assert session.exec(select(ClaimGroup).where(col(ClaimGroup.conflict))).all() == []
    dispose_engine(db_url)
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        groups = session.exec(select(ClaimGroup).where(ClaimGroup.measure_key == "missing")).all()
        assert sorted((g.lo, g.size, g.conflict) for g in groups) == [
            (4.0, 1, True),
            (6.0, 1, True),
        ]
