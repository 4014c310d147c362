"""extract_claims: the interface others rely on, and the targets on the seed and quantulum3 sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.extract import Found, extract_claims

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed"
QUANTITIES = SHARED / "data" / "quantulum3" / "quantities.json"
FIELDS = [
    *("kind", "start", "end", "quote", "sentence", "value", "lower", "upper", "qualifier"),
    *("unit", "measure", "days", "speaker", "speaker_resolved", "cue", "direct", "attribution"),
    "confidence",
    "as_of",
]


def overlaps(claim: Found, span: list[int] | tuple[int, int]) -> bool:
    return claim.start < span[1] and span[0] < claim.end


def seed() -> tuple[str, dict[str, object], list[Found]]:
    if not SEED.is_dir():
        pytest.skip(f"the shared seed is not beside this checkout ({SEED})")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "claims.json").read_text(encoding="utf-8"))
    return text, gold, extract_claims(text)


def test_found_has_the_agreed_fields_as_json() -> None:
    claim = extract_claims("The army said 40 soldiers were hurt.")[0]
    record = claim.to_dict()
    assert list(record) == FIELDS
    assert json.loads(json.dumps(record)) == record


def test_found_is_frozen() -> None:
    claim = extract_claims("Prices rose 5% last year.")[0]
    with pytest.raises(AttributeError):
        claim.value = 6.0  # type: ignore[misc]


def test_claims_are_sorted_by_start_then_end() -> None:
    text = 'Officials said 12 people died. "It was 3 a.m.," a witness said of the 2 fires.'
    claims = extract_claims(text)
    assert [(c.start, c.end) for c in claims] == sorted((c.start, c.end) for c in claims)


def test_every_quote_is_its_span_of_the_text() -> None:
    text = "Turnout reached 61.4%, the election board said on Monday."
    assert all(text[c.start : c.end] == c.quote for c in extract_claims(text))


def test_empty_text_has_no_claims() -> None:
    assert extract_claims("") == []


def test_each_claim_names_its_sentence() -> None:
    text = "Rain fell. The storm killed 14 people, officials said."
    claim = next(c for c in extract_claims(text) if c.kind == "numeric")
    assert claim.sentence == "The storm killed 14 people, officials said."


def test_seed_numeric_claims_are_all_found_with_their_value() -> None:
    text, gold, claims = seed()
    numeric = [c for c in claims if c.kind == "numeric"]
    for label in gold["numeric"]:  # type: ignore[attr-defined]
        hits = [c for c in numeric if overlaps(c, label["span"])]
        assert any(c.value == pytest.approx(label["value"]) for c in hits), label["id"]


def test_seed_dates_are_not_numeric_claims() -> None:
    text, gold, claims = seed()
    for phrase in gold["not_claims"]:  # type: ignore[attr-defined]
        at = text.find(phrase)
        span = (at, at + len(phrase))
        taken = [c for c in claims if c.kind == "numeric" and overlaps(c, span)]
        assert not [c for c in taken if c.quote.strip() in phrase], phrase


def test_seed_attributed_claims_have_the_right_speaker() -> None:
    text, gold, claims = seed()
    attributed = [c for c in claims if c.kind == "attributed"]
    hits = 0
    for label in gold["attributed"]:  # type: ignore[attr-defined]
        surname = label["speaker"].split(" (")[0].split()[-1].lower()
        near = [c for c in attributed if overlaps(c, label["span"])]
        hits += any(surname in (c.speaker or "").lower() for c in near)
    assert hits >= 15


def test_seed_unnamed_kingdom_is_kept_but_unresolved() -> None:
    text, gold, claims = seed()
    label = next(a for a in gold["attributed"] if a["id"] == "A16")  # type: ignore[attr-defined]
    near = [c for c in claims if c.kind == "attributed" and overlaps(c, label["span"])]
    assert [(c.speaker, c.speaker_resolved) for c in near] == [("the kingdom", False)]


def test_seed_spans_all_match_their_quote() -> None:
    text, _, claims = seed()
    assert all(text[c.start : c.end] == c.quote for c in claims)


def test_seed_number_said_by_the_ministry_carries_its_speaker() -> None:
    text, _, claims = seed()
    claim = next(c for c in claims if c.quote == "27,585")
    assert (claim.speaker, claim.cue, claim.qualifier) == (
        "Gaza's health ministry",
        "according to",
        "at least",
    )


def quantulum_scores() -> tuple[float, float, float]:
    if not QUANTITIES.is_file():
        pytest.skip(f"quantulum3's test set is not beside this checkout ({QUANTITIES})")
    examples = json.loads(QUANTITIES.read_text(encoding="utf-8"))
    golds: list[tuple[int, int, float]] = []
    pos = 0
    for example in examples:
        sentence = example["req"]
        for result in example["res"]:
            at = sentence.find(result["surface"])
            if at >= 0:
                golds.append((pos + at, pos + at + len(result["surface"]), result["value"]))
        pos += len(sentence) + 2
    text = "\n\n".join(e["req"] for e in examples)
    found = [c for c in extract_claims(text) if c.kind == "numeric"]
    hit = [g for g in golds if any(overlaps(c, g[:2]) for c in found)]
    right = [
        g
        for g in hit
        if any(
            overlaps(c, g[:2])
            and c.value is not None
            and abs(c.value - g[2]) <= 1e-6 * max(1.0, abs(g[2]))
            for c in found
        )
    ]
    kept = [c for c in found if any(overlaps(c, g[:2]) for g in golds)]
    return len(kept) / len(found), len(hit) / len(golds), len(right) / len(hit)


def test_quantulum_set_precision_recall_and_values() -> None:
    precision, recall, values = quantulum_scores()
    assert precision >= 0.90
    assert recall >= 0.90
    assert values >= 0.90
