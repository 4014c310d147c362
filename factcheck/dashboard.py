"""The dashboard's numbers: small tables read from the count tables, never every claim.

Every function takes a ``DashboardFilter``; it selects a set of claims (by the date of their
article, outlet, article and kind) and every table describes that same set. The counts
(factcheck.counts) answer every filter but one article, whose claims and audit trail are read
through their indexes; a search of the figures and the claims table read the claims too.
``overview`` gives the page every table at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, col

from factcheck.claims import ClaimFilter
from factcheck.comparable import measure_key as comparable_key
from factcheck.counts import period_condition
from factcheck.models import (
    ANY_OUTLET,
    NONE_ID,
    REVIEWED,
    Article,
    ArticleCount,
    Claim,
    ClaimCount,
    ClaimKind,
    Event,
    Grain,
    MeasureCount,
    MeasureTotal,
    Outlet,
    Speaker,
    SpeakerCount,
    SpeakerTotal,
    Status,
    StatusChangeCount,
    User,
)

Dimension = Literal["outlet", "kind", "article", "speaker"]
NO_NAME = {"outlet": "(no outlet)", "speaker": "(no speaker)", "article": "", "kind": ""}
ARTICLE_DATE = sa.func.coalesce(col(Article.published_at), col(Article.ingested_at))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    """Which claims the dashboard describes; empty fields do not filter."""

    start: date | None = None  # article published on or after
    end: date | None = None  # article published on or before
    outlet_id: int | None = None
    article_id: int | None = None
    kind: ClaimKind | None = None

    def conditions(self) -> list[Any]:
        """WHERE conditions on Claim alone: those on its article go through one subquery.

        ``article_id IN (SELECT id FROM article WHERE ...)`` lets a query start from the
        matching articles and find their claims by article_id.
        """
        where = ClaimFilter(kind=self.kind, article_id=self.article_id).conditions()
        articles = []
        if self.outlet_id is not None:
            articles.append(col(Article.outlet_id) == self.outlet_id)
        if self.start is not None or self.end is not None:
            articles.append(self._dated())
        if articles:
            where.append(col(Claim.article_id).in_(sa.select(col(Article.id)).where(*articles)))
        return where

    def _dated(self) -> Any:
        """The article date (published, or else ingested) within the range.

        Written as an OR rather than on coalesce(...) so that the (published_at, ingested_at)
        index serves both halves; an index on the expression is not reflected on SQLite.
        """
        published, ingested = col(Article.published_at), col(Article.ingested_at)
        return sa.or_(
            sa.and_(*self._within(published)),
            sa.and_(published.is_(None), *self._within(ingested)),
        )

    def _within(self, column: Any) -> list[Any]:
        bounds = []
        if self.start is not None:
            bounds.append(column >= _midnight(self.start))
        if self.end is not None:
            bounds.append(column < _midnight(self.end + timedelta(days=1)))
        return bounds


@dataclass(frozen=True, slots=True)
class Selection:
    """A clicked bar: claims of one outlet / kind / article / speaker, and maybe one status."""

    by: Dimension
    key: str | int | None  # the outlet, article or speaker id, or the kind; None: "no outlet"
    status: Status | None = None

    def conditions(self) -> list[Any]:
        """WHERE conditions on Claim and ArticleCount for the claims under this bar."""
        if self.by == "outlet":  # the article counts hold the outlet, "no outlet" as NONE_ID
            where = [col(ArticleCount.outlet_id) == (NONE_ID if self.key is None else self.key)]
        else:
            column = GROUP_KEYS[self.by]
            where = [column.is_(None) if self.key is None else column == self.key]
        if self.status is not None:
            where.append(col(Claim.status) == self.status)
        return where


GROUP_KEYS: dict[str, Any] = {
    "kind": col(Claim.kind),
    "article": col(Claim.article_id),
    "speaker": col(Claim.speaker_id),
}
GROUP_NAMES: dict[str, tuple[Any, Any]] = {  # (table id, name) to label the keys
    "outlet": (col(Outlet.id), col(Outlet.name)),
    "article": (col(Article.id), col(Article.title)),
    "speaker": (col(Speaker.id), col(Speaker.name)),
}


def _claims_from(*, article: bool = False) -> Any:
    """FROM claim, joined to article when a grouping or a column needs it."""
    source: Any = Claim.__table__  # type: ignore[attr-defined]
    if article:
        source = source.join(Article.__table__, col(Article.id) == Claim.article_id)  # type: ignore[attr-defined]
    return source


def data_version(session: Session) -> int:
    """The id of the latest event: it changes with every write, so it keys cached charts."""
    return session.execute(sa.select(sa.func.max(col(Event.id)))).scalar() or 0


def status_tally(session: Session, *, where: DashboardFilter) -> pd.DataFrame:
    """Claims per (outlet, kind, status) under the filter; zeros left out.

    Columns: outlet (id, None for articles without one), name (the outlet's), kind, status,
    claims. The outlet and kind charts (``status_from``) and the headline figures
    (``counts_from``) all come from it. Read from the count table (a few hundred rows at any
    size), or from the claims of the one article chosen.
    """
    if where.article_id is not None:
        key = col(Article.outlet_id)
        query = (
            sa.select(key, col(Claim.kind), col(Claim.status), sa.func.count())
            .select_from(_claims_from(article=True))
            .where(*where.conditions())
            .group_by(key, col(Claim.kind), col(Claim.status))
        )
    else:
        table = ClaimCount
        query = (
            sa.select(
                col(table.outlet_id),
                col(table.kind),
                col(table.status),
                sa.func.sum(col(table.claims)),
            )
            .where(*_counted(table, where))
            .group_by(col(table.outlet_id), col(table.kind), col(table.status))
        )
    rows = [
        (None if o in (None, NONE_ID) else int(o), ClaimKind(k), Status(s), int(n))
        for o, k, s, n in session.execute(query)
        if n
    ]
    names = _names(session, "outlet", list({r[0] for r in rows}))
    return pd.DataFrame(
        {
            "outlet": pd.Series([r[0] for r in rows], dtype=object),
            "name": pd.Series([names[r[0]] for r in rows], dtype=object),
            "kind": pd.Series([r[1].value for r in rows], dtype=object),
            "status": pd.Series([r[2].value for r in rows], dtype=object),
            "claims": pd.Series([r[3] for r in rows], dtype="int64"),
        }
    )


def _counted(table: Any, where: DashboardFilter) -> list[Any]:
    """WHERE conditions on a count table with grains for the filter's dates, outlet and kind."""
    conditions = [period_condition(table, where.start, where.end)]
    if where.outlet_id is not None:
        conditions.append(col(table.outlet_id) == where.outlet_id)
    if where.kind is not None:
        conditions.append(col(table.kind) == where.kind)
    return conditions


def _outlet_or_any(where: DashboardFilter) -> int:
    """The outlet_id of the count rows that hold the filter's outlet, or every outlet."""
    return ANY_OUTLET if where.outlet_id is None else where.outlet_id


def status_counts(session: Session, *, where: DashboardFilter) -> pd.DataFrame:
    """Claims per status (columns status, claims), every status listed, zeros included."""
    return counts_from(status_tally(session, where=where))


@dataclass(frozen=True, slots=True)
class Headline:
    """The figures at the top of the page."""

    claims: int
    reviewed: int
    counts: dict[Status, int]

    @property
    def reviewed_share(self) -> float:
        """Reviewed claims over all real claims (extraction mistakes left out); 0 when none."""
        real = self.claims - self.counts.get(Status.NOT_A_CLAIM, 0)
        return self.reviewed / real if real else 0.0


def headline(counts: pd.DataFrame) -> Headline:
    """The headline figures from ``status_counts``."""
    by_status = {Status(s): int(n) for s, n in zip(counts["status"], counts["claims"], strict=True)}
    reviewed = sum(n for s, n in by_status.items() if s in REVIEWED)
    return Headline(claims=sum(by_status.values()), reviewed=reviewed, counts=by_status)


def status_from(
    tally: pd.DataFrame, *, by: Literal["outlet", "kind"], top: int = 15
) -> pd.DataFrame:
    """``status_by``'s table for outlets or kinds, summed from ``status_tally``."""
    found: dict[Any, dict[Status, int]] = {}
    names: dict[Any, str] = {}
    for outlet, name, kind, status, n in tally.itertuples(index=False):
        key, names[key] = (outlet, name) if by == "outlet" else (kind, str(kind).title())
        per = found.setdefault(key, {})
        per[Status(status)] = per.get(Status(status), 0) + int(n)
    return _biggest([(k, *(per.get(s, 0) for s in Status)) for k, per in found.items()], names, top)


def status_by(
    session: Session, *, where: DashboardFilter, by: Dimension, top: int = 15
) -> pd.DataFrame:
    """Claims per status for the ``top`` biggest outlets / kinds / articles / speakers.

    Columns: key (id, or the kind), name, status, claims; biggest group first, zeros left out.
    """
    if by in ("outlet", "kind"):
        return status_from(status_tally(session, where=where), by=by, top=top)
    key = GROUP_KEYS[by]
    if where.article_id is not None:  # one article: its claims are read
        rows = _per_status(session, key, where.conditions())
    elif by == "article":
        keys = _biggest_articles(session, where, top)
        # These articles passed the filter: of their claims, only the kind is left to test.
        kind = ClaimFilter(kind=where.kind).conditions()
        rows = _per_status(session, key, [*kind, key.in_(keys)]) if keys else []
    else:
        rows = _most_quoted(session, where, top)
    return _biggest(rows, _names(session, by, [r[0] for r in rows]), top)


ARTICLE_MEASURES: dict[ClaimKind | None, Any] = {  # an article's claims of the kind chosen
    None: col(ArticleCount.claims),
    ClaimKind.NUMERIC: col(ArticleCount.numeric_claims),
    ClaimKind.ATTRIBUTED: col(ArticleCount.attributed_claims),
}


def _counted_articles(where: DashboardFilter) -> list[Any]:
    """WHERE conditions on the article counts selecting the filter's articles, those with
    claims of the kind chosen."""
    return [ARTICLE_MEASURES[where.kind] > 0, *_placed(ArticleCount, where)]


def _placed(table: Any, where: DashboardFilter) -> list[Any]:
    """WHERE conditions on a count table of articles (its day, outlet_id and article_id:
    ArticleCount, MeasureCount) selecting the filter's dates, outlet and article."""
    conditions = []
    if where.start is not None:
        conditions.append(col(table.day) >= where.start)
    if where.end is not None:
        conditions.append(col(table.day) <= where.end)
    if where.outlet_id is not None:
        conditions.append(col(table.outlet_id) == where.outlet_id)
    if where.article_id is not None:
        conditions.append(col(table.article_id) == where.article_id)
    return conditions


def _biggest_articles(session: Session, where: DashboardFilter, top: int) -> list[int]:
    """The ``top`` articles with most claims (of the kind chosen) under the filter; newest
    first among equals. An index walk down the article counts, stopping at ``top``."""
    measure = ARTICLE_MEASURES[where.kind]
    index = {None: "claims", ClaimKind.NUMERIC: "numeric", ClaimKind.ATTRIBUTED: "attributed"}
    query = (
        sa.select(col(ArticleCount.article_id))
        .where(*_counted_articles(where))
        .order_by(measure.desc(), col(ArticleCount.article_id).desc())
        .limit(top)
        # SQLite would rather read a year of articles by date and sort them all.
        .with_hint(ArticleCount, f"INDEXED BY ix_article_count_{index[where.kind]}", "sqlite")
    )
    return [int(a) for a in session.execute(query).scalars()]


def _most_quoted(session: Session, where: DashboardFilter, top: int) -> list[tuple[Any, ...]]:
    """Rows (speaker, claims in each Status) that hold the ``top`` most quoted speakers.

    Speakers are read in the order of their total claims, a page at a time, and counted
    under the filter; the walk stops when the ``top``-th count under the filter is higher
    than the total of the next speaker, who therefore cannot overtake it (no speaker has
    more claims under a filter than in all).
    """
    found: dict[int, dict[Status, int]] = {}
    total, speaker = col(SpeakerTotal.claims), col(SpeakerTotal.speaker_id)
    offset, page = 0, 4 * top
    while True:
        ranked = session.execute(
            sa.select(speaker, total)
            .where(total > 0)
            .order_by(total.desc(), speaker.desc())
            .offset(offset)
            .limit(page)
        ).all()
        if ranked:
            table = SpeakerCount
            query = (
                sa.select(col(table.speaker_id), col(table.status), sa.func.sum(col(table.claims)))
                .where(
                    col(table.speaker_id).in_([r[0] for r in ranked]),
                    col(table.outlet_id) == _outlet_or_any(where),
                    *_counted(table, replace(where, outlet_id=None)),
                )
                .group_by(col(table.speaker_id), col(table.status))
            )
            for key, status, n in session.execute(query):
                if n:
                    found.setdefault(int(key), {})[Status(status)] = int(n)
        sizes = sorted((sum(per.values()) for per in found.values()), reverse=True)
        if len(ranked) < page or (len(sizes) >= top and sizes[top - 1] > ranked[-1][1]):
            break
        offset, page = offset + page, 2 * page
    return [
        (None if k == NONE_ID else k, *(per.get(s, 0) for s in Status)) for k, per in found.items()
    ]


def _biggest(rows: list[tuple[Any, ...]], names: dict[Any, str], top: int) -> pd.DataFrame:
    """The long table (key, name, status, claims) of the ``top`` groups with most claims.

    ``rows`` hold a key and its claims in each Status, in order; ties go by key.
    """
    rows = sorted(rows, key=lambda r: (-sum(r[1:]), str(r[0])))[:top]
    long = [
        (row[0], names[row[0]], s.value, n)
        for row in rows
        for s, n in zip(Status, row[1:], strict=True)
        if n
    ]
    return pd.DataFrame(
        {
            "key": pd.Series([r[0] for r in long], dtype=object),
            "name": pd.Series([r[1] for r in long], dtype=object),
            "status": pd.Series([r[2] for r in long], dtype=object),
            "claims": pd.Series([r[3] for r in long], dtype="int64"),
        }
    )


def _per_status(session: Session, key: Any, conditions: list[Any]) -> list[tuple[Any, ...]]:
    """Rows (key, claims in each Status in order) for each group of the claims under
    ``conditions`` (which may test their article)."""
    query = (
        sa.select(key, col(Claim.status), sa.func.count())
        .select_from(_claims_from(article=True))
        .where(*conditions)
        .group_by(key, col(Claim.status))
    )
    found: dict[Any, dict[Status, int]] = {}
    for k, status, n in session.execute(query):
        found.setdefault(k, {})[Status(status)] = n
    return [(k, *(per.get(s, 0) for s in Status)) for k, per in found.items()]


def counts_from(table: pd.DataFrame) -> pd.DataFrame:
    """``status_counts`` summed from ``status_tally`` (or any table of status and claims)."""
    found = table.groupby("status")["claims"].sum() if not table.empty else {}
    return pd.DataFrame(
        {
            "status": [s.value for s in Status],
            "claims": [int(found.get(s.value, 0)) for s in Status],
        }
    )


def _names(session: Session, by: Dimension, keys: list[Any]) -> dict[Any, str]:
    """The display name of each key (id → outlet / article / speaker name)."""
    if by == "kind":
        return {k: str(k).title() for k in keys}
    ident, name = GROUP_NAMES[by]
    found = dict(session.execute(sa.select(ident, name).where(ident.in_(keys))).all())
    return {k: str(found.get(k, NO_NAME[by])) if k is not None else NO_NAME[by] for k in keys}


def _latest_change(session: Session) -> date | None:
    """The last day any claim changed status."""
    table = StatusChangeCount
    return session.execute(
        sa.select(sa.func.max(col(table.day))).where(
            col(table.outlet_id) == ANY_OUTLET, col(table.grain) == Grain.ALL
        )
    ).scalar()


def review_activity(session: Session, *, where: DashboardFilter, days: int = 90) -> pd.DataFrame:
    """Status changes of the filtered claims over the ``days`` up to the latest one.

    Columns: day, reviewer, before, after (statuses), changes. One row per combination, so a
    few thousand rows at most whatever the size of the database. Read from the count table,
    or from the audit trail of the one article chosen.
    """
    columns = ["day", "reviewer", "before", "after", "changes"]
    latest = _latest_change(session)
    if latest is None:
        return pd.DataFrame(columns=columns)
    if isinstance(latest, str):  # SQLite hands an aggregate's date back as text
        latest = date.fromisoformat(latest)
    since = latest - timedelta(days=days - 1)
    if where.article_id is not None:
        query = _article_activity(session, where, since)
    else:
        table = StatusChangeCount
        # Plain text and numbers, unconverted: the rows go straight to pandas.
        keys = [
            sa.type_coerce(col(table.day), sa.String),
            col(table.actor_id),
            sa.type_coerce(col(table.from_status), sa.String),
            sa.type_coerce(col(table.to_status), sa.String),
        ]
        query = (
            sa.select(*keys, sa.func.sum(col(table.changes)))
            .where(
                col(table.outlet_id) == _outlet_or_any(where),
                *_counted(table, replace(where, outlet_id=None)),
                col(table.day) >= since,
            )
            .group_by(*keys)
            .having(sa.func.sum(col(table.changes)) != 0)
        )
    # Thousands of rows: taken from the driver as plain tuples, not one Row object each.
    rows = session.connection().execute(query).cursor.fetchall()
    frame = (
        pd.DataFrame.from_records(rows, columns=columns)
        if rows
        else pd.DataFrame({c: [] for c in columns})
    )
    # Names are looked up afterwards: joining users before grouping costs a lookup per row.
    ids = [int(i) for i in frame["reviewer"].dropna().unique()]
    names = dict(
        session.execute(
            sa.select(col(User.id), col(User.display_name)).where(col(User.id).in_(ids))
        ).all()
    )
    frame["reviewer"] = frame["reviewer"].map(names).fillna("(system)").astype(object)
    frame["day"] = pd.to_datetime(frame["day"].astype(str))
    return frame


def _article_activity(session: Session, where: DashboardFilter, since: date) -> Any:
    """The status changes of one article's claims since ``since``, from the audit trail."""
    day = _day(session, col(Event.at))
    before = col(Event.before)["status"].as_string()
    after = col(Event.after)["status"].as_string()
    actor = sa.func.coalesce(col(Event.actor_id), NONE_ID)
    source = sa.join(Event, Claim, col(Claim.id) == col(Event.claim_id)).join(
        Article, col(Article.id) == col(Claim.article_id)
    )
    return (
        sa.select(day, actor, before, after, sa.func.count())
        .select_from(source)
        .where(
            *where.conditions(),
            col(Event.entity) == "claim",
            col(Event.at) >= _midnight(since),
            before != after,
        )
        .group_by(day, actor, before, after)
    )


def _day(session: Session, column: Any) -> Any:
    """The UTC date of a datetime column, as 'YYYY-MM-DD' text on both databases."""
    if session.get_bind().dialect.name == "sqlite":
        return sa.func.substr(column, 1, 10)  # stored as 'YYYY-MM-DD HH:MM:SS.ffffff'
    return sa.func.to_char(sa.func.timezone("UTC", column), "YYYY-MM-DD")


def changes_per_day(activity: pd.DataFrame) -> pd.DataFrame:
    """Status changes per day by the status reached (columns day, status, changes)."""
    if activity.empty:
        return pd.DataFrame(columns=["day", "status", "changes"])
    grouped = activity.groupby(["day", "after"], as_index=False)["changes"].sum()
    return grouped.rename(columns={"after": "status"})


def reviewed_share_per_day(activity: pd.DataFrame, now: Headline) -> pd.DataFrame:
    """Share of the claims reviewed at the end of each day (columns day, reviewed_share).

    Worked back from today's count: reviewed at the end of day d = reviewed now minus the
    net number of claims that entered a reviewed status after d.
    """
    if activity.empty:
        return pd.DataFrame(columns=["day", "reviewed_share"])
    reviewed = {s.value for s in REVIEWED}
    entered = activity["after"].isin(reviewed) & ~activity["before"].isin(reviewed)
    left = activity["before"].isin(reviewed) & ~activity["after"].isin(reviewed)
    net = (
        (activity["changes"] * (entered.astype(int) - left.astype(int)))
        .groupby(activity["day"])
        .sum()
    )
    days = pd.date_range(net.index.min(), net.index.max(), freq="D")
    net = net.reindex(days, fill_value=0)
    after_day = net[::-1].cumsum()[::-1].shift(-1, fill_value=0)
    real = now.claims - now.counts.get(Status.NOT_A_CLAIM, 0)
    share = (now.reviewed - after_day) / real if real else after_day * 0.0
    return pd.DataFrame({"day": days, "reviewed_share": share.to_numpy(dtype=float)})


def reviews_per_week(activity: pd.DataFrame) -> pd.DataFrame:
    """Status changes per reviewer per week, weeks starting on Monday (week, reviewer, reviews)."""
    if activity.empty:
        return pd.DataFrame(columns=["week", "reviewer", "reviews"])
    week = activity["day"] - pd.to_timedelta(activity["day"].dt.day_of_week, unit="D")
    grouped = activity.assign(week=week).groupby(["week", "reviewer"], as_index=False)
    return grouped["changes"].sum().rename(columns={"changes": "reviews"})


MEASURE_KEYS = 40  # the most keys one search reads, the commonest first
FIGURES = 500  # the newest figures a chart plots: enough dots to read a series by outlet


def figures(
    session: Session, *, where: DashboardFilter, measure: str, limit: int = FIGURES
) -> pd.DataFrame:
    """The ``limit`` newest figures (numeric claims with a value) about ``measure``.

    Columns: claim_id, article_date (the day), value, outlet, measure, quote; newest articles
    first. Empty when no search. The search resolves to the measure keys that exist
    (``measure_keys``), then each key's figures are read down the measure counts from the
    newest article under the filter, ``limit`` at most: the cost follows the figures shown
    and the keys found, not the claims stored, and a measure no claim has reads no claim.
    """
    columns = ["claim_id", "article_date", "value", "outlet", "measure", "quote"]
    keys = measure_keys(session, measure) if measure.strip() else []
    if not keys:
        return pd.DataFrame(columns=columns)
    newest = sa.union_all(*(sa.select(_newest_figures(k, where, limit)) for k in keys)).subquery()
    query = (
        sa.select(
            newest.c.id,
            newest.c.day,
            newest.c.value,
            sa.func.coalesce(col(Outlet.name), NO_NAME["outlet"]),
            newest.c.measure,
            newest.c.quote,
        )
        .select_from(newest.join(Outlet, col(Outlet.id) == newest.c.outlet_id, isouter=True))
        .order_by(newest.c.day.desc(), newest.c.article_id.desc(), newest.c.start.desc())
        .limit(limit)
    )
    # Thousands of rows: taken from the driver as plain tuples, not one Row object each.
    rows = session.connection().execute(query).cursor.fetchall()
    frame = pd.DataFrame.from_records(rows, columns=columns)
    frame["article_date"] = pd.to_datetime(frame["article_date"].astype(str), utc=True)
    return frame


def measure_keys(session: Session, measure: str) -> list[str]:
    """The measure keys of stored figures that a search for ``measure`` finds.

    The search is read as a measure (factcheck.comparable.measure_key: "deaths" and "death
    toll" both mean "killed", "hostages" "kidnapped"); a key matches when each of its words
    begins a word of the key, so "rain" finds "rainfall". Read from the few rows of
    ``measure_total``; a search as broad as one letter reads the ``MEASURE_KEYS`` keys with the
    most figures, so the figures query stays a bounded union whatever is typed.
    """
    searched = comparable_key(measure, None)
    if searched is None:  # only words that count nothing ("people", "number")
        return []
    spaced = " " + col(MeasureTotal.measure_key)
    # A key's words are letters, hyphens and apostrophes: nothing to escape in a pattern.
    words = [spaced.like(f"% {word}%") for word in searched.split()]
    query = (
        sa.select(col(MeasureTotal.measure_key))
        .where(col(MeasureTotal.claims) > 0, *words)
        .order_by(col(MeasureTotal.claims).desc(), col(MeasureTotal.measure_key))
        .limit(MEASURE_KEYS)
    )
    return sorted(session.execute(query).scalars())


def _newest_figures(key: str, where: DashboardFilter, limit: int) -> Any:
    """The ``limit`` newest figures of one measure key under the filter, with their
    article's day and outlet from the counts (the article rows hold whole texts: not read).

    First the ``limit`` newest articles with figures of the key, down the measure counts'
    (measure_key[, outlet_id], day) index: each holds one at least, so the newest figures are
    among theirs. Taken apart with their own LIMIT, the planners walk the index and stop
    rather than read every article of the dates chosen. Then their figures, by the claim
    index (measure_key, article_id, start).
    """
    articles = (
        sa.select(col(MeasureCount.article_id), col(MeasureCount.day), col(MeasureCount.outlet_id))
        .where(
            col(MeasureCount.measure_key) == key,
            col(MeasureCount.claims) > 0,
            *_placed(MeasureCount, where),
        )
        .order_by(col(MeasureCount.day).desc(), col(MeasureCount.article_id).desc())
        .limit(limit)
        .subquery()
    )
    return (
        sa.select(
            col(Claim.id),
            articles.c.day,
            articles.c.outlet_id,
            articles.c.article_id,
            col(Claim.start),
            col(Claim.value),
            col(Claim.measure),
            col(Claim.quote),
        )
        .select_from(sa.join(articles, Claim, col(Claim.article_id) == articles.c.article_id))
        .where(
            col(Claim.measure_key) == key,
            col(Claim.kind) == ClaimKind.NUMERIC,
            col(Claim.value).is_not(None),
        )
        .order_by(articles.c.day.desc(), articles.c.article_id.desc(), col(Claim.start).desc())
        .limit(limit)
        .subquery()
    )


NEWEST_FIRST = (  # the articles' date, then their id, then the claims in text order
    col(ArticleCount.day).desc(),
    col(ArticleCount.article_id).desc(),
    col(Claim.start).desc(),
)


def _newest_articles_claims() -> Any:
    """FROM the article counts, with each article's claims, the article, outlet and speaker.

    Walked in NEWEST_FIRST order down the counts' (day, article_id) index, or (outlet_id,
    day, article_id) for one outlet, each article's claims found by (article_id, start).
    """
    return (
        sa.join(ArticleCount, Claim, col(Claim.article_id) == col(ArticleCount.article_id))
        .join(Article, col(Article.id) == col(ArticleCount.article_id))
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id), isouter=True)
        .join(Speaker, col(Speaker.id) == col(Claim.speaker_id), isouter=True)
    )


