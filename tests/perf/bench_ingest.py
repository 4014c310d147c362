"""Ingest benchmark: a folder of invented articles, extraction alone vs full ingest on SQLite.

    python tests/perf/bench_ingest.py [--articles 10000]

Extraction alone reads every file and runs extract_claims on it (what `factcheck extract`
does). Full ingest is `factcheck ingest FOLDER` without the progress bar: load, clean,
extract, and one transaction per article on a fresh SQLite file. Each runs in its own
process so peak memory (max RSS) is its own. Goal: ingest no slower than 1.5x extraction.
Full ingest runs again without the dashboard's count tables (factcheck.counts switched off):
goal, ingest with counts no slower than 1.05x ingest without (median of --repeat runs each).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.ingest_articles import write_articles  # noqa: E402

GOAL = 1.5
COUNTS_GOAL = 1.05
Result = tuple[float, int, int, float]  # seconds, articles, claims, peak RSS in MB
Results = multiprocessing.Queue  # of Result


def extraction_alone(folder: str, out: Results) -> None:
    """Read every file and extract its claims; report (seconds, articles, claims, max RSS)."""
    from factcheck.extract import extract_claims
    from factcheck.ingest import collect

    extract_claims("Warm-up: at least 3 people said so, according to the mayor.")
    files, _ = collect([folder])
    start = time.perf_counter()
    claims = sum(len(extract_claims(Path(f).read_text(encoding="utf-8"))) for f in files)
    out.put((time.perf_counter() - start, len(files), claims, _max_rss_mb()))


def full_ingest(folder: str, database: str, out: Results, counted: bool = True) -> None:
    """Ingest the folder into a fresh SQLite database; report as above.

    ``counted=False`` leaves the count tables alone: the baseline of their cost.
    """
    from factcheck import counts
    from factcheck.db import session_scope
    from factcheck.extract import extract_claims
    from factcheck.ingest import collect, ingest_all
    from factcheck.migrate import upgrade
    from factcheck.models import Role
    from factcheck.users import add_user

    if not counted:
        counts.claim_changed = lambda *_, **__: None  # type: ignore[assignment]
    url = f"sqlite:///{database}"
    upgrade(url)
    with session_scope(url) as session:
        user = add_user(session, email="bench@newsroom.test", role=Role.ADMIN, by=None)
    extract_claims("Warm-up: at least 3 people said so, according to the mayor.")
    start = time.perf_counter()
    files, summary = collect([folder])
    with session_scope(url) as session:
        ingest_all(session, sources=files, by=user, summary=summary)
    seconds = time.perf_counter() - start
    if summary.refused:
        raise SystemExit(f"refused: {summary.refused[:3]}")
    out.put((seconds, summary.added, summary.numeric + summary.attributed, _max_rss_mb()))


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(target: Callable[..., None], *args: object, counted: bool = True) -> Result:
    queue: Results = multiprocessing.Queue()
    kwargs = {} if target is extraction_alone else {"counted": counted}
    proc = multiprocessing.Process(target=target, args=(*args, queue), kwargs=kwargs)
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    """Generate the folder, time both phases, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="ingest runs with and without counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        started = time.perf_counter()
        write_articles(folder, args.articles)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(
            f"{args.articles:,} articles, {size / 1e6:.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        base = _run(extraction_alone, str(folder))
        runs: dict[bool, list[Result]] = {True: [], False: []}
        for i in range(args.repeat):  # alternated, so a busy minute hurts both alike
            for counted in (True, False):
                database = str(Path(tmp) / f"bench-{i}-{counted}.db")
                runs[counted].append(_run(full_ingest, str(folder), database, counted=counted))
    full, bare = (sorted(runs[c])[len(runs[c]) // 2] for c in (True, False))
    rows = [
        ("extraction alone", base),
        ("full ingest (SQLite)", full),
        ("ingest without counts", bare),
    ]
    print(
        f"{'phase':<22}{'articles':>9}{'claims':>9}{'seconds':>9}{'art/s':>9}"
        f"{'ratio':>7}{'peak MB':>9}"
    )
    for name, (sec, n, claims, rss) in rows:
        print(
            f"{name:<22}{n:>9,}{claims:>9,}{sec:>9.1f}{n / sec:>9.0f}"
            f"{sec / base[0]:>7.2f}{rss:>9.0f}"
        )
    ratio = full[0] / base[0]
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(f"ingest / extraction time = {ratio:.2f} (goal <= {GOAL}): {verdict}")
    counted = full[0] / bare[0]
    verdict = "met" if counted <= COUNTS_GOAL else "NOT met"
    each = ", ".join(f"{a[0]:.1f}/{b[0]:.1f}" for a, b in zip(runs[True], runs[False], strict=True))
    print(f"ingest with / without counts = {counted:.3f} (goal <= {COUNTS_GOAL}): {verdict}")
    print(f"  runs (s, with/without): {each}")


if __name__ == "__main__":
    main()
