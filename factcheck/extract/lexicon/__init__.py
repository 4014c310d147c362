"""Every word list and table the extractor reads, in one place; each pass imports from here.

Modules, one per kind of knowledge:
- units: units of measurement (kind, days, forms: plural and abbreviations)
- currencies: currencies (code, symbols, letter prefixes, words)
- numbers: number words, scale words (lakh, crore…), fractions and vague plurals
- cues: reporting verbs with their forms and the kind of content they take
- people: titles, organisation and body nouns, pronouns, determiners
- dates: month and weekday names, the date phrases a figure may be "as of"
(measures.py is kept free for what a count measures: killed, dead, deaths …)

Adding a word is one entry in one of these modules; tests/test_extract_lexicon.py shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_set(block: str) -> frozenset[str]:
    """Return the whitespace-separated words of block as a frozenset."""
    return frozenset(block.split())


def first_letter_check(words: Iterable[str]) -> str:
    """Return a lookahead for the first letters of words, to put before their alternation.

    The regex engine then refuses a position by one character test instead of trying every
    word there; the matches stay the same.
    """
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ordered)