def claims_table(
    session: Session,
    *,
    where: DashboardFilter,
    selections: Sequence[Selection] = (),
    limit: int = 200,
) -> pd.DataFrame:
    """The claims of the newest articles (by article date) under the filter and every
    clicked bar.

    Columns: id, status, kind, quote, article, outlet, speaker. The articles are walked from
    the newest down the article counts' date index (of the outlet's, when one is chosen),
    their claims read in text order, until ``limit`` claims are found: the cost depends on
    how many claims the filter leaves, not on how many the database holds.
    """
    conditions = _counted_articles(where) + ClaimFilter(kind=where.kind).conditions()
    conditions += [c for s in selections for c in s.conditions()]
    query = (
        sa.select(
            col(Claim.id),
            col(Claim.status),
            col(Claim.kind),
            col(Claim.quote),
            col(Article.title),
            col(Outlet.name),
            col(Speaker.name),
        )
        .select_from(_newest_articles_claims())
        .where(*conditions)
        .order_by(*NEWEST_FIRST)
        .limit(limit)
    )
    columns = ["id", "status", "kind", "quote", "article", "outlet", "speaker"]
    return pd.DataFrame(session.execute(query).all(), columns=columns)


def outlet_choices(session: Session) -> list[tuple[int, str]]:
    """Every outlet as (id, name), by name, for the filter."""
    rows = session.execute(sa.select(col(Outlet.id), col(Outlet.name)).order_by(col(Outlet.name)))
    return [(int(i), str(n)) for i, n in rows.all()]


