"""Plain-text cleaning: drop the page furniture that scrapers and copy-paste bring along.

Dropped: share and logo lines ("Share on:", "Facebook Logo X Logo"), interface labels
("Category Link", "Advertisement"), any line that repeats an earlier one (a headline printed
twice), and the outlet's self-promotional blurb at the end ("… is your trusted news hub …").
Nothing inside a kept line is rewritten, so every clean character maps back to the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# (clean_start, source_start, length): a run of characters copied unchanged.
Piece = tuple[int, int, int]

_LINE = re.compile(r"[^\n]*\n?")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")

# A row of "<Name> Logo" / "<Name> Icon" alt texts, as left behind by image buttons.
_LOGO_ROW = re.compile(r"^(?:\s*(?:[A-Z0-9][\w/&.+'-]*\s+){1,3}(?:Logo|Icon|logo|icon)s?)+\s*$")
# A short interface label ending in a widget word: "Category Link", "Play Button".
_WIDGET_LABEL = re.compile(r"^(?:[A-Z][\w'-]*\s+){1,2}(?:Link|Button|Icon|Logo|Banner)s?\d*$")
_SHARE = re.compile(
    r"^(?:share|share (?:this|on|via|the|article|story|post|page)(?: \w+)?|"
    r"follow us(?: on)?(?: \w+)?|like us on \w+|"
    r"(?:read|see) (?:more|also)|also read|related(?: articles| stories| news)?|"
    r"more stories|advertisement|sponsored(?: content)?|skip to (?:main )?content|"
    r"subscribe(?: now)?|sign up(?: now)?|newsletter|comments?|tags?)\s*:?$",
    re.IGNORECASE,
)
_SOCIAL_WORDS = (
    "facebook twitter x whatsapp linkedin telegram reddit pinterest tumblr instagram youtube "
    "tiktok threads mastodon bluesky messenger email e-mail mail print copy link share on via "
    "logo icon"
)
_SOCIAL = frozenset(_SOCIAL_WORDS.split())
_BLURB_MARKS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\byour (?:trusted|reliable|go-to|one-stop|premier|daily|favou?rite|number one|"
        r"window|gateway|source|destination)\b",
        r"\bstay (?:well[- ])?(?:informed|updated|tuned|connected|ahead)\b",
        r"\b(?:news|media|information) (?:hub|portal|platform|website|destination)\b",
        r"\bbreaking news\b",
        r"\b(?:subscribe|sign up|follow us|download (?:our|the) app)\b",
        r"\ball rights reserved\b|©|\bcopyright\b",
        r"\b[a-z0-9][a-z0-9-]+\.(?:com|net|org|in|info|news|io|co\.uk|co\.in)\b",
        r"\b(?:delivering|bringing you|brings you|keeping you)\b",
        r"\bin-depth (?:analys[ie]s|coverage|reporting|stories)\b",
    )
)
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_MD_RULE_OR_IMAGE = re.compile(r"^\s*(?:(?:[-*_][ \t]*){3,}|!\[[^\]]*\]\([^)]*\))\s*$")
_MIN_BLURB_MARKS = 2
_MAX_TRAILING_BLURBS = 3


FURNITURE = "share buttons, logos and labels"
REPEATED = "repeated lines and paragraphs"
BLURB = "the outlet's closing blurb"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Clean text, where each of its characters came from, and what was dropped and why."""

    text: str
    pieces: tuple[Piece, ...]
    removed: tuple[tuple[str, int], ...] = ()  # (FURNITURE/REPEATED/BLURB, characters)

    def source_offset(self, i: int) -> int:
        """The offset in the source of the clean text's character ``i``."""
        if not 0 <= i < len(self.text):
            raise IndexError(f"offset {i} is outside the clean text (length {len(self.text)})")
        k = bisect_right(self.pieces, i, key=lambda p: p[0]) - 1
        clean_start, source_start, _ = self.pieces[k]
        return source_start + i - clean_start


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first character in the source
    end: int  # after the last kept character (trailing spaces and \r excluded)
    newline: int | None  # offset of its "\n", None on a last line without one
    text: str


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture: share buttons, logos, interface labels."""
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return False
    if _SHARE.match(stripped) or _LOGO_ROW.match(stripped) or _WIDGET_LABEL.match(stripped):
        return True
    words = [w.lower() for w in _WORD.findall(stripped)]
    return bool(words) and all(w in _SOCIAL for w in words) and not _SENTENCE_END.search(stripped)


def is_blurb(paragraph: str) -> bool:
    """True for an outlet's description of itself, as printed under its articles."""
    return sum(1 for mark in _BLURB_MARKS if mark.search(paragraph)) >= _MIN_BLURB_MARKS


