"""The login page: a local form, or single sign-on when [auth] is configured."""

from __future__ import annotations

import streamlit as st

from factcheck.errors import LoginFailed
from factcheck.ui.common import USER_KEY, db
from factcheck.users import authenticate, count_users


def render() -> None:
    """Ask for e-mail and password; explain how to create the first admin on a new database."""
    st.title("factcheck")
    with db(readonly=True) as session:
        nobody = count_users(session) == 0
    if nobody:
        st.info(
            "This database has no users yet. Create the first admin in a terminal:\n\n"
            "`factcheck user add you@newsroom.org --role admin`\n\n"
            "or start with the sample newsroom: `factcheck demo`."
        )
        return
    with st.form("login"):
        email = st.text_input("E-mail", key="login_email")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Log in", type="primary")
    if submitted:
        with db() as session:
            try:
                user = authenticate(session, email=email, password=password)
            except LoginFailed as exc:
                st.error(str(exc))
                return
        st.session_state[USER_KEY] = user.id
        st.rerun()
