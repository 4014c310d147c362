"""Words that say how a figure stands ("the real toll", "the true death toll", "the agency
lists 31": measures.STANDING) part no measure key (session 17), and a source's count of people
"as" a state measures that state; migration 0036 re-keys the figures stored before. SQLite and
PostgreSQL. The coverage is invented for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.comparable import measure_key
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.extract.lexicon.measures import MADE_KNOWN, NEUTRAL
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, Role
from tests.factories import forget_rules, make_user

# Each pair of outlets gives one figure, one of them saying how it stands.
PAIRS = (
    (
        ("Harl Post", "The union says the real toll in Harl is 212."),
        ("Harl Radio", "The flood in Harl killed 212 people, the union said."),
    ),
    (
        ("Varn Today", "The true death toll in Varn stood at 38 on Friday, police said."),
        ("Varn Wire", "Floods killed 38 people in Varn on Friday, police said."),
    ),
)


@pytest.mark.parametrize(
    ("measure", "key"),
    [("real toll", "killed"), ("true death toll", "killed"), ("actual toll", "killed")],
)
def test_how_a_figure_stands_parts_no_key(measure: str, key: str) -> None:
    assert measure_key(measure, "people") == key


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The agency lists 31 people as missing.", "people missing"),
        ("The ministry counts 52 people as dead.", "people dead"),
    ],
)
def test_people_counted_as_a_state_measure_it(text: str, measure: str) -> None:
    (figure,) = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert figure.measure == measure


def store_under_old_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The coverage stored as the rules before 0036 keyed it: STANDING words kept."""
    forget_rules()
    monkeypatch.setattr("factcheck.comparable._UNCOUNTED", NEUTRAL | MADE_KNOWN)
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = [
            add_article(
                session,
                title="Floods",
                text=text,
                by=editor,
                claims=extract_claims(text),
                outlet=outlet,
                published_at=datetime(2026, 12, 4, 9 + i, tzinfo=UTC),
            )
            for i, (outlet, text) in enumerate(p for pair in PAIRS for p in pair)
        ]
        session.commit()
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the migration
    dispose_engine(db_url)
    return articles


def test_the_migration_re_keys_how_a_figure_stands(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(db_url, monkeypatch)

    def figures(session: Session) -> list[Claim]:
        ids = [a.id for a in articles]
        found = session.exec(select(Claim).where(Claim.kind == "numeric").order_by(Claim.id))
        return [c for c in found if c.article_id in ids]

    with Session(get_engine(db_url)) as session:
        before = [c.group_key for c in figures(session)]
        assert before[0] == "n|killed real|count" and before[2] == "n|killed true|count"
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0035")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = figures(session)
        assert [c.group_key for c in after] == ["n|killed|count"] * 4
        assert after[0].group_id == after[1].group_id is not None
        assert after[2].group_id == after[3].group_id is not None
    dispose_engine(db_url)
