"""Find numeric claims: a number with its unit, range, qualifier and what it counts.

Decisions, so that every article is read the same way:
- Claims: counts, money (any currency, "bn"/"m" scales), percentages and percentage points,
  measurements and temperatures, durations (also in days), fractions ("a third of", "half of",
  "two-thirds"), ratios ("one in five" = 0.2), multipliers ("three-fold" = 3 times), ranges
  ("between 250 and 260", "250-260", "from 10 to 12 weeks": lower/upper, value the midpoint),
  and ages ("aged 34", "Name, 34,", "34-year-old", "58 years old": unit year, measure
  "age"). An age is how old someone or something is, not a length of time that passed: it
  keeps its unit and no days, so "Mira Tallis, 9" and "a nine-year-old girl" compare as one
  age and never as a nine-year closure or sentence.
- "a dozen eggs" and "two dozen eggs" are 12 and 24 eggs: a dozen is a number, not a unit.
- Vague plurals "dozens", "scores of", "hundreds", "thousands", "tens of thousands",
  "millions" are claims with value None and the smallest amount they can mean as lower
  (dozens 24, hundreds 200 …): a reviewer can check "dozens were killed". Vaguer words ("a
  handful", "a few", "several", "many") are not claims.
- Context, not claims: dates, years, clock times, weekdays, ordinals, sports scores ("won
  3-1"), list numbers ("1. …"), labels ("No. 3", "page 47", "Article 5", "Terminal 5") and
  names with numbers ("Voyager 2", "Boeing 737", "Windows 11", "F-16", "G7", "COVID-19"). A
  count after a place or time fronted by a preposition is no name's number: "In Varnholt 41
  people were killed" reads as "In Varnholt, 41 people were killed".
- A figure quoted on its own (the group fired "nearly 400" rockets) is read as if unquoted:
  the noun after the closing mark and the verb before the opening one say what it counts. A
  quote holding other words before the figure ("we lost 12") is a statement, closed there.
- A fact box's label that ends in a day named relative to the text ("Hostages released today:
  14", "Still in hospital this morning: 6") counts what the words before the day say: the day
  is when the figure holds, and a label ending in it was read as no measure at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice, takewhile
from string import ascii_letters, ascii_lowercase

from .cues import speech_forms
from .lexicon import alternation, first_letter_check
from .lexicon.currencies import CURRENCIES, MONEY_WORDS
from .lexicon.dates import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAMED_PERIODS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    WEEKDAYS,
)
from .lexicon.grammar import (
    ANAPHORS,
    ANSWER_ENDS,
    AUXILIARIES,
    CLAUSE_OPENER_WORDS,
    COMPARATIVES,
    CONTAINER_NOUNS,
    COORDINATORS,
    COPULAS,
    COST_WORDS,
    FRONTING_PREPOSITIONS,
    LABEL_LAST_WORDS,
    MEASURE_JOINS,
    MEASURE_LINKS,
    MEASURE_STOP_WORDS,
    NOT_COMPOUND_SUFFIXES,
    PLACE_ADVERBS,
    PLACE_PREPOSITIONS,
    RELATIVE_PRONOUNS,
    RESPONSE_OPENERS,
    RESPONSE_VERBS,
    TIME_TAIL_WORDS,
    VERB_OPENERS,
    YEAR_CONTEXT,
)
from .lexicon.measures import (
    AFFECTING_VERBS,
    CANONICAL,
    GENERIC_COUNTED,
    LY_ADJECTIVES,
    NEUTRAL,
    NOT_MEN_PLURALS,
    PASSIVE_VERBS,
    PEOPLE_MEASURES,
    PEOPLE_NOUNS,
    PEOPLE_VERBS,
    PHRASES,
    STANCE_WORDS,
    STATE_VERBS,
)
from .lexicon.numbers import (
    CHANGE_ADVERBS,
    CHANGE_FROM_WORDS,
    CHANGE_WORDS,
    DOZENS,
    DURATION_VERBS,
    FRACTION_WORDS,
    LEVEL_VERBS,
    NUMBER_WORDS,
    QUALIFIED,
    QUALIFIERS,
    QUALIFIERS_KEEP_ONE,
    SCALE_WORDS,
    TALLY_NOUNS,
    VAGUE_LOWER,
    VAGUE_WORDS,
)
from .lexicon.people import DETERMINERS, IRREGULAR_PLURALS
from .lexicon.units import calendar_words
from .lexicon.verbs import IRREGULAR_PAST
from .numbers import SCALE_AFTER, Core, read_symbolic, read_words, scale_value
from .sentences import (
    MAX_CANDIDATES,
    Sentence,
    fold_case,
    letter_runs,
    line_start,
    may_hold,
)
from .units import (
    ARTICLE_UNITS,
    CURRENCY_SYMBOLS,
    NOT_RELATIVE,
    UnitMatch,
    read_per,
    read_unit,
)

_SYMBOLS = [s for c in CURRENCIES for s in c.symbols]
_LETTERS = [p for c in CURRENCIES for p in (*c.prefixes, c.code)]
# Money signs or letters before an amount: "$", "R$", "₦"; "KSh", "Rs.", "NGN " (a space may follow)
_CURRENCY = rf"(?:{alternation(_SYMBOLS)}|\b(?:{alternation(_LETTERS)})\s?)"
_GLYPHS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# Read only inside a lookahead, where the order of the words cannot change what matches.
_ARTICLE_WORDS = (
    [*ARTICLE_UNITS, *calendar_words()]
    + ["hundred", "thousand", "million", "billion", "trillion", "third", "quarter", "half"]
    + ["fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)
_ARTICLE_TARGETS = alternation(_ARTICLE_WORDS, ignore_case=True)
_CANDIDATE_WORDS = sorted(NUMBER_WORDS | {"half"}, key=len, reverse=True)
# Every candidate starts a word or starts with one of these: a cheap first test (the end of a
# word, where no candidate can start, fails it at once).
_FIRSTS = "".join(sorted({re.escape(s[0]) for s in _SYMBOLS + _LETTERS}))
_CANDIDATE_START = rf"(?=\b(?=\w)|[\d.\-−{_FIRSTS}{_GLYPHS}])"
_SYMBOLIC = rf"(?P<cur>{_CURRENCY})?(?P<sign>[-−](?=\.?\d))?(?P<num>\d|\.\d|[{_GLYPHS}])"
_CANDIDATE = re.compile(
    rf"{_CANDIDATE_START}(?:"
    rf"{_SYMBOLIC}"
    rf"|(?P<word>\b{first_letter_check(_CANDIDATE_WORDS, ignore_case=True)}"
    rf"(?i:{alternation(_CANDIDATE_WORDS, ignore_case=True)})\b)"
    rf"|(?P<art>\b(?:[Aa]n?)\s+(?=(?i:{_ARTICLE_TARGETS})\b)))"
)
# Every candidate holds a digit or a glyph, or a number word or (after "a"/"an") one of the
# article's words: a sentence with none of them is not scanned for candidates.
_FIGURE_CHAR = re.compile(rf"[\d{_GLYPHS}]")
_CANDIDATE_VOCABULARY = letter_runs([*_CANDIDATE_WORDS, *_ARTICLE_WORDS])
# In a sentence whose letter runs hold none of that vocabulary only the symbolic branch can
# match, at the places _CANDIDATE matches it: this pattern, tried there instead, does not
# test every word start for a number word (about twice as fast a scan).
_SYMBOLIC_CANDIDATE = re.compile(rf"(?=[\d.\-−{_FIRSTS}{_GLYPHS}]){_SYMBOLIC}")
# "3m people", "1.2m barrels": a plural noun after "m" makes it a million, not metres.
_PLURAL_NOUN_AFTER = re.compile(r" (?:[a-z]+[^s\W]s|people|children|men|women|staff|police)\b")
_ADDRESS = re.compile(
    r" [A-Z][a-z]+ (?:Street|St|Road|Rd|Avenue|Ave|Park|Lane|Drive|Boulevard|Place|Square|Way)\b"
)
_SIGNS = [s for s in _SYMBOLS if len(s) == 1]
_CURRENCY_AFTER = re.compile(
    rf"\s?({alternation(_SIGNS)})|\s({alternation(c.code for c in CURRENCIES)})\b"
)
# Money per thing that is no unit of measurement: "NOK 3.50 per share", "$86 a barrel".
_MONEY_PER = re.compile(
    r"\s+(?:per|a|an)\s+(share|head|person|night|household|barrel|gallon|litre|liter|tonne|ton|"
    rf"kilo|unit|ticket|pupil|patient|{alternation(calendar_words())})\b{NOT_RELATIVE}"
)
_LINE_ITEM = re.compile(
    r"\b(?i:revenue|sales|profit|loss|income|earnings|ebitda|balance|deficit|net|total|"
    r"cash flow|result|margin)s?(?:\s+(?:is|was|were|of|for \w+ \w+))?\s*:?\s*\($"
)
_TEMPERATURE = re.compile(r"°?([CF])(?![\w-])")
_MORE_UNIT = re.compile(r" (?:more|additional|extra|further)(?= )")
# "page 47", "No. 3", "Article 5", "(report 1)": a label, not an amount. Numbered places and
# things ("Ward 7", "Terminal 5", "Highway 12", "Category 4") are labels when capitalised.
_LABEL_BEFORE = re.compile(
    r"\b(?i:no|nos|number|page|pages|pp?|part|chapter|section|article|clause|table|figure|fig|"
    r"item|episode|report|volume|vol|issue|version|step|stage|phase|round|level|grade|room|gate|"
    r"platform|route|flight|channel|paragraph|rule|annex|appendix|exhibit|model|series|incident|"
    r"case|ref|reference|docket|ticket|bus|tram|dial|call|phone|tel|ring|quoting|option)\.?\s*$"
    r"|\b(?:Week|Day|Line|Zone|Ward|Block|Bay|Lot|Row|Term|Year)\s+$"
    r"|\b(?:Terminal|Highway|Interstate|Junction|Exit|Pier|Berth|Dock|Hangar|Unit|Sector|Category|"
    r"Reactor|Building)\s+$"
    r"|\b(?i:codes?|serials?|serial numbers?|batch(?:es)?)(?:\s+(?:from|between|numbered))?\s+$"
    r"|\bthe\s+\d+\s+(?:and|or)\s+the\s+$"
    r"|\b(?i:contact|reach|call|ring|phone|text)\b[^.\d]{0,25}\bon\s+$"
    r"|\b(?i:on|take|took|catch|caught|ride|board|boarded)\s+the\s+(?:\d+\s+(?:and|or)\s+the\s+)?$"
)
# "three in the morning", "2 and 4 a.m." : clock times written without a colon.
_CLOCK_AFTER = re.compile(
    r"\s?(?:[ap]\.m\.|(?i:am|pm)\b|o['’]clock\b)|\s+in\s+the\s+(?:morning|afternoon|evening)\b"
)
# "the 50 and the 86": bus routes, models or rooms named by number, not amounts.
_NAMED_PAIR_AFTER = re.compile(r"\s+(?:and|or)\s+the\s+\d+(?![\d.,]*\d|\s*(?:%|[a-z]))")
# "three years ago", "two years later": when something happened, not how long it lasted.
_RELATIVE_AFTER = re.compile(r"\s+(?:ago|later|earlier|previously|before that|on(?=[,.;]))\b")
# Round-the-clock phrases ("seven days a week", "24 hours a day") say always, not an amount.
_WHOLE_CYCLE = {
    "day per week": 7, "hour per day": 24, "day per year": 365, "week per year": 52,
    "month per year": 12, "hour per week": 168,
}  # fmt: skip
# "at 10.25" after a noun ("our bulletin at 10.25") is a clock time; "closed at 10.25" a level.
_DOT_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_DOT_CLOCK_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:at|from|until|till|by)\s+$")
_DIGITS_BEFORE = re.compile(r"\d[ \u00a0]$")
_HALF_AN = re.compile(r"\s+an?\s+")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")
_LIST_NUMBER_AFTER = re.compile(r"[.)]\s")
# Change verbs before "X to Y": "fell 1.8% to 7,912" is a change and a level, not a range.
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{alternation(CHANGE_WORDS | CHANGE_ADVERBS | {'by'})})\s+(?:\w+\s+)?$"
)
# "a week" is a length after a qualifier or a verb of spending time: "for a week", "took a day".
_DURATION_LEAD = re.compile(
    rf"\b(?i:{alternation([*QUALIFIERS, *DURATION_VERBS], ignore_case=True)})\s+$"
)
_AFTER_TIME = re.compile(r"\s+(?:after|before|of|since|from)\b|['’]s\b")
_TWICE = re.compile(
    rf"\b(?i:(twice|thrice))\b(?:\s+(?:an?|per|every)\s+({alternation(calendar_words())}))?"
)
_TWICE_VOCABULARY = letter_runs(["twice", "thrice"])
_MINUS_BEFORE = re.compile(r"(?<!plus or )(?<!Plus or )\b(?i:minus|negative)\s+$")
_AND = re.compile(r"\s+and\s+")
_RANGED = re.compile(r"\b(?i:rang(?:e|es|ed|ing)|between|vary|varies|varied)\b")
_BY_BEFORE = re.compile(r"\bby\s+(?:\w+\s+)?$")  # "cut by six to eight minutes": a range
# A fraction word is a figure after a change or a qualifier: "cut by a third", "nearly half".
_FRACTION_LEAD = re.compile(
    rf"\b(?:{alternation(CHANGE_WORDS | CHANGE_ADVERBS | {'by', 'than', 'to'})}"
    rf"|{alternation(QUALIFIERS)})\s+$"
)
_VAGUE = re.compile(
    r"\b(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|"
    r"billions|scores(?=\s+of\b)|(?:several|a\s+few)\s+(?:hundred|thousand|million))\b"
)
# Every match of _VAGUE holds one of these words whole: a sentence without one is not read.
_VAGUE_VOCABULARY = letter_runs(VAGUE_WORDS)
_VAGUE_LOWER = VAGUE_LOWER
_AGE_BEFORE = re.compile(
    r"\b(?P<sure>aged|age(?:d| of)?|turn(?:s|ed|ing))\s+$|[A-Z][\w'’.-]+,\s(?:now\s)?$"
    r"|\b(?:I|[Ss]?he)(?:['’][sm]| is| was| am)\s$|\b(?P<name>[A-Z][a-z]+) (?:is|was) $"
)
# What follows an age given with no unit: "MacRae, now 68, told", "She’s 91.", "was 19 when".
# "the bridge is 58 years old": a unit of years with "old" right after it is an age.
_YEARS_OLD = re.compile(r"[ \u00a0]+old\b")
_AGE_AFTER = re.compile(r"[,.;]|\s(?:when|and)\b")
_FIGURE_OF = re.compile(
    r"\b(?:the|its|their|his|her)\s+((?:[\w-]+\s+){0,2}?(?:number|toll|figure|total|count|tally)"
    r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+){0,3}?)?)\s+at\s+(?:\w+\s+){0,2}$"
)
# A word every match of _FIGURE_OF holds: a window without one is not searched.
_FIGURE_NOUN = re.compile(r"number|toll|figure|total|count|tally")
# Pattern: COUNT (NOUN) AUX (STANCE)? (been)? (STANCE)? (ADVERB-ly)? PARTICIPLE — what
# happened to what is counted: "23 soldiers were wounded", "31 are confirmed dead", "12 remain
# missing", "40 people have now been evacuated".
_STANCE = alternation(STANCE_WORDS)
_PASSIVE_AFTER = re.compile(
    rf"\s+(?:were|was|are|is|had|have|has|{alternation(STATE_VERBS)})(?:\s+(?:{_STANCE}))?"
    rf"(?:\s+been)?(?:\s+(?:{_STANCE}))?\s+(?:\w+ly\s+)?([a-z]+)\b"
)
_COST_BEFORE = re.compile(
    rf"\b(cost|costs|costing)\s+(?:the\s+|its\s+|their\s+)?[a-z]+\s+{QUALIFIED}$"
)
_HYPHEN_SUFFIX = re.compile(r"-(?:old|long|wide|high|tall|deep|thick|strong|plus|odd)\b")
_COMPOUND = re.compile(r"-([a-z]{3,})\b(?!-[a-z]+-)")
_OF_PLURAL = re.compile(r"\s+of\s+(?:the|their|its|his|her|our|these|those)\s+[a-z]+[^s\W]s\b")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_DECADE = re.compile(r"'?s\b")
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|(?i:am|pm))(?![A-Za-z])")
_CLOCK_NUMBER = re.compile(r"(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?")
_DATE_OR_CLOCK = re.compile(r"[:/]\d[\d:/.]*")
# A ratio written with a colon: "one doctor per 1:600 residents", "a 1:50,000 map".
_COLON_RATIO = re.compile(r":(\d{1,3}(?:,\d{3}){1,3}|\d{1,7})(?![\d:/.])")
# Nouns after a tally "28-8": a vote or a split, not a sports score ("won 3-1").
_TALLY_AFTER = re.compile(rf"\s+(?:{alternation(TALLY_NOUNS)})\b")
_TALLY_BEFORE = re.compile(r"\b(?:voted|vote\s+of|votes\s+of|split|margin\s+of)\s+$")
_ATTACHED = re.compile(r"[A-Za-z]+")
_MONTH_NAMES = MONTHS | MONTH_ABBREVIATIONS
_MONTH_FORMS = sorted(_MONTH_NAMES | {m.upper() for m in _MONTH_NAMES}, key=len, reverse=True)
_MONTHS = rf"(?:{'|'.join(_MONTH_FORMS)})\.?"
_MONTH_WORD = re.compile(_MONTHS)
_AFTER_MONTH = re.compile(rf"\b{_MONTHS}\s+$")
_BEFORE_MONTH = re.compile(rf"\s+(?:of\s+)?{_MONTHS}\b")
_RANGE_SEP = re.compile(r"-\s+to\s+|\s*[-–—]\s*|\s+(?:to|and|through)\s+")
_PLUS_MINUS = re.compile(r"\s?(?:\+/-|\+-|±)\s?")
# Anchored at the number, so the order of the phrases cannot change what is found.
_QUALIFIER = re.compile(
    rf"\b{first_letter_check(QUALIFIERS, ignore_case=True)}"
    rf"((?i:{alternation(QUALIFIERS, ignore_case=True)}))\s+$"
)
# The last word of each qualifier: _QUALIFIER can only match where the word before the
# spaces that end its window is one of these.
_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in QUALIFIERS)
_AFTER_QUALIFIER = re.compile(r"(?:\s+[a-z]+)?\s+(or more|or so|or fewer|or less)\b|(\+)")
# "over" before a duration means "more than" after these words ("for over a year"), else during.
_MORE_THAN_OVER = re.compile(r"\b(?i:for|of|in|after|took|takes|lasted|last|lasting)\s+over\s+$")
_WITHIN = re.compile(r"\b(?i:within)\s+(?:the\s+)?(?:next\s+|first\s+)?$")
_WORD_AFTER = re.compile(
    r"[ \u00a0]+(?:(of)\s+(?:(?:the|their|its|his|her|our|these|those|all)\s+)?)?"
    r"([A-Za-z][A-Za-z'’-]*)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’.&-]*)[ \u00a0]+$")  # read by _word_before
_WORD_CHARS = ascii_letters + "'’.&-"
_CHANGE_VERB = re.compile(
    rf"\b(?:{alternation(CHANGE_FROM_WORDS | CHANGE_ADVERBS)})\s+(?:\w+\s+)?from\s+{QUALIFIED}$"
)
_CHANGED = LEVEL_VERBS
_TO_BEFORE = re.compile(rf"\bto\s+{QUALIFIED}$")
_TO_LAST_WORDS = _QUALIFIER_LAST_WORDS | {"to"}  # what _TO_BEFORE's window can end with
_FROM_BEFORE = re.compile(rf"\bfrom\s+{QUALIFIED}$")
# How far back the words a figure measures are looked for (its clause, within this reach).
_MEASURE_REACH = 200
_NUMBER_OF = re.compile(r"^(?:number|figure|total|count|tally) of (?=\w)", re.IGNORECASE)
_COPULA_OR_CHANGED = COPULAS | _CHANGED
_LEAD_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]—–“”\"]|\s-\s")
# Pattern: … said|that|if|show CLAUSE — a clause opens after a cue, "that" or a subordinator,
# so what its figure measures never reaches back into the speaker ("Chief Executive Jane Roe
# said sales reached ¥42bn"); a cue with a preposition after it ("estimated at") opens none.
_OPENER_WORDS = speech_forms() - {"according"} | CLAUSE_OPENER_WORDS
_CLAUSE_OPENER = re.compile(
    rf"\b{first_letter_check(_OPENER_WORDS)}(?:{alternation(_OPENER_WORDS)})\b"
    r"(?!\s+(?:at|to|as|by|for|of|on|in|from|with)\b)"
)
_SPEECH_VERBS = speech_forms() | {"according"}
_SPEAKS_AFTER = re.compile(
    r"\s+(?:said|say|says|told|added|warned|estimated|estimates|confirmed|announced|reported)\b"
)
_ARTICLE_LED = re.compile(r"(?i:an?|half)\b")
# Pattern: (a|the) ORDINAL NOUN — "third", "fifth" … before a singular noun count places, not
# shares ("a third day"); "half" and "quarter" stay fractions ("a half hour", "a quarter mile").
_ORDINALS = frozenset(w for w in FRACTION_WORDS if not w.endswith("s")) - {"half", "quarter"}
_NOUN_AFTER = re.compile(r" ([a-z]+)\b(?! of\b)")
_RATIO = re.compile(r"\s+(?:in|out of)\s+(?:every\s+)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A numeric claim before attribution is added."""

    start: int
    end: int
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: str | None
    unit: str | None
    measure: str | None
    days: float | None
    confidence: float

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(
        self,
        start: int,
        end: int,
        value: float | None,
        lower: float | None,
        upper: float | None,
        qualifier: str | None,
        unit: str | None,
        measure: str | None,
        days: float | None,
        confidence: float,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "measure", measure)
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "confidence", confidence)


