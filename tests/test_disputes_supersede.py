"""Issue #10 §3/§5/§7, session 12: a source's newer figure supersedes its older one (a live
blog's later entry, an outlet's later article that day), so the older takes no part in a
dispute; lengths dispute by the thing they measure; counts of rescuers do not dispute.
Pure rules first, then disputes stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from factcheck.comparable import (
    Given,
    amount_outcome,
    entry_at,
    entry_ranks,
    figure_measure_key,
    reports_count,
    said_on,
    supersedes,
)
from factcheck.extract import extract_claims
from factcheck.groups import claim_keys
from factcheck.models import Role, User
from tests.disputed import add_in_story, conflicted
from tests.factories import make_user

BLOG = (
    "07:05 - Flooding reported in the lower town of Brisk.\n\n"
    "09:20 - The fire brigade says six people are missing.\n\n"
    "13:45 - Update: two of them have been found safe, leaving four people unaccounted for.\n"
)


def test_a_live_blog_s_entries_are_ranked_oldest_first() -> None:
    ranks = entry_ranks(BLOG)
    assert [rank for _, rank in ranks] == [0, 1, 2]
    assert entry_at(ranks, BLOG.index("six")) == 1
    assert entry_at(ranks, BLOG.index("four")) == 2


def test_a_blog_written_newest_first_ranks_its_top_entry_newest() -> None:
    text = (
        "Update 16:40: The bridge has reopened to traffic.\n"
        "14:10 - Police close the bridge after a crash.\n"
        "11:30 - Heavy traffic on the ring road.\n"
    )
    assert [rank for _, rank in entry_ranks(text)] == [2, 1, 0]


@pytest.mark.parametrize(
    "text",
    [
        # one time of day is no series of entries
        "09:20 - The fire brigade says six people are missing.\nFour were found later.",
        # times inside sentences, and prices at a line's start, open no entry
        "The train left at 10:40 and was hit at 10:55.\nIt was due in at 11:30.",
        "12.50 euros was the fare.\n13.75 euros is the new one.",
    ],
)
def test_text_without_timed_entries_has_none(text: str) -> None:
    assert entry_ranks(text) == []


DAY = date(2026, 3, 4)
MORNING = datetime(2026, 3, 4, 8, tzinfo=UTC)
EVENING = datetime(2026, 3, 4, 19, tzinfo=UTC)


def test_a_later_entry_or_article_of_one_source_and_day_supersedes() -> None:
    early, late = Given(1, DAY, MORNING, 10, entry=1), Given(1, DAY, MORNING, 10, entry=2)
    assert supersedes(late, early) and not supersedes(early, late)
    evening = Given(1, DAY, EVENING, 11)
    assert supersedes(evening, Given(1, DAY, MORNING, 10))
    # articles of one time: the one stored later
    assert supersedes(Given(1, DAY, MORNING, 12), Given(1, DAY, MORNING, 10))


@pytest.mark.parametrize(
    ("newer", "older"),
    [
        # text order alone: one article, no timed entries (a whole and its part)
        (Given(1, DAY, MORNING, 10), Given(1, DAY, MORNING, 10)),
        # an entry against a figure before the first entry
        (Given(1, DAY, MORNING, 10, entry=2), Given(1, DAY, MORNING, 10)),
        # another outlet
        (Given(2, DAY, EVENING, 11), Given(1, DAY, MORNING, 10)),
        # another day: a toll that rose is outdated, not superseded in a day's dispute
        (Given(1, date(2026, 3, 5), MORNING, 11), Given(1, DAY, MORNING, 10)),
    ],
)
def test_nothing_else_supersedes(newer: Given, older: Given) -> None:
    assert not supersedes(newer, older)


def _key(sentence: str, quote: str) -> tuple[str | None, str | None]:
    """The measure key and group key of the figure ``quote`` of ``sentence`` as stored."""
    found = next(c for c in extract_claims(sentence) if c.kind == "numeric" and c.quote == quote)
    keys = claim_keys(
        kind="numeric",
        measure=found.measure,
        unit=found.unit,
        days=found.days,
        value=found.value,
        lower=found.lower,
        speaker_id=None,
        sentence=found.sentence,
        quote=found.quote,
    )
    return keys["measure_key"], keys["group_key"]


@pytest.mark.parametrize(
    ("sentence", "quote", "key"),
    [
        ("Two were found, leaving four people unaccounted for.", "four", "missing"),
        ("The blast left five people dead.", "five", "killed"),
    ],
)
def test_what_an_event_left_is_keyed_by_its_measure(sentence: str, quote: str, key: str) -> None:
    assert _key(sentence, quote)[0] == key


def test_a_count_of_people_who_left_is_not_a_toll() -> None:
    measure = _key("About 300 residents left the valley on Sunday.", "300")[0]
    assert measure not in {"killed", "missing", None}


def _outcome(sentence: str, quote: str) -> str | None:
    found = next(c for c in extract_claims(sentence) if c.kind == "numeric" and c.quote == quote)
    measure = figure_measure_key(found.measure, found.unit, found.sentence, found.quote)
    group = _key(sentence, quote)[1]
    assert group is not None
    return amount_outcome(group, measure, found.sentence, found.quote)


@pytest.mark.parametrize(
    ("sentence", "quote", "thing"),
    [
        ("Debris buried a 400-metre stretch of track.", "400-metre", "track"),
        ("Some 400 metres of track are affected.", "400 metres", "track"),
        ("Boulders have buried some 600 metres of the Brisk Valley line.", "600 metres", "track"),
        ("The tunnel is 400 metres long.", "400 metres", "tunnel"),
        ("Floodwater covered 600 metres of road near the bridge.", "600 metres", "road"),
        ("The fire destroyed 300 square metres of roof.", "300 square metres", None),
        # amounts of nothing the table names: never disputed
        ("Some 140 millimetres of rain fell in two days.", "140 millimetres", None),
        ("The queue stretched for 400 metres.", "400 metres", None),
    ],
)
def test_a_length_is_of_the_thing_its_words_name(
    sentence: str, quote: str, thing: str | None
) -> None:
    assert _outcome(sentence, quote) == thing


@pytest.mark.parametrize(
    ("sentence", "quote", "outcome"),
    [
        ("The tunnel is to close for five months.", "five months", "closure"),
        ("The bridge will be closed for three weeks.", "three weeks", "closure"),
        ("The tunnel took five months to build.", "five months", None),
    ],
)
def test_a_planned_duration_is_of_the_verb_before_it(
    sentence: str, quote: str, outcome: str | None
) -> None:
    assert _outcome(sentence, quote) == outcome


def test_a_length_of_a_thing_is_no_part_but_a_share_of_one_is() -> None:
    assert reports_count("Debris buried 600 metres of track.", "600 metres")
    assert not reports_count("Debris buried 400 of the 600 metres of track.", "400")


@pytest.mark.parametrize(
    ("sentence", "quote", "said"),
    [
        (
            "Mud has buried 600 metres of the line, engineers said yesterday, and more.",
            "600",
            "yesterday",
        ),
        ("Six workers are missing, the brigade said on Tuesday night.", "Six", "on Tuesday night"),
        # the statement belongs to another sentence, or reports what follows it
        ("Mud has buried 600 metres of the line. Engineers said yesterday it moved.", "600", None),
        ("Six are missing, the brigade said on Tuesday that more were feared.", "Six", None),
    ],
)
def test_a_statement_after_a_figure_gives_its_day(
    sentence: str, quote: str, said: str | None
) -> None:
    assert said_on(sentence, quote) == said


# Services: what the reviewer sees stored.


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> int:
    line = "\nBrisk police said 75 people were evacuated from Marl ({outlet})."
    return add_in_story(
        session, by, outlet=outlet, text=text, at=at, line=line, topic="Brisk floods"
    )


def test_a_live_blog_s_earlier_entry_disputes_no_one(session: Session, editor: User) -> None:
    wire = _add(session, editor, "Lake Wire", "Four people are missing in Brisk.", EVENING)
    blog = _add(session, editor, "Brisk Live", BLOG, EVENING)
    session.commit()
    assert not conflicted(session, blog, "six") and not conflicted(session, wire, "Four")


def test_outlets_that_disagree_still_dispute_beside_a_live_blog(
    session: Session, editor: User
) -> None:
    _add(session, editor, "Brisk Live", BLOG, EVENING)
    four = _add(session, editor, "Lake Wire", "Four people are missing in Brisk.", EVENING)
    nine = _add(session, editor, "Valley Radio", "Nine people are missing in Brisk.", EVENING)
    session.commit()
    assert conflicted(session, four, "Four") and conflicted(session, nine, "Nine")


def test_a_live_blog_s_series_tells_that_six_then_four_is_no_dispute(
    session: Session, editor: User
) -> None:
    _add(session, editor, "Brisk Live", BLOG, EVENING)
    four = _add(session, editor, "Lake Wire", "Four people are missing in Brisk.", EVENING)
    six = _add(session, editor, "Valley Radio", "Six people are missing in Brisk.", EVENING)
    session.commit()
    assert not conflicted(session, four, "Four") and not conflicted(session, six, "Six")


def test_two_figures_of_an_untimed_story_both_take_part(session: Session, editor: User) -> None:
    story = "Six people are missing in Brisk. Police said four were missing in the old town."
    _add(session, editor, "Brisk Courier", story, EVENING)
    rival = _add(session, editor, "Lake Wire", "Nine people are missing in Brisk.", EVENING)
    session.commit()
    assert conflicted(session, rival, "Nine")


def test_an_outlet_s_later_article_that_day_ends_its_earlier_one_s_dispute(
    session: Session, editor: User
) -> None:
    morning = _add(session, editor, "Brisk Courier", "Six people are missing in Brisk.", MORNING)
    wire = _add(session, editor, "Lake Wire", "Four people are missing in Brisk.", EVENING)
    session.commit()
    assert conflicted(session, morning, "Six")  # before its correction, a dispute
    _add(
        session,
        editor,
        "Brisk Courier",
        "Four people are still missing in Brisk.",
        EVENING.replace(hour=20),
    )
    session.commit()
    assert not conflicted(session, morning, "Six") and not conflicted(session, wire, "Four")


def test_lengths_of_one_track_dispute_a_day_apart_in_print(session: Session, editor: User) -> None:
    first = _add(
        session,
        editor,
        "Lake Wire",
        "Debris buried a 400-metre stretch of track near Brisk.",
        MORNING,
    )
    second = _add(
        session,
        editor,
        "Valley Herald",
        "Mud has buried some 600 metres of the Brisk line, engineers said yesterday.",
        MORNING.replace(day=5),
    )
    session.commit()
    assert conflicted(session, first, "400-metre") and conflicted(session, second, "600 metres")


def test_lengths_of_two_things_never_dispute(session: Session, editor: User) -> None:
    tunnel = _add(
        session, editor, "Lake Wire", "Water filled a 400-metre tunnel at Brisk.", MORNING
    )
    road = _add(
        session, editor, "Valley Radio", "Water covered 600 metres of road at Brisk.", MORNING
    )
    rain = _add(session, editor, "Brisk Courier", "Some 140 millimetres of rain fell.", MORNING)
    _add(session, editor, "Lake Post", "Some 200 millimetres of rain fell.", MORNING)
    session.commit()
    assert not conflicted(session, tunnel, "400-metre")
    assert not conflicted(session, road, "600 metres")
    assert not conflicted(session, rain, "140 millimetres")


def test_counts_of_rescuers_do_not_dispute(session: Session, editor: User) -> None:
    few = _add(session, editor, "Lake Wire", "About 200 rescuers searched the slope.", MORNING)
    many = _add(
        session, editor, "Valley Radio", "About 350 rescuers were involved in the search.", MORNING
    )
    session.commit()
    assert not conflicted(session, few, "200") and not conflicted(session, many, "350")


def test_timed_entries_are_kept_for_a_bounded_number_of_texts() -> None:
    """A live blog's entries are worked out once per text, and no more texts are kept than the
    bound, the oldest forgotten first; a text with very many entries is not kept at all."""
    from factcheck.disputes import RANKS_ENTRIES, RANKS_KEPT, _Ranks

    kept = _Ranks()
    for n in range(RANKS_KEPT + 5):
        kept.put(f"sha{n}", [(0, 0), (10, 1)])
    assert len(kept.kept) == RANKS_KEPT
    assert kept.get("sha0") is None
    assert kept.get(f"sha{RANKS_KEPT + 4}") == [(0, 0), (10, 1)]
    many = [(i, i) for i in range(RANKS_ENTRIES + 1)]
    assert kept.put("long blog", many) == many
    assert kept.get("long blog") is None
