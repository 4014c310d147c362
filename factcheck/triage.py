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

Ties go to the older claim (lower ID). ``TERMS`` is the one list to extend.

How a page is found without scoring every unreviewed claim. Every term but ``recent`` is
fixed until the claim or its group changes, so their sum is stored in
``claim.triage_points`` and indexed (``ix_claim_queue``: status, points descending, ID);
``recent`` is never negative, at most +15, and only the articles of the last 30 days earn it.
For a page ending at row m (offset + limit):

1. the first m unreviewed claims by stored points (an index walk of m entries), scored in
   full; the m-th best of these scores is a floor F: m claims already score F or more;
2. a claim of an older article scores its stored points exactly, so any claim outside
   step 1 ranks below all m of them (its points, and on a tie its ID, are beaten by each);
3. a claim of a recent article can only rank within the first m if its points plus its
   article's recency reach F. Those are found through their articles: the articles of the
   claims with points of at least F − 15 when there are at most ``WALKED`` of them (read
   from ``ix_claim_queue`` alone), else every article of the last 30 days; either way each
   article's claims are read from ``ix_claim_article_queue`` (article, status, points), so
   only the claims that reach F are fetched and scored.

The page is the best m of steps 1 and 3, scored with ``TERMS`` as always (the reasons come
from the same expressions). The work grows with m and, when the floor is low, with the
number of articles of the last month, never with the archive. ``queue(exhaustive=True)``
scores every unreviewed claim instead (the plain definition; tests/test_triage_fast.py
checks that both agree, tests/perf/bench_triage.py times both).

Keeping the stored points exact: a write that changes what an untimed term reads (a claim's
priority, kind, value, qualifier, attribution or speaker; a claim joining or leaving a
group; a group's size or conflict) calls ``stale`` in its transaction, and the claims it
names are rescored from ``TERMS`` when the session commits (the hook at the end of this
module), as factcheck.counts does for counts. ``update_claim``, the article and claim
inserts and factcheck.groups' writers do so. A change to an untimed term's points needs a
migration that calls ``refresh_points`` (as 0013 does).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col

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

if TYPE_CHECKING:
    from factcheck.claims import ClaimRow

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
    # Depends on the clock: added when the queue is read, never stored. Only ``recent`` is, and
    # the fast path (module docstring) relies on it never being negative.
    timed: bool = False


def _recent_articles(now: datetime, *where: Any) -> Any:
    """Articles of the last 30 days with their recency points (a small derived table);
    ``where`` narrows them further."""
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
            ),
            *where,
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
    Term("recent", lambda recent: sa.func.coalesce(recent.c.points, 0), _recent_reason, timed=True),
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


OPEN = col(Claim.status) == Status.UNREVIEWED  # the claims the queue ranks


def _total(terms: Iterable[Term], recent: Any) -> Any:
    """The SQL sum of ``terms``' points."""
    return functools.reduce(operator.add, (term.points(recent) for term in terms))


def _scored(recent: Any, *where: Any, recent_only: bool = False) -> Any:
    """Unreviewed claims with their score and each term's points, best first (the definition).

    ``recent_only``: only the claims of recent articles (an inner join on them).
    """
    score = _total(TERMS, recent)
    return (
        sa.select(col(Claim.id), score.label("score"), *(t.points(recent) for t in TERMS))
        .select_from(Claim)
        .join(recent, recent.c.id == Claim.article_id, isouter=not recent_only)
        .join(ClaimGroup, col(ClaimGroup.id) == Claim.group_id, isouter=True)
        .where(OPEN, *where)
        .order_by(score.desc(), col(Claim.id))
    )


@dataclass(frozen=True, slots=True)
class QueueRow:
    """A claim in the queue: its place, score, why, and the claim as listed."""

    rank: int
    score: int
    reasons: tuple[str, ...]
    row: ClaimRow


