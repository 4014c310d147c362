"""Grouping benchmark: what claim groups cost at ingest, and whether that cost grows.

    python tests/perf/bench_groups.py [--articles 10000] [--stories 500] [--big 100000]

1. Ingest ``--articles`` invented articles in ``--stories`` stories (extraction included,
   fresh SQLite file), grouping off then on: one article per transaction (a reviewer pasting
   articles) and BATCH_ARTICLES per transaction (what `factcheck ingest FOLDER` writes).
   Goal: on ≤ 1.3× off.
2. Grouping cost per article when the database already holds ``--articles`` and ``--big``
   articles (filled by bulk insert with the same kinds of claims and keys): the time of
   factcheck.groups.group_articles for 200 new articles. Goal: flat.
The Stories page at a million claims: tests/perf/bench_stories.py.
Prints a table of figures and ratios; never fails on time.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

Piece = tuple[str, str, str, datetime]  # outlet, title, text, published
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "ma",
    "len",
    "dor",
    "vas",
    "el",
    "un",
    "ber",
    "mo",
    "sa",
    "tin",
    "gra",
    "pol",
    "ve",
    "ost",
    "lim",
    "nar",
    "ju",
]
OUTLETS = [f"Outlet {i}" for i in range(40)]
START = datetime(2024, 1, 1, 8, tzinfo=UTC)
PASSWORD = "correct horse battery"  # the bench users only need to pass the policy


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).title()


def story_articles(count: int, stories: int, seed: int = 10) -> list[Piece]:
    """(outlet, title, text, published) of ``count`` articles spread over ``stories`` stories."""
    rng = random.Random(seed)
    plans = []
    for _ in range(stories):
        place, person = _name(rng), f"{_name(rng)} {_name(rng)}"
        plans.append((place, person, rng.randint(20, 900), rng.choice((30, 45, 60, 90, 135))))
    out = []
    for i in range(count):
        s = i % stories
        place, person, toll, days = plans[s]
        day = START + timedelta(days=s * 0.7 + rng.random() * 6, hours=i % 24)
        toll_words = rng.choice(
            (f"killed {toll} people", f"left {toll} dead", f"killed some {toll} people")
        )
        text = (
            f"Fighting near {place} {toll_words}, officials in {place} said on Monday. "
            f"A {days}-day truce was agreed in {place} after talks. "
            f'"We will rebuild {place} street by street," {person} said in {place}. '
            f"About {rng.randint(2, 90) * 100} people fled their homes, aid groups said. "
            f"Report {i} from {place} by {rng.choice(OUTLETS)}."
        )
        out.append((rng.choice(OUTLETS), f"{place}: report {i}", text, day))
    return out


def ingest(url: str, articles: list[Piece], grouping: bool, batch: int) -> tuple[float, float]:
    """Wall and CPU seconds to store every article (extraction included), ``batch`` articles
    per transaction: 1 is a reviewer pasting articles one by one, BATCH_ARTICLES is what
    `factcheck ingest FOLDER` writes at once. CPU time is printed too: on a shared machine
    wall time mostly measures the others."""
    from factcheck.articles import NewArticle, add_articles
    from factcheck.db import dispose_engine, session_scope
    from factcheck.extract import extract_claims
    from factcheck.migrate import upgrade
    from factcheck.models import Role
    from factcheck.users import add_user

    os.environ["FACTCHECK_GROUPING"] = "1" if grouping else "0"
    upgrade(url)
    with session_scope(url) as session:
        user = add_user(
            session, email="bench@newsroom.test", role=Role.ADMIN, password=PASSWORD, by=None
        )
        start, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(articles), batch):
            items = [
                NewArticle(
                    title=title,
                    text=text,
                    claims=extract_claims(text),
                    outlet=outlet,
                    published_at=day,
                )
                for outlet, title, text, day in articles[first : first + batch]
            ]
            add_articles(session, items=items, by=user)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    dispose_engine(url)
    os.environ.pop("FACTCHECK_GROUPING", None)
    return seconds, cpu


def fill(url: str, articles: int, stories: int) -> None:
    """Bulk-insert ``articles`` articles with their claims and keys (as ingest would store)."""
    import sqlalchemy as sa

    from factcheck.articles import _claim_row, text_sha256
    from factcheck.comparable import topics
    from factcheck.db import dispose_engine, get_engine
    from factcheck.extract import extract_claims
    from factcheck.migrate import upgrade
    from factcheck.models import Article, Claim, Outlet

    upgrade(url)
    engine = get_engine(url)
    samples = story_articles(stories * 4, stories)
    found = {i: extract_claims(text) for i, (_, _, text, _) in enumerate(samples)}
    with engine.begin() as conn:
        conn.execute(
            sa.insert(Outlet.__table__),
            [{"name": o, "key": o.lower(), "kind": "news"} for o in OUTLETS],
        )  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    for chunk in range(0, articles, 5000):
        article_rows, claim_rows = [], []
        for n in range(chunk, min(articles, chunk + 5000)):
            outlet, title, text, day = samples[n % len(samples)]
            text = f"{text} Edition {n}."
            article_rows.append(
                {
                    "id": n + 1,
                    "outlet_id": OUTLETS.index(outlet) + 1,
                    "title": title,
                    "text": text,
                    "sha256": text_sha256(text),
                    "language": "en",
                    "published_at": day + timedelta(days=n // len(samples) * 3),
                    "ingested_at": now,
                    "topics": topics(title, text),
                }
            )
            fake = Article(id=n + 1, published_at=day, title=title, text=text, sha256="")
            claim_rows.extend(_claim_row(fake, f, None, now) for f in found[n % len(samples)])
        with engine.begin() as conn:
            conn.execute(sa.insert(Article.__table__), article_rows)  # type: ignore[attr-defined]
            conn.execute(sa.insert(Claim.__table__), claim_rows)  # type: ignore[attr-defined]
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE") if engine.dialect.name == "sqlite" else None
    dispose_engine(url)


def grouping_cost(url: str, stories: int, new: int = 200) -> float:
    """CPU milliseconds of group_articles per article for ``new`` articles stored on top."""
    from factcheck.articles import add_article
    from factcheck.db import dispose_engine, session_scope
    from factcheck.extract import extract_claims
    from factcheck.groups import group_articles
    from factcheck.models import Role
    from factcheck.users import add_user

    os.environ["FACTCHECK_GROUPING"] = "0"  # store first, then time the grouping alone
    spent = 0.0
    with session_scope(url) as session:
        user = add_user(
            session, email="cost@newsroom.test", role=Role.ADMIN, password=PASSWORD, by=None
        )
        for outlet, title, text, day in story_articles(new, stories, seed=99):
            article = add_article(
                session,
                title=title,
                text=text + " (new)",
                by=user,
                claims=extract_claims(text + " (new)"),
                outlet=outlet,
                published_at=day + timedelta(days=60),
            )
            start = time.process_time()
            group_articles(session, article_ids=[article.id or 0])
            session.commit()
            spent += time.process_time() - start
    os.environ.pop("FACTCHECK_GROUPING", None)
    dispose_engine(url)
    return spent / new * 1000


def main() -> None:
    """Run both parts and print their tables."""
    from factcheck.ingest.batch import BATCH_ARTICLES

    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()
    n = args.articles
    with tempfile.TemporaryDirectory() as folder:
        articles = story_articles(n, args.stories)
        print(f"\n1. Ingest of {n:,} articles in {args.stories} stories (SQLite)")
        print(
            f"{'per transaction':<17}{'grouping':<10}{'wall s':>9}{'CPU s':>9}"
            f"{'CPU ms/article':>16}{'CPU ratio':>11}"
        )
        for batch in (1, BATCH_ARTICLES):
            off, off_cpu = ingest(f"sqlite:///{folder}/off{batch}.db", articles, False, batch)
            on, on_cpu = ingest(f"sqlite:///{folder}/on{batch}.db", articles, True, batch)
            for name, wall, cpu in (("off", off, off_cpu), ("on", on, on_cpu)):
                print(
                    f"{batch:<17}{name:<10}{wall:>9.1f}{cpu:>9.1f}{cpu / n * 1000:>16.2f}"
                    f"{cpu / off_cpu:>11.2f}" + ("  goal ≤ 1.3" if name == "on" else "")
                )
        print("\n2. Grouping cost per new article by database size (SQLite)")
        print(f"{'articles':>10}{'claims':>10}{'CPU ms/article':>16}{'ratio':>8}")
        base = None
        for size in (args.articles, args.big):
            url = f"sqlite:///{folder}/fill{size}.db"
            fill(url, size, args.stories)
            cost = grouping_cost(url, args.stories)
            base = base or cost
            claims = _count(url)
            print(f"{size:>10,}{claims:>10,}{cost:>16.2f}{cost / base:>8.2f}  goal: flat")


def _count(url: str) -> int:
    from sqlmodel import func, select

    from factcheck.db import session_scope
    from factcheck.models import Claim

    with session_scope(url, readonly=True) as session:
        return session.exec(select(func.count()).select_from(Claim)).one()


if __name__ == "__main__":
    main()
