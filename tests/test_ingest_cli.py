"""`factcheck ingest` on both databases: folders with progress and a summary, refusals, crashes."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.db import get_engine
from factcheck.extract import extract_claims
from factcheck.models import Article, Claim, Event, User
from tests.factories import count, make_user
from tests.ingest_articles import write_articles
from tests.localsite import LOCAL

REPO = Path(__file__).resolve().parents[1]

STORY = (
    "Library reopens after flood repairs\n\n"
    "The Hallam Street library reopened on Saturday after repairs that cost 640,000 pounds, "
    "the city council said. More than 3,000 books were lost, according to head librarian "
    'Okello Brandt, who said the new shelves were "built to sit above the water line".\n'
)


@pytest.fixture
def user(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[User]:
    """A reviewer on a fresh database that the CLI is pointed at."""
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", db_url)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        yield make_user(session)


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.output


def totals(db_url: str) -> tuple[int, int, int]:
    """Articles, claims and ingest events stored."""
    with Session(get_engine(db_url)) as session:
        events = session.exec(select(Event).where(Event.action == "article.ingest")).all()
        return count(session, Article), count(session, Claim), len(events)


def test_a_folder_is_ingested_with_progress_and_a_summary(
    user: User, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "desk"
    paths = write_articles(folder, 4, seed=3)
    (folder / "batch00" / "copy-of-first.txt").write_bytes(paths[0].read_bytes())
    (folder / "batch00" / "garbled.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / ".hidden.txt").write_text("A draft nobody should ingest.", encoding="utf-8")
    expected = sum(len(extract_claims(_stored_text(p))) for p in paths)

    code, out = run("ingest", str(folder), "--user", user.email, "--outlet", "Desk Wire")

    assert code == 1  # one file was refused
    assert "Ingesting" in out and "6/6" in out
    assert (
        f"Added 4 articles with {expected:,} claims" in out and "; 1 duplicate; 1 refused." in out
    )
    assert "Skipped 1 file in folders that are not .htm, .html, .markdown, .md, .txt." in out
    garbled = folder / "batch00" / "garbled.txt"
    assert f"Refused (nothing was stored from these):\n  - {garbled} looks like binary data" in out
    assert totals(db_url) == (4, expected, 4)


def _stored_text(path: Path) -> str:
    from factcheck.ingest import from_file

    return from_file(path.name, path.read_bytes()).text


def test_one_file_prints_its_article_id_and_the_summary(
    user: User, db_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "library.txt"
    path.write_text(STORY, encoding="utf-8")
    claims = len(extract_claims(STORY.strip()))
    code, out = run("ingest", str(path), "--user", user.email)
    assert code == 0
    first, summary = out.strip().splitlines()
    assert first.startswith(f"{path}: article 1 (") and first.endswith(f"{claims:,} claims.")
    assert summary.startswith(f"Added 1 article with {claims:,} claim")
    assert "0 duplicates; 0 refused." in out and "Ingesting" not in out
    code, out = run("ingest", str(path), "--user", user.email)
    assert code == 0 and "Added 0 articles" in out and "1 duplicate;" in out
    assert totals(db_url)[0] == 1


def test_standard_input_is_read_with_a_dash(user: User, db_url: str) -> None:
    code, out = run("ingest", "-", "--user", user.email, stdin=STORY)
    assert code == 0 and "Added 1 article" in out
    with Session(get_engine(db_url)) as session:
        article = session.exec(select(Article)).one()
        assert article.title == "Library reopens after flood repairs"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


BAD_SOURCES = [
    ("empty.txt", b"", "is empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("cp1252.txt", "Déjà vu: 3 € per loaf".encode("cp1252"), "not valid utf-8"),
    ("huge.txt", b"word " * 400, "over the limit of 1,000"),
    ("slides.pdf", b"%PDF-1.5\n", "is a PDF"),
    ("missing.txt", None, "is no file, folder or web address"),
    ("URL", None, "could not be reached"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_SOURCES)
def test_bad_input_gets_a_clear_message_and_writes_nothing(
    user: User,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes | None,
    message: str,
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_TEXT_CHARS", "1000")
    source = str(tmp_path / name)
    if name == "URL":
        monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", LOCAL)  # a closed port, not a refused host
        source = f"http://127.0.0.1:{closed_port()}/story"
    elif data is not None:
        Path(source).write_bytes(data)
    code, out = run("ingest", source, "--user", user.email)
    assert code == 1
    assert "Added 0 articles with 0 claims" in out and "1 refused." in out
    assert f"\n  - {source}" in out and message in out
    assert totals(db_url) == (0, 0, 0)


def test_an_unknown_user_is_refused(user: User, db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "library.txt"
    path.write_text(STORY, encoding="utf-8")
    code, out = run("ingest", str(path), "--user", "nobody@newsroom.test")
    assert code == 1 and "nobody@newsroom.test" in out
    assert totals(db_url) == (0, 0, 0)


def test_a_killed_folder_ingest_leaves_no_half_article(sqlite_db: str, tmp_path: Path) -> None:
    with Session(get_engine(sqlite_db), expire_on_commit=False) as session:
        email = make_user(session).email
    folder = tmp_path / "many"
    write_articles(folder, 400, seed=11)
    database = sqlite_db.removeprefix("sqlite:///")
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "FACTCHECK_DATABASE_URL": sqlite_db, "PYTHONPATH": path}
    command = [sys.executable, "-m", "factcheck.cli", "ingest", str(folder), "--user", email]
    log = tmp_path / "ingest.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while _stored(database) < 20 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, log.read_text(errors="replace")[-2000:]

    with Session(get_engine(sqlite_db)) as session:
        articles = session.exec(select(Article)).all()
        assert 20 <= len(articles) < 400
        for article in articles:
            stored = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
            found = extract_claims(article.text)
            assert sorted((c.start, c.end, c.kind.value) for c in stored) == sorted(
                (f.start, f.end, f.kind) for f in found
            )
        events = session.exec(select(Event).where(Event.action == "article.ingest")).all()
        assert sorted(e.entity_id or 0 for e in events) == sorted(a.id or 0 for a in articles)


def _stored(database: str) -> int:
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)) as conn:
        row = conn.execute("SELECT count(*) FROM article").fetchone()
    return int(row[0])


@pytest.mark.parametrize("allow", ["10.0.0.0/33", "intranet:8080", "http://wiki.example", "*"])
def test_a_mistyped_allow_list_is_refused_by_name_and_nothing_is_fetched(
    user: User, db_url: str, allow: str
) -> None:
    # A typo must not read as a host name that never matches: the operator would believe the
    # intranet site is allowed, or that a network is.
    setting = f"127.0.0.1/32, {allow}"
    out = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "ingest", "http://127.0.0.1:9/story"]
        + ["--user", user.email],
        capture_output=True,
        text=True,
        env={**os.environ, "FACTCHECK_FETCH_ALLOW": setting},
        timeout=120,
        check=False,
    )
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip() == (
        f"Error: FACTCHECK_FETCH_ALLOW={setting} is not allowed: {allow!r} is neither a host "
        "name (intranet.example) nor a network (10.0.0.0/8); separate entries with commas; "
        "fix or unset it."
    )
    assert totals(db_url) == (0, 0, 0)
