"""Issue 12, item 10: the audit trail cannot be rewritten with REPLACE nor emptied by TRUNCATE."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from factcheck.models import Event, Role
from tests.factories import count, make_article, make_user


def test_insert_or_replace_cannot_rewrite_an_event(session: Session) -> None:
    user = make_user(session, role=Role.EDITOR)
    make_article(session, by=user)
    first = session.exec(sa.select(Event).order_by(Event.id)).scalars().first()  # type: ignore[call-overload]
    assert first is not None
    events = count(session, Event)
    if session.get_bind().dialect.name == "sqlite":
        sql = (
            "INSERT OR REPLACE INTO event (id, at, action, entity) "
            "VALUES (:id, CURRENT_TIMESTAMP, 'forged', 'user')"
        )
    else:
        sql = (
            "INSERT INTO event (id, at, action, entity) VALUES (:id, now(), 'forged', 'user') "
            "ON CONFLICT (id) DO UPDATE SET action = 'forged'"
        )
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        session.execute(sa.text(sql), {"id": first.id})
    session.rollback()
    again = session.get(Event, first.id)
    assert again is not None and again.action == first.action != "forged"
    assert count(session, Event) == events


def test_the_audit_trail_cannot_be_truncated_or_deleted(session: Session) -> None:
    make_article(session, by=make_user(session, role=Role.EDITOR))
    events = count(session, Event)
    statement = (
        "DELETE FROM event" if session.get_bind().dialect.name == "sqlite" else "TRUNCATE event"
    )
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        session.execute(sa.text(statement))
    session.rollback()
    if session.get_bind().dialect.name == "postgresql":
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            session.execute(sa.text('TRUNCATE "user" CASCADE'))
        session.rollback()
    assert count(session, Event) == events
