"""Find quotations: straight and curly marks, partial quotes, and quotes never closed."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .cues import CUE
from .sentences import Sentence

_DOUBLE = re.compile(r"[\"“”]")
_SINGLE = re.compile(r"[‘’']")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")
_MAX_SINGLE = 300  # a longer 'quote' is two apostrophes, not a quotation


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words: [start, end) is the content without its marks; closed is False if unclosed."""

    start: int
    end: int
    mark: int  # where the opening mark stands
    closed: bool
    stop: int  # just after the closing mark (or the content's end when unclosed)


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """Say whether the mark at i opens, closes, or could do either."""
    mark = text[i]
    if mark in "“‘":
        return "open"
    if mark in "”":
        return "close"
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and a trailing comma or colon from a quotation's content."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _unclosed_end(
    text: str, mark: int, stop: int, sentences: Sequence[Sentence], ends: list[int]
) -> int:
    """End an unclosed quote with its sentence, going on while the next ones look quoted too.

    ends: the sentences' ends, to start at the quote's own sentence without walking to it.
    """
    end = stop
    for sentence in sentences[bisect_right(ends, mark) :]:
        if sentence.start > mark:
            chunk = text[sentence.start : sentence.end]
            if _DOUBLE.search(chunk) or CUE.search(chunk):
                break  # narration or another quotation begins here
        end = min(sentence.end, stop)
        if end >= stop:
            break
    return end


def _doubles(text: str, para: Sequence[Sentence]) -> list[Quote]:
    lo, hi = para[0].start, para[-1].end
    ends = [s.end for s in para]
    quotes: list[Quote] = []
    opened: int | None = None
    for match in _DOUBLE.finditer(text, lo, hi):
        i = match.start()
        role = _role(text, i, lo, hi)
        if opened is None:
            if role != "close":
                opened = i
            continue
        if role == "open":
            end = _unclosed_end(text, opened, i, para, ends)
            quotes.append(Quote(*_content(text, opened + 1, end), opened, False, end))
            opened = i
            continue
        quotes.append(Quote(*_content(text, opened + 1, i), opened, True, i + 1))
        opened = None
    if opened is not None:
        end = _unclosed_end(text, opened, hi, para, ends)
        quotes.append(Quote(*_content(text, opened + 1, end), opened, False, end))
    return quotes


def _singles(text: str, sentence: Sentence, inside: list[Quote]) -> list[Quote]:
    """Pair 'single' quotation marks within one sentence, ignoring apostrophes."""
    quotes: list[Quote] = []
    opened: int | None = None
    for match in _SINGLE.finditer(text, sentence.start, sentence.end):
        i = match.start()
        if any(q.mark <= i < q.end + 1 for q in inside):
            continue
        before = text[i - 1] if i > sentence.start else " "
        after = text[i + 1] if i + 1 < sentence.end else " "
        if opened is None:
            if before in _OPEN_BEFORE and after.isalpha():
                opened = i
        elif not before.isspace() and not after.isalnum():
            if i - opened < _MAX_SINGLE:
                quotes.append(Quote(*_content(text, opened + 1, i), opened, True, i + 1))
            opened = None
    return quotes


def find_quotes(text: str, sentences: Sequence[Sentence]) -> list[Quote]:
    """Return every quotation in text, in order; content spans exclude the marks."""
    quotes: list[Quote] = []
    para: list[Sentence] = []
    for sentence in [*sentences, None]:
        if para and (sentence is None or sentence.para != para[-1].para):
            doubles = _doubles(text, para)
            quotes.extend(doubles)
            for member in para:
                if "'" in text[member.start : member.end] or "‘" in text[member.start : member.end]:
                    quotes.extend(_singles(text, member, doubles))
            para = []
        if sentence is not None:
            para.append(sentence)
    quotes = [q for q in quotes if q.end > q.start]
    quotes.sort(key=lambda q: q.start)
    return quotes
