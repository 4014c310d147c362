"""Logging in and out: the local form, disabled accounts, single sign-on's account lookup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from factcheck.errors import LoginFailed
from factcheck.models import Role
from factcheck.ui.common import USER_KEY
from factcheck.users import set_active, sso_user
from tests.factories import make_user
from tests.test_ui_pages import open_page, session_on, texts, url  # noqa: F401 - fixture

PASSWORD = "correct horse battery"


def log_in(email: str, password: str) -> AppTest:
    at = open_page("claims", None)
    at.text_input(key="login_email").input(email)
    at.text_input(key="login_password").input(password)
    return at.button(key="FormSubmitter:login-Log in").click().run()


def test_an_empty_database_says_how_to_create_the_first_admin(url: str) -> None:  # noqa: F811
    at = open_page("articles", None)
    assert "factcheck user add you@newsroom.org --role admin" in texts(at)
    assert not at.text_input


def test_the_right_password_opens_the_app(url: str) -> None:  # noqa: F811
    with session_on(url) as s:
        user = make_user(s, role=Role.EDITOR)
    at = log_in(user.email.upper(), PASSWORD)
    assert not at.exception
    assert at.session_state[USER_KEY] == user.id
    assert f"Logged in as **{user.display_name}** (editor)" in texts(at)


def test_a_wrong_password_is_refused_with_one_message(url: str) -> None:  # noqa: F811
    with session_on(url) as s:
        user = make_user(s)
    at = log_in(user.email, "not the password")
    shown = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]  # Markdown escapes undone
    assert shown == ["Wrong e-mail or password, or the account is disabled."]
    assert USER_KEY not in at.session_state


def test_a_disabled_user_is_logged_out_at_the_next_click(url: str) -> None:  # noqa: F811
    with session_on(url) as s:
        admin = make_user(s, role=Role.ADMIN)
        user = make_user(s)
    at = open_page("claims", user)
    assert "Logged in as" in texts(at)
    with session_on(url) as s:
        set_active(s, email=user.email, active=False, by=admin)
    at.run()
    assert "Logged in as" not in texts(at)
    assert [t.label for t in at.text_input] == ["E-mail", "Password"]
    refused = log_in(user.email, PASSWORD)
    assert USER_KEY not in refused.session_state


def test_log_out_ends_the_session(url: str) -> None:  # noqa: F811
    with session_on(url) as s:
        user = make_user(s)
    at = open_page("claims", user)
    at.button(key="logout").click().run()
    assert USER_KEY not in at.session_state
    assert [t.label for t in at.text_input] == ["E-mail", "Password"]


def test_single_sign_on_finds_the_role_by_e_mail(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN)
    editor = make_user(session, role=Role.EDITOR, email="desk@newsroom.test")
    assert sso_user(session, email="Desk@Newsroom.test").role is Role.EDITOR
    with pytest.raises(LoginFailed, match="no factcheck account"):
        sso_user(session, email="stranger@elsewhere.test")
    set_active(session, email=editor.email, active=False, by=admin)
    with pytest.raises(LoginFailed, match="disabled"):
        sso_user(session, email=editor.email)


def test_a_database_init_has_not_made_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    at = open_page("articles", None)
    assert not at.exception
    assert "is empty; run `factcheck init` to set it up." in at.error[0].value
