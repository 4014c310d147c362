"""Load test: 8 processes × 500 status changes on 200 claims, on SQLite and PostgreSQL.

    eval "$(bash .ci/postgres.sh)"      # for the PostgreSQL row (optional)
    python tests/perf/bench_concurrency.py [--processes 8] [--changes 500] [--claims 200]

Every worker reads a claim and writes a status naming the version it saw, as the app does.
Prints throughput and checks the invariants: 0 lost updates (each claim's version - 1 equals
its successful writes), 0 errors other than reported conflicts, status events = successful
writes, the dashboard's count tables equal to a full count (factcheck.counts.check, and
`factcheck counts --check` run as a command). Baseline in the same run: one process doing
all the changes alone (no contention).
Exits 1 when an invariant is broken; never on time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlmodel import Session, col, func, select

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck import counts  # noqa: E402
from factcheck.db import dispose_engine, get_engine  # noqa: E402
from factcheck.load import LoadResult, run_load  # noqa: E402
from factcheck.migrate import upgrade  # noqa: E402
from factcheck.models import Claim, Event, Role  # noqa: E402
from tests.factories import make_article, make_user  # noqa: E402


def fresh_databases(folder: Path) -> dict[str, str]:
    """A new SQLite file, and a new PostgreSQL database when FACTCHECK_TEST_PG is set."""
    urls = {"SQLite": f"sqlite:///{folder / 'load.db'}"}
    pg = os.environ.get("FACTCHECK_TEST_PG", "")
    if pg:
        host, port, user = pg.split(":")
        admin = f"postgresql+psycopg://{user}@{host}:{port}/postgres"
        with get_engine(admin).connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("DROP DATABASE IF EXISTS factcheck_load")
            c.exec_driver_sql("CREATE DATABASE factcheck_load")
        dispose_engine(admin)
        urls["PostgreSQL"] = f"postgresql+psycopg://{user}@{host}:{port}/factcheck_load"
    return urls


def seed(url: str, claims: int) -> tuple[str, list[int]]:
    """Migrate ``url`` and give it an editor and at least ``claims`` claims."""
    upgrade(url)
    with Session(get_engine(url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        ids: list[int] = []
        while len(ids) < claims:
            ids += [c.id or 0 for c in make_article(session, by=editor)[1]]
        session.commit()
        return editor.email, ids[:claims]


def check(url: str, ids: list[int], result: LoadResult) -> list[str]:
    """The broken invariants, if any."""
    with Session(get_engine(url)) as session:
        versions = dict(session.exec(select(Claim.id, Claim.version)).all())
        events = session.exec(
            select(func.count()).select_from(Event).where(col(Event.action) == "claim.status")
        ).one()
        wrong = {table: n for table, n in counts.check(session).items() if n}
    lost = sum(abs(versions[i] - 1 - result.writes.get(i, 0)) for i in ids)
    problems = [f"{lost} lost updates"] if lost else []
    if result.errors:
        problems.append(f"{len(result.errors)} errors, e.g. {result.errors[0]}")
    if events != result.successes:
        problems.append(f"{events} status events for {result.successes} writes")
    if wrong:
        problems.append(f"count tables differ from a full count: {wrong}")
    command = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "counts", "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "FACTCHECK_DATABASE_URL": url},
        check=False,
    )
    if command.returncode != 0:
        problems.append(f"`factcheck counts --check` says: {command.stderr.strip()}")
    return problems


def main() -> int:
    """Run the load on each database and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--claims", type=int, default=200)
    args = parser.parse_args()
    failed = False
    print(
        f"{'database':11} {'run':24} {'writes':>7} {'conflicts':>9} {'errors':>6} "
        f"{'seconds':>8} {'writes/s':>9} {'vs alone':>8}  invariants"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, url in fresh_databases(Path(tmp)).items():
            email, ids = seed(url, args.claims)
            total = args.processes * args.changes
            alone = run_load(url, email=email, claim_ids=ids, processes=1, changes=total // 4)
            busy = run_load(
                url, email=email, claim_ids=ids, processes=args.processes, changes=args.changes
            )
            problems = check(url, ids, _merge(alone, busy))
            base_rate = alone.successes / alone.seconds
            for label, run in (
                ("1 process (baseline)", alone),
                (f"{args.processes} processes × {args.changes}", busy),
            ):
                rate = run.successes / run.seconds
                print(
                    f"{name:11} {label:24} {run.successes:7} {run.conflicts:9} "
                    f"{len(run.errors):6} {run.seconds:8.2f} {rate:9.1f} "
                    f"{rate / base_rate:7.2f}x  {'; '.join(problems) or 'ok'}"
                )
            failed |= bool(problems)
            dispose_engine(url)
    return 1 if failed else 0


def _merge(a: LoadResult, b: LoadResult) -> LoadResult:
    return LoadResult(
        a.writes + b.writes, a.conflicts + b.conflicts, a.errors + b.errors, a.seconds + b.seconds
    )


if __name__ == "__main__":
    raise SystemExit(main())
