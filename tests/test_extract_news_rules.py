"""Rules of issue 11 written against dev set 7, each stated as a pattern and shown on two
different sentences (the texts are invented for these tests, not taken from any labelled set).
"""

from __future__ import annotations

from factcheck.extract import Found, extract_claims


def said(text: str, words: str) -> Found:
    """The shortest attributed claim holding words."""
    found = [c for c in extract_claims(text) if c.kind == "attributed" and words in c.quote]
    assert found, f"nothing attributed holds {words!r}"
    return min(found, key=lambda c: len(c.quote))


def number(text: str, quote: str) -> Found:
    """The numeric claim quoted exactly so."""
    found = [c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote]
    assert found, f"no numeric claim {quote!r}: {[c.quote for c in extract_claims(text)]}"
    return found[0]


# Pattern: "the TITLE" names the person given that title most recently before it, when the
# title equals or ends a title given with a name ("the minister" after "Foreign Minister X").


def test_a_bare_title_is_the_last_holder_named_before_it() -> None:
    text = (
        "Foreign Minister Ilse Drummond met envoys in Tarsk. The minister said talks would "
        "resume. Prime Minister Oren Vally spoke later. The prime minister said he was hopeful."
    )
    assert said(text, "talks would resume").speaker == "Ilse Drummond"
    assert said(text, "he was hopeful").speaker == "Oren Vally"


def test_a_title_keeps_the_words_before_its_title_word() -> None:
    text = (
        "Transport Secretary Gwenda Hale visited the depot. The transport secretary said "
        "fares would be frozen until May."
    )
    claim = said(text, "fares would be frozen")
    assert (claim.speaker, claim.speaker_resolved) == ("Gwenda Hale", True)


# Pattern: an owner before a title ("the company's", "its", "the union's") is no part of it,
# and a short title stands for its full form ("the CEO" is the chief executive).


def test_an_owned_title_resolves_without_its_owner() -> None:
    text = (
        "Chief Executive Marta Quell presented the results. The company's chief executive "
        "said margins would recover. Its CEO also said 300 jobs were safe."
    )
    assert said(text, "margins would recover").speaker == "Marta Quell"
    assert said(text, "300 jobs were safe").speaker == "Marta Quell"


def test_an_apposed_title_after_an_owner_names_the_person() -> None:
    text = (
        "The union's general secretary, Dai Morgan, addressed the rally. Later the union's "
        "general secretary said members were angry. Its treasurer, Liv Storrs, was there. "
        "The treasurer said funds were low."
    )
    assert said(text, "members were angry").speaker == "Dai Morgan"
    assert said(text, "funds were low").speaker == "Liv Storrs"


# Pattern: a lower-case title before a name ("Orvik mayor Hakan Demir", "Agency director Lena
# Haugland") gives that person the title, so "the mayor" and "the director" resolve.


def test_a_lower_case_title_before_a_name_is_that_persons_title() -> None:
    text = (
        "Orvik mayor Hakim Delor toured the site. \u201cWe are still digging,\u201d the mayor "
        "said. Rail Partners chief executive Lon Tarvey was there too. The chief executive "
        "said trains would run on Monday."
    )
    assert said(text, "still digging").speaker == "Hakim Delor"
    assert said(text, "trains would run").speaker == "Lon Tarvey"


def test_a_capitalised_title_run_is_no_part_of_the_name() -> None:
    text = (
        "Chief Executive Dora Pell said sales fell in the spring. "
        "Chief Prosecutor Amos Reed said 12 men had fled."
    )
    assert said(text, "sales fell in").speaker == "Dora Pell"
    assert said(text, "12 men had fled").speaker == "Amos Reed"
