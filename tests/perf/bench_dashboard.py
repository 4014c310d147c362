"""Benchmark: the Dashboard page at 1,000,000 and 5,000,000 claims, on SQLite and PostgreSQL.

    eval "$(bash .ci/postgres.sh)"      # for the PostgreSQL rows (optional)
    python tests/perf/bench_dashboard.py --claims 1000000 5000000 [--filters-only]
    python tests/perf/bench_dashboard.py --claims 5000000 --no-sqlite --fill-only  # fill only

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

Every table is printed with the load averages of the machine (1, 5, 15 minutes) before and
after it was measured: on a shared machine a figure taken at a load above the number of cores
is several times its unloaded value. The figures measured last are in the README (Dashboard
benchmark).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
import streamlit as st
from streamlit import logger
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from factcheck import dashboard as board  # noqa: E402
from factcheck.claims import edit_claim  # noqa: E402
from factcheck.db import dispose_engine, get_engine, session_scope  # noqa: E402
from factcheck.groups import conflict_count  # noqa: E402
from factcheck.migrate import upgrade  # noqa: E402
from factcheck.models import ClaimKind, Status  # noqa: E402
from factcheck.review import set_status  # noqa: E402
from factcheck.ui.dashboard import ACTIVITY_DAYS  # noqa: E402
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
        _rare_figures(url)
        return 0.0
    dispose_engine(url)
    if url.startswith("postgresql"):
        _create_pg_database(url)
    else:
        Path(sa.make_url(url).database or "").unlink(missing_ok=True)
    began = time.perf_counter()
    generate(url, claims=claims)
    took = time.perf_counter() - began
    _rare_figures(url)
    return took


RARE = "ferry crossings"  # a measure only a few figures of the archive have


def _rare_figures(url: str, figures: int = 6) -> None:
    """Make a few figures spread over the archive (oldest to newest) count RARE, as an
    editor correcting them would (claims.edit_claim): the generator's measures are all common.
    Done once per database."""
    with session_scope(url) as session:
        if board.measure_keys(session, RARE):
            return
        last = session.execute(sa.text("SELECT max(id) FROM claim")).scalar() or 0
        admin = get_user(session, email="admin@bench.test")
        for n in range(figures):
            claim_id, version = session.execute(
                sa.text(
                    "SELECT id, version FROM claim WHERE id >= :at AND kind = 'numeric' "
                    "AND value IS NOT NULL AND status = 'unreviewed' ORDER BY id LIMIT 1"
                ),
                {"at": 1 + n * last // figures},
            ).one()
            edit_claim(
                session, claim_id=claim_id, seen_version=version, by=admin, measure=RARE, unit=""
            )


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


LAST_YEAR = date.today().year - 1  # the generator's articles span the two years up to today
YEAR = (date(LAST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))
MONTH = (date(LAST_YEAR, 6, 1), date(LAST_YEAR, 6, 30))
BIG_OUTLET = 1  # about half of all articles


@dataclass(frozen=True)
class Filter:
    """One filter of the page: the widgets set, and maybe a click on the big outlet's 'False'."""

    dates: tuple[date, date] | None = None
    outlet: int | None = None
    article: int | None = None
    kind: ClaimKind | None = None
    clicked: bool = False
    measure: str = ""  # the figures search

    def set(self, at: AppTest) -> None:
        """Set the filter widgets (date range, outlet / article / kind) and the clicked bar."""
        if self.dates:
            at.date_input(key="dashboard_dates").set_value(self.dates)
        for name in ("outlet", "article", "kind"):
            if getattr(self, name) is not None:
                at.selectbox(key=f"dashboard_{name}").set_value(getattr(self, name))
        if self.clicked:
            pick = {"pick": [{"key": BIG_OUTLET, "status": Status.FALSE.value}]}
            at.session_state["dashboard_chart_outlet"] = {"selection": pick}
        if self.measure:
            at.text_input(key="dashboard_measure").set_value(self.measure)

    def where(self) -> board.DashboardFilter:
        """The services' filter for these widgets."""
        start, end = self.dates or (None, None)
        return board.DashboardFilter(
            start=start, end=end, outlet_id=self.outlet, article_id=self.article, kind=self.kind
        )

    def selections(self) -> list[board.Selection]:
        """The clicked bar, as the page hands it to the claims table."""
        return [board.Selection("outlet", BIG_OUTLET, Status.FALSE)] if self.clicked else []