@dataclass(slots=True)
class _Reading:
    """A number as it is being read: core value, then scale, currency and unit."""

    start: int
    end: int
    core: Core
    value: float
    currency: str | None = None
    unit: UnitMatch | None = None
    compound: str | None = None  # "phase" in "three-phase"
    scaled: bool = False
    article: bool = False
    range: tuple[float, float] | None = None

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(
        self,
        start: int,
        end: int,
        core: Core,
        value: float,
        currency: str | None = None,
        unit: UnitMatch | None = None,
        compound: str | None = None,
        scaled: bool = False,
        article: bool = False,
        range: tuple[float, float] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.core = core
        self.value = value
        self.currency = currency
        self.unit = unit
        self.compound = compound
        self.scaled = scaled
        self.article = article
        self.range = range

    @property
    def unit_name(self) -> str | None:
        if self.currency:
            return f"{self.currency} {self.unit.name}" if self.unit else self.currency
        if self.unit:
            return self.unit.name
        return self.compound

    @property
    def bare(self) -> bool:
        """True for a plain number with nothing attached: no unit, currency or scale."""
        return not (self.currency or self.unit or self.compound or self.scaled)


def find_quantities(text: str, sentences: Iterable[Sentence]) -> list[Quantity]:
    """Return the numeric claims of every sentence, in text order."""
    found: list[Quantity] = []
    for sentence in sentences:
        near = found[-1] if found and sentence.start - found[-1].end < _ANTECEDENT_REACH else None
        found.extend(_in_sentence(text, sentence, near))
    return found


def _in_sentence(text: str, sentence: Sentence, earlier: Quantity | None = None) -> list[Quantity]:
    """The figures of one sentence; earlier is the figure just before it ("nine of them")."""
    out: list[Quantity] = []
    resume = sentence.start
    skip_next = False
    read = 0
    for match in _candidates(text, sentence):
        if match.start() < resume:
            continue  # inside the claim just read
        if read == MAX_CANDIDATES:
            break
        read += 1
        reading, resume = _read_claim(text, match, sentence)
        resume = max(resume, match.end())
        if reading is None:
            continue
        if reading.bare and reading.core.form == "digits" and _next_is_digit(text, reading.end):
            skip_next = True  # "245 23": codes and phone numbers, not quantities
            continue
        digits_before = _DIGITS_BEFORE.search(text, max(0, reading.start - 2), reading.start)
        if skip_next or digits_before:
            skip_next = False
            written = text[reading.core.start : reading.core.end]
            if reading.bare and (reading.core.plain or " " in written or "\u00a0" in written):
                continue  # "0800 555 111": the groups after a phone number's first
        out.append(_finish(text, reading, out, sentence.start, earlier))
    if may_hold(sentence, _VAGUE_VOCABULARY):
        out.extend(_vague(text, sentence, out))
    if may_hold(sentence, _TWICE_VOCABULARY):
        out.extend(_multiples(text, sentence, out))
    if not out:
        return out
    out.sort(key=lambda q: q.start)
    return _mark_negative_amounts(text, out)


def _candidates(text: str, sentence: Sentence) -> Iterator[re.Match[str]]:
    """The candidates of a sentence, scanned by the cheapest pattern that finds them all."""
    if may_hold(sentence, _CANDIDATE_VOCABULARY):
        return _CANDIDATE.finditer(text, sentence.start, sentence.end)
    if _FIGURE_CHAR.search(text, sentence.start, sentence.end) is None:
        return iter(())
    return _SYMBOLIC_CANDIDATE.finditer(text, sentence.start, sentence.end)


def _branch(match: re.Match[str]) -> str | None:
    """Which branch of a candidate matched: "num" (digits or a glyph), "word" or "art"."""
    return match.lastgroup


def _vague(text: str, sentence: Sentence, taken: list[Quantity]) -> list[Quantity]:
    """Read "dozens of", "hundreds", "tens of thousands": value None, lower the least meant."""
    out: list[Quantity] = []
    for match in islice(_VAGUE.finditer(text, sentence.start, sentence.end), MAX_CANDIDATES):
        if any(q.start < match.end() and match.start() < q.end for q in taken):
            continue
        words = match.group().lower().split()
        lower = _VAGUE_LOWER["few" if words[0] == "a" else words[0]]
        if len(words) > 1:  # "tens of thousands", "several hundred"
            lower *= SCALE_WORDS.get(words[-1].rstrip("s"), 100.0)
        core = Core(match.start(), match.end(), lower, "words")
        # read as a bare count: "dozens remain missing" says what it counts as "40 remain" does
        reading = _Reading(match.start(), match.end(), core, lower)
        measure, head = _measure(text, reading, out, sentence.start)
        # "dozens of complaints", "hundreds of trees": counted like any count
        unit = head if head and _is_plural(head) else _counted_unit(text, reading, measure)
        qual = _qualifier(text, match.start(), sentence.start)
        q = Quantity(match.start(), match.end(), None, lower, None, qual, unit, measure, None, 0.5)
        out.append(q)
    return out


def _multiples(text: str, sentence: Sentence, taken: list[Quantity]) -> list[Quantity]:
    """Read "scored twice", "twice the height", "twice an hour": two (or three) times."""
    out: list[Quantity] = []
    for match in islice(_TWICE.finditer(text, sentence.start, sentence.end), MAX_CANDIDATES):
        if any(q.start < match.end() and match.start() < q.end for q in taken):
            continue
        value = 2.0 if match.group(1).lower() == "twice" else 3.0
        per = match.group(2)
        unit = f"times per {per.lower()}" if per else "times"
        core = Core(match.start(), match.start() + len(match.group(1)), value, "words")
        reading = _Reading(match.start(), match.end(), core, value)
        measure, _ = _measure(text, reading, out, sentence.start)
        qual = _qualifier(text, match.start(), sentence.start)
        q = Quantity(match.start(), match.end(), value, None, None, qual, unit, measure, None, 0.6)
        out.append(q)
    return out


_SPACED_DIGIT = re.compile(r"[ \u00a0]+\d")


def _next_is_digit(text: str, end: int) -> bool:
    return bool(_SPACED_DIGIT.match(text[end : end + 3]))


def _read_claim(text: str, match: re.Match[str], sentence: Sentence) -> tuple[_Reading | None, int]:
    """Read a full claim (number, range, ±) at a candidate; return it and where to go on."""
    first = _read_quantity(text, match, sentence)
    if first is None:
        return None, match.end()
    if isinstance(first, int):
        return None, first
    if first.bare and first.core.plain and _is_label(text, first, sentence):
        range_sep = _RANGE_SEP.match(text, first.end)  # "No. 23-1142"
        return None, _past_digits(text, range_sep.end()) if range_sep else first.end
    if _is_clock(text, first) or _is_time_of(text, first):
        return None, first.end
    ratio = _read_ratio(text, first, sentence)
    if ratio is not None:
        return ratio, ratio.end
    ranged = _read_range(text, first, sentence)
    if ranged is not None:
        return ranged
    if (joined := _read_compound_duration(text, first, sentence)) is not None:
        return joined, joined.end
    if _is_context_number(text, first, sentence):
        return None, first.end
    return _read_plus_minus(text, first), first.end


def _is_clock(text: str, reading: _Reading) -> bool:
    """ "three in the morning", "2" in "between 2 and 4 a.m.": clock times, not amounts."""
    if not (reading.bare and reading.core.value.is_integer() and 0 < reading.value <= 12):
        return False
    if _CLOCK_AFTER.match(text, reading.end):
        return True
    sep = _RANGE_SEP.match(text, reading.end)
    second = _CANDIDATE.match(text, sep.end()) if sep else None
    if second is None or _branch(second) == "art":
        return False
    core = read_symbolic(text, second.start()) or read_words(text, second.start())
    return core is not None and bool(_CLOCK_AFTER.match(text, core.end))


def _is_time_of(text: str, reading: _Reading) -> bool:
    """Clock times "at 10.25", "three years ago", "seven days a week": when, not how much."""
    unit = reading.unit
    if unit is not None and unit.kind == "time":
        whole = _WHOLE_CYCLE.get(unit.name)
        return reading.value == whole or bool(_RELATIVE_AFTER.match(text, reading.end))
    if not (reading.bare and _DOT_CLOCK.fullmatch(text, reading.start, reading.end)):
        return False
    before = _DOT_CLOCK_BEFORE.search(text, max(0, reading.start - 40), reading.start)
    if before is None:
        return False
    word = before.group(1).lower()
    return not (word in COPULAS or word in MEASURE_LINKS or word.endswith(("ed", "s", "ing")))


def _read_quantity(
    text: str, match: re.Match[str], sentence: Sentence, *, second: bool = False
) -> _Reading | int | None:
    """Read one number with scale, currency and unit; an int means skip up to there.

    second: the number closes a range ("10-15"), so a hyphen before it is no identifier.
    """
    if _branch(match) == "art":
        return _read_article(text, match)
    if _branch(match) == "word":
        start = match.start()
        if text[max(0, start - 2) : start].endswith("-") and text[start - 2 : start - 1].isalpha():
            return None  # "one-on-one", "COVID-nineteen"
        core = read_words(text, start)
        if core is None:
            return None
        if core.form == "fraction" and (article := _HALF_AN.match(text, core.end)):
            unit = read_unit(text, article.end(), words=True)  # "half an hour", "a third of a mile"
            if unit is not None:
                reading = _Reading(start, unit.end, core, core.value, unit=unit)
                if unit.kind == "currency":
                    reading.currency, reading.unit = unit.name, None
                return reading
        return _attach(text, _Reading(start, core.end, core, core.value))
    return _read_symbolic_quantity(text, match, sentence, second)


def _read_symbolic_quantity(
    text: str, match: re.Match[str], sentence: Sentence, second: bool
) -> _Reading | int | None:
    start = match.start()
    if not second and _glued_to_identifier(text, start):
        return None
    core = read_symbolic(text, match.start("num"))
    if core is None:
        return _past_digits(text, match.start("num"))  # "1/0", "9/11": skip it whole
    if core.plain and (ratio := _COLON_RATIO.match(text, core.end)):
        per = float(ratio.group(1).replace(",", ""))
        if per >= 60 and core.value > 0:  # "1:600" is no clock time ("10:30" is)
            reading = _Reading(start, ratio.end(), core, core.value / per)
            reading.compound = "ratio"
            return reading
    skip = _date_or_time_end(text, core, sentence)
    if skip is not None:
        return skip
    value = -core.value if match.group("sign") else core.value
    cur = match.group("cur")
    currency = CURRENCY_SYMBOLS.get(cur.strip()) if cur else None
    reading = _attach(text, _Reading(start, core.end, core, value, currency=currency))
    if cur and len(cur.strip()) == 1 and cur.isalpha() and not _looks_like_money(text, reading):
        return None  # "N95 masks", "a P1 form": a one-letter prefix names, it does not price
    return reading


def _looks_like_money(text: str, reading: _Reading) -> bool:
    """An amount after a one-letter prefix ("N70 million", "N5,000", "N2.5bn") is money."""
    written = text[reading.core.start : reading.core.end]
    return reading.scaled or "," in written or "." in written


def _past_digits(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isdigit() or text[pos] == "/"):
        pos += 1
    return pos


def _glued_to_identifier(text: str, start: int) -> bool:
    """Tell whether a number is part of a code like "LGA1156", "I7-860" or "s-1"."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before == "_":
        return True
    if before in "-+./−:" and start >= 2:
        return text[start - 2].isalnum()
    return False


def _date_or_time_end(text: str, core: Core, sentence: Sentence) -> int | None:
    """Return where a date, clock time, ordinal or decade ends when the number is one."""
    end = core.end
    if core.form != "digits":
        return None
    if _ORDINAL.match(text, end):
        return end + 2
    if core.plain and text[end - 1] == "0" and (decade := _DECADE.match(text, end)):
        return decade.end()
    if stamp := _DATE_OR_CLOCK.match(text, end):  # "10:30", "7/10/2023"
        return stamp.end()
    clock = _CLOCK.match(text, end)
    if clock and _CLOCK_NUMBER.fullmatch(text[core.start : end]):
        return clock.end()
    if core.plain and _AFTER_MONTH.search(text, max(sentence.start, core.start - 12), core.start):
        return end
    month_after = _BEFORE_MONTH.match(text, end)
    if core.plain and core.value <= 31 and month_after:
        return month_after.end()
    return None


def _read_article(text: str, match: re.Match[str]) -> _Reading | None:
    """Read "a hundred", "a third of" or "a gallon" (one gallon)."""
    start = match.start()
    core = read_words(text, start)
    if core is not None:
        return _attach(text, _Reading(start, core.end, core, core.value))
    unit = read_unit(text, match.end() - 1)
    if unit is None:
        return None
    core = Core(start, match.end(), 1.0, "words")
    if unit.days is not None and (half := _AND_A_HALF.match(text, unit.end)):
        core = Core(start, half.end(), 1.5, "words")  # "a day and a half"
        return _Reading(start, half.end(), core, 1.5, unit=replace(unit, end=half.end()))
    if unit.days is not None:  # "a week" is a length only after "at least", "for", "took"…
        lead = _DURATION_LEAD.search(text, max(0, start - 24), start)
        if (
            lead is None
            or _RELATIVE_AFTER.match(text, unit.end)
            or _AFTER_TIME.match(text, unit.end)
        ):
            return None
    if unit.name in DOZENS:  # "more than a dozen aftershocks": twelve of what follows
        core = Core(start, unit.end, DOZENS[unit.name], "words")
        return _attach(text, _Reading(start, unit.end, core, core.value, scaled=True))
    return _Reading(start, unit.end, core, 1.0, unit=unit, article=True)


def _attach(text: str, reading: _Reading) -> _Reading:
    """Add scale, trailing currency, unit or hyphenated compound to a bare number."""
    end = reading.end
    scale = SCALE_AFTER.match(text, end)
    if scale is not None and _scale_applies(text, scale, reading):
        # rounded to 12 digits: 4.1 billion is 4.1e9, not 4099999999.99
        reading.value = float(f"{reading.value * scale_value(scale):.12g}")
        reading.scaled = True
        end = scale.end()
    if reading.currency is None and (after := _CURRENCY_AFTER.match(text, end)):
        reading.currency = CURRENCY_SYMBOLS[after.group(1) or after.group(2)]
        end = after.end()
    words = reading.core.form == "words"
    if reading.currency:
        per = read_per(text, end)
        if per is None and (noun := _MONEY_PER.match(text, end)):
            per = noun.end(), noun.group(1)
        if per is not None:
            reading.unit = UnitMatch(per[0], f"per {per[1]}", "rate", None)
            end = per[0]
        reading.end = end
        return reading
    unit = read_unit(text, end, words=words)
    if unit is None and text.startswith("-", end):
        unit = read_unit(text, end + 1, words=words)
    if unit is None and (more := _MORE_UNIT.match(text, end)):
        unit = read_unit(text, more.end(), words=words)  # "six more weeks"
        unit = unit if unit is not None and unit.kind == "time" else None
    plausible = reading.core.form == "digits" and -90 <= reading.value <= 150
    if unit is None and plausible and (degrees := _TEMPERATURE.match(text, end)):  # "38C"
        kind = "degree Celsius" if degrees.group(1) == "C" else "degree Fahrenheit"
        unit = UnitMatch(degrees.end(), kind, "temperature", None)
    if unit is not None and unit.name in DOZENS:
        # "two dozen army boats": 24 boats, as "a dozen boats" is 12 (a dozen is a number)
        reading.value *= DOZENS[unit.name]
        reading.scaled = True
        reading.end = unit.end
        return reading
    if unit is not None:
        reading.unit = unit
        end = unit.end
        if unit.kind == "currency":
            reading.currency, reading.unit = unit.name, None
    elif compound := _COMPOUND.match(text, end):
        word = compound.group(1)
        if (
            word not in NOT_COMPOUND_SUFFIXES
            and word not in NUMBER_WORDS
            and word not in FRACTION_WORDS
        ):
            reading.compound = _noun_of(word)
            end = compound.end()
    if suffix := _HYPHEN_SUFFIX.match(text, end):
        end = suffix.end()
    reading.end = end
    return reading


def _noun_of(word: str) -> str:
    """The noun of a compound adjective: "3-phased" → "phase", "three-tiered" → "tier"."""
    if not word.endswith("ed") or word.endswith("eed") or len(word) < 5:
        return word
    silent_e = word[-3] in "scvzu" or word[-3] == "g" and word[-4] != "n"  # phas-ed, stag-ed
    return word[:-1] if silent_e else word[:-2]


def _scale_applies(text: str, scale: re.Match[str], reading: _Reading) -> bool:
    tight = scale.group("tight")
    if tight is None:
        return reading.core.form != "fraction" or bool(scale.group("word"))
    if reading.core.form != "digits":
        return False
    # "3m" alone is three metres; "$3m" and "3m people" are three million.
    if tight == "m" and reading.currency is None:
        return bool(_PLURAL_NOUN_AFTER.match(text, scale.end()))
    return reading.currency is not None or tight in "MBTkK"


def _read_second(text: str, pos: int, sentence: Sentence) -> _Reading | None:
    match = _CANDIDATE.match(text, pos)
    if match is None or _branch(match) == "art":
        return None
    second = _read_quantity(text, match, sentence, second=True)
    return second if isinstance(second, _Reading) else None


def _read_ratio(text: str, first: _Reading, sentence: Sentence) -> _Reading | None:
    """Read "one in five" or "3 out of 10" as a share (0.2, 0.3)."""
    sep = _RATIO.match(text, first.end, sentence.end)
    if sep is None or not first.bare or first.value <= 0 or _after_name(text, first, sentence):
        return None
    second = _read_second(text, sep.end(), sentence)
    if second is None or not second.bare or second.value <= first.value:
        return None
    if second.core.plain and 1000 <= second.value <= 2199:
        return None  # "Voyager 2 in 1979"
    ratio = _Reading(first.start, second.end, first.core, first.value / second.value)
    ratio.compound = "ratio"
    return ratio


def _read_range(
    text: str, first: _Reading, sentence: Sentence
) -> tuple[_Reading | None, int] | None:
    """Read "between 44 and 50 mg", "3.5–4.0 TeV", "8- to 16-meter"; None when not a range."""
    sep = _RANGE_SEP.match(text, first.end)
    if sep is None or sep.end() >= sentence.end:
        return None
    word = sep.group().strip(" -–—")
    lead = text[max(sentence.start, first.start - 40) : first.start]
    if word == "and" and not lead.rstrip().lower().endswith("between"):
        return None
    second = _read_second(text, sep.end(), sentence)
    if second is None:
        return None
    falling = first.value > second.value >= 0 and not _RANGED.search(lead)
    if word in ("to", "through") and falling:
        return None  # "cut from 410 to 296": a range runs upwards, this is two figures
    words = first.core.form == "words" and second.core.form == "words"
    by_range = (words or not first.unit_name) and _BY_BEFORE.search(lead)  # "by six to eight"
    changed = _CHANGE_VERB.search(lead) or _CHANGE_BEFORE.search(lead)
    if word in ("to", "through") and changed and not by_range:
        return None  # "rose from 5% to 7%", "fell 2% to 7,912" are two figures, not a range
    if first.unit_name and second.unit_name and not _same_unit(first, second):
        return None
    dash = not word
    if dash and not _dash_range_ok(text, first, second, sep):
        if _is_tally(text, first, second, lead):
            tally = _Reading(first.start, second.end, first.core, first.value)
            tally.compound = "tally"  # "a 28-8 vote": value the first side, quote both
            return tally, second.end
        return None, second.end
    bare_to = word in ("to", "through") and not (first.unit_name or second.unit_name)
    if bare_to and not re.search(r"\b(?:from|between|aged|ages)\s+$", lead, re.IGNORECASE):
        return None  # "voted 52 to 48" is two figures
    if _both_years(first, second):
        return None, second.end
    return _merge_range(text, first, second, lead), second.end


def _read_compound_duration(text: str, first: _Reading, sentence: Sentence) -> _Reading | None:
    """Read "seven years and four months" as 7.33 years."""
    big = first.unit
    sep = _AND.match(text, first.end, sentence.end)
    if big is None or big.days is None or first.range or sep is None:
        return None
    if text[max(0, first.start - 3) : first.start].rstrip().endswith(","):
        return None  # "3 years, 2 months, 14 days and 16 hours": a list, read each
    second = _read_second(text, sep.end(), sentence)
    small = second.unit if second else None
    if second is None or small is None or small.days is None or small.days >= big.days:
        return None
    per = 12.0 if (big.name, small.name) == ("year", "month") else big.days / small.days
    joined = _Reading(first.start, second.end, first.core, first.value + second.value / per)
    joined.unit = big
    return joined


def _same_unit(first: _Reading, second: _Reading) -> bool:
    """ "$90 million to $110 million a year": the second's rate shares the first's unit."""
    one, two = first.unit_name or "", second.unit_name or ""
    return one == two or two.startswith(one + " per ")


def _is_tally(text: str, first: _Reading, second: _Reading, lead: str) -> bool:
    """ "a 28-8 vote", "voted 52-48": two counts of one vote; "won 3-1" is a score (context)."""
    counts = first.bare and second.bare and first.core.plain and second.core.plain
    return counts and bool(_TALLY_AFTER.match(text, second.end) or _TALLY_BEFORE.search(lead))


def _dash_range_ok(text: str, first: _Reading, second: _Reading, sep: re.Match[str]) -> bool:
    if first.core.form == "words" or second.core.form == "words" or "—" in sep.group():
        return False  # "1,512 — 82 per cent": a spaced em dash sets off an aside
    # "2013-14" or a score "3-1" is no range
    return " " in sep.group() or first.value < second.value


def _both_years(first: _Reading, second: _Reading) -> bool:
    return all(r.bare and r.core.plain and 1000 <= r.value <= 2199 for r in (first, second))


def _merge_range(text: str, first: _Reading, second: _Reading, lead: str) -> _Reading:
    low, high = sorted((first.value, second.value))
    start = first.start
    between = re.search(r"\bbetween\s+$", lead, re.IGNORECASE)
    if between is not None:
        start = first.start - (len(lead) - between.start())
    merged = _Reading(start, second.end, first.core, (low + high) / 2)
    merged.currency = first.currency or second.currency
    merged.unit = second.unit or first.unit
    merged.compound = second.compound or first.compound
    merged.scaled = first.scaled or second.scaled
    if second.scaled and not first.scaled and first.value < second.value / 100:
        low *= second.value / (second.core.value or 1)  # "between 2 and 3 million"
    merged.value = (low + high) / 2
    merged.range = (low, high)
    return merged


def _read_plus_minus(text: str, reading: _Reading) -> _Reading:
    sep = _PLUS_MINUS.match(text, reading.end)
    if sep is None:
        return reading
    core = read_symbolic(text, sep.end())
    if core is None:
        return reading
    error = _attach(text, _Reading(core.start, core.end, core, core.value))
    if reading.unit is None and error.unit is not None:
        reading.unit = error.unit
    reading.end = error.end
    reading.range = (reading.value - error.value, reading.value + error.value)
    return reading


def _is_context_number(text: str, reading: _Reading, sentence: Sentence) -> bool:
    """Tell whether a number is a year, an identifier, or a lone "one" rather than a claim.

    A label ("page 4") is no claim either; _read_claim has ruled labels out before this.
    """
    core = reading.core
    if reading.bare and core.plain and 1000 <= core.value <= 2199 and _is_year(text, reading):
        return True
    if reading.bare and core.plain and _after_name(text, reading, sentence):
        return True
    if reading.bare and core.plain and _ADDRESS.match(text, reading.end):
        return True  # "75 Drayton Park"
    if reading.bare and core.form == "digits" and _ATTACHED.match(text, reading.end):
        return not _lower_unit_like(text, reading.end)
    if core.form == "fraction" and _is_ordinal(text, core):
        return True  # "for a third day", "a fifth term": an ordinal before a singular noun
    if core.form == "fraction" and not reading.unit and _ARTICLE_LED.match(text, core.start):
        if text.startswith(" of ", reading.end):
            return False  # "a third of the vote", unlike "a third time"
        lead = _FRACTION_LEAD.search(text, max(sentence.start, reading.start - 12), reading.start)
        return lead is None
    if core.form == "words" and core.value == 1 and not (reading.unit or reading.scaled):
        return _qualifier(text, reading.start, sentence.start) not in QUALIFIERS_KEEP_ONE
    return False


def _is_ordinal(text: str, core: Core) -> bool:
    """ "a third day", "a fifth straight term": an ordinal word before a singular noun."""
    if text[core.start : core.end].lower().split()[-1] not in _ORDINALS:
        return False
    noun = _NOUN_AFTER.match(text, core.end)
    if noun is None or noun.group(1) in MEASURE_STOP_WORDS or noun.group(1) == "of":
        return False
    word = noun.group(1)
    return not word.endswith(("s", "ly", "ed"))


def _is_label(text: str, reading: _Reading, sentence: Sentence) -> bool:
    """Tell whether a bare number labels something: "page 4", "(report 1)", a list's "2."."""
    floor = max(sentence.start, reading.start - 40)
    if _last_word_may_label(text, floor, reading.start) and _LABEL_BEFORE.search(
        text, floor, reading.start
    ):
        return True
    if text.endswith("the ", 0, reading.start) and _NAMED_PAIR_AFTER.match(text, reading.end):
        return True
    begin = line_start(text, reading.start)
    at_line_start = (begin == 0 or text[begin - 1] == "\n") and not text[
        begin : reading.start
    ].strip()
    return at_line_start and bool(_LIST_NUMBER_AFTER.match(text, reading.end))


def _last_word_may_label(text: str, floor: int, start: int) -> bool:
    """Tell whether the word before start (past spaces and one full stop) can end a label."""
    before = fold_case(text[floor:start]).rstrip()
    before = before[:-1] if before.endswith(".") else before
    return before[len(before.rstrip(ascii_lowercase)) :] in LABEL_LAST_WORDS


def _lower_unit_like(text: str, end: int) -> bool:
    """Accept "1cds"-style unknown lowercase units; refuse codes like "06F6" or "3D"."""
    letters = _ATTACHED.match(text, end)
    assert letters is not None
    following = text[letters.end() : letters.end() + 1]
    return letters.group().islower() and len(letters.group()) <= 4 and not following.isalnum()


def _is_year(text: str, reading: _Reading) -> bool:
    after = _WORD_AFTER.match(text, reading.end)
    before = _word_before(text, max(0, reading.start - 30), reading.start)
    if before and before[1].lower() in YEAR_CONTEXT:
        return True
    if after and not after.group(1):
        word = after.group(2)
        # "2000 troops" counts troops; "the 2013 election" names a year.
        return not (word.islower() and word.endswith("s") and not word.endswith("ss"))
    return True


def _after_name(text: str, reading: _Reading, sentence: Sentence) -> bool:
    """Tell whether a bare number follows a capitalised name: "Voyager 2", "Resolution 2334".

    Rule: a number right after a capitalised word is the name's own number ("Apollo 11",
    "sold Boeing 737 jets"), unless the name is a place or time fronted by a preposition that
    opens its clause and the number opens that clause's subject: "In Varnholt 41 people were
    killed", "At Kessel Bridge 12 cars were swept away", "On Wednesday 13 hostages were freed".
    Numbered places and things ("Route 66", "Gate 3", "Terminal 5", "Article 5") are labels,
    ruled out by _LABEL_BEFORE before this is asked.
    """
    start = reading.start
    if sentence.headline:  # "Hamas Frees 24 Hostages": every word is capitalised
        return False
    before = _word_before(text, max(sentence.start, start - 30), start)
    if before is None or before[0] == sentence.start:
        return False
    word = before[1]
    if not word[0].isupper() or _MONTH_WORD.fullmatch(word):
        return False
    if _QUALIFIER.fullmatch(word.rstrip(".").lower() + " ") is not None:
        return False  # "Around 130 of …"
    return not (_opens_subject(text, reading.end) and _fronted(text, before[0], sentence.start))


# How many capitalised words a fronted place or time may hold: "At Port Ardell Ferry Quay".
_FRONTED_NAME_WORDS = 4


def _fronted(text: str, name: int, floor: int) -> bool:
    """Tell whether the capitalised word starting at name ends a place or time fronted by a
    preposition that opens its clause: "In Varnholt", "At Kessel Bridge", "in the Velm Valley"
    after a comma or "said that"; not "crossed Highway 12", "a depot on Junction 9"."""
    at = name
    for _ in range(_FRONTED_NAME_WORDS):
        before = _word_before(text, max(floor, at - 30), at)
        if before is None:
            return False
        at, word = before
        if word.lower() == "the":  # "in the Velm Valley": the preposition comes next
            before = _word_before(text, max(floor, at - 30), at)
            if before is None or before[1].lower() not in FRONTING_PREPOSITIONS:
                return False
            return _opens_clause(text, before[0], floor)
        if word.lower() in FRONTING_PREPOSITIONS:
            return _opens_clause(text, at, floor)
        if not word[0].isupper():
            return False
    return False


def _opens_clause(text: str, at: int, floor: int) -> bool:
    """Tell whether the word at `at` opens its clause: the sentence (floor) starts there, or a
    clause mark, a coordinator or a clause opener ("that", "said") stands right before it."""
    lo = max(floor, at - 30)
    kept = text[lo:at].rstrip()
    if not kept:
        return lo == floor
    end = lo + len(kept)
    for mark_start in (end - 1, end - 2):  # a mark of one character, or " - "
        mark = _CLAUSE_MARK.match(text, mark_start, at) if mark_start >= lo else None
        if mark is not None and mark.end() >= end:
            return True  # "Officials said: In Varnholt …", "Kessel - At the bridge …"
    before = _word_before(text, lo, at)
    return before is not None and before[1].lower() in _FRONT_OPENERS


# Words after which a fronted place opens a clause: "and in Varnholt", "said that in Varnholt".
_FRONT_OPENERS = COORDINATORS | _OPENER_WORDS


def _opens_subject(text: str, end: int) -> bool:
    """Tell whether the number ending at end opens a clause's subject: what follows is what it
    counts or what happened to it ("41 people", "41 of the", "41 died", "41 were", "41
    Palestinians"), not a function word ("Windows 11 the …") or more of a name ("Boeing 737
    MAX", "Wednesday 13 March")."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(2)
    if word[0].isupper():  # a people's plural: "41 Palestinians"
        return word[1:].islower() and word.endswith("s") and not word.endswith("ss")
    return word in _COUNT_FOLLOWERS or word not in MEASURE_STOP_WORDS


# Function words that may follow a count opening a subject: "41 were killed", "9 more died".
_COUNT_FOLLOWERS = AUXILIARIES | {"more"}


def _qualifier_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """_QUALIFIER.search(text, lo, hi), refused at once when the word that ends the window
    cannot end a qualifier (most figures: "rose 4%", "the 300 people")."""
    if _last_word(text, lo, hi) not in _QUALIFIER_LAST_WORDS:
        return None
    return _QUALIFIER.search(text, lo, hi)


def _last_word(text: str, lo: int, hi: int) -> str:
    """The run of letters a-z (after fold_case) just before the whitespace that ends
    text[lo:hi], cut to its last _WORD_TAIL letters; "" when text[lo:hi] does not end with
    whitespace.

    A pattern ending in WORDS\\s+$ can only match where this run is the last of its words: the
    run is the word whole when a space or a word boundary stands before it.
    """
    window = text[lo:hi]
    kept = window.rstrip()
    if len(kept) == len(window):
        return ""
    tail = fold_case(kept[-_WORD_TAIL:])
    return tail[len(tail.rstrip(ascii_lowercase)) :]


# Longer than any word _last_word is compared with.
_WORD_TAIL = 20


def _qualifier(text: str, start: int, floor: int) -> str | None:
    match = _qualifier_before(text, max(floor, start - 30), start)
    return match.group(1).lower() if match else None


# Pattern: (VERB) N PEOPLE as STATE — the state a source counts people in: "the agency lists
# 31 people as missing", "counts 52 people as dead".
_COUNTED_AS = re.compile(r"[ \u00a0]+as[ \u00a0]+([a-z]+)\b")


def _measure(
    text: str,
    reading: _Reading,
    previous: list[Quantity],
    floor: int,
    earlier: Quantity | None = None,
) -> tuple[str | None, str | None]:
    """Name what is counted and its head noun: "Palestinian deaths", "people killed"."""
    if reading.unit_name == "percent" and (act := _response(text, reading, floor)):
        return act, None
    if reading.bare and (more := _MORE_AFTER.match(text, reading.end)):
        return _more_of(text, replace(reading, end=more.end()), previous, floor, earlier)
    group = _of_group(text, reading, previous, earlier)
    words, head, pos = group if group else _noun_after(text, reading)
    # "40 aboard", "the 9 underground late on Friday": people, and where they are; not
    # "14 underground mines", where the adverb describes the plural after it
    placed = reading.bare and words and words[0].lower() in PLACE_ADVERBS
    if placed and (len(words) == 1 or not _is_plural(words[1])):
        words, head = ["people", words[0]], "people"
    spent = _MONEY_IN.match(text, reading.end) if reading.currency and not group else None
    if spent and (noun := list(takewhile(_content_word, spent.group(1).split()))):
        words = noun  # "Rs 10,000 in immediate aid", "$40m in losses"
    money = head is not None and words == [head] and head.lower() in MONEY_WORDS
    if money:
        words = []  # "2.4 billion crowns": the currency is the unit, not what is measured
    if not words and reading.bare and (same := _same_measure(text, reading, previous)):
        return same.measure, same.unit  # "14 dead on Tuesday and 23 on Wednesday"
    shared = _coordinated(text, previous, reading)
    if not words and reading.bare and shared:
        words, head = [shared], shared
    verb = _verb_before(text, reading)
    if not words:
        measure = _labelled(text, reading, floor) or _apposed(text, reading, floor)
        measure = measure or _measure_without_noun(text, reading, verb)
        measure = measure or _subject_of_passive(text, reading)
        measure = measure or _compared_measure(text, reading, previous)
        measure = measure or _measure_before(text, reading, previous, floor, earlier)
        return measure, head if money else None
    passive = _PASSIVE_AFTER.match(text, _past_apposition(text, pos))
    generic = (head or "").lower() in GENERIC_COUNTED
    counted_as = _COUNTED_AS.match(text, pos) if generic else None
    if counted_as and CANONICAL.get(counted_as[1].lower()) in PEOPLE_MEASURES:
        words.append(counted_as[1])  # "lists 31 people as missing", "counts 52 people as dead"
    elif passive and (passive.group(1) in PASSIVE_VERBS or generic and _participle(passive[1])):
        words.append(passive.group(1))  # "23 soldiers were wounded", "1,200 people were moved"
    elif reading.bare and (verb in AFFECTING_VERBS or generic and _participle(verb or "")):
        words.append(verb or "")  # "killed at least 47 people", "housing some 9,000 people"
    elif reading.bare and generic and words == [head] and _present_verb(verb):
        words.append(verb or "")  # "the plant employs about 6,400 people"
    elif (
        words == [head] and not group and (subject := _changed_subject(text, reading, floor, verb))
    ):
        return subject, head  # "net profit halved to 96 million dalers": profit, in dalers
    return " ".join(words), head


# Pattern: (OPENER|mark) N% (of (the)? (N)? (ADJ)? PLURAL)? ((said|say|says) (they|that)?)?
# VERB (OBJECT)… — a share of a poll's respondents measures what they answered: "found that
# 54% disliked the ending", "while 41% said they were considering leaving the city", "shows
# 62% of 4,100 respondents oppose the rule". At most _ANSWER_WORDS words of the answer, never
# across a mark, a figure or a new clause.
_RESPONSE = re.compile(
    r"(?:[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?:[\d,]+[ \u00a0]+)?(?:[a-z-]+[ \u00a0]+)?"
    r"([a-z-]+s))?([ \u00a0]+(?:said|say|says)(?:[ \u00a0]+(?:they|that|it))?)?[ \u00a0]+"
    r"([a-z]+)\b"
)
_ANSWER_WORDS = 6


def _response(text: str, reading: _Reading, floor: int) -> str | None:
    """What a share of respondents answered, after it (see _RESPONSE); None if no answer."""
    start = reading.start
    if qualifier := _qualifier_before(text, max(floor, start - 30), start):
        start = qualifier.start()
    before = text[max(floor, start - 12) : start].rstrip(" \u00a0")
    word = _word_before(text, max(floor, start - 12), start)
    if not (before == "" or before[-1] in ",;:" or word and word[1].lower() in RESPONSE_OPENERS):
        return None
    match = _RESPONSE.match(text, reading.end)
    if match is None:
        return None
    verb = match.group(3)
    said = match.group(2) is not None  # "said they were considering": the answer follows
    past = verb.endswith("ed") or verb in IRREGULAR_PAST or verb in AUXILIARIES
    if not (said or past or verb in RESPONSE_VERBS):
        return None
    pos = match.end()
    if not said and text[pos : pos + 2].strip()[:1].isdigit():
        return None  # "31% of girls aged 11 to 14": a participle before a figure describes
    words = [verb]
    while len(words) < _ANSWER_WORDS and (after := _ANSWER_WORD.match(text, pos)):
        if after.group(1).lower() in ANSWER_ENDS:
            break
        words.append(after.group(1))
        pos = after.end()
    while words and words[-1].lower() in MEASURE_STOP_WORDS:
        words.pop()
    while words and words[0].lower() in MEASURE_STOP_WORDS:
        words.pop(0)
    noun = match.group(1)
    return " ".join([noun, *words] if noun else words) or None


_ANSWER_WORD = re.compile(r"[ \u00a0]+([A-Za-z][A-Za-z'’-]*)\b")


# Pattern: N more (NOUN)? (AUX PARTICIPLE)? — "N more" counts more of what the figure before
# counted: "Nine people were killed on Saturday. Rescuers found 12 more on Sunday" (people
# killed), "40 homes were destroyed and 25 more were damaged" (homes damaged); a noun after
# it says it anyway ("12 more people were evacuated"). "more than" is a qualifier, not this.
_MORE_AFTER = re.compile(r"[ \u00a0]+more\b(?![ \u00a0]+than\b)")


def _more_of(
    text: str, reading: _Reading, previous: list[Quantity], floor: int, earlier: Quantity | None
) -> tuple[str | None, str | None]:
    """What "N more" counts; reading ends after "more"."""
    before = previous[-1] if previous else earlier
    if _noun_after(text, reading)[0] or before is None or before.measure is None:
        return _measure(text, reading, previous, floor, earlier)
    if passive := _subject_of_passive(text, reading):
        noun = before.unit if before.unit and _is_plural(before.unit) else None
        return (f"{noun} {passive}" if noun else passive), noun
    return before.measure, None


# Pattern: NOUN-PHRASE, (now|already|still|currently|at)? N, — a figure in apposition after a
# noun phrase measures it: "the toll, 41, is expected to rise", "business contracts, 390
# million, a rise of 11%", "the death toll, now 41, …". A name before the comma ("Mark
# Delaney, 54,") is no measure (an age, read by _is_age).
_APPOSED_BEFORE = re.compile(
    r",[ \u00a0]*(?:(?:now|already|still|currently|at|so[ \u00a0]+far)[ \u00a0]+)?$"
)
_APPOSED_WORDS = 4
_SO_FAR = re.compile(r"[ \u00a0]+(?:so[ \u00a0]+far|to[ \u00a0]+date|yet)$")


def _apposed(text: str, reading: _Reading, floor: int) -> str | None:
    """The noun phrase a figure stands in apposition to, if any (see _APPOSED_BEFORE)."""
    if not text.startswith(",", reading.end):
        return None
    start = reading.start
    if qualifier := _qualifier_before(text, max(floor, start - 30), start):
        start = qualifier.start()
    comma = _APPOSED_BEFORE.search(text, max(floor, start - 30), start)
    if comma is None:
        return None
    end = comma.start()
    if tail := _SO_FAR.search(text, max(floor, end - 12), end):
        end = tail.start()  # "the highest gust so far, 143 km/h,"
    tokens = list(_LEAD_WORD.finditer(text, max(floor, end - 80), end))
    i = len(tokens) - 1
    while i >= 0 and len(tokens) - i <= _APPOSED_WORDS and _measure_word(tokens[i], floor):
        after = tokens[i + 1].start() if i + 1 < len(tokens) else end
        if text[tokens[i].end() : after].strip(" \u00a0"):
            break
        i -= 1
    kept = tokens[i + 1 :]
    if not kept or text[kept[-1].end() : end].strip(" \u00a0"):
        return None
    lead = text[max(floor, kept[0].start() - 12) : kept[0].start()].rstrip(" \u00a0")
    if lead[-1:].isdigit() or i >= 0 and tokens[i].group().lower() in NUMBER_WORDS:
        return None  # "for 3 years, 2 months, 14 days": a list of figures, no apposition
    return text[kept[0].start() : kept[-1].end()]


# Pattern: SUBJECT (AUX)* CHANGE-VERB … to (QUALIFIER)? N NOUN — when a figure's noun stands
# alone after it, the subject of the change verb names what the figure measures and the noun
# only what it is counted in: "net profit halved to 96 million dalers", "the price of coil has
# risen by a fifth, to 780 dravs a tonne", "the death toll rose to 43 people". A container
# ("the total rose to 12 people", "the city grew to 2 million residents") or people ("residents
# rose to 900 households") name nothing measured; the subject is no more than _OWNER_REACH
# words, never across a mark ("Order intake, which analysts watch …, dropped").
_OWNER_REACH = 6


def _changed_subject(text: str, reading: _Reading, floor: int, verb: str | None) -> str | None:
    """The subject of the change verb before "to N NOUN", if it names what N measures."""
    if verb != "to":
        return None
    start = reading.start
    if qualifier := _qualifier_before(text, max(floor, start - 30), start):
        start = qualifier.start()
    tokens = list(_LEAD_WORD.finditer(text, max(floor, start - 120), start))
    if not tokens or tokens[-1].group().lower() != "to":
        return None
    end = len(tokens) - 1
    changed = [i for i in range(max(0, end - _OWNER_REACH), end) if tokens[i].group() in _CHANGED]
    if not changed:
        return None
    end = changed[-1]  # the subject ends before tokens[end]
    while end > 0 and tokens[end - 1].group().lower() in AUXILIARIES:
        end -= 1
    i = end - 1
    while i >= 0 and end - i <= _OWNER_REACH:
        token = tokens[i]
        if text[token.end() : tokens[i + 1].start()].strip(" \u00a0"):
            break
        joins = token.group() == "of" and 0 < i < end - 1  # "the price of coil"
        if not (_measure_word(token, floor) or joins and _measure_word(tokens[i - 1], floor)):
            break
        i -= 1
    if i == end - 1 or tokens[i + 1].group() == "of":
        return None
    last = tokens[end - 1].group().lower()
    people = _is_plural(last) and (last in GENERIC_COUNTED or last[:-1] in PEOPLE_NOUNS)
    if last in CONTAINER_NOUNS or people:
        return None
    subject = text[tokens[i + 1].start() : tokens[end - 1].end()]
    return _NUMBER_OF.sub("", subject) or subject


# Pattern: COUNT of (DET)? (OWNER's)? (ADJ)? (NUMBER)? (MODIFIER){0,2} PLURAL — "130 of the
# hostages", "12 of her party's 19 lawmakers", "four of its usual 11 nurses": the plural is
# what is counted. COUNT of them|those (PARTICIPLE)? — "230 of them" counts what the figure
# before counted; "140 of those convicted" counts the convicted.
_OF_GROUP = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:(?:the|their|its|his|her|our|these|those|all)[ \u00a0]+)?"
    r"(?:[A-Za-z][\w-]*['’]s?[ \u00a0]+)?(?:(?:[a-z]+[ \u00a0]+)?\d[\d,.]*[ \u00a0]+)?"
    r"((?:[a-z][a-z-]*[ \u00a0]+){0,2}[a-z][a-z-]*)\b"
)
_OF_THEM = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:them|those|these)\b(?:[ \u00a0]+([a-z]+ed)\b)?")
# "Rs 10,000 in immediate aid", "$40m in losses": what an amount is, after "in".
_MONEY_IN = re.compile(r"[ \u00a0]+in[ \u00a0]+((?:[a-z][a-z-]*[ \u00a0]+){0,2}[a-z][a-z-]*)\b")
# How far back (characters) the figure "them" refers to may end, in the sentence before.
_ANTECEDENT_REACH = 400


# Pattern: (line start) (bullet)? LABEL (":" | " - " | " – ") (QUALIFIER)? NUMBER — a label
# before a figure in a list or fact box names what it counts: "Confirmed deaths: 43", "People
# treated in hospital: about 46", "Homes destroyed - 1,200". At most six words, from the start
# of the line (or sentence), ending in no function word.
_LABEL = re.compile(
    r"[ \t\u00a0]*(?:[-•*–][ \t\u00a0]+)?"
    r"([A-Za-z][A-Za-z'’-]*(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,5})"
    r"[ \u00a0]*(?::|[ \u00a0][-–—])[ \u00a0]*"
)


def _labelled(text: str, reading: _Reading, floor: int) -> str | None:
    """The label of a figure that opens its line after a colon or dash, if any."""
    start = reading.start
    if qualifier := _qualifier_before(text, max(floor, start - 30), start):
        start = qualifier.start()
    begin = max(floor, line_start(text, start))
    label = _LABEL.fullmatch(text, begin, start)
    if label is None:
        return None
    words = label.group(1).split()
    # "Hostages released today: 14", "Still in hospital this morning: 6": when, not what
    named = len(words) > 2 and words[-2].lower() in ("this", "last")
    if named and words[-1].lower() in NAMED_PERIODS:
        del words[-2:]
    while len(words) > 1 and words[-1].lower() in RELATIVE_DAYS:
        words.pop()
    low = [w.lower() for w in words]
    phrase = " ".join(low[-2:]) in PHRASES  # "Unaccounted for: 17" ends in a measure phrase
    if not phrase and (low[-1] in MEASURE_STOP_WORDS or low[-1] in _SPEECH_VERBS):
        return None  # "Police said: 43", "Figures for: 43"
    # one capitalised word may be a name ("Netanyahu: 43"); a noun there counts ("Deaths: 43")
    if len(words) == 1 and not (_is_plural(words[0]) or low[0] in CANONICAL):
        return None
    return " ".join(words)


def _of_group(
    text: str, reading: _Reading, previous: list[Quantity], earlier: Quantity | None
) -> tuple[list[str], str | None, int] | None:
    """The counted noun of "N of the PLURAL" or "N of them": (words, head, end), else None."""
    if not (reading.bare or reading.core.form == "fraction" and not reading.unit):
        return None
    if them := _OF_THEM.match(text, reading.end):
        if them.group(1):
            return [them.group(1)], None, them.end()  # "at least 140 of those convicted"
        before = previous[-1] if previous else earlier
        if before is None or not before.unit or not _is_plural(before.unit):
            return None
        return [before.measure or before.unit], before.unit, them.end()
    group = _OF_GROUP.match(text, reading.end)
    if group is None:
        return None
    words = group.group(1).split()
    plural = next(
        (i for i, w in enumerate(words) if _is_plural(w) and w not in MEASURE_STOP_WORDS), None
    )
    # an adjective, not a noun ("the hostages") and before none ("the injured passengers")
    alone = not _is_plural(words[0]) and (len(words) == 1 or not _is_plural(words[1]))
    if alone and CANONICAL.get(words[0]) in PEOPLE_MEASURES:
        # "19 of the dead", "nine of the injured": an adjective standing for people
        return [words[0]], "people", group.start(1) + len(words[0])
    if plural is None or any(w in MEASURE_STOP_WORDS for w in words[: plural + 1]):
        return None
    return words[: plural + 1], words[plural], group.start(1) + len(" ".join(words[: plural + 1]))


def _content_word(word: str) -> bool:
    """A word that can name what an amount is: no function word or number word."""
    return word not in MEASURE_STOP_WORDS and word not in NUMBER_WORDS


def _present_verb(word: str | None) -> bool:
    """ "employs", "supplies", "serves": a verb in -s whose object is the count after it (a
    generic count of people: what is done to them is what is counted)."""
    if not word or not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return False
    low = word.lower()
    return word.islower() and low not in MEASURE_STOP_WORDS and low not in _SPEECH_VERBS


def _participle(word: str) -> bool:
    """ "moved", "housing", "dead": a verb form that says what happened to what is counted."""
    low = word.lower()
    if low in MEASURE_STOP_WORDS or low in _SPEECH_VERBS and low not in CANONICAL:
        return False  # "were admitted" (to hospital) is a measure, "were told" none
    return low.endswith(("ed", "ing")) or low in CANONICAL


# Pattern: , (QUANTIFIER of them|whom | including …) …, — an apposition between a count and
# its verb: "19,000 people, most of them farmers, were evacuated".
_APPOSITION = re.compile(
    r",[ \u00a0]+(?:(?:most|many|some|all|half|several|nearly[ \u00a0]+all|about[ \u00a0]+half"
    r"|a[ \u00a0]+third|a[ \u00a0]+quarter|[a-z]+)[ \u00a0]+of[ \u00a0]+(?:them|whom)|including)"
    r"\b[^,;.:()]{0,60},"
)


def _past_apposition(text: str, pos: int) -> int:
    """Where a count's verb may start: after an apposition at pos, if one stands there."""
    if not text.startswith(",", pos):
        return pos
    apposition = _APPOSITION.match(text, pos)
    return apposition.end() if apposition else pos


def _subject_of_passive(text: str, reading: _Reading) -> str | None:
    """ "500 were sentenced", "more than 300 were injured", "29 are dead": the participle
    after a bare count that is the subject says what it counts."""
    passive = _PASSIVE_AFTER.match(text, _past_apposition(text, reading.end))
    if not reading.bare or passive is None or not _participle(passive.group(1)):
        return None
    return passive.group(1)


# Pattern: LEVEL …, up|down from EARLIER (or ", from EARLIER") — the earlier level measures
# what the level before it does: "2,300 people evacuated …, up from 1,400 at midday".
_COMPARED = re.compile(
    r"(?:\b(?:up|down|higher|lower|rising|falling)[ \u00a0]+from|,[ \u00a0]*from)[ \u00a0]+"
    rf"{QUALIFIED}$"
)


_COMPARED_LAST_WORDS = _QUALIFIER_LAST_WORDS | {"from"}  # what _COMPARED's window ends with


def _compared_with(text: str, reading: _Reading, previous: list[Quantity]) -> Quantity | None:
    """The figure of the sentence an "up from" figure compares with, if any."""
    lo = max(0, reading.start - 30)
    if not previous or _last_word(text, lo, reading.start) not in _COMPARED_LAST_WORDS:
        return None
    if not _COMPARED.search(text, lo, reading.start):
        return None
    return previous[-1]


def _compared_measure(text: str, reading: _Reading, previous: list[Quantity]) -> str | None:
    before = _compared_with(text, reading, previous)
    return before.measure if before else None


def _is_plural(word: str) -> bool:
    low = word.lower()
    if _ACRONYM_PLURAL.fullmatch(word):
        return True  # "MPs", "NGOs"
    if len(low) > 4 and low.endswith("men"):
        return low not in NOT_MEN_PLURALS  # "fishermen", "gunmen"; not "specimen"
    return (
        low in IRREGULAR_PLURALS
        or len(low) > 3
        and low.endswith("s")
        and not low.endswith(_NOT_PLURAL)
    )


_NOT_PLURAL = ("ss", "us", "is", "ous")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _past_own_quote(text: str, reading: _Reading) -> int:
    """Where the words after a figure start: past the closing quotation mark of a quote that
    holds the figure alone.

    A figure quoted on its own ("the group had fired \"nearly 400\" rockets") is a speaker's
    number inside the writer's sentence: what it counts is the noun the sentence gives right
    after the quote, as for the same figure unquoted. A quote that holds other words before
    the figure than its qualifier ("\"nearly 400\"") is a statement of its own ("\"we lost
    12\" crew said"), and its close ends the figure's words.
    """
    return reading.end + 1 if _quoted_alone(text, reading) else reading.end


def _quoted_alone(text: str, reading: _Reading) -> bool:
    """True when quotation marks hold the figure and its qualifier, nothing else."""
    end, start = reading.end, reading.start
    if end >= len(text) or text[end] not in '"”’':
        return False
    if qualifier := _qualifier_before(text, max(0, start - 30), start):
        start = qualifier.start()
    return start > 0 and text[start - 1] in '"“‘'


def _noun_after(text: str, reading: _Reading) -> tuple[list[str], str | None, int]:
    """The words after a number that say what it counts, their head noun and where they end.

    A count's noun phrase ends at its first plural ("200 elderly households"); one more word
    may follow as its verb ("30 people spent").
    """
    words: list[str] = []
    head: str | None = None
    pos = _past_own_quote(text, reading)
    # "130 of the hostages": a bare count takes "of" too, when a plural noun follows
    takes_of = reading.unit or reading.scaled or reading.currency or reading.core.form == "fraction"
    takes_of = takes_of or reading.bare and bool(_OF_PLURAL.match(text, pos))
    counted = reading.bare or (reading.scaled and not reading.currency)
    while len(words) < 3:
        match = _WORD_AFTER.match(text, pos)
        if match is None or match.group(1) and (words or not takes_of):
            break
        word = match.group(2)
        if not words and reading.bare and word in STATE_VERBS:
            break  # "12 remain missing": the participle after it says what is counted
        if not words and reading.bare and _measure_verb(text, word, match.end()):
            return [word], None, match.end()  # "some 8,500 fled", "40 died": people, unnamed
        named = all(w[0].isupper() for w in words)  # "two Rural League MPs": a name's members
        if word.lower() in MEASURE_STOP_WORDS or words and word[0].isupper() and not named:
            break
        if head is not None and head.lower() in IRREGULAR_PLURALS and _is_plural(word):
            words.append(word)  # "46 police officers", "30 staff members": the last plural
            head, pos = word, match.end()
            continue
        if head is not None:  # the verb after a counted noun
            if not word.endswith("ly"):
                words.append(word)
            break
        words.append(word)
        pos = match.end()
        if counted and (_is_plural(word) or reading.value == 1 and not word.endswith("ly")):
            head = word
    while words and words[-1].endswith("ly") and words[-1] != head:
        words.pop()
    if head is None and len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    if len(words) == 1 and words[0].endswith("ed") and words[0] not in AFFECTING_VERBS:
        words = []  # "the £31m referred to": a participle, not what is counted
    if len(words) == 1 and words[0].lower() in COMPARATIVES:
        words = []  # "6.2 per cent higher at 412p": how it moved, not what moved
    if head is None and words and all(w[0].isupper() for w in words):
        words = []  # "two Rural League": a name, not what is counted
    if head is None and words:
        head = words[-1]
    return words, head, pos


def _measure_verb(text: str, word: str, end: int) -> bool:
    """A past form that says what happened to a bare count's subject: "died", "fled"; not
    one before a plural, which it describes ("16 missing villagers")."""
    if not (
        word in AFFECTING_VERBS or word in PEOPLE_VERBS or word in CANONICAL and word.endswith("ed")
    ):
        return False  # "Eleven jailed": what happened to them
    after = _WORD_AFTER.match(text, end)
    return after is None or bool(after.group(1)) or not _is_plural(after.group(2))


def _measure_before(
    text: str,
    reading: _Reading,
    previous: list[Quantity],
    floor: int,
    earlier: Quantity | None = None,
) -> str | None:
    """What a number measures from the words before it: "net profit of", "turnout was"."""
    start = reading.start
    if qualifier := _qualifier_before(text, max(floor, start - 30), start):
        start = qualifier.start()
    lead = max(floor, start - _MEASURE_REACH)
    if lead > floor and text[lead - 1].isalnum():  # never start inside a word: "o took"
        space = text.find(" ", lead, start)
        lead = space + 1 if space >= 0 else start
    if ranged := _from_to(text, reading, previous):
        return ranged
    opened = _clause_opened(text, lead, start)
    marked = opened is not None
    tokens = list(_LEAD_WORD.finditer(text, lead if opened is None else opened, start))
    copulas = [i for i, t in enumerate(tokens) if t.group().lower() in _COPULA_OR_CHANGED]
    if copulas and any(t.group() in COORDINATORS for t in tokens[copulas[-1] :]):
        copulas = []  # "the county was owed X and had borrowed Y": Y's clause has no copula
    opening = tokens[0].start() if marked and tokens else floor
    if copulas and copulas[-1] and tokens[copulas[-1] - 1].group().lower() in ANAPHORS:
        before = previous[-1] if previous else earlier  # "Last year it was 380,000"
        if before is not None and before.measure:
            return before.measure
    if copulas and (subject := _words_from(tokens[: copulas[-1]], opening)):
        changed = tokens[copulas[-1]].group().lower() in _CHANGED
        if not changed or marked or lead == floor:
            # a change verb's subject must open the clause: "Crime in X fell"; "the number
            # of people killed rose to 52" measures the people killed
            return _NUMBER_OF.sub("", subject) or subject
    if previous and previous[-1].end > lead:
        tokens = [t for t in tokens if t.start() >= previous[-1].end]
    i = len(tokens) - 1
    while i >= 0 and _skipped_before(tokens[i].group().lower()):
        i -= 1
    # "… for three days": a duration after "for" (a price after it is what something cost)
    lasting = bool(reading.unit and reading.unit.days) and i + 1 < len(tokens)
    lasting = lasting and tokens[-1].group().lower() == "for"
    taken: list[re.Match[str]] = []
    while i >= 0 and len(taken) < 4:
        if (
            tokens[i].group().lower() in MEASURE_JOINS
            and taken
            and i
            and _measure_word(tokens[i - 1], floor)
        ):
            i -= 1
            continue
        if not _measure_word(tokens[i], floor):
            break
        taken.append(tokens[i])
        i -= 1
    # "in the tunnel for three days": the place's words run up to "for", no verb between
    place = lasting and len(taken) == len(tokens) - 2 - i and _after_place_preposition(tokens, i)
    if taken and not place:
        return text[taken[-1].start() : taken[0].end()]
    return _inherited(text, reading, previous)


def _after_place_preposition(tokens: list[re.Match[str]], i: int) -> bool:
    """Tell whether the words after tokens[i] are the object of a preposition of place:
    "trapped in the tunnel for three days", "worked at the site for 11 hours" — where the
    duration was spent, not what it measures. A determiner must stand between them: "in
    force for seven weeks" says what lasted."""
    if i < 1 or tokens[i].group().lower() not in DETERMINERS:
        return False
    return tokens[i - 1].group().lower() in PLACE_PREPOSITIONS


def _clause_opened(text: str, lead: int, start: int) -> int | None:
    """Where the last clause mark or clause opener in text[lead:start] ends; None if none.

    An opener (a word or two) holds no mark, so none that starts before the last mark ends
    after it: openers are looked for after that mark only.
    """
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, lead, start)]
    last = max(marks, default=lead)
    marks += [m.end() for m in _CLAUSE_OPENER.finditer(text, last, start)]
    return max(marks, default=None)