def article_choices(
    session: Session, *, outlet_id: int | None = None, limit: int = 500
) -> list[tuple[int, str]]:
    """The articles added last as (id, title), for the filter (of one outlet when given)."""
    query = sa.select(col(Article.id), col(Article.title))
    if outlet_id is not None:
        query = query.where(col(Article.outlet_id) == outlet_id)
    query = query.order_by(col(Article.id).desc()).limit(limit)  # newest added: uses the key
    return [(int(i), str(t)) for i, t in session.execute(query).all()]


@dataclass(frozen=True, slots=True)
class Overview:
    """Every table of the Dashboard page for one filter."""

    headline: Headline
    bars: dict[str, pd.DataFrame]  # status_by's table for each Dimension
    changes: pd.DataFrame  # changes_per_day
    share: pd.DataFrame  # reviewed_share_per_day
    reviewers: pd.DataFrame  # reviews_per_week


def overview(session: Session, *, where: DashboardFilter, days: int = 90) -> Overview:
    """The page's tables under ``where``, with review activity over ``days``."""
    tally = status_tally(session, where=where)  # outlets, kinds and the headline from one read
    now = headline(counts_from(tally))
    activity = review_activity(session, where=where, days=days)
    return Overview(
        headline=now,
        bars={
            "outlet": status_from(tally, by="outlet"),
            "kind": status_from(tally, by="kind"),
            "article": status_by(session, where=where, by="article"),
            "speaker": status_by(session, where=where, by="speaker"),
        },
        changes=changes_per_day(activity),
        share=reviewed_share_per_day(activity, now),
        reviewers=reviews_per_week(activity),
    )
