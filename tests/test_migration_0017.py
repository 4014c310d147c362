"""Migration 0017 flags the groups stored before it that are in dispute with another group of
their story (factcheck.disputes). SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlmodel import Session, col, select, update

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import alembic_config
from factcheck.models import ClaimGroup, Role
from tests.factories import make_user
from tests.test_groups_disputes import four_and_six


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
    command.downgrade(config, "0016")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        groups = session.exec(select(ClaimGroup).where(ClaimGroup.measure_key == "missing")).all()
        assert sorted((g.lo, g.conflict) for g in groups) == [(4.0, True), (6.0, True)]
