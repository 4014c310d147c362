"""Loaders: pasted text, files and web pages (served from 127.0.0.1, never the internet)."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from factcheck.errors import BadInput, FetchFailed
from factcheck.ingest import Document, from_file, from_html, from_text, from_url, load
from tests.localsite import LOCAL, closed_port, serving

PAGE = """<!doctype html>
<html lang="en"><head>
<title>Bridge inspection finds 14 cracked girders | Fenwick Chronicle</title>
<meta property="og:title" content="Bridge inspection finds 14 cracked girders">
<meta property="og:site_name" content="Fenwick Chronicle">
<meta name="author" content="Tamsin Oyelaran">
<meta property="article:published_time" content="2024-05-14T09:15:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Bridge inspection finds 14 cracked girders</h1>
<p>Inspectors found 14 cracked girders under the Fenwick road bridge during a three-day survey
that ended on Sunday, the county highways department said on Monday.</p>
<p>The bridge carries about 18,000 vehicles a day. It will close to lorries heavier than
7.5 tonnes from next week, according to the department's chief engineer, Wendell Apakura.</p>
<p>"Nobody is in danger today, but we cannot wait for the next winter," Apakura said.</p>
<p>Repairs are expected to cost between 2 and 3 million pounds and to take at least six
months, the department estimated in its report to the county council.</p>
</article>
<div class="share">Share on: Facebook Twitter WhatsApp</div>
<footer>Copyright 2024 Fenwick Chronicle. All rights reserved.</footer>
</body></html>"""

PLAIN = "Ferries resume\n\nShare on:\n\nThe ferry to Lark Island carried 212 people on Friday.\n"


class Pages(BaseHTTPRequestHandler):
    """A tiny site: an article, a redirect to it, errors, an image and an oversized page."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path
        if path == "/news/bridge":
            self.reply(200, "text/html; charset=utf-8", PAGE.encode())
        elif path == "/b/42":
            self.send_response(301)
            self.send_header("Location", "/news/bridge")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/plain":
            self.reply(200, "text/plain; charset=utf-8", PLAIN.encode())
        elif path == "/gone":
            self.reply(404, "text/html", b"<h1>Not here</h1>")
        elif path == "/broken":
            self.reply(503, "text/html", b"<h1>Down for maintenance</h1>")
        elif path == "/logo.png":
            self.reply(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        elif path == "/big":
            self.reply(200, "text/html", b"<p>" + b"word " * 2000 + b"</p>")
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
            self.close_connection = True
        elif path == "/slow":
            time.sleep(1.5)
            self.reply(200, "text/html", PAGE.encode())
        else:
            self.reply(404, "text/plain", b"no such page")

    def reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up first: that is what the timeout test wants.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output quiet."""


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The base URL of the local test site (allowed explicitly: it is not public)."""
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", LOCAL)
    with serving(Pages) as url:
        yield url


# --- pasted text and files


def test_pasted_text_is_cleaned_and_titled_by_its_first_line() -> None:
    doc = from_text(PLAIN)
    assert doc.text == "Ferries resume\n\nThe ferry to Lark Island carried 212 people on Friday."
    assert doc.title == "Ferries resume"
    assert doc.published_at is None and doc.url is None


def test_a_given_title_wins() -> None:
    assert from_text(PLAIN, title="Lark Island ferry").title == "Lark Island ferry"


def test_text_and_markdown_files_load() -> None:
    assert from_file("ferry.txt", PLAIN.encode()).text.startswith("Ferries resume\n\nThe ferry")
    md = from_file("ferry.md", b"\xef\xbb\xbf# Ferries resume\n\nThe ferry sailed at 7.\n")
    assert md.text == "Ferries resume\n\nThe ferry sailed at 7."
    assert md.title == "Ferries resume"


def test_an_html_file_gives_main_text_and_metadata() -> None:
    doc = from_file("bridge.HTML", PAGE.encode())
    check_bridge_page(doc)
    assert doc.url is None


def check_bridge_page(doc: Document) -> None:
    assert doc.title == "Bridge inspection finds 14 cracked girders"
    assert doc.author == "Tamsin Oyelaran"
    assert doc.site_name == "Fenwick Chronicle"
    assert doc.published_at == datetime(2024, 5, 14, 7, 15, tzinfo=UTC)
    assert doc.language == "en"
    assert "Inspectors found 14 cracked girders" in doc.text
    assert '"Nobody is in danger today, but we cannot wait for the next winter,"' in doc.text
    for chrome in ("Home", "Sport", "Share on", "All rights reserved"):
        assert chrome not in doc.text


BAD_FILES = [
    ("empty.txt", b"", "is empty"),
    ("blank.md", b"  \n\n\t\n", "is empty"),
    ("share.txt", b"Share on:\n\nFacebook Logo X Logo\n", "no article text"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
    ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF"),
    ("renamed.txt", b"%PDF-1.4\n1 0 obj", "is a PDF"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "a .png file"),
    ("notes.docx", b"PK\x03\x04", "a .docx file"),
    ("README", b"Some words.", "without an extension"),
    ("dump.txt", b"text\x00\x01\x02binary", "binary"),
    ("controls.txt", bytes(range(1, 9)) * 50, "binary"),
    ("latin1.txt", "Café au lait coûte 3 €".encode("cp1252"), "not valid utf-8"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
def test_bad_files_are_refused_with_a_clear_message(name: str, data: bytes, message: str) -> None:
    with pytest.raises(BadInput) as refused:
        from_file(name, data)
    assert message in str(refused.value)
    assert str(refused.value).startswith(name)


def test_a_text_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_TEXT_CHARS", "500")
    with pytest.raises(BadInput, match=r"huge.txt has 600 characters, over the limit of 500"):
        from_file("huge.txt", b"x" * 600)
    with pytest.raises(BadInput, match=r"FACTCHECK_MAX_TEXT_CHARS"):
        from_text("y " * 300)


# --- URLs


def test_an_article_page_is_fetched_with_its_metadata(site: str) -> None:
    doc = from_url(f"{site}/news/bridge")
    check_bridge_page(doc)
    assert doc.url == f"{site}/news/bridge"


def test_redirects_are_followed_and_the_final_address_kept(site: str) -> None:
    doc = from_url(f"{site}/b/42")
    assert doc.url == f"{site}/news/bridge"
    assert "Inspectors found 14 cracked girders" in doc.text


def test_a_plain_text_page_is_cleaned_like_pasted_text(site: str) -> None:
    assert from_url(f"{site}/plain").text == from_text(PLAIN).text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gone", "answered 404 Not Found; check the address"),
        ("/broken", "answered 503 Service Unavailable; try again later"),
        ("/logo.png", "is image/png, not a web page or text"),
        ("/big", "is 10,007 bytes, over the limit of 2,000 bytes"),
        ("/big-unannounced", "is larger than the limit of 2,000 bytes"),
    ],
)
def test_fetch_failures_say_what_went_wrong(
    site: str, path: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_MAX_BYTES", "2000")
    with pytest.raises(FetchFailed) as failed:
        from_url(site + path)
    assert message in str(failed.value)
    assert str(failed.value).startswith(site + path)


def test_a_slow_page_times_out(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_TIMEOUT", "1")
    with pytest.raises(FetchFailed, match=r"did not answer within 1 s"):
        from_url(f"{site}/slow")


def test_an_unreachable_host_is_a_clear_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", LOCAL)  # allowed, so the closed port shows
    url = f"http://127.0.0.1:{closed_port()}/story"
    with pytest.raises(FetchFailed, match=r"could not be reached .*check the address"):
        from_url(url)


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "example.org/a"])
def test_only_web_addresses_are_fetched(url: str) -> None:
    with pytest.raises(FetchFailed, match=r"is not a web address"):
        from_url(url)


def test_an_html_page_over_the_page_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_MAX_BYTES", "1000")
    with pytest.raises(BadInput, match=r"bridge.html has [\d,]+ characters, over the page limit"):
        from_file("bridge.html", PAGE.encode())


def test_a_file_far_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_TEXT_CHARS", "100")
    monkeypatch.setenv("FACTCHECK_FETCH_MAX_BYTES", "100")
    path = tmp_path / "dump.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(BadInput, match=r"dump.txt is 5,000 bytes, far over the limit of 100"):
        load(str(path))


def test_trafilatura_never_fetches_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura tried to fetch a page")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    doc = from_html(PAGE, url="https://fenwick-chronicle.example/bridge")
    check_bridge_page(doc)
    assert doc.url == "https://fenwick-chronicle.example/bridge"
