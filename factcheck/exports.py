"""Exports: gather what reports show from the database, check who may have it, stream it.

Data files (CSV, JSON, JSONL) stream claim by claim in keyset batches, so an export of a
million claims keeps memory flat. Documents (HTML, PDF, Markdown, ClaimReview) are built
from a whole ``Report`` and are capped at REPORT_MAX_CLAIMS claims. Claims marked
"not a claim" are never exported.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.claims import ClaimFilter, ClaimRow, claim_batches
from factcheck.desk import list_corrections
from factcheck.errors import BadInput, NotFound
from factcheck.labels import STATUS_LABELS
from factcheck.models import (
    Article,
    Claim,
    Event,
    Evidence,
    Note,
    Outlet,
    Speaker,
    SpeakerKind,
    Status,
    User,
    utcnow,
)
from factcheck.permissions import Action, require
from factcheck.reports import FORMATS, render_document, stream_records
from factcheck.reports.data import (
    Appearance,
    CorrectionItem,
    EvidenceItem,
    NoteItem,
    Report,
    ReportArticle,
    ReportClaim,
    ReviewerActivity,
    StatusChange,
)
from factcheck.settings import settings

REPORT_MAX_CLAIMS = 5_000  # documents beyond this are unreadable; use CSV or JSONL
PDF_MAX_CLAIMS = 1_000  # WeasyPrint lays out a few dozen table rows a second
ARTICLE_TEXTS_MAX = 10  # a report shows article texts when its claims come from so few
STATUS_ACTION = "claim.status"
AUDITED = {STATUS_ACTION: "status", "note.add": "note", "evidence.add": "evidence"}


def export_action(fmt: str) -> Action:
    """The permission a format needs: publishing ClaimReview, or exporting the rest."""
    return Action.PUBLISH if fmt == "claimreview" else Action.EXPORT


def report_limit(fmt: str) -> int | None:
    """The most claims a document format takes; None for data files, which stream."""
    if FORMATS[check_format(fmt)].streamed:
        return None
    return min(REPORT_MAX_CLAIMS, PDF_MAX_CLAIMS) if fmt == "pdf" else REPORT_MAX_CLAIMS


def check_format(fmt: str) -> str:
    """The format key; BadInput naming the choices when it is unknown."""
    if fmt not in FORMATS:
        raise BadInput(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return fmt


def conditions(where: ClaimFilter) -> list[Any] | None:
    """The WHERE conditions of an export of ``where``: "not a claim" left out.

    None when nothing is left to export. Statuses are compared through a CAST so SQLite
    walks the primary key instead of the status index: with the index, every keyset batch
    would collect and sort all remaining rows; walking the key reads each row once.
    """
    rest = dataclasses.replace(where, statuses=()).conditions()
    if not where.statuses:
        return [*rest, col(Claim.status) != Status.NOT_A_CLAIM]
    wanted = [s.value for s in where.statuses if s is not Status.NOT_A_CLAIM]
    if not wanted:
        return None
    return [*rest, sa.cast(col(Claim.status), sa.String).in_(wanted)]


def _count(session: Session, where: list[Any]) -> int:
    query = (
        select(func.count())
        .select_from(Claim)
        .join(Article, col(Article.id) == Claim.article_id)
        .where(*where)
    )
    return session.exec(query).one()


def count_exported(session: Session, *, where: ClaimFilter) -> int:
    """How many claims an export of ``where`` holds ("not a claim" left out)."""
    shown = conditions(where)
    return _count(session, shown) if shown is not None else 0


# ---- one batch of claims with everything around them -------------------------------------


def _articles_of(session: Session, ids: set[int]) -> dict[int, tuple[str | None, Any]]:
    rows = session.execute(
        sa.select(col(Article.id), col(Article.url), col(Article.published_at)).where(
            col(Article.id).in_(ids)
        )
    ).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def _appearances_of(session: Session, group_ids: set[int]) -> dict[int, tuple[Appearance, ...]]:
    """Each group's articles, earliest first (ClaimReview's firstAppearance and appearance)."""
    if not group_ids:
        return {}
    at = func.coalesce(col(Article.published_at), col(Article.ingested_at))
    rows = session.execute(
        sa.select(col(Claim.group_id), col(Article.url), col(Article.title), col(Outlet.name), at)
        .join(Article, col(Article.id) == Claim.article_id)
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(col(Claim.group_id).in_(group_ids))
        .order_by(at, col(Claim.id))
    ).all()
    out: dict[int, list[Appearance]] = {}
    for group_id, url, title, outlet, published in rows:
        out.setdefault(group_id, []).append(Appearance(url, title, outlet, published))
    return {g: tuple(found) for g, found in out.items()}


def _speaker_kinds(session: Session, ids: set[int]) -> dict[int, SpeakerKind]:
    if not ids:
        return {}
    rows = session.execute(
        sa.select(col(Speaker.id), col(Speaker.kind)).where(col(Speaker.id).in_(ids))
    ).all()
    return {r[0]: SpeakerKind(r[1]) for r in rows}


def _evidence_of(session: Session, ids: list[int]) -> dict[int, list[EvidenceItem]]:
    rows = session.execute(
        sa.select(Evidence, col(User.display_name))
        .join(User, col(User.id) == Evidence.created_by_id)
        .where(col(Evidence.claim_id).in_(ids))
        .order_by(col(Evidence.created_at), col(Evidence.id))
    ).all()
    out: dict[int, list[EvidenceItem]] = defaultdict(list)
    for e, name in rows:
        out[e.claim_id].append(EvidenceItem(e.url, e.title, e.stance, e.note, name, e.created_at))
    return out


def _notes_of(session: Session, ids: list[int]) -> dict[int, list[NoteItem]]:
    rows = session.execute(
        sa.select(Note, col(User.display_name))
        .join(User, col(User.id) == Note.created_by_id)
        .where(col(Note.claim_id).in_(ids))
        .order_by(col(Note.created_at), col(Note.id))
    ).all()
    out: dict[int, list[NoteItem]] = defaultdict(list)
    for n, name in rows:
        out[n.claim_id].append(NoteItem(n.body, name, n.created_at))
    return out


def _last_changes(session: Session, ids: list[int]) -> dict[int, StatusChange]:
    latest = (
        sa.select(func.max(Event.id))
        .where(col(Event.action) == STATUS_ACTION, col(Event.claim_id).in_(ids))
        .group_by(col(Event.claim_id))
    )
    rows = session.execute(
        sa.select(
            col(Event.claim_id),
            col(Event.at),
            col(Event.before),
            col(Event.after),
            col(User.display_name),
        )
        .join(User, col(User.id) == Event.actor_id, isouter=True)
        .where(col(Event.id).in_(latest))
    ).all()
    return {
        claim_id: StatusChange(
            by=name or "someone",
            at=at,
            before=(before or {}).get("status"),
            after=(after or {}).get("status"),
        )
        for claim_id, at, before, after, name in rows
    }


def _report_claims(session: Session, rows: Sequence[ClaimRow]) -> list[ReportClaim]:
    ids = [r.claim.id for r in rows if r.claim.id is not None]
    articles = _articles_of(session, {r.claim.article_id for r in rows})
    kinds = _speaker_kinds(session, {r.claim.speaker_id for r in rows if r.claim.speaker_id})
    seen_in = _appearances_of(session, {r.claim.group_id for r in rows if r.claim.group_id})
    evidence, notes, changes = (
        _evidence_of(session, ids),
        _notes_of(session, ids),
        _last_changes(session, ids),
    )
    out = []
    for row in rows:
        c = row.claim
        url, published = articles.get(c.article_id, (None, None))
        out.append(
            ReportClaim(
                id=c.id or 0,
                article_id=c.article_id,
                article_title=row.article_title,
                article_url=url,
                article_published_at=published,
                outlet=row.outlet,
                kind=c.kind,
                start=c.start,
                end=c.end,
                quote=c.quote,
                sentence=c.sentence,
                speaker=c.speaker_name or row.speaker,
                speaker_id=c.speaker_id,
                speaker_kind=kinds.get(c.speaker_id) if c.speaker_id else None,
                speaker_resolved=c.speaker_resolved,
                attribution=c.attribution,
                cue=c.cue,
                value=c.value,
                lower=c.lower,
                upper=c.upper,
                qualifier=c.qualifier,
                unit=c.unit,
                measure=c.measure,
                days=c.days,
                confidence=c.confidence,
                status=c.status,
                assignee=row.assignee,
                version=c.version,
                origin=c.origin,
                created_at=c.created_at,
                updated_at=c.updated_at,
                last_change=changes.get(c.id or 0),
                evidence=tuple(evidence.get(c.id or 0, ())),
                notes=tuple(notes.get(c.id or 0, ())),
                proposed_status=c.proposed_status,
                proposed_by=row.proposed_by,
                signed_off_by=row.signed_off_by,
                published_url=c.published_url,
                published_at=c.published_at,
                corrected_at=c.corrected_at,
                priority=c.priority,
                appearances=seen_in.get(c.group_id or 0, ()),
            )
        )
    return out


def _stream(session: Session, where: ClaimFilter, batch: int) -> Iterator[ReportClaim]:
    shown = conditions(where)
    if shown is None:
        return
    for rows in claim_batches(session, conditions=shown, batch=batch):
        yield from _report_claims(session, rows)


def iter_report_claims(
    session: Session,
    *,
    where: ClaimFilter,
    by: User,
    batch: int = 1000,
) -> Iterator[ReportClaim]:
    """Every exported claim of ``where`` in ID order, with evidence, notes and last change.

    Streams in keyset batches of ``batch`` claims: a few queries per batch, memory flat.
    """
    require(by, Action.EXPORT)
    return _stream(session, where, batch)


# ---- whole reports -------------------------------------------------------------------------


def _activity(session: Session, where: list[Any]) -> tuple[ReviewerActivity, ...]:
    claim_ids = (
        sa.select(col(Claim.id)).join(Article, col(Article.id) == Claim.article_id).where(*where)
    )
    rows = session.execute(
        sa.select(
            col(User.display_name),
            col(Event.action),
            func.count(),
            func.min(Event.at),
            func.max(Event.at),
        )
        .join(User, col(User.id) == Event.actor_id, isouter=True)
        .where(col(Event.claim_id).in_(claim_ids), col(Event.action).in_(AUDITED))
        .group_by(col(Event.actor_id), col(User.display_name), col(Event.action))
    ).all()
    people: dict[str, dict[str, Any]] = {}
    for name, action, n, first, last in rows:
        who = people.setdefault(name or "someone", {"first": first, "last": last})
        who[AUDITED[action]] = who.get(AUDITED[action], 0) + n
        who["first"], who["last"] = min(who["first"], first), max(who["last"], last)
    return tuple(
        ReviewerActivity(
            name=name,
            status_changes=d.get("status", 0),
            notes=d.get("note", 0),
            evidence=d.get("evidence", 0),
            first=d["first"],
            last=d["last"],
        )
        for name, d in sorted(people.items(), key=lambda item: item[1]["last"], reverse=True)
    )


def _articles_shown(session: Session, ids: set[int]) -> tuple[ReportArticle, ...]:
    if not ids or len(ids) > ARTICLE_TEXTS_MAX:
        return ()
    rows = session.execute(
        sa.select(Article, col(Outlet.name))
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(col(Article.id).in_(ids))
        .order_by(col(Article.id))
    ).all()
    return tuple(
        ReportArticle(a.id or 0, a.title, a.url, outlet, a.author, a.published_at, a.text)
        for a, outlet in rows
    )


def describe(session: Session, where: ClaimFilter) -> str:
    """A title for a report on ``where``: the article's title, or the filter in words."""
    if where.article_id is not None:
        article = session.get(Article, where.article_id)
        if article is None:
            raise NotFound(
                f"There is no article {where.article_id}; pick one from the Articles list."
            )
        return article.title
    parts = []
    if where.statuses:
        parts.append("status " + ", ".join(STATUS_LABELS[s].lower() for s in where.statuses))
    if where.kind is not None:
        parts.append(f"{where.kind.value} claims")
    named = (
        ("outlet", Outlet, where.outlet_id),
        ("speaker", Speaker, where.speaker_id),
        ("assigned to", User, where.assignee_id),
    )
    for label, model, key in named:
        if key is not None:
            row = session.get(model, key)
            name = getattr(row, "display_name", None) or getattr(row, "name", None) or key
            parts.append(f"{label} {name}")
    if where.search.strip():
        parts.append(f"mentioning “{where.search.strip()}”")
    if where.measure.strip():
        parts.append(f"measuring “{where.measure.strip()}”")
    if where.since is not None:
        parts.append(f"changed since {where.since:%Y-%m-%d}")
    return "Claims: " + "; ".join(parts) if parts else "All claims"


