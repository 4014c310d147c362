"""Quotes given to the wrong speaker (issue #10 §1/§3): a quote link between outlets needs each
outlet's quote under the one who said it. Each rule below is read from two or more sentences
written for it: broadcast turns, a pronoun opening its sentence, asides between a name and its
cue, passive "was quoted as saying", a quotation read aloud, counted nouns and place names."""

from __future__ import annotations

from tests.test_extract_attribution import attributed, said

# --- a transcript's turn label is the one speaking, never the "he" or "she" of the turn -----

RADIO = (
    "MORNING DESK - transcript\n\n"
    "PRESENTER (MAGDA HOLT): Our correspondent Teo Rask is at the port. Teo?\n\n"
    "TEO RASK (CORRESPONDENT): Magda, the strike is in its third day.\n\n"
    "HOLT: What does the union say?\n\n"
    "RASK: Its leader, Brigit Sollen, spoke to us at the gate. She said the crews would stay "
    "out until the pay offer was doubled.\n\n"
    "HOLT: And the owners?\n\n"
    "RASK: Yes, Port Director Ivo Drent spent the morning on the quay. He said the port "
    "would hire crews from abroad if the strike went on.\n\n"
    "HOLT: Teo Rask at the port, thank you.\n"
)


def test_she_in_a_turn_is_the_person_the_turn_named_not_the_reporter() -> None:
    assert said(RADIO, "pay offer was doubled").speaker == "Brigit Sollen"


def test_he_after_a_named_spokesman_is_not_the_correspondent() -> None:
    text = (
        "MORNING DESK\n\n"
        "PRESENTER (MAGDA HOLT): Our correspondent Teo Rask is at the port.\n\n"
        "TEO RASK (CORRESPONDENT): Magda, the strike goes on.\n\n"
        "HOLT: And the owners?\n\n"
        "RASK: The owners' spokesman, Ivo Drent, has been blunt. He says the port will hire "
        "crews from abroad if the strike goes on.\n"
    )
    assert said(text, "crews from abroad").speaker == "Ivo Drent"


def test_he_after_a_yes_is_the_person_named_after_it() -> None:
    assert said(RADIO, "hire crews from abroad").speaker == "Ivo Drent"


TV = (
    "EVENING NEWS - transcript\n\n"
    "ANCHOR (RUTH VOLLAN): Good evening. Our reporter Kai Mester is in Lund.\n\n"
    "KAI MESTER (REPORTER): Ruth, the water is still rising.\n\n"
    "VOLLAN: Has the governor been there?\n\n"
    "MESTER: She has. Governor Pell-Aster walked the embankment today. She said the "
    "defences would hold for another two days.\n"
)


def test_a_titled_surname_opening_the_sentence_before_is_the_she() -> None:
    assert said(TV, "defences would hold").speaker == "Pell-Aster"


# --- He|She opening a sentence means the subject of the sentence before -----------------------

OPENING = (
    "Mayor Linnea Corr, who toured Mill Street on Tuesday, defended the curfew. She had "
    "warned shop owners on Sunday to close early, she said, and most had listened.\n\n"
    "Coach Anders Bolt, who watched from Harbour Road, praised the young side. He has "
    "told the board the club needs two new defenders before the winter.\n"
)


def test_she_after_an_auxiliary_is_the_previous_subject_not_a_street() -> None:
    assert said(OPENING, "close early").speaker == "Linnea Corr"


def test_he_after_has_is_the_previous_subject_not_a_road() -> None:
    assert said(OPENING, "two new defenders").speaker == "Anders Bolt"


# --- places are no person: "Marrow Bay", "Quay Street" ---------------------------------------

PLACES = (
    "KELDA BAY - Rune Haldor, 58, has fished out of Kelda Bay all his life, and he "
    "says the new quotas will end the fleet within five years.\n\n"
    "Nurse Ada Finch walked along Quay Street for an hour, and she said the clinic had run out "
    "of beds by noon.\n"
)


def test_a_bay_named_after_a_person_is_not_the_he() -> None:
    assert said(PLACES, "new quotas").speaker == "Rune Haldor"


def test_a_street_named_after_a_person_is_not_the_she() -> None:
    assert said(PLACES, "run out of beds").speaker == "Ada Finch"


def test_a_dateline_place_is_no_company() -> None:
    text = (
        "STORNA BAY - The builder Hallin Vest wants to add 200 homes by the shore.\n\n"
        "The company says the project would cost 40 million crowns.\n"
    )
    assert said(text, "40 million crowns").speaker != "STORNA BAY"


# --- asides between a name and its cue: a subordinate clause, a bare title --------------------

ASIDES = (
    "Foreign Minister Teodor Vask, who waited at the border as the trucks arrived, said the "
    "aid would reach the valley by Friday.\n\n"
    "Dr Hana Brell, chief executive of the Lestra clinics, told a meeting in the town hall on "
    "Monday that no patient records had been lost.\n\n"
    "Judge Omar Quist, when the jury returned, said the sentence would be read on Monday.\n"
)


def test_a_relative_clause_with_an_as_clause_keeps_the_name() -> None:
    assert said(ASIDES, "reach the valley").speaker == "Teodor Vask"


def test_a_bare_title_apposition_keeps_the_name() -> None:
    assert said(ASIDES, "no patient records").speaker == "Hana Brell"


def test_a_when_clause_between_commas_keeps_the_name() -> None:
    assert said(ASIDES, "sentence would be read").speaker == "Omar Quist"