def filters(url: str) -> dict[str, Filter]:
    """Every filter of the page, alone and combined, by name."""
    with get_engine(url).connect() as conn:
        article = conn.execute(sa.text("SELECT max(id) FROM article")).scalar()
    numeric = ClaimKind.NUMERIC
    return {
        "kind = numeric": Filter(kind=numeric),
        "one year": Filter(YEAR),
        "one month": Filter(MONTH),
        "biggest outlet": Filter(outlet=BIG_OUTLET),
        "one article": Filter(article=article),
        "year + kind": Filter(YEAR, kind=numeric),
        "biggest outlet + kind": Filter(outlet=BIG_OUTLET, kind=numeric),
        "year + biggest outlet + kind": Filter(YEAR, BIG_OUTLET, kind=numeric),
        "month + biggest outlet": Filter(MONTH, BIG_OUTLET),
        "bar clicked, no filter": Filter(clicked=True),
        "bar clicked, one year": Filter(YEAR, clicked=True),
        "figures about 'hostages'": Filter(measure="hostages"),
        "figures, month + outlet": Filter(MONTH, BIG_OUTLET, measure="hostages"),
        "figures, a rare measure": Filter(measure=RARE),
        "figures, rare + one year": Filter(YEAR, measure=RARE),
        "figures, no such measure": Filter(measure="icebergs sighted"),
    }


def _queries(url: str, spec: Filter) -> dict[str, float]:
    """Seconds of each service call one cold page run makes for ``spec`` (no Streamlit)."""
    where, took = spec.where(), {}

    def timed(name: str, call: Callable[[Session], object]) -> None:
        began = time.perf_counter()
        with session_scope(url, readonly=True) as session:
            call(session)
        took[name] = time.perf_counter() - began

    timed(
        "choices",
        lambda s: (board.outlet_choices(s), board.article_choices(s, outlet_id=spec.outlet)),
    )
    timed("version", board.data_version)
    timed("tally", lambda s: board.status_tally(s, where=where))
    timed("by article", lambda s: board.status_by(s, where=where, by="article"))
    timed("by speaker", lambda s: board.status_by(s, where=where, by="speaker"))
    timed("activity", lambda s: board.review_activity(s, where=where, days=ACTIVITY_DAYS))
    timed("conflicts", conflict_count)
    timed("claims", lambda s: board.claims_table(s, where=where, selections=spec.selections()))
    if spec.measure:
        timed("figures", lambda s: board.figures(s, where=where, measure=spec.measure))
    return took


@dataclass(frozen=True)
class FilterRun:
    """One filter's cold page run and the service calls inside it (medians, seconds)."""

    page: float
    queries: float
    slowest: str  # the service call that took longest, e.g. "claims 0.120"


def bench_filters(url: str, only: str = "") -> dict[str, FilterRun]:
    """For each filter (whose name holds ``only``), a fresh page: the median of cold page
    runs, and of its queries alone."""
    os.environ["FACTCHECK_DATABASE_URL"] = url
    found = {}
    for label, spec in filters(url).items():
        if only not in label:
            continue
        st.cache_data.clear()
        at = AppTest.from_file(str(APP), default_timeout=120)
        _open(at)
        _timed(at)  # the page unfiltered, so that its widgets exist
        spec.set(at)
        colds = []
        for _ in range(REPEAT):
            st.cache_data.clear()
            colds.append(_timed(at))
        calls = [_queries(url, spec) for _ in range(REPEAT)]
        parts = {k: statistics.median(c[k] for c in calls) for k in calls[0]}
        slowest = max(parts, key=parts.__getitem__)
        found[label] = FilterRun(
            page=statistics.median(colds),
            queries=statistics.median(sum(c.values()) for c in calls),
            slowest=f"{slowest} {parts[slowest]:.3f}",
        )
    dispose_engine(url)
    return found


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


def bench(name: str, url: str, claims: int, filled: float) -> list[tuple[str, str, float, float]]:
    """Rows of (backend, measurement, value, baseline) for one database filled in ``filled``
    seconds (0: kept from an earlier run)."""
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


