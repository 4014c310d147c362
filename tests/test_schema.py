"""The migrations build the same schema as the models, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import Session, SQLModel

from factcheck.db import get_engine
from factcheck.migrate import current_revision, head_revision, upgrade
from factcheck.models import Event
from tests.factories import count, make_article, make_user


def test_migrations_agree_with_models(db_url: str) -> None:
    with get_engine(db_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_init_is_safe_to_run_twice(db_url: str) -> None:
    assert current_revision(db_url) == head_revision(db_url)
    assert upgrade(db_url) == (head_revision(db_url), head_revision(db_url))


def _layout(url: str) -> dict[str, set[str]]:
    inspector = sa.inspect(get_engine(url))
    return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}


def test_sqlite_and_postgresql_get_the_same_tables(
    request: pytest.FixtureRequest, sqlite_db: str
) -> None:
    from tests.conftest import PG_SKIP, pg_url

    if PG_SKIP:
        pytest.skip(PG_SKIP)
    info = request.getfixturevalue("postgresql").info
    pg = pg_url(info.host, info.port, info.user, info.dbname, info.password)
    assert _layout(sqlite_db) == _layout(pg)
    assert {"claim", "article", "event", "user", "evidence", "note"} <= set(_layout(pg))


def test_the_audit_trail_refuses_updates_and_deletes(session: Session) -> None:
    user = make_user(session)
    make_article(session, by=user)
    for statement in ("UPDATE event SET action = 'x'", "DELETE FROM event"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            session.execute(sa.text(statement))
        session.rollback()
    assert count(session, Event) >= 2
