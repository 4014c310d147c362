"""The date a figure holds at: "as of Wednesday", "by the end of January", "since October 7".

Dates stay context, never claims; a numeric claim records the date phrase of its sentence that
stands nearest to it, or None when the sentence gives none.
"""

from __future__ import annotations

import re

from .lexicon import alternation
from .lexicon.dates import AS_OF_LEADS, MONTH_ABBREVIATIONS, MONTHS, PARTS_OF_DAY, WEEKDAYS

_MONTH = rf"(?:{alternation(MONTHS | MONTH_ABBREVIATIONS)})\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{alternation(WEEKDAYS)})(?:\s+(?:{alternation(PARTS_OF_DAY)}))?"
    rf"|{_MONTH}(?:\s+{_DAY}(?![\d,.]\d))?(?:,?\s+\d{{4}}\b)?"
    rf"|{_DAY}\s+{_MONTH}(?:\s+\d{{4}}\b)?"
    r"|(?:(?:early|late|mid)[\s-]+)?(?:1[89]|2[01])\d{2}\b(?![\d,.]\d)"
    r"|today|yesterday|tonight|(?:this|last)\s+(?:week|weekend|month|year|quarter)"
    r"|the\s+(?:start|beginning|end|middle)\s+of\s+(?:the\s+)?(?:week|month|year|quarter)"
)
_AS_OF = re.compile(rf"\b(?i:{alternation(AS_OF_LEADS, ignore_case=True)})\s+(?:{_DATE})")


def date_phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the "as of" date phrases between start and end (one sentence)."""
    return [m.span() for m in _AS_OF.finditer(text, start, end)]


def nearest(phrases: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The phrase closest to the figure at [start, end), if any."""
    if not phrases:
        return None
    return min(phrases, key=lambda p: p[0] - end if p[0] >= end else max(0, start - p[1]))
