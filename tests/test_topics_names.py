"""What an article is about (comparable.topics) names no title, shortened month or number
(session 16): two stories of one region in one week, told by outlets that write "Foreign
Minister …" and date their copy "Oct 9", share those words and nothing else, and their
look-alike figures (a six-week strike, a six-week truce) must not meet. Nor does the word that
makes a name a body's (session 17): two stories of one country, each quoting its own
"… Authority", share the country and that word alone. Migrations 0033 and 0034 give stored
articles the names of the rule and their story keys again. SQLite and PostgreSQL.

The articles are invented for these tests.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlmodel import Session, col, select

from factcheck import comparable
from factcheck.articles import add_article
from factcheck.comparable import topics
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role, StoryKey, User
from tests.factories import forget_rules, make_user

DAY0 = datetime(2026, 10, 3, 9, tzinfo=UTC)
STRIKE = (
    "VESTRA, Oct 3 - Dockworkers at the port of Vestra began a six-week strike on Monday, the "
    "Vestra Dockers' Guild said. Foreign Minister Aldo Brenn urged both sides to talk.",
    "VESTRA, Oct 4 - The 42-day strike by Vestra dockworkers closed the Guild's three berths, "
    "Foreign Minister Aldo Brenn told parliament on Tuesday.",
)
TRUCE = (
    "KALMOR, Oct 9 - The government of Kalmor and the Isen Front agreed a six-week truce on "
    "Thursday, Foreign Minister Petra Oln said. Forty prisoners are to be freed first.",
    "KALMOR, Oct 10 - The 42-day truce between Kalmor and the Isen Front began at dawn, "
    "Foreign Minister Petra Oln told reporters.",
)

# Session 17: one country, two authorities, one figure shape (a 72-hour order).
DAM = (
    "LENVIK - The Tessel Dam Authority ordered residents of Lenvik in Osterland to leave their "
    "homes for 72 hours on Monday after cracks appeared in the spillway.",
    "LENVIK - Families from Lenvik spent the night in Brask under the 72-hour order of the "
    "Tessel Dam Authority, whose engineers are inspecting the spillway.",
)
PORT = (
    "KARSVIG - The Karsvig Port Authority closed the harbour to shipping for 72 hours on "
    "Thursday after a fuel spill, officials in Osterland said.",
    "KARSVIG - Trawlers waited off Karsvig as the 72-hour closure ordered by the Port "
    "Authority went into its second day.",
)


def test_titles_shortened_months_and_numbers_name_nothing() -> None:
    names = topics("Kalmor truce", TRUCE[0])
    assert {"kalmor", "isen", "petra", "oln"} <= set(names)
    assert not {"oct", "foreign", "minister", "forty"} & set(names)


def test_the_word_that_makes_a_name_a_body_names_nothing() -> None:
    names = topics("Dam order", DAM[0])
    assert {"tessel", "dam", "lenvik", "osterland"} <= set(names)
    assert not {"authority"} & set(names)
    assert not {"ministry", "agency", "council"} & set(
        topics("Flood", "The Health Ministry, the Water Agency and the Varn Council met.")
    )


def store(session: Session, by: User, texts: tuple[str, ...], first: datetime) -> list[Article]:
    return [
        add_article(
            session,
            title=text.split(" - ")[1][:60],
            text=text,
            by=by,
            claims=extract_claims(text),
            outlet=f"Outlet {i}",
            published_at=first + timedelta(days=i),
        )
        for i, text in enumerate(texts)
    ]


def duration(session: Session, article: Article) -> Claim:
    return next(
        c for c in session.exec(select(Claim).where(Claim.article_id == article.id)) if c.days
    )


def assert_two_stories(
    session: Session, first: tuple[str, ...], second: tuple[str, ...], days_later: int
) -> None:
    """Each coverage's duration in one group and one story of its own, apart from the other's."""
    editor = make_user(session, role=Role.EDITOR)
    one = store(session, editor, first, DAY0)
    other = store(session, editor, second, DAY0 + timedelta(days=days_later))
    session.expire_all()
    one_group = duration(session, one[0]).group_id
    other_group = duration(session, other[0]).group_id
    assert one_group is not None and one_group == duration(session, one[1]).group_id
    assert other_group is not None and other_group == duration(session, other[1]).group_id
    assert one_group != other_group
    stories = [session.get(Article, a.id).story_id for a in (*one, *other)]  # type: ignore[union-attr]
    assert stories[0] == stories[1] != stories[2] == stories[3]


def test_two_stories_of_one_week_sharing_only_titles_and_dates_stay_apart(
    session: Session,
) -> None:
    assert_two_stories(session, STRIKE, TRUCE, days_later=6)


def test_two_stories_of_one_country_sharing_only_a_body_word_stay_apart(
    session: Session,
) -> None:
    assert_two_stories(session, DAM, PORT, days_later=3)


def test_the_migration_names_stored_articles_again(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = comparable._NOT_TOPICS - comparable.TITLES - comparable.NUMBER_WORDS
    monkeypatch.setattr("factcheck.comparable._NOT_TOPICS", old - {"oct"})
    forget_rules()
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        stored = store(session, make_user(session, role=Role.EDITOR), STRIKE, DAY0)
        session.commit()
        assert {"oct", "minister"} <= set(stored[0].topics)
    monkeypatch.undo()
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0032")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        article = session.get(Article, stored[0].id)
        assert article is not None
        assert article.topics == topics(article.title, article.text)
        assert "oct" not in article.topics and "vestra" in article.topics
        keys = session.exec(
            select(StoryKey.key).where(col(StoryKey.article_id) == stored[0].id)
        ).all()
        assert "n:vestra" in keys and "n:minister" not in keys and "n:oct" not in keys
    dispose_engine(db_url)


def test_the_migration_leaves_body_words_out_of_stored_names(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = comparable._NOT_TOPICS - comparable.ORG_WORDS - comparable.BODY_NOUNS
    monkeypatch.setattr("factcheck.comparable._NOT_TOPICS", old)
    forget_rules()
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        stored = store(session, make_user(session, role=Role.EDITOR), PORT, DAY0)
        session.commit()
        assert "authority" in stored[0].topics
    monkeypatch.undo()
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0033")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        article = session.get(Article, stored[0].id)
        assert article is not None
        assert article.topics == topics(article.title, article.text)
        assert "authority" not in article.topics and "karsvig" in article.topics
        keys = session.exec(
            select(StoryKey.key).where(col(StoryKey.article_id) == stored[0].id)
        ).all()
        assert "n:karsvig" in keys and "n:authority" not in keys
    dispose_engine(db_url)
