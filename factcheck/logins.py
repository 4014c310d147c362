"""Logins that survive a reload: a random token in a browser cookie, its hash in the database.

The browser holds only the token; the ``login_session`` row says whose it is and until when.
Logging out, disabling the user or changing their password ends the row, so a copied cookie
stops working at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.audit import record
from factcheck.models import LoginSession, User, utcnow

TOKEN_BYTES = 32


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def start_login(session: Session, *, user: User, days: int) -> str:
    """Open a login for ``user`` lasting ``days``; the token to put in the browser's cookie."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = utcnow()
    session.add(
        LoginSession(
            user_id=user.key,
            token_sha256=_digest(token),
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
    )
    record(session, by=user, action="user.login", entity="user", entity_id=user.key)
    session.commit()
    return token


def login_user(session: Session, *, token: str) -> User | None:
    """The active user whose open, unexpired login holds ``token``; None otherwise."""
    if not token or len(token) > 200:
        return None
    row = session.exec(
        select(User)
        .join(LoginSession, col(LoginSession.user_id) == User.id)
        .where(
            LoginSession.token_sha256 == _digest(token),
            col(LoginSession.ended_at).is_(None),
            col(LoginSession.expires_at) > utcnow(),
            col(User.active),
        )
    ).first()
    return row


def end_login(session: Session, *, token: str) -> None:
    """Log this browser out: its token stops working (nothing happens for an unknown one)."""
    found = session.exec(
        select(LoginSession).where(
            LoginSession.token_sha256 == _digest(token), col(LoginSession.ended_at).is_(None)
        )
    ).first()
    if found is None:
        return
    found.ended_at = utcnow()
    session.add(found)
    who = session.get(User, found.user_id)
    record(session, by=who, action="user.logout", entity="user", entity_id=found.user_id)
    session.commit()


def end_sessions(session: Session, *, user_id: int) -> None:
    """End every open login of a user (the caller commits, with the change that needs it)."""
    session.execute(
        sa.update(LoginSession)
        .where(col(LoginSession.user_id) == user_id, col(LoginSession.ended_at).is_(None))
        .values(ended_at=utcnow())
    )
