"""The login page: a local form, or single sign-on when [auth] is configured.

With an OIDC provider in .streamlit/secrets.toml (``[auth]``), ``st.login`` signs people in
and their role comes from the users table, found by e-mail; otherwise the local form checks
the argon2 password hash.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from factcheck.errors import LoginFailed
from factcheck.logins import start_login
from factcheck.models import utcnow
from factcheck.settings import settings
from factcheck.ui import cookies
from factcheck.ui.common import EXPIRES_KEY, TOKEN_KEY, USER_KEY, cookie_token, db, plain
from factcheck.users import authenticate, count_users, sso_user


def single_sign_on() -> bool:
    """True when an OIDC provider is configured in the app's secrets."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False


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
    if single_sign_on():
        _sso_login()
    else:
        if cookie_token():  # a login that has ended (logged out, disabled ...)
            cookies.drop()
        _form_login()


def _sso_login() -> None:
    if not st.user.is_logged_in:
        st.button("Log in with single sign-on", on_click=st.login, type="primary")
        return
    with db(readonly=True) as session:
        try:
            email = st.user.get("email")
            user = sso_user(session, email=email if isinstance(email, str) else None)
        except LoginFailed as exc:
            st.error(plain(str(exc)))
            st.button("Log out", on_click=st.logout)
            return
    st.session_state[USER_KEY] = user.id
    st.rerun()


def _client_address() -> str:
    """The browser's address as Streamlit saw it (behind a proxy: the proxy's)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown browser"


def _form_login() -> None:
    with st.form("login"):
        email = st.text_input("E-mail", key="login_email")
        password = st.text_input("Password", type="password", key="login_password")
        # The default (secondary) look: browser tools that drive Streamlit forms find it.
        submitted = st.form_submit_button("Log in")
    if submitted:
        with db() as session:  # a failure is recorded, to slow down guessing
            try:
                user = authenticate(
                    session, email=email, password=password, client=_client_address()
                )
            except LoginFailed as exc:
                st.error(plain(str(exc)))
                return
            days = settings().login_days
            token = start_login(session, user=user, days=days)
        st.session_state[USER_KEY] = user.id
        st.session_state[TOKEN_KEY] = token
        st.session_state[EXPIRES_KEY] = utcnow() + timedelta(days=days)
        st.rerun()
