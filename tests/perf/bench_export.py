"""Benchmark: CSV and JSONL export of 10k, 100k and 1M claims — time and peak memory.

    python tests/perf/bench_export.py                      # SQLite in a temporary folder
    python tests/perf/bench_export.py --sizes 10000 100000 # fewer sizes
    python tests/perf/bench_export.py --url postgresql+psycopg://me@localhost/bench  # empty DB

The database is filled with bulk inserts (one article per 50 claims; evidence, a note and a
status change on every 10th, 20th and 3rd claim). Each export runs in a fresh Python process,
so its memory is its own: "peak MB" is the highest resident memory sampled during the export,
"+MB" that peak minus the resident memory just before it started (after imports). "streamed"
is factcheck's export (keyset batches, chunks written as they come); the baseline, "load all",
is the same export holding every claim and the whole file in memory before writing, as a
naive export would.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.db import dispose_engine, get_engine  # noqa: E402
from factcheck.migrate import upgrade  # noqa: E402
from factcheck.models import Article, Claim, Event, Evidence, Note, Outlet, Speaker, User  # noqa: E402

PER_ARTICLE = 50
CHUNK = 20_000
EDITOR = "bench-editor@newsroom.test"
STATUSES = ["unreviewed", "in_review", "verified", "false", "misleading", "unverifiable"]
SENTENCE = "Officials said that {n} people were moved to shelters in district {d} on Friday."


def current_mb() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


class PeakWatch:
    """The highest resident memory seen while the block runs (sampled every 5 ms)."""

    def __init__(self) -> None:
        self.peak = current_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, current_mb())

    def __enter__(self) -> PeakWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, current_mb())


# ---- filling -------------------------------------------------------------------------------


def _insert(conn: sa.Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(model.__table__), rows)


def prepare(url: str) -> None:
    """A migrated, empty database with one editor, one outlet and a few speakers."""
    upgrade(url)
    now = datetime.now(UTC)
    with get_engine(url).begin() as conn:
        _insert(
            conn,
            User,
            [
                {
                    "email": EDITOR,
                    "display_name": "Bench Editor",
                    "role": "editor",
                    "active": True,
                    "created_at": now,
                }
            ],
        )
        _insert(conn, Outlet, [{"name": "Bench Gazette", "kind": "news"}])
        _insert(
            conn,
            Speaker,
            [{"name": f"Speaker {i}", "kind": "person", "aliases": []} for i in range(1, 51)],
        )


def fill(url: str, start: int, stop: int) -> None:
    """Add claims start+1 … stop (with their articles, evidence, notes, events) in bulk."""
    now = datetime.now(UTC)
    engine = get_engine(url)
    for low in range(start, stop, CHUNK):
        high = min(low + CHUNK, stop)
        articles, claims, evidence, notes, events = [], [], [], [], []
        for n in range(low + 1, high + 1):
            article_id = (n - 1) // PER_ARTICLE + 1
            if (n - 1) % PER_ARTICLE == 0:
                text = " ".join(SENTENCE.format(n=k, d=k % 97) for k in range(PER_ARTICLE))
                articles.append(
                    {
                        "id": article_id,
                        "outlet_id": 1,
                        "title": f"Shelters, part {article_id}",
                        "url": f"https://news.example.org/shelters/{article_id}",
                        "published_at": now - timedelta(days=article_id % 700),
                        "text": text,
                        "sha256": f"{article_id:064x}",
                        "language": "en",
                        "ingested_at": now,
                        "ingested_by_id": 1,
                    }
                )
            sentence = SENTENCE.format(n=n, d=n % 97)
            status = STATUSES[n % len(STATUSES)]
            claims.append(
                {
                    "id": n,
                    "article_id": article_id,
                    "kind": "numeric",
                    "start": 30,
                    "end": 30 + len(str(n)) + 7,
                    "quote": f"{n} people",
                    "sentence": sentence,
                    "speaker_id": n % 50 + 1,
                    "speaker_resolved": True,
                    "attribution": "indirect",
                    "cue": "said",
                    "value": float(n),
                    "lower": float(n),
                    "upper": float(n),
                    "qualifier": None,
                    "unit": "people",
                    "measure": "people moved to shelters",
                    "days": None,
                    "confidence": 0.9,
                    "status": status,
                    "assignee_id": None,
                    "version": 1,
                    "origin": "extracted",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if n % 10 == 0:
                evidence.append(
                    {
                        "claim_id": n,
                        "url": f"https://stats.example.org/{n}",
                        "title": "Shelter census",
                        "stance": "supports",
                        "note": "",
                        "created_by_id": 1,
                        "created_at": now,
                    }
                )
            if n % 20 == 0:
                notes.append(
                    {"claim_id": n, "body": "Checked.", "created_by_id": 1, "created_at": now}
                )
            if n % 3 == 0:
                events.append(
                    {
                        "at": now,
                        "actor_id": 1,
                        "action": "claim.status",
                        "entity": "claim",
                        "entity_id": n,
                        "claim_id": n,
                        "before": {"status": "unreviewed"},
                        "after": {"status": status, "version": 2},
                    }
                )
        with engine.begin() as conn:
            for model, rows in (
                (Article, articles),
                (Claim, claims),
                (Evidence, evidence),
                (Note, notes),
                (Event, events),
            ):
                _insert(conn, model, rows)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # explicit ids: move the sequences past them
            for table in ("article", "claim"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


# ---- one export, in a child process --------------------------------------------------------


def child(url: str, fmt: str, mode: str) -> None:
    """Run one export and print its figures as JSON (called in a fresh process)."""
    from sqlmodel import select

    from factcheck.claims import ClaimFilter
    from factcheck.db import session_scope
    from factcheck.exports import export_chunks, iter_report_claims
    from factcheck.reports import stream_records

    with session_scope(url, readonly=True) as session:
        editor = session.exec(select(User).where(User.email == EDITOR)).one()
        base = current_mb()
        started = time.perf_counter()
        written = 0
        with PeakWatch() as watch, open("/dev/null", "wb") as sink:
            if mode == "streamed":
                for chunk in export_chunks(session, fmt=fmt, where=ClaimFilter(), by=editor):
                    written += sink.write(chunk)
            else:
                claims = list(iter_report_claims(session, where=ClaimFilter(), by=editor))
                whole = b"".join(stream_records(fmt, claims))
                written = sink.write(whole)
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "bytes": written, "peak": watch.peak, "base": base}))


def measure(url: str, fmt: str, mode: str) -> dict[str, float]:
    """Figures of one export run in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", url, fmt, mode],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    """Fill the database size by size, export at each size, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--url", help="An empty database to fill (default: a temporary SQLite).")
    parser.add_argument("--no-baseline-above", type=int, default=10**9, metavar="N")
    parser.add_argument("--child", nargs=3, metavar=("URL", "FORMAT", "MODE"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{folder}/bench.db"
        prepare(url)
        have = 0
        print(
            f"{'claims':>9} {'format':<6} {'mode':<9} {'seconds':>8} {'claims/s':>9} "
            f"{'MB out':>7} {'peak MB':>8} {'+MB':>7} {'time ×':>7} {'+MB ×':>7}"
        )
        for size in sorted(args.sizes):
            started = time.perf_counter()
            fill(url, have, size)
            have = size
            print(f"# filled to {size:,} claims in {time.perf_counter() - started:.1f} s")
            for fmt in ("csv", "jsonl"):
                streamed = measure(url, fmt, "streamed")
                rows = [("streamed", streamed)]
                if size <= args.no_baseline_above:
                    rows.append(("load all", measure(url, fmt, "load-all")))
                for mode, f in rows:
                    grown = f["peak"] - f["base"]
                    base_grown = max(rows[-1][1]["peak"] - rows[-1][1]["base"], 0.1)
                    print(
                        f"{size:>9,} {fmt:<6} {mode:<9} {f['seconds']:>8.2f} "
                        f"{size / f['seconds']:>9,.0f} {f['bytes'] / 1e6:>7.1f} "
                        f"{f['peak']:>8.0f} {grown:>7.0f} "
                        f"{f['seconds'] / rows[-1][1]['seconds']:>7.2f} "
                        f"{max(grown, 0.1) / base_grown:>7.2f}",
                        flush=True,
                    )
        dispose_engine(url)
    print("× columns: ratio to the load-all baseline of the same size and format (1.00 = same).")


if __name__ == "__main__":
    main()
