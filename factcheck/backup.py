"""Consistent copies of the database: SQLite's online backup API, pg_dump for PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa

from factcheck.errors import BadInput

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def backup(url: str, destination: Path) -> Path:
    """Write a consistent copy of the database at ``url`` to ``destination``; never overwrite."""
    if destination.exists():
        raise BadInput(f"{destination} already exists; choose a new file name for the backup.")
    if not destination.parent.is_dir():
        raise BadInput(f"The folder {destination.parent} does not exist; create it first.")
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _backup_sqlite(parsed, destination)
    else:
        _backup_postgresql(parsed, destination)
    return destination


def _backup_sqlite(url: sa.URL, destination: Path) -> None:
    if not url.database or not Path(url.database).is_file():
        raise BadInput(f"There is no SQLite database at {url.database!r}; run `factcheck init`.")
    # The online backup copies pages under SQLite's own locks: writers may go on meanwhile.
    with sqlite3.connect(url.database) as source, sqlite3.connect(destination) as target:
        source.backup(target)
    target.close()
    source.close()


def _backup_postgresql(url: sa.URL, destination: Path) -> None:
    pg_dump = shutil.which("pg_dump") or str(PG_BIN / "pg_dump")
    if not Path(pg_dump).exists():
        raise BadInput("pg_dump was not found; install PostgreSQL's client tools.")
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    done = subprocess.run(
        [pg_dump, "--format=custom", f"--file={destination}", f"--dbname={plain}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        destination.unlink(missing_ok=True)
        raise BadInput(f"pg_dump failed: {done.stderr.strip()[-300:]}")
