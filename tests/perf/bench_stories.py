"""Stories page benchmark: the list and one story's view at a million claims, server time.

    python tests/perf/bench_stories.py URL [--claims 1000000] [--build]

``--build`` fills URL (an empty database) with tests/perf/generate.py's synthetic newsroom,
then adds what that generator leaves out: stories of STORY_ARTICLES consecutive articles, one
claim group per story and measure of its figures (every STORY_CONFLICT-th in conflict), keys
and as-of dates. Then it times every service call the Stories page makes (factcheck/ui/
stories.py): the list, and a story's view for the story with the most claims and for the
latest one. Best of three, printed beside the 1 s goal; never fails on time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

STORY_ARTICLES = 20  # consecutive articles per story
STORY_CONFLICT = 7  # every 7th group is in conflict
GOAL = 1.0


def build(url: str, claims: int) -> None:
    """Generate the newsroom, then its stories, groups, keys and as-of dates in SQL."""
    import generate

    from factcheck.db import dispose_engine, get_engine

    started = time.perf_counter()
    generate.generate(url, claims=claims)
    print(f"generated in {time.perf_counter() - started:.0f} s")
    engine = get_engine(url)
    pg = engine.dialect.name == "postgresql"
    story = f"((a.id - 1) / {STORY_ARTICLES} + 1)"
    steps = [
        "INSERT INTO story (id, title, first_seen, last_seen, created_at) "
        f"SELECT {story}, min(a.title), min(a.published_at), max(a.published_at), "
        f"min(a.ingested_at) FROM article a GROUP BY {story}",
        f"UPDATE article SET story_id = (id - 1) / {STORY_ARTICLES} + 1",
        "UPDATE claim SET measure_key = measure, group_key = 'n|' || measure || '|' || unit "
        "WHERE kind = 'numeric'",
        "INSERT INTO claimgroup (kind, key, measure_key, unit, size, conflict, story_id, "
        "first_claim_id, first_seen, last_claim_id, last_seen, created_at) "
        "SELECT 'numeric', c.group_key, c.measure, c.unit, count(*), false, a.story_id, "
        "min(c.id), min(a.published_at), max(c.id), max(a.published_at), min(a.ingested_at) "
        "FROM claim c JOIN article a ON a.id = c.article_id WHERE c.kind = 'numeric' "
        "GROUP BY a.story_id, c.group_key, c.measure, c.unit",
        f"UPDATE claimgroup SET conflict = true WHERE mod(id, {STORY_CONFLICT}) = 0"
        if pg
        else f"UPDATE claimgroup SET conflict = true WHERE id % {STORY_CONFLICT} = 0",
        # Counted nouns compare as plain counts (factcheck.comparable.unit_class).
        "UPDATE claimgroup SET unit = 'count' WHERE unit IN ('people', 'buildings', 'trucks', "
        "'votes')",
        (
            "UPDATE claim SET group_id = g.id, as_of = CAST(a.published_at AS date) "
            "FROM article a, claimgroup g WHERE a.id = claim.article_id "
            "AND g.story_id = a.story_id AND g.key = claim.group_key"
            if pg
            else "UPDATE claim SET (group_id, as_of) = (SELECT g.id, date(a.published_at) "
            "FROM article a JOIN claimgroup g ON g.story_id = a.story_id "
            "WHERE a.id = claim.article_id AND g.key = claim.group_key) WHERE kind = 'numeric'"
        ),
    ]
    for sql in steps:
        started = time.perf_counter()
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)
        print(f"{time.perf_counter() - started:6.1f} s  {sql[:70]}")
    generate.analyse(url)
    dispose_engine(url)


def best(call: Callable[[], Any], runs: int = 3) -> float:
    """The fastest of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def page_calls(url: str) -> None:
    """Time what the Stories page asks of the services, per call and per page view."""
    from sqlmodel import col, func, select

    from factcheck.db import dispose_engine, session_scope
    from factcheck.groups import list_groups
    from factcheck.models import Article, Claim, ClaimGroup, Story
    from factcheck.stories import figure_series, get_story, list_stories, story_articles
    from factcheck.ui.stories import GROUPS_SHOWN

    with session_scope(url, readonly=True) as session:
        claims = session.exec(select(func.count()).select_from(Claim)).one()
        stories = session.exec(select(func.count()).select_from(Story)).one()
        groups = session.exec(select(func.count()).select_from(ClaimGroup)).one()
        biggest = session.exec(
            select(Article.story_id)
            .where(col(Article.story_id).is_not(None))
            .group_by(col(Article.story_id))
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        latest = session.exec(
            select(Story.id).order_by(col(Story.last_seen).desc(), col(Story.id).desc())
        ).first()

        def view(story_id: int) -> dict[str, Callable[[], Any]]:
            return {
                "get_story": lambda: get_story(session, story_id=story_id),
                "list_stories (its row)": lambda: list_stories(
                    session, story_ids=[story_id], limit=1
                ),
                "story_articles": lambda: story_articles(session, story_id=story_id),
                f"list_groups ({GROUPS_SHOWN})": lambda: list_groups(
                    session, story_id=story_id, limit=GROUPS_SHOWN
                ),
                "figure_series": lambda: figure_series(session, story_id=story_id),
            }

        pages = {
            "Stories list": {"list_stories (200)": lambda: list_stories(session, limit=200)},
            f"story {biggest} (most claims)": view(biggest or 0),
            f"story {latest} (latest)": view(latest or 0),
        }
        dialect = session.get_bind().dialect.name
        print(
            f"\nStories page at {claims:,} claims, {stories:,} stories, {groups:,} groups "
            f"({dialect}; best of 3, server time)"
        )
        print(f"{'page':<28}{'call':<26}{'s':>8}{'ratio to goal':>15}")
        for page, calls in pages.items():
            total = 0.0
            for name, call in calls.items():
                seconds = best(call)
                total += seconds
                print(f"{page:<28}{name:<26}{seconds:>8.3f}")
            print(f"{page:<28}{'whole page':<26}{total:>8.3f}{total / GOAL:>15.2f}  goal ≤ 1 s")
    dispose_engine(url)


def main() -> None:
    """Build when asked, then time the page."""
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    if args.build:
        build(args.url, args.claims)
    page_calls(args.url)


if __name__ == "__main__":
    main()
