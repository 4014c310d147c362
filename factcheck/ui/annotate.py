"""Pick a span of an article for a claim the extractor missed.

Two ways, behind one function: select the words with the mouse (the optional
streamlit-nlp-annotator component, when installed), or the built-in way that always works:
choose the sentence, then type the words. Either way the result is an exact span; the service
(claims.add_claim) checks ``text[start:end] == quote`` again before writing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from factcheck.ui.common import plain

SELECT = "Select in the text"
TYPE = "Choose the sentence, type the words"
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)]*)\s+|\n+")  # group 1: closing quotes


@dataclass(frozen=True, slots=True)
class Picked:
    """A span of the article: text[start:end] == quote."""

    start: int
    end: int
    quote: str


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of ``text``, leading and trailing blanks trimmed."""
    out = []
    begin = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        stop = (
            len(text)
            if match is None
            else match.end(1)
            if match.group(1) is not None
            else match.start()
        )
        chunk = text[begin:stop]
        if chunk.strip():
            left = begin + len(chunk) - len(chunk.lstrip())
            out.append((left, begin + len(chunk.rstrip())))
        if match:
            begin = match.end()
    return out


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
    """The span a browser component reported, checked against the text; None if it is off."""
    try:
        start = from_utf16(text, int(annotation["start"]))
        end = from_utf16(text, int(annotation["end"]))
    except (KeyError, TypeError, ValueError):
        return None
    quote = text[start:end]
    reported = annotation.get("text")
    if not quote.strip() or (reported is not None and reported != quote):
        return None
    return Picked(start, end, quote)


@cache
def _annotator() -> Callable[..., Any] | None:
    """streamlit-nlp-annotator's component when it is installed and loads, else None."""
    try:
        from streamlit_nlp_annotator import annotate_text
    except (ImportError, StreamlitAPIException):  # absent, or outside a Streamlit server
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
