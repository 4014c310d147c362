"""The Dashboard in a real browser: click a bar, see the claims table follow it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from factcheck.models import Status
from tests.e2e.conftest import ARTIFACTS, App, log_in, screenshot, wait_idle
from tests.factories import decide, make_article

pytestmark = pytest.mark.e2e


def _fill(app: App) -> None:
    """Valley Post: two articles, six claims unreviewed; Harbour Herald: one, one false."""
    with app.session() as session:
        admin = app.admin(session)
        make_article(session, by=admin, outlet="Valley Post", title="Levee holds")
        make_article(session, by=admin, outlet="Valley Post", title="Rain eases")
        claims = make_article(session, by=admin, outlet="Harbour Herald", title="Harbour floods")[1]
        decide(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=admin, seen_version=1)


@pytest.mark.timeout(180)
def test_clicking_a_bar_filters_the_claims_table(app: App, browser_page: Page) -> None:
    _fill(app)
    page = browser_page
    log_in(page, app, "dashboard")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    table = page.locator("[data-testid='stDataFrame']")
    expect(page.get_by_text("newest articles first; click a bar")).to_be_visible()
    # Tall enough for the whole page at 1400 px wide: a screenshot of the main block only
    # shows what the viewport has drawn.
    page.set_viewport_size({"width": 1400, "height": 2400})
    wait_idle(page)
    expect(page.get_by_text("Status:", exact=False).first).to_be_visible()  # the one key
    screenshot(page, "dashboard_before_click")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    # The outlet chart's first bar is Valley Post (biggest first); its left end, past the
    # outlet names, is the Unreviewed segment.
    canvas = chart.locator("canvas, svg").first.bounding_box()
    assert canvas is not None
    page.mouse.click(canvas["x"] + 130, canvas["y"] + 57)
    wait_idle(page)
    expect(page.get_by_text("Claims under the bars you clicked")).to_be_visible()
    screenshot(page, "dashboard_after_click")
    caption = page.get_by_text("Claims under the bars you clicked").inner_text()
    assert "outlet Valley Post · Unreviewed" in caption
    expect(table).to_be_visible()
    expect(page.get_by_text("No claims match.")).to_have_count(0)
    table.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "dashboard_claims_table.png")  # the viewport, at the table
