"""Claims: add one by hand, list them with filters, read one in full, change one safely."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck import counts
from factcheck.audit import add_recorded, claim_history, record
from factcheck.db import check_lengths, check_page, like_pattern
from factcheck.errors import BadInput, Conflict, NotAllowed, NotFound
from factcheck.labels import STATUS_LABELS
from factcheck.models import (
    REVIEWED,
    Article,
    Attribution,
    Claim,
    ClaimKind,
    Event,
    Evidence,
    Note,
    Origin,
    Outlet,
    Speaker,
    Status,
    User,
    utcnow,
)
from factcheck.permissions import Action, can, require
from factcheck.speakers import speaker_named


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to list; empty fields do not filter."""

    statuses: tuple[Status, ...] = ()
    kind: ClaimKind | None = None
    article_id: int | None = None
    outlet_id: int | None = None
    speaker_id: int | None = None
    assignee_id: int | None = None
    search: str = ""  # words in the quote or its sentence
    since: datetime | None = None  # updated at or after
    measure: str = ""  # words in what a numeric claim counts

    def conditions(self) -> list[Any]:
        """The WHERE conditions of this filter, for any query that joins Claim and Article."""
        where: list[Any] = []
        if self.statuses:
            where.append(col(Claim.status).in_(self.statuses))
        if self.kind is not None:
            where.append(Claim.kind == self.kind)
        if self.article_id is not None:
            where.append(Claim.article_id == self.article_id)
        if self.outlet_id is not None:
            where.append(Article.outlet_id == self.outlet_id)
        if self.speaker_id is not None:
            where.append(Claim.speaker_id == self.speaker_id)
        if self.assignee_id is not None:
            where.append(Claim.assignee_id == self.assignee_id)
        if self.search.strip():
            pattern = like_pattern(self.search)
            where.append(
                sa.or_(
                    col(Claim.quote).ilike(pattern, escape="\\"),
                    col(Claim.sentence).ilike(pattern, escape="\\"),
                )
            )
        if self.measure.strip():
            where.append(col(Claim.measure).ilike(like_pattern(self.measure), escape="\\"))
        if self.since is not None:
            where.append(col(Claim.updated_at) >= self.since)
        return where


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim as listed: its own fields plus the names around it."""

    claim: Claim
    article_title: str
    outlet: str | None
    speaker: str | None
    assignee: str | None


SORTABLE = {
    "updated": col(Claim.updated_at),
    "id": col(Claim.id),
    "status": col(Claim.status),
    "kind": col(Claim.kind),
    "article": col(Claim.article_id),
    "position": col(Claim.start),
    "value": col(Claim.value),
}


def listing_query() -> Any:
    """Claims joined with their article title, outlet, speaker and assignee names."""
    return (
        sa.select(
            Claim, col(Article.title), col(Outlet.name), col(Speaker.name), col(User.display_name)
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .join(Speaker, col(Speaker.id) == Claim.speaker_id, isouter=True)
        .join(User, col(User.id) == Claim.assignee_id, isouter=True)
    )


def list_claims(
    session: Session,
    *,
    where: ClaimFilter = ClaimFilter(),  # noqa: B008 - frozen, safe as a default
    sort: str = "updated",
    descending: bool = True,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[ClaimRow], int]:
    """One page of claims matching ``where`` (filtered, sorted and paged in SQL) and the total."""
    if sort not in SORTABLE:
        raise BadInput(f"Cannot sort by {sort!r}; choose one of {', '.join(SORTABLE)}.")
    check_page(offset=offset, limit=limit, noun="claim")
    conditions = where.conditions()
    total = session.exec(
        select(func.count())
        .select_from(Claim)
        .join(Article, col(Article.id) == Claim.article_id)
        .where(*conditions)
    ).one()
    key = SORTABLE[sort]
    order = [key.desc() if descending else key.asc(), col(Claim.id).desc()]
    query = listing_query().where(*conditions).order_by(*order).offset(offset).limit(limit)
    rows = [ClaimRow(*row) for row in session.execute(query).all()]
    return rows, total


def claim_batches(
    session: Session, *, conditions: Sequence[Any], batch: int = 1000
) -> Iterator[list[ClaimRow]]:
    """Claims matching ``conditions`` in ID order, ``batch`` at a time (memory stays flat).

    A keyset walk along the primary key; the session forgets each batch once it is handed on.
    """
    last_id = 0
    while True:
        query = (
            listing_query()
            .where(*conditions, col(Claim.id) > last_id)
            .order_by(col(Claim.id))
            .limit(batch)
        )
        rows = session.execute(query).all()
        if not rows:
            return
        yield [ClaimRow(*row) for row in rows]
        last_id = rows[-1][0].id
        session.expunge_all()


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    """Everything about one claim: where it is, who said it, what reviewers found."""

    claim: Claim
    article: Article
    outlet: Outlet | None
    speaker: Speaker | None
    assignee: User | None
    evidence: list[tuple[Evidence, User]] = field(default_factory=list)
    notes: list[tuple[Note, User]] = field(default_factory=list)
    history: Sequence[tuple[Event, User | None]] = ()


def get_claim(session: Session, *, claim_id: int) -> Claim:
    """One claim; NotFound names the ID asked for."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"There is no claim {claim_id}; pick one from the Claims list.")
    return claim