def _from_to(text: str, reading: _Reading, previous: list[Quantity]) -> str | None:
    """ "fell from 14,820 in 2023 to 11,460": the second figure measures what the first does."""
    lead = text[max(0, reading.start - 80) : reading.start]
    if _last_word(lead, 0, len(lead)) not in _TO_LAST_WORDS or not _TO_BEFORE.search(lead):
        return None
    for q in reversed(previous):
        if q.start < reading.start - 120:
            break
        if _FROM_BEFORE.search(text, max(0, q.start - 25), q.start) and q.measure:
            return q.measure
    return None


def _skipped_before(word: str) -> bool:
    return word in MEASURE_LINKS or word in TIME_TAIL_WORDS or word.endswith("ly")


def _words_from(tokens: list[re.Match[str]], floor: int) -> str | None:
    """The subject at the start of a clause: "The unemployment rate for people …" → its noun."""
    i = 0
    while i < len(tokens) and tokens[i].group().lower() in MEASURE_STOP_WORDS:
        i += 1
    # "Halvern Foods profit jumps 18%": a name (two capitalised words or more) before a
    # lower-case noun is its owner, unlike one capitalised word opening it ("Average pay")
    lower = next((j for j in range(i, len(tokens)) if tokens[j].group()[0].islower()), i)
    named = lower - i >= 2 and all(t.group()[0].isupper() for t in tokens[i:lower])
    if named and lower < len(tokens):
        i = lower if _measure_word(tokens[lower], floor) else i
    end = i
    while end < len(tokens) and end - i < 5:
        token = tokens[end]
        joins = token.group().lower() == "of" and end + 1 < len(tokens)
        if not (_measure_word(token, floor) or joins and _measure_word(tokens[end + 1], floor)):
            break
        end += 1
    if end == i:
        return None
    return tokens[i].string[tokens[i].start() : tokens[end - 1].end()]


