"""Migration 0027 writes the acronyms the organisations already stored give, so a lone
acronym ingested after it joins a body stored before. SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from sqlmodel import Session

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import alembic_config
from factcheck.models import Role
from tests.factories import make_user
from tests.test_speakers_organisations import said_by


def test_bodies_stored_before_the_migration_are_found_by_their_acronym(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        agency = said_by(session, editor, "the Averon Civil Defence Agency")
        said_by(session, editor, "the Coastal Defence Authority")
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0026")
    with get_engine(db_url).connect() as connection:
        assert "speakerinitials" not in sa.inspect(connection).get_table_names()
    dispose_engine(db_url)
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        assert said_by(session, editor, "the ACDA") == agency
        assert said_by(session, editor, "the CDA") not in {agency}  # two bodies give "CDA"
