"""Fill a migrated database with a realistic synthetic newsroom, fast (bulk inserts, no ORM).

    python tests/perf/generate.py sqlite:///db/bench.db --claims 1000000

About ten claims per article, thirty outlets, a few thousand speakers (a few of them quoted
very often), two years of articles, about 45% of claims reviewed by two dozen reviewers, and
one event per article and per status change, as the services would have written them.
SQLite gets ``executemany`` of plain tuples in one transaction, with the journal and syncing
off (a throwaway file); PostgreSQL gets ``COPY``. The secondary indexes of the big tables are
dropped before the load and created again after it from the definitions the migrations left
in the database (one sort each instead of millions of random B-tree inserts), then the
dashboard's count tables are built from the rows (factcheck.counts.rebuild), as migration
0007 does, then the claims' triage points (factcheck.triage.refresh_points, as migration 0013
does), and the planner's statistics gathered.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from factcheck.counts import rebuild
from factcheck.db import database_url, dispose_engine, get_engine, session_scope
from factcheck.groups import claim_keys
from factcheck.migrate import upgrade
from factcheck.models import ClaimKind
from factcheck.names import name_key
from factcheck.triage import refresh_points

OUTLETS = [
    "Valley Post", "Harbour Herald", "Northern Ledger", "Capital Wire", "Metro Daily",
    "Coastal Times", "Plains Gazette", "River Courier", "Evening Standard-Bearer",
    "The Morning Lamp", "Civic Monitor", "Frontier Tribune", "Island Dispatch",
    "Summit Review", "Lowland Observer", "Borough Bulletin", "Quarry News", "Delta Record",
    "Orchard Express", "Granite Journal", "Ministry of Health", "Interior Ministry",
    "Statistics Office", "Relief Coalition", "Central Press Agency", "Allied Newswire",
    "Weekly Lens", "Pier Chronicle", "Highland Echo", "Market Sentinel",
]  # fmt: skip
MEASURES = [
    ("deaths", "people"), ("hostages", "people"), ("people displaced", "people"),
    ("injured", "people"), ("rainfall", "millimetre"), ("budget", "USD"),
    ("homes destroyed", "buildings"), ("aid trucks", "trucks"), ("unemployment rate", "%"),
    ("inflation", "%"), ("arrests", "people"), ("votes cast", "votes"),
]  # fmt: skip
VERBS = ["said", "told reporters", "according to", "claimed", "insisted", "wrote"]
# Share of claims in each status after review has been going for a while.
STATUS_WEIGHTS = {
    "unreviewed": 55, "in_review": 8, "verified": 20, "false": 5, "misleading": 5,
    "unverifiable": 4, "not_a_claim": 3,
}  # fmt: skip
SPAN_DAYS = 730
# The archive ends today, so the dashboard's last 90 days of review activity are full of the
# generated reviews, also after a benchmark has reviewed a claim of its own today.
END = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
START = END - timedelta(days=SPAN_DAYS)


def _stamp(moment: datetime, sqlite: bool) -> str:
    # SQLAlchemy stores SQLite datetimes as naive UTC text ('YYYY-MM-DD HH:MM:SS.ffffff');
    # PostgreSQL takes ISO with offset.
    text = moment.isoformat(" ", "microseconds")
    return text[:26] if sqlite else text


def _paragraph(rng: random.Random, serial: int) -> str:
    measure, unit = rng.choice(MEASURES)
    return (
        f"Officials counted {rng.randint(2, 90_000):,} {measure} in district {serial % 97}. "
        f"Residents described the week as the hardest since {rng.randint(1980, 2020)}, and "
        f"aid groups said supplies of {unit} would run short by the end of the month. "
    )


@functools.cache
def _keys(numeric: bool, measure: str, unit: str, speaker_id: int | None) -> tuple[Any, Any]:
    """The measure key and group key the claim services would store (factcheck.groups)."""
    kind = ClaimKind.NUMERIC if numeric else ClaimKind.ATTRIBUTED
    keys = claim_keys(
        kind=kind,
        measure=measure if numeric else None,
        unit=unit if numeric else None,
        days=None,
        value=1.0 if numeric else None,
        lower=None,
        speaker_id=speaker_id,
    )
    return keys["measure_key"], keys["group_key"]


class Generator:
    """Rows for each table, drawn from one seeded random source."""

    def __init__(self, claims: int, seed: int = 6) -> None:
        self.rng = random.Random(seed)
        self.claims = claims
        self.articles = max(1, claims // 10)
        self.speakers = max(10, claims // 400)
        self.reviewers = 24

    def users(self, sqlite: bool) -> list[tuple[Any, ...]]:
        """An admin, two editors and the reviewers."""
        now = _stamp(START, sqlite)
        rows = [(1, "admin@bench.test", "Bench Admin", "admin", None, True, now)]
        for i in range(2, self.reviewers + 2):
            role = "editor" if i < 4 else "reviewer"
            rows.append((i, f"reviewer{i}@bench.test", f"Reviewer {i:02d}", role, None, True, now))
        return rows

    def outlets(self) -> list[tuple[Any, ...]]:
        """Thirty outlets."""
        kinds = ["news"] * 20 + ["official"] * 4 + ["other"] * 2 + ["agency"] * 2 + ["news"] * 2
        return [(i + 1, name, None, kinds[i], name_key(name)) for i, name in enumerate(OUTLETS)]

    def speaker_rows(self) -> list[tuple[Any, ...]]:
        """Speakers; the first few are the ones every story quotes."""
        names = [f"Speaker {i:05d}" for i in range(1, self.speakers + 1)]
        return [
            (i, name, "person" if i % 5 else "organisation", "[]", name_key(name))
            for i, name in enumerate(names, start=1)
        ]

    def article_dates(self) -> list[datetime]:
        """Publication times spread over two years, busier in recent months."""
        return [
            START + timedelta(days=SPAN_DAYS * self.rng.random() ** 0.7, hours=self.rng.random())
            for _ in range(self.articles)
        ]

    def article_rows(self, dates: Sequence[datetime], sqlite: bool) -> Iterator[tuple[Any, ...]]:
        """Articles of five short paragraphs each, weighted towards the bigger outlets."""
        rng = self.rng
        for i, when in enumerate(dates, start=1):
            outlet = min(30, int(rng.paretovariate(0.9)))
            text = "".join(_paragraph(rng, i + p) for p in range(5)) + f"(story {i})"
            yield (
                i, outlet, f"Story {i}: the week in district {i % 97}", None, None,
                _stamp(when, sqlite), text, f"{i:064x}", "en", _stamp(when, sqlite), 1,
            )  # fmt: skip

    def claim_and_event_rows(
        self, dates: Sequence[datetime], sqlite: bool
    ) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
        """Each claim with the status-change events that brought it to its status."""
        rng = self.rng
        statuses = list(STATUS_WEIGHTS)
        weights = list(STATUS_WEIGHTS.values())
        for cid in range(1, self.claims + 1):
            article = (cid - 1) * self.articles // self.claims + 1
            published = dates[article - 1]
            numeric = rng.random() < 0.6
            status = rng.choices(statuses, weights)[0]
            speaker = min(self.speakers, int(rng.paretovariate(0.6)))
            measure, unit = rng.choice(MEASURES)
            value = float(round(rng.lognormvariate(6, 2))) if numeric else None
            quote = f"{value:,.0f} {measure}" if numeric else "the situation is under control"
            sentence = f"{quote.capitalize()}, Speaker {speaker:05d} {rng.choice(VERBS)}."
            speaker_id = speaker if rng.random() < 0.85 else None
            keys = _keys(numeric, measure, unit, speaker_id)
            reviewer = rng.randint(2, self.reviewers + 1) if status != "unreviewed" else None
            reviewed_at = min(published + timedelta(hours=rng.expovariate(1 / 36)), END)
            claim = (
                cid, article, "numeric" if numeric else "attributed", 10, 10 + len(quote),
                quote, sentence, speaker_id, True,
                "direct" if not numeric else None, rng.choice(VERBS), value, value, value,
                None, unit if numeric else None, measure if numeric else None, None,
                round(rng.uniform(0.5, 1), 2), status, reviewer, 1 if reviewer is None else 2,
                "extracted", _stamp(published, sqlite),
                _stamp(reviewed_at if reviewer else published, sqlite),
                f"Speaker {speaker_id:05d}" if speaker_id else None, *keys,
            )  # fmt: skip
            events = []
            if reviewer is not None:
                events.append(
                    (
                        reviewer, _stamp(reviewed_at, sqlite), "claim.status", "claim", cid, cid,
                        json.dumps({"status": "unreviewed"}),
                        json.dumps({"status": status, "version": 2}),
                    )
                )  # fmt: skip
            yield claim, events


USER_COLS = "id, email, display_name, role, password_hash, active, created_at"
OUTLET_COLS = "id, name, url, kind, key"
SPEAKER_COLS = "id, name, kind, aliases, key"
ARTICLE_COLS = (
    "id, outlet_id, title, url, author, published_at, text, sha256, language, ingested_at, "
    "ingested_by_id"
)
CLAIM_COLS = (
    'id, article_id, kind, "start", "end", quote, sentence, speaker_id, speaker_resolved, '
    'attribution, cue, value, "lower", "upper", qualifier, unit, measure, days, confidence, '
    "status, assignee_id, version, origin, created_at, updated_at, speaker_name, measure_key, "
    "group_key"
)
EVENT_COLS = "actor_id, at, action, entity, entity_id, claim_id, before, after"
CHUNK = 50_000


def _chunks(rows: Iterator[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Writer:
    """Bulk inserts on one raw DBAPI connection: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, raw: Any, sqlite: bool) -> None:
        self.raw = raw
        self.sqlite = sqlite
        self.cur = raw.cursor()

    def insert(self, table: str, cols: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert ``rows`` into ``table``."""
        if self.sqlite:
            marks = ", ".join("?" * (cols.count(",") + 1))
            self.cur.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', rows)
            return
        with self.cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)


def _events(article_rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [
        (1, row[9], "article.ingest", "article", row[0], None, None, json.dumps({"claims": 10}))
        for row in article_rows
    ]


BULK_TABLES = ("article", "claim", "event")
# A throwaway file: no journal, no syncing, no foreign-key lookups, a 1 GB page cache.
PRAGMAS = ("journal_mode = OFF", "synchronous = OFF", "foreign_keys = OFF", "cache_size = -1048576")


def _indexes(cur: Any, sqlite: bool) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the big tables' secondary indexes, as migrated."""
    if sqlite:
        cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN (?, ?, ?)",
            BULK_TABLES,
        )
    else:  # not the ones behind a constraint (primary keys, unique): those stay
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            [list(BULK_TABLES)],
        )
    return [(name, sql) for name, sql in cur.fetchall()]


