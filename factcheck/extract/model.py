"""Optional spaCy dependency parse: more attributions when a trained model is installed.

FACTCHECK_SPACY_MODEL names an installed spaCy package (default "en_core_web_sm"). When it is
not installed the extractor runs on its own sentence splitter and rules alone; nothing is ever
downloaded. spaCy itself is imported only when the model is present, to keep start-up fast.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .attribution import Attribution
from .cues import CUE_KIND
from .sentences import Sentence, SentenceIndex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

MODEL_ENV = "FACTCHECK_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm"
_loaded: dict[str, Language | None] = {}


def resolve_parser_model() -> Language | None:
    """Return the spaCy model named by FACTCHECK_SPACY_MODEL, loaded once; None if absent."""
    name = os.environ.get(MODEL_ENV, DEFAULT_MODEL).strip()
    if name not in _loaded:
        _loaded[name] = _load(name)
    return _loaded[name]


def _load(name: str) -> Language | None:
    if not name.isidentifier() or importlib.util.find_spec(name) is None:
        return None
    import spacy

    try:
        nlp = spacy.load(name, exclude=["ner"])
    except (OSError, ImportError, ValueError):
        return None
    return nlp if "parser" in nlp.pipe_names else None


def _char_span(token: Token) -> tuple[int, int]:
    subtree = list(token.subtree)
    return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)


def parsed_attributions(
    nlp: Language, text: str, sentences: Sequence[Sentence]
) -> list[Attribution]:
    """Read "<subject> <cue verb> <clause>" from the dependency parse."""
    index = SentenceIndex(list(sentences))
    found: list[Attribution] = []
    for token in nlp(text):
        if CUE_KIND.get(token.lower_) != "speech" or token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        clauses = [c for c in token.children if c.dep_ == "ccomp"]
        if not subjects or not clauses:
            continue
        speaker_start, speaker_end = _char_span(subjects[0])
        start, end = _char_span(clauses[0])
        speaker = text[speaker_start:speaker_end]
        found.append(
            Attribution(
                start,
                end,
                speaker,
                token.text,
                token.idx,
                False,
                "indirect",
                0.7,
                index.at(token.idx),
            )  # fmt: skip
        )
    return found
