"""Stories by names, speakers and words (issue #10 §4; factcheck.storylink), on SQLite and
PostgreSQL: an article that shares no claim group joins the story whose rare names, speakers
and words it shares, within a window of time, and never a look-alike story: another event in
the same town with the same mayor quoted. The articles are invented (tests/story_towns.py).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import Session, col, select

from factcheck import storylink
from factcheck.articles import NewArticle, add_article, add_articles
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role, StoryKey, User
from tests import story_towns as towns
from tests.factories import make_user


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def store(
    session: Session, by: User, text: str, *, outlet: str, at: datetime, title: str = ""
) -> Article:
    """Ingest one article as the app does (its claims extracted, grouped, placed)."""
    return add_article(
        session,
        title=title or text.splitlines()[0][:80],
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=at,
    )


def fire(session: Session, by: User) -> int:
    """The tannery fire told by an agency and a paper (one story through its groups)."""
    store(session, by, towns.FIRE_WIRE, outlet="Northern Press Agency", at=towns.day(5))
    paper = store(session, by, towns.FIRE_PAPER, outlet="Orsenby Courier", at=towns.day(5))
    assert paper.story_id is not None  # the figures and the quote made it
    return paper.story_id


def water(session: Session, by: User) -> int:
    """The burst water main told by an agency and a paper."""
    store(session, by, towns.WATER_WIRE, outlet="Northern Press Agency", at=towns.day(8))
    paper = store(session, by, towns.WATER_PAPER, outlet="Orsenby Courier", at=towns.day(8))
    assert paper.story_id is not None
    return paper.story_id


def grouped(session: Session, article: Article) -> list[int | None]:
    """The groups of the article's claims (none when it shares nothing)."""
    return [
        c.group_id
        for c in session.exec(select(Claim).where(Claim.article_id == article.id)).all()
        if c.group_id is not None
    ]


def stories_of(session: Session, *articles: Article) -> list[int | None]:
    """The stories the articles sit in, as stored now."""
    ids = [a.id for a in articles]
    found = dict(
        session.exec(select(Article.id, Article.story_id).where(col(Article.id).in_(ids))).all()
    )
    return [found[a.id] for a in articles]


# --- an article that shares no claim group joins its story by names, speakers and words


def test_a_newsletter_sharing_no_figure_joins_the_story_it_is_about(
    session: Session, editor: User
) -> None:
    story, other = fire(session, editor), water(session, editor)
    letter = store(
        session, editor, towns.FIRE_NEWSLETTER, outlet="Marsh Lane Residents", at=towns.day(10)
    )
    assert grouped(session, letter) == []  # no group placed it
    assert letter.story_id == story != other


def test_an_explainer_with_no_claim_at_all_joins_its_story(session: Session, editor: User) -> None:
    story = fire(session, editor)
    explainer = store(session, editor, towns.FIRE_EXPLAINER, outlet="Explained", at=towns.day(9))
    assert session.exec(select(Claim).where(Claim.article_id == explainer.id)).all() == []
    assert stories_of(session, explainer) == [story]


def test_an_explainer_joins_the_second_story_of_a_town(session: Session, editor: User) -> None:
    fire(session, editor)
    story = water(session, editor)
    explainer = store(session, editor, towns.WATER_EXPLAINER, outlet="Explained", at=towns.day(10))
    assert grouped(session, explainer) == []
    assert stories_of(session, explainer) == [story]


def test_in_one_batch_a_newsletter_stored_before_its_story_joins_it(
    session: Session, editor: User
) -> None:
    # `factcheck ingest FOLDER` stores articles in batches: the story its figures make in the
    # batch is there when the newsletter's keys are looked up, whatever their order.
    pieces = [
        (towns.FIRE_NEWSLETTER, "Marsh Lane Residents", 7),
        (towns.FIRE_WIRE, "Northern Press Agency", 5),
        (towns.FIRE_PAPER, "Orsenby Courier", 5),
    ]
    letter, wire, paper = add_articles(
        session,
        items=[
            NewArticle(
                title=text.splitlines()[0][:80],
                text=text,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=towns.day(n),
            )
            for text, outlet, n in pieces
        ],
        by=editor,
    )
    assert letter is not None and wire is not None and paper is not None
    story = stories_of(session, wire, paper)
    assert story[0] is not None and stories_of(session, letter, wire, paper) == [story[0]] * 3


def test_an_explainer_stored_while_the_story_was_one_article_joins_when_it_begins(
    session: Session, editor: User
) -> None:
    wire = store(session, editor, towns.FIRE_WIRE, outlet="Northern Press Agency", at=towns.day(5))
    explainer = store(session, editor, towns.FIRE_EXPLAINER, outlet="Explained", at=towns.day(6))
    assert stories_of(session, wire, explainer) == [None, None]  # no story yet
    paper = store(session, editor, towns.FIRE_PAPER, outlet="Orsenby Courier", at=towns.day(7))
    assert paper.story_id is not None
    assert stories_of(session, wire, explainer) == [paper.story_id] * 2


# --- never a look-alike: the same town and mayor, another event


def test_another_event_with_the_towns_mayor_joins_neither_story(
    session: Session, editor: User
) -> None:
    fire(session, editor)
    water(session, editor)
    fair = store(session, editor, towns.FAIR, outlet="Orsenby Courier", at=towns.day(9))
    assert stories_of(session, fair) == [None]


