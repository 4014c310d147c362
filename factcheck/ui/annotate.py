"""Pick a span of an article for a claim the extractor missed.

Two ways, behind one function: select the words with the mouse (streamlit-nlp-annotator), or
choose the sentence, then type the words (from the keyboard alone). Sentences are the
extractor's own (extract/sentences.py), so a claim added by hand gets the same sentence as an
extracted one. Either way the result is an exact span; the service (claims.add_claim) checks
``text[start:end] == quote`` again before writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from factcheck.extract.sentences import split_sentences
from factcheck.ui.common import plain

SELECT = "Select in the text"
TYPE = "Choose the sentence, type the words"


@dataclass(frozen=True, slots=True)
class Picked:
    """A span of the article: text[start:end] == quote."""

    start: int
    end: int
    quote: str


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, as the extractor splits it."""
    return [(s.start, s.end) for s in split_sentences(text)]


def span_in(text: str, *, sentence: tuple[int, int], words: str) -> Picked | None:
    """The first place ``words`` occur inside the sentence, or None."""
    clean = words.strip()
    if not clean:
        return None
    start, end = sentence
    found = text.find(clean, start, end)
    return Picked(found, found + len(clean), clean) if found >= 0 else None


def from_utf16(text: str, offset: int) -> int:
    """A browser's offset (UTF-16 code units) as a Python string index."""
    units = 0
    for index, ch in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def selected_span(text: str, annotation: dict[str, Any]) -> Picked | None:
    """The span the annotator reported, checked against the text; None if it is off.

    streamlit-nlp-annotator counts in UTF-16 units and its ``end`` is the LAST character
    (inclusive): its ``text`` is ``text.slice(start, end + 1)``.
    """
    try:
        start = from_utf16(text, int(annotation["start"]))
        end = from_utf16(text, int(annotation["end"]) + 1)
    except (KeyError, TypeError, ValueError):
        return None
    quote = text[start:end]
    reported = annotation.get("text")
    if not quote.strip() or (reported is not None and reported != quote):
        return None
    return Picked(start, end, quote)


@cache
def _annotator() -> Callable[..., Any] | None:
    """streamlit-nlp-annotator's component; None only where no browser can show it (AppTest)."""
    try:
        from streamlit_nlp_annotator import annotate_text
    except StreamlitAPIException:  # its frontend files register only under a real server
        return None
    return annotate_text  # type: ignore[no-any-return]


def pick_span(text: str, *, key: str) -> Picked | None:
    """Let the reviewer pick a span of ``text``; None until they have."""
    ways = [SELECT, TYPE] if _annotator() is not None else [TYPE]
    way = st.radio("How", ways, horizontal=True, key=f"{key}_way") if len(ways) > 1 else TYPE
    picked = _by_selection(text, key) if way == SELECT else _by_typing(text, key)
    if picked is not None:
        st.success(f"Selected: “{plain(picked.quote)}” (characters {picked.start}–{picked.end})")
    return picked


def _by_selection(text: str, key: str) -> Picked | None:
    annotate_text = _annotator()
    assert annotate_text is not None
    st.caption("Select the words with the mouse, then choose the label “claim”.")
    result = annotate_text(
        text=text, labels=["claim"], allow_runtime_labels=False, key=f"{key}_annotator"
    )
    annotations = list(getattr(result, "annotations", None) or [])
    if not annotations:
        return None
    picked = selected_span(text, dict(annotations[-1]))
    if picked is None:
        st.warning("That selection does not match the article text; select the words again.")
    return picked


def _by_typing(text: str, key: str) -> Picked | None:
    spans = sentences(text)
    if not spans:
        return None
    chosen = st.selectbox(
        "Sentence",
        range(len(spans)),
        format_func=lambda i: _preview(text[spans[i][0] : spans[i][1]]),
        index=None,
        placeholder="Choose the sentence that holds the claim",
        key=f"{key}_sentence",
    )
    if chosen is None:
        return None
    sentence = spans[chosen]
    st.caption(plain(text[sentence[0] : sentence[1]]))
    words = st.text_input(
        "The words of the claim, exactly as printed", key=f"{key}_words", max_chars=2000
    )
    if not words.strip():
        return None
    picked = span_in(text, sentence=sentence, words=words)
    if picked is None:
        st.warning(
            f"“{plain(words.strip()[:80])}” is not in that sentence; copy the words exactly as "
            "printed."
        )
    return picked


def _preview(sentence: str, width: int = 110) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
