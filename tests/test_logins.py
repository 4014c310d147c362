"""Logins kept across reloads: a token for the browser, its hash here, ended at once."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.logins import end_login, login_user, start_login
from factcheck.models import Event, LoginSession, Role, utcnow
from factcheck.users import set_active, set_password
from tests.factories import make_user


def test_a_token_opens_its_users_login_and_only_its_hash_is_stored(session: Session) -> None:
    user = make_user(session)
    token = start_login(session, user=user, days=14)
    assert login_user(session, token=token) == user
    stored = session.exec(select(LoginSession.token_sha256)).one()
    assert token not in stored and len(stored) == 64
    assert login_user(session, token=token + "x") is None
    assert login_user(session, token="") is None


def test_logout_ends_the_login_and_is_recorded(session: Session) -> None:
    user = make_user(session)
    token = start_login(session, user=user, days=14)
    end_login(session, token=token)
    assert login_user(session, token=token) is None
    actions = session.exec(select(Event.action).where(Event.entity_id == user.id)).all()
    assert "user.login" in actions and "user.logout" in actions


def test_disabling_or_a_new_password_ends_every_login(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN, email="boss@newsroom.test")
    user = make_user(session)
    first = start_login(session, user=user, days=14)
    set_password(session, email=user.email, password="a new long password", by=admin)
    assert login_user(session, token=first) is None
    second = start_login(session, user=user, days=14)
    set_active(session, email=user.email, active=False, by=admin)
    assert login_user(session, token=second) is None


def test_an_expired_login_opens_nothing(session: Session) -> None:
    user = make_user(session)
    token = start_login(session, user=user, days=1)
    session.execute(sa.update(LoginSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    session.commit()
    assert login_user(session, token=token) is None
