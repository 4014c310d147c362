"""Small wordings the HTML and Markdown reports share: numbers, dates, links, reviewers."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from factcheck.reports.data import ReportClaim


def number(value: float) -> str:
    """A number as a reader writes it: 3,400 or 2.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def number_text(claim: ReportClaim) -> str:
    """The claim's figure with qualifier, range and unit, e.g. 'at least 3,400 people'."""
    if claim.value is None and claim.lower is None:
        return ""
    if claim.lower is not None and claim.upper is not None and claim.lower != claim.upper:
        figure = f"{number(claim.lower)}–{number(claim.upper)}"
    else:
        figure = number(claim.value if claim.value is not None else claim.lower or 0.0)
    return " ".join(part for part in (claim.qualifier, figure, claim.unit) if part)


def day(moment: datetime | None) -> str:
    """A date as YYYY-MM-DD, or an empty string."""
    return f"{moment:%Y-%m-%d}" if moment else ""


def minute(moment: datetime) -> str:
    """A moment to the minute, in UTC."""
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def web_link(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address, else None (never a script link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def reviewer_text(claim: ReportClaim) -> tuple[str, str]:
    """Who set the claim's current status and when; 'not reviewed yet' for open claims."""
    if claim.last_change is None:
        return ("not reviewed yet", "")
    return (claim.last_change.by, day(claim.last_change.at))


def speaker_text(claim: ReportClaim) -> str:
    """The speaker, or a word on why there is none."""
    if claim.speaker:
        return claim.speaker
    return "unnamed" if not claim.speaker_resolved else ""
