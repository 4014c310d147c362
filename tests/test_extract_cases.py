"""Generality: extraction scored on invented articles in many newsroom styles.

The articles and their hand-written labels are in tests/data/extract_cases.json (see its
"about"). Run this file as a script to print every miss:
    python tests/test_extract_cases.py
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import Found, extract_claims

CASES = Path(__file__).with_name("data") / "extract_cases.json"
CHECKED = ("value", "lower", "upper", "unit", "qualifier", "days")


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    return cases


def locate(text: str, label: dict[str, Any]) -> tuple[int, int]:
    """Find a label's span: its context first, then its quote inside the context."""
    context = label.get("context", label["quote"])
    at = text.find(context)
    assert at >= 0, f"context {context!r} is not in its article"
    inner = text.find(label["quote"], at, at + len(context))
    assert inner >= 0, f"quote {label['quote']!r} is not in its context {context!r}"
    return inner, inner + len(label["quote"])


def options(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(expected, got, rel_tol=1e-6)
    return bool(expected == got)


@dataclass
class Score:
    """Counts over all cases, and a line for every miss."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, miss: str) -> None:
        hit_total = self.counts.setdefault(name, [0, 0])
        hit_total[0] += ok
        hit_total[1] += 1
        if not ok:
            self.misses.append(f"{name}: {miss}")

    def rate(self, name: str) -> float:
        hit, total = self.counts.get(name, [0, 0])
        return hit / total if total else 1.0


def overlaps(claim: Found, span: tuple[int, int]) -> bool:
    return claim.start < span[1] and span[0] < claim.end


def score_numeric(score: Score, case_id: str, text: str, claims: list[Found], case: Any) -> None:
    numeric = [c for c in claims if c.kind == "numeric"]
    spans = [locate(text, label) for label in case["numeric"]]
    for label, span in zip(case["numeric"], spans, strict=True):
        near = [c for c in numeric if overlaps(c, span)]
        where = f"{case_id} {label['quote']!r}"
        score.add("recall", bool(near), f"{where} not found")
        if not near:
            continue
        value = label.get("value")
        found = next((c for c in near if same(value, c.value)), near[0])
        for name in CHECKED:
            if name in label:
                got = getattr(found, name)
                score.add(name, same(label[name], got), f"{where} {got!r} != {label[name]!r}")
        if "measure" in label:
            got = (found.measure or "").lower()
            want = [m.lower() for m in options(label["measure"])]
            score.add("measure", got in want, f"{where} {found.measure!r} != {label['measure']!r}")
        want_speakers = options(label.get("speaker"))
        ok = found.speaker in want_speakers
        score.add("speaker", ok, f"{where} said by {found.speaker!r}, not {label.get('speaker')!r}")
    for claim in numeric:
        kept = any(overlaps(claim, span) for span in spans)
        score.add("precision", kept, f"{case_id} {claim.quote!r} is no claim")


def score_attributed(score: Score, case_id: str, text: str, claims: list[Found], case: Any) -> None:
    attributed = [c for c in claims if c.kind == "attributed"]
    spans = [locate(text, label) for label in case["attributed"]]
    for label, span in zip(case["attributed"], spans, strict=True):
        near = [c for c in attributed if overlaps(c, span)]
        speakers = [c.speaker for c in near]
        ok = any(s in options(label["speaker"]) for s in speakers)
        score.add("attributed", ok, f"{case_id} {label['quote']!r} said by {speakers}")
    for claim in attributed:
        kept = any(overlaps(claim, span) for span in spans)
        score.add("attributed precision", kept, f"{case_id} {claim.quote!r} ({claim.speaker})")


def score_all() -> Score:
    score = Score()
    for case in load_cases():
        text = "\n".join(case["lines"])
        claims = extract_claims(text)
        score_numeric(score, case["id"], text, claims, case)
        score_attributed(score, case["id"], text, claims, case)
    return score


@pytest.fixture(scope="module")
def score() -> Score:
    return score_all()


def test_the_set_has_a_dozen_styles_and_spans_that_exist() -> None:
    cases = load_cases()
    assert len({c["style"] for c in cases}) >= 12
    for case in cases:
        text = "\n".join(case["lines"])
        for label in case["numeric"] + case["attributed"]:
            locate(text, label)


def test_every_claim_quotes_its_own_span() -> None:
    for case in load_cases():
        text = "\n".join(case["lines"])
        assert all(text[c.start : c.end] == c.quote for c in extract_claims(text))


def test_not_claims_are_never_numeric_claims() -> None:
    for case in load_cases():
        text = "\n".join(case["lines"])
        numeric = [c for c in extract_claims(text) if c.kind == "numeric"]
        for phrase in case["not"]:
            at = text.find(phrase)
            assert at >= 0, phrase
            taken = [c.quote for c in numeric if overlaps(c, (at, at + len(phrase)))]
            assert not [q for q in taken if q.strip(" .") in phrase], (case["id"], phrase, taken)


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("precision", 0.95),
        ("recall", 0.95),
        ("value", 0.95),
        ("unit", 0.95),
        ("qualifier", 0.95),
        ("speaker", 0.95),
        ("measure", 0.9),
        ("attributed", 0.9),
        ("attributed precision", 0.9),
    ],
)
def test_scores_reach_their_floor(score: Score, name: str, floor: float) -> None:
    misses = [m for m in score.misses if m.startswith(name + ":")]
    assert score.rate(name) >= floor, misses


if __name__ == "__main__":
    result = score_all()
    for miss in result.misses:
        print(miss)
    for name, (hit, total) in result.counts.items():
        print(f"{name:22} {hit:3}/{total:<3} {hit / total:.2f}")
