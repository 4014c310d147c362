"""Bring a database to the latest schema with Alembic (db/migrations)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from factcheck.db import get_engine

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
