"""One vocabulary: currencies, scales, tallies and as-of dates read from the lexicon package,
and a unit, a currency and a cue added in that one place are found in text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.extract import Found, extract_claims
from factcheck.extract.lexicon import CASE_EXTRAS
from factcheck.extract.lexicon.people import DETERMINERS
from factcheck.extract.speakers import is_speaker_phrase


def figures(text: str) -> list[Found]:
    return [c for c in extract_claims(text) if c.kind == "numeric"]


def money(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(c.quote, c.value, c.unit) for c in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The state will borrow N70 million for roads.", ("N70 million", 7e7, "NGN")),
        ("Fuel subsidies cost ₦4.5bn last month.", ("₦4.5bn", 4.5e9, "NGN")),
        ("The county budget is KSh461 billion this year.", ("KSh461 billion", 4.61e11, "KES")),
        ("Each family gets Rs 5 lakh in compensation.", ("Rs 5 lakh", 5e5, "INR")),
        ("The bridge cost ₹2 crore to repair.", ("₹2 crore", 2e7, "INR")),
        ("Petrobras will invest R$3bn in the field.", ("R$3bn", 3e9, "BRL")),
        ("Vendors were fined 1,000 pesos each.", ("1,000 pesos", 1000.0, "PHP")),
        ("He won 12 lakh rupees in the draw.", ("12 lakh rupees", 1.2e6, "INR")),
    ],
)
def test_local_currencies_before_and_after_the_amount(
    text: str, expected: tuple[str, float, str]
) -> None:
    assert money(text) == [expected]


@pytest.mark.parametrize(
    "text", ["Nurses were given N95 masks.", "The clinic ordered 200 N95 respirators."]
)
def test_a_one_letter_prefix_without_a_scale_is_no_currency(text: str) -> None:
    assert all(c.unit != "NGN" for c in figures(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("About 3 lakh people attended the rally.", 3e5),
        ("The scheme reached 1.2 crore homes.", 1.2e7),
    ],
)
def test_lakh_and_crore_are_scales(text: str, value: float) -> None:
    assert [c.value for c in figures(text)] == [value]


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("The council approved the plan in a 28-8 vote on Tuesday.", "28-8", 28.0),
        ("The senators voted 52-48 to pass the bill.", "52-48", 52.0),
    ],
)
def test_a_tally_is_one_claim(text: str, quote: str, value: float) -> None:
    assert [(c.quote, c.value, c.unit) for c in figures(text)] == [(quote, value, "tally")]


@pytest.mark.parametrize("text", ["City won 3-1 on Sunday.", "The champions drew 2-2 at home."])
def test_a_sports_score_stays_context(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("There is one doctor for every patient at a ratio of 1:600 in the north.", "1:600",
         1 / 600),
        ("The survey maps are drawn at 1:50,000 scale.", "1:50,000", 1 / 50000),
    ],
)  # fmt: skip
def test_a_colon_ratio_is_a_share(text: str, quote: str, value: float) -> None:
    assert [(c.quote, c.value, c.unit) for c in figures(text)] == [(quote, value, "ratio")]


def test_a_clock_time_with_a_colon_stays_context() -> None:
    assert figures("The meeting starts at 10:30 on Monday.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [("The 3-phased rollout begins now.", "phase"), ("A three-tiered fee was agreed.", "tier")],
)
def test_a_compound_adjective_counts_its_noun(text: str, unit: str) -> None:
    assert [c.unit for c in figures(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Around 130 of the hostages are still held.", "hostages"),
        ("Three of the victims were children.", "victims"),
    ],
)
def test_a_count_of_a_group_measures_the_group(text: str, measure: str) -> None:
    assert [c.measure for c in figures(text)] == [measure]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("As of Wednesday, 1,200 people had been evacuated.", "As of Wednesday"),
        ("By the end of January, 40% of the staff had left.", "By the end of January"),
        ("Since October 7, 240 people have been taken hostage.", "Since October 7"),
        ("The toll reached 312 as at 30 June 2024, the agency said.", "as at 30 June 2024"),
        # a period ending at a month is when a change holds (blind sets 5 and 6 label it)
        ("Prices rose 4% in the year to March.", "in the year to March"),
    ],
)
def test_a_figure_records_the_date_it_holds_at(text: str, as_of: str | None) -> None:
    assert [c.as_of for c in figures(text)] == [as_of]


def test_the_nearest_date_phrase_is_the_figures() -> None:
    text = "Since May 2, 80 homes were flooded and, as of Friday, 12 roads were closed."
    assert [(c.quote, c.as_of) for c in figures(text)] == [
        ("80", "Since May 2"),
        ("12", "as of Friday"),
    ]


def test_a_lone_determiner_is_no_speaker() -> None:
    assert {"your", "these"} <= DETERMINERS
    assert not is_speaker_phrase("Your")
    assert not is_speaker_phrase("These")


ADD_ENTRIES = """
import json
from factcheck.extract.lexicon import cues, currencies, units
units.UNITS.append(units.Unit("furlong", "length", forms=("furlongs", "furlong")))
currencies.CURRENCIES.append(currencies.Currency("GMD", symbols=(), prefixes=("D",),
                                                 words=("dalasis",)))
