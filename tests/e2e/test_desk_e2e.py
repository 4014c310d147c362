"""The desk in a real browser: a reviewer proposes "false", an editor signs it off and publishes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from factcheck.claims import get_claim
from factcheck.models import Status
from tests.e2e.conftest import PASSWORD, App, log_in, screenshot, wait_idle
from tests.factories import make_article, make_user

pytestmark = pytest.mark.e2e


def log_in_as(page: Page, app: App, email: str, path: str) -> None:
    page.goto(f"{app.base}/{path}")
    wait_idle(page)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Logged in as").wait_for()
    wait_idle(page)


@pytest.mark.timeout(240)
def test_a_proposal_is_signed_off_and_published(
    app: App, chromium: Browser, browser_page: Page
) -> None:
    with app.session() as s:
        ana = make_user(s, email="ana@newsroom.test")
        article, claims = make_article(s, by=ana)
    cid, aid = claims[0].id or 0, article.id or 0

    reviewer = chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    log_in_as(reviewer, app, ana.email, f"review?article={aid}&claim={cid}")
    reviewer.get_by_role("radiogroup", name="Verdict").get_by_text("False", exact=True).click()
    reviewer.get_by_role("button", name="Save verdict").click()
    wait_idle(reviewer)
    expect(reviewer.get_by_text("awaiting sign-off").first).to_be_visible()
    screenshot(reviewer, "desk_proposed")
    reviewer.context.close()
    with app.session() as s:
        proposed = get_claim(s, claim_id=cid)
        assert (proposed.status, proposed.proposed_status) == (Status.IN_REVIEW, Status.FALSE)

    editor = browser_page
    log_in(editor, app, f"claim?claim={cid}")
    editor.get_by_role("button", name="Sign off: False").click()
    wait_idle(editor)
    editor.get_by_label("Published fact-check (URL)").fill("https://newsroom.test/fc/floods")
    editor.get_by_role("button", name="Publish").click()
    wait_idle(editor)
    expect(editor.get_by_text("locked; change it by a correction")).to_be_visible()
    screenshot(editor, "desk_published")
    with app.session() as s:
        done = get_claim(s, claim_id=cid)
        assert (done.status, done.published_url) == (
            Status.FALSE,
            "https://newsroom.test/fc/floods",
        )
        assert done.signed_off_by_id != ana.id and done.signed_off_by_id is not None
