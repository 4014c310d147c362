"""Forms of attribution the story sets' quotes showed missed (session 21): a body's name before
a title after the cue, an aside between the speaker and the cue, a time phrase with no comma
before the speaker, a description after the closing speaker, a cue word used as a noun, a
participle's aside after the subject, "repeats", "spoke to reporters: '…'" and what a speaker
"described X as". Each form in two sentences of its own."""

from __future__ import annotations

import pytest

from tests.test_extract_attribution import attributed, said

# --- CONTENT, said BODY TITLE NAME: the body's name or noun before a lower-case title -------

BODY_TITLE = (
    "Tap water in Verrin must be boiled until Friday.\n\n"
    '"Until we lift the notice, every drop should be boiled," said Water Board spokeswoman '
    "Nerys Vandermeer.\n\n"
    "The depot will reopen once the pumps are tested, said ministry spokesperson Corin Sabey.\n\n"
    "Two lorries were turned back at the border, said customs officer Ilan Dove.\n"
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("every drop should be boiled", "Nerys Vandermeer"),
        ("depot will reopen", "Corin Sabey"),
        ("lorries were turned back", "Ilan Dove"),
    ],
)
def test_a_body_before_the_title_after_a_closing_cue(words: str, speaker: str) -> None:
    assert said(BODY_TITLE, words).speaker == speaker


# --- CONTENT, said NAME, a DESCRIPTION. / said NAME of the BODY. -----------------------------

DESCRIBED_AFTER = (
    "The ring road will reopen on Friday, said Ana Ruiz, a spokeswoman for the roads office.\n\n"
    "Fares will not rise this year, said Tomas Lind of the Verrin Transit Board.\n\n"
    "The night buses will run every ten minutes, said Ari Lev.\n"
)


def test_a_description_after_the_closing_speaker() -> None:
    claim = said(DESCRIBED_AFTER, "ring road")
    assert (claim.quote, claim.speaker) == ("The ring road will reopen on Friday", "Ana Ruiz")


def test_a_body_after_the_closing_speaker() -> None:
    assert said(DESCRIBED_AFTER, "Fares will not rise").speaker == "Tomas Lind"


def test_the_sentence_stop_is_no_part_of_a_closing_name() -> None:
    assert said(DESCRIBED_AFTER, "night buses").speaker == "Ari Lev"


# --- SPEAKER, ASIDE, CUE: an adverb or a phrase of how or when between commas --------------

ASIDES = (
    "The ministry, however, said the jets had struck only military sites.\n\n"
    "Jovan Arkell, for his part, said his side had kept every line of the agreement.\n\n"
    "The union, in a statement, said its members would return on Monday.\n\n"
    "Police, meanwhile, said two men had been arrested near the port.\n"
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("jets had struck", "the ministry"),
        ("kept every line", "Jovan Arkell"),
        ("members would return", "the union"),
        ("two men had been arrested", "Police"),
    ],
)
def test_an_aside_between_the_speaker_and_the_cue(words: str, speaker: str) -> None:
    assert said(ASIDES, words).speaker == speaker


# --- On DAY NAME said: a time phrase with no comma before a capitalised speaker -------------

TIMED = (
    "Army spokesman Edvin Kovane spoke in Vardeen.\n\n"
    "On Monday Kovane had said the jets were hitting only depots and command posts.\n\n"
    "In March Ortiz told reporters the plant would close within a year.\n"
)


def test_a_weekday_before_a_surname_is_no_part_of_it() -> None:
    assert said(TIMED, "jets were hitting").speaker == "Edvin Kovane"


def test_a_month_before_a_surname_is_no_part_of_it() -> None:
    assert said(TIMED, "plant would close").speaker == "Ortiz"


# --- a cue word in -s followed by its own verb is a noun -------------------------------------

NOUNS = (
    "Ministry spokesperson Corin Sabey said claims can be made from Thursday at any post "
    "office.\n\n"
    "The mayor says reports were wrong about the bridge.\n"
)


@pytest.mark.parametrize(
    ("noun", "rest"), [("claims", "can be made"), ("reports", "were wrong about the bridge")]
)
def test_a_plural_noun_after_a_cue_is_part_of_its_content(noun: str, rest: str) -> None:
    found = [c.quote for c in attributed(NOUNS) if rest in c.quote]
    assert len(found) == 1  # one claim, not a second one read from the noun as a cue
    assert found[0].startswith(f"{noun} {rest}")


def test_a_cue_in_a_relative_clause_before_its_verb_still_reports() -> None:
    text = "Ortiz opposes the levy, which the council claims is needed to repair the roads.\n"
    claim = said(text, "needed to repair")
    assert (claim.quote, claim.speaker) == ("is needed to repair the roads", "the council")


# --- SUBJECT, saying …, VERB: a participle's aside reports what the subject said ------------

PARTICIPLES = (
    "The Highland Compact, saying the neighbours would not wait to be asked, has pledged "
    "25 million talers.\n\n"
    "The dockers' union, saying members had rejected the offer, called a second strike.\n\n"
    "Residents, fearing the worst, left their homes.\n"
)


@pytest.mark.parametrize(
    ("words", "quote", "speaker"),
    [
        (
            "would not wait",
            "the neighbours would not wait to be asked",
            "the Highland Compact",
        ),
        ("rejected the offer", "members had rejected the offer", "the dockers' union"),
    ],
)
def test_a_participle_aside_after_the_subject(words: str, quote: str, speaker: str) -> None:
    claim = said(PARTICIPLES, words)
    assert (claim.quote, claim.speaker) == (quote, speaker)


def test_a_participle_of_no_speech_reports_nothing() -> None:
    assert not [c for c in attributed(PARTICIPLES) if "worst" in c.quote]


