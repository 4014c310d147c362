"""Migration 0025 re-keys figures stored under the measure rules before it: "14 shell
companies" (keyed ``company shell`` before) joins "14 companies" (``company``). SQLite and
PostgreSQL."""

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

# Invented coverage of a fraud trial, written for this test: one outlet names the kind of
# company the money went through, the other does not.
TRIAL = (
    ("Varn Ledger", "Prosecutors say Odell Marsk moved the money through 14 shell companies."),
    ("Varn Evening", "Prosecutors say Odell Marsk moved the money through 14 companies."),
)


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0025 keyed it (every modifier kept)."""
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable._modifiers", lambda measure, unit: set())
    # and without the second pass (migration 0031), which joins the two counts by their noun
    monkeypatch.setattr("factcheck.groups._join_in_story", lambda *args, **kwargs: None)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title=f"Marsk trial ({outlet})",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2025, 9, 2 + i, 9, tzinfo=UTC),
            )
            for i, (outlet, text) in enumerate(TRIAL)
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def the_count(session: Session, articles: list[Article]) -> list[Claim]:
    return [
        session.exec(select(Claim).where(Claim.article_id == a.id, Claim.value == 14)).one()
        for a in articles
    ]


def test_the_migration_re_keys_a_count_named_with_a_modifier(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        before = the_count(session, articles)
        assert [c.measure_key for c in before] == ["company shell", "company"]
        assert before[0].group_id is None  # alone under its key
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0024")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = the_count(session, articles)
        assert [c.measure_key for c in after] == ["company", "company"]
        assert after[0].group_id == after[1].group_id is not None
        assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