def gather_report(
    session: Session,
    *,
    where: ClaimFilter,
    by: User,
    action: Action = Action.EXPORT,
    now: datetime | None = None,
    limit: int | None = None,
) -> Report:
    """Everything a report on ``where`` shows; BadInput when it would be too long to read."""
    require(by, action)
    title = describe(session, where)
    shown = conditions(where)
    total = _count(session, shown) if shown is not None else 0
    most = REPORT_MAX_CLAIMS if limit is None else limit
    if total > most:
        raise BadInput(
            f"The selection holds {total:,} claims; this report is limited to {most:,}. "
            "Narrow the filter (article, status, date), or export CSV or JSONL, which have "
            "no limit."
        )
    claims = sorted(_stream(session, where, 1000), key=lambda c: (c.article_id, c.start, c.id))
    asked_all = not where.statuses or Status.NOT_A_CLAIM in where.statuses
    dropped = dataclasses.replace(where, statuses=(Status.NOT_A_CLAIM,)).conditions()
    left_out = _count(session, dropped) if asked_all else 0
    corrected = [c.id for c in claims if c.corrected_at is not None]
    article_ids = {c.article_id for c in claims}
    if where.article_id is not None:
        article_ids.add(where.article_id)
    return Report(
        title=title,
        generated_at=now or utcnow(),
        generated_by=by.display_name,
        claims=tuple(claims),
        articles=_articles_shown(session, article_ids),
        articles_total=len(article_ids),
        left_out=left_out,
        activity=_activity(session, shown) if shown is not None else (),
        corrections=tuple(
            CorrectionItem(c.claim_id, c.changes, c.reason, c.by, c.at)
            for c in list_corrections(session, claim_ids=corrected)
        )
        if corrected
        else (),
    )


