"""The triage queue's fast path gives exactly the ranking of scoring every unreviewed claim.

A few hundred claims of invented flood coverage, built and changed through the services in a
seeded random order (priorities, verdicts, edits, claims taken out of their groups), then
every page compared with the plain full scoring: same claims, same order, same scores, same
reasons, at several clocks. The stored points the fast path walks must also be exact.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from sqlmodel import Session, col, select

from factcheck.articles import add_article
from factcheck.claims import edit_claim
from factcheck.db import dispose_engine, get_engine
from factcheck.desk import set_priority
from factcheck.extract import Found
from factcheck.groups import take_out
from factcheck.migrate import alembic_config, upgrade
from factcheck.models import Claim, ClaimGroup, Priority, Role, Status, User, utcnow
from factcheck.review import set_status
from factcheck.triage import TERMS, QueueRow, queue, refresh_points
from tests.conftest import sqlite_url
from tests.factories import found_in, make_article, make_user

TOWNS = ("Harrowgate", "Millbrook", "Oxley Ford", "Tamsin Cross", "Welby")
OUTLETS = ("Valley Post", "Harbour Herald", "Northern Ledger", "Capital Wire", "Metro Daily")
SPEAKERS = ("Mayor Iris Kell", "Chief Warden Obi Larkin", "Councillor Bea Strand")
# How long before the test's clock a story broke: inside each recency band, and long before.
AGES = (
    timedelta(hours=5),
    timedelta(days=1, hours=20),
    timedelta(days=4),
    timedelta(days=12),
    timedelta(days=29),
    timedelta(days=90),
    timedelta(days=400),
)


def _article(rng: random.Random, town: str, homes: int, serial: int) -> tuple[str, list[Found]]:
    """One invented report on a town's flood: a figure, a hedged one, a vague one, quotes."""
    speaker = rng.choice(SPEAKERS)
    evacuated = rng.choice((40, 300, 1200))
    text = (
        f"Report {serial} from {town}. The river burst its banks in {town} overnight and "
        f"{homes} homes were flooded, the {town} council said. At least {evacuated} people "
        f"were evacuated to the {town} sports hall. Dozens of roads stayed closed. "
        f'"We have never seen the water this high," {speaker} said. '
        "Engineers said that the old levee had held for a while."
    )
    claims = [
        found_in(
            text,
            f"{homes} homes",
            kind="numeric",
            value=homes,
            lower=homes,
            upper=homes,
            unit="homes",
            measure="homes flooded",
            speaker=f"{town} council" if rng.random() < 0.5 else None,
            attribution="indirect",
            cue="said",
        ),
        found_in(
            text,
            f"{evacuated} people",
            kind="numeric",
            value=evacuated,
            lower=evacuated,
            qualifier="at least",
            unit="people",
            measure="people evacuated",
        ),
        found_in(text, "Dozens of roads", kind="numeric", unit="roads", measure="roads closed"),
        found_in(
            text,
            "We have never seen the water this high",
            kind="attributed",
            speaker=speaker,
            attribution="direct",
            cue="said",
            direct=True,
        ),
        found_in(
            text,
            "the old levee had held for a while",
            kind="attributed",
            attribution="indirect",
            cue="said",
        ),
    ]
    return text, [c for c in claims if rng.random() < 0.85]


def _newsroom(session: Session, rng: random.Random, now: datetime) -> User:
    """Stories of a few reports each (outlets that agree or not on a figure), then a desk's
    random changes, all through the services."""
    editor = make_user(session, role=Role.EDITOR)
    serial = 0
    for story in range(24):
        town = TOWNS[story % len(TOWNS)]
        broke = now - rng.choice(AGES)
        homes = rng.choice((120, 450, 2300))
        for outlet in rng.sample(OUTLETS, rng.randint(1, 4)):
            serial += 1
            told = homes if rng.random() < 0.6 else round(homes * rng.choice((1.05, 1.1)))
            text, claims = _article(rng, town, told, serial)
            when = broke + timedelta(hours=rng.randint(0, 30))
            add_article(
                session,
                title=f"Flood in {town}, report {serial}",
                text=text,
                by=editor,
                claims=claims,
                outlet=outlet,
                published_at=None if rng.random() < 0.1 else min(when, now),
            )
    _desk_changes(session, rng, editor)
    return editor


