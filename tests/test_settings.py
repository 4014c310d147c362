"""Settings follow the environment as it is at each call, though they are parsed once."""

from __future__ import annotations

import pytest

from factcheck.errors import BadInput
from factcheck.settings import settings


def test_a_changed_variable_is_read_on_the_next_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_GROUPING", "0")
    assert settings().grouping is False
    monkeypatch.setenv("FACTCHECK_GROUPING", "1")
    assert settings().grouping is True
    monkeypatch.delenv("FACTCHECK_GROUPING")
    monkeypatch.setenv("FACTCHECK_MAX_NOTE_CHARS", "12")
    assert (settings().grouping, settings().max_note_chars) == (True, 12)


def test_a_variable_in_lower_case_counts_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_LOGIN_DAYS", "3")
    assert settings().login_days == 3
    monkeypatch.delenv("FACTCHECK_LOGIN_DAYS")
    monkeypatch.setenv("factcheck_login_days", "5")
    assert settings().login_days == 5


def test_a_bad_value_is_refused_at_every_call_until_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_LOGIN_DAYS", "two weeks")
    for _ in range(2):
        with pytest.raises(BadInput, match="FACTCHECK_LOGIN_DAYS=two weeks is not allowed"):
            settings()
    monkeypatch.setenv("FACTCHECK_LOGIN_DAYS", "14")
    assert settings().login_days == 14
