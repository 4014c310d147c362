"""Benchmark: the Dashboard page at 1,000,000 and 5,000,000 claims, on SQLite and PostgreSQL.

    eval "$(bash .ci/postgres.sh)"      # for the PostgreSQL rows (optional)
    python tests/perf/bench_dashboard.py --claims 1000000 5000000 [--filters-only]

Fills each database with tests/perf/generate.py (kept between runs in /tmp/factcheck-bench),
then runs the page under AppTest: the first run (empty cache), a cached run, then cold runs
(cache cleared) and runs right after a review (the new event id invalidates the cache), five
of each, reported as medians, and a run with a clicked bar. It reports
server time and the bytes of chart data sent, against a baseline in the same run that reads
every claim and aggregates in pandas (what charting the rows directly would do).
Then, for each filter the page offers (dates, outlet, article, kind, some combinations, a
clicked bar under a filter), a fresh page: the median of five cold runs, at each size, the
ratio between the sizes and the pandas baseline of each size. The page reads the count tables
(factcheck.counts), so its cost should not grow with the claims. Targets: ≤ 0.3 s per cold
run, 5M/1M ≤ 1.3 (1.5 where a chart ranks articles or speakers), ≤ 100 KB of chart data.

Measured 2026-12-04 on the shared 2-core machine at a load average of 13-15 (other engineers'
generators and test suites; the pandas baseline, ~1-2 s unloaded, took 28 s at 1M), so every
figure is several times its unloaded value and the ratios are mostly noise. Cold runs,
median of 5 (s); SQLite 5M could not be generated in time (74 min for 2 GB of 3.7 GB).

    filter                        SQLite 1M   PG 1M   PG 5M   PG 5M/1M
    kind = numeric                    0.208   0.592   2.561   4.33
    one year                          1.093   1.289   4.082   3.17
    one month                         0.680   0.795   2.156   2.71
    biggest outlet                    2.457   0.984   2.045   2.08
    one article                       1.023   1.350   1.031   0.76
    year + kind                       1.460   7.773   1.773   0.23
    biggest outlet + kind             0.476   1.243   1.047   0.84
    year + biggest outlet + kind      1.326   1.277   0.884   0.69
    month + biggest outlet            0.628   0.218   0.343   1.57
    bar clicked, no filter            1.516   1.834   1.641   0.90
    bar clicked, one year             1.824   2.672   1.643   0.61
    pandas baseline                  28.173  27.628 252.887   9.15
SQLite 1M: cold page 0.347 s (median of 5), after a review 0.336 s, 84 KB of chart data.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.db import dispose_engine, get_engine, session_scope  # noqa: E402
from factcheck.migrate import upgrade  # noqa: E402
from factcheck.models import ClaimKind, Status  # noqa: E402
from factcheck.review import set_status  # noqa: E402
from factcheck.users import get_user  # noqa: E402
from tests.perf.generate import generate  # noqa: E402

APP = ROOT / "app.py"
FOLDER = Path("/tmp/factcheck-bench")
REPEAT = 5
TARGET, FLAT, RANKED = 0.3, 1.3, 1.5  # seconds per cold run; 5M / 1M ratios


def _claims(url: str) -> int:
    try:
        with get_engine(url).connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM claim")).scalar() or 0)
    except sa.exc.DBAPIError:
        return -1


def _create_pg_database(url: str) -> None:
    parsed = sa.make_url(url)
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{parsed.database}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def prepare(url: str, claims: int) -> float:
    """Fill ``url`` unless it already holds ``claims`` claims; returns seconds spent filling."""
    found = _claims(url)
    if found == claims:
        upgrade(url)  # a kept database gets the indexes of newer migrations
        return 0.0
    dispose_engine(url)
    if url.startswith("postgresql"):
        _create_pg_database(url)
    else:
        Path(sa.make_url(url).database or "").unlink(missing_ok=True)
    began = time.perf_counter()
    generate(url, claims=claims)
    return time.perf_counter() - began


def _chart_bytes(at: AppTest) -> int:
    return sum(len(chart.proto.SerializeToString()) for chart in at.get("vega_lite_chart"))


def _open(at: AppTest) -> None:
    at.session_state["factcheck_user_id"] = 1
    at.run()
    at._page_hash = next(  # noqa: SLF001 - function pages cannot be reached by switch_page
        page
        for page, info in at._registered_pages.items()
        if info.get("url_pathname") == "dashboard"
    )


def _timed(at: AppTest) -> float:
    began = time.perf_counter()
    at.run()
    took = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return took


def _review_one(url: str) -> None:
    with session_scope(url) as session:
        claim_id, version = session.execute(
            sa.text("SELECT id, version FROM claim WHERE status = 'unreviewed' ORDER BY id LIMIT 1")
        ).one()
        set_status(
            session,
            claim_id=claim_id,
            status=Status.IN_REVIEW,
            by=get_user(session, email="reviewer2@bench.test"),
            seen_version=version,
        )


YEAR = (date(2025, 1, 1), date(2025, 12, 31))  # the generator's articles span 2024-2025
MONTH = (date(2025, 6, 1), date(2025, 6, 30))
BIG_OUTLET = 1  # about half of all articles


def _set(dates: tuple[date, date] | None = None, **boxes: object) -> Callable[[AppTest], None]:
    """Set the filter widgets: the date range and the outlet / article / kind select boxes."""

    def setter(at: AppTest) -> None:
        if dates:
            at.date_input(key="dashboard_dates").set_value(dates)
        for name, value in boxes.items():
            at.selectbox(key=f"dashboard_{name}").set_value(value)

    return setter


def _click(setter: Callable[[AppTest], None]) -> Callable[[AppTest], None]:
    """Filters, then a click on the big outlet's 'False' bar."""

    def clicked(at: AppTest) -> None:
        setter(at)
        pick = {"pick": [{"key": BIG_OUTLET, "status": Status.FALSE.value}]}
        at.session_state["dashboard_chart_outlet"] = {"selection": pick}

    return clicked


