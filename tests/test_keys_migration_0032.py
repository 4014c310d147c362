"""Migration 0032 re-keys the figures stored before words that say when or how a figure was
made known stopped parting measure keys (session 16, tests/test_keys_outcomes.py): "killed 86
people overnight" keys as "killed 86 people". SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, select

from factcheck import counts
from factcheck.articles import add_article
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.extract.lexicon.measures import NEUTRAL
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role
from tests.factories import forget_rules, make_user

# Invented coverage of a shelling and of floods, written for this test: each pair of outlets
# gives one figure, one of them saying when or how it was made known.
PAIRS = (
    (
        ("Tarvo Wire", "Shelling killed 86 people overnight in Tarvo, the health office said."),
        ("Tarvo Daily", "Shelling killed 86 people in Tarvo, the health office said on Monday."),
    ),
    (
        ("Lenn Radio", "The ministry cited 310 people displaced by the Lenn floods."),
        ("Lenn Courier", "The Lenn floods displaced 310 people, the ministry said."),
    ),
)


Pairs = tuple[tuple[tuple[str, str], tuple[str, str]], ...]  # (outlet, text) of each pair


def store_under_old_rules(
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    *,
    pairs: Pairs = PAIRS,
    uncounted: frozenset[str] = NEUTRAL,
    title: str = "Shelling and floods",
    day: datetime = datetime(2026, 12, 1, tzinfo=UTC),
) -> list[Article]:
    """The coverage stored as the rules before a re-keying migration keyed it (0032's:
    MADE_KNOWN words kept): ``uncounted`` stands for comparable._UNCOUNTED meanwhile."""
    forget_rules()
    monkeypatch.setattr("factcheck.comparable._UNCOUNTED", uncounted)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title=title,
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=day.replace(hour=9 + i),
            )
            for i, (outlet, text) in enumerate(p for pair in pairs for p in pair)
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def figures(session: Session, articles: list[Article]) -> list[Claim]:
    """The numeric claims of these articles, in the order stored."""
    ids = [a.id for a in articles]
    found = session.exec(select(Claim).where(Claim.kind == "numeric").order_by(Claim.id))
    return [c for c in found if c.article_id in ids]


def test_the_migration_re_keys_what_was_made_known(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        before = [c.group_key for c in figures(session, articles)]
        assert before[0] == "n|killed overnight|count" and before[2] == "n|cited displaced|count"
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0031")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = figures(session, articles)
        assert [c.group_key for c in after] == ["n|killed|count"] * 2 + ["n|displaced|count"] * 2
        assert after[2].group_id == after[3].group_id is not None
        assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
    dispose_engine(db_url)
