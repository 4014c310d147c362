"""Property: extraction never crashes on any text, and every span it returns is valid."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims

FRAGMENTS = st.sampled_from(
    [
        "said", " said that ", "according to", ", ", ". ", "\n", "\n\n", '"', "“", "”", "‘",
        "’", "'", "The minister", "he", "Smith", "Dr. Jane Smith", "1,200", "4-1/2-month",
        "two and a half", "between 3 and", "$3.5 billion", "£2,000", "%", " per cent", "½",
        "9" * 400, "1e999", "2.48×10−5", "8x2^10", "-", "–", "at least ", "one in five",
        "October 7", "1979", "(", ")", "10:30", "a hundred and", "week-long", "three-phase",
        "urged", "called", "claims", "which the kingdom claims is", "been described by X as",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_gives_valid_spans(text: str) -> None:
    for claim in extract_claims(text):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert claim.quote == text[claim.start : claim.end]
        assert claim.sentence in text
        assert 0.0 <= claim.confidence <= 1.0
        for number in (claim.value, claim.lower, claim.upper, claim.days):
            assert number is None or math.isfinite(number)
        json.dumps(claim.to_dict(), allow_nan=False)
