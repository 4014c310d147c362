"""What a report is made of: plain, read-only data that exports.py gathers from the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from factcheck.models import (
    REVIEWED,
    Attribution,
    ClaimKind,
    Origin,
    Priority,
    SpeakerKind,
    Stance,
    Status,
)


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """A source attached to a claim."""

    url: str
    title: str
    stance: Stance
    note: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class NoteItem:
    """A reviewer's comment on a claim."""

    body: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class StatusChange:
    """The latest change of a claim's status: who made it, when, from what to what."""

    by: str
    at: datetime
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class Appearance:
    """An article where a claim (or its group's same claim) appeared."""

    url: str | None
    title: str
    outlet: str | None
    published: datetime | None


@dataclass(frozen=True, slots=True)
class ReportClaim:
    """One claim with everything a report shows about it."""

    id: int
    article_id: int
    article_title: str
    article_url: str | None
    article_published_at: datetime | None
    outlet: str | None
    kind: ClaimKind
    start: int
    end: int
    quote: str
    sentence: str
    speaker: str | None
    speaker_id: int | None
    speaker_kind: SpeakerKind | None
    speaker_resolved: bool
    attribution: Attribution | None
    cue: str | None
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: str | None
    unit: str | None
    measure: str | None
    days: float | None
    confidence: float
    status: Status
    assignee: str | None
    version: int
    origin: Origin
    created_at: datetime
    updated_at: datetime
    last_change: StatusChange | None = None
    evidence: tuple[EvidenceItem, ...] = ()
    notes: tuple[NoteItem, ...] = ()
    proposed_status: Status | None = None  # a verdict awaiting sign-off (not final)
    proposed_by: str | None = None
    signed_off_by: str | None = None
    published_url: str | None = None  # the desk's published fact-check
    published_at: datetime | None = None
    corrected_at: datetime | None = None  # the latest correction
    priority: Priority = Priority.NORMAL
    appearances: tuple[Appearance, ...] = ()  # its group's articles, earliest first

    @property
    def reviewed(self) -> bool:
        """True when the claim carries a final verdict."""
        return self.status in REVIEWED


@dataclass(frozen=True, slots=True)
class CorrectionItem:
    """A correction of a published claim: what changed, why, who, when."""

    claim_id: int
    changes: dict[str, dict[str, Any]]  # {"status": {"from": "false", "to": "misleading"}}
    reason: str
    by: str
    at: datetime

    def changed(self) -> str:
        """What changed, in words: 'status false → misleading; value 12 → 14'."""
        return "; ".join(f"{k} {v.get('from')} → {v.get('to')}" for k, v in self.changes.items())


@dataclass(frozen=True, slots=True)
class ReportArticle:
    """An article whose text a report shows with its claims highlighted."""

    id: int
    title: str
    url: str | None
    outlet: str | None
    author: str | None
    published_at: datetime | None
    text: str


@dataclass(frozen=True, slots=True)
class ReviewerActivity:
    """One line of the audit summary: what one person did to the report's claims."""

    name: str
    status_changes: int
    notes: int
    evidence: int
    first: datetime
    last: datetime


@dataclass(frozen=True, slots=True)
class Report:
    """A verification report: its scope, its claims and the audit summary."""

    title: str  # "Floods in the valley" or "Claims: status verified, outlet Valley Post"
    generated_at: datetime
    generated_by: str
    claims: tuple[ReportClaim, ...]
    articles: tuple[ReportArticle, ...] = ()  # texts shown with highlights (may be empty)
    articles_total: int = 0  # how many articles the claims come from
    left_out: int = 0  # claims marked "not a claim", which reports never show
    activity: tuple[ReviewerActivity, ...] = field(default_factory=tuple)
    corrections: tuple[CorrectionItem, ...] = ()  # of the report's claims, oldest first

    def counts(self) -> dict[Status, int]:
        """How many of the report's claims are in each status (every shown status listed)."""
        out: dict[Status, int] = {s: 0 for s in Status if s is not Status.NOT_A_CLAIM}
        for claim in self.claims:
            out[claim.status] = out.get(claim.status, 0) + 1
        return out
