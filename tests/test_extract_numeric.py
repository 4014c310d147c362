"""Numeric claims in small invented articles, each written in a different outlet's style."""

from __future__ import annotations

import pytest

from factcheck.extract import Found, extract_claims

WIRE = (
    "WASHINGTON (AP) — The Senate approved a $1.2 trillion spending package on Friday, "
    "averting a shutdown hours before the deadline.\n\n"
    "The package includes $886 billion for defense, an increase of about 3.3% over last year, "
    "according to the Congressional Budget Office. Between 40,000 and 45,000 federal workers "
    "would have been furloughed without it, the Office of Personnel Management estimated.\n"
)
BRITISH = (
    "Council tax bills in Northshire will rise by 4.99 per cent from April, the council has "
    "confirmed.\n\n"
    "A typical band D household will pay £2,105 a year – nearly £100 more than last year. "
    "Residents have until 14 March to respond, and the 2nd consultation closes on 3 April.\n"
)
SCIENCE = (
    "Researchers found that patients who walked at least 30 minutes a day were 25-30% less "
    "likely to be readmitted within six months.\n\n"
    "The study followed 1,450 adults aged 65 to 80 for two and a half years. Roughly one in five "
    "participants dropped out before the 18-month check-up, the authors wrote.\n"
)
CONFLICT = (
    "Gunmen killed 38 villagers and abducted 12 in the raid on October 3, 2024, the governor "
    "said. Aid groups said more than 4,500 people had fled in the past week, and some "
    "three-quarters of them were children. A four-day-old ceasefire collapsed on Wednesday.\n"
)
BUSINESS = (
    "Northwind Corp. said quarterly revenue fell 12 percent to $4.1 billion, its weakest since "
    "2019. The firm will cut up to 2,300 jobs over the next 18 months and sell a 4½-year-old "
    "plant for £350m. Shares dropped from $56 to $41 in three weeks.\n"
)


def claim(text: str, quote: str) -> Found:
    found = [c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote]
    assert found, f"no numeric claim {quote!r} in {[c.quote for c in extract_claims(text)]}"
    return found[0]


def numeric_quotes(text: str) -> list[str]:
    return [c.quote for c in extract_claims(text) if c.kind == "numeric"]


def test_money_with_a_scale_word_is_multiplied_out() -> None:
    found = claim(WIRE, "$1.2 trillion")
    assert (found.value, found.unit) == (1.2e12, "USD")


def test_billions_keep_their_exact_value() -> None:
    assert claim(BUSINESS, "$4.1 billion").value == 4_100_000_000


def test_pounds_with_an_m_suffix_are_millions() -> None:
    found = claim(BUSINESS, "£350m")
    assert (found.value, found.unit) == (350_000_000, "GBP")


def test_money_per_period_names_the_period() -> None:
    found = claim(BRITISH, "£2,105 a year")
    assert (found.value, found.unit) == (2105, "GBP per year")


def test_percent_sign_and_words_are_both_percentages() -> None:
    assert claim(WIRE, "3.3%").unit == "percent"
    assert claim(BRITISH, "4.99 per cent").value == pytest.approx(4.99)


def test_between_and_gives_a_range_with_its_midpoint() -> None:
    found = claim(WIRE, "Between 40,000 and 45,000")
    assert (found.lower, found.upper, found.value) == (40_000, 45_000, 42_500)


def test_hyphenated_percentage_range() -> None:
    found = claim(SCIENCE, "25-30%")
    assert (found.lower, found.upper, found.unit) == (25, 30, "percent")


def test_ages_from_to_are_a_range() -> None:
    found = claim(SCIENCE, "65 to 80")
    assert (found.lower, found.upper) == (65, 80)


def test_a_change_from_one_figure_to_another_is_two_claims() -> None:
    assert "$56" in numeric_quotes(BUSINESS)
    assert claim(BUSINESS, "$41").lower is None


def test_qualifiers_are_read_before_the_number() -> None:
    assert claim(WIRE, "3.3%").qualifier == "about"
    assert claim(BRITISH, "£100").qualifier == "nearly"
    assert claim(CONFLICT, "4,500").qualifier == "more than"
    assert claim(BUSINESS, "2,300").qualifier == "up to"


def test_number_words_with_a_fraction() -> None:
    found = claim(SCIENCE, "two and a half years")
    assert (found.value, found.unit, found.days) == (2.5, "year", 912.5)


def test_one_in_five_is_a_share() -> None:
    found = claim(SCIENCE, "one in five")
    assert found.value == pytest.approx(0.2)


def test_fraction_words_are_values() -> None:
    assert claim(CONFLICT, "three-quarters").value == pytest.approx(0.75)


def test_durations_are_given_in_days() -> None:
    assert claim(SCIENCE, "six months").days == 180
    assert claim(BUSINESS, "three weeks").days == 21
    assert claim(SCIENCE, "18-month").days == 540


