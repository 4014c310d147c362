"""Consistent copies of the database: SQLite's online backup API, pg_dump for PostgreSQL."""

from __future__ import annotations

import os
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
    if parsed.get_backend_name() == "sqlite" and (
        not parsed.database or not Path(parsed.database).is_file()
    ):
        raise BadInput(f"There is no SQLite database at {parsed.database!r}; run `factcheck init`.")
    _create_private(destination)
    try:
        if parsed.get_backend_name() == "sqlite":
            _backup_sqlite(parsed, destination)
        else:
            _backup_postgresql(parsed, destination)
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    return destination


def _create_private(destination: Path) -> None:
    """Create the empty backup file readable by its owner only: it holds password hashes."""
    try:
        os.close(os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise BadInput(
            f"{destination} already exists; choose a new file name for the backup."
        ) from None
    os.chmod(destination, 0o600)  # whatever the umask


def _backup_sqlite(url: sa.URL, destination: Path) -> None:
    assert url.database is not None  # checked by backup()
    # The online backup copies pages under SQLite's own locks: writers may go on meanwhile.
    with sqlite3.connect(url.database) as source, sqlite3.connect(destination) as target:
        source.backup(target)
    target.close()
    source.close()


def _backup_postgresql(url: sa.URL, destination: Path) -> None:
    pg_dump = shutil.which("pg_dump") or str(PG_BIN / "pg_dump")
    if not Path(pg_dump).exists():
        raise BadInput("pg_dump was not found; install PostgreSQL's client tools.")
    # The password goes through pg_dump's environment: a command line shows in `ps`.
    bare = url.set(drivername="postgresql", password=None).render_as_string()
    env = {**os.environ}
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    done = subprocess.run(
        [pg_dump, "--format=custom", f"--file={destination}", f"--dbname={bare}"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        raise BadInput(f"pg_dump failed: {done.stderr.strip()[-300:]}")
