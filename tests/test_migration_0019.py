"""Migration 0019 re-keys figures stored under the measure rules before it: a count of people
"ordered to leave their homes" (keyed ``home`` before) joins the count of the same people
"evacuated" (``displaced``). SQLite and PostgreSQL."""

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

# Invented coverage of a dam alert, written for this test: one count of the displaced written
# with the order they were given, one with what happened to them.
ORDERS = (
    (
        "Tarn Courier",
        "About 7,450 people were ordered to leave their homes as the Tarn burst its banks at Vell.",
    ),
    ("Vell Wire", "Around 7,450 people were evacuated as the Tarn burst its banks at Vell."),
)
NEW_PHRASES = ("ordered to leave", "told to leave", "ordered to evacuate", "ordered out of")
# phrases of leaving home that came after 0019 (migration 0030), out of the old rules too
LATER_PHRASES = (
    "leave their homes",
    "from their houses",
    "out of their houses",
    "leave their houses",
    "left their houses",
    "fled their houses",
)


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0019 keyed it (no leave orders)."""
    old = {k: v for k, v in PHRASES.items() if k not in NEW_PHRASES + LATER_PHRASES}
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable.PHRASES", old)
    monkeypatch.setattr("factcheck.comparable._departed", lambda *_: False)  # came later (0030)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title=f"Tarn dam ({outlet})",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2025, 3, 2 + i, 9, tzinfo=UTC),
            )
            for i, (outlet, text) in enumerate(ORDERS)
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def the_count(session: Session, articles: list[Article]) -> list[Claim]:
    return [
        session.exec(select(Claim).where(Claim.article_id == a.id, Claim.quote == "7,450")).one()
        for a in articles
    ]


def test_the_migration_re_keys_a_count_of_people_ordered_to_leave(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)
    with Session(get_engine(db_url)) as session:
        before = the_count(session, articles)
        assert [c.measure_key for c in before] == ["home", "displaced"]
        assert before[0].group_id is None  # alone under its key
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0018")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = the_count(session, articles)
        assert [c.measure_key for c in after] == ["displaced", "displaced"]
        assert after[0].group_id == after[1].group_id is not None
        assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
