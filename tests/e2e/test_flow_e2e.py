"""The reviewer's flow in Chromium: the login survives reloads and tabs, a missed claim is
added with the mouse, and the open claim tells when someone else changed it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlmodel import select

from factcheck.models import Claim, Origin, Role, Status
from factcheck.review import set_status
from factcheck.users import add_user, set_active
from tests.e2e.conftest import App, log_in, screenshot, wait_idle
from tests.factories import make_article, make_user

pytestmark = pytest.mark.e2e
LOGGED_IN = "Logged in as"


def logged_in(page: Page) -> bool:
    """Whether the page shows a login. The login cookie is read by a rerun after the first
    one, later on a busy machine: give it 15 s before answering no."""
    wait_idle(page)
    try:
        page.get_by_text(LOGGED_IN).first.wait_for(timeout=15_000)
    except PlaywrightTimeout:
        return False
    return True


def drag_over(page: Page, segment: Locator, words: str) -> None:
    """Select ``words`` inside ``segment`` with the mouse, from the first letter to the last."""
    segment.scroll_into_view_if_needed()
    box = segment.evaluate(
        """(el, words) => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(words);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + words.length);
                const rects = range.getClientRects();
                const first = rects[0], last = rects[rects.length - 1];
                return {x1: first.left + 1, y1: first.top + first.height / 2,
                        x2: last.right - 1, y2: last.top + last.height / 2};
            }
            return null;
        }""",
        words,
    )
    assert box is not None, f"{words!r} is not in the text"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


@pytest.mark.timeout(240)
def test_the_login_survives_a_reload_and_a_new_tab_and_ends_at_logout(
    app: App, browser_page: Page
) -> None:
    page = browser_page
    log_in(page, app, "claims")
    page.reload()
    assert logged_in(page), "a reload logged the reviewer out"
    tab = page.context.new_page()
    tab.goto(f"{app.base}/claims")
    assert logged_in(tab), "a new tab landed on the login form"
    cookie = next(c for c in page.context.cookies() if c["name"] == "factcheck_login")
    assert cookie["httpOnly"] is False or cookie["value"]
    tab.get_by_role("button", name="Log out").click()
    wait_idle(tab)
    page.reload()
    assert not logged_in(page), "logging out in one tab must end the login everywhere"
    expect(page.get_by_label("E-mail")).to_be_visible()
    # The old cookie, copied into another browser, opens nothing either.
    other = page.context.browser.new_context()  # type: ignore[union-attr]
    other.add_cookies([cookie])
    stranger = other.new_page()
    stranger.goto(f"{app.base}/claims")
    assert not logged_in(stranger)
    other.close()


@pytest.mark.timeout(240)
def test_disabling_a_user_ends_their_login_at_once(app: App, browser_page: Page) -> None:
    with app.session() as s:
        reviewer = make_user(s, role=Role.REVIEWER, email="rev@newsroom.test")
    page = browser_page
    log_in(page, App(app.base, app.db_url, reviewer.email, app.password), "claims")
    with app.session() as s:
        set_active(s, email=reviewer.email, active=False, by=app.admin(s))
    page.reload()
    assert not logged_in(page)


@pytest.mark.timeout(240)
def test_a_missed_claim_is_added_by_selecting_its_words(app: App, browser_page: Page) -> None:
    with app.session() as s:
        article, _ = make_article(s, by=app.admin(s))
    page = browser_page
    log_in(page, app, f"review?article={article.id}")
    page.get_by_text("Add a claim the extractor missed").click()
    wait_idle(page)
    words = "forced at least 3,400 residents"
    segment = page.locator("[data-segment-type='plain']", has_text=words).first
    expect(segment).to_be_visible()
    claim_button = page.get_by_role("button", name="claim", exact=True)
    # The expander may still be opening when the words are first measured; a drag over text
    # that moved selects nothing, so measure again and drag again, as a person would.
    for _ in range(3):
        drag_over(page, segment, words)
        try:
            expect(claim_button).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            page.wait_for_timeout(500)
    claim_button.click()
    wait_idle(page)
    expect(page.get_by_text(f"Selected: “{words}”")).to_be_visible()
    screenshot(page, "missed_claim_selected")
    page.get_by_role("button", name="Add claim").click()
    wait_idle(page)
    expect(page.get_by_text("That selection does not match")).to_have_count(0)
    with app.session() as s:
        added = s.exec(select(Claim).where(Claim.origin == Origin.MANUAL)).one()
    assert added.quote == words


@pytest.mark.timeout(240)
def test_the_open_claim_says_when_someone_else_changed_it(app: App, browser_page: Page) -> None:
    with app.session() as s:
        article, claims = make_article(s, by=app.admin(s))
        rita = add_user(
            s,
            email="rita@newsroom.test",
            role=Role.EDITOR,
            display_name="Rita Reviewer",
            password=app.password,
            by=app.admin(s),
        )
    page = browser_page
    log_in(page, app, f"review?article={article.id}&claim={claims[0].id}")
    # The reviewer must have seen version 1 before Rita changes it, however slow the first run.
    expect(page.get_by_text(f"#{claims[0].id} · version 1")).to_be_visible()
    with app.session() as s:
        set_status(
            s,
            claim_id=claims[0].id or 0,
            status=Status.IN_REVIEW,
            by=rita,
            seen_version=1,
            note="A: PHO statement confirms 41",
        )
    notice = page.get_by_text("Rita Reviewer set it to In review and added a note")
    expect(notice).to_be_visible(timeout=20_000)  # no click: the panel checks by itself
    screenshot(page, "claim_changed_under_you")
    page.get_by_role("button", name="Reload the claim").click()
    wait_idle(page)
    expect(notice).to_have_count(0)
