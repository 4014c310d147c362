"""Issue 12, items 11-13: the server listens on this computer only unless told, backups are
private and pg_dump never sees the password on its command line, and look-alike names are one
outlet or speaker."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck import backup as backup_module
from factcheck.cli import streamlit_options
from factcheck.models import Outlet, Role, Speaker
from factcheck.names import mixed_scripts
from factcheck.outlets import outlet_named
from factcheck.speakers import speaker_ids
from tests.e2e.conftest import free_port
from tests.factories import make_article, make_user

REPO = Path(__file__).resolve().parents[2]


def _listening(port: int) -> set[str]:
    """The local addresses with a TCP socket listening on ``port`` (from /proc/net/tcp*)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_serve_listens_on_127_0_0_1_only_by_default(sqlite_db: str, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "FACTCHECK_DATABASE_URL": sqlite_db}
    server = subprocess.Popen(
        [sys.executable, "-m", "factcheck.cli", "serve", "--port", str(port)],
        cwd=tmp_path,  # no .streamlit/config.toml here: the command line must say it all
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _listening(port) and time.monotonic() < deadline:
            time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        assert _listening(port) == {"0100007F"}  # 127.0.0.1, and no wildcard address
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_options_hide_developer_tools_and_take_an_address() -> None:
    options = streamlit_options(port=8600, address="0.0.0.0")
    pairs = dict(zip(options[::2], options[1::2], strict=True))
    assert pairs["--server.address"] == "0.0.0.0"
    assert pairs["--client.toolbarMode"] == "viewer"
    assert pairs["--browser.gatherUsageStats"] == "false"


def test_a_backup_is_readable_by_its_owner_only(db_url: str, tmp_path: Path) -> None:
    os.umask(0o022)
    target = tmp_path / "copy.backup"
    backup_module.backup(db_url, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_pg_dump_gets_the_password_through_its_environment(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("pg_dump is for PostgreSQL")
    seen: list[tuple[list[str], dict[str, str]]] = []
    real_run = subprocess.run

    def watched(args: list[str], **kwargs: Any) -> Any:
        seen.append((list(args), dict(kwargs.get("env") or {})))
        return real_run(args, **kwargs)

    monkeypatch.setattr(backup_module.subprocess, "run", watched)
    # The test server trusts local connections, so a password is accepted and ignored.
    with_password = sa.make_url(db_url).set(password="s3cret-Pw").render_as_string(False)
    backup_module.backup(with_password, tmp_path / "pg.backup")
    ((args, env),) = seen
    assert not any("s3cret-Pw" in arg for arg in args)
    assert env["PGPASSWORD"] == "s3cret-Pw"


def test_look_alike_outlet_and_speaker_names_are_one(session: Session) -> None:
    editor = make_user(session, role=Role.EDITOR)
    make_article(session, by=editor, outlet="Valley Post")
    for name in ("Valley\u200b Post", "valley  post", "\u202aValley Post\u202c", "Ｖalley Post"):
        assert outlet_named(session, name=name).name == "Valley Post"
    assert session.exec(select(Outlet)).all().__len__() == 1
    ids = speaker_ids(session, names=["Lena Vos", "Lena\u200d Vos", "LENA VOS"])
    assert len(set(ids.values())) == 1
    assert [s.name for s in session.exec(select(Speaker)).all()].count("Lena Vos") == 1


def test_a_mixed_script_name_stays_apart_and_is_flagged(session: Session) -> None:
    make_user(session, role=Role.EDITOR)
    latin = outlet_named(session, name="Valley Post")
    cyrillic = outlet_named(session, name="V\u0430lley Post")  # Cyrillic а
    assert latin.id != cyrillic.id
    assert mixed_scripts(cyrillic.name) and not mixed_scripts(latin.name)