# --- passive "was quoted (WHEN) as saying": the subject spoke ---------------------------------

QUOTED = (
    "The board's chair, Rhea Mollan, was quoted in the first hours after the crash as "
    'saying: "The driver was not at fault."\n\n'
    "Union leader Pavel Ost was quoted by the local radio as saying the drivers would strike.\n"
    'The Tribune quoted a councillor as saying the depot "should never have opened."\n'
)


def test_was_quoted_when_as_saying_is_the_subject() -> None:
    assert said(QUOTED, "not at fault").speaker == "Rhea Mollan"


def test_was_quoted_by_a_medium_as_saying_is_the_subject() -> None:
    assert said(QUOTED, "would strike").speaker == "Pavel Ost"


def test_active_quoted_as_saying_is_still_the_object() -> None:
    assert said(QUOTED, "should never have opened").speaker == "a councillor"


# --- a quotation read aloud: "she said, quote, '…'" -----------------------------------------


def test_said_quote_takes_the_quotation() -> None:
    text = (
        "LIND: Its chief executive, Mira Saltvik, has apologised. In a short statement she "
        'said, quote, "We failed our customers." The mayor, Tor Ardal, has been going door to '
        "door. He told people to boil their water.\n"
    )
    claim = said(text, "We failed our customers")
    assert (claim.speaker, claim.direct) == ("Mira Saltvik", True)


def test_says_quote_colon_takes_the_quotation() -> None:
    text = (
        "Union leader Olga Brenn met the workers on Monday. The minister said, quote: "
        '"Nobody goes back underground." The company has not replied.\n'
    )
    assert said(text, "Nobody goes back").speaker == "the minister"


# --- a cue in -s after a count is a plural noun: "two inspection reports" ---------------------


def test_counted_reports_is_no_cue() -> None:
    text = (
        "The accusation rests on two inspection reports from March and June.\n"
        "The case was built on 14 witness statements and three audit reports seen by the paper.\n"
    )
    assert attributed(text) == []


def test_a_clock_time_and_a_name_before_a_cue_are_no_count() -> None:
    text = "Senator Petar Vol spoke at noon.\n\n00:20 Vol wants the count finished by Tuesday.\n"
    assert said(text, "count finished").speaker == "Petar Vol"


def test_a_year_before_data_shows_is_no_count() -> None:
    text = "The ministry says 2023 data shows that exports fell by a third last year."
    assert said(text, "exports fell").speaker == "the ministry"


# --- a recorded clip in a transcript is a quotation of the person named ---------------------

CLIPS = (
    "VALLEY RADIO - transcript\n\n"
    "PRESENTER (EVA TOLL): The quake has left the old town in ruins. Mayor Ilona Varek "
    "spoke to our reporter.\n\n"
    "VAREK (RECORDED): Our town has lost its heart, and we will rebuild it stone by stone.\n\n"
    "TOLL: The hospital director, Dr Brennan, also spoke this afternoon.\n\n"
    "BRENNAN (CLIP): Nobody who reached us alive has died in our care.\n\n"
    "TOLL: More after the news.\n"
)


def test_a_recorded_clip_is_a_direct_quote_of_the_full_name() -> None:
    claim = said(CLIPS, "lost its heart")
    assert (claim.speaker, claim.direct) == ("Ilona Varek", True)
    assert claim.quote == "Our town has lost its heart, and we will rebuild it stone by stone"


def test_a_clip_label_of_a_surname_given_after_a_title() -> None:
    assert said(CLIPS, "Nobody who reached us").speaker == "Brennan"


def test_an_unnamed_clip_is_no_ones_quote() -> None:
    text = (
        "PRESENTER (EVA TOLL): Families waited at the gate all day.\n\n"
        "WOMAN (RECORDED): They told us it was safe, and now my son is gone.\n\n"
        "TOLL: The company has not commented.\n"
    )
    assert not [c for c in attributed(text) if "told us it was safe" in c.quote and c.speaker]


# --- a quotation of several sentences is one claim per sentence -----------------------------


def test_each_sentence_of_a_quotation_is_its_own_claim() -> None:
    text = (
        'Network chief Halla Bren said: "No patient was harmed by the attack. Repairs to every '
        'system will take six weeks." She took no questions.\n'
    )
    quotes = [(c.quote, c.speaker, c.direct) for c in attributed(text)]
    assert quotes == [
        ("No patient was harmed by the attack.", "Halla Bren", True),
        ("Repairs to every system will take six weeks.", "Halla Bren", True),
    ]


def test_a_quotation_before_its_cue_is_split_too() -> None:
    text = (
        "Driver Anton Keel came from Brest. "
        '"We waited nine hours at the border. Nobody told us why," said Keel.\n'
    )
    claims = attributed(text)
    assert [c.quote for c in claims] == [
        "We waited nine hours at the border.",
        "Nobody told us why",
    ]
    assert {c.speaker for c in claims} == {"Anton Keel"}


def test_a_sentence_of_one_or_two_words_stays_with_its_neighbour() -> None:
    text = (
        'Ferryman Tomas Lind said: "Now there are 14 of them left. Fourteen. Most days I '
        'cross twice." Then he cast off.\n'
        'Baker Rosa Ilves said: "I know. I have baked here since I was nine."\n'
    )
    quotes = [c.quote for c in attributed(text)]
    assert quotes == [
        "Now there are 14 of them left. Fourteen.",
        "Most days I cross twice.",
        "I know. I have baked here since I was nine.",
    ]
