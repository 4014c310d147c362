"""Issue #10 §3, session 14: counts of one noun and one value in one story are one fact, however
each outlet says what happened (comparable.same_count_key, groups._join_in_story). Pure
rules first, then groups stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlmodel import Session, select

from factcheck import counts
from factcheck.articles import add_article
from factcheck.comparable import measure_key, outcomes_differ, same_count_key
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.groups import UNMEASURED, group_stored, key_unmeasured, take_out
from factcheck.migrate import alembic_config
from factcheck.models import Claim, ClaimKind, Role, User
from tests.disputed import add_in_story, one_story
from tests.factories import forget_rules, make_user


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hostages", "captives"),  # one noun under two names
        ("trucks", "lorries"),
        ("prisoners", "detainees"),
        ("fishermen", "fisherman"),  # plural and singular
    ],
)
def test_one_noun_named_two_ways_gives_one_second_key(a: str, b: str) -> None:
    assert same_count_key(a, None, 13.0) == same_count_key(b, None, 13.0) is not None


def test_the_second_key_tells_values_apart_however_large() -> None:
    assert same_count_key("hostages", None, 13.0) != same_count_key("hostages", None, 14.0)
    assert same_count_key("homes", None, 1234567.0) != same_count_key("homes", None, 1234568.0)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("workers", "miners"),  # which people an outlet calls them tells no fact apart
        ("employees", "people"),
        ("villagers", "residents"),
    ],
)
def test_people_named_as_people_are_one_noun(a: str, b: str) -> None:
    assert same_count_key(a, None, 113.0) == same_count_key(b, None, 113.0) == "person|113"


def test_who_people_are_is_kept_when_it_tells_facts_apart() -> None:
    assert same_count_key("children", None, 12.0) == "child|12"
    assert same_count_key("prisoners", None, 12.0) == "prisoner|12"


@pytest.mark.parametrize(
    ("unit", "days"),
    [
        ("day", 4.0),  # durations compare by unit alone
        ("km", None),  # so do lengths
        ("%", None),
        ("USD", None),
    ],
)
def test_no_second_key_for_amounts_in_a_unit(unit: str | None, days: float | None) -> None:
    assert same_count_key(unit, days, 13.0) is None


def test_a_count_with_no_noun_of_its_own_is_bare_from_ten() -> None:
    assert same_count_key(None, None, 13.0) == "*|13"  # "Thirteen were handed over"
    assert same_count_key(None, None, 41.0) == "*|41"  # "the toll reached 41"
    assert same_count_key(None, None, 9.0) is None  # a story's small numbers count many things


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        ("hostages freed", "hostages killed", True),
        ("rockets fired", "rockets intercepted", True),
        ("miners rescued", "miners missing", True),
        ("hostages held", "hostages freed", False),  # "held" names who, "freed" the outcome
        ("hostages", "hostages freed", False),  # no outcome named: may be either
        ("hostages freed to date", "hostages released", False),
    ],
)
def test_two_counts_of_one_noun_differ_only_when_they_name_different_outcomes(
    first: str, second: str, differ: bool
) -> None:
    noun = str(same_count_key(first.split()[0], None, 1.0)).split("|")[0]
    a, b = measure_key(first, first.split()[0]), measure_key(second, second.split()[0])
    assert outcomes_differ(a, b, {noun}) is differ


def test_the_noun_of_either_count_names_no_outcome() -> None:
    # "hostages" keys as "kidnapped": a bare "27 freed" is not another outcome than it
    held, freed = measure_key("hostages held", "hostages"), measure_key("freed", None)
    assert outcomes_differ(freed, held, {"*", "kidnapped"}) is False
    assert outcomes_differ(freed, measure_key("killed", None), {"*"}) is True


DAY0 = datetime(2026, 11, 2, 12, tzinfo=UTC)
TOPIC = "The Tarrow crossing exchange"
LINE = "\n\nThe Tarrow crossing near Dunmore had been shut for 212 days ({outlet})."


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def story_article(session: Session, by: User, outlet: str, text: str, day: int) -> int:
    return add_in_story(
        session, by, outlet=outlet, text=text, at=DAY0 + timedelta(days=day), line=LINE, topic=TOPIC
    )


def figure(session: Session, article: int, quote: str) -> Claim:
    """The figure ``quote`` of ``article``, as written."""
    session.expire_all()
    return next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == article))
        if c.kind == ClaimKind.NUMERIC and c.quote == quote
    )


def group_of(session: Session, article: int, quote: str) -> int | None:
    return figure(session, article, quote).group_id


def test_one_count_told_with_other_verbs_by_three_outlets_is_one_group(
    session: Session, editor: User
) -> None:
    wire = story_article(
        session,
        editor,
        "Harbour Wire",
        "Eleven hostages held by the Marl Brigade were handed over at the Tarrow crossing.",
        0,
    )
    radio = story_article(
        session, editor, "Coast Radio", "Eleven hostages have now been freed at the border.", 0
    )
    board = story_article(
        session, editor, "Accord Office", "Aid workers met 11 captives on the bridge.", 1
    )
    assert one_story(session, wire, radio, board)
    group = group_of(session, wire, "Eleven")
    assert group is not None
    assert group_of(session, radio, "Eleven") == group_of(session, board, "11") == group


def test_counts_that_name_different_outcomes_stay_apart(session: Session, editor: User) -> None:
    freed = story_article(
        session, editor, "Harbour Wire", "Eleven hostages were freed at the Tarrow crossing.", 0
    )
    killed = story_article(
        session, editor, "Coast Radio", "Eleven hostages were killed in the shelling of Marl.", 0
    )
    assert one_story(session, freed, killed)
    assert group_of(session, freed, "Eleven") is None
    assert group_of(session, killed, "Eleven") is None


def test_the_same_count_in_another_story_stays_apart(session: Session, editor: User) -> None:
    swap = story_article(
        session, editor, "Harbour Wire", "Eleven hostages were handed over at the crossing.", 0
    )
    # Another country's news the same week: no shared names, groups or speakers.
    text = "In Ostvale, police said eleven hostages had been freed from a bank in Pardue."
    bank = add_article(
        session,
        title="Pardue bank siege ends",
        text=text,
        by=editor,
        claims=extract_claims(text),
        outlet="Ostvale Times",
        published_at=DAY0 + timedelta(days=1),
    )
    assert not one_story(session, swap, bank.id or 0)
    assert group_of(session, bank.id or 0, "eleven") is None


def test_an_article_that_gives_a_count_twice_has_both_in_the_group(
    session: Session, editor: User
) -> None:
    """One fact told twice by one article (session 16, groups._repeats): both mentions join."""
    wire = story_article(
        session,
        editor,
        "Harbour Wire",
        "Eleven hostages held by the Marl Brigade were handed over at the Tarrow crossing.",
        0,
    )
    twice = story_article(
        session,
        editor,
        "Coast Radio",
        "Eleven hostages have been freed. Of the 11 hostages freed, two are children.",
        0,
    )
    group = group_of(session, wire, "Eleven")
    assert group is not None
    mine = [group_of(session, twice, "Eleven"), group_of(session, twice, "11")]
    assert mine == [group, group]


def test_the_migration_groups_counts_stored_before_the_story_pass(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    forget_rules()
    # The rules before it: no story pass, and a count that names nothing had no key.
    monkeypatch.setattr("factcheck.groups._join_in_story", lambda *args, **kwargs: None)
    monkeypatch.setattr("factcheck.groups.UNMEASURED", None)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        wire = story_article(
            session, editor, "Harbour Wire", "Eleven hostages held there were handed over.", 0
        )
        radio = story_article(
            session, editor, "Coast Radio", "Eleven hostages have now been freed.", 0
        )
        board = story_article(session, editor, "Accord Office", "The number now stands at 11.", 1)
        session.commit()
        assert group_of(session, wire, "Eleven") is None is group_of(session, radio, "Eleven")
        assert group_of(session, board, "11") is None
    monkeypatch.undo()
    forget_rules()
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0030")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        group = group_of(session, wire, "Eleven")
        assert group is not None and group_of(session, radio, "Eleven") == group
        assert group_of(session, board, "11") == group
        assert set(counts.check(session).values()) == {0}  # the group counts moved with it
    dispose_engine(db_url)


def test_a_count_taken_out_by_hand_keeps_no_key(session: Session, editor: User) -> None:
    story_article(session, editor, "Harbour Wire", "Eleven hostages were freed at the crossing.", 0)
    board = story_article(session, editor, "Accord Office", "The number now stands at 11.", 1)
    claim = figure(session, board, "11")
    assert claim.group_id is not None
    take_out(session, claim_id=claim.id or 0, seen_version=claim.version, by=editor)
    assert key_unmeasured(session) == 0
    group_stored(session)
    session.commit()
    session.expire_all()
    again = session.get(Claim, claim.id)
    assert again is not None and again.group_key is None and again.group_id is None


def test_people_called_workers_miners_and_employees_are_one_group(
    session: Session, editor: User
) -> None:
    wire = story_article(
        session, editor, "Harbour Wire", "The blast trapped 113 workers underground at Tarrow.", 0
    )
    radio = story_article(
        session, editor, "Coast Radio", "Some 113 miners were underground at Tarrow.", 0
    )
    owner = story_article(
        session, editor, "Tarrow Mining", "We had 113 employees below ground at the time.", 1
    )
    group = group_of(session, wire, "113")
    assert group is not None
    assert group_of(session, radio, "113") == group_of(session, owner, "113") == group


def test_a_bare_count_joins_the_one_noun_its_story_gives_that_value(
    session: Session, editor: User
) -> None:
    wire = story_article(
        session, editor, "Harbour Wire", "Eleven hostages were freed at the crossing.", 0
    )
    radio = story_article(
        session, editor, "Coast Radio", "Eleven were handed over before dark, the radio said.", 0
    )
    group = group_of(session, wire, "Eleven")
    assert group is not None and group_of(session, radio, "Eleven") == group


def test_a_bare_count_stays_alone_where_its_value_counts_two_nouns(
    session: Session, editor: User
) -> None:
    story_article(
        session,
        editor,
        "Harbour Wire",
        "Eleven hostages were freed. Eleven lorries of flour crossed.",
        0,
    )
    radio = story_article(
        session, editor, "Coast Radio", "Eleven were handed over before dark, the radio said.", 0
    )
    assert group_of(session, radio, "Eleven") is None


def test_a_count_taken_out_by_hand_is_not_pulled_back(session: Session, editor: User) -> None:
    wire = story_article(
        session, editor, "Harbour Wire", "Eleven hostages held there were handed over.", 0
    )
    radio = story_article(session, editor, "Coast Radio", "Eleven hostages have now been freed.", 0)
    claim = figure(session, radio, "Eleven")
    assert claim.group_id is not None
    take_out(session, claim_id=claim.id or 0, seen_version=claim.version, by=editor)
    later = story_article(session, editor, "Accord Office", "Aid workers met 11 captives.", 1)
    assert group_of(session, radio, "Eleven") is None
    assert group_of(session, later, "11") == group_of(session, wire, "Eleven") is not None


def test_a_bare_count_stays_alone_where_its_value_is_also_a_duration(
    session: Session, editor: User
) -> None:
    story_article(
        session,
        editor,
        "Harbour Wire",
        "Every captive must be freed within 45 days. 45 monitors now watch the line.",
        0,
    )
    radio = story_article(
        session, editor, "Coast Radio", "The last must walk free by day 45, the radio said.", 0
    )
    assert group_of(session, radio, "45") is None


TOWNS = ("Arlo", "Brenn", "Cask", "Dolm", "Erris", "Fenn", "Gorse", "Hale", "Isk")


def test_a_figure_meets_its_story_however_many_stories_count_the_same_thing(
    session: Session, editor: User
) -> None:
    # The first pass reads a key's latest CANDIDATES figures across all stories: 45 other
    # stories' tolls filed in between push the first report of this one past them.
    day = DAY0

    def add(title: str, text: str, hours: int) -> int:
        article = add_article(
            session,
            title=title,
            text=text,
            by=editor,
            claims=extract_claims(text),
            outlet="Harbour Wire",
            published_at=day + timedelta(hours=hours),
        )
        return article.id or 0

    first = add(
        "Varnholt floods", "Floods killed 41 people in Varnholt, the mayor Ilse Kamper said.", 0
    )
    for i in range(45):
        town = f"{TOWNS[i % len(TOWNS)]}{'ovo' * (i // len(TOWNS))}"
        add(f"{town} storm", f"A storm killed {i + 3} people in {town}, police in {town} said.", 1)
    later = add(
        "Varnholt floods", "Floods killed 42 people in Varnholt, the mayor Ilse Kamper said.", 2
    )
    assert one_story(session, first, later)
    group = group_of(session, first, "41")
    assert group is not None and group_of(session, later, "42") == group


def test_a_count_that_names_nothing_joins_the_one_noun_its_story_gives_that_value(
    session: Session, editor: User
) -> None:
    wire = story_article(
        session, editor, "Harbour Wire", "Eleven hostages were freed at the crossing.", 0
    )
    # "Eleven" alone names nothing counted: keyed UNMEASURED, it meets no figure by its key
    radio = story_article(session, editor, "Coast Radio", "The number now stands at 11.", 0)
    claim = figure(session, radio, "11")
    assert claim.group_key == UNMEASURED
    group = group_of(session, wire, "Eleven")
    assert group is not None and group_of(session, radio, "11") == group
