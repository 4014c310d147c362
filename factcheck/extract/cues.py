"""Cue words that introduce reported speech, built from the lexicon's table of cues."""

from __future__ import annotations

import re

from .lexicon import alternation, first_letter_check
from .lexicon.cues import CUES, PASSIVE_VERBS, TELLING, Cue
from .lexicon.verbs import IRREGULAR_PAST

__all__ = ["CUE", "CUE_KIND", "IRREGULAR_PAST", "PASSIVE_VERBS", "TELLING", "cue_kind"]

# Later kinds win where a form is in two: speech over naming ("call" names, "calls for" asks).
CUE_OF: dict[str, Cue] = {form: cue for cue in CUES for form in cue.forms}
CUE_KIND: dict[str, str] = {form: cue.kind for form, cue in CUE_OF.items()}
# A cue word joined by a hyphen is part of a noun or adjective: "a $90m write-down", "a
# post-war record", "call-up papers".
CUE = re.compile(rf"(?<!-)\b{first_letter_check(CUE_KIND)}({alternation(CUE_KIND)})\b(?!-\w)")
PASSIVE = "|".join(PASSIVE_VERBS)


def cue_kind(cue: str) -> str:
    """Return "speech", "directive", "naming" or "according_to" for a cue found by CUE."""
    return CUE_KIND[cue]


def is_bare_verb(cue: str) -> bool:
    """Tell whether cue is a verb's base form ("say", "demand"), which is often a noun."""
    entry = CUE_OF.get(cue)
    return entry is not None and entry.base == cue and cue not in IRREGULAR_PAST


def needs_that(cue: str) -> bool:
    """Tell whether cue reports only with "that", a colon or a quotation ("added", "fear")."""
    entry = CUE_OF.get(cue)
    return entry is not None and entry.needs_that


def data_only(cue: str) -> bool:
    """Tell whether cue reports only with a document or data as subject ("shows", "found")."""
    entry = CUE_OF.get(cue)
    return entry is not None and entry.data_only


def speech_forms() -> frozenset[str]:
    """Every form of every speech cue: words that end what a figure measures."""
    return frozenset(f for c in CUES if c.kind in ("speech", "according_to") for f in c.forms)
