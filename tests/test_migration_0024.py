"""Migration 0024 flags the figures stored before it that dispute a fact fixed at one moment
across days ("a crew of nine" on Sunday, "12 crew members on board" on Monday). SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, ClaimGroup, Role
from tests.factories import forget_rules, make_user

# Invented coverage of a ferry capsizing, written for this test: two outlets count its crew as
# nine on Sunday, a third as 12 on Monday.
CREW = (
    ("Lake Wire", "The Ostmark ferry was carrying a crew of nine when it capsized."),
    ("Lake Courier", "The Ostmark ferry was carrying a crew of nine when it capsized."),
    ("Ostmark Radio", "There were 12 crew members on board the Ostmark ferry when it capsized."),
)


def store_under_old_rule(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rule before 0024 judged it: no fact fixed across days."""
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.disputes.fixed_fact", lambda *_: False)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = []
        for i, (outlet, said) in enumerate(CREW):
            text = f"{said} Ostmark police said 75 people were evacuated from Marl ({outlet})."
            articles.append(
                add_article(
                    session,
                    title=f"Ostmark ferry ({outlet})",
                    text=text,
                    by=editor,
                    claims=extract_claims(text),
                    outlet=outlet,
                    published_at=datetime(2026, 5, 10 + i // 2, 18, tzinfo=UTC),
                )
            )
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def conflicts(session: Session, articles: list[Article]) -> list[bool]:
    """Whether each article's crew figure is shown in conflict."""
    found = []
    for article in articles:
        claim = session.exec(
            select(Claim).where(Claim.article_id == article.id, Claim.measure_key == "crew")
        ).one()
        group = session.get(ClaimGroup, claim.group_id) if claim.group_id else None
        found.append(bool(group and group.conflict))
    return found


def test_the_migration_flags_a_fixed_fact_disputed_across_days(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rule(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        assert conflicts(session, articles) == [False, False, False]
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0023")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        assert conflicts(session, articles) == [True, True, True]
