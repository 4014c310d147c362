"""A story in a real browser: open it, see the conflict side by side, judge the group at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import select

from factcheck.demo import add_stories
from factcheck.desk import set_two_person_rule
from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import Article, Claim, Status
from tests.e2e.conftest import App, log_in, screenshot, wait_idle
from tests.story_articles import CLOSURE, TRUCE
from tests.test_groups import ingest
from tests.test_stories_move import BAY, RIDGE
from tests.test_stories_move import ingest as move_ingest

pytestmark = pytest.mark.e2e


def _hex_to_rgb(colour: str) -> str:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.timeout(240)
def test_a_verdict_on_a_conflicting_group_colours_every_member(
    app: App, browser_page: Page
) -> None:
    with app.session() as session:
        admin = app.admin(session)
        set_two_person_rule(session, on=False, by=admin)  # an editor's verdict is final here
        ingest(session, TRUCE + CLOSURE, admin)
        story = session.exec(select(Article).where(Article.title == TRUCE[0].title)).one()
        story_id = story.story_id
    page = browser_page
    log_in(page, app, f"stories?story={story_id}")  # a shared link to the story
    expect(page.get_by_role("heading", name=TRUCE[0].title)).to_be_visible()
    first_group = page.locator("[class*='st-key-group_']").first
    expect(first_group.get_by_text("Conflict")).to_be_visible()
    members = first_group.locator("[data-testid='group-member']")
    expect(members).to_have_count(2)
    expect(members.nth(0)).to_contain_text("Meridian Wire")
    expect(members.nth(0)).to_contain_text("253")
    expect(members.nth(1)).to_contain_text("Lisk Evening Courier")
    expect(members.nth(1)).to_contain_text("240")
    screenshot(page, "story_conflict")

    verdict = first_group.locator("[data-testid='stSelectbox'] input")
    verdict.click()
    verdict.fill(STATUS_LABELS[Status.FALSE])
    verdict.press("Enter")
    wait_idle(page)
    first_group.get_by_role("button", name="Apply to group").click()
    wait_idle(page)
    first_group = page.locator("[class*='st-key-group_']").first
    members = first_group.locator("[data-testid='group-member']")
    for i in range(2):
        expect(members.nth(i)).to_have_attribute("data-status", Status.FALSE.value)
        expect(members.nth(i)).to_have_css(
            "border-left-color", _hex_to_rgb(STATUS_COLOURS[Status.FALSE])
        )
    screenshot(page, "story_conflict_judged")
    with app.session() as session:
        judged = session.exec(select(Claim).where(Claim.quote.in_(["253", "240"]))).all()  # type: ignore[attr-defined]
        assert {c.status for c in judged} == {Status.FALSE}


def _chart_texts(page: Page, title: str) -> list[str]:
    """The words drawn in the chart titled ``title`` (axis labels, legends)."""
    chart = page.locator("[data-testid='stVegaLiteChart']").filter(has_text=title)
    expect(chart).to_have_count(1)
    return chart.locator("svg text").all_text_contents()


@pytest.mark.timeout(240)
def test_the_demo_truce_shows_the_papers_rewrite_derived_from_the_wire(
    app: App, browser_page: Page
) -> None:
    with app.session() as session:
        admin = app.admin(session)
        add_stories(session, editor=admin, by=admin)
        articles = session.exec(select(Article)).all()
        story_id = next(a.story_id for a in articles if a.title.startswith("Ardel and Voss sign"))
    page = browser_page
    log_in(page, app, f"stories?story={story_id}")
    line = page.get_by_text("is derived from")
    expect(line).to_be_visible()
    expect(line).to_contain_text(
        "Tessel Evening Post (Armies to pull back as Ardel and Voss sign truce) is derived "
        "from Northern Wire (Ardel and Voss sign 4-1/2-month truce in Corran)"
    )
    expect(
        page.get_by_role("heading", name="Ardel and Voss sign 4-1/2-month truce")
    ).to_be_visible()
    expect(page.get_by_text("1 conflict", exact=False).first).to_be_visible()
    timeline = _chart_texts(page, "Articles over time")
    assert "Tessel Evening Post" in timeline and "Harlow Valley Gazette" in timeline
    assert not [t for t in timeline if t.endswith("…")]  # outlets named whole
    figures = _chart_texts(page, "Figures over time")
    assert "300" in figures and not [t for t in figures if "e+" in t]  # not 3e+2
    screenshot(page, "story_derived_from")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Dashboard").click()
    wait_idle(page)
    measure = page.get_by_placeholder("e.g. deaths, hostages")
    measure.fill("killed")
    measure.press("Enter")
    wait_idle(page)
    figures = _chart_texts(page, "Figures about")
    assert "300" in figures and not [t for t in figures if "e+" in t]
    screenshot(page, "dashboard_figures_killed")


def _show_option(page: Page, picker: Locator, words: str, *, typed: bool) -> Locator:
    """Open the picker's list (typing ``words`` when ``typed``) until the one option holding
    ``words`` shows; the list is opened again when a rerun of the page closed it first."""
    option = page.get_by_role("option", name=words, exact=False)
    for _ in range(3):
        picker.click()
        if typed:
            picker.fill(words)
        try:
            expect(option).to_have_count(1, timeout=10_000)
            break
        except AssertionError:
            wait_idle(page)
    expect(option).to_have_count(1)
    return option


def _choose(page: Page, picker: Locator, chosen: Locator, title: str) -> None:
    """Choose the option holding ``title`` unless it is chosen already. The tags are read once
    the page is idle: read during a rerun they may be missing, and a chosen option is no longer
    in the list, so typing it again would wait for an option that never shows."""
    for _ in range(3):
        wait_idle(page)
        if any(title in tag for tag in chosen.all_inner_texts()):
            return
        picker.click()
        picker.fill(title)
        try:
            expect(page.get_by_role("option", name=title)).to_have_count(1, timeout=10_000)
        except AssertionError:
            continue  # the list closed in a rerun, or the choice landed: look at the tags again
        picker.press("Enter")


def _type_option(page: Page, picker: Locator, words: str) -> None:
    """Choose the one option holding ``words`` by typing them and pressing Enter."""
    _show_option(page, picker, words, typed=True)
    picker.press("Enter")
    wait_idle(page)


@pytest.mark.timeout(240)
def test_an_editor_moves_the_second_fire_out_of_the_first_fires_story(
    app: App, browser_page: Page
) -> None:
    with app.session() as session:
        admin = app.admin(session)
        for piece in (*RIDGE.values(), *BAY.values()):
            move_ingest(session, admin, piece)
        (story_id,) = {a.story_id for a in session.exec(select(Article))}  # the recap mixes them
    page = browser_page
    log_in(page, app, f"stories?story={story_id}")
    expect(page.get_by_role("heading", name=RIDGE["ridge-wire"][0])).to_be_visible()
    page.get_by_text("Move articles out of this story").click()
    picker = page.locator(f".st-key-move_{story_id} input")
    chosen = page.locator(f".st-key-move_{story_id} .react-aria-ComboBox [data-tag]")
    titles = [title for title, *_ in BAY.values()]
    for _ in range(3):  # a rerun under load can drop a choice made while it ran: choose it again
        for title in titles:  # typed and chosen with Enter, as a keyboard user does
            _choose(page, picker, chosen, title)
        if all(any(t in tag for tag in chosen.all_inner_texts()) for t in titles):
            break
    expect(chosen).to_have_count(len(titles))
    picker.press("Escape")  # close the list over the button
    screenshot(page, "story_move_chosen")
    page.get_by_role("button", name="Move", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("2 articles moved to story").first).to_be_visible()
    with app.session() as session:
        placed = {a.title: a.story_id for a in session.exec(select(Article))}
    bay = placed[BAY["bay-wire"][0]]
    assert bay != story_id and placed[BAY["bay-herald"][0]] == bay
    assert placed[RIDGE["ridge-courier"][0]] == story_id
    # The story now holds the first fire's two articles; the second fire is a story to move to.
    expect(page.get_by_text("2 articles · 2 outlets", exact=False)).to_be_visible()
    into = page.locator(f".st-key-move_to_{story_id} input")
    into.click()
    expect(page.get_by_role("option", name=f"#{bay} · {BAY['bay-wire'][0]}")).to_be_visible()
    into.press("Escape")
    screenshot(page, "story_moved")


@pytest.mark.timeout(240)
def test_titles_with_markup_show_as_text_in_the_move_form(app: App, browser_page: Page) -> None:
    hostile = "Ridge fire ![t](http://127.0.0.1:9/t.png) [click](http://x.test) :red[now]"
    with app.session() as session:
        admin = app.admin(session)
        for name, (title, day, outlet, text) in RIDGE.items():
            title = hostile if name == "ridge-courier" else title
            move_ingest(session, admin, (title, day, outlet, text))
        (story_id,) = {a.story_id for a in session.exec(select(Article))}
    page = browser_page
    log_in(page, app, f"stories?story={story_id}")
    page.get_by_text("Move articles out of this story").click()
    picker = page.locator(f".st-key-move_{story_id} input")
    option = _show_option(page, picker, hostile, typed=False)
    expect(option).to_have_text(f"2026-08-05 · {RIDGE['ridge-courier'][2]} · {hostile}")
    _type_option(page, picker, "Ridge fire")
    picker.press("Escape")
    page.get_by_role("button", name="Move", exact=True).click()
    wait_idle(page)
    toast = page.get_by_text("1 article moved to story").first
    expect(toast).to_be_visible()
    # The moved story's title as the characters it is (word joiners stop autolinks).
    assert hostile in toast.inner_text().replace("\u2060", "")
    screenshot(page, "story_move_hostile_title")
    assert page.locator("img[src^='http://127.0.0.1:9']").count() == 0
    assert page.locator("a[href^='http://x.test']").count() == 0