_APOSTROPHE = re.compile(r"['’]")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+$")


def _measure_word(token: re.Match[str], floor: int) -> bool:
    """A word that can be part of a measure: no function word, speech verb or name."""
    word = token.group()
    low = _APOSTROPHE.split(word.lower())[0]
    adverb = low.endswith("ly") and low not in LY_ADJECTIVES  # "weekly earnings" is a measure
    speech = low in _SPEECH_VERBS and not _DETERMINER_BEFORE.search(
        token.string, max(0, token.start() - 8), token.start()
    )  # "their forecast of £3.8bn": a cue word after a determiner is a noun
    if low in MEASURE_STOP_WORDS or speech or adverb or low in NUMBER_WORDS:
        return False
    if low in FRACTION_WORDS or _SPEAKS_AFTER.match(token.string, token.end()):
        return False  # "Half of …", "Police said …": no part of what is counted
    return word[0].islower() or token.start() == floor


_STOPS = re.compile(r"[.;:!?]")


def _inherited(text: str, reading: _Reading, previous: list[Quantity]) -> str | None:
    """The measure of the figure just before: "rose 6.4% to €4.91bn", "down from 1.5%"."""
    if not previous or previous[-1].measure is None:
        return None
    between = text[previous[-1].end : reading.start]
    near = len(between.split()) <= 4 and not _STOPS.search(between)
    return previous[-1].measure if near else None


