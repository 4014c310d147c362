"""Loaders: pasted text, uploaded files and web pages → a Document with clean text.

HTML goes through trafilatura for the main content and metadata; trafilatura only ever sees
a string. Pages are fetched by ``factcheck.urls.fetch`` (public addresses only, bounded in
time and memory); this module only checks what came back.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import PurePath

import httpx
import trafilatura

from factcheck.articles import check_text
from factcheck.errors import BadInput, FetchFailed
from factcheck.ingest.clean import clean_text
from factcheck.ingest.document import Document
from factcheck.settings import settings
from factcheck.urls import fetch, too_big

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)
_MAX_TITLE = 300
_MIN_PAGE_WORDS = 8  # less than this from a page is a menu or a paywall, not an article


def from_text(
    text: str, *, title: str | None = None, source: str = "The text", as_pasted: bool = False
) -> Document:
    """A Document from pasted plain text; BadInput when it is empty, binary or huge.

    ``as_pasted`` keeps the text exactly as given (no furniture, repeats or blurb dropped).
    """
    if as_pasted:
        check_text(text, source=source)
        kept = text.removeprefix("\ufeff")
        return Document(text=kept, title=title or _first_line(kept))
    return _plain(text, title=title, source=source, markdown=False)


def _plain(text: str, *, title: str | None, source: str, markdown: bool) -> Document:
    check_text(text, source=source)
    cleaned = clean_text(text.removeprefix("\ufeff"), markdown=markdown)
    clean = cleaned.text
    if not clean.strip():
        raise BadInput(f"{source} has no article text once share buttons and logos are removed.")
    return Document(text=clean, title=title or _first_line(clean), removed=cleaned.removed)


def _first_line(text: str) -> str | None:
    line = text.strip().split("\n", 1)[0].strip()
    return line if 0 < len(line) <= _MAX_TITLE else None


def from_file(name: str, data: bytes) -> Document:
    """A Document from an uploaded .txt, .md or .html file; BadInput for anything else."""
    suffix = PurePath(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        raise BadInput(f"{name} is a PDF; copy its text into a .txt file or paste it instead.")
    if suffix not in SUPPORTED:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise BadInput(f"{name} is {kind}; give a .txt, .md or .html file.")
    if b"\x00" in data[:65536]:
        raise BadInput(f"{name} looks like binary data, not text; give a .txt, .md or .html file.")
    text = _decode(data, "utf-8", name)
    if suffix in HTML_SUFFIXES:
        return from_html(text, source=name)
    return _plain(text, title=None, source=name, markdown=suffix != ".txt")


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError):
        raise BadInput(
            f"{source} is not valid {encoding} text; save it as UTF-8 and try again."
        ) from None


def from_html(html: str, *, url: str | None = None, source: str = "The page") -> Document:
    """A Document from an HTML page: its main text, title, author, date and site name."""
    _check_page(html, source)
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
        },
    )
    text = getattr(found, "text", None) or ""
    clean = clean_text(text).text if text else ""
    if len(clean.split()) < _MIN_PAGE_WORDS:
        found_words = f" (only {clean.strip()!r})" if clean.strip() else ""
        raise BadInput(
            f"{source} has no article text that could be extracted{found_words}; "
            "copy the article's text and paste it instead."
        )
    check_text(clean, source=source)
    lang = _LANG.search(html[:5000].encode("utf-8", "replace"))
    return Document(
        text=clean,
        title=_short(getattr(found, "title", None)) or _first_line(clean),
        url=url,
        author=_short(getattr(found, "author", None)),
        published_at=parse_date(getattr(found, "date", None)),
        site_name=_short(getattr(found, "sitename", None)),
        language=lang.group(1).decode().lower() if lang else "en",
    )


def _check_page(html: str, source: str) -> None:
    # A page is much longer than its article: its cap is the fetch cap, not the text limit.
    cap = settings().fetch_max_bytes
    if not html.strip():
        raise BadInput(f"{source} is empty; give a page with an article on it.")
    if len(html) > cap:
        raise BadInput(
            f"{source} has {len(html):,} characters, over the page limit of {cap:,}; "
            "save the article text to a file or raise FACTCHECK_FETCH_MAX_BYTES."
        )
    if "\x00" in html:
        raise BadInput(f"{source} looks like binary data, not a web page.")


def _short(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text[:_MAX_TITLE] or None


def parse_date(value: str | None) -> datetime | None:
    """An ISO date or date-time as timezone-aware UTC (a date alone means midnight UTC)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def from_url(url: str) -> Document:
    """Fetch a web page (HTML or plain text) and load it; FetchFailed says what went wrong."""
    page = fetch(url, accept=_check_response)
    mime, charset = _content_type(page.content_type)
    if mime in _HTML_TYPES:
        meta = _META_CHARSET.search(page.data[:4096])
        encoding = charset or (meta.group(1).decode() if meta else "utf-8")
        return from_html(_decode(page.data, encoding, url), url=page.url, source=url)
    text = _decode(page.data, charset or "utf-8", url)
    return _plain(text, title=None, source=url, markdown=mime == "text/markdown")


def _content_type(header: str) -> tuple[str, str | None]:
    mime = header.split(";", 1)[0].strip().lower()
    charset = re.search(r"charset=[\"']?([\w-]+)", header, re.IGNORECASE)
    return mime, charset.group(1) if charset else None


def _check_response(url: str, response: httpx.Response) -> None:
    cap = settings().fetch_max_bytes
    if response.status_code >= 400:
        reason = response.reason_phrase or "error"
        hint = "check the address" if response.status_code < 500 else "try again later"
        raise FetchFailed(
            f"{url} answered {response.status_code} {reason}; {hint} (nothing was stored)."
        )
    mime, _ = _content_type(response.headers.get("content-type", ""))
    if mime not in _HTML_TYPES | _TEXT_TYPES:
        shown = mime or "no content type"
        raise FetchFailed(
            f"{url} is {shown}, not a web page or text; give the address of an article page."
        )
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > cap:
        raise FetchFailed(too_big(url, int(length), cap))
