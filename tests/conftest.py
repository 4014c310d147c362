"""Fixtures: every service test runs on a fresh SQLite file and on a real PostgreSQL 15.

PostgreSQL: when FACTCHECK_TEST_PG=host:port:user is set (``eval "$(bash .ci/postgres.sh)"``,
as .ci/run does), tests use that server; otherwise, as a normal user, pytest-postgresql starts
one from /usr/lib/postgresql/15/bin. Each test gets its own database, copied from a template
that the migrations built once.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_postgresql import factories
from sqlmodel import Session

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import upgrade

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def pg_url(host: str, port: int | str, user: str, dbname: str, password: str | None = None) -> str:
    """A SQLAlchemy URL for a psycopg 3 connection."""
    auth = f"{user}:{password}" if password else user
    return f"postgresql+psycopg://{auth}@{host}:{port}/{dbname}"


def _migrate_template(
    host: str, port: int, user: str, dbname: str, password: str | None, **_: Any
) -> None:
    url = pg_url(host, port, user, dbname, password)
    upgrade(url)
    dispose_engine(url)


_pg_env = os.environ.get("FACTCHECK_TEST_PG", "")
if _pg_env:
    _host, _port, _user = _pg_env.split(":")
    # A database name per run, so that two test runs can share one server.
    postgresql_server = factories.postgresql_noproc(
        host=_host,
        port=_port,
        user=_user,
        dbname=f"factcheck_{os.getpid()}",
        load=[_migrate_template],
    )
    PG_SKIP = ""
elif os.geteuid() != 0 and (PG_BIN / "pg_ctl").exists():
    postgresql_server = factories.postgresql_proc(
        executable=str(PG_BIN / "pg_ctl"), load=[_migrate_template]
    )
    PG_SKIP = ""
else:
    postgresql_server = factories.postgresql_noproc(load=[_migrate_template])
    PG_SKIP = 'no PostgreSQL: run `eval "$(bash .ci/postgres.sh)"` first (as root)'

postgresql = factories.postgresql("postgresql_server")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test copies it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    dispose_engine(url)
    return path


def sqlite_url(template: Path, folder: Path) -> str:
    """A fresh migrated SQLite database in ``folder``."""
    path = folder / "factcheck.db"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """The URL of a fresh, migrated database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        url = sqlite_url(sqlite_template, tmp_path)
    else:
        if PG_SKIP:
            pytest.skip(PG_SKIP)
        conn = request.getfixturevalue("postgresql")
        info = conn.info
        url = pg_url(info.host, info.port, info.user, info.dbname, info.password)
    yield url
    dispose_engine(url)


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """The URL of a fresh migrated SQLite database (for tests that need only one backend)."""
    url = sqlite_url(sqlite_template, tmp_path)
    yield url
    dispose_engine(url)


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """A session on a fresh database; every service test runs on both backends."""
    with Session(get_engine(db_url), expire_on_commit=False) as s:
        yield s


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout (seed article, quantulum3 set); skip when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the seed and quantulum3 data live there")
    return SHARED


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole run (Playwright allows one sync driver per process)."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
