"""Numbers written as words: units and tens, scale words, fractions and vague plurals."""

from __future__ import annotations

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
# Nouns after a tally: "a 28-8 vote", "a 5-4 ruling" (a sports score "3-1" stays context).
TALLY_NOUNS = frozenset(
    "vote votes majority margin decision split ruling verdict tally".split()  # noqa: SIM905
)
