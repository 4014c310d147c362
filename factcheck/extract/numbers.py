"""Read one number at a position: digits, fractions, scientific notation or English words."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .lexicon import alternation
from .lexicon.numbers import (
    FRACTION_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_LETTERS,
    SCALE_WORDS,
    SMALL_WORDS,
)

_SCIENTIFIC = re.compile(
    r"(\d{1,30}(?:\.\d{1,30})?)\s?[x×]\s?(\d+)(?:\^([-−]?\d+)|([-−]\d+))(?![\d.])"
)
_E_NOTATION = re.compile(r"(\d{1,30}(?:\.\d{1,30})?)[eE]([-+−]?\d+)(?![\w])")
_MIXED = re.compile(r"(\d{1,30})(?: |-)(\d{1,3})/(\d{1,3})(?![\d/])")
_FRACTION = re.compile(r"(\d{1,3})/(\d{1,3})(?![\d/])")
_VULGAR = re.compile(r"(\d{0,30})([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
# Bounded repeats: at most seven digit groups and 30 digits, so that a long run of digits
# ("123,123,123,…") is refused once instead of read again from every position in it.
_DIGITS = re.compile(
    r"(?:\d{1,3}(?:,\d{3}){1,7}(?!,\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,7}(?![\d,])"
    r"|\d{1,30}(?!,\d{3}))(?:\.\d{1,30})?(?!\d)|\.\d{1,30}(?!\d)"
)
# What every number but plain digits has after its leading digits: a times sign, an exponent,
# a slash or a glyph. A number without one is read by _DIGITS alone, the other five patterns
# (each of which needs one of these) left untried.
_NOT_PLAIN = re.compile(r"\d{0,30}(?:\.\d{1,30})?(?:\s?[x×]|[eE]|[ -]\d{1,3}/|/|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
_WORD = re.compile(r"[A-Za-z]+")
_JOINER = re.compile(r" ?, ?| ?& ?| +|-")

VULGAR_VALUES = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
# Denominators seen in real fractions; "9/11" or "24/7" are names and slogans, not fractions.
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64, 100})


@dataclass(frozen=True, slots=True)
class Core:
    """A bare number read from the text: where it ends, its value and how it was written."""

    start: int
    end: int
    value: float
    form: str  # "digits" | "words" | "fraction" | "scientific"
    plain: bool = False  # an integer written with digits only ("1979", not "1,979" or "2.5")

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(self, start: int, end: int, value: float, form: str, plain: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "form", form)
        object.__setattr__(self, "plain", plain)


def finite(value: float) -> float | None:
    """Return value when it is a usable finite number, else None."""
    return value if math.isfinite(value) and abs(value) < 1e300 else None


_OF_A_SCALE = re.compile(rf"\s+of\s+an?\s+((?i:{alternation(SCALE_WORDS, ignore_case=True)}))\b")
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
# A scale after a number: a word ("1.5 million"), an abbreviation ("$3bn") or a letter glued
# to it ("$3m", "12k"; whether a letter is a scale there is the caller's to decide).
SCALE_AFTER = re.compile(
    rf"\s?(?P<word>(?i:{alternation(SCALE_WORDS, ignore_case=True)}))\b"
    rf"|\s?(?P<abbr>{alternation(SCALE_ABBREVIATIONS)})\b"
    r"|(?P<tight>[mbMBTkK])(?![\w])"
)
_SCALE_VALUES = SCALE_WORDS | SCALE_ABBREVIATIONS | SCALE_LETTERS


def scale_value(scale: re.Match[str]) -> float:
    """The factor a SCALE_AFTER match stands for ("million": 1e6, "bn": 1e9, "k": 1e3)."""
    return _SCALE_VALUES[(scale["word"] or scale["abbr"] or scale["tight"]).lower()]


def digits_value(raw: str) -> float | None:
    """Parse "1,200", "10 000" or "2.5" into a float; None when it does not fit a float."""
    cleaned = _SEPARATORS.sub("", raw)
    try:
        return finite(float(cleaned))
    except (ValueError, OverflowError):
        return None


def _power(mantissa: str, base: str, exponent: str) -> float | None:
    try:
        exp = int(exponent.replace("−", "-"))
        if abs(exp) > 300:
            return None
        if base == "10":  # exact decimal: 2.48e-05, not 2.4800000000000003e-05
            return finite(float(f"{mantissa}e{exp}"))
        return finite(float(mantissa) * float(int(base)) ** exp)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None


def _fraction(numerator: str, denominator: str) -> float | None:
    top, bottom = int(numerator), int(denominator)
    if bottom not in _DENOMINATORS or not 0 < top < bottom:
        return None
    return top / bottom


def read_symbolic(text: str, pos: int) -> Core | None:
    """Read a number written with digits or fraction glyphs starting exactly at pos."""
    if _NOT_PLAIN.match(text, pos) is None:
        return _read_digits(text, pos)
    return _read_any_form(text, pos)


def _read_digits(text: str, pos: int) -> Core | None:
    if match := _DIGITS.match(text, pos):
        written = match.group()
        plain = written.isdigit()  # no separator to take out: float() reads it as it is
        value = finite(float(written)) if plain else digits_value(written)
        if value is None:
            return None
        return Core(pos, match.end(), value, "digits", plain)
    return None


def _read_any_form(text: str, pos: int) -> Core | None:
    """Read scientific notation, a fraction, a glyph or else plain digits at pos."""
    if match := _SCIENTIFIC.match(text, pos):
        mantissa, base, caret, minus = match.groups()
        if caret is not None or base == "10":
            value = _power(mantissa, base, caret if caret is not None else minus)
            return None if value is None else Core(pos, match.end(), value, "scientific")
    if match := _E_NOTATION.match(text, pos):
        value = _power(match.group(1), "10", match.group(2).replace("+", ""))
        return None if value is None else Core(pos, match.end(), value, "scientific")
    if match := _MIXED.match(text, pos):
        part = _fraction(match.group(2), match.group(3))
        whole = digits_value(match.group(1))
        if part is not None and whole is not None:
            return Core(pos, match.end(), whole + part, "fraction")
    if match := _FRACTION.match(text, pos):
        part = _fraction(match.group(1), match.group(2))
        return None if part is None else Core(pos, match.end(), part, "fraction")
    if match := _VULGAR.match(text, pos):
        whole = digits_value(match.group(1)) if match.group(1) else 0.0
        if whole is None:
            return None
        return Core(pos, match.end(), whole + VULGAR_VALUES[match.group(2)], "fraction")
    return _read_digits(text, pos)


@dataclass(slots=True)
class _WordState:
    """Running total while reading "three million, two hundred and forty"."""

    total: float = 0.0
    current: float = 0.0
    last: str = ""  # kind of the last word taken: small, tens, hundred, scale, article
    last_scale: float = math.inf

    @property
    def value(self) -> float:
        return self.total + self.current


def _take(state: _WordState, word: str) -> bool:
    """Add one number word to state; False when the word cannot continue the number."""
    if word in SMALL_WORDS:
        value = SMALL_WORDS[word]
        tens_then_unit = state.last == "tens" and value < 10 and state.current % 10 == 0
        if state.last not in ("", "hundred", "scale", "and") and not tens_then_unit:
            return False
        state.current += value
        state.last = "tens" if value >= 20 else "small"
        return True
    if word == "hundred":
        if state.last not in ("small", "tens", "article"):
            return False
        state.current = (state.current or 1) * 100
        state.last = "hundred"
        return True
    scale = SCALE_WORDS.get(word)
    if scale is None or scale >= state.last_scale:
        return False
    if state.last not in ("small", "tens", "hundred", "article"):
        return False
    state.total += (state.current or 1) * scale
    state.current = 0.0  # a float: compiled (mypyc) slots refuse an int
    state.last, state.last_scale = "scale", float(scale)
    return True


def _words(text: str, pos: int, limit: int = 14) -> list[tuple[str, int, str]]:
    """Return up to limit (word, end, joiner-before) tuples from pos on."""
    out: list[tuple[str, int, str]] = []
    cursor = pos
    joiner = ""
    while len(out) < limit:
        match = _WORD.match(text, cursor)
        if match is None:
            break
        out.append((match.group().lower(), match.end(), joiner))
        sep = _JOINER.match(text, match.end())
        if sep is None:
            break
        joiner = sep.group().strip() or " "
        cursor = sep.end()
    return out


def read_words(text: str, pos: int) -> Core | None:
    """Read a number written in English words at pos ("a hundred and two", "two thirds").

    A fraction of a scale is that share of it: "a quarter of a million" is 250,000.
    """
    core = _read_words(text, pos)
    if core is not None and core.form == "fraction" and (of := _OF_A_SCALE.match(text, core.end)):
        return Core(pos, of.end(), core.value * SCALE_WORDS[of.group(1).lower()], "words")
    return core


def _read_words(text: str, pos: int) -> Core | None:
    tokens = _words(text, pos)
    if not tokens:
        return None
    first = tokens[0][0]
    state = _WordState()
    if first == "half":
        if len(tokens) > 2 and tokens[1][0] == "a" and tokens[2][0] in SCALE_WORDS:
            return Core(pos, tokens[2][1], 0.5 * SCALE_WORDS[tokens[2][0]], "words")
        return Core(pos, tokens[0][1], 0.5, "fraction")
    if first in ("a", "an"):
        second = tokens[1][0] if len(tokens) > 1 else ""
        if second in FRACTION_WORDS and second not in ("fourth", "fourths"):
            return Core(pos, tokens[1][1], 1 / FRACTION_WORDS[second], "fraction")
        if second not in SCALE_WORDS and second != "hundred":
            return None
        state.last = "article"
        tokens = tokens[1:]
    return _read_tokens(tokens, state, pos)


def _read_tokens(tokens: list[tuple[str, int, str]], state: _WordState, pos: int) -> Core | None:
    end = pos
    for i, (word, word_end, joiner) in enumerate(tokens):
        if joiner == "," and state.last != "scale":
            break
        if word == "and":
            if (part := _and_a_part(tokens, i)) and state.last in ("small", "tens"):
                return Core(pos, tokens[i + 2][1], state.value + part, "words")
            if state.last not in ("hundred", "scale"):
                break
            state.last = "and"
            continue
        if joiner == "&":
            if state.last not in ("hundred", "scale"):
                break
            state.last = "and"
        if word in FRACTION_WORDS and state.last in ("small", "tens") and not state.total:
            if state.last == "tens" or joiner == "-" and state.current >= 20:
                return None  # "twenty-fifth" is an ordinal
            return Core(pos, word_end, state.current / FRACTION_WORDS[word], "fraction")
        if not _take(state, word):
            break
        end = word_end
    return None if end == pos else Core(pos, end, state.value, "words")


def _and_a_part(tokens: list[tuple[str, int, str]], i: int) -> float | None:
    """The part in "two and a half", "two and a quarter"; None when no part follows "and"."""
    if i + 2 >= len(tokens) or tokens[i + 1][0] != "a":
        return None
    denominator = FRACTION_WORDS.get(tokens[i + 2][0])
    return 1 / denominator if denominator in (2, 3, 4) else None
