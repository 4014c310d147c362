"""A reviewer's day in a real browser: paste an article, verify a claim, change three at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import col, select

from factcheck.desk import set_two_person_rule
from factcheck.labels import STATUS_COLOURS
from factcheck.models import Claim, Event, Evidence, Status
from tests.e2e.conftest import App, log_in, screenshot, wait_idle
from tests.factories import make_article

pytestmark = pytest.mark.e2e

SHARED = Path(__file__).resolve().parents[3] / "shared"
STORY = (
    "Ferry capsizes off Kell Island\n\n"
    "At least 27 passengers drowned when the ferry Morning Gull capsized off Kell Island on "
    "Sunday, the coast guard said. Another 140 people were pulled from the water.\n\n"
    '"The sea turned in minutes," said Captain Ivo Strand, who led the rescue. The ferry '
    "was carrying nearly 200 people, twice its licensed load, according to port records."
)


def paste(page: Page, text: str, outlet: str) -> None:
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Outlet").first.fill(outlet)
    page.get_by_role("button", name="Add and find claims").click()
    wait_idle(page)
    cleaned = page.get_by_role("button", name="Add the cleaned text")
    if cleaned.count():  # the page said what cleaning removes and asks which text to keep
        cleaned.click()
        wait_idle(page)


@pytest.mark.timeout(180)
def test_a_pasted_article_shows_its_claims_highlighted(app: App, browser_page: Page) -> None:
    page = browser_page
    log_in(page, app)
    paste(page, STORY, "Island Courier")
    expect(page.get_by_text("claims found")).to_be_visible()
    screenshot(page, "articles_after_paste")
    page.get_by_role("link", name="Review its claims").click()
    wait_idle(page)
    marks = page.locator("mark.fc-mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 3
    expect(page.locator("mark.fc-mark", has_text="27")).to_have_count(1)
    screenshot(page, "review_pasted")


@pytest.mark.timeout(180)
def test_the_seed_article_shows_its_claims_highlighted(app: App, browser_page: Page) -> None:
    seed = SHARED / "seed" / "article.txt"
    if not seed.is_file():
        pytest.skip(f"{seed} is absent")
    page = browser_page
    log_in(page, app)
    paste(page, seed.read_text(encoding="utf-8"), "Seed outlet")
    expect(page.get_by_text("claims found")).to_be_visible()
    page.get_by_role("link", name="Review its claims").click()
    wait_idle(page)
    expect(page.locator("mark.fc-mark").first).to_be_visible()
    screenshot(page, "review_seed")
    assert page.locator("mark.fc-mark.fc-numeric").count() >= 5
    assert page.locator("mark.fc-mark.fc-attributed").count() >= 3


@pytest.mark.timeout(180)
def test_verifying_a_claim_with_evidence_changes_its_colour_and_history(
    app: App, browser_page: Page
) -> None:
    with app.session() as s:
        admin = app.admin(s)
        set_two_person_rule(s, on=False, by=admin)  # a desk where an editor's verdict is final
        article, claims = make_article(s, by=admin)
    target = claims[1]  # the quote "held better than anyone expected"
    page = browser_page
    log_in(page, app, f"review?article={article.id}")
    mark = page.locator(f"mark.fc-mark[data-claim='{target.id}']")
    expect(mark).to_have_attribute("style", colour(Status.UNREVIEWED))
    mark.click()
    wait_idle(page)
    expect(page.get_by_text(f"#{target.id} ").first).to_be_visible()
    assert page.url.endswith(f"claim={target.id}")
    page.locator("[data-testid='stRadio']").first.get_by_text("Verified", exact=True).click()
    page.get_by_role("button", name="Save verdict").click()
    wait_idle(page)
    expect(page.locator(f"mark.fc-mark[data-claim='{target.id}']")).to_have_attribute(
        "style", colour(Status.VERIFIED)
    )
    page.get_by_role("tab", name="Evidence").click()
    page.get_by_role("textbox", name="Link").fill("https://weather.example.org/rainfall")
    page.get_by_role("button", name="Add evidence").click()
    wait_idle(page)
    page.get_by_role("tab", name="History").click()
    screenshot(page, "review_verified")
    with app.session() as s:
        assert s.get(Claim, target.id).status is Status.VERIFIED  # type: ignore[union-attr]
        assert s.exec(select(Evidence.url).where(Evidence.claim_id == target.id)).one()
        actions = s.exec(
            select(Event.action).where(Event.claim_id == target.id).order_by(col(Event.id))
        ).all()
    assert list(actions) == ["claim.status", "evidence.add"]


def colour(status: Status) -> re.Pattern[str]:
    """A mark's inline style holding the status colour."""
    return re.compile(re.escape(STATUS_COLOURS[status]))


@pytest.mark.timeout(180)
def test_three_claims_ticked_in_the_table_change_status_at_once(
    app: App, browser_page: Page
) -> None:
    with app.session() as s:
        admin = app.admin(s)
        make_article(s, by=admin)
        make_article(s, by=admin)
    page = browser_page
    log_in(page, app, "claims")
    grid = page.locator("[data-testid='stDataFrame']").first
    expect(grid).to_be_visible()
    box = grid.bounding_box()
    assert box is not None
    for row in range(3):  # the tick column is the first; rows are 35 px under a 35 px header
        page.mouse.click(box["x"] + 16, box["y"] + 35 + 35 * row + 17)
        wait_idle(page)
    expect(page.get_by_text("3 selected:")).to_be_visible()
    page.get_by_label("New status").click()
    page.get_by_role("option", name="False").click()
    page.get_by_role("button", name="Set status").click()
    wait_idle(page)
    # A new desk's two-person rule: the admin's verdicts are proposals awaiting sign-off.
    expect(
        page.get_by_text("3 claims proposed false; they await an editor's sign-off.")
    ).to_be_visible()
    screenshot(page, "claims_bulk")
    with app.session() as s:
        proposed = s.exec(select(Claim.proposed_status)).all()
    assert list(proposed).count(Status.FALSE) == 3
