"""What a loader hands over: the clean text of one article and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Document:
    """One article ready to store: clean text (claim spans point into it) and metadata."""

    text: str
    title: str | None = None
    url: str | None = None  # where it was fetched from, after redirects
    author: str | None = None
    published_at: datetime | None = None  # timezone-aware UTC
    site_name: str | None = None  # the outlet, when the page names it
    language: str = "en"
    removed: tuple[tuple[str, int], ...] = ()  # what cleaning dropped: (why, characters)