# --- "repeats that", "spoke to reporters: '…'" ------------------------------------------------

SPOKE = (
    "14:05 Movement spokesman Idris Marhal repeats that the names will be released only once "
    "the first phase is complete.\n\n"
    '17:55 Brasch has spoken to reporters at the crossing: "We will not sit down with them '
    'again until every prisoner has come home."\n\n'
    "18:10 The minister spoke for an hour about the budget.\n"
)


def test_repeats_reports_a_clause() -> None:
    assert said(SPOKE, "names will be released").speaker == "Idris Marhal"


def test_spoke_before_a_colon_and_a_quotation() -> None:
    claim = said(SPOKE, "sit down")
    assert (claim.speaker, claim.direct) == ("Brasch", True)


def test_spoke_without_a_quotation_reports_nothing() -> None:
    assert not [c for c in attributed(SPOKE) if "budget" in c.quote]


# --- described|framed OBJECT as WHAT: what the speaker called it, unquoted -------------------

DESCRIBED = (
    "Mediator Marguerite Ansel described the deal as a window for food and for families, not "
    "as peace.\n\n"
    "On Tuesday the prime minister's office framed the pause not as a concession but as an "
    "opening for captives to come out.\n\n"
    "The mayor described the plan in detail to reporters.\n\n"
    'The mayor called the plan "reckless".\n'
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("the deal as a window", "Marguerite Ansel"),
        ("the pause not as a concession", "the prime minister's office"),
    ],
)
def test_described_as_reports_what_the_speaker_called_it(words: str, speaker: str) -> None:
    claim = said(DESCRIBED, words)
    assert claim.quote.startswith(words)
    assert claim.speaker == speaker


def test_described_without_as_reports_nothing_and_a_quotation_still_counts() -> None:
    quotes = [c.quote for c in attributed(DESCRIBED)]
    assert not [q for q in quotes if "in detail" in q]
    assert "reckless" in quotes


# --- who a quotation is: no place, no storm, the subject of the sentence before -------------

PLACES = (
    "Transport Minister Mireille Kasprow repeated her warning in Kaspen Landing on Saturday: "
    '"Whoever overloaded that ferry will answer for it."\n\n'
    "Union leader Osk Varnel spoke at Harrow Gate on Monday: "
    '"Not one of our members will cross that line."\n'
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [("overloaded that ferry", "Mireille Kasprow"), ("cross that line", "Osk Varnel")],
)
def test_a_name_after_in_or_at_is_a_place_not_the_speaker(words: str, speaker: str) -> None:
    assert said(PLACES, words).speaker == speaker


STORMS = (
    "Floods that followed Cyclone Ardel Moss have killed 40 people in the south. Marsh, a "
    "former judge who became governor in May, has promised that no town will be abandoned. "
    'Touring the town of Pell on Monday, she told residents: "Every road will be open by '
    'Friday."\n\n'
    "The harbour was shut after Hurricane Tobin Reyes tore through the bay. Ilves, the harbour "
    "master, has said the cranes are safe. Speaking at the quay on Tuesday, he told reporters: "
    '"We lost two boats and no people."\n'
)


@pytest.mark.parametrize(
    ("words", "storm"),
    [("Every road", "Cyclone Ardel Moss"), ("two boats", "Hurricane Tobin Reyes")],
)
def test_a_storm_is_nobody_a_pronoun_means(words: str, storm: str) -> None:
    assert said(STORMS, words).speaker != storm


SUBJECT_BEFORE = (
    "Police spokesman Inspector Dag Holm said two men were held overnight, both of them Red "
    'Lantern members. "Those men will answer for the Red Lantern\'s crimes," he said.\n\n'
    "Harbour Board chairwoman Dr Mira Lund said the cranes were safe, unlike those at Port "
    'Selby. "Port Selby has had three accidents this year," she said.\n'
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [("answer for the Red Lantern", "Dag Holm"), ("three accidents", "Mira Lund")],
)
def test_a_quotation_opening_its_sentence_is_the_previous_subjects(
    words: str, speaker: str
) -> None:
    """Not a name the sentence before mentions after its subject ("Red Lantern members")."""
    assert said(SUBJECT_BEFORE, words).speaker == speaker


# --- "in his words", "her words:": what follows is what the one named before said ----------

WORDS = (
    "The rebels left with their rifles, a point their commander, Aurel Maskevin, has made "
    "repeatedly. In his words, the evacuation was a choice to spare the town.\n\n"
    "09:05 Minister Ida Voskuil spoke to our reporter at the plant gate last night. Her words: "
    '"Nobody goes back into that plant until we know who is to blame."\n\n'
    "The mayor chose her words carefully at the meeting.\n"
)


@pytest.mark.parametrize(
    ("words", "speaker", "direct"),
    [
        ("a choice to spare the town", "Aurel Maskevin", False),
        ("Nobody goes back", "Ida Voskuil", True),
    ],
)
def test_in_their_words_is_the_one_named_before(words: str, speaker: str, direct: bool) -> None:
    claim = said(WORDS, words)
    assert (claim.speaker, claim.direct) == (speaker, direct)


def test_choosing_words_is_no_attribution() -> None:
    assert not [c for c in attributed(WORDS) if "carefully" in c.quote]


# --- a capitalised name that is also a modal verb is a name ---------------------------------

MODAL_NAMES = (
    "Former prime minister Theresa May said the deal would not pass.\n\n"
    "Mayor Brian May told reporters the tour would go on.\n"
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [("deal would not pass", "Theresa May"), ("tour would go on", "Brian May")],
)
def test_a_surname_that_is_a_modal_verb_names_the_speaker(words: str, speaker: str) -> None:
    assert said(MODAL_NAMES, words).speaker == speaker