def _desk_changes(session: Session, rng: random.Random, editor: User) -> None:
    """Priorities, verdicts, edits and claims taken out of groups, in random order."""
    ids = list(session.exec(select(Claim.id).order_by(col(Claim.id))).all())
    for claim_id in rng.sample(ids, len(ids) // 2):
        claim = session.get(Claim, claim_id)
        assert claim is not None and claim.id is not None
        session.refresh(claim)
        roll = rng.random()
        if roll < 0.4:
            priority = rng.choice(list(Priority))
            set_priority(session, seen={claim.id: claim.version}, priority=priority, by=editor)
        elif roll < 0.55:
            status = rng.choice((Status.IN_REVIEW, Status.NOT_A_CLAIM))
            set_status(
                session, claim_id=claim.id, status=status, by=editor, seen_version=claim.version
            )
        elif roll < 0.7 and claim.value is not None:
            edit_claim(
                session,
                claim_id=claim.id,
                seen_version=claim.version,
                by=editor,
                value=claim.value + rng.choice((1, 40)),
                qualifier=rng.choice((None, "about")),
            )
        elif roll < 0.8 and claim.group_id is not None:
            take_out(session, claim_id=claim.id, seen_version=claim.version, by=editor)


def _page(rows: list[QueueRow]) -> list[tuple[int, int, int, tuple[str, ...]]]:
    return [(q.rank, q.row.claim.id or 0, q.score, q.reasons) for q in rows]


def test_the_fast_queue_ranks_exactly_as_scoring_every_claim(session: Session) -> None:
    rng = random.Random(11)
    now = utcnow()
    _newsroom(session, rng, now)
    assert refresh_points(session) == 0  # the services kept every claim's stored points
    everything = queue(session, limit=1000, now=now, exhaustive=True)
    assert 150 < len(everything) < 1000
    said = {r for q in everything for r in q.reasons}
    for term in TERMS:  # every term scores some claim, so a wrong one would show
        assert any(term.reason(pts) in said for pts in range(-20, 41) if pts), term.name
    assert session.exec(select(ClaimGroup).where(col(ClaimGroup.conflict))).first()
    for clock in (now, now + timedelta(days=3), now + timedelta(days=20)):
        for offset, limit in ((0, 1), (0, 10), (0, 50), (7, 13), (40, 25), (0, 1000)):
            fast = queue(session, limit=limit, offset=offset, now=clock)
            full = queue(session, limit=limit, offset=offset, now=clock, exhaustive=True)
            assert _page(fast) == _page(full), (clock, offset, limit)


def test_the_migration_stores_the_points_of_claims_already_stored(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        _, claims = make_article(session, by=editor)
        urgent = claims[0]
        set_priority(session, seen={urgent.id or 0: 1}, priority=Priority.URGENT, by=editor)
    dispose_engine(db_url)
    command.downgrade(alembic_config(db_url), "0012")  # a database from before the points
    upgrade(db_url)
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        assert refresh_points(session) == 0
        ranked = queue(session)
        assert ranked[0].row.claim.id == urgent.id
        assert _page(ranked) == _page(queue(session, exhaustive=True))


# What ANALYZE wrote for the claim table of a desk with 586,100 claims, most of them in no
# group (tests/perf/bench_groups.py's fill at 100,000 articles). Migrations run ANALYZE, so a
# desk that upgrades with claims stored gets such statistics.
BIG_DESK_STATS = (
    ("ix_claim_article_queue", "586100 6 6 6"),
    ("ix_claim_group_article", "586100 586100 6"),
    ("ix_claim_article_start", "586100 6 1"),
    ("ix_claim_kind", "586100 293050"),
    ("ix_claim_status", "586100 586100"),
)


def test_a_commit_rescores_its_claims_by_index_on_an_analysed_big_database(
    sqlite_template: Path, tmp_path: Path
) -> None:
    url = sqlite_url(sqlite_template, tmp_path)
    with Session(get_engine(url)) as session:
        editor = make_user(session, role=Role.EDITOR)
        make_article(session, by=editor)
        email = editor.email
    with get_engine(url).begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = 'claim'")
        for index, stat in BIG_DESK_STATS:
            conn.exec_driver_sql(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('claim', ?, ?)", (index, stat)
            )
    dispose_engine(url)  # a new connection reads the statistics
    plans: list[str] = []

    def explain(conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.startswith("UPDATE claim SET triage_points"):
            cursor = conn.connection.dbapi_connection.cursor()
            plans.extend(
                row[3] for row in cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )

    engine = get_engine(url)
    sa.event.listen(engine, "before_cursor_execute", explain)
    try:
        with Session(engine) as session:
            editor = session.exec(select(User).where(User.email == email)).one()
            make_article(session, by=editor)
    finally:
        sa.event.remove(engine, "before_cursor_execute", explain)
        dispose_engine(url)
    assert plans, "the commit rescored nothing"
    assert not [step for step in plans if step.startswith("SCAN claim")], plans
