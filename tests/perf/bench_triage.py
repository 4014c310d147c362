"""Benchmark: the triage queue ("What to check first") at 1,000,000 claims.

    python tests/perf/bench_triage.py sqlite:////tmp/factcheck-bench/triage.db --claims 1000000

Fills the database with tests/perf/generate.py when it holds fewer claims than asked (about
55% of them unreviewed, two years of articles), marks a few thousand claims urgent or low,
dates a few hundred articles in the last month and puts every fifth claim in a group of ten,
every seventh group in conflict (so every term of the score has rows), then
times the first page of the queue (50 rows, with reasons) five times. The baseline, measured
in the same run, is the cheapest possible pass over the same rows: counting the unreviewed
claims. Target: the queue ≤ 1 s.
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
from factcheck.models import utcnow  # noqa: E402
from factcheck.triage import queue  # noqa: E402
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

    def baseline() -> object:
        return _count(args.url, "SELECT count(*) FROM claim WHERE status = 'unreviewed'")

    def page() -> object:
        with session_scope(args.url, readonly=True) as session:
            return queue(session, limit=50)

    base_best, base_median = _time(baseline)
    best, median = _time(page)
    with session_scope(args.url, readonly=True) as session:
        top = queue(session, limit=3)
    print(f"{get_engine(args.url).dialect.name}: {total:,} claims, {open_:,} unreviewed")
    print(f"{'what':<34}{'best s':>9}{'median s':>10}{'× baseline':>12}")
    print(f"{'count unreviewed (baseline)':<34}{base_best:>9.3f}{base_median:>10.3f}{1:>12.1f}")
    print(f"{'queue, first 50 with reasons':<34}{best:>9.3f}{median:>10.3f}", end="")
    print(f"{median / base_median:>12.1f}")
    print(f"target: ≤ 1 s — {'met' if median <= 1 else 'MISSED'}")
    for q in top:
        print(f"  #{q.rank} score {q.score}: claim {q.row.claim.id} — {'; '.join(q.reasons)}")


if __name__ == "__main__":
    main()
