"""Every word list and table the extractor reads, in one place; each pass imports from here.

Modules, one per kind of knowledge:
- units: units of measurement (kind, days, forms: plural and abbreviations)
- currencies: currencies (code, symbols, letter prefixes, words)
- numbers: number words, scale words (lakh, crore…), fractions, vague plurals, qualifiers
  ("at least", "some") and the verbs a figure changes by, with their forms
- cues: reporting verbs with their forms and the kind of content they take
- people: titles, organisation and body nouns, pronouns, determiners
- dates: month and weekday names, the date phrases a figure may be "as of"
- grammar: function words, copulas, prepositions and pronouns, each named for its role
- verbs: irregular verb forms and their base form (quotes compared across outlets)
(measures.py is kept free for what a count measures: killed, dead, deaths …)

Adding a word is one entry in one of these modules; tests/test_extract_lexicon.py shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_set(block: str) -> frozenset[str]:
    """Return the whitespace-separated words of block as a frozenset."""
    return frozenset(block.split())


# Characters beyond a letter's two cases that the regex engine matches to it when it ignores
# case ("ſ" is an "s"); tests/test_extract_lexicon.py checks the table against the engine.
CASE_EXTRAS = {"i": "ıİ", "k": "\u212a", "s": "ſ"}


def first_letter_check(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """Return a lookahead for the first letters of words, to put before their alternation.

    The regex engine then refuses a position by one character test instead of trying every
    word there; the matches stay the same. ignore_case: the words are matched ignoring case;
    the lookahead then lists every case of each ASCII letter, so that it can stand outside the
    (?i:…) group, where a plain character test is about twice as fast.
    """
    firsts = {w[0] for w in words}
    if ignore_case and all(c.isascii() for c in firsts):
        firsts = {
            x for c in firsts for x in (c.lower(), c.upper(), *CASE_EXTRAS.get(c.lower(), ""))
        }
    elif ignore_case:  # the engine's case rules beyond ASCII: let it apply them
        return "(?i:" + first_letter_check(firsts) + ")"
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def alternation(
    words: Iterable[str], *, ignore_case: bool = False, shortest_first: bool = False
) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace.

    It is written as a trie ("sa(?:id|y(?:s)?)" for said, say, says): the engine follows one
    branch per letter instead of trying every word in turn, several times faster on a long
    list. It matches what "saids|says|say" matches, in the same order: words that match at
    one place are prefixes of one another, and the trie tries the longer first.
    ignore_case: the alternation stands inside (?i:…); words then share branches in any case.
    shortest_first: try the shorter of two words first, as the words in alphabetical order do.
    """
    unique = set(words)
    if ignore_case:
        keys = {_case_key(w) for w in unique}
        if None in keys:  # a letter whose case rules the trie does not know: list the words
            ordered = sorted(unique) if shortest_first else sorted(unique, key=len, reverse=True)
            return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ordered)
        unique = {k for k in keys if k is not None}
    root: _Trie = {}
    for word in unique:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root, "??" if shortest_first else "?")


def _case_key(word: str) -> str | None:
    """The word with each letter as the one ASCII letter it matches ignoring case; None when
    it holds a letter outside ASCII and CASE_EXTRAS ("é"), which the trie leaves alone."""
    key = []
    for char in word:
        extra = next((letter for letter, more in CASE_EXTRAS.items() if char in more), None)
        if char.isascii() or extra:
            key.append(extra or char.lower())
        elif char.lower() == char == char.upper():
            key.append(char)  # no case: "’", "–"
        else:
            return None
    return "".join(key)


_Trie = dict[str, "_Trie"]


def _branches(node: _Trie, optional: str) -> str:
    """The regex of a trie node: its continuations, optional where a word ends there (greedy
    "?" tries the longer word first, lazy "??" the shorter)."""
    alternatives = [
        (r"\s" if char == " " else re.escape(char)) + _branches(child, optional)
        for char, child in sorted(node.items())
        if char
    ]
    if not alternatives:
        return ""
    body = "|".join(alternatives)
    if "" in node:
        return f"(?:{body}){optional}"
    return body if len(alternatives) == 1 else f"(?:{body})"
