"""Count tables: the dashboard's numbers, kept exact as claims change, in the same transaction.

The contract: **every write that inserts a claim or changes its status, kind, speaker or
article must call** ``claim_changed`` (with the claim's ``facts`` before and after) before it
commits. The call writes nothing: a transaction's changes are added up in the session and
written at its commit (the ``before_commit`` hook below), one upsert per count table (on
PostgreSQL one statement for them all), so a bulk write (ingest, bulk status, group verdicts)
updates each count once per batch; a rollback forgets them. The services are the only
writers of claims, so the counts cannot drift; ``check`` compares them with a full count and
``rebuild`` rewrites them from the claims and the audit trail (``factcheck counts --check``
/ ``--rebuild``).

The tables (factcheck.models): claims per article date, outlet, kind and status
(``claim_count``); the same per speaker (``speaker_count``, which also counts every outlet
together under ANY_OUTLET) with each speaker's total
(``speaker_total``, the order speakers are ranked in); each article's claims by kind
(``article_count``); status changes per day, reviewer and (from, to) status
(``status_change_count``); figures (numeric claims with a value) per measure key
(``measure_total``, the keys a search of the figures resolves to) and per measure key and
article (``measure_count``, walked newest first to find them). A date is counted at three
grains, its day, its month and all time, so that any range of dates reads the days at its
ends and the months between (``periods``): how many claims there are does not change how
many rows a filter reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from factcheck.audit import record
from factcheck.models import (
    ALL_TIME,
    ANY_OUTLET,
    NONE_ID,
    Article,
    ArticleCount,
    Claim,
    ClaimCount,
    ClaimKind,
    Event,
    Grain,
    MeasureCount,
    MeasureTotal,
    SpeakerCount,
    SpeakerTotal,
    Status,
    StatusChangeCount,
    User,
)
from factcheck.permissions import Action, require

LEDGER = "factcheck_counts"  # the key of a transaction's pending changes in session.info


@dataclass(frozen=True, slots=True)
class Facts:
    """Where one claim is counted."""

    article_id: int
    day: date  # its article's date: published, else ingested (UTC)
    outlet_id: int  # NONE_ID: no outlet
    speaker_id: int  # NONE_ID: no speaker
    kind: ClaimKind
    status: Status
    measure_key: str | None  # a figure's (``figure_key``); None: the claim is no figure


def figure_key(kind: ClaimKind | str, value: float | None, measure_key: str | None) -> str | None:
    """The measure key a claim is counted under as a figure: numeric, with a value and a
    measure key (what the dashboard's figures plot); None for any other claim."""
    return measure_key if kind == ClaimKind.NUMERIC and value is not None else None


def article_day(published_at: datetime | None, ingested_at: datetime) -> date:
    """The date an article is counted on: published, else ingested, in UTC."""
    moment = published_at or ingested_at
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).date()


def grains(day: date) -> list[tuple[Grain, date]]:
    """The (grain, period) rows a date is counted in."""
    return [(Grain.DAY, day), (Grain.MONTH, day.replace(day=1)), (Grain.ALL, ALL_TIME)]


@dataclass
class _Ledger:
    """A transaction's changes to the counts, added up until it commits.

    Each key (and row) holds its count table's columns in the table's order (``_rows``).
    """

    claims: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    speakers: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    totals: Counter[int] = field(default_factory=Counter)
    articles: dict[int, list[Any]] = field(default_factory=dict)  # id: [day, outlet, +3 counts]
    changes: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    measures: dict[tuple[str, int], list[Any]] = field(default_factory=dict)  # [day, outlet, n]
    measure_totals: Counter[str] = field(default_factory=Counter)
    places: dict[int, tuple[date, int]] = field(default_factory=dict)  # article: (day, outlet)

    def count(self, facts: Facts, sign: int) -> None:
        """Add (+1) or take away (-1) one claim."""
        for grain, period in grains(facts.day):
            self.claims[(grain, period, facts.outlet_id, facts.kind, facts.status)] += sign
            for outlet in (facts.outlet_id, ANY_OUTLET):
                key = (facts.speaker_id, grain, period, outlet, facts.kind, facts.status)
                self.speakers[key] += sign
        self.totals[facts.speaker_id] += sign
        row = self.articles.setdefault(facts.article_id, [facts.day, facts.outlet_id, 0, 0, 0])
        row[0], row[1] = facts.day, facts.outlet_id
        row[2] += sign
        row[3 if facts.kind == ClaimKind.NUMERIC else 4] += sign
        if facts.measure_key is not None:
            place = (facts.measure_key, facts.article_id)
            figures = self.measures.setdefault(place, [facts.day, facts.outlet_id, 0])
            figures[0], figures[1] = facts.day, facts.outlet_id
            figures[2] += sign
            self.measure_totals[facts.measure_key] += sign

    def change(self, facts: Facts, *, on: date, actor: int, before: Status, sign: int) -> None:
        """Add or take away one status change (from ``before`` to ``facts.status``)."""
        for grain, period in grains(facts.day):
            for outlet in (facts.outlet_id, ANY_OUTLET):
                key = (outlet, grain, on, period, facts.kind, actor, before, facts.status)
                self.changes[key] += sign


