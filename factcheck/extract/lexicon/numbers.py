"""How figures are written and qualified: number words, scales, fractions, vague plurals,
qualifiers, the verbs a figure changes by."""

from __future__ import annotations

from . import alternation, word_set

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
SMALL_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS.split(), 0)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS.split())
}
# Scale words after a number: "3 million", "5 lakh" (100,000), "2 crore" (10 million).
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7, "crores": 1e7,
    "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# Scales written short after a figure: "$3bn", "40mn"; glued single letters: "$3m", "12k".
SCALE_ABBREVIATIONS: dict[str, float] = {"bn": 1e9, "mn": 1e6, "tn": 1e12}
SCALE_LETTERS: dict[str, float] = {"m": 1e6, "b": 1e9, "k": 1e3, "t": 1e12}
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
NUMBER_WORDS = frozenset(SMALL_WORDS) | frozenset(SCALE_WORDS) | {"hundred"}
# Vague plurals: the least each can mean ("dozens" is at least 24).
VAGUE_LOWER: dict[str, float] = {
    "dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2e3, "millions": 2e6,
    "billions": 2e9, "tens": 20.0, "several": 3.0, "few": 2.0,
}  # fmt: skip
# The words one of which every vague amount holds ("dozens", "several hundred").
VAGUE_WORDS = word_set(
    "dozens hundreds thousands millions billions scores hundred thousand million"
)
# Nouns after a tally: "a 28-8 vote", "a 5-4 ruling" (a sports score "3-1" stays context).
TALLY_NOUNS = frozenset(
    "vote votes majority margin decision split ruling verdict tally".split()  # noqa: SIM905
)

# Verbs by which a figure changes; each entry gives base, -s, -ing, past and participle.
# "level": the subject's own figure moves ("turnout rose to 61%", "prices fell 2%");
# "object": someone changes something else by the number ("the firm cut 500 jobs", "raised the
# fee from $5 to $7"), so the subject is not what the number measures; "from": a change only
# with "from … to" ("went from 5% to 7%"), being as often an auxiliary ("is going to").
_CHANGE_VERBS = {
    "level": """
        rise rises rising rose risen | fall falls falling fell fallen | grow grows growing grew
        grown | climb climbs climbing climbed climbed | drop drops dropping dropped dropped |
        jump jumps jumping jumped jumped | increase increases increasing increased increased |
        decrease decreases decreasing decreased decreased | decline declines declining declined
        declined | slip slips slipping slipped slipped | surge surges surging surged surged |
        soar soars soaring soared soared | plunge plunges plunging plunged plunged | tumble
        tumbles tumbling tumbled tumbled | slide slides sliding slid slid | slump slumps slumping
        slumped slumped | shrink shrinks shrinking shrank shrunk | double doubles doubling
        doubled doubled | halve halves halving halved halved
    """,
    "object": """
        cut cuts cutting cut cut | raise raises raising raised raised | reduce reduces reducing
        reduced reduced | add adds adding added added | shed sheds shedding shed shed | gain
        gains gaining gained gained | lose loses losing lost lost | change changes changing
        changed changed
    """,
    "from": "go goes going went gone | move moves moving moved moved",
}
_ENTRIES = {
    kind: [entry.split() for entry in block.split("|")] for kind, block in _CHANGE_VERBS.items()
}
# Every form of the "level" and "object" verbs: a figure after one is a level or a change.
CHANGE_WORDS = frozenset(f for kind in ("level", "object") for e in _ENTRIES[kind] for f in e)
# Every form of every change verb, for "… from X to Y".
CHANGE_FROM_WORDS = CHANGE_WORDS | {f for e in _ENTRIES["from"] for f in e}
# The finite forms (-s, past, participle) of the "level" verbs: their subject is what the
# number measures. A base or -ing form is as often a noun ("a rise of 5%") or a complement.
LEVEL_VERBS = frozenset(f for e in _ENTRIES["level"] for f in (e[1], e[3], e[4]))
# Adverbs that say a change without a verb: "up 4% from", "down from 7,950".
CHANGE_ADVERBS = frozenset({"up", "down"})

# What may stand before a figure to bound it or say it is not exact ("at least 12", "some 240").
# Longer phrases come first where they share words; matching is anchored at the number.
QUALIFIERS = (
    "no more than", "no fewer than", "no less than", "at least", "at most", "more than",
    "less than", "fewer than", "as many as", "as much as", "as few as", "up to", "close to",
    "just over", "just under", "well over", "upwards of", "in excess of", "somewhere around",
    "an estimated", "estimated", "approximately", "roughly", "closer to", "maybe", "perhaps",
    "around", "about", "nearly", "almost", "some", "over", "under", "exactly", "precisely",
    "only", "just", "below", "above", "plus or minus",
)  # fmt: skip
# Words before "a week", "an hour" that make it a length of time: "took a day", "for a week".
DURATION_VERBS = ("within", "for", "took", "takes", "take", "lasted", "lasts", "last", "spent",
                  "spend", "after")  # fmt: skip
# Qualifiers that keep "one" a figure ("only one", "at least one"); a bare "one" is a word.
QUALIFIERS_KEEP_ONE = frozenset({"only", "at least", "more than", "just", "exactly", "some"})
# Counting nouns that are a number: "more than a dozen aftershocks".
DOZENS = {"dozen": 12.0, "baker's dozen": 13.0, "baker’s dozen": 13.0}
# A regex for an optional qualifier and the space after it: "from about 1,400", "to at least 52".
QUALIFIED = rf"(?:(?i:{alternation(QUALIFIERS, ignore_case=True)})\s+)?"
