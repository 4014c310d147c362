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

    # Written out as dataclasses would generate it, so that mypyc compiles it: the generated
    # __init__ runs as interpreted Python, the largest cost left in the compiled extractor.
    # tests/test_extract_compiled.py checks that each such __init__ takes every field.
    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        quote: str,
        sentence: str,
        value: float | None = None,
        lower: float | None = None,
        upper: float | None = None,
        qualifier: str | None = None,
        unit: str | None = None,
        measure: str | None = None,
        days: float | None = None,
        speaker: str | None = None,
        speaker_resolved: bool = False,
        cue: str | None = None,
        direct: bool | None = None,
        attribution: str | None = None,
        confidence: float = 0.5,
        as_of: str | None = None,
    ) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "quote", quote)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "measure", measure)
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "speaker_resolved", speaker_resolved)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "direct", direct)
        object.__setattr__(self, "attribution", attribution)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "as_of", as_of)

    def to_dict(self) -> dict[str, object]:
        """Return every field as a JSON-ready value."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
