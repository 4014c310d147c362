"""Claims: add one by hand, list them with filters, read one in full, change one safely."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck import counts, triage
from factcheck.audit import add_recorded, changes_since, claim_history, named_users, record
from factcheck.db import check_lengths, check_page, like_pattern
from factcheck.errors import BadInput, Conflict, Duplicate, Locked, NotAllowed, NotFound
from factcheck.labels import STATUS_LABELS
from factcheck.models import (
    REVIEWED,
    Article,
    Attribution,
    Claim,
    ClaimGroup,
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
from factcheck.names import clean_name
from factcheck.permissions import Action, can, require
from factcheck.speakers import speaker_named, voices_of


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
    conflicts: bool = False  # only claims whose group is in conflict

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
        if self.conflicts:
            conflicting = select(ClaimGroup.id).where(col(ClaimGroup.conflict).is_(True))
            where.append(col(Claim.group_id).in_(conflicting))
        return where


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim as listed: its own fields plus the names around it."""

    claim: Claim
    article_title: str
    outlet: str | None
    speaker: str | None
    assignee: str | None
    proposed_by: str | None = None  # who proposed the pending or signed-off verdict
    signed_off_by: str | None = None


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
    """Claims joined with their article title, outlet, speaker, assignee and sign-off names."""
    proposer, signer = sa.orm.aliased(User), sa.orm.aliased(User)
    return (
        sa.select(
            Claim,
            col(Article.title),
            col(Outlet.name),
            col(Speaker.name),
            col(User.display_name),
            col(proposer.display_name),
            col(signer.display_name),
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .join(Speaker, col(Speaker.id) == Claim.speaker_id, isouter=True)
        .join(User, col(User.id) == Claim.assignee_id, isouter=True)
        .join(proposer, col(proposer.id) == Claim.proposed_by_id, isouter=True)
        .join(signer, col(signer.id) == Claim.signed_off_by_id, isouter=True)
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


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the Claims page offers in its filters: {id: name}, in the order shown."""

    outlets: dict[int, str]
    articles: dict[int, str]
    speakers: dict[int, str]
    people: dict[int, str]


def filter_choices(session: Session, *, limit: int = 500) -> FilterChoices:
    """Outlets, articles (newest first), speakers and users to filter claims by, ``limit`` each."""

    def pairs(query: Any) -> dict[int, str]:
        return {row[0]: row[1] for row in session.exec(query.limit(limit)).all()}

    return FilterChoices(
        outlets=pairs(select(Outlet.id, Outlet.name).order_by(col(Outlet.name))),
        articles=pairs(select(Article.id, Article.title).order_by(col(Article.ingested_at).desc())),
        speakers=pairs(select(Speaker.id, Speaker.name).order_by(col(Speaker.name))),
        people=pairs(select(User.id, User.display_name).order_by(col(User.display_name))),
    )


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
    names: Mapping[int, str] = field(default_factory=dict)  # users the history points to


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
    history = claim_history(session, claim_id=claim_id)
    return ClaimDetail(
        claim=claim,
        article=article,
        outlet=session.get(Outlet, article.outlet_id) if article.outlet_id else None,
        speaker=session.get(Speaker, claim.speaker_id) if claim.speaker_id else None,
        assignee=session.get(User, claim.assignee_id) if claim.assignee_id else None,
        evidence=[(e, u) for e, u in evidence],
        notes=[(n, u) for n, u in notes],
        history=history,
        names=named_users(session, events=[event for event, _ in history]),
    )


def check_unlocked(claim: Claim) -> None:
    """Raise Locked when ``claim`` is published: only a correction may change it now."""
    if claim.published_at is not None:
        raise Locked(
            f"Claim {claim.id} was published on {claim.published_at:%Y-%m-%d} "
            f"({claim.published_url}); its verdict, figures, speaker and evidence change only "
            f"by a correction with a reason (Correct on the Claim page, or factcheck correct "
            f"{claim.id} --reason TEXT)."
        )


_OPENING_QUOTES = "\"“‘'«„"
_CLOSING_QUOTES = "\"”’'»“"


def is_quoted(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a quotation: inside quotation marks, or holding them."""
    inner = text[start:end].strip()
    if len(inner) > 1 and inner[0] in _OPENING_QUOTES and inner[-1] in _CLOSING_QUOTES:
        return True
    before = text[:start].rstrip()[-1:]
    after = text[end:].lstrip()[:1]
    return bool(before) and before in _OPENING_QUOTES and bool(after) and after in _CLOSING_QUOTES


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
    """Add a claim the extractor missed; the span must hold exactly ``quote``.

    Duplicate when a claim already covers exactly this span. A speaker's claim is a direct
    quotation only when the words are quoted, reported speech otherwise (unless ``attribution``
    says).
    """
    from factcheck.extract.sentences import sentence_around  # the extractor's own cut (slow import)

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
    same = session.exec(
        select(Claim.id).where(
            Claim.article_id == article_id, Claim.start == start, Claim.end == end
        )
    ).first()
    if same is not None:
        raise Duplicate(
            f"Claim #{same} already covers these words ({quote[:60]!r}); open it instead.",
            existing_id=same,
        )
    speaker_row = speaker_named(session, name=speaker) if speaker and speaker.strip() else None
    if attribution is None and speaker_row is not None and kind is ClaimKind.ATTRIBUTED:
        quoted = is_quoted(article.text, start, end)
        attribution = Attribution.DIRECT if quoted else Attribution.INDIRECT
    from factcheck.groups import claim_keys  # groups build on claims: import at use

    keys = claim_keys(
        kind=kind,
        measure=measure,
        unit=unit,
        days=None,
        value=value,
        lower=value,
        speaker_id=speaker_row.id if speaker_row else None,
        voice_id=voices_of(session, speaker_ids=[speaker_row.id]).get(speaker_row.id)
        if speaker_row and speaker_row.id
        else None,
    )
    claim = Claim(
        measure_key=keys["measure_key"],
        group_key=keys["group_key"],
        speaker_name=clean_name(speaker)[:300] if speaker and speaker.strip() else None,
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
    from factcheck.groups import regroup

    regroup(session, claim_ids=[claim.id or 0], by=by)  # the same figure in other outlets
    session.commit()
    session.refresh(claim)
    return claim


def _snapshot(claim: Claim, names: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(claim, name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, datetime):
            value = value.isoformat()
        out[name] = value
    return out


def _conflict(session: Session, claim: Claim, seen_version: int) -> Conflict:
    """A Conflict that tells the reviewer, in a sentence, who changed what since they looked."""
    said = changes_since(session, claim=claim, seen_version=seen_version)
    return Conflict(
        f"Claim {claim.id} changed since you opened it: {said or 'someone changed it.'} "
        "Nothing was saved; reload the claim and apply your change again if it still holds.",
        current_version=claim.version,
    )


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
    here, and so through the count tables (factcheck.counts) and the stored triage points.
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
    triage.stale(session, claims=[claim_id])
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
    claim = get_claim(session, claim_id=claim_id)
    check_unlocked(claim)
    decided = claim.status
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
        changes["speaker_name"] = clean_name(name)[:300] if name else None
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
        from factcheck.groups import regroup  # groups build on claims: import at use

        regroup(session, claim_ids=[claim_id], by=by)  # what it says changed: so may its group
        session.commit()
        session.refresh(claim)
    except Exception:
        session.rollback()
        raise
    return claim