def _lines(source: str, markdown: bool) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(source):
        start, stop = match.span()
        if start == stop:
            break
        has_newline = source[stop - 1] == "\n"
        body = source[start : stop - 1 if has_newline else stop].rstrip()
        end = start + len(body)
        if markdown:
            if _MD_RULE_OR_IMAGE.match(body):
                body = ""
            elif heading := _MD_HEADING.match(body):
                start += heading.end()
                body = body[heading.end() :]
        lines.append(_Line(start, end, stop - 1 if has_newline else None, body))
    return lines


def _key(line: str) -> str:
    return " ".join(_WORD.findall(line.casefold()))


def _kept_lines(lines: list[_Line], removed: dict[str, int]) -> list[int]:
    seen: set[str] = set()
    kept = []
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        if is_furniture(line.text):
            removed[FURNITURE] += len(line.text)
            continue
        key = _key(line.text)
        if key in seen and len(key.split()) >= 2:
            removed[REPEATED] += len(line.text)
            continue
        seen.add(key)
        kept.append(i)
    return kept


def _paragraphs(lines: list[_Line], kept: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in kept:
        if groups and not _blank_between(lines, groups[-1][-1], i):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _blank_between(lines: list[_Line], a: int, b: int) -> bool:
    return any(not lines[j].text.strip() for j in range(a + 1, b))


def _drop_trailing_blurbs(
    lines: list[_Line], groups: list[list[int]], removed: dict[str, int]
) -> list[list[int]]:
    dropped = 0
    while len(groups) > 1 and dropped < _MAX_TRAILING_BLURBS:
        if not is_blurb(" ".join(lines[i].text for i in groups[-1])):
            break
        removed[BLURB] += sum(len(lines[i].text) for i in groups[-1])
        groups = groups[:-1]
        dropped += 1
    return groups


def clean_text(source: str, *, markdown: bool = False) -> Cleaned:
    """The source without page furniture, repeated lines and a trailing outlet blurb.

    With ``markdown``, heading marks, rules and image-only lines go too.
    """
    lines = _lines(source, markdown)
    removed = dict.fromkeys((FURNITURE, REPEATED, BLURB), 0)
    groups = _drop_trailing_blurbs(lines, _paragraphs(lines, _kept_lines(lines, removed)), removed)
    kept = [i for group in groups for i in group]
    parts: list[str] = []
    pieces: list[Piece] = []
    length = 0

    def copy(start: int, end: int) -> None:
        nonlocal length
        if end <= start:
            return
        last = pieces[-1] if pieces else None
        if last and last[0] + last[2] == length and last[1] + last[2] == start:
            pieces[-1] = (last[0], last[1], last[2] + end - start)
        else:
            pieces.append((length, start, end - start))
        parts.append(source[start:end])
        length += end - start

    for n, i in enumerate(kept):
        line = lines[i]
        if n:
            before = lines[kept[n - 1]]
            assert before.newline is not None  # a later line follows it
            copy(before.newline, before.newline + 1)
            if _blank_between(lines, kept[n - 1], i):
                above = lines[i - 1]  # blank or dropped; its "\n" makes the paragraph break
                assert above.newline is not None
                copy(above.newline, above.newline + 1)
        copy(line.start, line.end)
    dropped = tuple((why, n) for why, n in removed.items() if n)
    return Cleaned(text="".join(parts), pieces=tuple(pieces), removed=dropped)
