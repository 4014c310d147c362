"""Benchmark: the triage queue ("What to check first") at 1,000,000 claims.

    python tests/perf/bench_triage.py sqlite:////tmp/factcheck-bench/triage.db --claims 1000000

Fills the database with tests/perf/generate.py when it holds fewer claims than asked (about
55% of them unreviewed, two years of articles), marks a few thousand claims urgent or low,
dates a few hundred articles in the last month and puts every fifth claim in a group of ten,
every seventh group in conflict (so every term of the score has rows); these bulk updates
bypass the services, so the stored triage points are computed again afterwards
(factcheck.triage.refresh_points, as migration 0013 does). Then times the first page of the
queue (50 rows, with reasons) five times each way: the fast path the app runs, and the
plain full scoring of every unreviewed claim (``exhaustive=True``, the query before the
stored points: the baseline), and checks both pages are the same. Target: the queue ≤ 1 s,
and a cost that does not grow with the archive (run it at 200,000 claims too).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.db import get_engine, session_scope  # noqa: E402
from factcheck.migrate import upgrade  # noqa: E402
from factcheck.models import utcnow  # noqa: E402
from factcheck.triage import QueueRow, queue, refresh_points  # noqa: E402
from tests.perf.generate import generate  # noqa: E402

REPEAT = 5


def _count(url: str, sql: str) -> int:
    with get_engine(url).connect() as conn:
        return int(conn.execute(sa.text(sql)).scalar() or 0)


def _prepare(url: str, claims: int) -> None:
    """Generate when needed; spread priorities and recent dates so every term has rows."""
    try:
        have = _count(url, "SELECT count(*) FROM claim")
    except sa.exc.DBAPIError:
        have = 0
    if have < claims:
        generate(url, claims=claims)
    began = time.perf_counter()
    upgrade(url)  # a database generated before migration 0013 gets its stored points here
    print(f"migrated to the latest schema in {time.perf_counter() - began:.1f} s")
    now = utcnow()
    with get_engine(url).begin() as conn:
        conn.execute(sa.text("UPDATE claim SET priority = 'urgent' WHERE id % 997 = 0"))
        conn.execute(sa.text("UPDATE claim SET priority = 'low' WHERE id % 991 = 0"))
        conn.execute(
            sa.text("UPDATE article SET published_at = :at WHERE id % 211 = 0"),
            {"at": now - timedelta(days=3)},
        )
        conn.execute(
            sa.text("UPDATE article SET published_at = :at WHERE id % 307 = 0"),
            {"at": now - timedelta(hours=5)},
        )
        if not conn.execute(sa.text("SELECT count(*) FROM claimgroup")).scalar():
            _group(conn, now)
    with session_scope(url) as session:
        changed = refresh_points(session)
        session.commit()
    print(f"stored triage points after the bulk updates: {changed:,} claims rescored")
    with get_engine(url).begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(sa.text("ANALYZE"))
        else:
            conn.execute(sa.text("ANALYZE claim"))
            conn.execute(sa.text("ANALYZE article"))


def _group(conn: sa.Connection, now: datetime) -> None:
    """Claim groups, which the generator leaves out: every 5th claim, ten to a group."""
    conn.execute(
        sa.text(
            "INSERT INTO claimgroup (id, kind, key, size, conflict, created_at) "
            "SELECT DISTINCT id / 50 + 1, 'numeric', 'bench', 0, false, :now "
            "FROM claim WHERE id % 5 = 0"
        ),
        {"now": now},
    )
    conn.execute(sa.text("UPDATE claim SET group_id = id / 50 + 1 WHERE id % 5 = 0"))
    conn.execute(
        sa.text(
            "UPDATE claimgroup SET conflict = (id % 7 = 0), size = "
            "(SELECT count(*) FROM claim WHERE claim.group_id = claimgroup.id)"
        )
    )


def _time(run: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(REPEAT):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times), statistics.median(times)


def main() -> None:
    """Command line: the database URL and how many claims."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--claims", type=int, default=1_000_000)
    args = parser.parse_args()
    _prepare(args.url, args.claims)
    total = _count(args.url, "SELECT count(*) FROM claim")
    open_ = _count(args.url, "SELECT count(*) FROM claim WHERE status = 'unreviewed'")

    def page(exhaustive: bool) -> list[QueueRow]:
        with session_scope(args.url, readonly=True) as session:
            return queue(session, limit=50, exhaustive=exhaustive)

    full_best, full_median = _time(lambda: page(True))
    best, median = _time(lambda: page(False))
    fast, full = page(False), page(True)
    same = [(q.row.claim.id, q.score, q.reasons) for q in fast] == [
        (q.row.claim.id, q.score, q.reasons) for q in full
    ]
    print(f"{get_engine(args.url).dialect.name}: {total:,} claims, {open_:,} unreviewed")
    print(f"{'queue, first 50 with reasons':<36}{'best s':>9}{'median s':>10}{'× fast':>9}")
    print(f"{'full scoring (before, baseline)':<36}{full_best:>9.3f}{full_median:>10.3f}", end="")
    print(f"{full_median / median:>9.1f}")
    print(f"{'stored points + recent (after)':<36}{best:>9.3f}{median:>10.3f}{1:>9.1f}")
    print(f"same page both ways: {'yes' if same else 'NO'}")
    print(f"target: ≤ 1 s — {'met' if median <= 1 else 'MISSED'}")
    for q in fast[:3]:
        print(f"  #{q.rank} score {q.score}: claim {q.row.claim.id} — {'; '.join(q.reasons)}")


if __name__ == "__main__":
    main()
