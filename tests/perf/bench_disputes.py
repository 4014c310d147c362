"""What keeping disputes costs at ingest: CPU of a full ingest with disputes kept and without.

    python tests/perf/bench_disputes.py [--articles 400] [--repeat 2] [--batches 1 50]
                                        [--stories tests/data/stories_dev.json …]

Each run ingests the same invented articles (tests/ingest_articles.py) into a fresh SQLite
file in its own process, one transaction per ``batch`` articles. Runs with disputes kept and
without (factcheck.disputes' refresh and cluster look-up switched off) alternate. Each kept
run also times the CPU spent inside those two functions: that share of the run's CPU is the
cost measured within one process, steadier on this shared machine than the ratio of
whole-run medians, which is printed beside it with the load averages.

The invented articles carry no date, so all of them describe one day, and they share places
and figures at random: they make a few large stories whose figures of one measure mostly
disagree, the worst case for disputes. ``--stories`` ingests the labelled multi-outlet sets
instead (each article with its outlet and date, one per transaction, every set in one
database, as in tests/groups_score.py): stories of a dozen articles, as a desk sees them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.ingest_articles import write_articles  # noqa: E402

Result = tuple[float, float, int]  # CPU s of the run, CPU s inside disputes, conflicts


def run(  # type: ignore[type-arg]
    folder: str, url: str, kept: bool, batch: int, out: multiprocessing.Queue, sets: list[str]
) -> None:
    """Ingest the folder (or the story ``sets``) into the fresh database at ``url``; put a
    Result on ``out``."""
    from factcheck import disputes
    from factcheck.db import session_scope
    from factcheck.extract import extract_claims
    from factcheck.groups import conflict_count
    from factcheck.ingest import batch as batches
    from factcheck.ingest import collect, ingest_all
    from factcheck.migrate import upgrade
    from factcheck.models import Role
    from factcheck.users import add_user

    batches.BATCH_ARTICLES, batches.BATCH_SECONDS = batch, float("inf")
    inside = [0.0]

    def timed(work: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return work(*args, **kwargs)
            finally:
                inside[0] += time.process_time() - start

        return call

    if kept:
        disputes.refresh = timed(disputes.refresh)  # type: ignore[method-assign]
        disputes.clusters_at = timed(disputes.clusters_at)  # type: ignore[method-assign]
    else:
        disputes.refresh = lambda *_, **__: None  # type: ignore[method-assign]
        disputes.clusters_at = lambda *_, **__: set()  # type: ignore[method-assign]
    upgrade(url)
    with session_scope(url) as session:
        user = add_user(session, email="bench@newsroom.test", role=Role.ADMIN, by=None)
    extract_claims("Warm-up: at least 3 people said so, according to the mayor.")
    with session_scope(url) as session:
        cpu = time.process_time()
        if sets:
            _ingest_sets(session, sets, user)
        else:
            files, summary = collect([folder])
            ingest_all(session, sources=files, by=user, summary=summary)
        cpu = time.process_time() - cpu
        conflicts, _ = conflict_count(session)
    out.put((cpu, inside[0], conflicts))


def _ingest_sets(session: Any, sets: list[str], user: Any) -> None:
    """The articles of the labelled story sets, extracted and stored one per transaction."""
    from datetime import UTC, datetime

    from factcheck.articles import add_article
    from factcheck.extract import extract_claims

    for path in sets:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for a in sorted(data["articles"], key=lambda a: a["published"]):
            add_article(
                session,
                title=a["title"],
                text=a["text"],
                by=user,
                claims=extract_claims(a["text"]),
                outlet=a["outlet"],
                published_at=datetime.fromisoformat(a["published"]).replace(hour=12, tzinfo=UTC),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 50])
    parser.add_argument("--stories", nargs="*", default=[])
    args = parser.parse_args()
    if args.stories:
        args.batches = [1]
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as folder:
        write_articles(Path(folder) / "in", args.articles)
        what = " ".join(Path(p).stem for p in args.stories) or f"{args.articles} articles"
        print(f"{what}; load before {os.getloadavg()}")
        print(f"{'batch':>6}{'cpu kept':>10}{'cpu off':>10}{'ratio':>8}{'inside':>9}{'share':>8}")
        for batch in args.batches:
            found: dict[bool, list[Result]] = {True: [], False: []}
            for i in range(args.repeat * 2):
                kept = i % 2 == 1  # off, kept, off, kept …
                out = context.Queue()
                url = f"sqlite:///{folder}/run{batch}_{i}.db"
                worker = context.Process(
                    target=run,
                    args=(str(Path(folder) / "in"), url, kept, batch, out, args.stories),
                )
                worker.start()
                found[kept].append(out.get())
                worker.join()
            on = statistics.median(r[0] for r in found[True])
            off = statistics.median(r[0] for r in found[False])
            inside = statistics.median(r[1] for r in found[True])
            share = statistics.median(r[1] / r[0] for r in found[True])
            print(
                f"{batch:>6}{on:>10.2f}{off:>10.2f}{on / off:>8.3f}{inside:>9.3f}{share:>8.1%}"
                f"   conflicts kept {found[True][0][2]}, off {found[False][0][2]}"
            )
        print(f"load after {os.getloadavg()}")


if __name__ == "__main__":
    main()