@pytest.mark.parametrize("text", [towns.FAIR, towns.RESCUE], ids=["fair", "rescue"])
def test_the_only_story_of_a_town_takes_no_other_event_with_its_people(
    session: Session, editor: User, text: str
) -> None:
    # Nothing else in the database tells the town and its mayor are common: the fair names
    # the town and quotes the mayor, the rescue the mayor and the same fire chief too.
    fire(session, editor)
    other = store(session, editor, text, outlet="Orsenby Courier", at=towns.day(10))
    assert stories_of(session, other) == [None]


def test_a_look_alike_story_stays_apart_from_the_first(session: Session, editor: User) -> None:
    # The water main's first article is alone when it arrives (nothing shares its figures
    # yet): the town and the mayor it shares with the fire story do not put it there.
    story = fire(session, editor)
    first = store(
        session, editor, towns.WATER_WIRE, outlet="Northern Press Agency", at=towns.day(8)
    )
    assert stories_of(session, first) == [None]
    paper = store(session, editor, towns.WATER_PAPER, outlet="Orsenby Courier", at=towns.day(8))
    assert stories_of(session, first, paper)[0] not in (None, story)


# --- within a window of time


def test_the_same_names_a_month_later_start_no_story_with_it(
    session: Session, editor: User
) -> None:
    fire(session, editor)
    late = towns.day(5) + storylink.WINDOW + (towns.day(2) - towns.day(1))
    letter = store(session, editor, towns.FIRE_NEWSLETTER, outlet="Marsh Lane Residents", at=late)
    assert stories_of(session, letter) == [None]


def test_a_piece_dated_just_before_the_story_joins_it(session: Session, editor: User) -> None:
    story = fire(session, editor)
    early = towns.day(5) - storylink.WINDOW + (towns.day(2) - towns.day(1))
    explainer = store(session, editor, towns.FIRE_EXPLAINER, outlet="Explained", at=early)
    assert stories_of(session, explainer) == [story]


# --- common names do not suffice


def test_names_many_articles_hold_count_for_nothing(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a bound of one article, every name the story's two articles share is common.
    monkeypatch.setattr(storylink, "KEY_ARTICLES", 1)
    storylink._lookup.cache_clear()
    fire(session, editor)
    try:
        letter = store(
            session, editor, towns.FIRE_NEWSLETTER, outlet="Marsh Lane Residents", at=towns.day(10)
        )
    finally:
        storylink._lookup.cache_clear()
    assert stories_of(session, letter) == [None]


def test_an_agencys_name_the_town_and_dates_do_not_place_an_article(
    session: Session, editor: User
) -> None:
    fire(session, editor)
    text = (
        "ORSENBY, Oct 6 (NPA) - Northern Press Agency staff in Orsenby voted on Tuesday to accept "
        "a new pay offer, the NPA chapel said. The Northern Press Agency has kept an office in "
        "Orsenby since it opened, and its Orsenby desk covers the whole eastern district."
    )
    other = store(session, editor, text, outlet="Northern Press Agency", at=towns.day(6))
    assert stories_of(session, other) == [None]


# --- an article bridging two stories merges nothing


def test_a_roundup_of_two_stories_joins_neither_and_they_stay_apart(
    session: Session, editor: User
) -> None:
    fire_story, water_story = fire(session, editor), water(session, editor)
    week = store(session, editor, towns.WEEK, outlet="Orsenby Weekly", at=towns.day(11))
    assert stories_of(session, week) == [None]
    counts = {
        story: len(session.exec(select(Article.id).where(Article.story_id == story)).all())
        for story in (fire_story, water_story)
    }
    assert counts == {fire_story: 2, water_story: 2}


def test_a_piece_naming_one_story_more_joins_that_one_only(session: Session, editor: User) -> None:
    fire_story, water_story = fire(session, editor), water(session, editor)
    text = towns.FIRE_NEWSLETTER + "\n\nThe tankers have gone from the Lindgate schools."
    letter = store(session, editor, text, outlet="Marsh Lane Residents", at=towns.day(11))
    assert stories_of(session, letter) == [fire_story]
    water_articles = session.exec(select(Article.id).where(Article.story_id == water_story)).all()
    assert len(water_articles) == 2


# --- the index


def test_every_new_article_stores_its_names_and_speakers(session: Session, editor: User) -> None:
    fire(session, editor)
    keys = set(session.exec(select(StoryKey.key)).all())
    assert {"n:caldera", "n:tanner", "n:orsenby"} <= keys
    assert any(k.startswith("s:") for k in keys)
    assert "n:oct" not in keys  # a dateline's month names no event


def test_the_migration_indexes_the_articles_stored_before_it(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        story = fire(session, editor)
        before = sorted(session.exec(select(StoryKey.article_id, StoryKey.key)).all())
    dispose_engine(db_url)
    config = alembic_config(db_url)
    before_keys = ScriptDirectory.from_config(config).get_revision("0028").down_revision
    command.downgrade(config, str(before_keys))
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        assert sorted(session.exec(select(StoryKey.article_id, StoryKey.key)).all()) == before
        editor = session.exec(select(User)).first()
        assert editor is not None
        letter = store(
            session, editor, towns.FIRE_NEWSLETTER, outlet="Marsh Lane Residents", at=towns.day(9)
        )
        assert stories_of(session, letter) == [story]
