"""Disputed figures: two groups of one story whose outlets report one fact with values apart.

The rule is written in factcheck.comparable (beside the conflict rule); this module keeps it
stored. A group in dispute has its ``conflict`` flag set, so every reader of conflicts (the
Claims page's "conflicts only", the dashboard, the Stories page, `factcheck groups
--conflicts`, the claims' JSON ``conflict``) sees it without reading claims; which kind it is
follows from the group: its own members disagree when their common interval is empty
(``lo > hi``), else it is in dispute with another group (``rivals`` names them).

Kept by ``refresh`` over the groups of one story and one key (a *cluster*), found through the
index on ``(story_id, key)``: grouping at ingest, regroup, take-out, join and `groups
--rebuild` call it for the clusters they touched, so the cost is the size of those clusters,
never the database.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import combinations
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, col

from factcheck import triage
from factcheck.comparable import Bounds, bounds, figures_dispute
from factcheck.db import show_written
from factcheck.models import Article, Claim, ClaimGroup, ClaimKind

if TYPE_CHECKING:
    from factcheck.groups import GroupView

Cluster = tuple[int, str]  # (story id, group key)
ConflictKind = Literal["within", "dispute"]

# What each kind of conflict means, as the Stories and Claim pages and the CLI say it.
CONFLICT_NOTES: dict[ConflictKind, str] = {
    "within": "the stated values cannot all be true",
    "dispute": "other outlets of this story give another value for the same day",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """What the dispute rule reads of a group member."""

    group_id: int
    stated: Bounds
    day: date  # its as-of day: the claim's as_of, else its article's date
    outlet: int  # its outlet, or minus its article when it has none
    article: int


def clusters_of(session: Session, *, group_ids: Iterable[int]) -> set[Cluster]:
    """The clusters (story, key) of these numeric groups; groups without a story have none."""
    ids = {g for g in group_ids if g}
    if not ids:
        return set()
    rows = session.execute(
        sa.select(col(ClaimGroup.story_id), col(ClaimGroup.key)).where(
            col(ClaimGroup.id).in_(ids),
            col(ClaimGroup.kind) == ClaimKind.NUMERIC,
            col(ClaimGroup.story_id).is_not(None),
        )
    ).all()
    return {(int(story), str(key)) for story, key in rows}


def refresh(session: Session, *, clusters: Collection[Cluster]) -> None:
    """Recompute the disputes of every group of these clusters and store them in each group's
    ``conflict`` flag (with its own members' conflict); not committed."""
    if not clusters:
        return
    groups = _groups(session, clusters)
    if not groups:
        return
    disputed: set[int] = set()
    by_cluster: dict[tuple[Any, ...], list[int]] = {}
    for gid, story, key, measure, *_ in groups:
        if measure:
            by_cluster.setdefault((story, key, measure), []).append(gid)
    # Members are read only for groups that have a rival to compare with.
    rivalled = [gid for ids in by_cluster.values() if len(ids) > 1 for gid in ids]
    figures = _figures(session, rivalled) if rivalled else {}
    for ids in by_cluster.values():
        for a, b in combinations(ids, 2):
            if in_dispute(figures.get(a, []), figures.get(b, [])):
                disputed.update((a, b))
    changes = [
        {"gid": gid, "flag": flag}
        for gid, _, _, _, lo, hi, was in groups
        if (flag := gid in disputed or Bounds(lo, hi).empty) != bool(was)
    ]
    if changes:
        table: sa.Table = ClaimGroup.__table__  # type: ignore[attr-defined]
        session.execute(
            sa.update(table)
            .where(table.c.id == sa.bindparam("gid"))
            .values(conflict=sa.bindparam("flag")),
            changes,
        )
        show_written(session, ClaimGroup, {c["gid"]: {"conflict": c["flag"]} for c in changes})
        # A conflict is worth triage points to each member of the group.
        triage.stale(session, groups={c["gid"] for c in changes})


def in_dispute(a: Collection[Figure], b: Collection[Figure]) -> bool:
    """True when a figure of one group and a figure of the other dispute (comparable's rule),
    unless one article gives figures of both: it tells two facts (a part and a whole, a series)."""
    if {x.article for x in a} & {y.article for y in b}:
        return False
    return any(
        figures_dispute(
            x.stated, y.stated, same_day=x.day == y.day, same_outlet=x.outlet == y.outlet
        )
        for x in a
        for y in b
    )


def rivals(session: Session, *, group: ClaimGroup) -> list[int]:
    """The groups this one is in dispute with (same story, key and measure), by ID."""
    if group.story_id is None or group.kind != ClaimKind.NUMERIC or not group.measure_key:
        return []
    others = [
        gid
        for gid, _, _, measure, *_ in _groups(session, [(group.story_id, group.key)])
        if gid != group.id and measure == group.measure_key
    ]
    if not others:
        return []
    figures = _figures(session, [group.id or 0, *others])
    own = figures.get(group.id or 0, [])
    return [gid for gid in others if in_dispute(own, figures.get(gid, []))]


def conflict_kind(group: ClaimGroup) -> ConflictKind | None:
    """Which conflict a group is in: its own members' ("within"), a dispute, or none."""
    if not group.conflict:
        return None
    return "within" if Bounds(group.lo, group.hi).empty else "dispute"


def rival_views(session: Session, *, groups: Iterable[ClaimGroup]) -> dict[int, list[GroupView]]:
    """For each of these groups in conflict, the groups it is in dispute with (members and
    outlets, for showing each outlet's figure side by side); one look-up per such group."""
    from factcheck.groups import group_view  # groups keep disputes; disputes show groups

    found: dict[int, list[GroupView]] = {}
    for group in groups:
        if group.conflict and group.id is not None:
            found[group.id] = [
                group_view(session, group_id=g) for g in rivals(session, group=group)
            ]
    return found


def refresh_all(session: Session) -> int:
    """Recompute the disputes of every story's groups (migration 0017); how many clusters."""
    clusters = {
        (int(story), str(key))
        for story, key in session.execute(
            sa.select(col(ClaimGroup.story_id), col(ClaimGroup.key))
            .where(col(ClaimGroup.kind) == ClaimKind.NUMERIC, col(ClaimGroup.story_id).is_not(None))
            .distinct()
        ).all()
    }
    ordered = sorted(clusters)
    for start in range(0, len(ordered), 200):
        refresh(session, clusters=ordered[start : start + 200])
    return len(ordered)


def _groups(session: Session, clusters: Iterable[Cluster]) -> list[tuple[Any, ...]]:
    """(id, story, key, measure key, lo, hi, conflict) of the groups of these clusters."""
    wanted = sorted(set(clusters))
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        rows.extend(
            tuple(row)
            for row in session.execute(
                sa.select(
                    col(ClaimGroup.id),
                    col(ClaimGroup.story_id),
                    col(ClaimGroup.key),
                    col(ClaimGroup.measure_key),
                    col(ClaimGroup.lo),
                    col(ClaimGroup.hi),
                    col(ClaimGroup.conflict),
                ).where(
                    sa.or_(
                        *(
                            sa.and_(col(ClaimGroup.story_id) == s, col(ClaimGroup.key) == k)
                            for s, k in chunk
                        )
                    )
                )
            ).all()
        )
    return rows


def _figures(session: Session, group_ids: Collection[int]) -> dict[int, list[Figure]]:
    """The members of these groups as the dispute rule reads them, in one query."""
    at = sa.func.coalesce(col(Article.published_at), col(Article.ingested_at))
    found: dict[int, list[Figure]] = {}
    for row in session.execute(
        sa.select(
            col(Claim.group_id),
            col(Claim.value),
            col(Claim.lower),
            col(Claim.upper),
            col(Claim.qualifier),
            col(Claim.days),
            col(Claim.as_of),
            col(Claim.article_id),
            col(Article.outlet_id),
            at,
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .where(col(Claim.group_id).in_(group_ids))
    ).all():
        gid, value, lower, upper, qualifier, days, as_of, article, outlet, published = row
        stated = bounds(value=value, lower=lower, upper=upper, qualifier=qualifier, days=days)
        if stated is None:
            continue
        day = as_of if as_of is not None else _day(published)
        found.setdefault(gid, []).append(
            Figure(gid, stated, day, outlet if outlet is not None else -article, article)
        )
    return found


def _day(at: datetime | str) -> date:
    if isinstance(at, str):  # SQLite may hand a coalesce back as text
        at = datetime.fromisoformat(at)
    return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).date()
