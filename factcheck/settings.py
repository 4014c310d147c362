"""Settings read from the environment, each with a default that works out of the box.

Parsed by pydantic-settings: a value that does not parse ("300k" for a number) is refused
with the variable's name and what it takes, never silently replaced by the default.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import re
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from factcheck.errors import BadInput

PREFIX = "FACTCHECK_"
DEFAULT_DATABASE_URL = "sqlite:///db/factcheck.db"
DEFAULT_ORG_NAME = "factcheck newsroom"
DEFAULT_ORG_URL = "https://example.org/"
DEFAULT_PUBLIC_URL = "http://localhost:8501"

Positive = Annotated[int, Field(gt=0)]

# A host name as DNS spells it: dot-separated labels of letters, digits and inner hyphens
# (one ending in a digit would be a mistyped address: no top-level domain is numeric).
_HOST_NAME = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*")


class Settings(BaseSettings):
    """What an operator can tune; read with ``settings()``. Each field is FACTCHECK_<NAME>."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL  # the database (SQLite file or PostgreSQL URL)
    max_text_chars: Positive = 1_000_000  # longest article text accepted
    max_note_chars: Positive = 10_000  # longest note or evidence comment
    fetch_timeout: Positive = 15  # seconds a whole URL fetch may take
    fetch_max_bytes: Positive = 5_000_000  # largest page fetched
    fetch_allow: str = ""  # private hosts and networks fetched anyway (see factcheck.urls)
    grouping: bool = True  # group claims across articles at ingest (0 = off)
    two_person_rule: bool = True  # editors' verdicts need a second editor, until a desk decides
    login_days: Positive = 14  # a browser stays logged in this long (unless it logs out)
    org_name: str = ""  # the fact-checking organisation, for ClaimReview
    org_url: str = ""  # its home page
    public_url: str = ""  # where the app is reachable, for links in reports

    @field_validator("fetch_allow")
    @classmethod
    def _hosts_and_networks(cls, raw: str) -> str:
        # A typo ("10.0.0.0/33", "intranet:8080", a URL) must not pass as a name that never
        # matches: the operator would believe a site is allowed (or a network refused).
        for entry in (part.strip().lower() for part in raw.split(",")):
            if not entry:
                continue
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                name = entry.rstrip(".")
                if len(name) > 253 or not _HOST_NAME.fullmatch(name) or name[-1].isdigit():
                    raise ValueError(
                        f"{entry!r} is neither a host name (intranet.example) nor a network "
                        "(10.0.0.0/8); separate entries with commas"
                    ) from None
        return raw

    @property
    def fetch_timeout_s(self) -> int:
        """Seconds a whole URL fetch may take."""
        return self.fetch_timeout

    @property
    def publisher(self) -> tuple[str, str, str]:
        """(organisation name, its URL, the app's public URL), with placeholders when unset."""
        return (
            self.org_name.strip() or DEFAULT_ORG_NAME,
            self.org_url.strip() or DEFAULT_ORG_URL,
            self.public_url.strip() or DEFAULT_PUBLIC_URL,
        )

    def unset_publisher(self) -> list[str]:
        """The ClaimReview variables left unset (their placeholders end up in the markup)."""
        fields = {"org_name": self.org_name, "org_url": self.org_url, "public_url": self.public_url}
        return [PREFIX + name.upper() for name, value in fields.items() if not value.strip()]


def settings() -> Settings:
    """The current settings: the FACTCHECK_* environment as it is now, parsed once per
    distinct environment (tests and benchmarks change it; ingest reads it on every commit,
    and parsing costs about a millisecond).

    BadInput names the first variable that does not parse and what it takes.
    """
    return _parsed(
        tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(PREFIX)))
    )


@functools.lru_cache(maxsize=16)
def _parsed(environment: tuple[tuple[str, str], ...]) -> Settings:
    # ``environment`` is only the cache key: Settings reads the same variables itself. A
    # refusal raises, so it is never cached and is reported again on the next call.
    del environment
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = PREFIX + str(error["loc"][0]).upper() if error["loc"] else PREFIX
        given = error.get("input")
        raise BadInput(
            f"{name}={given!s} is not allowed: {_allowed(error['type'], error['msg'])}; "
            f"fix or unset it."
        ) from None


def _allowed(kind: str, message: str) -> str:
    if kind in ("int_parsing", "int_from_float", "greater_than"):
        return "give a whole number above 0, digits only (e.g. 300000)"
    if kind == "value_error":  # our own validators' sentences, as written
        return message.removeprefix("Value error, ")
    return message.lower()


def publisher_warning() -> str | None:
    """A warning that ClaimReview uses placeholders, naming the variables to set; else None."""
    unset = settings().unset_publisher()
    if not unset:
        return None
    return (
        f"{', '.join(unset)} {'is' if len(unset) == 1 else 'are'} not set: ClaimReview markup "
        f"names placeholders ({DEFAULT_ORG_NAME!r}, {DEFAULT_ORG_URL}, {DEFAULT_PUBLIC_URL}) "
        "until you set them."
    )