def _targets(
    claims: int, pg: str, sqlite: bool = True, folder: Path = FOLDER
) -> list[tuple[str, str]]:
    """(name, URL) of each database holding ``claims`` claims."""
    targets = [("SQLite", f"sqlite:///{folder}/dashboard-{claims}.db")] if sqlite else []
    if not pg and os.environ.get("FACTCHECK_TEST_PG"):
        host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
        pg = f"postgresql+psycopg://{user}@{host}:{port}/dashbench"
    if pg:
        targets.append(("PostgreSQL", f"{pg}_{claims}"))  # a database per size, kept
    return targets


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def _print_loads(loads: dict[tuple[str, int], str], claims: int | None = None) -> None:
    """The load averages (1, 5, 15 min) before → after each database was measured."""
    print(f"{date.today()}, {os.cpu_count()} cores; load averages before → after:")
    for (name, size), load in loads.items():
        if claims is None or size == claims:
            print(f"  {name} {size:,}: {load}")


def main() -> None:
    """Run on SQLite, and on PostgreSQL when FACTCHECK_TEST_PG or --pg is given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--pg", default="", help="PostgreSQL URL (default: FACTCHECK_TEST_PG)")
    parser.add_argument("--filters-only", action="store_true", help="only the rows per filter")
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--folder", type=Path, default=FOLDER, help="where the SQLite files are")
    parser.add_argument("--only", default="", help="only the filters whose name holds this")
    parser.add_argument("--fill-only", action="store_true", help="fill the databases, no runs")
    args = parser.parse_args()
    logger.set_log_level("error")  # cache_data.clear() outside a server warns every time
    args.folder.mkdir(exist_ok=True)
    rows: dict[int, list[tuple[str, str, float, float]]] = {}
    runs: dict[tuple[str, str], dict[int, FilterRun]] = {}
    baselines: dict[tuple[str, int], float] = {}
    loads: dict[tuple[str, int], str] = {}
    for claims in args.claims:
        rows[claims] = []
        for name, url in _targets(claims, args.pg, args.sqlite, args.folder):
            filled = prepare(url, claims)
            if args.fill_only:
                print(f"{name} {claims:,}: filled in {filled:.0f} s (0: kept), load {_load()}")
                continue
            loads[(name, claims)] = _load()
            for label, run in bench_filters(url, args.only).items():
                runs.setdefault((name, label), {})[claims] = run
            if not args.filters_only:  # after the filters: it reviews claims
                rows[claims] += bench(name, url, claims, filled)
            baselines[(name, claims)] = naive(url)[0]
            loads[(name, claims)] += f" → {_load()}"
    for claims, measured in rows.items():
        if not measured:
            continue
        print(f"\nDashboard at {claims:,} claims (baseline: read every claim into pandas)")
        _print_loads(loads, claims)
        print(f"{'database':<11} {'measurement':<44} {'value':>10} {'baseline':>10} {'ratio':>7}")
        for name, what, value, base in measured:
            ratio = value / base if base else float("nan")
            print(f"{name:<11} {what:<44} {value:>10.3f} {base:>10.3f} {ratio:>7.3f}")
    _print_filters(runs, baselines, args.claims)
    _print_loads(loads)


def _print_filters(
    runs: dict[tuple[str, str], dict[int, FilterRun]],
    baselines: dict[tuple[str, int], float],
    sizes: list[int],
) -> None:
    """The table of cold page runs per filter at each size, with the ratio and the baseline."""
    small, big = min(sizes), max(sizes)
    print(
        f"\nCold page run per filter, median of {REPEAT} (s), and the queries inside it run "
        f"alone; target ≤ {TARGET} s, {big // 1000:,}k/{small // 1000:,}k ≤ {FLAT} "
        f"({RANKED} where a chart ranks articles or speakers)"
    )
    heads = "".join(f"{f'page {n // 1000:,}k':>11}{f'sql {n // 1000:,}k':>10}" for n in sizes)
    print(f"{'database':<11} {'filter':<29}{heads} {'ratio':>6}  slowest call (biggest size)")
    for (name, label), by_size in runs.items():
        both = small in by_size and big in by_size
        ratio = by_size[big].page / by_size[small].page if both else float("nan")
        cells = "".join(
            f"{by_size[n].page:>11.3f}{by_size[n].queries:>10.3f}" if n in by_size else " " * 21
            for n in sizes
        )
        print(f"{name:<11} {label:<29}{cells} {ratio:>6.2f}  {by_size[max(by_size)].slowest}")
    for name in dict.fromkeys(n for n, _ in baselines):
        pandas = "".join(f"{baselines.get((name, n), float('nan')):>21.3f}" for n in sizes)
        print(f"{name:<11} {'pandas baseline':<29}{pandas}")


if __name__ == "__main__":
    main()
