"""Reported speech that opens on a hedged figure: "Police said at least 12 people died"."""

from __future__ import annotations

import pytest

from factcheck.extract import Found, extract_claims

CASES = [
    ("Police said at least 12 people died in the crash on Monday.", "Police", "at least"),
    ("The fire service said about 300 homes were destroyed.", "the fire service", "about"),
    ("Officials said nearly 40 villages had no power.", "Officials", "nearly"),
    ("Medics said up to 15 patients were moved overnight.", "Medics", "up to"),
    ("The army said more than 20 rockets were fired.", "the army", "more than"),
]


def claims_of(text: str, kind: str) -> list[Found]:
    return [c for c in extract_claims(text) if c.kind == kind]


@pytest.mark.parametrize(("text", "speaker", "qualifier"), CASES)
def test_a_hedged_figure_after_said_is_reported_speech(
    text: str, speaker: str, qualifier: str
) -> None:
    (reported,) = claims_of(text, "attributed")
    assert reported.speaker == speaker and reported.cue == "said"
    assert reported.quote.startswith(qualifier)
    (figure,) = claims_of(text, "numeric")
    assert (figure.qualifier, figure.speaker) == (qualifier, speaker)


def test_said_at_a_place_is_still_no_reported_clause() -> None:
    text = "The minister said at a news conference in Rome that talks would resume."
    (reported,) = claims_of(text, "attributed")
    assert reported.quote == "talks would resume"
    assert reported.speaker == "the minister"
