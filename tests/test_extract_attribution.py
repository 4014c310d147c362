"""Attributed claims in small invented articles: who said what, and how it was reported."""

from __future__ import annotations

from factcheck.extract import Found, extract_claims

GUARDIAN_STYLE = (
    "Council tax bills in Northshire will rise from April.\n\n"
    "The council’s finance chief, Priya Raman, said the increase was “unavoidable”. "
    "‘We have cut everything we can,’ she said.\n\n"
    "Opposition leader Gareth Holmes called the rise “a tax on hard-working families”.\n\n"
    "Raman later told reporters that no libraries would close.\n"
)
WIRE_STYLE = (
    "Senate Majority Leader Maria Delgado said the bill would fund agencies through September. "
    '"This is not a perfect bill, but it keeps the lights on," Delgado told reporters.\n\n'
    "The package adds $886 billion for defense, according to the Congressional Budget Office.\n\n"
    "According to two aides, the vote was delayed by a procedural dispute.\n\n"
    '"We will be back," said Sen. Tom Whitaker, who opposed the bill.\n'
)
BUSINESS_STYLE = (
    "The company laid off roughly 2,300 employees, sources familiar with the matter said.\n\n"
    "Chief executive Daniel Mbeki defended the cuts on Tuesday. "
    '"We had to act quickly to protect the business. Nobody takes these decisions lightly.\n\n'
    "He said revenue fell 12 percent in the quarter.\n\n"
    "The ministry insists the subsidy scheme cost less than €500 million.\n"
)
POLITICS_STYLE = (
    "Prime Minister Elena Varga met union leaders on Monday.\n\n"
    "The prime minister later said the strike had cost the economy dearly. "
    "Her plan has been described by critics as a recipe for unrest.\n"
)


def attributed(text: str) -> list[Found]:
    return [c for c in extract_claims(text) if c.kind == "attributed"]


def said(text: str, words: str) -> Found:
    found = sorted((c for c in attributed(text) if words in c.quote), key=lambda c: len(c.quote))
    assert found, f"nothing attributed holds {words!r}: {[c.quote for c in attributed(text)]}"
    return found[0]


def test_curly_double_quotes_are_direct_quotes() -> None:
    claim = said(GUARDIAN_STYLE, "unavoidable")
    assert (claim.quote, claim.speaker, claim.direct) == ("unavoidable", "Priya Raman", True)


def test_curly_single_quotes_are_direct_quotes() -> None:
    claim = said(GUARDIAN_STYLE, "cut everything")
    assert (claim.quote, claim.attribution) == ("We have cut everything we can", "direct")


def test_she_after_a_named_speaker_is_that_speaker() -> None:
    assert said(GUARDIAN_STYLE, "cut everything").speaker == "Priya Raman"


def test_a_surname_is_resolved_to_the_full_name_given_before() -> None:
    claim = said(GUARDIAN_STYLE, "no libraries would close")
    assert (claim.speaker, claim.speaker_resolved, claim.cue) == ("Priya Raman", True, "told")


def test_called_x_quote_is_attributed_to_the_caller() -> None:
    assert said(GUARDIAN_STYLE, "hard-working families").speaker == "Gareth Holmes"


def test_indirect_speech_after_said() -> None:
    claim = said(WIRE_STYLE, "fund agencies")
    assert claim.quote == "the bill would fund agencies through September"
    assert (claim.speaker, claim.direct, claim.attribution) == ("Maria Delgado", False, "indirect")


def test_quote_before_speaker_and_cue() -> None:
    claim = said(WIRE_STYLE, "keeps the lights on")
    assert (claim.speaker, claim.cue) == ("Maria Delgado", "told")


def test_cue_before_speaker_after_a_quote() -> None:
    claim = said(WIRE_STYLE, "We will be back")
    assert (claim.speaker, claim.cue) == ("Tom Whitaker", "said")


def test_according_to_after_the_content() -> None:
    claim = said(WIRE_STYLE, "$886 billion")
    assert claim.quote == "The package adds $886 billion for defense"
    assert (claim.speaker, claim.attribution) == ("the Congressional Budget Office", "according_to")


def test_according_to_before_the_content() -> None:
    claim = said(WIRE_STYLE, "procedural dispute")
    assert claim.quote == "the vote was delayed by a procedural dispute"
    assert claim.speaker == "two aides"


def test_anonymous_sources_are_kept_as_unresolved_speakers() -> None:
    claim = said(BUSINESS_STYLE, "laid off")
    assert claim.speaker == "sources familiar with the matter"
    assert claim.speaker_resolved is False


def test_unclosed_quote_stops_at_the_paragraph_end() -> None:
    # a quotation of several sentences is one claim per sentence (issue #10 §3)
    claim = said(BUSINESS_STYLE, "Nobody takes")
    assert (claim.quote, claim.speaker) == ("Nobody takes these decisions lightly.", "Daniel Mbeki")
    assert not [c for c in attributed(BUSINESS_STYLE) if c.direct and "revenue" in c.quote]


def test_unclosed_quote_goes_to_the_person_named_in_its_paragraph() -> None:
    assert said(BUSINESS_STYLE, "act quickly").speaker == "Daniel Mbeki"


