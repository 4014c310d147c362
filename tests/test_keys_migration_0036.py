"""Words that say how a figure stands ("the real toll", "the true death toll", "the agency
lists 31": measures.STANDING) part no measure key (session 17), and a source's count of people
"as" a state measures that state; migration 0036 re-keys the figures stored before. SQLite and
PostgreSQL. The coverage is invented for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session

from factcheck.comparable import measure_key
from factcheck.db import dispose_engine, get_engine
from factcheck.extract import extract_claims
from factcheck.extract.lexicon.measures import MADE_KNOWN, NEUTRAL
from factcheck.migrate import alembic_config
from tests.test_keys_migration_0032 import figures, store_under_old_rules

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


def test_the_migration_re_keys_how_a_figure_stands(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store_under_old_rules(
        db_url,
        monkeypatch,
        pairs=PAIRS,
        uncounted=NEUTRAL | MADE_KNOWN,  # the rule before 0036: STANDING words kept
        title="Floods",
        day=datetime(2026, 12, 4, tzinfo=UTC),
    )
    with Session(get_engine(db_url)) as session:
        before = [c.group_key for c in figures(session, articles)]
        assert before[0] == "n|killed real|count" and before[2] == "n|killed true|count"
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0035")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = figures(session, articles)
        assert [c.group_key for c in after] == ["n|killed|count"] * 4
        assert after[0].group_id == after[1].group_id is not None
        assert after[2].group_id == after[3].group_id is not None
    dispose_engine(db_url)
