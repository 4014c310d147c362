"""The claim record every extractor returns, and the small span type used inside the package."""

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

    def to_dict(self) -> dict[str, object]:
        """Return every field as a JSON-ready value."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the source text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        """Tell whether the two ranges share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Tell whether other lies wholly inside this range."""
        return self.start <= other.start and other.end <= self.end
