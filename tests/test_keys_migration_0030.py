"""Migration 0030 re-keys figures stored under the measure rules before it: "twelve hundred
rockets came over" (keyed ``came rocket`` before) joins "1,200 rockets" (``rocket``), and an
age stored with days (``n|*|day``) keys as an age (``n|*|year``). SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, col, select, update

from factcheck import counts
from factcheck.articles import add_article
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.groups import rekey_stored
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role
from tests.factories import forget_rules, make_user

# Invented coverage of a shelling, written for this test: one outlet says the rockets came
# over, the other only counts them; both give a girl's age, one as a "-year-old".
SHELLING = (
    (
        "Orrin Radio",
        "The Orrin army said more than 1,200 rockets came over Velmont on Monday. Lia Mont, a "
        "nine-year-old girl, died at the Velmont bus depot.",
    ),
    (
        "Orrin Daily",
        "The Orrin army counted more than 1,200 rockets over Velmont on Monday. Lia Mont, 9, "
        "died at the Velmont bus depot.",
    ),
)


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0030 keyed it: light verbs kept, ages with days."""
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable._light_keys", frozenset)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title="Shelling of Velmont",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2026, 11, 30, 9 + i, tzinfo=UTC),
            )
            for i, (outlet, text) in enumerate(SHELLING)
        ]
        session.exec(update(Claim).where(col(Claim.measure) == "age").values(days=3285.0))
        rekey_stored(session, by=None)
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def figures(session: Session, articles: list[Article], value: float) -> list[Claim]:
    return [
        session.exec(select(Claim).where(Claim.article_id == a.id, Claim.value == value)).one()
        for a in articles
    ]


def test_the_migration_re_keys_light_verbs_and_ages(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        assert [c.group_key for c in figures(session, articles, 1200)] == [
            "n|came rocket|count",
            "n|rocket|count",
        ]
        assert [c.group_key for c in figures(session, articles, 9)] == ["n|*|day"] * 2
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0028")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        rockets = figures(session, articles, 1200)
        assert [c.group_key for c in rockets] == ["n|rocket|count"] * 2
        assert rockets[0].group_id == rockets[1].group_id is not None
        ages = figures(session, articles, 9)
        assert [(c.days, c.group_key) for c in ages] == [(None, "n|*|year")] * 2
        assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
