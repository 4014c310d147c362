"""What a figure measures when the words around it say it, not the noun after it (issue #10).

Three general patterns, each stated in factcheck/extract/numeric.py and covered by sentences
invented for these tests (none from a labelled set):

- the subject of a change verb before "to N NOUN" names what is measured, the noun only what
  it is counted in ("net profit halved to 96 million marrows");
- a deadline "within DURATION" measures the act it is set for ("must refund every passenger
  within 14 days");
- a share of a poll's respondents measures what they answered ("found that 58% planned to
  leave the profession").
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.extract.types import Found


def figure(text: str, quote: str) -> Found:
    """The numeric claim of text whose quote is quote."""
    found = [c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote]
    assert len(found) == 1, [c.quote for c in extract_claims(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "measure", "unit"),
    [
        ("Annual turnover climbed 12% to 840 million marrows.", "840 million", "Annual turnover",
         "marrows"),
        ("The average price of coal had fallen by a quarter, to 90 tavels a tonne.", "90",
         "average price of coal", "tavels"),
        ("The death toll rose to 43 people on Friday.", "43", "death toll", "people"),
    ],
)  # fmt: skip
def test_the_subject_of_a_change_verb_is_what_a_figure_after_to_measures(
    text: str, quote: str, measure: str, unit: str
) -> None:
    found = figure(text, quote)
    assert (found.measure, found.unit) == (measure, unit)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The crowd grew to 40,000 people by noon.", "40,000"),
        ("The fleet grew to 23 ferries last year.", "23"),
    ],
)
def test_a_container_before_the_change_verb_leaves_the_counted_noun(text: str, quote: str) -> None:
    found = figure(text, quote)
    assert found.measure == found.unit


def test_no_subject_is_read_across_a_clause_mark() -> None:
    text = "Its workforce, which had been shrinking for years, fell to 900 employees."
    assert "workforce" not in (figure(text, "900").measure or "")


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("The regulator said the airline must refund every passenger within 14 days.",
         "14 days", "refund every passenger"),
        ("Engineers expect to reopen the bridge within six weeks.", "six weeks",
         "reopen the bridge"),
        ("Council officers were told to clear the backlog within the next three months.",
         "three months", "clear the backlog"),
        ("Most of the trapped walkers were rescued within two hours.", "two hours", "rescued"),
    ],
)  # fmt: skip
def test_a_deadline_measures_the_act_it_is_set_for(text: str, quote: str, measure: str) -> None:
    assert figure(text, quote).measure == measure


def test_a_deadline_act_holding_another_figure_is_not_read() -> None:
    text = "The agency promised to collect 600 million of the arrears within two years."
    assert "million" not in (figure(text, "two years").measure or "")


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("A survey of 900 nurses found that 58% planned to leave the profession.", "58%",
         "planned to leave the profession"),
        ("Of those asked, 31% said they would vote for the mayor again.", "31%",
         "vote for the mayor again"),
        ("The poll shows 62% of parents back the later start.", "62%",
         "parents back the later start"),
        ("It found that 38% of tenants had skipped meals to pay the rent.", "38%",
         "tenants skipped meals to pay"),
    ],
)  # fmt: skip
def test_a_share_of_respondents_measures_their_answer(text: str, quote: str, measure: str) -> None:
    assert figure(text, quote).measure == measure


@pytest.mark.parametrize(
    ("text", "quote", "wrong"),
    [
        ("Sales rose 9% compared with last year.", "9%", "compared"),
        ("Revenue was 4.1 billion marrows, 9% lower than forecast.", "9%", "lower"),
        ("The study shows 31% of boys aged 11 to 14 skipped breakfast.", "31%", "aged"),
    ],
)
def test_a_change_is_no_answer(text: str, quote: str, wrong: str) -> None:
    assert wrong not in (figure(text, quote).measure or "")


@pytest.mark.parametrize(
    ("text", "quote", "measure", "unit"),
    [
        ("Four walkers were injured on Saturday. Medics treated 11 more on Sunday.", "11",
         "walkers injured", "walkers"),
        ("Police detained 14 fans on Friday and 9 more on Saturday.", "9", "fans detained",
         "fans"),
        ("At least 60 barns were destroyed and 25 more were damaged.", "25", "barns damaged",
         "barns"),
    ],
)  # fmt: skip
def test_n_more_counts_more_of_what_the_figure_before_counted(
    text: str, quote: str, measure: str, unit: str
) -> None:
    found = figure(text, quote)
    assert (found.measure, found.unit) == (measure, unit)


def test_more_than_is_a_comparison_not_more_of_the_same() -> None:
    text = "Police detained 14 fans on Friday. Turnout was 12 more than last season."
    assert "fans" not in (figure(text, "12").measure or "")


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("The death toll, now 41, is expected to rise.", "41", "death toll"),
        ("Freight income, 230 million, was flat on the year.", "230 million", "Freight income"),
        ("The strongest gust so far, 131 km/h, hit the harbour wall.", "131 km/h",
         "strongest gust"),
    ],
)  # fmt: skip
def test_a_figure_in_apposition_measures_the_noun_phrase_before_it(
    text: str, quote: str, measure: str
) -> None:
    assert figure(text, quote).measure == measure


def test_a_name_before_an_apposed_figure_gives_an_age_not_a_measure() -> None:
    assert figure("The driver, Tomas Brell, 47, was unhurt.", "47").measure == "age"


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("The brewery employs about 2,300 people across three sites.", "2,300",
         "people employs"),
        ("The reservoir supplies roughly 90,000 people in the valley.", "90,000",
         "people supplies"),
    ],
)  # fmt: skip
def test_a_verb_in_s_before_a_count_of_people_says_what_is_counted(
    text: str, quote: str, measure: str
) -> None:
    found = figure(text, quote)
    assert (found.measure, found.unit) == (measure, "people")


def test_a_word_in_ss_before_a_count_of_people_is_no_verb() -> None:
    found = figure("The ferry carried a crew plus 40 people.", "40")
    assert found.measure == "people"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The voyage lasted 2 years, 5 months, and 9 days.", "5 months"),
        ("The siege went on for two weeks, three days and a night.", "three days"),
    ],
)
def test_a_list_of_figures_is_no_apposition(text: str, quote: str) -> None:
    assert figure(text, quote).measure not in ("years", "weeks")


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("Their solicitor represents more than thirty of the injured.", "thirty", "injured"),
        ("That still leaves about 700 people unaccounted for.", "700", "people unaccounted"),
    ],
)
def test_a_verb_in_s_joins_only_a_bare_count_of_people(text: str, quote: str, measure: str) -> None:
    assert figure(text, quote).measure == measure