def get_claim_detail(session: Session, *, claim_id: int) -> ClaimDetail:
    """A claim with its article, speaker, evidence, notes and full history."""
    claim = get_claim(session, claim_id=claim_id)
    article = session.get(Article, claim.article_id)
    assert article is not None  # a foreign key guarantees it
    evidence = session.exec(
        select(Evidence, User)
        .join(User, col(User.id) == Evidence.created_by_id)
        .where(Evidence.claim_id == claim_id)
        .order_by(col(Evidence.created_at), col(Evidence.id))
    ).all()
    notes = session.exec(
        select(Note, User)
        .join(User, col(User.id) == Note.created_by_id)
        .where(Note.claim_id == claim_id)
        .order_by(col(Note.created_at), col(Note.id))
    ).all()
    return ClaimDetail(
        claim=claim,
        article=article,
        outlet=session.get(Outlet, article.outlet_id) if article.outlet_id else None,
        speaker=session.get(Speaker, claim.speaker_id) if claim.speaker_id else None,
        assignee=session.get(User, claim.assignee_id) if claim.assignee_id else None,
        evidence=[(e, u) for e, u in evidence],
        notes=[(n, u) for n, u in notes],
        history=claim_history(session, claim_id=claim_id),
    )


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` holding the span, for claims added by hand."""
    left = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n"))
    right_candidates = [i for i in (text.find(s, end) for s in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 if left >= 0 else 0 : right].strip()


def add_claim(
    session: Session,
    *,
    article_id: int,
    start: int,
    end: int,
    quote: str,
    kind: ClaimKind,
    by: User,
    speaker: str | None = None,
    attribution: Attribution | None = None,
    value: float | None = None,
    unit: str | None = None,
    measure: str | None = None,
) -> Claim:
    """Add a claim the extractor missed; the span must hold exactly ``quote``."""
    require(by, Action.REVIEW)
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article {article_id}; pick one from the Articles list.")
    if not (0 <= start < end <= len(article.text)):
        raise BadInput(
            f"The span {start}-{end} lies outside the article (it has {len(article.text):,} "
            "characters); select the text again."
        )
    if article.text[start:end] != quote:
        raise BadInput(
            f"The quote {quote[:60]!r} is not what the article says at {start}-{end} "
            f"({article.text[start:end][:60]!r}); select the text again."
        )
    check_lengths(Claim, {"unit": unit, "measure": measure})
    speaker_row = speaker_named(session, name=speaker) if speaker and speaker.strip() else None
    claim = Claim(
        article_id=article_id,
        kind=kind,
        start=start,
        end=end,
        quote=quote,
        sentence=sentence_around(article.text, start, end),
        speaker_id=speaker_row.id if speaker_row else None,
        attribution=attribution,
        value=value,
        lower=value,
        upper=value,
        unit=unit,
        measure=measure,
        origin=Origin.MANUAL,
    )
    add_recorded(
        session,
        claim,
        by=by,
        action="claim.add",
        after=_snapshot(claim, ("kind", "start", "end", "quote", "speaker_id", "value", "unit")),
    )
    counts.claim_changed(session, before=None, after=counts.facts(session, claim))
    session.commit()
    return claim


def _snapshot(claim: Claim, names: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(claim, name)
        out[name] = value.value if isinstance(value, Enum) else value
    return out


def _conflict(session: Session, claim: Claim, seen_version: int) -> Conflict:
    """A Conflict that tells the reviewer who changed what since they opened the claim."""
    changes = session.exec(
        select(Event, User)
        .join(User, col(User.id) == Event.actor_id, isouter=True)
        .where(Event.claim_id == claim.id)
        .order_by(col(Event.id).desc())
        .limit(max(1, min(claim.version - seen_version, 5)))
    ).all()
    said = "; ".join(
        f"{user.display_name if user else 'someone'} {_describe(event)} at "
        f"{event.at:%Y-%m-%d %H:%M} UTC"
        for event, user in reversed(changes)
    )
    return Conflict(
        f"Claim {claim.id} changed since you opened it (you saw version {seen_version}, it is "
        f"now version {claim.version}): {said or 'changed'}. Nothing was saved; reload the "
        "claim and apply your change again if it still holds.",
        current_version=claim.version,
    )


def _describe(event: Event) -> str:
    """A change in a few words, e.g. 'set status unreviewed → verified'."""
    before, after = event.before or {}, event.after or {}
    parts = [
        f"{key} {before.get(key)!s} → {value!s}"
        for key, value in after.items()
        if key != "version" and before.get(key) != value
    ]
    verb = event.action.split(".")[-1]
    return f"{verb}: {', '.join(parts)}" if parts else verb


def update_claim(
    session: Session,
    *,
    claim_id: int,
    seen_version: int,
    changes: dict[str, Any],
    by: User,
    action: str,
) -> Claim:
    """Apply ``changes`` if the claim is still at ``seen_version``; else Conflict, no write.

    The caller commits. The check is a conditional UPDATE, so two reviewers racing on one
    claim cannot both win whatever the isolation level. Every change of a claim goes through
    here, and so through the count tables (factcheck.counts).
    """
    claim = get_claim(session, claim_id=claim_id)
    before = _snapshot(claim, list(changes))
    if claim.version != seen_version:
        raise _conflict(session, claim, seen_version)
    counted = counts.facts(session, claim)
    now = utcnow()
    result = session.execute(
        sa.update(Claim)
        .where(col(Claim.id) == claim_id, col(Claim.version) == seen_version)
        .values(**changes, version=seen_version + 1, updated_at=now)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise _conflict(session, get_claim(session, claim_id=claim_id), seen_version)
    session.refresh(claim)
    after = _snapshot(claim, list(changes))
    after["version"] = claim.version
    counts.claim_changed(
        session,
        before=counted,
        after=counts.facts(session, claim),
        by=by,
        at=now,
        claim_id=claim_id,
    )
    record(
        session,
        by=by,
        action=action,
        at=now,
        entity="claim",
        entity_id=claim_id,
        claim_id=claim_id,
        before=before,
        after=after,
    )
    return claim


EDITABLE = ("value", "lower", "upper", "qualifier", "unit", "measure", "days", "kind")


def edit_claim(
    session: Session,
    *,
    claim_id: int,
    seen_version: int,
    by: User,
    speaker: str | None = None,
    **fields: Any,
) -> Claim:
    """Correct what the extractor got wrong (numbers, unit, measure, speaker); one event.

    A claim with a final verdict is edited by editors only: the verdict was given on what the
    claim said, so changing that is changing the verdict.
    """
    require(by, Action.REVIEW)
    decided = get_claim(session, claim_id=claim_id).status
    if decided in REVIEWED and not can(by, Action.OVERRIDE_VERDICT):
        raise NotAllowed(
            f"Claim {claim_id} already has a final verdict ({STATUS_LABELS[decided]}); only an "
            "editor or admin may change what it says. Ask one, or add a note with the "
            "correction."
        )
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise BadInput(
            f"Cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}."
        )
    check_lengths(Claim, fields)
    changes = dict(fields)
    if speaker is not None:
        name = speaker.strip()
        changes["speaker_id"] = speaker_named(session, name=name).id if name else None
        changes["speaker_resolved"] = bool(name)
    if not changes:
        raise BadInput("Nothing to change; give at least one field to edit.")
    try:
        claim = update_claim(
            session,
            claim_id=claim_id,
            seen_version=seen_version,
            changes=changes,
            by=by,
            action="claim.edit",
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return claim
