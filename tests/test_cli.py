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
    assert wrong.returncode == 2 and "Invalid value for '--status'" in wrong.stderr
    assert "'maybe' is not one of 'unreviewed', 'in_review'" in wrong.stderr
    assert "Traceback" not in wrong.stderr
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


def test_a_wrong_status_names_the_status_not_the_default_stance(sqlite_db: str) -> None:
    out = factcheck(sqlite_db, "review", "2", "--status", "checked", "--user", "a@b.org")
    assert "'checked' is not one of" in out.stderr
    assert "stance" not in out.stderr and "context" not in out.stderr


def test_help_lists_the_choices_and_shows_flags_as_flags() -> None:
    out = factcheck("sqlite://", "user", "add", "--help")
    assert "--role <reviewer|editor|admin>" in out.stdout
    assert "--password-stdin " in out.stdout
    assert "<bool>" not in out.stdout and "--no-password-stdin" not in out.stdout
    export = factcheck("sqlite://", "export", "--help").stdout
    assert "<html|pdf|md|csv|json|jsonl|claimreview>" in export


COMMANDS = (
    ("claims",),
    ("claims", "--format", "json"),
    ("review", "1", "--status", "verified", "--user", "a@newsroom.test"),
    ("ingest", "-", "--user", "a@newsroom.test"),
    ("user", "add", "a@newsroom.test", "--role", "admin", "--password-stdin"),
    ("user", "list"),
    ("user", "disable", "a@newsroom.test", "--by", "b@newsroom.test"),
    ("user", "password", "a@newsroom.test", "--by", "b@newsroom.test", "--password-stdin"),
    ("export", "--format", "csv", "--user", "a@newsroom.test"),
    ("backup", "copy.db"),
    ("counts", "--check"),
)


def test_no_command_prints_a_traceback_on_a_database_init_has_not_made(tmp_path: Path) -> None:
    for n, args in enumerate(COMMANDS):
        url = f"sqlite:///{tmp_path / f'empty{n}.db'}"
        out = factcheck(url, *args, stdin="a long enough password\nsome text 12 people\n")
        assert "Traceback" not in out.stderr, args
        assert out.returncode == 1, (args, out.stderr)
        (line,) = out.stderr.strip().splitlines()
        assert "is empty; run `factcheck init` to set it up." in line, args


def test_the_default_database_is_set_up_on_first_use(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DATABASE_URL"}
    run = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "user", "add", "me@newsroom.test"]
        + ["--role", "admin", "--password-stdin"],
        input="a long enough password\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Added me@newsroom.test (admin)." in run.stdout
    assert (tmp_path / "db" / "factcheck.db").is_file()


def test_a_second_user_without_by_is_told_to_give_by(sqlite_db: str) -> None:
    with Session(get_engine(sqlite_db)) as session:
        make_user(session)
    out = factcheck(sqlite_db, "user", "add", "x@newsroom.test", "--password-stdin", stdin="p" * 9)
    assert out.returncode == 1 and "--by ADMIN_EMAIL" in out.stderr


def test_a_lost_password_is_reset_by_an_admin_or_changed_with_the_old_one(sqlite_db: str) -> None:
    from factcheck.users import authenticate

    with Session(get_engine(sqlite_db), expire_on_commit=False) as session:
        admin = make_user(session, role=Role.ADMIN)
        user = make_user(session)
    reset = factcheck(
        sqlite_db, "user", "password", user.email, "--by", admin.email, "--password-stdin",
        stdin="a brand new password\n",
    )  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    assert f"New password set for {user.email}" in reset.stdout
    own = factcheck(
        sqlite_db, "user", "password", user.email, "--password-stdin",
        stdin="a brand new password\nyet another password\n",
    )  # fmt: skip
    assert own.returncode == 0, own.stderr
    wrong = factcheck(
        sqlite_db, "user", "password", user.email, "--password-stdin",
        stdin="not the old one\nsomething else again\n",
    )  # fmt: skip
    assert wrong.returncode == 1 and "Wrong e-mail or password" in wrong.stderr
    with Session(get_engine(sqlite_db)) as session:
        assert authenticate(session, email=user.email, password="yet another password")


def test_ingest_prints_each_new_article_id_and_names_what_a_duplicate_repeats(
    sqlite_db: str, tmp_path: Path
) -> None:
    with Session(get_engine(sqlite_db)) as session:
        email = make_user(session).email
    story = tmp_path / "story.txt"
    story.write_text("Boats sink\n\nOfficials said 1200 boats sank on Monday.\n")
    first = factcheck(sqlite_db, "ingest", str(story), "--user", email)
    assert f"{story}: article 1 (“Boats sink”)" in first.stdout
    again = factcheck(sqlite_db, "ingest", str(story), "--user", email)
    assert f"{story}: a duplicate of article 1 (“Boats sink”)" in again.stdout
    table = factcheck(sqlite_db, "claims").stdout
    assert " 1200 " in table and "1200.0" not in table


def test_claimreview_warns_when_the_organisation_is_not_configured(sqlite_db: str) -> None:
    with Session(get_engine(sqlite_db)) as session:
        email = make_user(session, role=Role.EDITOR).email
    out = factcheck(sqlite_db, "export", "--format", "claimreview", "--user", email)
    assert out.returncode == 0, out.stderr
    assert "FACTCHECK_ORG_NAME, FACTCHECK_ORG_URL, FACTCHECK_PUBLIC_URL are not set" in out.stderr


def test_a_setting_that_does_not_parse_is_refused_by_name(sqlite_db: str) -> None:
    env = {**os.environ, "FACTCHECK_DATABASE_URL": sqlite_db, "FACTCHECK_MAX_TEXT_CHARS": "300k"}
    out = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "claims"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 1
    assert out.stderr.strip() == (
        "Error: FACTCHECK_MAX_TEXT_CHARS=300k is not allowed: give a whole number above 0, "
        "digits only (e.g. 300000); fix or unset it."
    )


def test_claims_json_and_the_json_export_agree_on_every_shared_field(db_url: str) -> None:
    from factcheck.claim_json import FIELDS

    with Session(get_engine(db_url)) as session:
        editor = make_user(session, role=Role.EDITOR)
        make_article(session, by=editor)
        email = editor.email
    listed = json.loads(factcheck(db_url, "claims", "--format", "json").stdout)
    exported = json.loads(factcheck(db_url, "export", "--format", "json", "--user", email).stdout)
    assert [list(c) for c in listed] == [list(FIELDS)] * 3  # the documented shape, in order
    assert [{k: c[k] for k in FIELDS} for c in exported] == listed
    assert listed[0]["article_title"].startswith("Floods")