# ---- one entry point for the CLI and the UI ----------------------------------------------


def export_chunks(session: Session, *, fmt: str, where: ClaimFilter, by: User) -> Iterator[bytes]:
    """The export of ``where`` in ``fmt``, in chunks; permission and size are checked now.

    The session must stay open until the chunks are consumed (data files stream from it).
    """
    check_format(fmt)
    if FORMATS[fmt].streamed:
        return stream_records(fmt, iter_report_claims(session, where=where, by=by))
    report = gather_report(
        session, where=where, by=by, action=export_action(fmt), limit=report_limit(fmt)
    )
    org_name, org_url, public_url = settings().publisher
    document = render_document(
        fmt, report, org_name=org_name, org_url=org_url, public_url=public_url
    )
    return iter((document,))


def export_bytes(session: Session, *, fmt: str, where: ClaimFilter, by: User) -> bytes:
    """The whole export of ``where`` in ``fmt`` as bytes (for download buttons)."""
    return b"".join(export_chunks(session, fmt=fmt, where=where, by=by))


def export_filename(fmt: str, where: ClaimFilter, *, now: datetime | None = None) -> str:
    """A file name that says what the export holds, e.g. factcheck-article-12-2025-01-31.pdf."""
    scope = f"article-{where.article_id}" if where.article_id is not None else "claims"
    return f"factcheck-{scope}-{(now or utcnow()):%Y-%m-%d}.{FORMATS[check_format(fmt)].extension}"
