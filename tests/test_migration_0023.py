"""Migration 0023 guesses again the kind of speakers stored before the organisation nouns were
known, so the speakers list shows them as organisations and a short form written after joins
them. SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from sqlmodel import Session, select

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import alembic_config
from factcheck.models import Role, Speaker, SpeakerKind
from tests.factories import make_user
from tests.test_speakers_organisation_names import said_by


def test_speakers_stored_with_old_guesses_get_their_kind(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        directorate = said_by(session, editor, "Sorvik's Civil Defence Directorate").id
        firm = said_by(session, editor, "Brevan Polymers").id
        person = said_by(session, editor, "Mira Kessel").id
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0021")
    old = sa.text("UPDATE speaker SET kind = :kind, surname = :surname WHERE id = :id")
    with get_engine(db_url).begin() as connection:  # as the rules before guessed them
        connection.execute(old, {"kind": "unknown", "surname": None, "id": directorate})
        connection.execute(old, {"kind": "person", "surname": "polymers", "id": firm})
    dispose_engine(db_url)
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        kinds = {s.id: (s.kind, s.surname) for s in session.exec(select(Speaker))}
        assert kinds[directorate] == (SpeakerKind.ORGANISATION, "directorate")
        assert kinds[firm] == (SpeakerKind.ORGANISATION, "polymers")
        assert kinds[person] == (SpeakerKind.PERSON, "kessel")
        short = said_by(session, editor, "the civil defence directorate")
        assert short.id == directorate
