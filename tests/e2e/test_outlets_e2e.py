"""Outlets in a real browser: an editor marks an agency, and the story names its article as
the source of the rewrite."""

from __future__ import annotations

from dataclasses import replace

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from factcheck.models import Outlet, OutletKind, Role
from tests.e2e.conftest import PASSWORD, App, log_in, screenshot, wait_idle
from tests.factories import make_user
from tests.test_stories_derived import LIGHT, WIRE, _at, _store
from tests.test_ui_outlets import AGENCY, PAPER

pytestmark = pytest.mark.e2e


def choose(page: Page, key: str, option: str) -> None:
    """Pick ``option`` in the select box whose key starts with ``key``."""
    box = page.locator(f"[class*='st-key-{key}'] input")
    box.click()
    box.fill(option)
    box.press("Enter")
    wait_idle(page)


@pytest.mark.timeout(240)
def test_an_editor_marks_an_agency_and_the_story_names_its_article_the_source(
    app: App, browser_page: Page
) -> None:
    with app.session() as session:
        editor = make_user(session, role=Role.EDITOR, password=PASSWORD)
        _store(session, editor, outlet=PAPER, text=LIGHT, at=_at(12))  # the rewrite came in first
        undated = WIRE.removeprefix("FENWICK, Oct 3 (NPA) - ")
        story_id = _store(session, editor, outlet=AGENCY, text=undated, at=_at(12)).story_id
    page = browser_page
    log_in(page, replace(app, email=editor.email), "outlets")
    expect(page.get_by_role("heading", name="Outlets")).to_be_visible()
    choose(page, "outlet_chosen", AGENCY)
    choose(page, "outlet_kind_", "agency")
    page.get_by_role("button", name="Save").click()
    wait_idle(page)
    expect(
        page.get_by_text(f"{AGENCY} is now an agency; 2 articles' source changed.")
    ).to_be_visible()
    screenshot(page, "outlets_agency")
    with app.session() as session:
        kind = session.exec(select(Outlet.kind).where(Outlet.name == AGENCY)).one()
        assert kind == OutletKind.AGENCY

    page.goto(f"{app.base}/stories?story={story_id}")
    wait_idle(page)
    line = page.get_by_text("is derived from")
    expect(line).to_have_count(1)
    expect(line).to_contain_text(f"{PAPER} (Flood in Fenwick ({PAPER})) is derived from {AGENCY}")
    # The agency's article, now the source, titles the story.
    expect(page.get_by_role("heading", name=f"Flood in Fenwick ({AGENCY})")).to_be_visible()
    screenshot(page, "outlets_story_derived")