def _ledger(session: Session) -> _Ledger:
    ledger = session.info.get(LEDGER)
    if ledger is None:
        ledger = session.info[LEDGER] = _Ledger()
    return ledger


def facts(session: Session, claim: Claim) -> Facts:
    """What the counts know of ``claim`` (its article's date and outlet: read once a commit)."""
    places = _ledger(session).places
    if claim.article_id not in places:
        published, ingested, outlet = session.execute(
            sa.select(
                col(Article.published_at), col(Article.ingested_at), col(Article.outlet_id)
            ).where(col(Article.id) == claim.article_id)
        ).one()
        places[claim.article_id] = (article_day(published, ingested), outlet or NONE_ID)
    day, outlet = places[claim.article_id]
    return Facts(
        article_id=claim.article_id,
        day=day,
        outlet_id=outlet,
        speaker_id=claim.speaker_id or NONE_ID,
        kind=ClaimKind(claim.kind),
        status=Status(claim.status),
        measure_key=figure_key(claim.kind, claim.value, claim.measure_key),
    )


def claim_changed(
    session: Session,
    *,
    before: Facts | None,
    after: Facts | None,
    by: User | None = None,
    at: datetime | None = None,
    claim_id: int | None = None,
) -> None:
    """Count one claim's change, written when the session commits: the one way counts change.

    Every write that inserts a claim (``before=None``) or changes its status, kind, speaker or
    article must call this before it commits, in the same transaction. A new status counts
    as a status change of ``by`` on the day of ``at`` (now when not given). A claim that
    moves to another kind or article (``claim_id`` given) takes its past status changes with
    it, so they stay under the filters that select it; call this before recording the
    change's own event.
    """
    if before == after:
        return
    ledger = _ledger(session)
    if before is not None:
        ledger.count(before, -1)
    if after is not None:
        ledger.count(after, +1)
    if before is None or after is None:
        return
    if before.status != after.status:
        on = (at or datetime.now(UTC)).astimezone(UTC).date()
        actor = by.id if by is not None and by.id is not None else NONE_ID
        ledger.change(after, on=on, actor=actor, before=before.status, sign=+1)
    moved = (before.article_id, before.kind) != (after.article_id, after.kind)
    if moved and claim_id is not None:
        for on, actor, old, new in _status_changes(session, claim_id):
            ledger.change(replace(before, status=new), on=on, actor=actor, before=old, sign=-1)
            ledger.change(replace(after, status=new), on=on, actor=actor, before=old, sign=+1)


def _status_changes(session: Session, claim_id: int) -> Iterator[tuple[date, int, Status, Status]]:
    """(day, actor, from, to) of every recorded status change of one claim."""
    query = select(Event).where(col(Event.claim_id) == claim_id, col(Event.entity) == "claim")
    for event in session.exec(query):
        old = (event.before or {}).get("status")
        new = (event.after or {}).get("status")
        if old and new and old != new:
            at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)
            yield at.astimezone(UTC).date(), event.actor_id or NONE_ID, Status(old), Status(new)


# Writing: once per transaction, just before it commits.

