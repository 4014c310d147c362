"""Real-browser tests: `streamlit run app.py` on a free port, driven by Debian's Chromium.

Fixtures and helpers shared by every e2e test (Review flows, Dashboard ...):
- ``app``: a fresh app server on a migrated temporary SQLite file, with an admin to log in as;
- ``page``-like ``browser_page``: a Chromium tab (1400×1000) that closes after the test;
- ``wait_idle``, ``log_in``, ``screenshot``: what each test does between clicks.
Screenshots go to test-artifacts/ (git-ignored); look at them after a run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from sqlmodel import Session

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import upgrade
from factcheck.models import Role, User
from factcheck.users import add_user

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    """A TCP port nobody listens on right now (a fresh one per test: Streamlit exits slowly)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True, slots=True)
class App:
    """A running app: its address, its database and the admin to log in as."""

    base: str
    db_url: str
    email: str
    password: str

    def session(self) -> Session:
        """A session on the app's database, to prepare data or check what was saved."""
        return Session(get_engine(self.db_url), expire_on_commit=False)

    def admin(self, session: Session) -> User:
        """The admin user, loaded in ``session``."""
        from factcheck.users import get_user

        return get_user(session, email=self.email)


def _wait_healthy(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not start within 60 s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    """`streamlit run app.py` on a fresh SQLite file with one admin; stopped after the test."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium")
    db_url = f"sqlite:///{tmp_path / 'e2e.db'}"
    upgrade(db_url)
    email = "admin@newsroom.test"
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        add_user(
            session,
            email=email,
            role=Role.ADMIN,
            display_name="Ada Admin",
            password=PASSWORD,
            by=None,
        )
    port = free_port()
    log = tmp_path / "streamlit.log"
    env = {**os.environ, "FACTCHECK_DATABASE_URL": db_url}
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, proc, log)
        yield App(base=base, db_url=db_url, email=email, password=PASSWORD)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        dispose_engine(db_url)


@pytest.fixture
def browser_page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser tab (own cookies), 1400×1000."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the current run (and its status widget is gone)."""
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=60_000)


def log_in(page: Page, app: App, path: str = "") -> None:
    """Open ``path`` (e.g. "review?article=1") and log in as the app's admin."""
    page.goto(f"{app.base}/{path}")
    wait_idle(page)
    page.get_by_label("E-mail").fill(app.email)
    page.get_by_label("Password", exact=True).fill(app.password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Logged in as").wait_for()
    wait_idle(page)


def screenshot(page: Page, name: str) -> Path:
    """Save the page's main block (all of it, not only the viewport) as test-artifacts/NAME.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.locator("[data-testid='stMainBlockContainer']").screenshot(path=path)
    return path
