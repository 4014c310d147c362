"""Ingest benchmark: a folder of invented articles, extraction alone vs full ingest on SQLite.

    python tests/perf/bench_ingest.py [--articles 10000] [--repeat 3]
                                      [--databases sqlite postgresql]

Extraction alone reads every file and runs extract_claims on it (what `factcheck extract`
does). Full ingest is `factcheck ingest FOLDER` without the progress bar: load, clean,
extract, and one transaction per article on a fresh database (a SQLite file; with
``--databases postgresql``, a database created on the FACTCHECK_TEST_PG server, host:port:user,
and dropped after). Each runs in its own process so peak memory (max RSS) is its own. Goal:
ingest no slower than 1.5x extraction. Full ingest runs again without the dashboard's count
tables (factcheck.counts switched off): goal, ingest with counts no slower than 1.05x ingest
without (median of --repeat runs each, the two alternated). Each table prints the load
averages before and after it, and the CPU seconds of each ingest: its process and, on
PostgreSQL, the server processes serving its database (read from /proc: the server runs on
this machine). On a busy machine the CPU ratio wavers less than the time ratio.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.ingest_articles import write_articles  # noqa: E402

GOAL = 1.5
COUNTS_GOAL = 1.05
Result = tuple[float, int, int, float, float, float]  # seconds, articles, claims, peak MB,
# CPU s, and seconds inside factcheck.counts (adding up claims, writing the counts)
Results = multiprocessing.Queue  # of Result


def extraction_alone(folder: str, out: Results) -> None:
    """Read every file and extract its claims; report (seconds, articles, claims, max RSS)."""
    from factcheck.extract import extract_claims
    from factcheck.ingest import collect

    extract_claims("Warm-up: at least 3 people said so, according to the mayor.")
    files, _ = collect([folder])
    start, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(extract_claims(Path(f).read_text(encoding="utf-8"))) for f in files)
    cpu = time.process_time() - cpu
    out.put((time.perf_counter() - start, len(files), claims, _max_rss_mb(), cpu, 0.0))


def full_ingest(
    folder: str, url: str, out: Results, counted: bool = True, batch: int | None = None
) -> None:
    """Ingest the folder into the fresh database at ``url``; report as above.

    ``counted=False`` leaves the count tables alone: the baseline of their cost.
    ``batch``: articles per transaction (ingest_all's own when None).
    """
    from factcheck import counts
    from factcheck.db import session_scope
    from factcheck.extract import extract_claims
    from factcheck.ingest import batch as batches
    from factcheck.ingest import collect, ingest_all
    from factcheck.migrate import upgrade
    from factcheck.models import Role
    from factcheck.users import add_user

    if batch is not None:
        batches.BATCH_ARTICLES, batches.BATCH_SECONDS = batch, float("inf")
    inside = [0.0]
    if counted:
        _time_counts(counts, inside)
    else:
        counts.claim_changed = lambda *_, **__: None  # type: ignore[assignment]
    upgrade(url)
    with session_scope(url) as session:
        user = add_user(session, email="bench@newsroom.test", role=Role.ADMIN, by=None)
    extract_claims("Warm-up: at least 3 people said so, according to the mayor.")
    with session_scope(url) as session:
        cpu = time.process_time() - _server_cpu(session)
        start, inside[0] = time.perf_counter(), 0.0
        files, summary = collect([folder])
        ingest_all(session, sources=files, by=user, summary=summary)
        seconds = time.perf_counter() - start
        cpu = time.process_time() + _server_cpu(session) - cpu
    if summary.refused:
        raise SystemExit(f"refused: {summary.refused[:3]}")
    claims = summary.numeric + summary.attributed
    out.put((seconds, summary.added, claims, _max_rss_mb(), cpu, inside[0]))


def _time_counts(counts: Any, inside: list[float]) -> None:
    """Add the seconds spent inside ``counts`` (claim_changed, the commit hook) to inside[0]."""
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    def timed(work: Callable[..., None]) -> Callable[..., None]:
        def run(*args: Any, **kwargs: Any) -> None:
            start = time.perf_counter()
            try:
                work(*args, **kwargs)
            finally:
                inside[0] += time.perf_counter() - start

        return run

    counts.claim_changed = timed(counts.claim_changed)
    sa.event.remove(Session, "before_commit", counts.write)
    sa.event.listen(Session, "before_commit", timed(counts.write))


def _server_cpu(session: Any) -> float:
    """CPU seconds used so far by the PostgreSQL processes serving the session's database
    (0 on SQLite, which runs in this process). A process started meanwhile counts whole."""
    import sqlalchemy as sa

    if session.get_bind().dialect.name != "postgresql":
        return 0.0
    query = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
    ticks = 0
    for pid in session.execute(sa.text(query)).scalars():
        try:  # fields 14 and 15 of /proc/PID/stat: user and system time, in clock ticks
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # not on this machine
            continue
        ticks += int(fields[11]) + int(fields[12])
    session.commit()
    return ticks / os.sysconf("SC_CLK_TCK")


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(target: Callable[..., None], *args: object, **kwargs: object) -> Result:
    queue: Results = multiprocessing.Queue()
    proc = multiprocessing.Process(target=target, args=(*args, queue), kwargs=kwargs)
    proc.start()
    result = queue.get()
    proc.join()
    return result


PG_DATABASE = f"bench_ingest_{os.getpid()}"  # one per run: other runs may share the server


def _pg_admin(sql: str) -> None:
    """Run ``sql`` on the FACTCHECK_TEST_PG server's postgres database, outside a transaction."""
    import sqlalchemy as sa

    host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
    admin = sa.create_engine(
        f"postgresql+psycopg://{user}@{host}:{port}/postgres", isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.exec_driver_sql(sql)
    admin.dispose()


def fresh_url(kind: str, tmp: str, name: str) -> str:
    """A new, empty database: a SQLite file in ``tmp``, or PG_DATABASE created again."""
    if kind == "sqlite":
        return f"sqlite:///{tmp}/{name}.db"
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
    _pg_admin(f"CREATE DATABASE {PG_DATABASE}")
    host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
    return f"postgresql+psycopg://{user}@{host}:{port}/{PG_DATABASE}"


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def main() -> None:
    """Generate the folder, time both phases on each database, print a table for each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="ingest runs with and without counts")
    parser.add_argument("--databases", nargs="+", choices=list(NAMES), default=["sqlite"])
    parser.add_argument("--batch", type=int, help="articles per transaction (1: as the app)")
    args = parser.parse_args()
    if "postgresql" in args.databases and ":" not in os.environ.get("FACTCHECK_TEST_PG", ""):
        parser.error("--databases postgresql needs FACTCHECK_TEST_PG=host:port:user (see README)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        started = time.perf_counter()
        write_articles(folder, args.articles)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(
            f"{args.articles:,} articles, {size / 1e6:.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        for kind in args.databases:
            _compare(kind, str(folder), tmp, args.repeat, args.batch)
        if "postgresql" in args.databases:
            _pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE}")


def _compare(kind: str, folder: str, tmp: str, repeat: int, batch: int | None) -> None:
    """Extraction alone, then ingest with and without counts alternated; print the table."""
    before = _load()
    base = _run(extraction_alone, folder)
    runs: dict[bool, list[Result]] = {True: [], False: []}
    for i in range(repeat):  # alternated, so a busy minute hurts both alike; the one run
        for counted in (True, False)[:: 1 if i % 2 else -1]:  # first swaps each round
            url = fresh_url(kind, tmp, f"bench-{i}-{counted}")
            runs[counted].append(_run(full_ingest, folder, url, counted=counted, batch=batch))
    full, bare = (sorted(runs[c])[len(runs[c]) // 2] for c in (True, False))
    each_batch = f"{batch} per transaction" if batch else "ingest_all's batches"
    print(f"\n{NAMES[kind]} ({each_batch}); load averages {before} before, {_load()} after")
    rows = [
        ("extraction alone", base),
        (f"full ingest ({NAMES[kind]})", full),
        ("ingest without counts", bare),
    ]
    print(
        f"{'phase':<24}{'articles':>9}{'claims':>9}{'seconds':>9}{'art/s':>9}"
        f"{'ratio':>7}{'peak MB':>9}{'CPU s':>7}"
    )
    for name, (sec, n, claims, rss, cpu, _) in rows:
        print(
            f"{name:<24}{n:>9,}{claims:>9,}{sec:>9.1f}{n / sec:>9.0f}"
            f"{sec / base[0]:>7.2f}{rss:>9.0f}{cpu:>7.1f}"
        )
    ratio = full[0] / base[0]
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(f"ingest / extraction time = {ratio:.2f} (goal <= {GOAL}): {verdict}")
    counted = full[0] / bare[0]
    verdict = "met" if counted <= COUNTS_GOAL else "NOT met"
    cpu = _median([r[4] for r in runs[True]]) / _median([r[4] for r in runs[False]])
    print(
        f"ingest with / without counts = {counted:.3f} (goal <= {COUNTS_GOAL}): {verdict}; "
        f"CPU time {cpu:.3f}"
    )
    pairs = zip(runs[True], runs[False], strict=True)
    each = ", ".join(f"{a[0]:.1f}/{b[0]:.1f} ({a[4]:.1f}/{b[4]:.1f}; {a[5]:.2f})" for a, b in pairs)
    print(f"  runs, s with/without (CPU s; s inside the counts): {each}")
    # Timed inside each counted run: a busy machine slows both sides of this ratio alike.
    inside = _median([r[5] for r in runs[True]])
    alone = _median([r[0] / (r[0] - r[5]) for r in runs[True]])
    print(
        f"inside factcheck.counts: {inside:.2f} s of the counted runs (median); "
        f"ingest / ingest without that time = {alone:.3f}"
    )


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


if __name__ == "__main__":
    main()
