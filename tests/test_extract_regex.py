"""The lexicon's regex helpers match what the plain patterns they replace match.

alternation() writes a trie and first_letter_check() a lookahead, both for speed only: on any
word list and any text they must find the same spans, in and out of (?i:…).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.lexicon import alternation, first_letter_check

LETTERS = "abstSTkKſıİ '’.$-"
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=6).filter(lambda w: not w[0].isspace())
WORDS = st.lists(WORD, min_size=1, max_size=12)
TEXTS = st.text(alphabet=LETTERS + "\t\nxyz", max_size=80)


def plain(words: list[str]) -> str:
    """The alternation as it was written before the trie: longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ordered)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXTS)
def test_the_trie_finds_what_the_longest_first_alternation_finds(
    words: list[str], text: str
) -> None:
    for tail in ("", r"\b", r"\s", "(?![a-z])", "x?$"):
        assert spans(f"(?:{alternation(words)}){tail}", text) == spans(
            f"(?:{plain(words)}){tail}", text
        )


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXTS)
def test_the_trie_ignoring_case_finds_what_the_alternation_finds(
    words: list[str], text: str
) -> None:
    fast = (
        f"{first_letter_check(words, ignore_case=True)}(?i:{alternation(words, ignore_case=True)})"
    )
    for tail in ("", r"\b", r"\s+$"):
        assert spans(fast + tail, text) == spans(f"(?i:{plain(words)}){tail}", text)


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXTS)
def test_the_shortest_first_trie_finds_what_the_alphabetical_alternation_finds(
    words: list[str], text: str
) -> None:
    alphabetical = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(set(words)))
    for tail in ("", r"\b", r"\s", "x?$"):
        fast = f"(?:{alternation(words, shortest_first=True)}){tail}"
        assert spans(fast, text) == spans(f"(?:{alphabetical}){tail}", text)


def test_the_trie_shares_prefixes() -> None:
    assert alternation(["say", "says", "said"]) == "sa(?:id|y(?:s)?)"
    assert alternation(["according to"]) == r"according\sto"
