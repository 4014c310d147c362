"""What every page shares: the database URL, the logged-in user, errors shown in the page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlmodel import Session

from factcheck.db import database_url, session_scope
from factcheck.errors import FactcheckError
from factcheck.models import User

USER_KEY = "factcheck_user_id"


@contextmanager
def db(*, readonly: bool = False) -> Iterator[Session]:
    """A session on the app's database (read from the environment on every run)."""
    with session_scope(database_url(), readonly=readonly) as session:
        yield session


def current_user(session: Session) -> User | None:
    """The logged-in, still active user, or None (a disabled user is logged out at once)."""
    user_id = st.session_state.get(USER_KEY)
    user = session.get(User, user_id) if user_id is not None else None
    if user is not None and not user.active:
        st.session_state.pop(USER_KEY, None)
        return None
    return user


@contextmanager
def shown_errors() -> Iterator[None]:
    """Show factcheck's errors as messages in the page, never as a traceback."""
    try:
        yield
    except FactcheckError as exc:
        st.error(str(exc), icon="⚠️")