_ADDED: dict[type[Any], list[str]] = {  # the columns a commit adds to (it sets the others)
    ClaimCount: ["claims"],
    SpeakerCount: ["claims"],
    SpeakerTotal: ["claims"],
    ArticleCount: ["claims", "numeric_claims", "attributed_claims"],
    StatusChangeCount: ["changes"],
    MeasureCount: ["claims"],
    MeasureTotal: ["claims"],
}
_STATEMENTS: dict[tuple[str, type[Any] | None], Any] = {}  # built once: see _upsert


def _upsert(dialect: str, model: type[Any] | None = None) -> Any:
    """The upsert that adds a commit's rows to the count tables, built once per database.

    On PostgreSQL one statement writes every table (``model`` None): each table's rows go as
    one array per column, unnested in key order, so a commit costs one round trip and the
    server runs each upsert once (an executemany runs it once per row). SQLite runs in this
    process, where an executemany per table (``model``) costs as little.
    """
    built = _STATEMENTS.get((dialect, model))
    if built is None:
        if model is not None:
            built = _on_conflict(sqlite.insert(model.__table__), model)
        else:
            first, *others = [_unnested(m) for m in _ADDED]
            built = first.add_cte(*(o.cte(f"write_{o.table.name}") for o in others))
        _STATEMENTS[dialect, model] = built
    return built


def _unnested(model: type[Any]) -> Any:
    """PostgreSQL's upsert of ``model``'s rows from arrays named table__column."""
    table = model.__table__
    arrays = [sa.bindparam(_array(table, c), type_=postgresql.ARRAY(c.type)) for c in table.c]
    rows = sa.func.unnest(*arrays).table_valued(*(sa.column(c.name, c.type) for c in table.c))
    source = sa.select(*rows.render_derived().c)
    return _on_conflict(postgresql.insert(table).from_select(list(table.c.keys()), source), model)


def _array(table: sa.Table, column: sa.Column[Any]) -> str:
    return f"{table.name}__{column.name}"


def _on_conflict(insert: Any, model: type[Any]) -> Any:
    """``insert``, adding its counts to the rows already there and setting the rest."""
    table = model.__table__
    keys = [c.name for c in table.primary_key.columns]
    added = _ADDED[model]
    updates = {c: table.c[c] + insert.excluded[c] for c in added}
    updates |= {c.name: insert.excluded[c.name] for c in table.c if c.name not in keys + added}
    return insert.on_conflict_do_update(index_elements=keys, set_=updates)


def _rows(ledger: _Ledger) -> dict[type[Any], list[tuple[Any, ...]]]:
    """The rows to add to each count table, as tuples in its columns' order, sorted: so
    concurrent transactions lock count rows in one order (no deadlock on PostgreSQL)."""
    found: dict[type[Any], list[tuple[Any, ...]]] = {
        ClaimCount: [(*key, n) for key, n in ledger.claims.items() if n],
        SpeakerCount: [(*key, n) for key, n in ledger.speakers.items() if n],
        SpeakerTotal: [(speaker, n) for speaker, n in ledger.totals.items() if n],
        ArticleCount: [(article, *row) for article, row in ledger.articles.items()],
        StatusChangeCount: [(*key, n) for key, n in ledger.changes.items() if n],
        MeasureCount: [(*key, *row) for key, row in ledger.measures.items()],
        MeasureTotal: [(key, n) for key, n in ledger.measure_totals.items() if n],
    }
    return {model: sorted(rows) for model, rows in found.items()}


def write(session: OrmSession) -> None:
    """Write the transaction's pending count changes (called by the commit hook)."""
    ledger: _Ledger | None = session.info.pop(LEDGER, None)
    if ledger is None:
        return
    found = _rows(ledger)
    if not any(found.values()):
        return
    dialect = session.get_bind().dialect.name
    if dialect != "postgresql":
        for model, rows in found.items():
            names = model.__table__.c.keys()
            if rows:
                session.execute(
                    _upsert(dialect, model), [dict(zip(names, r, strict=True)) for r in rows]
                )
        return
    arrays: dict[str, list[Any]] = {}
    for model, rows in found.items():
        table = model.__table__
        columns = zip(*rows, strict=True) if rows else ([] for _ in table.c)
        arrays |= {_array(table, c): list(v) for c, v in zip(table.c, columns, strict=True)}
    session.execute(_upsert(dialect), arrays)


