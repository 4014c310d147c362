"""The download buttons in a real Streamlit run (AppTest), on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from factcheck.claims import ClaimFilter
from factcheck.models import Role, Status
from factcheck.ui.common import USER_KEY
from factcheck.ui.downloads import _builder
from tests.factories import decide, make_article, make_user


def page(article_id: int | None, statuses: tuple[str, ...]) -> None:
    """A page that shows the buttons for one article, or for a status filter."""
    from factcheck.claims import ClaimFilter
    from factcheck.models import Status
    from factcheck.ui.downloads import download_buttons

    where = ClaimFilter(article_id=article_id, statuses=tuple(Status(s) for s in statuses))
    download_buttons(where, key="test")


def run_page(
    user_id: int, article_id: int | None = None, statuses: tuple[str, ...] = ()
) -> AppTest:
    app = AppTest.from_function(page, args=(article_id, statuses), default_timeout=30)
    app.session_state[USER_KEY] = user_id
    return app.run()


@pytest.fixture
def app_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", db_url)
    return db_url


def test_an_editor_gets_a_button_per_format(session: Session, app_db: str) -> None:
    editor = make_user(session, role=Role.EDITOR)
    article, claims = make_article(session, by=editor)
    app = run_page(editor.key, article_id=article.id)
    assert not app.exception
    assert [b.label for b in app.download_button] == [
        "HTML",
        "PDF",
        "Markdown",
        "CSV",
        "JSON",
        "JSONL",
        "ClaimReview",
    ]
    assert not any(b.proto.disabled for b in app.download_button)
    assert "Download 3 claims" in app.caption[0].value


def test_a_reviewer_is_told_why_there_are_no_buttons(session: Session, app_db: str) -> None:
    reviewer = make_user(session, role=Role.REVIEWER)
    make_article(session, by=reviewer)
    app = run_page(reviewer.key)
    assert not app.download_button
    assert "Reports and exports are for editors and admins; you are a reviewer" in app.info[0].value


def test_reports_are_disabled_past_the_limit_but_data_files_are_not(
    session: Session, app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import exports

    monkeypatch.setattr(exports, "REPORT_MAX_CLAIMS", 2)
    editor = make_user(session, role=Role.EDITOR)
    make_article(session, by=editor)
    app = run_page(editor.key)
    disabled = {b.label: b.proto.disabled for b in app.download_button}
    assert disabled == {
        "HTML": True,
        "PDF": True,
        "Markdown": True,
        "CSV": False,
        "JSON": False,
        "JSONL": False,
        "ClaimReview": True,
    }
    assert (
        "Too many claims for HTML, PDF, Markdown, ClaimReview (at most 2): narrow the filter"
        in app.caption[0].value
    )


def test_only_the_pdf_is_disabled_past_its_own_limit(
    session: Session, app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import exports

    monkeypatch.setattr(exports, "PDF_MAX_CLAIMS", 2)
    editor = make_user(session, role=Role.EDITOR)
    make_article(session, by=editor)
    app = run_page(editor.key)
    assert [b.label for b in app.download_button if b.proto.disabled] == ["PDF"]
    assert "Too many claims for PDF (at most 2)" in app.caption[0].value


def test_the_buttons_files_hold_the_filtered_claims(session: Session, app_db: str) -> None:
    editor = make_user(session, role=Role.EDITOR)
    _, claims = make_article(session, by=editor)
    decide(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=editor, seen_version=1)
    where = ClaimFilter(statuses=(Status.FALSE,))
    data = json.loads(_builder("json", where, editor.key)())
    assert [(c["quote"], c["status"]) for c in data] == [("3,400", "false")]
    reviews = json.loads(_builder("claimreview", where, editor.key)())
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["False"]
    assert _builder("pdf", where, editor.key)().startswith(b"%PDF-")


def test_a_failed_build_explains_itself_in_the_file(session: Session, app_db: str) -> None:
    reviewer = make_user(session, role=Role.REVIEWER)
    data = _builder("csv", ClaimFilter(), reviewer.key)().decode()
    assert data.startswith("The export failed:") and "is a reviewer" in data


def test_the_download_area_warns_until_the_organisation_is_configured(
    session: Session, app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_user(session, role=Role.EDITOR)
    article, _ = make_article(session, by=editor)
    for name in ("FACTCHECK_ORG_NAME", "FACTCHECK_ORG_URL", "FACTCHECK_PUBLIC_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FACTCHECK_ORG_NAME", "Valley Checks")
    unset = run_page(editor.key, article_id=article.id)
    assert "FACTCHECK_ORG_URL, FACTCHECK_PUBLIC_URL are not set" in unset.warning[0].value
    monkeypatch.setenv("FACTCHECK_ORG_URL", "https://checks.example/")
    monkeypatch.setenv("FACTCHECK_PUBLIC_URL", "https://desk.checks.example")
    assert not run_page(editor.key, article_id=article.id).warning