def _fill(out: Writer, gen: Generator, sqlite: bool) -> dict[str, int]:
    counts = {"claim": 0, "event": 0, "article": 0}
    out.insert("user", USER_COLS, gen.users(sqlite))
    out.insert("outlet", OUTLET_COLS, gen.outlets())
    out.insert("speaker", SPEAKER_COLS, gen.speaker_rows())
    dates = gen.article_dates()
    for batch in _chunks(gen.article_rows(dates, sqlite)):
        out.insert("article", ARTICLE_COLS, batch)
        out.insert("event", EVENT_COLS, _events(batch))
        counts["article"] += len(batch)
        counts["event"] += len(batch)
    for batch in _chunks(gen.claim_and_event_rows(dates, sqlite)):
        out.insert("claim", CLAIM_COLS, [claim for claim, _ in batch])
        events = [event for _, evs in batch for event in evs]
        # Events go in time order within a batch, as the app would have written them.
        events.sort(key=lambda e: e[1])
        out.insert("event", EVENT_COLS, events)
        counts["claim"] += len(batch)
        counts["event"] += len(events)
    return counts


def generate(url: str, *, claims: int, seed: int = 6) -> dict[str, int]:
    """Migrate ``url`` and fill it; returns the row count of each table written.

    On SQLite the file is a throwaway: written with no journal and no syncing.
    """
    upgrade(url)
    engine = get_engine(url)
    sqlite = engine.dialect.name == "sqlite"
    gen = Generator(claims, seed)
    raw = engine.raw_connection()
    try:
        out = Writer(raw.driver_connection, sqlite)
        indexes = _indexes(out.cur, sqlite)
        if sqlite:
            for pragma in PRAGMAS:
                out.cur.execute(f"PRAGMA {pragma}")
            out.cur.execute("BEGIN")
        for name, _ in indexes:
            out.cur.execute(f'DROP INDEX "{name}"')
        counts = _fill(out, gen, sqlite)
        for _, create in indexes:
            out.cur.execute(create)
        if sqlite:
            out.cur.execute("COMMIT")
        else:
            for table in ("user", "outlet", "speaker", "article", "claim"):
                out.cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'(SELECT max(id) FROM "{table}"))'
                )
            out.raw.commit()
    finally:
        raw.close()
    with session_scope(url) as session:
        rebuild(session)
        refresh_points(session)  # the stored triage points, as the services would keep them
        session.commit()
    analyse(url)
    dispose_engine(url)
    return counts


def analyse(url: str) -> None:
    """Statistics for the planner on every table (after a bulk fill), as the migrations
    leave them.

    SQLite keeps them in a table, written in a transaction that must commit (the engine
    begins one even in AUTOCOMMIT mode); PostgreSQL's VACUUM runs outside any transaction.
    """
    engine = get_engine(url)
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def main() -> None:
    """Command line: the database URL (default: FACTCHECK_DATABASE_URL) and how many claims."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", nargs="?", default=None)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    url = args.url or database_url()
    began = time.perf_counter()
    counts = generate(url, claims=args.claims, seed=args.seed)
    took = time.perf_counter() - began
    print(f"{url}: " + ", ".join(f"{n:,} {t}s" for t, n in counts.items()) + f" in {took:.1f} s")


if __name__ == "__main__":
    main()