def queue(
    session: Session,
    *,
    limit: int = 50,
    offset: int = 0,
    now: datetime | None = None,
    exhaustive: bool = False,
) -> list[QueueRow]:
    """The unreviewed claims to check first, best first, each with the reasons for its place.

    ``exhaustive`` scores every unreviewed claim (the plain definition, whose cost grows with
    them); otherwise only the few that can reach the page (module docstring).
    """
    check_page(offset=offset, limit=limit, noun="claim")
    if exhaustive:
        recent = _recent_articles(now or utcnow())
        ranked = list(session.execute(_scored(recent).offset(offset).limit(limit)).all())
    else:
        ranked = _page(session, now or utcnow(), offset + limit)[offset:]
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


def _page(session: Session, now: datetime, end: int) -> list[Any]:
    """The first ``end`` rows of the queue, reading only the claims that can reach them."""
    first = (
        sa.select(col(Claim.id))
        .where(OPEN)
        .order_by(col(Claim.triage_points).desc(), col(Claim.id))
        .limit(end)
        .correlate(None)  # its own read of the claim table, not the outer query's row
        .scalar_subquery()
    )
    theirs = sa.select(col(Claim.article_id)).where(col(Claim.id).in_(first)).correlate(None)
    recent = _recent_articles(now, col(Article.id).in_(theirs))  # their articles alone
    best = list(session.execute(_scored(recent, col(Claim.id).in_(first))))
    if len(best) < end:  # every unreviewed claim is among them
        return best
    floor = best[-1][1]
    recent = _recent_articles(now, *_reaching(session, floor))
    reach = col(Claim.triage_points) >= floor - recent.c.points
    fresh = session.execute(_scored(recent, reach, recent_only=True).limit(end)).all()
    seen = {r[0] for r in best}
    merged = best + [r for r in fresh if r[0] not in seen]
    return sorted(merged, key=lambda r: (-r[1], r[0]))[:end]


WALKED = 5000  # claims near the floor read by index before the recent articles are read instead
MOST_RECENT = max(pts for _, pts in RECENT_DAYS)  # the most points an article's recency gives


def _reaching(session: Session, floor: int) -> list[Any]:
    """Which recent articles step 3 reads: those of the claims whose stored points could reach
    ``floor`` with the most recency, when there are at most WALKED of them (walked by index,
    best first); else no narrowing (every article of the last 30 days)."""
    near = session.execute(
        sa.select(col(Claim.article_id))
        .where(OPEN, col(Claim.triage_points) >= floor - MOST_RECENT)
        .order_by(col(Claim.triage_points).desc(), col(Claim.id))
        .limit(WALKED + 1)
    ).all()
    if len(near) > WALKED:
        return []
    return [col(Article.id).in_(sorted({r[0] for r in near}))]


def _listed(session: Session, ids: Sequence[int]) -> dict[int, ClaimRow]:
    from factcheck.claims import ClaimRow, listing_query  # claims write through this module

    if not ids:
        return {}
    found = session.execute(listing_query().where(col(Claim.id).in_(ids))).all()
    return {row[0].id: ClaimRow(*row) for row in found}


# The stored points: the untimed terms' sum, rescored when a transaction that changed what they
# read commits.

STALE = "factcheck_triage"  # the key of a transaction's stale claims in session.info
BATCH = 500  # IDs per rescoring statement


@dataclass
class _Stale:
    """What a transaction changed that the stored points read, until it commits."""

    claims: set[int] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)  # every claim of these groups
    articles: set[int] = field(default_factory=set)  # every claim of these articles


def stale(
    session: Session,
    *,
    claims: Collection[int | None] = (),
    groups: Collection[int | None] = (),
    articles: Collection[int | None] = (),
) -> None:
    """Have these claims' stored points rescored when the session commits.

    Every write that inserts a claim or changes what an untimed term reads must call this in
    its transaction (module docstring); it writes nothing itself.
    """
    pending = session.info.get(STALE)
    if pending is None:
        pending = session.info[STALE] = _Stale()
    pending.claims.update(i for i in claims if i is not None)
    pending.groups.update(i for i in groups if i is not None)
    pending.articles.update(i for i in articles if i is not None)


