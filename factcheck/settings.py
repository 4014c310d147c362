"""Settings read from the environment, each with a default that works out of the box."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() else default


@dataclass(frozen=True, slots=True)
class Settings:
    """What an operator can tune; read with ``settings()``."""

    max_text_chars: int  # FACTCHECK_MAX_TEXT_CHARS: longest article text accepted
    max_note_chars: int  # FACTCHECK_MAX_NOTE_CHARS: longest note or evidence comment
    fetch_timeout_s: int  # FACTCHECK_FETCH_TIMEOUT: seconds a whole URL fetch may take
    fetch_max_bytes: int  # FACTCHECK_FETCH_MAX_BYTES: largest page fetched
    fetch_allow: str  # FACTCHECK_FETCH_ALLOW: private hosts and networks fetched anyway
    org_name: str  # FACTCHECK_ORG_NAME: the fact-checking organisation, for ClaimReview
    org_url: str  # FACTCHECK_ORG_URL: its home page
    public_url: str  # FACTCHECK_PUBLIC_URL: where the app is reachable, for report links


def settings() -> Settings:
    """The current settings (read each time, so tests can change the environment)."""
    env = os.environ.get
    return Settings(
        max_text_chars=_int("FACTCHECK_MAX_TEXT_CHARS", 1_000_000),
        max_note_chars=_int("FACTCHECK_MAX_NOTE_CHARS", 10_000),
        fetch_timeout_s=_int("FACTCHECK_FETCH_TIMEOUT", 15),
        fetch_max_bytes=_int("FACTCHECK_FETCH_MAX_BYTES", 5_000_000),
        fetch_allow=env("FACTCHECK_FETCH_ALLOW", ""),
        org_name=env("FACTCHECK_ORG_NAME", "") or "factcheck newsroom",
        org_url=env("FACTCHECK_ORG_URL", "") or "https://example.org/",
        public_url=env("FACTCHECK_PUBLIC_URL", "") or "http://localhost:8501",
    )
