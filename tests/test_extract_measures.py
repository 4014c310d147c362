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


# --- the counted noun is the unit of a count written without it (issue #11, session 9) ---


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Flooded roads: 23\nBridges shut: 4", "23", "roads"),
        ("Power lines down: 1,180\nBridges shut: 4", "4", "bridges"),
        ("Lorries stranded at the border: about 640", "640", "lorries"),
    ],
)
def test_a_list_label_names_the_unit_of_its_figure(text: str, quote: str, unit: str) -> None:
    assert figure(text, quote).unit == unit


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Unaccounted for: 17\nRoads shut: 5", "17"),
        ("Airlifted from rooftops: 212\nRoads shut: 5", "212"),
        ("Hospitalised overnight: 31", "31"),
    ],
)
def test_a_list_label_of_what_people_undergo_counts_people(text: str, quote: str) -> None:
    assert figure(text, quote).unit == "people"


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Burglaries dropped to 1,310 from 1,920 last year.", "1,310", "burglaries"),
        ("Burglaries dropped to 1,310 from 1,920 last year.", "1,920", "burglaries"),
        ("Recorded strandings climbed to 74 in the bay.", "74", "strandings"),
    ],
)
def test_the_subject_of_a_level_verb_names_the_unit(text: str, quote: str, unit: str) -> None:
    assert figure(text, quote).unit == unit


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The toll climbed to 88 on Sunday, up from 61.", "88"),
        ("The toll climbed to 88 on Sunday, up from 61.", "61"),
        ("Of the 19 detained at the port, 12 were later indicted.", "12"),
        ("Seven were jailed and two were acquitted.", "two"),
        ("All 14 who went into the cave came out.", "14"),
    ],
)
def test_a_count_of_what_only_people_undergo_counts_people(text: str, quote: str) -> None:
    assert figure(text, quote).unit == "people"


def test_a_count_of_what_things_undergo_keeps_no_people() -> None:
    assert figure("Forty were damaged beyond repair.", "Forty").unit is None
    assert figure("In the harbour, 12 were sunk by the storm.", "12").unit is None


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Volunteers filled three dozen trucks with sandbags.", "three dozen", 36, "trucks"),
        ("She had baked two dozen loaves by noon.", "two dozen", 24, "loaves"),
    ],
)
def test_dozen_is_a_number_and_the_noun_after_is_the_unit(
    text: str, quote: str, value: float, unit: str
) -> None:
    found = figure(text, quote)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "quote", "unit", "measure"),
    [
        ("Hundreds of pylons were toppled by the wind.", "Hundreds", "pylons", None),
        ("Dozens are still unaccounted for.", "Dozens", "people", "unaccounted"),
        ("Tens of thousands have already fled the coast.", "Tens of thousands", "people", "fled"),
    ],
)
def test_a_vague_amount_is_read_as_a_count(
    text: str, quote: str, unit: str, measure: str | None
) -> None:
    found = figure(text, quote)
    assert found.unit == unit
    if measure is not None:
        assert measure in (found.measure or "")


@pytest.mark.parametrize(
    ("text", "quote", "key_"),
    [
        ("About 8,300 residents, most of them pensioners, were evacuated.", "8,300", "displaced"),
        ("Some 260 miners, including 40 contractors, were killed.", "260", "killed"),
        ("Around 90, many of them children, were injured in the crush.", "90", "injured"),
    ],
)
def test_an_apposition_does_not_hide_the_verb_of_a_count(text: str, quote: str, key_: str) -> None:
    assert key(text, quote) == key_


@pytest.mark.parametrize(
    "text",
    [
        "About 4,500 villagers were ordered to leave their homes before dawn.",
        "Some 4,500 villagers were told to leave as the river rose.",
    ],
)
def test_ordered_or_told_to_leave_counts_the_displaced(text: str) -> None:
    quote = "4,500"
    assert key(text, quote) == "displaced"


# --- a fact box: its items hold at its header's date and come from its header's source ---

BOX = (
    "The storm moved east overnight.\n\n"
    "STORM DAMAGE (Coastal Emergency Office, as of 9 a.m. Monday)\n"
    "Houses flooded: 412\n"
    "Rescued from rooftops: 37\n"
)
BOX_FROM = (
    "09:10 The latest, from the county fire service as of 8 a.m.:\n"
    "Acres burned: 5,200\n"
    "Homes lost: 61\n"
)


