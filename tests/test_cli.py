"""The `factcheck` command as a user runs it: a real process on real databases."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session

from factcheck.db import get_engine
from factcheck.models import Claim, Event, Role, Status
from tests.factories import count, make_article, make_user


def factcheck(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `factcheck ARGS` against ``url``."""
    env = {**os.environ, "FACTCHECK_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_init_creates_the_database_and_is_safe_to_run_twice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'factcheck.db'}"
    first = factcheck(url, "init")
    assert first.returncode == 0 and "schema empty →" in first.stdout
    again = factcheck(url, "init")
    assert again.returncode == 0 and "already at the latest schema" in again.stdout


def test_claims_prints_the_documented_json(db_url: str) -> None:
    with Session(get_engine(db_url)) as session:
        make_article(session, by=make_user(session))
    out = factcheck(db_url, "claims", "--format", "json", "--kind", "numeric")
    claims = json.loads(out.stdout)
    assert [c["quote"] for c in claims] == ["3,400", "212 millimetres"]
    assert claims[0]["qualifier"] == "at least" and claims[0]["status"] == "unreviewed"
    assert claims[1]["speaker"] == "national weather service"
    assert {"id", "start", "end", "sentence", "version", "outlet"} <= set(claims[0])


def test_review_sets_status_note_and_evidence(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        user = make_user(session)
        _, claims = make_article(session, by=user)
        events = count(session, Event)
    out = factcheck(
        db_url,
        "review",
        str(claims[0].id),
        "--status",
        "verified",
        "--note",
        "Bulletin 14 says 3,412.",
        "--evidence",
        "https://valley.example/b14",
        "--stance",
        "supports",
        "--user",
        user.email,
    )
    assert out.returncode == 0, out.stderr
    assert (
        f"Claim {claims[0].id}: verified is proposed and awaits an editor's sign-off; it stays "
        "in_review (version 2)." in out.stdout
    )
    with Session(get_engine(db_url)) as session:
        assert count(session, Event) == events + 3  # status, note, evidence


def test_a_stale_review_is_refused_with_a_clear_message(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        user = make_user(session)
        _, claims = make_article(session, by=user)
        events = count(session, Event)
    ok = factcheck(
        db_url, "review", str(claims[0].id), "--status", "in_review", "--user", user.email
    )
    assert ok.returncode == 0
    stale = factcheck(
        db_url,
        "review",
        str(claims[0].id),
        "--status",
        "false",
        "--seen-version",
        "1",
        "--user",
        user.email,
    )
    assert stale.returncode == 1
    assert "changed since you opened it" in stale.stderr and "Traceback" not in stale.stderr
    with Session(get_engine(db_url)) as session:
        claim = session.get(Claim, claims[0].id)
        assert claim is not None and (claim.status, claim.version) == (Status.IN_REVIEW, 2)
        assert count(session, Event) == events + 1


def test_unknown_ids_and_statuses_get_a_message_not_a_traceback(sqlite_db: str) -> None:
    with Session(get_engine(sqlite_db)) as session:
        email = make_user(session).email
    missing = factcheck(sqlite_db, "review", "4242", "--status", "verified", "--user", email)
    assert missing.returncode == 1 and "There is no claim 4242" in missing.stderr
    wrong = factcheck(sqlite_db, "review", "1", "--status", "maybe", "--user", email)
    assert wrong.returncode == 1 and "Unknown status 'maybe'" in wrong.stderr
    nobody = factcheck(sqlite_db, "review", "1", "--status", "verified", "--user", "x@y.org")
    assert "No user 'x@y.org'" in nobody.stderr


def test_users_are_added_listed_and_disabled(sqlite_db: str) -> None:
    first = factcheck(
        sqlite_db,
        "user",
        "add",
        "Chief@Desk.org",
        "--role",
        "admin",
        "--password-stdin",
        stdin="long enough pw\n",
    )
    assert first.returncode == 0 and "Added chief@desk.org (admin)" in first.stdout
    second = factcheck(
        sqlite_db,
        "user",
        "add",
        "rev@desk.org",
        "--by",
        "chief@desk.org",
        "--password-stdin",
        stdin="another password\n",
    )
    assert second.returncode == 0
    assert (
        factcheck(sqlite_db, "user", "disable", "rev@desk.org", "--by", "chief@desk.org").returncode
        == 0
    )
    listed = json.loads(factcheck(sqlite_db, "user", "list", "--format", "json").stdout)
    assert [(u["email"], u["role"], u["active"]) for u in listed] == [
        ("chief@desk.org", "admin", True),
        ("rev@desk.org", "reviewer", False),
    ]


def test_backup_is_a_consistent_copy(db_url: str, tmp_path: Path) -> None:
    with Session(get_engine(db_url)) as session:
        make_article(session, by=make_user(session, role=Role.EDITOR))
    target = tmp_path / "copy.backup"
    out = factcheck(db_url, "backup", str(target))
    assert out.returncode == 0, out.stderr
    if db_url.startswith("sqlite"):
        with sqlite3.connect(target) as copy:
            assert copy.execute("SELECT count(*) FROM claim").fetchone() == (3,)
    else:
        listing = subprocess.run(
            ["/usr/lib/postgresql/15/bin/pg_restore", "--list", str(target)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "TABLE DATA public claim" in listing.stdout
    again = factcheck(db_url, "backup", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr
