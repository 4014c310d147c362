"""Read units of measurement and currencies after a number, from the lexicon's tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import alternation
from .lexicon.currencies import CURRENCIES, by_surface
from .lexicon.units import UNITS, Unit, calendar_words

CURRENCY_SYMBOLS = by_surface()


def _surfaces() -> list[tuple[Unit, str]]:
    """Every written form of every unit, and every currency's words as currency units."""
    pairs = [(unit, form) for unit in UNITS for form in unit.forms]
    for currency in CURRENCIES:
        unit = Unit(currency.code, "currency")
        pairs.extend((unit, word) for word in currency.words)
    return pairs


_EXACT: dict[str, Unit] = {}
_WORDS: dict[str, Unit] = {}
for _unit, _surface in _surfaces():
    is_word = len(_surface) > 3 and _surface.islower() or " " in _surface
    (_WORDS if is_word else _EXACT)[_surface.lower() if is_word else _surface] = _unit


def _alternation() -> str:
    """Unit words in any case first, then abbreviations and symbols as written."""
    return rf"(?i:{alternation(_WORDS, ignore_case=True)})|{alternation(_EXACT)}"


_UNIT = re.compile(rf"(?:{_alternation()})(?![A-Za-z])")
_PREFIX = re.compile(r"(?i:(square|sq\.?|cubic|cu\.?)\s)")
_POWER = re.compile(r"\^?([23])(?![\d.])|([²³])|\s(squared|cubed)\b")
_INVERSE = re.compile(r"[-−]1(?!\d)")
# "a year earlier", "a week ago" say when, not how often: no rate ("₱23 a year ago").
NOT_RELATIVE = r"(?!\s+(?:ago|earlier|later|before|previously)\b)"
_PER = re.compile(
    rf"\s?/\s?|\s+per\s+|\s+an?\s+(?=(?:{alternation(calendar_words())})\b{NOT_RELATIVE})"
)
# "in" means inches only where no noun phrase follows: "2 in thick", "2 in." (not "two in my car").
_INCH_CONTEXT = re.compile(r"(?=\s*(?:$|[.,;:)\]]|thick|long|wide|tall|high|deep|across|in diam))")

# Singular unit words that read as one unit after "a"/"an": "a gallon", "a kibibyte".
ARTICLE_UNITS = tuple(
    sorted(
        (s for s, u in _WORDS.items() if u.article and not s.endswith(("s", "feet", "pence"))),
        key=len,
        reverse=True,
    )
)


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit read after a number: where it ends, its name, kind and days per unit."""

    end: int
    name: str
    kind: str
    days: float | None

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(self, end: int, name: str, kind: str, days: float | None) -> None:
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "days", days)


_SPACES = re.compile(r"\s+")


def lookup(surface: str) -> Unit | None:
    """Return the unit written as surface, if it is one."""
    return _EXACT.get(surface) or _WORDS.get(_SPACES.sub(" ", surface.lower()))


def _simple(text: str, pos: int) -> tuple[int, Unit, str] | None:
    """Read one unit with its square/cubic prefix or power at pos."""
    power = ""
    prefix = _PREFIX.match(text, pos)
    if prefix:
        power = "square " if prefix.group(1).lower().startswith("s") else "cubic "
        pos = prefix.end()
    match = _UNIT.match(text, pos)
    if match is None:
        return None
    unit = lookup(match.group())
    if unit is None:
        return None
    end = match.end()
    if suffix := _POWER.match(text, end):
        found = suffix.group(1) or suffix.group(2) or suffix.group(3)
        power = "square " if found in ("2", "²", "squared") else "cubic "
        end = suffix.end()
    elif inverse := _INVERSE.match(text, end):
        return inverse.end(), unit, "inverse "
    return end, unit, power


def read_unit(text: str, pos: int, *, words: bool = False) -> UnitMatch | None:
    """Read the unit right at pos (one space allowed before it); words: the number was a word."""
    start = pos + 1 if text.startswith((" ", "\u00a0"), pos) else pos
    first = _simple(text, start)
    if first is None:
        return None
    end, unit, power = first
    surface = text[start:end]
    if surface == "in" and (words or not _INCH_CONTEXT.match(text, end)):
        return None
    if surface in ("am", "pm") and words:
        return None
    name = power + unit.name
    days = unit.days if not power else None
    per = read_per(text, end)
    if per is not None:
        end, per_name = per
        name, days = f"{name} per {per_name}", None
    return UnitMatch(end, name, unit.kind, days)


def read_per(text: str, pos: int) -> tuple[int, str] | None:
    """Read "/hour", " per kg" or "/m^2 per year" after a quantity; None when absent."""
    names: list[str] = []
    end = pos
    for _ in range(2):
        sep = _PER.match(text, end)
        if sep is None:
            break
        part = _simple(text, sep.end())
        if part is None:
            break
        end = part[0]
        names.append(part[2] + part[1].name)
    return (end, " per ".join(names)) if names else None
