"""Group sources, firms named inside a sentence, places that are no measure, one claim per
statement: what split one speaker or figure across outlets (issue #10)."""

from __future__ import annotations

import pytest

from factcheck.extract import Found, extract_claims


def attributed(text: str) -> list[Found]:
    return [c for c in extract_claims(text) if c.kind == "attributed"]


def holding(text: str, words: str) -> list[Found]:
    return [c for c in attributed(text) if words in c.quote]


def figure(text: str, quote: str) -> Found:
    found = [c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote]
    assert found, f"no figure {quote!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Rescue teams ended the search on Sunday, confirming that 41 miners had died.",
            "miners had died",
            "Rescue teams",
        ),
        (
            "Health officials closed the ward on Friday, saying that 30 patients were ill.",
            "patients were ill",
            "Health officials",
        ),
        (
            "Police officers cleared the square and said the march was over.",
            "the march was over",
            "Police officers",
        ),
    ],
)
def test_a_group_noun_ends_the_subject_a_later_cue_takes(
    text: str, words: str, speaker: str
) -> None:
    """A participle or "and said" takes the sentence's subject: the whole group phrase, not
    its capitalised modifier ("Rescue")."""
    (claim,) = holding(text, words)
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Rescue teams said 12 people were trapped in the tunnel.",
        "Police officers said the road would stay closed.",
        "Local businesses said the closures were costing them customers.",
        "Parents said the buses were always late.",
    ],
)
def test_a_group_of_people_never_named_is_an_unresolved_speaker(text: str) -> None:
    (claim,) = attributed(text)
    assert claim.speaker is not None and not claim.speaker_resolved


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "The collapse happened in the section where Dravik Coal Holdings began a new seam. "
            "The company said it was cooperating with investigators.",
            "Dravik Coal Holdings",
        ),
        (
            "Flights resumed after a storm, and by noon Norland Airlines had cleared its backlog. "
            "Rescue teams said the runway was safe. The firm said 300 flights were cancelled.",
            "Norland Airlines",
        ),
    ],
)
def test_the_company_is_the_firm_named_inside_an_earlier_sentence(text: str, firm: str) -> None:
    (claim,) = [c for c in attributed(text) if c.cue in ("said",) and c.speaker_resolved]
    assert claim.speaker == firm


@pytest.mark.parametrize(
    "text",
    [
        "Fennick Motors will close the plant, said Imke Rauth, an analyst at Serrin Capital. "
        "The company said it would retrain staff.",
        "Ostrel cut rates, Mara Venn of Kessel Capital wrote. The company said it would "
        "retrain staff.",
    ],
)
def test_a_firm_after_a_preposition_is_no_later_company(text: str) -> None:
    (claim,) = holding(text, "retrain staff")
    assert claim.speaker != "Serrin Capital" and claim.speaker != "Kessel Capital"


@pytest.mark.parametrize(
    "text",
    [
        "Twelve workers trapped in the tunnel for three days were freed.",
        "Crews worked at the site for 11 hours before the fire was out.",
        "Families have sold food at the festival for two decades.",
    ],
)
def test_a_place_before_a_duration_is_not_what_it_measures(text: str) -> None:
    duration = next(c for c in extract_claims(text) if c.kind == "numeric" and c.days)
    measure = duration.measure or ""
    assert not any(place in measure for place in ("tunnel", "site", "festival"))


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The ferry had 40 aboard when it sank.", "40"),
        ("Of the 260 aboard, 12 were children.", "260"),
        ("Rescuers reached the 9 underground late on Friday.", "9"),
    ],
)
def test_a_bare_count_before_a_place_adverb_counts_people(text: str, quote: str) -> None:
    assert (figure(text, quote).measure or "").startswith("people")


def test_a_place_adverb_before_a_noun_leaves_the_noun_counted() -> None:
    assert figure("All 14 underground mines were shut.", "14").unit != "people"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            'Halla Brennvik told a public meeting in Lestra on Monday night: "No patient has '
            'been harmed by this attack."',
            "No patient has been harmed by this attack.",
        ),
        (
            'The minister, visiting the town on Sunday, vowed: "We will not stop digging while '
            'there is any chance."',
            "We will not stop digging while there is any chance.",
        ),
    ],
)
def test_words_that_only_introduce_a_quotation_are_no_claim(text: str, quote: str) -> None:
    claims = attributed(text)
    assert [c.quote for c in claims] == [quote]


def test_a_statement_before_a_colon_keeps_its_own_claim() -> None:
    text = (
        "Dr Sunita Varma said recorded crime was an imperfect measure: \u201cChanges in how "
        "offences are logged can move these numbers by 5-10% on their own.\u201d"
    )
    quotes = [c.quote for c in attributed(text)]
    assert any(q.startswith("recorded crime was an imperfect measure") for q in quotes)
    assert any(q.startswith("Changes in how offences") for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        'Ostby: Harnvik is "running out of beds" as ministry delays grant\n\n'
        "HARNVIK - The district hospital turned away 40 patients on Monday, its director Lena "
        "Ostby said.\n",
        'Barreto: city "cannot keep paying" for buses; fare to rise to R$5.40\n\n'
        "Mayor Lucia Barreto said on Monday the city would stop the subsidy.\n",
        'Lena Ostby said: "I agree. We will rebuild the school by May." She left.',
        'Mayor Ana Ruiz said the city "cannot keep subsidising" operators. '
        '"Fares must rise. We have no choice," Ruiz said.',
    ],
)
def test_no_two_claims_of_one_speaker_overlap_unless_a_clause_holds_its_quoted_words(
    text: str,
) -> None:
    """One statement is one claim: a direct quotation never sits inside another of the same
    speaker; only a reported clause may hold the words it quotes ('said the city "cannot
    keep subsidising" operators')."""
    claims = attributed(text)
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.speaker == b.speaker and a.start < b.end and b.start < a.end:
                assert not (a.direct and b.direct), (a.quote, b.quote)