def _word_before(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """Where the word of _WORD_BEFORE.search(text, lo, hi) starts and the word, found from the
    end: the spaces that end the window (or end it but for a last newline, which $ allows),
    then the run of word characters before them, from its first letter a-z or A-Z."""
    lo = min(max(lo, 0), len(text))  # as the regex engine clamps pos and endpos
    window = text[lo : max(hi, 0)]
    if window.endswith("\n"):
        window = window[:-1]
    kept = window.rstrip(" \u00a0")
    if len(kept) == len(window):
        return None
    run = kept[len(kept.rstrip(_WORD_CHARS)) :]
    word = run.lstrip("'’.&-")
    if not word:
        return None
    return lo + len(kept) - len(word), word


def _verb_before(text: str, reading: _Reading) -> str | None:
    """The word before a number and its qualifier: "killed" in "killed at least 47"."""
    start = reading.start
    if qualifier := _qualifier_before(text, max(0, start - 30), start):
        start = qualifier.start()
    if _quoted_alone(text, reading):
        start -= 1  # 'had fired "nearly 400" rockets': the verb before the quote
    before = _word_before(text, max(0, start - 25), start)
    return before[1].lower() if before else None


def _measure_without_noun(text: str, reading: _Reading, verb: str | None) -> str | None:
    """What a number without a noun measures: "cost $12m", "displaced 12,000", "put the toll at"."""
    lo = max(0, reading.start - 60)
    if _FIGURE_NOUN.search(text, lo, reading.start) and (
        figure := _FIGURE_OF.search(text, lo, reading.start)
    ):
        return re.sub(r"^(?:number|figure|total|count|tally) of ", "", figure.group(1))
    lo = max(0, reading.start - 40)
    if (
        verb not in COST_WORDS
        and text.find("cost", lo, reading.start) >= 0  # every match of _COST_BEFORE holds it
        and (cost := _COST_BEFORE.search(text, lo, reading.start))
    ):
        verb = cost.group(1)  # "would cost the industry about £35m a day"
    if verb in COST_WORDS and (reading.currency or reading.unit_name):
        at = text.rfind(verb, max(0, reading.start - 40), reading.start)
        owner = _measure_before(text, replace(reading, start=at), [], max(0, at - 90))
        return owner or "cost"  # "a two-bedroom flat now costs £1,150": the flat's price
    if verb in AFFECTING_VERBS and reading.bare:
        return verb
    if verb == "for" and reading.unit is not None and reading.unit.days is not None:
        at = text.rfind("for", max(0, reading.start - 40), reading.start)
        done = _word_before(text, max(0, at - 25), at)
        if done and done[1].islower() and done[1].endswith("ed"):
            return done[1]  # "jailed for seven years", "closed for a week"
    return None


def _is_age(text: str, reading: _Reading) -> bool:
    """ "aged 91", "Mark Delaney, 54,", "a 34-year-old" and "58 years old" give ages."""
    if reading.unit is not None and (
        text.endswith("-old", 0, reading.end) or _YEARS_OLD.match(text, reading.end)
    ):
        return reading.unit.name == "year"
    if not (reading.bare and reading.core.plain and 0 < reading.value < 120):
        return False
    lead = _AGE_BEFORE.search(text, max(0, reading.start - 40), reading.start)
    if lead is None:
        return False
    if lead.group("sure"):
        return True
    after = _AGE_AFTER.match(text, reading.end)
    return after is not None and (lead.group("name") is None or "when" in after.group())


# Pattern: Of (the|those|these|its|their|all)? WHOLE…, (WORD){0,3} COUNT — a count after a
# clause "Of the 2,130 homes that were declared unsafe," is a part of that whole.
_OF_LEAD = re.compile(
    r"(?<![A-Za-z])Of[ \u00a0]+(?:(?:the|those|these|its|their|all)\b)?"
    r"(?P<rest>(?:[^,;:.!?]|(?<=\d)[,.](?=\d)){0,80}),"
    r"[ \u00a0]*(?:[a-z]+[ \u00a0]+){0,3}$"
)


def _whole_unit(
    text: str, reading: _Reading, previous: list[Quantity], earlier: Quantity | None, floor: int
) -> str | None:
    """The unit of the whole a count is part of, when a clause "Of the WHOLE," opens before it:
    the first figure's of that clause ("Of the 1,200 who were evacuated, about 300 …"), else
    its first plural noun ("Of the homes that were declared unsafe, 1,480 …"), else, for "Of
    those, 164 …", the figure's before it."""
    lo = max(floor, reading.start - 120)
    if text.find("Of", lo, reading.start) < 0:
        return None  # every lead holds it: the pattern is not tried
    lead = _OF_LEAD.search(text, lo, reading.start)
    if lead is None:
        return None
    inside = [q for q in previous if q.start >= lead.start("rest") and q.end <= lead.end("rest")]
    if inside:
        return inside[0].unit
    for word in lead.group("rest").split():
        if word in RELATIVE_PRONOUNS or word in MEASURE_STOP_WORDS:
            break
        if _is_plural(word):
            return word.lower()
    if lead.group("rest").strip():
        return None
    before = previous[-1] if previous else earlier
    return before.unit if before is not None else None


# Pattern: COUNT who — only people are "who": "Of the 1,200 who were evacuated".
_WHO_AFTER = re.compile(r"[ \u00a0]+who\b")
# Words ending in s that name no counted noun in a measure: verbs of change, speech, staying.
_NOT_COUNTED = (NEUTRAL - GENERIC_COUNTED) | CHANGE_WORDS | STATE_VERBS | speech_forms()


def _counted_unit(text: str, reading: _Reading, measure: str | None) -> str | None:
    """The unit of a count written without its noun: the noun it counts is the unit (the
    convention of every labelled set), found where the writer put it instead.

    - the first plural noun of its measure: a list label ("Homes damaged: 14,260"), the
      subject of a level verb ("Complaints fell to 2,940"), never a verb in -s just before
      the figure ("Court jails 500");
    - else people, when the count is "who" or its measure is what only people undergo
      ("the death toll rose to 43", "16 were charged", "Missing: 61", "Evacuated: 12,500").
    """
    words = (measure or "").split()
    verb = _verb_before(text, reading)
    for word in words:
        low = word.lower()
        if low == verb:
            break  # "Court jails 500": a verb in -s just before the figure, no noun
        if low in MEASURE_STOP_WORDS:
            break  # "Rescued from rooftops": the noun after a preposition is not counted
        if low not in _NOT_COUNTED and _is_plural(word):
            return word if _ACRONYM_PLURAL.fullmatch(word) else low
    if _WHO_AFTER.match(text, reading.end) or words and _counts_people(" ".join(words).lower()):
        return "people"
    return None


def _counts_people(measure: str) -> bool:
    """True when a measure names what only people undergo: "death toll", "brought out alive",
    "missing", "were charged"."""
    words = _LEAD_WORD.findall(measure)
    if any(CANONICAL.get(w) in PEOPLE_MEASURES or w in PEOPLE_VERBS for w in words):
        return True
    return any(phrase in measure for phrase in _PEOPLE_PHRASES)


_PEOPLE_PHRASES = [p for p, measure in PHRASES.items() if measure in PEOPLE_MEASURES]


def _coordinated(text: str, previous: list[Quantity], reading: _Reading) -> str | None:
    """The noun a bare count shares with the count before: "killed 38 people and abducted 12"."""
    measure = previous[-1].measure if previous else None
    if measure is None:
        return None
    between = text[previous[-1].end : reading.start].split()
    if "and" not in between or len(between) > 4:
        return None
    noun = measure.split()[0]
    # what is shared is a noun ("38 people"), never a verb ("Seven were jailed and two …")
    return noun if _is_plural(noun) or noun == previous[-1].unit else None


def _same_measure(text: str, reading: _Reading, previous: list[Quantity]) -> Quantity | None:
    """The count before a bare count that measures all it does: nothing but that count's own
    words, a day and "and" stand between the two, and no verb follows the second ("14 dead on
    Tuesday evening and 23 on Wednesday", "arrested 40 people in Orsk on Friday and 25 on
    Saturday"); a place's name may stand between too."""
    before = previous[-1] if previous else None
    if before is None or before.measure is None:
        return None
    between = text[before.end : reading.start].split()
    if len(between) > 8 or "and" not in between:
        return None
    own = {w.lower() for w in before.measure.split()}
    rest = [w.strip(",;") for w in between if w.strip(",;").lower() not in own]
    if rest[-1:] != ["and"] or not all(_day_or_place(w) for w in rest[:-1]):
        return None
    return before if _NOTHING_AFTER.match(text, reading.end) else None


def _day_or_place(word: str) -> bool:
    return word.lower() in _DAY_WORDS or word.isdigit() or word[:1].isupper()


# Words of a day between two counts of one measure ("were wounded on Tuesday evening and":
# the first count's auxiliary too), and what may follow the second when it says nothing of
# its own ("23 on Wednesday", "25.").
_DAY_WORDS = (
    frozenset(w.lower() for w in WEEKDAYS | MONTHS)
    | PARTS_OF_DAY
    | RELATIVE_DAYS
    | frozenset(["on", "in", "at", "by", "the", "this", "last", "day", "week", "earlier", "later"])
    | frozenset(["was", "were", "is", "are", "been", "had", "have", "has"])
)
_NOTHING_AFTER = re.compile(
    r"[ \u00a0]*(?:[,.;:)]|$|(?:on|in|at|by|overnight|yesterday|today|earlier|later|last|this)\b)"
)


def _finish(
    text: str,
    reading: _Reading,
    previous: list[Quantity],
    floor: int,
    earlier: Quantity | None = None,
) -> Quantity:
    """Turn a reading into a Quantity with qualifier, measure, days and confidence."""
    lower, upper = reading.range if reading.range else (None, None)
    qual = _qualifier(text, reading.start, max(0, reading.start - 30))
    timed = reading.unit is not None and reading.unit.days is not None
    if qual == "over" and timed and not _MORE_THAN_OVER.search(text, floor, reading.start):
        qual = None  # "a buyback over 12 months": over is during, not more than
    if qual is None and timed and _WITHIN.search(text, floor, reading.start):
        qual = "within"
    if qual is None and (after := _AFTER_QUALIFIER.match(text, reading.end)):
        tail = after.group(1) or after.group(2)
        qual = {"or more": "at least", "+": "at least", "or so": "about"}.get(tail, tail)
    measure, head = _measure(text, reading, previous, floor, earlier)
    if timed and (within := _WITHIN.search(text, floor, reading.start)):
        measure = _deadline_of(text, within.start(), floor) or measure
    counted = reading.bare or reading.scaled and not reading.currency and not reading.unit
    unit = reading.unit_name or (head if counted and reading.value >= 1 else None)
    if unit is None and reading.bare and (before := _compared_with(text, reading, previous)):
        unit = before.unit  # "2,300 people …, up from 1,400": the earlier level's unit
    counted_noun = unit is not None and head == unit and _is_plural(unit)
    if reading.bare and reading.core.form != "fraction" and not counted_noun:
        # a part of a whole ("Of the 640 who were rescued, about 90 needed treatment"): the
        # whole's unit, before a word after it that names no plural
        unit = _whole_unit(text, reading, previous, earlier, floor) or unit
    if unit is None and reading.bare and reading.core.form != "fraction":
        unit = _counted_unit(text, reading, measure)
    if unit is None and reading.core.form == "fraction" and reading.value < 1:
        unit = "fraction"  # "a third of the vote", "about half": a share with no unit
    age = _is_age(text, reading)
    if age:
        measure, unit = "age", "year"
    days = None
    if reading.unit is not None and reading.unit.days is not None and not age:
        days = reading.value * reading.unit.days
    start, value = reading.start, reading.value
    if minus := _MINUS_BEFORE.search(text, max(floor, start - 10), start):
        start, value = minus.start(), -value  # "minus 4 degrees"
        lower, upper = (-upper, -lower) if lower is not None and upper is not None else (None, None)
    confidence = 0.9 if not reading.bare else 0.75
    if reading.core.form == "words":
        confidence -= 0.1
    if reading.article:
        confidence = 0.6
    return Quantity(
        start,
        reading.end,
        value,
        lower,
        upper,
        qual,
        unit,
        measure,
        days,
        round(confidence, 2),
    )


# Pattern: (AUX|to)? VERB (OBJECT)? within (the next)? DURATION — a deadline measures the
# act it is set for, from the verb after an auxiliary or "to" up to "within": "the committee
# would summon the commissioner within two weeks", "expects to close within nine to 12
# months", "considering leaving the city within five years", "a ban becomes likely within two
# weeks". At most _DEADLINE_WORDS words, never across a mark or a figure.
_DEADLINE_WORDS = 7


def _deadline_of(text: str, at: int, floor: int) -> str | None:
    """The act a deadline "within DURATION" (whose "within" starts at at) is set for."""
    tokens = list(_LEAD_WORD.finditer(text, max(floor, at - 120), at))
    i = len(tokens) - 1
    while i >= 0 and len(tokens) - i <= _DEADLINE_WORDS:
        token, low = tokens[i], tokens[i].group().lower()
        gap = text[token.end() : tokens[i + 1].start() if i + 1 < len(tokens) else at]
        if low in NUMBER_WORDS or low in SCALE_WORDS:
            return None  # "recover 900 million of it within": the act holds another figure
        if gap.strip(" \u00a0") or low in VERB_OPENERS:
            break  # a mark or a figure ("43% of new referees quit within") ends it
        if low in _OPENER_WORDS or low in _SPEECH_VERBS:
            break  # "said", "that": the act lies after them
        i -= 1
    kept = tokens[i + 1 :]
    while kept and kept[0].group().lower() in MEASURE_STOP_WORDS:
        kept.pop(0)
    while kept and (
        kept[-1].group().lower() in MEASURE_STOP_WORDS or kept[-1].group().endswith("ly")
    ):
        kept.pop()
    return text[kept[0].start() : kept[-1].end()] if kept else None


def _mark_negative_amounts(text: str, found: list[Quantity]) -> list[Quantity]:
    """Read accounting negatives "($99.99)" where a financial line item or table names them.

    In prose, brackets around an amount convert or aside it ("250m shillings ($1.9m)").
    """
    out: list[Quantity] = []
    for q in found:
        bracketed = text[q.start - 1 : q.start] == "(" and text[q.end : q.end + 1] == ")"
        positive = q.value is not None and q.value > 0
        if bracketed and positive and q.unit and q.unit[:3].isupper() and _ledger(text, q.start):
            q = replace(q, value=-(q.value or 0.0))
        out.append(q)
    return out


def _ledger(text: str, start: int) -> bool:
    """Tell whether a bracket follows a line item ("revenue is (") or sits in a table row."""
    line = text[line_start(text, start) : start]
    return "\t" in line or "|" in line or bool(_LINE_ITEM.search(line))