cues.CUES.append(cues.Cue("opine", ("opine", "opined", "opines"), "speech"))
from factcheck.extract import extract_claims
text = "The course runs 7 furlongs. Fees rose to 900 dalasis. Ortiz opined that it was fair."
print(json.dumps([[c.kind, c.quote, c.unit, c.speaker] for c in extract_claims(text)]))
"""


def test_a_unit_a_currency_and_a_cue_added_to_the_lexicon_are_found() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", ADD_ENTRIES], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    claims = json.loads(out.stdout)
    assert ["numeric", "7 furlongs", "furlong", None] in claims
    assert ["numeric", "900 dalasis", "GMD", None] in claims
    assert ["attributed", "it was fair", None, "Ortiz"] in claims


def test_the_case_table_holds_every_character_the_engine_matches_to_a_letter() -> None:
    """A first-letter lookahead outside (?i:…) must let through every character the engine
    would match to that letter ignoring case, or it would drop matches."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = set(re.findall(f"(?i){letter}", every)) - {letter, letter.upper()}
        assert matched == set(CASE_EXTRAS.get(letter, "")), letter


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Quarterly profit slides 12% to 4.1 million euros.", "Quarterly profit"),
        ("Membership of the union shrank 8% to 2,300 last year.", "Membership"),
        ("Ticket sales tumbled 30% to 41,000 in March.", "Ticket sales"),
    ],
)
def test_every_form_of_a_change_verb_gives_its_subject_as_the_measure(
    text: str, measure: str
) -> None:
    """A change verb from the lexicon ends the subject and makes "X% to Y" two figures."""
    found = figures(text)
    assert len(found) == 2, [c.quote for c in found]
    assert {c.measure for c in found} == {measure}


@pytest.mark.parametrize(
    ("text", "measure"),
    [("The ferry operator cut 500 jobs.", "jobs"), ("The council shed 120 posts.", "posts")],
)
def test_a_verb_that_changes_something_else_counts_its_object(text: str, measure: str) -> None:
    (found,) = figures(text)
    assert found.measure == measure


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Rents now cost upwards of 900 pounds a month.", "now"),
        ("Fares rose, up from at least 2.10 euros a year earlier.", "a year earlier"),
        ("Turnout now stands at more than 61%.", "now"),
    ],
)
def test_every_qualifier_may_stand_between_a_level_word_and_its_figure(
    text: str, as_of: str
) -> None:
    """The qualifiers are one list: "upwards of" and "at least" count as "about" does."""
    (found,) = figures(text)
    assert found.as_of == as_of


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Nearly a quarter of a million people signed.", "a quarter of a million", 250_000,
         "people"),
        ("Three-quarters of a million euros went missing.", "Three-quarters of a million euros",
         750_000, "EUR"),
        ("The scheme cost a third of a billion dollars.", "a third of a billion dollars",
         1e9 / 3, "USD"),
    ],
)  # fmt: skip
def test_a_fraction_of_a_scale_is_one_figure(
    text: str, quote: str, value: float, unit: str
) -> None:
    (found,) = figures(text)
    assert (found.quote, found.unit) == (quote, unit)
    assert found.value == pytest.approx(value)


def test_no_pass_keeps_a_word_list_of_its_own() -> None:
    """Word lists live in the lexicon package: a pass that builds one from literal words
    (word_set, a set or a dict of strings at module level) would be a second place to edit."""
    extract = Path(__file__).parents[1] / "factcheck" / "extract"
    literal = re.compile(r"^_?[A-Z_]+(?:: [^=\n]+)? = (?:word_set\(|frozenset\(\{\"|\{\")", re.M)
    found = {
        f"{path.name}: {m.group().split(' =')[0]}"
        for path in extract.glob("*.py")
        for m in literal.finditer(path.read_text(encoding="utf-8"))
    }
    assert not found
