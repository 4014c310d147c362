"""Migration 0021 re-keys figures stored under the measure rules before it: "12 crew members"
(keyed ``crew member`` before) joins "a crew of 12" (``crew``). SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, select

from factcheck import counts
from factcheck.articles import add_article
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.extract.lexicon.measures import PHRASES
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role
from tests.factories import forget_rules, make_user

# Invented coverage of a ferry grounding, written for this test: one outlet counts the crew's
# members, the other the crew.
CREW = (
    ("Orne Courier", "The Skarva ferry ran aground off Orne with 12 crew members on board."),
    ("Orne Wire", "The Skarva ferry ran aground off Orne with a crew of 12 on board."),
)
NEW_PHRASES = ("crew members", "crew member", "staff members", "staff member")


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0021 keyed it (a crew's members apart)."""
    old = {k: v for k, v in PHRASES.items() if k not in NEW_PHRASES}
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable.PHRASES", old)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title=f"Skarva aground ({outlet})",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2025, 5, 2 + i, 9, tzinfo=UTC),
            )
            for i, (outlet, text) in enumerate(CREW)
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def the_count(session: Session, articles: list[Article]) -> list[Claim]:
    return [
        session.exec(select(Claim).where(Claim.article_id == a.id, Claim.quote == "12")).one()
        for a in articles
    ]


def test_the_migration_re_keys_a_count_of_crew_members(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        before = the_count(session, articles)
        assert [c.measure_key for c in before] == ["crew member", "crew"]
        assert before[0].group_id is None  # alone under its key
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0019")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = the_count(session, articles)
        assert [c.measure_key for c in after] == ["crew", "crew"]
        assert after[0].group_id == after[1].group_id is not None
        assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
