"""Disputed figures: groups of one story whose outlets give one fact values apart, on SQLite
and PostgreSQL (the rule: factcheck.comparable's docstring; kept by factcheck.disputes)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, col, select, update

from factcheck.articles import add_article
from factcheck.comparable import bounds, figures_dispute, names_outcome, reports_count
from factcheck.disputes import rivals
from factcheck.extract import extract_claims
from factcheck.groups import conflict_count, join_groups, list_groups, rebuild_groups, take_out
from factcheck.models import Article, Claim, ClaimGroup, ClaimKind, Role, User
from tests.factories import make_user
from tests.story_articles import TRUCE
from tests.test_groups import ingest


def _day(day: int, hour: int = 9) -> datetime:
    return datetime(2025, 3, day, hour, tzinfo=UTC)


def _text(missing: str, *, evacuated: str = "120", weekday: str = "") -> str:
    when = f" as of {weekday}" if weekday else ""
    return (
        f"Rescuers at the Harlow chemical plant in Tessel said {missing} workers were missing"
        f"{when} after the blast. Tessel police said {evacuated} people were evacuated from "
        "the Harlow district."
    )


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> Article:
    text = f"{text} Written by the {outlet} desk."
    return add_article(
        session,
        title=f"Blast at Harlow plant ({outlet})",
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=at,
    )


def _group(session: Session, article: Article, quote_part: str) -> ClaimGroup | None:
    claim = next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == article.id))
        if c.kind == ClaimKind.NUMERIC and quote_part in c.quote
    )
    return session.get(ClaimGroup, claim.group_id) if claim.group_id else None


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def four_and_six(
    session: Session, by: User, four: str, six: str, *, later: int = 0
) -> list[Article]:
    """Two outlets say ``four`` workers were missing, two say ``six`` (``later`` days on)."""
    return [
        _add(session, by, "Wire Alpha", _text(four), _day(3)),
        _add(session, by, "Courier Beta", _text(four), _day(3, 11)),
        _add(session, by, "Radio Gamma", _text(six), _day(3 + later, 12)),
        _add(session, by, "Post Delta", _text(six), _day(3 + later, 14)),
    ]


def test_outlets_that_give_one_count_values_apart_are_a_conflict(
    session: Session, editor: User
) -> None:
    a = four_and_six(session, editor, "4", "six")
    four, six = _group(session, a[0], "4"), _group(session, a[2], "six")
    assert four is not None and six is not None and four.id != six.id
    session.refresh(four)
    session.refresh(six)
    assert four.conflict and six.conflict
    assert rivals(session, group=four) == [six.id]
    listed, total = list_groups(session, conflicts=True)
    assert {v.group.id for v in listed} == {four.id, six.id} and total == 2
    assert conflict_count(session) == (2, 4)


def test_a_rising_count_on_another_day_is_no_dispute(session: Session, editor: User) -> None:
    a = four_and_six(session, editor, "4", "six", later=1)
    four, six = _group(session, a[0], "4"), _group(session, a[2], "six")
    assert four is not None and six is not None
    assert not four.conflict and not six.conflict
    assert rivals(session, group=four) == []


def test_two_stories_with_the_same_figures_never_dispute(session: Session, editor: User) -> None:
    four_and_six(session, editor, "4", "4")
    flood = (
        "Floodwater swept through the village of Brask near Ummo overnight, and the Ummo "
        "coastguard said six fishermen were missing at sea. Emergency crews reported 75 "
        "residents were evacuated to the Brask school hall."
    )
    other = [
        _add(session, editor, "Radio Epsilon", flood, _day(3, 12)),
        _add(session, editor, "Post Zeta", flood, _day(3, 14)),
    ]
    six = _group(session, other[0], "six")
    assert six is not None and not six.conflict
    assert six.story_id != _story(session, "4")


def _story(session: Session, quote: str) -> int | None:
    group = session.exec(select(ClaimGroup).where(ClaimGroup.lo == 4)).first()
    assert group is not None, quote
    return group.story_id


def test_taking_the_other_figures_out_ends_the_dispute(session: Session, editor: User) -> None:
    # Out of two "six" reports, one taken out leaves the other alone yet still in dispute
    # (a group of one); once both are out, the 4 group has no one to disagree with.
    a = four_and_six(session, editor, "4", "six")
    for article in (a[2], a[3]):
        six = _group(session, article, "six")
        assert six is not None
        claim = session.exec(
            select(Claim).where(Claim.article_id == article.id, Claim.group_id == six.id)
        ).one()
        take_out(session, claim_id=claim.id or 0, seen_version=claim.version, by=editor)
        four = _group(session, a[0], "4")
        assert four is not None
        session.refresh(four)
        if article is a[2]:
            alone = _group(session, a[3], "six")
            assert alone is not None and alone.size == 1 and alone.conflict
            assert four.conflict and rivals(session, group=four) == [alone.id]
    assert not four.conflict
    assert session.exec(select(ClaimGroup).where(ClaimGroup.size == 1)).all() == []


def test_joining_disputed_groups_makes_a_conflict_inside_one(
    session: Session, editor: User
) -> None:
    a = four_and_six(session, editor, "4", "six")
    four, six = _group(session, a[0], "4"), _group(session, a[2], "six")
    assert four is not None and six is not None
    kept = join_groups(session, keep_id=four.id or 0, other_id=six.id or 0, by=editor)
    session.refresh(kept)
    assert kept.conflict and kept.lo is not None and kept.hi is not None and kept.lo > kept.hi
    assert rivals(session, group=kept) == []


@pytest.mark.parametrize(
    ("one", "other", "disputed"),
    [
        ({"value": 80_000, "qualifier": "more than"}, {"value": 48_000}, True),
        ({"value": 41, "qualifier": "at least"}, {"value": 253}, False),
        ({"value": 4}, {"value": 6}, True),
        ({"value": 240, "qualifier": "some"}, {"value": 253}, True),
    ],
)
def test_open_bounds_dispute_only_what_lies_beyond_them(
    one: dict[str, object], other: dict[str, object], disputed: bool
) -> None:
    a = bounds(lower=None, upper=None, **{"qualifier": None, **one})  # type: ignore[arg-type]
    b = bounds(lower=None, upper=None, **{"qualifier": None, **other})  # type: ignore[arg-type]
    assert a is not None and b is not None
    assert figures_dispute(a, b, same_day=True, same_outlet=False) is disputed
    assert not figures_dispute(a, b, same_day=False, same_outlet=False)
    assert not figures_dispute(a, b, same_day=True, same_outlet=True)


def test_an_article_that_gives_both_figures_tells_two_facts(session: Session, editor: User) -> None:
    # Two outlets give the war's toll (253, "some 240") and Lisk's (41) on one day.
    ingest(session, TRUCE, editor)
    toll = session.exec(select(ClaimGroup).where(ClaimGroup.lo == 253)).one()
    lisk = session.exec(select(ClaimGroup).where(ClaimGroup.lo == 41)).one()
    assert toll.story_id == lisk.story_id and toll.key == lisk.key
    assert rivals(session, group=toll) == [] and not lisk.conflict
    assert toll.conflict  # "some 240" against 253 inside the group, as before


def test_groups_rebuild_flags_a_dispute_stored_unflagged(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN)
    four_and_six(session, admin, "4", "six")
    session.exec(update(ClaimGroup).values(conflict=False))  # type: ignore[call-overload]
    session.commit()
    rebuild_groups(session, by=admin)
    flagged = session.exec(select(ClaimGroup).where(col(ClaimGroup.conflict))).all()
    assert sorted(g.lo for g in flagged) == [4.0, 6.0]


def test_a_day_named_in_the_text_is_the_day_compared(session: Session, editor: User) -> None:
    # 3 March 2025 is a Monday: two Tuesday papers give "six" as of Monday, the day the
    # other two said 4.
    monday = [
        _add(session, editor, "Wire Alpha", _text("4"), _day(3)),
        _add(session, editor, "Courier Beta", _text("4"), _day(3, 11)),
        _add(session, editor, "Radio Gamma", _text("six", weekday="Monday"), _day(4, 12)),
        _add(session, editor, "Post Delta", _text("six", weekday="Monday"), _day(4, 14)),
    ]
    six = _group(session, monday[2], "six")
    assert six is not None and six.conflict
    claim = session.exec(select(Claim).where(Claim.group_id == six.id)).first()
    assert claim is not None and claim.as_of is not None and claim.as_of.isoformat() == "2025-03-03"


def four_against_six(session: Session, by: User, four: str, six: str) -> list[Article]:
    """One outlet says ``four`` workers were missing, another ``six``, the same morning; both
    give the same evacuation figure, which puts the two in one story."""
    return [
        _add(session, by, "Wire Alpha", _text(four), _day(3)),
        _add(session, by, "Radio Gamma", _text(six), _day(3, 11)),
    ]


def test_two_outlets_each_alone_with_its_count_are_a_conflict(
    session: Session, editor: User
) -> None:
    a = four_against_six(session, editor, "4", "six")
    four, six = _group(session, a[0], "4"), _group(session, a[1], "six")
    assert four is not None and six is not None and four.size == six.size == 1
    assert four.conflict and six.conflict
    assert rivals(session, group=four) == [six.id] and rivals(session, group=six) == [four.id]
    assert conflict_count(session) == (2, 2)


def test_a_lone_figure_that_agrees_stays_out_of_any_group(session: Session, editor: User) -> None:
    # "about 4" allows 3.8 to 4.2: it and 4 may both be true, so nobody disputes anything.
    four_against_six(session, editor, "4", "about 4")
    assert conflict_count(session) == (0, 0)


def test_a_third_outlet_with_the_same_count_joins_the_lone_figure(
    session: Session, editor: User
) -> None:
    a = four_against_six(session, editor, "4", "six")
    third = _add(session, editor, "Post Delta", _text("six"), _day(3, 14))
    six = _group(session, third, "six")
    assert six is not None and six.size == 2 and six.conflict
    assert _group(session, a[1], "six") == six


@pytest.mark.parametrize(
    ("missing", "why"),
    [
        ("dozens of", "a vague figure states no value"),
        ("many", "no figure at all"),
    ],
)
def test_a_vague_figure_disputes_nothing(
    session: Session, editor: User, missing: str, why: str
) -> None:
    four_against_six(session, editor, "4", missing)
    assert conflict_count(session) == (0, 0), why


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        # a part of a total
        ("Officials said 19 of the injured were still in hospital on Friday.", "19"),
        ("Twelve of the 40 dead were children, the agency said.", "Twelve"),
        # an addition
        ("Seven more bodies were recovered from the mine overnight.", "Seven"),
        ("Crews found three other workers under the collapsed roof.", "three"),
        ("A further 7 people were reported dead by the evening.", "7"),
        ("Another 12 homes burned before the wind turned.", "12"),
        # a count given before
        ("Divers brought up the bodies of the four missing fishermen.", "four"),
        ("Relatives of the 48,000 patients were told by letter.", "48,000"),
    ],
)
def test_parts_additions_and_counts_given_before_report_no_count(sentence: str, quote: str) -> None:
    assert not reports_count(sentence, quote)


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Four workers were still missing on Tuesday night, the brigade said.", "Four"),
        ("The records of more than 80,000 patients were copied.", "80,000"),
        ("At least 23 people were dead by Wednesday night.", "23"),
        ("Rescuers said six workers had not been accounted for.", "six"),
    ],
)
def test_a_figure_that_states_a_count_reports_it(sentence: str, quote: str) -> None:
    assert reports_count(sentence, quote)


def test_a_lone_part_of_the_whole_is_no_dispute(session: Session, editor: User) -> None:
    # "2 of the workers were missing" counts a part of the crew, not the missing as a whole.
    text = (
        "Rescuers at the Harlow chemical plant in Tessel said 2 of the workers were missing "
        "after the blast. Tessel police said 120 people were evacuated from the Harlow district."
    )
    _add(session, editor, "Wire Alpha", _text("4"), _day(3))
    _add(session, editor, "Radio Gamma", text, _day(3, 11))
    assert conflict_count(session) == (0, 0)


def test_lone_figures_of_one_outlet_never_dispute(session: Session, editor: User) -> None:
    _add(session, editor, "Wire Alpha", _text("4"), _day(3))
    _add(session, editor, "Wire Alpha", _text("six"), _day(3, 11))
    assert conflict_count(session) == (0, 0)


def test_lone_figures_on_different_days_never_dispute(session: Session, editor: User) -> None:
    _add(session, editor, "Wire Alpha", _text("4"), _day(3))
    _add(session, editor, "Radio Gamma", _text("six"), _day(4, 11))
    assert conflict_count(session) == (0, 0)


def test_groups_rebuild_finds_lone_figures_in_dispute(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN)
    a = four_against_six(session, admin, "4", "six")
    for article in a:  # as stored before disputes between lone figures were kept
        group = _group(session, article, "4" if article is a[0] else "six")
        assert group is not None
        session.exec(update(Claim).where(col(Claim.group_id) == group.id).values(group_id=None))  # type: ignore[call-overload]
        session.delete(group)
    session.commit()
    assert conflict_count(session) == (0, 0)
    rebuild_groups(session, by=admin)
    assert conflict_count(session) == (2, 2)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # who was counted, not what happened to them: two facts about residents
        (
            "Some 300 residents of the Harlow district joined a vigil in Tessel on Monday.",
            "About 900 residents of the Harlow district live near the plant in Tessel.",
        ),
        (
            "Some 80 passengers waited at Tessel station for the first train.",
            "About 200 passengers boarded the last ferry from Tessel.",
        ),
    ],
)
def test_a_count_of_who_alone_names_nothing_to_dispute(
    session: Session, editor: User, one: str, other: str
) -> None:
    shared = " Tessel police said 120 people were evacuated from the Harlow district."
    _add(session, editor, "Wire Alpha", one + shared, _day(3))
    _add(session, editor, "Radio Gamma", other + shared, _day(3, 11))
    assert conflict_count(session) == (0, 0)


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("n|missing|count", True),
        ("n|patient|count", True),
        ("n|resident|count", False),  # only who was counted
        ("n|rescuer worker|count", False),
        # durations: each figure's measure must then name its outcome (duration_outcome)
        ("n|*|day", True),
        # lengths and areas: each figure must name the thing it measures (measured_thing)
        ("n|*|hectare", True),
        ("n|*|tonne", False),  # a mass is compared by amount alone: "4,300 tonnes"
        ("s|12", False),  # a speaker's words, not a figure
    ],
)
def test_only_a_key_that_names_an_outcome_can_dispute(key: str, named: bool) -> None:
    assert names_outcome(key) is named


def test_a_lone_figure_whose_rival_is_taken_out_is_alone_again(
    session: Session, editor: User
) -> None:
    a = four_against_six(session, editor, "4", "six")
    six = session.exec(select(Claim).where(Claim.article_id == a[1].id, Claim.quote == "six")).one()
    take_out(session, claim_id=six.id or 0, seen_version=six.version, by=editor)
    four = session.exec(select(Claim).where(Claim.article_id == a[0].id, Claim.quote == "4")).one()
    session.refresh(four)
    assert four.group_id is None  # its group of one is gone with the dispute
    assert conflict_count(session) == (0, 0)
    assert session.exec(select(ClaimGroup).where(ClaimGroup.size == 1)).all() == []
