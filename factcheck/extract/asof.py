"""The date a figure holds at: "as of Wednesday", "by the end of January", "since October 7".

Dates stay context, never claims. A numeric claim records the date phrase of its clause that
stands nearest to it, or None when its clause gives none:
- a lead phrase ("as of", "by the end of", "since" …) counts only within the figure's own
  clause: a comma, semicolon, colon, bracket or dash between them ends it, except the comma
  right after a phrase that opens the clause ("As of Friday, 12 roads were closed");
- "since" after a superlative belongs to the superlative ("their lowest since March 2020");
- a level's own date follows it: "rose to 44 on Wednesday", "up from 7,950 a year earlier",
  "at 31 per cent of capacity this morning"; a sentence that opens with a date gives it to
  the level it states ("Last year it was 380,000");
- a total after "N of" holds no date of its own ("14 of 52 wards … as of Thursday");
- "now" beside a figure dates it ("now 81", "closer to 18 per cent now");
- a "when" clause after a date holds at that date: "the worst since 1997, when 58 miners
  died", "in March 2019, when floods displaced 4,000" (the date, without its lead).
"""

from __future__ import annotations

import re

from .lexicon import alternation, first_letter_check
from .lexicon.dates import (
    AS_OF_LEADS,
    DATE_OPENERS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NOT_SUPERLATIVES,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from .lexicon.numbers import CHANGE_WORDS, FRACTION_WORDS, NUMBER_WORDS, QUALIFIED

# "Dec. 31" keeps its dot; "the end of June." does not take the sentence's full stop.
_MONTH = rf"(?:{alternation(MONTHS | MONTH_ABBREVIATIONS)})(?:\.(?=\s*\d))?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d\b|midday|noon|midnight"
_PERIOD = r"(?:week|weekend|month|year|quarter)"
_DATE = (
    rf"(?:{alternation(WEEKDAYS)})(?:\s+(?:{alternation(PARTS_OF_DAY)}))?"
    rf"|{_MONTH}(?:\s+{_DAY}(?![\d,.]\d))?(?:,?\s+\d{{4}}\b)?"
    rf"|{_DAY}\s+{_MONTH}(?:\s+\d{{4}}\b)?"
    r"|(?:(?:early|late|mid)[\s-]+)?(?:1[89]|2[01])\d{2}\b(?![\d,.]\d)"
    rf"|today|yesterday|tonight|then\b"
    # a time of day, maybe with its day: "noon on Wednesday", "6 p.m. on 12 March"
    rf"|(?:{_CLOCK})(?:\s+on\s+(?:{alternation(WEEKDAYS)}|{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY}))?"
    rf"|(?:this|last)\s+(?:{_PERIOD}|{alternation(PARTS_OF_DAY)})\b"
    rf"|the\s+(?:{alternation(PARTS_OF_DAY)}|weekend)\b"
    rf"|the\s+(?:start|beginning|end|middle)\s+of\s+(?:(?:the\s+)?{_PERIOD}\b|{_MONTH}"
    r"(?:\s+\d{4})?|\d{4}\b)"
)
_AS_OF = re.compile(
    rf"\b{first_letter_check(AS_OF_LEADS, ignore_case=True)}"
    rf"(?i:{alternation(AS_OF_LEADS, ignore_case=True)})\s+(?:{_DATE})"
)
# Pattern: On WEEKDAY (PART OF DAY)? | In MONTH (YEAR)? | In YEAR, opening a sentence before
# a comma: the day, month or year the whole sentence is set at ("On Friday, 412 people were
# evacuated", "In 2019, 412 were killed"). Inside a clause, "killed on Monday" dates an event,
# which some labelled sets call an as-of date and others do not: left out.
_ON_IN = re.compile(
    rf"(?:On\s+(?:{alternation(WEEKDAYS)})(?:\s+(?:{alternation(PARTS_OF_DAY)}))?"
    rf"|In\s+(?:{_MONTH}(?:\s+\d{{4}})?|(?:1[89]|2[01])\d{{2}})\b(?![\d,.]\d))"
)
# Pattern: so far | (in|during)? the (financial)? year (to|ended|ending) MONTH (DAY)? — date
# phrases that stand without a lead: "nine have so far tested positive", "in the year to
# October". ("last year", "this year" are left out: labelled sets disagree on them.)
_LEADLESS = re.compile(
    r"\bso\s+far\b"
    rf"|\b(?:(?i:in|during)\s+)?the\s+(?:financial\s+)?year\s+(?:to|ended|ending)\s+{_MONTH}"
    rf"(?:\s+{_DAY}\b)?"
)
# Pattern: last night | yesterday (PART OF DAY)? — the day before the article's, named without
# a lead ("at 22:00 last night the brigade put the toll at 7"); "yesterday's" names an event,
# not a date. ("overnight" is left out: "an overnight attack", "overnight lows".)
_RELATIVE = re.compile(
    rf"\b(?:(?i:last)\s+night|(?i:yesterday)(?:\s+(?:{alternation(PARTS_OF_DAY)}))?)\b(?![’']s)"
)
_RELATIVE_WORDS = ("night", "yesterday", "Yesterday")
# A superlative just before "since …": "the strongest in the region since 1999".
_SUPERLATIVE = re.compile(r"\b(first|record|most|least|worst|best|[a-z]{2,}est)\b[^,;.]{0,40}$")
# Where a figure's clause ends, between it and a date phrase.
# ", with N …" goes on with the clause's own time ("at 22:00 last night the toll stood at 7,
# with 4 workers unaccounted for").
_BREAK = re.compile(
    r",(?!\d)(?!\s+with\b)|[;:()\[\]—–]|\s-\s|\b(?:which|who|whom|whose|when|where|while|whereas)\b"
)
# A date phrase opens its clause when nothing of the clause comes before it.
_OPENS = re.compile(r"(?:[,;:(—–]|\s-|\band)\s*$")
_AND = re.compile(r"\b(?:and|but|or)\b")
# A level: what a figure rose or fell to, an earlier level it is compared with, a copula's.
_LEVEL_BEFORE = re.compile(
    rf"(?:\b(?:up|down|higher|lower)\s+from|\bfrom|\b(?:{alternation(CHANGE_WORDS)})\s+to|"
    r"\breached|\bstood\s+at|\bwas|\bwere|\bis|\bare|\bat)\s+"
    rf"{QUALIFIED}$"
)
_LEVEL_DATE = re.compile(
    rf"(?:\s+[\w'’-]+){{0,3}}?\s+((?:a|one)\s+(?:{_PERIOD}|day|decade)\s+(?:earlier|ago|before)"
    rf"|the\s+(?:{_PERIOD}|day)\s+before|in\s+(?:{_MONTH}(?:\s+\d{{4}})?|\d{{4}}\b|the\s+"
    rf"(?:first|second|third|fourth|last|previous)\s+(?:quarter|half))|on\s+(?:{alternation(WEEKDAYS)})"
    rf"|at\s+(?:{_CLOCK})|last\s+(?:{_PERIOD}|night)|this\s+(?:{alternation(PARTS_OF_DAY)})"
    rf"|from\s+{_MONTH}\s+{_DAY}|yesterday|today)\b"
)
_OPENING_DATE = re.compile(
    rf"(?:Last\s+{_PERIOD}|In\s+(?:{_MONTH}(?:\s+\d{{4}})?|\d{{4}})|On\s+(?:{alternation(WEEKDAYS)})"
    rf"|This\s+(?:{_PERIOD}|{alternation(PARTS_OF_DAY)}))\b"
)
_TOTAL_BEFORE = re.compile(
    rf"\b(?:\d[\d,.]*|(?i:{alternation(NUMBER_WORDS | set(FRACTION_WORDS))}))\s+of\s+"
    r"(?:(?:the|its|their|his|her|all)\s+)?"
    r"(?:[\w-]+['’]s\s+)?(?:usual\s+|remaining\s+)?$"
)
_FROM_BEFORE = re.compile(rf"\bfrom\s+{QUALIFIED}$")
_NOW_BEFORE = re.compile(rf"\bnow\s+(?:[a-z]+\s+){{0,2}}{QUALIFIED}$")
_NOW_AFTER = re.compile(r"(?:\s+[\w'’-]+)?\s+(now)\b")
# A date just before ", when": the when clause's figures hold at that date.
_WHEN = re.compile(r"\bwhen\b")
_DATE_BEFORE_WHEN = re.compile(rf"({_DATE}),?\s+$")


def date_phrases(text: str, start: int, end: int, *, leads: bool = True) -> list[tuple[int, int]]:
    """Spans of the "as of" date phrases between start and end (one sentence); leads=False
    when the sentence holds no word of AS_OF_LEADS (only phrases without one are looked for)."""
    spans: list[tuple[int, int]] = []
    for match in _AS_OF.finditer(text, start, end) if leads else ():
        superlative = _SUPERLATIVE.search(text, max(start, match.start() - 50), match.start())
        since = match.group().lower().startswith("since")
        if since and superlative and superlative.group(1) not in NOT_SUPERLATIVES:
            continue  # "their lowest since March 2020": no date of a figure
        spans.append(match.span())
    opening = _ON_IN.match(text, start) if text.startswith(DATE_OPENERS, start) else None
    if opening and text.startswith(",", opening.end()):
        spans.insert(0, opening.span())  # "On Friday, 412 …", "In 2019, 412 …": the sentence
    if text.find("far", start, end) >= 0 or text.find("year", start, end) >= 0:
        spans.extend(m.span() for m in _LEADLESS.finditer(text, start, end))
        spans.sort()
    if any(text.find(w, start, end) >= 0 for w in _RELATIVE_WORDS):
        spans = sorted({*spans, *(m.span() for m in _RELATIVE.finditer(text, start, end))})
    return spans


def as_of(
    text: str, phrases: list[tuple[int, int]], start: int, end: int, sentence: int
) -> tuple[int, int] | None:
    """The span of the date the figure at [start, end) holds at, if its clause gives one."""
    before = text[max(sentence, start - 60) : start]
    level = _LEVEL_BEFORE.search(before, max(0, len(before) - 32)) is not None
    if (
        level
        and (own := _LEVEL_DATE.match(text, end))
        and not _BREAK.search(text, end, own.start(1))
    ):
        return own.span(1)  # "rose to 44 on Wednesday", "up from 7,950 a year earlier"
    total = " of " in before and _TOTAL_BEFORE.search(before)
    if total or "from" in before and _FROM_BEFORE.search(before):
        return None  # "14 of 52 wards", "from NOK 7.9bn": a total or an earlier level
    opening = _OPENING_DATE.match(text, sentence) if level else None
    if opening and not _BREAK.search(text, opening.end(), start):
        return opening.span()  # "Last year it was 380,000"
    near = [p for p in phrases if _same_clause(text, p, start, end, sentence)]
    if near:
        return min(near, key=lambda p: p[0] - end if p[0] >= end else start - p[1])
    if "when" in before and (when := _when_date(text, start, sentence)):
        return when
    if "now" in before and (now := _NOW_BEFORE.search(before)):
        return start - len(before) + now.start(), start - len(before) + now.start() + 3
    if "now" not in text[end : end + 40]:
        return None
    if (now := _NOW_AFTER.match(text, end)) and not _BREAK.search(text, end, now.start(1)):
        return now.span(1)
    return None


def _same_clause(text: str, phrase: tuple[int, int], start: int, end: int, sentence: int) -> bool:
    """Tell whether nothing but words of one clause lies between a phrase and a figure.

    A phrase that opens its clause may have a comma after it ("As of Friday, 12 roads …");
    one inside a clause before the figure dates nothing after an "and" ("owed X as of June
    and had borrowed Y").
    """
    if phrase[0] >= end:
        return not _BREAK.search(text, end, phrase[0])
    between = text[phrase[1] : start]
    opens = not text[sentence : phrase[0]].strip()  # the sentence opens with the phrase
    if opens or _OPENS.search(text, max(sentence, phrase[0] - 10), phrase[0]):
        return not _BREAK.search(between.lstrip(" ").removeprefix(","))
    return not _BREAK.search(between) and not _AND.search(between)


def _when_date(text: str, start: int, sentence: int) -> tuple[int, int] | None:
    """The date a "when" clause holding the figure at start is introduced by, if any."""
    lo = max(sentence, start - 80)
    whens = list(_WHEN.finditer(text, lo, start))
    if not whens or _BREAK.search(text, whens[-1].end(), start):
        return None  # no "when" opens the figure's clause
    date = _DATE_BEFORE_WHEN.search(text, max(sentence, whens[-1].start() - 40), whens[-1].start())
    if date is None or date.group(1).lower() == "then":
        return None  # "since then, when …" names no date
    return date.span(1)