@pytest.mark.parametrize(
    ("text", "quote", "as_of", "speaker"),
    [
        (BOX, "412", "as of 9 a.m.", "Coastal Emergency Office"),
        (BOX, "37", "as of 9 a.m.", "Coastal Emergency Office"),
        (BOX_FROM, "5,200", "as of 8 a.m.", "the county fire service"),
        (BOX_FROM, "61", "as of 8 a.m.", "the county fire service"),
    ],
)
def test_fact_box_items_take_the_header_date_and_source(
    text: str, quote: str, as_of: str, speaker: str
) -> None:
    found = figure(text, quote)
    assert (found.as_of, found.speaker) == (as_of, speaker)


def test_a_transcript_turn_is_no_fact_box() -> None:
    text = (
        "Interview transcript (Harbour Radio, as of Tuesday)\n"
        "HOST: How many boats did the fleet lose this winter, would you say, roughly?\n"
        "MAYOR: We lost 14 boats and most of the nets, and the insurers have paid nothing.\n"
    )
    found = figure(text, "14")
    assert found.as_of is None
    assert found.speaker != "Harbour Radio"


def test_a_prose_paragraph_before_a_list_is_no_header() -> None:
    text = "The agency published its figures on Monday.\nShelters open: 12\n"
    found = figure(text, "12")
    assert found.as_of is None and found.speaker is None


# --- date phrases that need no lead, and dates opening a sentence ---


@pytest.mark.parametrize(
    ("text", "quote", "as_of"),
    [
        ("The fund has so far paid out €3.1 million.", "€3.1 million", "so far"),
        ("Exports fell 6% in the year to September.", "6%", "in the year to September"),
        ("On Tuesday, 230 flights were cancelled.", "230", "On Tuesday"),
        ("In 2017, 96 people drowned in the river.", "96", "In 2017"),
    ],
)
def test_date_phrases_without_a_lead(text: str, quote: str, as_of: str) -> None:
    assert figure(text, quote).as_of == as_of


def test_a_day_after_a_speech_verb_or_inside_a_clause_dates_no_figure() -> None:
    assert figure("The council said on Tuesday that 230 flats were empty.", "230").as_of is None
    assert figure("Inspectors found 18 faults in March and fixed them.", "18").as_of is None


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("At least 12 of the dead were pilgrims.", "12", "dead"),
        ("Seven of the wounded were flown to Arlen.", "Seven", "wounded"),
    ],
)
def test_a_count_of_the_dead_or_wounded_counts_people(text: str, quote: str, measure: str) -> None:
    found = figure(text, quote)
    assert (found.measure, found.unit) == (measure, "people")


def test_of_the_plural_after_an_adjective_keeps_the_plural() -> None:
    assert figure("Four of the injured climbers died.", "Four").unit == "climbers"


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Of the 3,400 flats that failed inspection, 2,100 have been repaired.", "2,100", "flats"),
        ("Of the 640 who were rescued, about 90 needed treatment.", "90", "people"),
        (
            "Some 318 ferries were inspected. Of those, 41 were taken out of service.",
            "41",
            "ferries",
        ),
    ],
)
def test_a_part_of_a_whole_takes_the_wholes_unit(text: str, quote: str, unit: str) -> None:
    assert figure(text, quote).unit == unit


@pytest.mark.parametrize(
    ("text", "quote"),
    [("Nine jailed over port thefts", "Nine"), ("Thirty indicted in pension fraud", "Thirty")],
)
def test_a_headline_count_and_what_people_underwent_counts_people(text: str, quote: str) -> None:
    assert figure(text, quote).unit == "people"


def test_a_verb_in_s_before_a_count_is_no_unit() -> None:
    assert figure("Tribunal fines 14 over the scheme", "14").unit != "fines"


# Session 17: a bare count after "and", with only the first count's words and a day between,
# measures what the first does; sentences invented here.
@pytest.mark.parametrize(
    ("text", "quote", "measure", "unit"),
    [
        (
            "The agency reported 14 dead on Tuesday evening and 23 on Wednesday.",
            "23",
            "dead",
            "dead",
        ),
        (
            "Police arrested 40 people in Orsk on Friday and 25 on Saturday.",
            "25",
            "people arrested",
            "people",
        ),
        (
            "The army said 40 soldiers were wounded on Friday and 12 on Saturday morning.",
            "12",
            "soldiers wounded",
            "soldiers",
        ),
    ],
)
def test_a_bare_count_after_and_measures_what_the_count_before_does(
    text: str, quote: str, measure: str, unit: str
) -> None:
    found = figure(text, quote)
    assert (found.measure, found.unit) == (measure, unit)


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        ("Gunmen killed 38 people and abducted 12 on Sunday.", "12", "people abducted"),
        ("Twelve people were killed on Monday and 30 were wounded.", "30", "wounded"),
    ],
)
def test_a_verb_between_or_after_two_counts_keeps_each_its_own(
    text: str, quote: str, measure: str
) -> None:
    assert figure(text, quote).measure == measure
