"""Migration 0026 re-keys figures and recomputes disputes stored under the rules before it: a
live blog's "leaving four people unaccounted for" (keyed ``leaving missing`` before) joins
another outlet's four missing, and the blog's earlier "six people are missing", superseded by
its later entry, no longer disputes that four. SQLite and PostgreSQL."""

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
from factcheck.models import Article, Claim, ClaimGroup, Role
from tests.factories import forget_rules, make_user

# Invented coverage of a flood, written for this test: a live blog and a wire story.
COVERAGE = (
    (
        "Brisk Live",
        "07:05 - Flooding in Brisk: police said 75 people were evacuated from Marl.\n\n"
        "09:20 - The fire brigade says six people are missing.\n\n"
        "13:45 - Two have been found safe, leaving four people unaccounted for.\n",
    ),
    (
        "Lake Wire",
        "Four people are missing in Brisk after the flood, the fire brigade said. Police said"
        " 75 people were evacuated from Marl.",
    ),
)


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0026 keyed it and flagged its disputes."""
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable.RESULT_VERBS", frozenset())
    monkeypatch.setattr("factcheck.disputes.supersedes", lambda newer, older: False)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title=f"Brisk flood ({outlet})",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2025, 9, 2, 18, tzinfo=UTC),
            )
            for outlet, text in COVERAGE
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def figure(session: Session, article: Article, value: float) -> Claim:
    return session.exec(
        select(Claim).where(Claim.article_id == article.id, Claim.value == value)
    ).one()


def conflicted(session: Session, claim: Claim) -> bool:
    group = session.get(ClaimGroup, claim.group_id) if claim.group_id else None
    return bool(group and group.conflict)


def test_the_migration_re_keys_what_an_event_left_and_ends_a_superseded_dispute(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    blog, wire = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        assert figure(session, blog, 4).measure_key == "leaving missing"
        assert conflicted(session, figure(session, blog, 6))
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0025")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        four, wire_four = figure(session, blog, 4), figure(session, wire, 4)
        assert four.measure_key == "missing" and four.group_id == wire_four.group_id
        assert not conflicted(session, figure(session, blog, 6))
        assert not conflicted(session, wire_four)
        assert {k: v for k, v in counts.check(session).items() if v} == {}  # counts moved with it
