"""Benchmark: the Claims and Review pages and a status change at 100,000 claims.

    eval "$(bash .ci/postgres.sh)"      # for the PostgreSQL rows (optional)
    python tests/perf/bench_ui.py --claims 100000

Fills each database with tests/perf/generate.py (kept between runs in /tmp/factcheck-bench),
then runs the real app under AppTest, logged in as an editor, and reports server time per page
run (median of several runs after a first, cold one) and for a status change on the Review
page (click → saved → page shown again). Baseline in the same run: what a page that loads
every claim and pages in Python would pay (all claims of the database read through
list_claims' own query). Targets: ≤ 1 s per page run, ≤ 0.3 s per status change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.claims import ClaimFilter, claim_batches  # noqa: E402
from factcheck.db import dispose_engine, get_engine, session_scope  # noqa: E402
from factcheck.models import Status  # noqa: E402
from factcheck.ui.common import USER_KEY  # noqa: E402
from tests.perf.bench_dashboard import FOLDER, prepare  # noqa: E402

EDITOR_ID = 2  # generate.py: user 1 is the admin, 2 and 3 are editors
RUNS = 5


def open_app(start: str, **query: object) -> AppTest:
    """The app on page ``start``, logged in, after its first (cold) run."""
    at = AppTest.from_string(
        f"from factcheck.ui.main import run\nrun(start={start!r})\n", default_timeout=120
    )
    at.session_state[USER_KEY] = EDITOR_ID
    for name, value in query.items():
        at.query_params[name] = str(value)
    return at


def timed(action: Callable[[], object], at: AppTest) -> float:
    """Seconds ``action`` took; fails loudly when the page raised or showed an error."""
    began = time.perf_counter()
    action()
    took = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    if at.error:
        raise RuntimeError(at.error[0].value)
    return took


def median_runs(at: AppTest) -> float:
    """The median of RUNS page runs after the first."""
    return statistics.median(timed(at.run, at) for _ in range(RUNS))


def biggest_article(url: str) -> int:
    with get_engine(url).connect() as conn:
        return int(
            conn.execute(
                sa.text(
                    "SELECT article_id FROM claim GROUP BY article_id "
                    "ORDER BY count(*) DESC, article_id LIMIT 1"
                )
            ).scalar_one()
        )


def baseline(url: str) -> float:
    """Read every claim with its names, as a page without SQL paging would."""
    began = time.perf_counter()
    with session_scope(url, readonly=True) as session:
        rows = sum(len(b) for b in claim_batches(session, conditions=ClaimFilter().conditions()))
    assert rows > 0
    return time.perf_counter() - began


def warm_up() -> None:
    """One run of the login page, so the first timed run does not pay for Python's imports."""
    at = AppTest.from_string("from factcheck.ui.main import run\nrun()\n", default_timeout=120)
    at.run()


def claims_page() -> tuple[float, float, float, float]:
    """Cold run, warm runs, a filtered run, and the last page (deep OFFSET)."""
    at = open_app("claims")
    cold = timed(at.run, at)
    warm = median_runs(at)
    at.multiselect(key="claims_status").select(Status.UNREVIEWED)
    at.text_input(key="claims_search").input("district 5")
    filtered = timed(at.run, at)
    at.multiselect(key="claims_status").unselect(Status.UNREVIEWED)
    at.text_input(key="claims_search").input("")
    at.run()
    pages = at.number_input(key="claims_page")
    last = timed(lambda: pages.set_value(pages.max).run(), at)
    return cold, warm, filtered, last


def review_page(article_id: int) -> tuple[float, float, float]:
    """Cold run, warm runs, and a status change round-trip (median of RUNS)."""
    at = open_app("review", article=article_id)
    cold = timed(at.run, at)
    warm = median_runs(at)
    changes = []
    verdicts = [Status.IN_REVIEW, Status.VERIFIED] * RUNS
    for verdict in verdicts[:RUNS]:
        claim_id = at.selectbox(key="review_pick").value
        at.radio(key=f"status_{claim_id}_value").set_value(verdict)
        button = at.button(key=f"FormSubmitter:status_{claim_id}-Save verdict")
        changes.append(timed(lambda b=button: b.click().run(), at))  # type: ignore[misc]
    return cold, warm, statistics.median(changes)


def bench(name: str, url: str, claims: int) -> list[tuple[str, str, float, float]]:
    """Rows of (backend, measurement, seconds, baseline seconds)."""
    filled = prepare(url, claims)
    os.environ["FACTCHECK_DATABASE_URL"] = url
    article = biggest_article(url)
    base = baseline(url)
    warm_up()
    c_cold, c_warm, c_filtered, c_last = claims_page()
    r_cold, r_warm, change = review_page(article)
    dispose_engine(url)
    rows = [
        (name, "Claims page, first run", c_cold, base),
        (name, "Claims page, run (median)", c_warm, base),
        (name, "Claims page, status + search filter", c_filtered, base),
        (name, "Claims page, last page", c_last, base),
        (name, "Review page, first run", r_cold, base),
        (name, "Review page, run (median)", r_warm, base),
        (name, "status change → page shown (median)", change, base),
    ]
    if filled:
        rows.insert(0, (name, f"fill {claims:,} claims", filled, filled))
    return rows


def main() -> None:
    """Run on SQLite, and on PostgreSQL when FACTCHECK_TEST_PG or --pg is given."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--pg", default="", help="PostgreSQL URL (default: FACTCHECK_TEST_PG)")
    args = parser.parse_args()
    FOLDER.mkdir(exist_ok=True)
    targets = [("SQLite", f"sqlite:///{FOLDER}/ui-{args.claims}.db")]
    pg = args.pg
    if not pg and os.environ.get("FACTCHECK_TEST_PG"):
        host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
        pg = f"postgresql+psycopg://{user}@{host}:{port}/uibench"
    if pg:
        targets.append(("PostgreSQL", pg))
    rows = [row for name, url in targets for row in bench(name, url, args.claims)]
    print(f"\nReviewer pages at {args.claims:,} claims, server time in seconds")
    print("(baseline: reading every claim, as a page without SQL paging would)")
    print(f"{'database':<11} {'measurement':<38} {'seconds':>8} {'baseline':>9} {'ratio':>7}")
    for name, what, value, base in rows:
        print(f"{name:<11} {what:<38} {value:>8.3f} {base:>9.3f} {value / base:>7.3f}")


if __name__ == "__main__":
    main()