def test_hyphenated_age_with_a_unicode_fraction() -> None:
    """An age keeps its unit and no days (session 13): it is no length of time that passed."""
    found = claim(BUSINESS, "4½-year-old")
    assert (found.value, found.unit, found.measure, found.days) == (4.5, "year", "age", None)


def test_word_compound_age() -> None:
    found = claim(CONFLICT, "four-day-old")
    assert (found.value, found.unit, found.measure) == (4, "day", "ceasefire")


def test_measure_names_what_is_counted_with_the_verb() -> None:
    assert claim(CONFLICT, "38").measure == "villagers killed"


def test_a_bare_count_borrows_the_noun_of_the_count_before() -> None:
    assert claim(CONFLICT, "12").measure == "villagers abducted"


def test_measure_after_the_number() -> None:
    assert claim(WIRE, "Between 40,000 and 45,000").measure == "federal workers"


def test_dates_years_and_ordinals_are_not_claims() -> None:
    quotes = numeric_quotes(BRITISH) + numeric_quotes(CONFLICT) + numeric_quotes(BUSINESS)
    for context in ("14", "3", "2", "2024", "2019"):
        assert context not in quotes


def test_times_of_day_are_not_claims() -> None:
    text = "The polls opened at 7 a.m. and closed at 10:30pm, with 312 votes cast by 9 pm."
    assert numeric_quotes(text) == ["312"]


def test_names_with_numbers_are_not_claims() -> None:
    text = "Flight MH-17, Apollo 11 and COVID-19 were discussed under Resolution 2334."
    assert numeric_quotes(text) == []


# Rule: a number right after a capitalised name is the name's own number, unless the name is a
# place or time fronted by a preposition that opens its clause and the number opens that
# clause's subject (a counted noun or a verb follows it). Copy often drops the comma there.


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("In Dornmere 27 families lost their homes in the flood.", "27"),
        ("At Ossian Quay 140 containers fell into the harbour.", "140"),
        ("Across Lower Tamsin 9 schools stayed shut for a week.", "9"),
        ("From Brekka 300 residents were evacuated by boat.", "300"),
        ("On Thursday 18 miners were brought to the surface.", "18"),
        ("Police said that in the Velm Valley 35 were still missing.", "35"),
        ("In Pellmar 16 Ardanians were detained overnight.", "16"),
    ],
)
def test_a_count_after_a_fronted_place_or_time_reads_as_with_a_comma(text: str, quote: str) -> None:
    found = claim(text, quote)
    with_comma = claim(text.replace(f" {quote} ", f", {quote} ", 1), quote)
    assert (found.value, found.unit, found.measure) == (
        with_comma.value,
        with_comma.unit,
        with_comma.measure,
    )
    assert found.value == float(quote)


@pytest.mark.parametrize(
    "text",
    [
        "The carrier grounded its Boeing 737 jets after the inspection.",
        "In Apollo 11, three astronauts flew to the Moon.",
        "In Windows 11 the start menu sits in the middle.",
        "After Apollo 11 landed, interest in the programme waned.",
        "On Route 66 motorists queued behind the crash.",
        "Under Article 5 allies must come to each other's aid.",
        "At Terminal 5 passengers waited for hours.",
        "Searchers said that on Flight 370 there were two stowaways.",
        "Crews said the fire had crossed Highway 12 overnight.",
    ],
)
def test_a_name_with_a_number_stays_out_after_a_preposition(text: str) -> None:
    numbers = ("11", "737", "66", "5", "370", "12")
    assert not [q for q in numeric_quotes(text) if q in numbers]


def test_lone_one_is_not_a_claim_but_only_one_is() -> None:
    assert numeric_quotes("No one came. One of them left. That one stayed.") == []
    assert claim("Only one hospital still works.", "one").value == 1


def test_vague_plurals_are_claims_with_only_a_lower_bound() -> None:
    text = "Several hundred people and thousands of cars were there; dozens were hurt."
    found = [(c.quote, c.value, c.lower, c.measure) for c in extract_claims(text)]
    assert found == [
        ("Several hundred", None, 300, "people"),
        ("thousands", None, 2000, "cars"),
        ("dozens", None, 24, "hurt"),  # read as a bare count: "24 were hurt"
    ]


def test_vaguer_words_are_not_claims() -> None:
    assert numeric_quotes("A handful of people, a few cars and several vans were there.") == []


def test_numbers_in_headlines_are_still_claims() -> None:
    assert numeric_quotes("Storm Kills 14 In Coastal Town\n\nMore rain is due.") == ["14"]


def test_street_numbers_are_not_claims() -> None:
    assert numeric_quotes("The club is at 75 Drayton Park and has 900 members.") == ["900"]


def test_m_before_a_plural_noun_is_million() -> None:
    assert claim("Around 1.2m people visited the fair.", "1.2m").value == 1_200_000


def test_m_alone_is_metres() -> None:
    assert claim("The wall is 3m high.", "3m").unit == "metre"


def test_a_score_is_not_a_range() -> None:
    assert numeric_quotes("Arsenal beat Chelsea 3-1 on Saturday.") == []


