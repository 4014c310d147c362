"""The one JSON shape of a claim: `factcheck claims --format json`, and every data export.

Adding a field is one line in ``ClaimOut``: ``claim_out`` reads each field by its name from
the claim (a stored ``Claim``, or a report's copy of one) or from the names given beside it.
Exports add their own fields after these (evidence, notes, the latest status change ...).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, Literal, TypedDict, cast

JsonValue = str | int | float | bool | None


class ClaimOut(TypedDict):
    """A claim as JSON (README: "JSON of a claim")."""

    id: int
    article_id: int
    article_title: str
    outlet: str | None
    kind: Literal["numeric", "attributed"]
    start: int  # text[start:end] == quote
    end: int
    quote: str
    sentence: str
    speaker: str | None
    speaker_resolved: bool
    attribution: Literal["direct", "indirect", "according_to"] | None
    cue: str | None
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: str | None
    unit: str | None
    measure: str | None
    days: float | None
    confidence: float
    status: str
    assignee: str | None
    version: int
    origin: Literal["extracted", "manual"]
    created_at: str  # ISO 8601, UTC
    updated_at: str
    speaker_id: int | None  # the speaker entity (factcheck.speakers)
    group: int | None  # its claim group (factcheck.groups), or None
    group_size: int | None
    conflict: bool  # its group's stated values cannot all be true
    first_seen: str | None  # ISO date of the group's first appearance
    story: int | None  # its article's story, or None
    priority: Literal["low", "normal", "high", "urgent"]  # the desk's triage priority
    proposed_status: str | None  # a final verdict awaiting sign-off (status is unchanged)
    proposed_by: str | None  # who proposed it
    signed_off_by: str | None  # the second person who made the verdict final
    published_url: str | None  # the desk's published fact-check
    published_at: str | None  # set: the claim is locked, changed only by a correction
    corrected_at: str | None  # its latest correction


# Fields that are names of other records, not columns of the claim itself.
NAMES = (
    *("article_title", "outlet", "speaker", "assignee"),
    *("group", "group_size", "conflict", "first_seen", "story"),
    *("proposed_by", "signed_off_by"),
)
FIELDS: tuple[str, ...] = tuple(ClaimOut.__annotations__)


def plain(value: Any) -> JsonValue:
    """A value as JSON holds it: enums by value, datetimes in ISO 8601."""
    if isinstance(value, Enum):
        return cast(JsonValue, value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    return cast(JsonValue, value)


def claim_out(
    claim: Any,
    *,
    article_title: str,
    outlet: str | None,
    speaker: str | None,
    assignee: str | None,
    group: Any = None,
    story: int | None = None,
    proposed_by: str | None = None,
    signed_off_by: str | None = None,
) -> ClaimOut:
    """``claim`` (anything with a Claim's fields) with the names around it, as ``ClaimOut``.

    ``group`` is the claim's ClaimGroup when known (id, size, conflict, first_seen).
    """
    first_seen = getattr(group, "first_seen", None)
    names: dict[str, JsonValue] = {
        "article_title": article_title,
        "outlet": outlet,
        "speaker": speaker,
        "assignee": assignee,
        "group": group.id if group is not None else None,
        "group_size": group.size if group is not None else None,
        "conflict": bool(group.conflict) if group is not None else False,
        "first_seen": first_seen.date().isoformat() if first_seen else None,
        "story": story,
        "proposed_by": proposed_by,
        "signed_off_by": signed_off_by,
    }
    return cast(
        ClaimOut,
        {key: names[key] if key in names else plain(getattr(claim, key)) for key in FIELDS},
    )
