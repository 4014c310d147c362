"""The app: page config, who is logged in, and the navigation over the pages."""

from __future__ import annotations

import streamlit as st

from factcheck.ui import login
from factcheck.ui.common import current_user, db, plain, show_flash
from factcheck.ui.pages import all_pages


def _logout() -> None:
    st.session_state.clear()  # nothing of this session's work survives the logout
    if login.single_sign_on():
        st.logout()


def run(start: str = "articles") -> None:
    """Render one run of the app; a bare address opens the page ``start``."""
    st.set_page_config(page_title="factcheck", page_icon="🔎", layout="wide")
    with db(readonly=True) as session:
        user = current_user(session)
    # Navigation is set up before the login too, so a shared link (/review?article=3)
    # still leads to its page once the reviewer has logged in.
    page = st.navigation(all_pages(start), position="hidden" if user is None else "sidebar")
    if user is None:
        login.render()
        return
    with st.sidebar:
        st.caption(f"Logged in as **{plain(user.display_name)}** ({user.role.value})")
        st.button("Log out", on_click=_logout, key="logout")
    show_flash()
    page.run()