def _forget(session: OrmSession, *_: Any) -> None:
    session.info.pop(LEDGER, None)


sa.event.listen(OrmSession, "before_commit", write)
sa.event.listen(OrmSession, "after_soft_rollback", _forget)


# Reading: which rows of a count table make up a range of dates.


def _month_after(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods(start: date | None, end: date | None) -> list[tuple[Grain, date, date]]:
    """(grain, first period, last period) ranges whose rows add up to the dates start..end.

    Whole months in the range are read as months, the days before and after them as days.
    """
    if start is None and end is None:
        return [(Grain.ALL, ALL_TIME, ALL_TIME)]
    low, high = start or date.min, end or date.max
    if low > high:
        return []
    months_from = low if low.day == 1 else _month_after(low)
    months_to = date.max if high == date.max else (high + timedelta(days=1)).replace(day=1)
    if months_from >= months_to:
        return [(Grain.DAY, low, high)]
    found = [(Grain.MONTH, months_from, months_to - timedelta(days=1))]
    if low < months_from:
        found.append((Grain.DAY, low, months_from - timedelta(days=1)))
    if months_to <= high:
        found.append((Grain.DAY, months_to, high))
    return found


def period_condition(model: type[Any], start: date | None, end: date | None) -> Any:
    """The WHERE condition selecting the rows of ``model`` that count the dates start..end."""
    grain, period = col(model.grain), col(model.period)
    parts = [  # one period is an equality, so the index goes on to the next column
        sa.and_(grain == g, period == first if first == last else period.between(first, last))
        for g, first, last in periods(start, end)
    ]
    return sa.or_(*parts) if parts else sa.false()


# Checking and rebuilding: the counts from a full count of the claims and the audit trail.


def _dates(session: Session) -> tuple[Any, Any]:
    """SQL for the article date and its month, as dates, on either database."""
    moment = sa.func.coalesce(col(Article.published_at), col(Article.ingested_at))
    if session.get_bind().dialect.name == "sqlite":  # UTC text 'YYYY-MM-DD HH:MM:SS.ffffff'
        return sa.func.substr(moment, 1, 10), sa.func.substr(moment, 1, 7) + "-01"
    utc = sa.func.timezone("UTC", moment)
    return sa.cast(utc, sa.Date), sa.cast(sa.func.date_trunc("month", utc), sa.Date)


def _day_of(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return sa.func.substr(column, 1, 10)
    return sa.cast(sa.func.timezone("UTC", column), sa.Date)


def _each_grain(session: Session) -> list[tuple[Any, Any]]:
    day, month = _dates(session)
    return [
        (sa.literal(Grain.DAY.value), day),
        (sa.literal(Grain.MONTH.value), month),
        (sa.literal(Grain.ALL.value), sa.literal(ALL_TIME, sa.Date)),
    ]


def _grouped(*keys: Any) -> list[Any]:
    """The keys to GROUP BY: all but constants (the grain, the period of all time)."""
    return [k for k in keys if not isinstance(k, sa.BindParameter)]


def _claims_and_articles() -> Any:
    return sa.join(Claim, Article, col(Article.id) == col(Claim.article_id))


def expected(session: Session) -> dict[type[Any], Any]:
    """For each count table, the SELECT of the rows a full count gives (zeros left out)."""
    outlet = sa.func.coalesce(col(Article.outlet_id), NONE_ID)
    speaker = sa.func.coalesce(col(Claim.speaker_id), NONE_ID)
    kind, status, n = col(Claim.kind), col(Claim.status), sa.func.count()
    claims, speakers = [], []
    for grain, period in _each_grain(session):
        source = _claims_and_articles()
        keys = [grain, period, outlet, kind, status]
        claims.append(sa.select(*keys, n).select_from(source).group_by(*_grouped(*keys)))
        for where in (outlet, sa.literal(ANY_OUTLET)):
            keys = [speaker, grain, period, where, kind, status]
            speakers.append(sa.select(*keys, n).select_from(source).group_by(*_grouped(*keys)))
    day, _ = _dates(session)
    numeric = sa.func.sum(sa.case((kind == ClaimKind.NUMERIC, 1), else_=0))
    article = (
        sa.select(col(Article.id), day, outlet, n, numeric, n - numeric)
        .select_from(_claims_and_articles())
        .group_by(col(Article.id), day, outlet)
    )
    measure = col(Claim.measure_key)
    figures = [kind == ClaimKind.NUMERIC, col(Claim.value).is_not(None), measure.is_not(None)]
    return {
        ClaimCount: sa.union_all(*claims),
        SpeakerCount: sa.union_all(*speakers),
        SpeakerTotal: sa.select(speaker, n).group_by(speaker),
        ArticleCount: article,
        StatusChangeCount: _expected_changes(session, outlet),
        MeasureCount: sa.select(measure, col(Article.id), day, outlet, n)
        .select_from(_claims_and_articles())
        .where(*figures)
        .group_by(measure, col(Article.id), day, outlet),
        MeasureTotal: sa.select(measure, n).where(*figures).group_by(measure),
    }


def _expected_changes(session: Session, outlet: Any) -> Any:
    old = col(Event.before)["status"].as_string()
    new = col(Event.after)["status"].as_string()
    on = _day_of(session, col(Event.at))
    actor = sa.func.coalesce(col(Event.actor_id), NONE_ID)
    source = sa.join(Event, Claim, col(Claim.id) == col(Event.claim_id)).join(
        Article, col(Article.id) == col(Claim.article_id)
    )
    changed = [col(Event.entity) == "claim", old.is_not(None), new.is_not(None), old != new]
    parts = []
    for grain, period in _each_grain(session):
        for where in (outlet, sa.literal(ANY_OUTLET)):
            keys = [where, grain, on, period, col(Claim.kind), actor, old, new]
            query = sa.select(*keys, sa.func.count()).select_from(source).where(*changed)
            parts.append(query.group_by(*_grouped(*keys)))
    return sa.union_all(*parts)


def _stored(model: type[Any]) -> Any:
    table = model.__table__
    value = "changes" if model is StatusChangeCount else "claims"
    return sa.select(*table.columns).where(table.c[value] != 0)


TABLES: tuple[type[Any], ...] = (
    ClaimCount,
    SpeakerCount,
    SpeakerTotal,
    ArticleCount,
    StatusChangeCount,
    MeasureCount,
    MeasureTotal,
)


def check(session: Session) -> dict[str, int]:
    """The rows of each count table that differ from a full count (all zeros: exact), and
    the claims whose stored triage points differ from their terms (``claim.triage_points``)."""
    from factcheck import triage  # the queue reads claims through the claims module

    found = {"claim.triage_points": triage.wrong_points(session)}
    for model, full in expected(session).items():
        stored = _stored(model)
        wrong = 0
        full_rows, stored_rows = sa.select(full.subquery()), sa.select(stored.subquery())
        for query in (full_rows.except_(stored_rows), stored_rows.except_(full_rows)):
            counted = sa.select(sa.func.count()).select_from(query.subquery())
            wrong += session.execute(counted).scalar_one()
        found[model.__tablename__] = wrong
    return found


def repair(session: Session, *, by: User) -> dict[str, int]:
    """Rebuild the counts (admins), with an event naming the rows that were wrong; commits.

    Returns ``check``'s answer from before the rebuild. On SQLite writers wait meanwhile.
    """
    require(by, Action.REPAIR_COUNTS)
    from factcheck import triage

    wrong = check(session)
    rebuild(session)
    triage.refresh_points(session)
    record(session, by=by, action="counts.rebuild", entity="counts", entity_id=None, after=wrong)
    session.commit()
    return wrong


def rebuild(connection: sa.Connection | Session, *, only: tuple[str, ...] = ()) -> None:
    """Rewrite every count table (or those named in ``only``: a migration builds the tables
    it creates) from the claims and the audit trail (the caller commits)."""
    session = connection if isinstance(connection, Session) else Session(bind=connection)
    if session.get_bind().dialect.name == "sqlite":  # group millions of rows in memory
        session.execute(sa.text("PRAGMA cache_size = -262144"))
    for model, full in expected(session).items():
        table = model.__table__
        if only and table.name not in only:
            continue
        session.execute(sa.delete(table))
        session.execute(sa.insert(table).from_select([c.name for c in table.columns], full))
