"""Migration 0022 gives the organisations stored before it their head noun, so a short form
written after it ("the harbour safety board") joins one of them. SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlmodel import Session, select

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import alembic_config
from factcheck.models import Role, Speaker
from tests.factories import make_user
from tests.test_speakers_organisations import said_by


def test_a_short_form_joins_an_organisation_stored_before_the_migration(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        board = said_by(session, editor, "the Ostmark Harbour Safety Board")
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0019")  # as stored before: no head noun
    with Session(get_engine(db_url)) as session:
        assert session.exec(select(Speaker.surname).where(Speaker.name == board)).one() is None
    dispose_engine(db_url)
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        assert session.exec(select(Speaker.surname).where(Speaker.name == board)).one() == "board"
        assert said_by(session, editor, "the harbour safety board") == board