def filters(url: str) -> dict[str, Callable[[AppTest], None]]:
    """Every filter of the page, alone and combined, by name."""
    with get_engine(url).connect() as conn:
        article = conn.execute(sa.text("SELECT max(id) FROM article")).scalar()
    numeric = ClaimKind.NUMERIC
    return {
        "kind = numeric": _set(kind=numeric),
        "one year": _set(YEAR),
        "one month": _set(MONTH),
        "biggest outlet": _set(outlet=BIG_OUTLET),
        "one article": _set(article=article),
        "year + kind": _set(YEAR, kind=numeric),
        "biggest outlet + kind": _set(outlet=BIG_OUTLET, kind=numeric),
        "year + biggest outlet + kind": _set(YEAR, outlet=BIG_OUTLET, kind=numeric),
        "month + biggest outlet": _set(MONTH, outlet=BIG_OUTLET),
        "bar clicked, no filter": _click(_set()),
        "bar clicked, one year": _click(_set(YEAR)),
    }


def bench_filters(name: str, url: str) -> list[tuple[str, str, float, float]]:
    """For each filter, a fresh page: first run and median of cold runs (seconds)."""
    os.environ["FACTCHECK_DATABASE_URL"] = url
    rows = []
    for label, setter in filters(url).items():
        st.cache_data.clear()
        at = AppTest.from_file(str(APP), default_timeout=120)
        _open(at)
        _timed(at)  # the page unfiltered, so that its widgets exist
        st.cache_data.clear()
        setter(at)
        first = _timed(at)
        colds = []
        for _ in range(REPEAT):
            st.cache_data.clear()
            colds.append(_timed(at))
        rows.append((name, label, first, statistics.median(colds)))
    dispose_engine(url)
    return rows


def naive(url: str) -> tuple[float, int]:
    """Baseline: read every claim with its outlet and aggregate in pandas; time and bytes."""
    began = time.perf_counter()
    with get_engine(url).connect() as conn:
        frame = pd.read_sql(
            sa.text(
                "SELECT c.id, c.status, c.kind, c.article_id, c.speaker_id, a.outlet_id "
                "FROM claim c JOIN article a ON a.id = c.article_id"
            ),
            conn,
        )
    for by in ("outlet_id", "kind", "article_id", "speaker_id"):
        frame.groupby([by, "status"]).size()
    took = time.perf_counter() - began
    buffer = io.BytesIO()
    frame.to_feather(buffer)  # Arrow, as Streamlit would send the rows
    return took, buffer.tell()