def _fresh_points(*where: Any) -> sa.Subquery:
    """Each claim's untimed points as ``TERMS`` compute them now."""
    untimed = _total((t for t in TERMS if not t.timed), None)
    return (
        sa.select(col(Claim.id).label("id"), untimed.label("points"))
        .select_from(Claim)
        .join(ClaimGroup, col(ClaimGroup.id) == Claim.group_id, isouter=True)
        .where(*where)
        .subquery("fresh")
    )


def wrong_points(session: OrmSession) -> int:
    """How many claims' stored points differ from their terms (0: the queue is exact)."""
    fresh = _fresh_points()
    query = (
        sa.select(sa.func.count())
        .select_from(Claim)
        .join(fresh, fresh.c.id == Claim.id)
        .where(col(Claim.triage_points) != fresh.c.points)
    )
    return int(session.execute(query).scalar_one())


def refresh_points(session: OrmSession, *where: Any) -> int:
    """Store the untimed terms' sum in ``claim.triage_points`` for the claims matching
    ``where`` (every claim when none); how many changed.

    One UPDATE from a SELECT of ``TERMS``' own expressions, so the stored points cannot
    differ from what the queue scores; rows already right are not written.
    """
    fresh = _fresh_points(*where)
    table: sa.Table = Claim.__table__  # type: ignore[attr-defined]
    result = session.execute(
        sa.update(table)
        .where(table.c.id == fresh.c.id, table.c.triage_points != fresh.c.points)
        .values(triage_points=fresh.c.points)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _rescore(session: OrmSession) -> None:
    """Rescore the transaction's stale claims (called by the commit hook)."""
    pending: _Stale | None = session.info.pop(STALE, None)
    if pending is None:
        return
    session.flush()  # a recounted group's ORM changes are read by the rescoring
    chosen = {
        "claims": sorted(pending.claims),
        "groups": sorted(pending.groups),
        "articles": sorted(pending.articles),
    }
    for first in range(0, max(len(ids) for ids in chosen.values()), BATCH):
        session.execute(
            _rescoring(), {name: ids[first : first + BATCH] for name, ids in chosen.items()}
        )
    # Copies loaded in this session read their new points when next used (the UPDATE did
    # not go through them); ingest loads none, so this costs nothing there.
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, Claim) and (
            loaded.id in pending.claims
            or loaded.article_id in pending.articles
            or loaded.group_id in pending.groups
        ):
            session.expire(loaded, ["triage_points"])


@functools.cache
def _rescoring() -> sa.Update:
    """refresh_points' UPDATE for the claims named by three lists (``claims``, ``groups``,
    ``articles``), built once: every commit of an ingest runs it, and building the terms'
    expressions again cost more than the update itself."""
    table: sa.Table = Claim.__table__  # type: ignore[attr-defined]
    # The claims named each way, each list by its own index: one OR of the three lists let a
    # database with statistics (SQLite after ANALYZE, which migrations run) scan every claim
    # at every commit of an ingest, 0.13-0.18 s at 587,000 claims (0.001-0.005 s this way).
    named = sa.union_all(
        *(
            sa.select(table.c.id).where(table.c[column].in_(sa.bindparam(name, expanding=True)))
            for column, name in (
                ("id", "claims"),
                ("group_id", "groups"),
                ("article_id", "articles"),
            )
        )
    )
    fresh = _fresh_points(col(Claim.id).in_(named.scalar_subquery()))
    return (
        sa.update(table)
        .where(table.c.id == fresh.c.id, table.c.triage_points != fresh.c.points)
        .values(triage_points=fresh.c.points)
    )


def _forget(session: OrmSession, *_: Any) -> None:
    session.info.pop(STALE, None)


sa.event.listen(OrmSession, "before_commit", _rescore)
sa.event.listen(OrmSession, "after_soft_rollback", _forget)
