"""Bring a database to the latest schema with Alembic (db/migrations)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from factcheck.db import get_engine
from factcheck.errors import NotReady
from factcheck.settings import DEFAULT_DATABASE_URL

_CHECKOUT = Path(__file__).resolve().parent.parent / "db" / "migrations"
_INSTALLED = Path(__file__).resolve().parent / "migrations"
MIGRATIONS = _CHECKOUT if _CHECKOUT.is_dir() else _INSTALLED  # a checkout, or a wheel


def alembic_config(url: str) -> Config:
    """An Alembic configuration for ``url`` without any alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def current_revision(url: str) -> str | None:
    """The revision the database is at (None when it has never been initialised)."""
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(url: str) -> str | None:
    """The latest revision this version of factcheck knows."""
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def upgrade(url: str) -> tuple[str | None, str | None]:
    """Migrate to the latest schema (safe to run twice); returns (before, after) revisions."""
    before = current_revision(url)
    command.upgrade(alembic_config(url), "head")
    return before, current_revision(url)


_ready: set[str] = set()


def ensure_schema(url: str) -> None:
    """Make sure ``url`` holds the latest schema before a command or the app uses it.

    The default SQLite file is created or upgraded on first use (a newcomer's first command
    just works); any other database must be set up on purpose: NotReady says to run
    `factcheck init`. Checked once per process and database.
    """
    if url in _ready:
        return
    try:
        current = current_revision(url)
    except sa.exc.SQLAlchemyError as exc:
        raise NotReady(
            f"Cannot open the database {safe_url(url)} ({_first_line(exc)}); check "
            "FACTCHECK_DATABASE_URL."
        ) from None
    if current != head_revision(url):
        if url != DEFAULT_DATABASE_URL:
            state = "is empty" if current is None else f"is at schema {current}, not the latest"
            raise NotReady(
                f"The database {safe_url(url)} {state}; run `factcheck init` to set it up."
            )
        upgrade(url)
    _ready.add(url)


def safe_url(url: str) -> str:
    """The database URL with its password hidden, for messages."""
    return sa.make_url(url).render_as_string(hide_password=True)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
