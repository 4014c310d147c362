"""The error kinds of issue 11 on real news, each rule with two sentences of our own."""

from __future__ import annotations

import pytest

from factcheck.extract import Found, extract_claims


def attributed(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker) of every attributed claim in text."""
    return [(c.quote, c.speaker) for c in extract_claims(text) if c.kind == "attributed"]


def numeric(text: str) -> list[Found]:
    return [c for c in extract_claims(text) if c.kind == "numeric"]


# Wrong or broken speakers


@pytest.mark.parametrize(
    ("text", "quote", "clause", "speaker"),
    [
        (
            "Calling the council's budget 'a fantasy,' Mayor Lena Ortiz said the city would "
            "borrow instead.",
            "a fantasy", "the city would borrow instead", "Lena Ortiz",
        ),
        (
            "Describing the strike as 'unlawful,' Transport Secretary Omar Haddad said talks "
            "would resume on Monday.",
            "unlawful", "talks would resume on Monday", "Omar Haddad",
        ),
    ],
)  # fmt: skip
def test_a_participial_opener_gives_its_quote_and_the_clause_to_the_subject(
    text: str, quote: str, clause: str, speaker: str
) -> None:
    assert attributed(text) == [(quote, speaker), (clause, speaker)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Lena Ortiz spoke first. But Ortiz said the deficit was growing.", "Lena Ortiz"),
        ("Even the treasurer admitted the figures were wrong.", "the treasurer"),
        ("While AT&T said the outage was fixed, customers disagreed.", "AT&T"),
    ],
)
def test_a_conjunction_or_adverb_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    assert [s for _, s in attributed(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Okafor says the Greens' demands are 'absurd'.", "Okafor"),
        ("Ortiz says the unions' claims are 'simply wrong'.", "Ortiz"),
    ],
)
def test_a_noun_after_a_possessive_is_no_reporting_verb(text: str, speaker: str) -> None:
    assert {s for _, s in attributed(text)} == {speaker}


def test_the_value_of_one_claim_is_not_another_claims_speaker() -> None:
    text = "Over 1,000 prisoners will be freed under a 135-day truce, officials said."
    speakers = {c.speaker for c in extract_claims(text)}
    assert speakers == {"officials"}


# Missed attributions


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The opposition leader dismissed the report as 'a whitewash'.", "a whitewash",
         "the opposition leader"),
        ("The minister deemed the proposal 'reckless'.", "reckless", "the minister"),
        ("Haddad insisted the budget was balanced.", "the budget was balanced", "Haddad"),
        ("The company denied that it had cut wages.", "it had cut wages", "the company"),
        ("Ortiz conceded that the target would be missed.", "the target would be missed",
         "Ortiz"),
        ("Mensah tweeted that the vote had been rigged.", "the vote had been rigged", "Mensah"),
        ("Okafor wrote on Facebook that the clinic would close.", "the clinic would close",
         "Okafor"),
    ],
)  # fmt: skip
def test_other_speech_verbs_report(text: str, content: str, speaker: str) -> None:
    assert (content, speaker) in attributed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bakery posted a loss of $3m in the second quarter.",
        "The museum posted photos of the new wing on its website.",
    ],
)
def test_posted_without_that_or_a_quote_is_no_speech(text: str) -> None:
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A new poll shows that 54% of voters back the plan.", "a new poll"),
        ("The memo says the agency lost 300 laptops last year.", "the memo"),
        ("The report found that one in four bridges needed repair.", "the report"),
        ("Data from the statistics office show that prices rose sharply in May.",
         "the statistics office"),
    ],
)  # fmt: skip
def test_documents_and_data_are_sources(text: str, speaker: str) -> None:
    assert [s for _, s in attributed(text)] == [speaker]


@pytest.mark.parametrize(
    "text", ["Police found three bodies in the river.", "The inspectors found no fault."]
)
def test_found_with_a_person_as_subject_reports_nothing(text: str) -> None:
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The union wants the government to raise pay by 10%.",
         "wants the government to raise pay by 10%", "the union"),
        ("Residents are worried that the river will flood again.",
         "the river will flood again", "Residents"),
        ("Farmers fear that the drought will last another year.",
         "the drought will last another year", "Farmers"),
        ("The central bank expects inflation to fall to 3% next year.",
         "inflation to fall to 3% next year", "the central bank"),
    ],
)  # fmt: skip
def test_wants_worries_and_expectations_are_indirect_attributions(
    text: str, content: str, speaker: str
) -> None:
    claims = [c for c in extract_claims(text) if c.kind == "attributed"]
    assert [(c.quote, c.speaker, c.attribution) for c in claims] == [(content, speaker, "indirect")]
    assert claims[0].confidence < 0.9


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Mayor Lena Ortiz met the unions on Monday.\n\nOrtiz: 'We will not raise taxes.'\n",
         "We will not raise taxes.", "Lena Ortiz"),
        ("Haddad: Strike Talks Will Resume Monday\n\nTransport Secretary Omar Haddad met "
         "union leaders on Friday.\n", "Strike Talks Will Resume Monday", "Omar Haddad"),
    ],
)  # fmt: skip
def test_a_name_and_a_colon_attribute_what_follows(text: str, content: str, speaker: str) -> None:
    assert (content, speaker) in attributed(text)


@pytest.mark.parametrize(
    "text",
    [
        "POLICE APPEAL: Witnesses sought after a crash on the ring road.\n",
        "Update: The road has reopened after the crash, Ortiz's office said.\n",
    ],
)
def test_a_slug_or_label_before_a_colon_is_no_speaker(text: str) -> None:
    speakers = {s for _, s in attributed(text)}
    assert "POLICE APPEAL" not in speakers and "Update" not in speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The bridge is safe," Reuters reported on Tuesday.', "Reuters"),
        ('"Prices will keep rising," the bank said on Thursday morning.', "the bank"),
    ],
)
def test_the_speaker_after_the_quote_with_a_time_phrase(text: str, speaker: str) -> None:
    assert [s for _, s in attributed(text)] == [speaker]


# False attributions


@pytest.mark.parametrize(
    "text",
    [
        'The film "Quiet Streets" opened in 40 cinemas on Friday.',
        'The so-called "peace tax" was dropped last year.',
    ],
)
def test_quoted_titles_and_scare_quotes_without_a_cue_are_no_attribution(text: str) -> None:
    assert attributed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"I think the plan is sound, and I think the council agrees," Ortiz said.',
        '"We believe the figures, and I think voters do too," the mayor said.',
    ],
)
def test_i_think_inside_a_quote_is_no_new_attribution(text: str) -> None:
    assert len(attributed(text)) == 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Prime Minister Helen Strand visited the port on Monday. The PM said the harbour "
         "would reopen in May.", "Helen Strand"),
        ("Foreign Minister Ana Lutz arrived in Rome. The FM said talks would continue.",
         "Ana Lutz"),
    ],
)  # fmt: skip
def test_a_short_title_resolves_to_the_person_named_with_it(text: str, speaker: str) -> None:
    assert [s for _, s in attributed(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The health ministry published new figures on Friday. They said 40 clinics had "
         "closed.", "the health ministry"),
        ("The national rail company cut services in March. They said 300 jobs would go.",
         "the national rail company"),
    ],
)  # fmt: skip
def test_they_after_a_body_named_just_before_is_that_body(text: str, speaker: str) -> None:
    assert [s for _, s in attributed(text)] == [speaker]


def test_they_after_people_stays_unresolved() -> None:
    text = "Nurses at the hospital protested on Friday. They said 40 clinics had closed."
    claims = [c for c in extract_claims(text) if c.kind == "attributed"]
    assert [(c.speaker, c.speaker_resolved) for c in claims] == [(None, False)]
