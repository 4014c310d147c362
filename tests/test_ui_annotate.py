"""Picking a span for a missed claim: sentences, typed words, browser offsets."""

from __future__ import annotations

from factcheck.extract import extract_claims
from factcheck.extract.sentences import sentence_around
from factcheck.ui.annotate import Picked, from_utf16, selected_span, sentences, span_in

TEXT = "Officials said 12 boats sank. Nobody knows why!\nA second line “quoted.” Last one"


def test_sentences_split_at_stops_and_line_breaks() -> None:
    found = [TEXT[a:b] for a, b in sentences(TEXT)]
    assert found == [
        "Officials said 12 boats sank.",
        "Nobody knows why!",
        "A second line “quoted.”",
        "Last one",
    ]


def test_typed_words_are_found_inside_the_chosen_sentence_only() -> None:
    first, second = sentences(TEXT)[:2]
    assert span_in(TEXT, sentence=first, words=" 12 boats ") == Picked(15, 23, "12 boats")
    assert span_in(TEXT, sentence=second, words="12 boats") is None
    assert span_in(TEXT, sentence=first, words="   ") is None


def test_browser_offsets_count_emoji_as_two_units() -> None:
    text = "🚀 launch of 3 rockets"
    assert from_utf16(text, 2) == 1
    picked = selected_span(text, {"start": 13, "end": 13, "text": "3"})
    assert picked == Picked(12, 13, "3")


def test_a_selection_that_does_not_match_the_text_is_refused() -> None:
    assert selected_span(TEXT, {"start": 15, "end": 22, "text": "12 ships"}) is None
    assert selected_span(TEXT, {"start": "x"}) is None


def test_the_annotators_inclusive_end_is_read_as_the_last_character() -> None:
    # streamlit-nlp-annotator reports {start, end: last character, text: slice(start, end + 1)}
    assert selected_span(TEXT, {"start": 15, "end": 22, "text": "12 boats"}) == Picked(
        15, 23, "12 boats"
    )


def test_a_hand_picked_sentence_is_the_extractors_sentence() -> None:
    text = "Gen. Halevi said 40 tanks moved. Mr. Oren disagreed.\nA new line"
    found = extract_claims(text)[0]
    (span,) = [s for s in sentences(text) if s[0] <= found.start < s[1]]
    assert text[span[0] : span[1]] == found.sentence
    assert sentence_around(text, found.start, found.end) == found.sentence
