"""The claim record every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Found:
    """One numeric or attributed claim with its exact span in the source text."""

    kind: str  # "numeric" | "attributed"
    start: int
    end: int
    quote: str  # always text[start:end]
    sentence: str
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    measure: str | None = None
    days: float | None = None
    speaker: str | None = None
    speaker_resolved: bool = False
    cue: str | None = None
    direct: bool | None = None
    attribution: str | None = None  # "direct" | "indirect" | "according_to"
    confidence: float = 0.5
    as_of: str | None = None  # the date phrase a figure holds at: "as of Wednesday"

    def to_dict(self) -> dict[str, object]:
        """Return every field as a JSON-ready value."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
