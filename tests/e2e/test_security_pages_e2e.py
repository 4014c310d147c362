"""Security in a real browser: user and page text shows as text (no remote image loads, no link
or markup appears), and users see no developer menu or Deploy button."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page
from sqlmodel import select

from factcheck.articles import add_article
from factcheck.models import Claim, Stance
from factcheck.review import add_evidence, add_note
from tests.e2e.conftest import App, log_in, screenshot
from tests.factories import found_in

pytestmark = pytest.mark.e2e


class Beacon(BaseHTTPRequestHandler):
    """Counts every request: an injected image that loads is a hit."""

    hits: list[str] = []

    def do_GET(self) -> None:
        Beacon.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@pytest.fixture
def beacon() -> Iterator[str]:
    Beacon.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Beacon)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_injected_markdown_loads_nothing_and_shows_as_text(
    app: App, chromium: Browser, beacon: str
) -> None:
    img = lambda field: f"![{field}]({beacon}/{field}.png)"  # noqa: E731
    text = (
        f"Officials said {img('sentence')} that 1,200 families :red[were] moved. "
        f"Another <img src='{beacon}/html.png'> line followed with 30 trucks."
    )
    with app.session() as session:
        admin = app.admin(session)
        article = add_article(
            session,
            title=f"Flood {img('title')} :material/warning: \u202eevil",
            text=text,
            by=admin,
            outlet=f"Post {img('outlet')}",
            author=f"Reporter {img('author')}",
            claims=[found_in(text, "1,200 families", kind="numeric", value=1200, unit="families")],
        )
        claim_id = session.exec(select(Claim.id).where(Claim.article_id == article.id)).one()
        assert claim_id is not None
        add_evidence(
            session,
            claim_id=claim_id,
            url=f"https://example.org/x)![ev]({beacon}/evidence.png)",
            stance=Stance.SUPPORTS,
            by=admin,
            title=f"Report {img('evtitle')}",
            note=f"See {img('evnote')}",
        )
        add_note(
            session,
            claim_id=claim_id,
            body=f"Checked {img('note')} [click](http://x.test)",
            by=admin,
        )
    shown = {}
    for name, path in (
        ("articles", ""),
        ("review", f"review?article={article.id}&claim={claim_id}"),
        ("claim", f"claim?claim={claim_id}"),
    ):
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        log_in(page, app, path)
        page.wait_for_timeout(1000)
        screenshot(page, f"security-injected-{name}")
        text = page.locator("[data-testid='stMain']").inner_text()
        shown[name] = text.replace("\u2060", "")  # the word joiners that stop autolinks
        assert page.locator(f"img[src^='{beacon}']").count() == 0, name
        assert page.locator("a[href^='http://x.test']").count() == 0, name
        assert page.locator(f"a[href^='{beacon}']").count() == 0, name
        assert page.get_by_text("warning", exact=True).count() == 0, name  # no icon
        context.close()
    assert Beacon.hits == []
    assert f"Flood ![title]({beacon}/title.png) :material/warning:" in shown["articles"]
    assert f"Post ![outlet]({beacon}/outlet.png)" in shown["review"]
    main = shown["claim"]
    assert f"![note]({beacon}/note.png)" in main  # shown as the characters it is
    assert "\u202e" not in main


def test_users_see_no_deploy_button_or_developer_menu(app: App, browser_page: Page) -> None:
    page = browser_page
    log_in(page, app)
    assert page.locator("[data-testid='stAppDeployButton']").count() == 0
