"""Migration 0016 re-keys figures stored under the measure rules before it: a count of people
whose key took a verb that is no measure word ("resident spent") joins the figure that names
what happened to them ("displaced"). SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, select

from factcheck import counts
from factcheck.articles import add_article
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role
from tests.factories import forget_rules, make_user

# Invented coverage of a flood, written for this test: one count of the displaced written
# with what they did ("spent the night in shelters") and one with what happened to them.
SHELTERS = (
    (
        "Orla Echo",
        "About 2,380 residents spent the night in shelters after the Orla burst its banks "
        "at Marren.",
    ),
    ("Marren Wire", "Around 2,380 people were evacuated as the Orla burst its banks at Marren."),
)


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0016 keyed it (a verb kept in the key)."""
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable.IRREGULAR_PAST", frozenset())
    monkeypatch.setattr("factcheck.comparable._light_keys", frozenset)  # came later (0030)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title=f"Orla flood ({outlet})",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2025, 5, 11 + i, 9, tzinfo=UTC),
            )
            for i, (outlet, text) in enumerate(SHELTERS)
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def the_count(session: Session, articles: list[Article]) -> list[Claim]:
    return [
        session.exec(select(Claim).where(Claim.article_id == a.id, Claim.quote == "2,380")).one()
        for a in articles
    ]


def test_the_migration_re_keys_a_count_keyed_by_what_people_did(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        before = the_count(session, articles)
        assert [c.measure_key for c in before] == ["resident spent", "displaced"]
        assert before[0].group_id is None
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0015")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = the_count(session, articles)
        assert [c.measure_key for c in after] == ["displaced", "displaced"]
        assert after[0].group_id == after[1].group_id is not None
        assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
