"""What to check first: unreviewed claims ranked by a score a desk can read and trust.

The score is a sum of terms, each computed in SQL from what factcheck knows, and each row of
the queue lists the terms that gave it points:

| term | points | when |
|---|---|---|
| priority | +40 urgent, +20 high, −20 low | a reviewer set the claim's priority |
| recent | +15, +8, +3 | the article is from the last 2, 7 or 30 days (published, else ingested) |
| precise figure | +10 | a figure with an exact value and no hedge |
| named quote | +10 | a direct quotation by a named speaker |
| hedged | +6 | a hedged or vague amount ("at least 300", "dozens") |
| repeated | +5 each, at most +25 | each other report of the claim (its group, factcheck.groups) |
| conflict | +15 | the articles reporting it give values that cannot all be true |

Ties go to the older claim (lower ID). ``TERMS`` is the one list to extend. The query reads
the claim index ``ix_claim_triage``, joins only the articles of the last 30 days and the
claims' groups by key (tests/perf/bench_triage.py times it at a million claims).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from factcheck.claims import ClaimRow, listing_query
from factcheck.db import check_page
from factcheck.models import (
    Article,
    Attribution,
    Claim,
    ClaimGroup,
    ClaimKind,
    Priority,
    Status,
    utcnow,
)

RECENT_DAYS = ((2, 15), (7, 8), (30, 3))  # (within days, points), nearest first
TERMS_DOC = (
    "Score = priority (urgent +40, high +20, low −20) + recent article (last 2 / 7 / 30 days: "
    "+15 / +8 / +3) + precise figure (+10) + direct quote by a named speaker (+10) + hedged "
    "or vague amount (+6) + each other report of it (+5, at most +25) + outlets in "
    "conflict over it (+15). Ties: the older claim first."
)


@dataclass(frozen=True, slots=True)
class Term:
    """One term of the score: a name, its SQL expression (points), and why it counts."""

    name: str
    points: Callable[[Any], Any]  # given the recent-articles subquery, an SQL expression
    reason: Callable[[int], str]  # a row's points → the words shown


def _recent_articles(now: datetime) -> Any:
    """Articles of the last 30 days with their recency points (a small derived table)."""
    day = sa.func.coalesce(col(Article.published_at), col(Article.ingested_at))
    oldest = now - timedelta(days=RECENT_DAYS[-1][0])
    points = sa.case(
        *[(day >= now - timedelta(days=days), pts) for days, pts in RECENT_DAYS], else_=0
    )
    return (
        sa.select(col(Article.id).label("id"), points.label("points"))
        .where(
            sa.or_(
                col(Article.published_at) >= oldest,
                sa.and_(col(Article.published_at).is_(None), col(Article.ingested_at) >= oldest),
            )
        )
        .cte("recent")
        # Computed once, then joined by article id: without it the planner reads every
        # unreviewed claim's article row (text and all) to test its date.
        .prefix_with("MATERIALIZED")
    )


REPEATS_COUNTED = 5  # other reports of a claim (its group's other members) that add points
PRIORITY_POINTS = {Priority.URGENT: 40, Priority.HIGH: 20, Priority.NORMAL: 0, Priority.LOW: -20}


def _priority_reason(points: int) -> str:
    named = {v: k.value for k, v in PRIORITY_POINTS.items()}
    return f"marked {named.get(points, 'other')} priority ({points:+d})"


def _recent_reason(points: int) -> str:
    days = next((d for d, p in RECENT_DAYS if p == points), RECENT_DAYS[-1][0])
    return f"article from the last {days} days ({points:+d})"


TERMS: tuple[Term, ...] = (
    Term(
        "priority",
        lambda recent: sa.case(
            *[(col(Claim.priority) == p, pts) for p, pts in PRIORITY_POINTS.items() if pts],
            else_=0,
        ),
        _priority_reason,
    ),
    Term("recent", lambda recent: sa.func.coalesce(recent.c.points, 0), _recent_reason),
    Term(
        "precise",
        lambda recent: sa.case(
            (
                sa.and_(
                    col(Claim.kind) == ClaimKind.NUMERIC,
                    col(Claim.value).is_not(None),
                    col(Claim.qualifier).is_(None),
                ),
                10,
            ),
            else_=0,
        ),
        lambda pts: f"a precise figure ({pts:+d})",
    ),
    Term(
        "quote",
        lambda recent: sa.case(
            (
                sa.and_(
                    col(Claim.attribution) == Attribution.DIRECT,
                    col(Claim.speaker_id).is_not(None),
                ),
                10,
            ),
            else_=0,
        ),
        lambda pts: f"a direct quote by a named speaker ({pts:+d})",
    ),
    Term(
        "hedged",
        lambda recent: sa.case(
            (
                sa.or_(
                    col(Claim.qualifier).is_not(None),
                    sa.and_(col(Claim.kind) == ClaimKind.NUMERIC, col(Claim.value).is_(None)),
                ),
                6,
            ),
            else_=0,
        ),
        lambda pts: f"hedged or vague ({pts:+d})",
    ),
    Term(
        "repeated",
        lambda recent: sa.case(
            (col(ClaimGroup.size) > REPEATS_COUNTED, REPEATS_COUNTED * 5),
            (col(ClaimGroup.size) > 1, (col(ClaimGroup.size) - 1) * 5),
            else_=0,
        ),
        lambda pts: (
            f"reported {pts // 5}{'+' if pts == REPEATS_COUNTED * 5 else ''} "
            f"more time{'s' if pts > 5 else ''} ({pts:+d})"
        ),
    ),
    Term(
        "conflict",
        lambda recent: sa.case((col(ClaimGroup.conflict).is_(True), 15), else_=0),
        lambda pts: f"outlets conflict over it ({pts:+d})",
    ),
)


@dataclass(frozen=True, slots=True)
class QueueRow:
    """A claim in the queue: its place, score, why, and the claim as listed."""

    rank: int
    score: int
    reasons: tuple[str, ...]
    row: ClaimRow


def queue(
    session: Session, *, limit: int = 50, offset: int = 0, now: datetime | None = None
) -> list[QueueRow]:
    """The unreviewed claims to check first, best first, each with the reasons for its place."""
    check_page(offset=offset, limit=limit, noun="claim")
    recent = _recent_articles(now or utcnow())
    parts = [term.points(recent).label(term.name) for term in TERMS]
    score = sum((term.points(recent) for term in TERMS[1:]), TERMS[0].points(recent))
    ranked = session.execute(
        sa.select(col(Claim.id), score.label("score"), *parts)
        .select_from(Claim)
        .join(recent, recent.c.id == Claim.article_id, isouter=True)
        .join(ClaimGroup, col(ClaimGroup.id) == Claim.group_id, isouter=True)
        .where(col(Claim.status) == Status.UNREVIEWED)
        .order_by(score.desc(), col(Claim.id))
        .offset(offset)
        .limit(limit)
    ).all()
    rows = _listed(session, [r[0] for r in ranked])
    return [
        QueueRow(
            rank=offset + i,
            score=int(r[1]),
            reasons=tuple(
                term.reason(int(pts)) for term, pts in zip(TERMS, r[2:], strict=True) if pts
            ),
            row=rows[r[0]],
        )
        for i, r in enumerate(ranked, start=1)
        if r[0] in rows
    ]


def _listed(session: Session, ids: Sequence[int]) -> dict[int, ClaimRow]:
    if not ids:
        return {}
    found = session.execute(listing_query().where(col(Claim.id).in_(ids))).all()
    return {row[0].id: ClaimRow(*row) for row in found}