def test_phone_numbers_are_not_claims() -> None:
    assert numeric_quotes("Call 020 7619 5003 for tickets.") == []


def test_a_mixed_fraction_too_big_for_a_float_is_no_claim() -> None:
    assert numeric_quotes("9" * 400 + "4-1/2-month wait") == []


MARKETS = (
    "Harbourline Group reported a net profit of €98 million, and its revenue rose 4% to "
    "€1.2 billion. The jobless rate for adults in the region was 6.1%, down from 6.5%. "
    "The firm hired about 150 skilled welders and plans a buyback over 18 months. "
    "Its chairman, Oskar Lind, 71, said the deal was done at two in the morning.\n"
)
FERRY = (
    "The council paid 40 million shillings ($310,000) for repairs. The trip takes half an "
    "hour, or two and a quarter hours in a storm. Call the harbour office on 4417, quoting "
    "ticket 0093, or catch the 12 from the square.\n"
)


@pytest.mark.parametrize(
    ("quote", "measure"),
    [
        ("€98 million", "net profit"),
        ("4%", "revenue"),
        ("€1.2 billion", "revenue"),
        ("6.1%", "jobless rate"),
        ("6.5%", "jobless rate"),
        ("150", "skilled welders hired"),
    ],
)
def test_the_measure_comes_from_the_words_around_the_number(quote: str, measure: str) -> None:
    assert claim(MARKETS, quote).measure == measure


def test_a_count_takes_its_plural_noun_as_unit_not_the_word_after() -> None:
    assert claim(MARKETS, "150").unit == "welders"


def test_over_before_a_duration_means_during() -> None:
    assert claim(MARKETS, "18 months").qualifier is None


def test_a_name_followed_by_a_bare_number_gives_an_age() -> None:
    found = claim(MARKETS, "71")
    assert (found.unit, found.measure) == ("year", "age")


def test_clock_times_written_in_words_are_not_claims() -> None:
    assert "two" not in numeric_quotes(MARKETS)


def test_a_currency_word_after_a_scale_is_the_unit() -> None:
    found = claim(FERRY, "40 million shillings")
    assert (found.value, found.unit) == (40e6, "KES")


def test_a_bracketed_conversion_in_prose_is_not_negative() -> None:
    assert claim(FERRY, "$310,000").value == 310_000


def test_a_ledger_line_in_brackets_is_negative() -> None:
    assert claim("Net loss: ($4.2m)", "$4.2m").value == -4_200_000


def test_half_an_hour_and_two_and_a_quarter_hours_are_durations() -> None:
    assert claim(FERRY, "half an hour").days == pytest.approx(0.5 / 24)
    assert claim(FERRY, "two and a quarter hours").value == 2.25


def test_phone_ticket_and_route_numbers_are_not_claims() -> None:
    assert numeric_quotes(FERRY) == [
        "40 million shillings",
        "$310,000",
        "half an hour",
        "two and a quarter hours",
    ]


NOTICE = (
    "EMBARGOED UNTIL 09:00 BST, TUESDAY 8 APRIL\n\n"
    "Week 9 bulletin. The depot serves the 12 and the 31, and the help desk runs seven days a "
    "week and 24 hours a day. Press option 3 on 0808 414 212, or dial +44 20 790 118.\n"
    "Kits with serial numbers from 3104 to 3377 are affected; see doi:10.4821/kt.2023.12 and "
    "the evening update at 6.45.\n"
    "Four years ago the plant shut; it reopened two years later, a decade earlier than planned."
)


def test_codes_dates_routes_clock_times_and_relative_times_are_not_claims() -> None:
    assert numeric_quotes(NOTICE) == []


def test_working_hours_ages_and_prices_still_count() -> None:
    text = (
        "Nurses work 60 hours a week. Shares closed at 10.25 on Friday. "
        "In 2021 1,200 people left, and the 2 000 000 euro grant took two years to arrive."
    )
    assert numeric_quotes(text) == [
        "60 hours a week",
        "10.25",
        "1,200",
        "2 000 000 euro",
        "two years",
    ]


def test_table_lines_comparisons_and_costs_name_what_is_measured() -> None:
    text = (
        "RESULTS: sales £4.2bn vs £3.9bn; net debt £610m.\n\n"
        "Burglaries in the county have fallen by a quarter. Recorded burglaries fell from 9,120 "
        "in 2022 to 6,830 last year. A season ticket now costs upwards of £900 a year, and the "
        "rate eased from 4.1 percent last winter to about 3.6 percent."
    )
    assert claim(text, "£4.2bn").measure == "sales"
    assert claim(text, "£3.9bn").measure == "sales"
    assert claim(text, "a quarter").measure == "Burglaries"
    assert claim(text, "6,830").measure == "Recorded burglaries"
    assert claim(text, "£900 a year").measure == "season ticket"
    assert claim(text, "3.6 percent").measure == claim(text, "4.1 percent").measure
