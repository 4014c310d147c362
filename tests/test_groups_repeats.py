"""One statement given twice by one article, and a lone version found again later: quote groups
that missed members (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

from factcheck.articles import add_article
from factcheck.extract import extract_claims
from factcheck.models import Article, Claim, Role, User
from tests.factories import found_in, make_user

DAY0 = datetime(2026, 5, 4, 12, tzinfo=UTC)
WHO = "Kasia Dunmore"
WINTER = "We will stay out all winter if we have to"


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def article(
    session: Session, by: User, *, outlet: str, text: str, quotes: list[str], day: int
) -> Article:
    """An article of ``outlet`` whose ``quotes`` are all attributed to Kasia Dunmore."""
    return add_article(
        session,
        title=f"{outlet}: the Velmore docks strike",
        text=text,
        by=by,
        claims=[found_in(text, q, kind="attributed", speaker=WHO) for q in quotes],
        outlet=outlet,
        published_at=DAY0 + timedelta(days=day),
    )


def groups(session: Session, of: Article) -> list[int | None]:
    claims = session.exec(select(Claim).where(Claim.article_id == of.id).order_by(Claim.start))
    return [c.group_id for c in claims]


def test_an_article_that_reports_then_quotes_one_statement_puts_both_in_its_group(
    session: Session, editor: User
) -> None:
    first = article(
        session,
        editor,
        outlet="Velmore Herald",
        text=f"The Velmore docks strike went on. Kasia Dunmore said: “{WINTER}.”",
        quotes=[WINTER],
        day=0,
    )
    reported = "the dockers would stay out all winter if they had to"
    twice = article(
        session,
        editor,
        outlet="Coast Radio",
        text=f"At Velmore docks Kasia Dunmore said {reported}. Later she told them: “{WINTER}.”",
        quotes=[reported, WINTER],
        day=1,
    )
    (group,) = groups(session, first)
    assert group is not None and groups(session, twice) == [group, group]


def test_two_statements_of_one_article_never_share_a_group(session: Session, editor: User) -> None:
    # One outlet ran both statements as one quote; another gives them apart.
    both = f"{WINTER}, and every docker who goes back to work will lose his strike pay"
    first = article(
        session,
        editor,
        outlet="Velmore Herald",
        text=f"The Velmore docks strike went on. Kasia Dunmore said: “{both}.”",
        quotes=[both],
        day=0,
    )
    pay = "every docker who goes back to work will lose his strike pay"
    apart = article(
        session,
        editor,
        outlet="Coast Radio",
        text=f"At Velmore docks Kasia Dunmore said: “{WINTER}.” She warned that {pay}.",
        quotes=[WINTER, pay],
        day=1,
    )
    (group,) = groups(session, first)
    assert group is not None and groups(session, apart) == [group, None]


def test_a_lone_version_joins_when_a_later_one_links_it_to_the_group(
    session: Session, editor: User
) -> None:
    # The first outlet names only "Dorrow" and Hallam Ridge: about other names than the two
    # next outlets, so it stays alone until one writes about both.
    quote = "The fire on the moor is out and nobody has to leave home tonight"
    lone = article(
        session,
        editor,
        outlet="Ridge Gazette",
        text=f"Fire crews left Hallam Ridge. Dorrow said: “{quote}.”",
        quotes=[quote],
        day=0,
    )
    fell = "Fire crews left Fellside Crag {when}. Chief fire officer Annika Dorrow said: “{q}.”"
    for day, (outlet, when) in enumerate([("Fell Radio", "at dawn"), ("Fell News", "by noon")]):
        text = fell.format(q=quote, when=when)
        article(session, editor, outlet=outlet, text=text, quotes=[quote], day=day + 1)
    assert groups(session, lone) == [None]
    both = f"Crews left Fellside Crag and Hallam Ridge. Annika Dorrow said: “{quote}.”"
    last = article(session, editor, outlet="Valley Wire", text=both, quotes=[quote], day=3)
    (group,) = groups(session, last)
    assert group is not None and groups(session, lone) == [group]


HURT = "No docker was hurt in the clash, and we will not pay a single fine"


@pytest.mark.parametrize(
    ("reported", "quote"),
    [
        ("no docker had been hurt in the clash", "No docker was badly hurt in the clash"),
        (
            "no docker had been hurt during the clash at the gate",
            "Not a single docker was hurt in the clash",
        ),
    ],
)
def test_a_statement_given_twice_joins_beside_itself_past_a_member_that_bridges_two(
    session: Session, editor: User, reported: str, quote: str
) -> None:
    # The second outlet runs both statements in few words: it shares two words with the
    # third outlet's quoted version, which still says what that outlet reported first.
    article(
        session,
        editor,
        outlet="Velmore Herald",
        text=f"Kasia Dunmore said: “{HURT}.”",
        quotes=[HURT],
        day=0,
    )
    short = "No docker was hurt, and we will not be paying anyone"
    bridge = article(
        session,
        editor,
        outlet="Coast Radio",
        text=f"Kasia Dunmore said: “{short}.”",
        quotes=[short],
        day=1,
    )
    text = f"At the gate Kasia Dunmore said {reported}. Later she said: “{quote}.”"
    twice = article(session, editor, outlet="Dock News", text=text, quotes=[reported, quote], day=2)
    (group,) = groups(session, bridge)
    assert group is not None and groups(session, twice) == [group, group]


@pytest.mark.parametrize(
    "other",
    ["we will not pay a single fine", "not a single fine will be paid by the union"],
)
def test_the_other_half_of_an_articles_own_bridge_stays_out_of_the_group(
    session: Session, editor: User, other: str
) -> None:
    said = "No docker was hurt in the clash"
    first = article(
        session,
        editor,
        outlet="Velmore Herald",
        text=f"Kasia Dunmore said: “{said}.”",
        quotes=[said],
        day=0,
    )
    text = f"Kasia Dunmore said: “{HURT}.” She repeated that {other}."
    both = article(session, editor, outlet="Dock News", text=text, quotes=[HURT, other], day=1)
    (group,) = groups(session, first)
    assert group is not None and groups(session, both) == [group, None]


# A figure an article gives twice (session 16): invented coverage of a mine collapse and of a
# chemical leak, written for these tests. Each article states the toll in its first lines and
# again further down; one outlet states it once.
MINE = (
    (
        "Orvel Wire",
        "Forty-one miners were killed when a gallery collapsed at the Brask copper mine, the "
        "company said. Rescuers worked through the night. The final toll of 41 was given at "
        "a news conference in Brask on Sunday.",
    ),
    (
        "Brask Evening Post",
        "The Brask copper mine collapse killed 41 miners, the company said on Sunday. Church "
        "bells rang across the valley. By Sunday evening the company had confirmed 41 dead.",
    ),
    ("Valley Radio", "The company says 41 miners were killed in the Brask mine collapse."),
)
LEAK = (
    (
        "Harnow Ledger",
        "Twelve people were treated in hospital after the chlorine leak at the Harnow works, "
        "the health agency said. The agency later said 12 people had been treated in hospital "
        "and none was in danger.",
    ),
    (
        "Harnow Live",
        "12 people were treated in hospital after the Harnow works leak, the health agency "
        "said. Officials repeated that 12 people were treated in hospital overnight.",
    ),
    (
        "Coast Bulletin",
        "The health agency said 12 people were treated in hospital after the Harnow works leak.",
    ),
)


def store(session: Session, by: User, coverage: tuple[tuple[str, str], ...], *, title: str) -> None:
    """Store each (outlet, text) an hour after the one before, claims as extracted."""
    for hour, (outlet, text) in enumerate(coverage):
        add_article(
            session,
            title=title,
            text=text,
            by=by,
            claims=extract_claims(text),
            outlet=outlet,
            published_at=DAY0 + timedelta(hours=hour),
        )
    session.expire_all()  # read what was written


@pytest.mark.parametrize(("coverage", "value"), [(MINE, 41.0), (LEAK, 12.0)])
def test_a_figure_an_article_gives_twice_is_one_group_across_outlets(
    session: Session, editor: User, coverage: tuple[tuple[str, str], ...], value: float
) -> None:
    """Each article's second mention follows its first: the story shows the fact as one group
    of every mention, not as a second group of the outlets' second mentions."""
    store(session, editor, coverage, title="Latest toll")
    figures = session.exec(select(Claim).where(Claim.value == value)).all()
    assert len(figures) == 5  # two mentions in each of two articles, one in the third
    assert {c.group_id for c in figures} == {figures[0].group_id}
    assert figures[0].group_id is not None


def test_two_facts_of_one_article_in_one_unit_stay_apart(session: Session, editor: User) -> None:
    """A duration is keyed by its unit: an article's second "three days" that names another
    fact does not follow the first into its group, and a figure that names what lasted joins
    the one that names the same before one that agrees in amount alone."""
    texts = (
        ("Tesk Wire", "The internet was restored after three days, the regulator said. The "
         "president declared three days of mourning for the victims."),
        ("Tesk Daily", "The internet was restored after three days, according to the regulator."),
    )  # fmt: skip
    store(session, editor, texts, title="Tesk unrest")
    wire = session.exec(select(Claim).where(Claim.value == 3.0).order_by(col(Claim.id))).all()
    cut, mourning, again = wire
    assert cut.group_id is not None and cut.group_id == again.group_id
    assert mourning.group_id != cut.group_id
