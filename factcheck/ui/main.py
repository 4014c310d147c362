"""The app: page config, who is logged in, and the navigation over the pages."""

from __future__ import annotations

import streamlit as st

from factcheck.db import database_url
from factcheck.errors import FactcheckError
from factcheck.hooks import start_worker
from factcheck.inbox import unread_count
from factcheck.logins import end_login
from factcheck.migrate import ensure_schema
from factcheck.ui import cookies, login
from factcheck.ui.common import EXPIRES_KEY, TOKEN_KEY, current_user, db, plain, show_flash
from factcheck.ui.pages import all_pages


def _logout() -> None:
    token = st.session_state.get(TOKEN_KEY)
    if token:
        with db() as session:
            end_login(session, token=token)
    st.session_state.clear()  # nothing of this session's work survives the logout
    if login.single_sign_on():
        st.logout()


@st.cache_resource
def _webhook_worker(url: str) -> object:
    """One delivery worker per database for the life of the server (keyed by URL)."""
    return start_worker(url)


def run(start: str = "articles") -> None:
    """Render one run of the app; a bare address opens the page ``start``."""
    st.set_page_config(page_title="factcheck", page_icon="🔎", layout="wide")
    try:
        ensure_schema(database_url())  # the default SQLite file is set up on first use
    except FactcheckError as exc:
        st.error(str(exc), icon=":material/database:")
        return
    _webhook_worker(database_url())
    with db(readonly=True) as session:
        user = current_user(session)
        waiting = unread_count(session, user=user) if user is not None else 0
    # Navigation is set up before the login too, so a shared link (/review?article=3)
    # still leads to its page once the reviewer has logged in.
    page = st.navigation(
        all_pages(start, inbox_count=waiting), position="hidden" if user is None else "sidebar"
    )
    if user is None:
        login.render()
        return
    with st.sidebar:
        st.caption(f"Logged in as **{plain(user.display_name)}** ({user.role.value})")
        st.button("Log out", on_click=_logout, key="logout")
        token, expires = st.session_state.get(TOKEN_KEY), st.session_state.get(EXPIRES_KEY)
        if token and expires:  # just logged in here: the browser keeps the login
            cookies.keep(token, expires_at=expires)
    show_flash()
    page.run()