def test_he_refers_to_the_last_person_named() -> None:
    claim = said(BUSINESS_STYLE, "revenue fell")
    assert (claim.speaker, claim.speaker_resolved) == ("Daniel Mbeki", True)


def test_speaker_without_antecedent_is_kept_unresolved() -> None:
    claim = said(BUSINESS_STYLE, "subsidy scheme")
    assert (claim.speaker, claim.speaker_resolved) == ("the ministry", False)


def test_a_number_inside_reported_speech_carries_the_speaker() -> None:
    number = next(c for c in extract_claims(BUSINESS_STYLE) if c.quote == "12 percent")
    assert (number.speaker, number.cue, number.attribution) == ("Daniel Mbeki", "said", "indirect")


def test_a_title_is_resolved_to_the_person_who_holds_it() -> None:
    assert said(POLITICS_STYLE, "strike had cost").speaker == "Elena Varga"


def test_passive_description_by_someone() -> None:
    claim = said(POLITICS_STYLE, "recipe for unrest")
    assert (claim.quote, claim.speaker) == ("a recipe for unrest", "critics")


def test_nouns_that_look_like_cue_verbs_are_not_cues() -> None:
    text = "The claims were false. Its long-standing demand to end the war stands. A new state."
    assert attributed(text) == []


def test_an_age_between_commas_does_not_hide_the_speaker() -> None:
    claim = said('Mr. Biden, 81, said he was "confident" about the race.', "he was")
    assert claim.speaker == "Mr. Biden"


def test_a_sentence_ending_in_and_x_agreed_is_not_reported_speech() -> None:
    assert attributed("Seven in 10 voters backed the plan, and most councils agreed.") == []


def test_content_before_a_closing_reporting_clause() -> None:
    text = "The economy grew at a 4.9% rate, the Commerce Department said Thursday."
    claim = said(text, "economy")
    assert (claim.quote, claim.speaker) == (
        "The economy grew at a 4.9% rate",
        "the Commerce Department",
    )


# Session 17: "said no one was hurt", "said nothing could be done" report a clause; "said no to
# the offer", "said nothing about the cuts" do not. Sentences invented here.
def test_a_clause_opening_with_no_or_nothing_is_reported() -> None:
    assert said("The mayor said no one had been hurt in the blast.", "no one").quote == (
        "no one had been hurt in the blast"
    )
    assert said("Officials said nothing could be done until morning.", "nothing").speaker == (
        "Officials"
    )
    assert said("The union said no deal had been reached by midnight.", "no deal").speaker == (
        "the union"
    )


def test_no_or_nothing_before_a_preposition_reports_no_clause() -> None:
    assert attributed("She said no to the offer on Friday.") == []
    assert attributed("The minister said nothing about the cuts.") == []
    assert attributed("Asked about the offer, she said no.") == []


# Session 17: how an anonymous source asked to stay so is no report of its own.
def test_asked_not_to_be_named_is_no_claim() -> None:
    found = attributed("A resident, who asked not to be named, said the water came in minutes.")
    assert [(c.speaker, c.quote) for c in found] == [("a resident", "the water came in minutes")]
    found = attributed("An aide, who asked not to be identified, said the vote would slip.")
    assert [c.quote for c in found] == ["the vote would slip"]


# Session 17: content before a closing cue ends before the speaker's title between commas;
# "has just told" reports.
def test_content_before_a_titled_speaker_ends_before_the_title() -> None:
    found = said(
        "The toll has risen to 14, the regional governor, Lena Brisk, told a news conference.",
        "toll",
    )
    assert (found.speaker, found.quote) == ("Lena Brisk", "The toll has risen to 14")
    found = said("Repairs will take six weeks, her spokesman, Per Ost, has just said.", "Repairs")
    assert (found.speaker, found.quote) == ("Per Ost", "Repairs will take six weeks")


def test_has_just_told_reports() -> None:
    found = said("The governor has just told reporters that the road was open.", "road")
    assert (found.speaker, found.quote) == ("the governor", "the road was open")


def test_an_aside_of_the_content_stays_in_it() -> None:
    found = said("Rescuers reached Harl, the worst-hit village, Lena Brisk said.", "Harl")
    assert found.quote == "Rescuers reached Harl, the worst-hit village"


# Session 17: a speaker with a "who" aside before a closing cue; a quotation is one claim.
def test_a_quotation_before_a_speaker_with_a_who_aside_is_one_claim() -> None:
    text = '"The water came in minutes," one resident, who asked not to be named, told the agency.'
    assert [(c.speaker, c.quote) for c in attributed(text)] == [
        ("one resident", "The water came in minutes")
    ]
    text = "The water came in minutes, one resident, who lives by the quay, told the agency."
    assert [(c.speaker, c.quote) for c in attributed(text)] == [
        ("one resident", "The water came in minutes")
    ]


def test_a_clause_that_is_only_a_quotation_is_the_quotation() -> None:
    found = attributed('The mayor said "nobody is above the law on this lake."')
    assert [c.quote for c in found] == ["nobody is above the law on this lake."]
