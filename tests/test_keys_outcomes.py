"""The same figure told by several outlets in other words gets one group key (session 13):
light verbs, one act under two verbs, people who left a place, ages, quoted figures, dated
labels and things under two names. Each rule beside a look-alike that must keep its own key.

Sentences invented for these tests.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.groups import claim_keys
from factcheck.models import ClaimKind


def key_of(text: str, quote: str) -> str | None:
    """The group key the figure written ``quote`` in ``text`` is stored under."""
    claim = next(c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote)
    return claim_keys(
        kind=ClaimKind.NUMERIC,
        measure=claim.measure,
        unit=claim.unit,
        days=claim.days,
        value=claim.value,
        lower=claim.lower,
        speaker_id=None,
        sentence=claim.sentence,
        quote=claim.quote,
    )["group_key"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # a light verb is no part of what is counted
        (
            ("Guards said more than twelve hundred rockets came over.", "twelve hundred"),
            ("The army counted 1,200 rockets on Monday.", "1,200"),
        ),
        (
            ("Nine vehicles went into the river when the span gave way.", "Nine"),
            ("Nine vehicles fell into the river when the span gave way.", "Nine"),
        ),
        (
            ("Port officials said 41 cargo ships were waiting at anchor.", "41"),
            ("Port officials said 41 vessels lay at anchor.", "41"),
        ),
        # one act under two verbs
        (
            ("The army said more than 1,200 rockets had been launched towards the town.", "1,200"),
            ("The army said more than 1,200 rockets were fired at the town.", "1,200"),
        ),
        # people who left a place were displaced
        (
            ("Some 8,000 residents left Velmont during the day.", "8,000"),
            ("About 8,000 residents fled Velmont during the day.", "8,000"),
        ),
        (
            ("About eight thousand people have left, most of them on foot.", "eight thousand"),
            ("About 8,000 people were evacuated from the town.", "8,000"),
        ),
        (
            ("The blaze forced nearly 1,900 people from their houses.", "1,900"),
            ("Nearly 1,900 people were evacuated as the blaze spread.", "1,900"),
        ),
        # an age is an age, in whichever form it is written
        (
            ("Among the dead was Mira Tallis, 9, who was waiting for a bus.", "9"),
            ("A nine-year-old girl, Mira Tallis, was among the dead.", "nine-year-old"),
        ),
        # a figure quoted alone counts the noun after the quote
        (
            ('The militia said it had fired "nearly 400" rockets, all at military targets.', "400"),
            ("The militia said it had fired nearly 400 rockets, all at military targets.", "400"),
        ),
        # a label's day is when, not what
        (
            ("Situation at noon:\nHostages released today: 14\n", "14"),
            ("The group released 14 hostages at the crossing this morning.", "14"),
        ),
        # one payroll, one rescue team, whatever the word
        (
            ("The mine employs 1,900 people in the valley.", "1,900"),
            ("The mine has 1,900 employees in the valley.", "1,900"),
        ),
        (
            ("Fact box:\nRescue personnel deployed: 1,800\n", "1,800"),
            ("Some 1,800 rescuers worked through the night.", "1,800"),
        ),
    ],
)
def test_one_figure_in_other_words_gets_one_key(
    one: tuple[str, str], other: tuple[str, str]
) -> None:
    assert key_of(*one) is not None
    assert key_of(*one) == key_of(*other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # an outcome verb is kept: rockets intercepted are not rockets fired
        (
            ("The army said 400 rockets were intercepted over the town.", "400"),
            ("The army said 400 rockets were fired at the town.", "400"),
        ),
        # left without power, left behind, and a ferry that left are no displacement
        (
            ("About 8,000 residents were left without power overnight.", "8,000"),
            ("About 8,000 residents fled the town overnight.", "8,000"),
        ),
        (
            ("About 40 people were left behind when the last bus went.", "40"),
            ("About 40 people were evacuated when the river rose.", "40"),
        ),
        (
            ("A ferry licensed for 90 passengers left the harbour at noon.", "90"),
            ("About 90 passengers fled the harbour at noon.", "90"),
        ),
        # an age is not a length of time
        (
            ("A nine-year-old girl was among the dead.", "nine-year-old"),
            ("The crossing has been closed for nine years.", "nine years"),
        ),
        # a quote that says more than its figure keeps its close
        (
            ('"We lost 12" crew members, the captain said.', "12"),
            ("The ship carried 12 crew members.", "12"),
        ),
    ],
)
def test_look_alikes_keep_their_own_keys(one: tuple[str, str], other: tuple[str, str]) -> None:
    assert key_of(*one) != key_of(*other)


def test_a_light_verb_alone_stays_in_the_key() -> None:
    """With nothing else named, the verb is all a key has: "136 people fell ill"."""
    assert key_of("At least 136 people fell ill after the festival.", "136") == "n|fell|count"


def test_an_age_keeps_its_unit_and_no_days() -> None:
    figure = next(c for c in extract_claims("The bridge is 58 years old.") if c.quote == "58 years")
    assert (figure.measure, figure.unit, figure.days) == ("age", "year", None)


@pytest.mark.parametrize(
    ("told", "plain", "quote"),
    [
        (
            "Shelling killed 86 people overnight in Tarvo, the health office said.",
            "Shelling killed 86 people in Tarvo, the health office said on Monday.",
            "86",
        ),
        (
            "The ministry cited 310 people displaced by the Lenn floods.",
            "The Lenn floods displaced 310 people, the ministry said.",
            "310",
        ),
        (
            "The mill listed 23 deaths published in its statement on Tuesday.",
            "The mill listed 23 deaths in its statement on Tuesday.",
            "23",
        ),
    ],
)
def test_when_or_how_a_figure_was_made_known_is_not_what_it_counts(
    told: str, plain: str, quote: str
) -> None:
    """Session 16 (measures.MADE_KNOWN): "overnight", "cited", "published" part no key."""
    assert key_of(told, quote) == key_of(plain, quote) is not None
