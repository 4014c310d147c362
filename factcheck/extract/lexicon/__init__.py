"""Small helpers for the word lists that the extractors keep as readable blocks of text."""

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
