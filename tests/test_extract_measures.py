"""What a figure counts and when it holds, as the extractor reports it (issue #11, "Numbers").

Each rule is a general pattern (stated in factcheck/extract/numeric.py and asof.py) and is
covered here by at least two sentences, invented for these tests: no sentence is taken from a
labelled set. The keys these measures give are tested in tests/test_comparable.py.
"""

from __future__ import annotations

import pytest

from factcheck.comparable import figure_measure_key
from factcheck.extract import extract_claims
from factcheck.extract.types import Found


def figure(text: str, quote: str) -> Found:
    """The numeric claim of text whose quote is quote."""
    found = [c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote]
    assert len(found) == 1, [c.quote for c in extract_claims(text)]
    return found[0]


def key(text: str, quote: str) -> str | None:
    """The measure key stored for that claim."""
    c = figure(text, quote)
    return figure_measure_key(c.measure, c.unit, c.sentence, c.quote)


@pytest.mark.parametrize(
    ("text", "quote", "measure", "key_"),
    [
        ("Some 6,400 fled the burning hills overnight.", "6,400", "fled", "displaced"),
        ("About 210 drowned when the overloaded barge sank.", "210", "drowned", "killed"),
        ("At least 35 died on the mountain road.", "35", "died", "killed"),
    ],
)
def test_a_bare_count_followed_by_what_happened_counts_people(
    text: str, quote: str, measure: str, key_: str
) -> None:
    found = figure(text, quote)
    assert (found.measure, found.unit) == (measure, "people")
    assert key(text, quote) == key_


def test_a_participle_before_a_plural_describes_it() -> None:
    found = figure("Divers were looking for 16 missing fishermen off Kell Point.", "16")
    assert found.measure == "missing fishermen"
    assert found.unit == "fishermen"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("Twenty-three are confirmed dead in the hill villages.", "Twenty-three", "dead"),
        ("Nine remain missing after the quarry wall gave way.", "Nine", "missing"),
        ("Fourteen were reported missing by their families.", "Fourteen", "missing"),
        ("About 300 are feared dead in the valley.", "300", "dead"),
    ],
)
def test_a_count_with_a_stance_word_before_its_participle_counts_what_happened(
    text: str, quote: str, measure: str
) -> None:
    found = figure(text, quote)
    assert found.measure == measure
    assert found.unit == "people"  # never "remain" or "are"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("Some 85 people have been admitted or treated at Holm General.", "85", "people admitted"),
        ("More than 700 people have now been evacuated from Lisk.", "700", "people evacuated"),
        ("About 40 children had been admitted to the ward by noon.", "40", "children admitted"),
    ],
)
def test_a_perfect_passive_after_a_count_of_people_is_its_measure(
    text: str, quote: str, measure: str
) -> None:
    assert figure(text, quote).measure == measure


LIST = (
    "Storm Ferrin in numbers\n"
    "Confirmed deaths: 19\n"
    "People treated in hospital: about 64\n"
    "Homes destroyed - 2,750\n"
    "- Roads still closed: 31\n"
)


@pytest.mark.parametrize(
    ("quote", "measure", "key_"),
    [
        ("19", "Confirmed deaths", "killed"),
        ("64", "People treated in hospital", "hospitalised"),
        ("2,750", "Homes destroyed", "destroyed home"),
        ("31", "Roads still closed", "closed road"),
    ],
)
def test_a_label_before_a_figure_in_a_list_is_its_measure(
    quote: str, measure: str, key_: str
) -> None:
    assert figure(LIST, quote).measure == measure
    assert key(LIST, quote) == key_


@pytest.mark.parametrize(
    "text",
    [
        "Harlan: 40 more by Friday, or the deal is off.",
        "Officials said: 40 more were found.",
    ],
)
def test_a_name_or_a_speech_verb_before_a_colon_is_no_label(text: str) -> None:
    assert figure(text, "40").measure is None


@pytest.mark.parametrize(
    ("text", "quote", "as_of"),
    [
        ("It was the deadliest storm since 2004, when 92 fishermen drowned.", "92", "2004"),
        ("The pit has been shut since 2011, when 33 workers died there.", "33", "2011"),
        ("The river last burst its banks in March 2019, when 4,000 people fled.", "4,000",
         "March 2019"),
        ("Officials recalled Tuesday, when 12 people were hurt on the bridge.", "12", "Tuesday"),
    ],
)  # fmt: skip
def test_a_when_clause_after_a_date_holds_at_that_date(text: str, quote: str, as_of: str) -> None:
    assert figure(text, quote).as_of == as_of


@pytest.mark.parametrize(
    "text",
    [
        "Since then, when 40 people arrived, the square has been full.",
        "He left the hall when 40 people arrived.",
        "In 2015, when asked, the council said, 40 people applied.",
    ],
)
def test_a_when_clause_without_a_date_before_it_dates_nothing(text: str) -> None:
    assert figure(text, "40").as_of is None


@pytest.mark.parametrize(
    ("text", "quote", "as_of"),
    [
        ("As of Thursday, 61 people had been killed.", "61", "As of Thursday"),
        ("By the end of March, 400 homes had been rebuilt.", "400", "By the end of March"),
        ("Since January, 2,000 people have applied.", "2,000", "Since January"),
    ],
)
def test_the_lead_phrases_still_date_their_clause(text: str, quote: str, as_of: str) -> None:
    assert figure(text, quote).as_of == as_of
