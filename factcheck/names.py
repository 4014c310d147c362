"""Names of outlets and speakers: one clean form to store and show, one key to compare.

Two names are the same outlet or speaker when their keys are equal. ``clean_name`` is what a
person would read (NFKC, no invisible or bidi control characters, single spaces);
``name_key`` also folds case and diacritics. ``mixed_scripts`` flags a name that mixes
alphabets (a Cyrillic "а" inside a Latin word), the look-alike trick keys cannot undo.
"""

from __future__ import annotations

import unicodedata

# Format characters (category Cf) cover zero-width spaces and joiners, the BOM, soft hyphens
# and every bidi embedding, override and isolate control; none of them belongs in a name.
_DROP_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cs"})


def clean_name(text: str) -> str:
    """The name as shown: NFKC, invisible and bidi control characters removed, one space."""
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in normal
        if ch.isspace() or unicodedata.category(ch) not in _DROP_CATEGORIES
    )
    return " ".join(kept.split())


def name_key(text: str) -> str:
    """The identity of a name: its clean form with case and diacritics folded."""
    decomposed = unicodedata.normalize("NFKD", clean_name(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _script(ch: str) -> str:
    # The first word of a letter's Unicode name is its script ("LATIN", "CYRILLIC", "GREEK").
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def mixed_scripts(text: str) -> bool:
    """True when one word of the name mixes letters of two scripts (a look-alike spelling)."""
    for word in clean_name(text).split():
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if len(scripts) > 1:
            return True
    return False