def bench(name: str, url: str, claims: int) -> list[tuple[str, str, float, float]]:
    """Rows of (backend, measurement, value, baseline) for one database."""
    filled = prepare(url, claims)
    os.environ["FACTCHECK_DATABASE_URL"] = url
    st.cache_data.clear()
    at = AppTest.from_file(str(APP), default_timeout=120)
    _open(at)
    first = _timed(at)
    size = _chart_bytes(at)
    warm = _timed(at)
    # Medians over a few runs each: this machine is shared, one run can be off by a third.
    colds, after_writes = [], []
    for _ in range(REPEAT):
        st.cache_data.clear()
        colds.append(_timed(at))
        _review_one(url)
        after_writes.append(_timed(at))
    cold, after_write = statistics.median(colds), statistics.median(after_writes)
    at.session_state["dashboard_chart_outlet"] = {"selection": {"pick": [{"key": 1}]}}
    clicked = _timed(at)
    st.cache_data.clear()
    at.selectbox(key="dashboard_outlet").select_index(1)
    filtered = _timed(at)
    base_time, base_bytes = naive(url)
    dispose_engine(url)
    rows = [
        (name, "first page run, cold cache (s)", first, base_time),
        (name, f"page run, cold cache, median of {REPEAT} (s)", cold, base_time),
        (name, "page run, cached (s)", warm, base_time),
        (name, f"page run after a review, median of {REPEAT} (s)", after_write, base_time),
        (name, "page run, bar clicked (s)", clicked, base_time),
        (name, "page run, one outlet, cold (s)", filtered, base_time),
        (name, "chart data sent (KB)", size / 1024, base_bytes / 1024),
    ]
    if filled:
        rows.insert(0, (name, f"fill {claims:,} claims (s)", filled, 60.0))
    return rows


def _targets(claims: int, pg: str, sqlite: bool = True) -> list[tuple[str, str]]:
    """(name, URL) of each database holding ``claims`` claims."""
    targets = [("SQLite", f"sqlite:///{FOLDER}/dashboard-{claims}.db")] if sqlite else []
    if not pg and os.environ.get("FACTCHECK_TEST_PG"):
        host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
        pg = f"postgresql+psycopg://{user}@{host}:{port}/dashbench"
    if pg:
        targets.append(("PostgreSQL", f"{pg}_{claims}"))  # a database per size, kept
    return targets


def main() -> None:
    """Run on SQLite, and on PostgreSQL when FACTCHECK_TEST_PG or --pg is given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--pg", default="", help="PostgreSQL URL (default: FACTCHECK_TEST_PG)")
    parser.add_argument("--filters-only", action="store_true", help="only the rows per filter")
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    FOLDER.mkdir(exist_ok=True)
    rows: dict[int, list[tuple[str, str, float, float]]] = {}
    medians: dict[tuple[str, str], dict[int, float]] = {}
    baselines: dict[tuple[str, int], float] = {}
    for claims in args.claims:
        targets = _targets(claims, args.pg, args.sqlite)
        rows[claims] = []
        for name, url in targets:
            prepare(url, claims)
            if not args.filters_only:
                rows[claims] += bench(name, url, claims)
            baselines[(name, claims)] = naive(url)[0]
            for _, label, _, median in bench_filters(name, url):
                medians.setdefault((name, label), {})[claims] = median
    for claims, measured in rows.items():
        if not measured:
            continue
        print(f"\nDashboard at {claims:,} claims (baseline: read every claim into pandas)")
        print(f"{'database':<11} {'measurement':<44} {'value':>10} {'baseline':>10} {'ratio':>7}")
        for name, what, value, base in measured:
            ratio = value / base if base else float("nan")
            print(f"{name:<11} {what:<44} {value:>10.3f} {base:>10.3f} {ratio:>7.3f}")
    sizes = args.claims
    small, big = min(sizes), max(sizes)
    print(
        f"\nPage run per filter, cold cache, median of {REPEAT} (s); target ≤ {TARGET} s, "
        f"{big:,}/{small:,} ≤ {FLAT} ({RANKED} where a chart ranks articles or speakers)"
    )
    heads = "".join(f"{f'{n // 1000:,}k':>9}" for n in sizes)
    bases = "".join(f"{f'pd {n // 1000:,}k':>11}" for n in sizes)
    print(f"{'database':<11} {'filter':<30}{heads} {'ratio':>6}{bases}")
    for (name, label), by_size in medians.items():
        ratio = by_size[big] / by_size[small] if by_size.get(small) else float("nan")
        cells = "".join(f"{by_size[n]:>9.3f}" for n in sizes)
        base = "".join(f"{baselines[(name, n)]:>11.3f}" for n in sizes)
        print(f"{name:<11} {label:<30}{cells} {ratio:>6.2f}{base}")


if __name__ == "__main__":
    main()
