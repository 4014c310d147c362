"""Held-out set 4: claim extraction scored on 16 invented articles nobody tuned against.

Now a regression test, not a held-out measure: later work on the extractor was checked against
this set, so its figures no longer say how the extractor does on news it has not seen (the
blind set of tests/test_extract_blind5.py does).

The labels (tests/data/extract_heldout4.json) were written and committed before the extractor
was first run on these articles. Matching follows ../shared/tools/score_extract.py: a found
claim matches a label when their spans overlap; an attributed claim also needs the speaker
(a word of the speaker's name, usually the surname). Found claims overlapping only a
"neutral" span count neither for nor against precision.

Run as a script to print the table and every miss:  python tests/test_extract_heldout4.py

Labels committed at e6af993 before any run. Measured with the extractor as of commit 5d35b53
(working tree clean under factcheck/extract/), after three label fixes (see the commit message):

    numeric precision 1.00 (211/212)   recall 1.00 (210/210)   value 0.99   unit 0.89
    qualifier 0.99   measure 0.78   days 0.95 (35/37)   speaker of number 0.85 (168/198)
    attributed precision 0.99 (118/119)   recall 0.87 (95/109)   with right speaker 0.78 (85/109)
    full speaker name 0.66   unresolved flagged 1/2   not_claims taken 1/86

Branch ext (issue 11, rules written against dev set 7, tests/test_extract_dev7.py) raised
in MEASURED the figures it improved (unresolved flagged stays at 0.50: two labels only).

MEASURED holds these figures; each test floor sits 0.05 under it (ceiling 0.05 over for
not_claims taken).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import extract_claims

DATA = Path(__file__).parent / "data" / "extract_heldout4.json"

CANON = {
    "over": "more than", "above": "more than", "more than": "more than",
    "at least": "at least", "no fewer than": "at least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "maybe": "about",
    "perhaps": "about", "approx.": "about",
    "up to": "at most", "no more than": "at most", "within": "at most", "at most": "at most",
    "an average of": "average", "average": "average", "on average": "average",
}  # fmt: skip


def overlap(a: tuple[int, int] | list[int], b: tuple[int, int] | list[int]) -> bool:
    """Same rule as score_extract.py: half-open spans that share a character."""
    return a[0] < b[1] and b[0] < a[1]


def canon_qualifier(q: str | None) -> str | None:
    """Lower-case a qualifier and fold synonyms ('over' = 'more than')."""
    if not q or not q.strip():
        return None
    q = q.strip().lower()
    return CANON.get(q, q)


def canon_unit(u: str | None) -> str:
    """Fold spelling variants of a unit: case, plural s, per cent / percent / %."""
    u = (u or "").strip().lower().rstrip(".")
    if u in {"%", "per cent", "percent", "pct", "percentage"}:
        return "percent"
    u = u.replace("per cent", "percent").replace("%", "percent")
    return " ".join(singular(w) for w in u.split())


def singular(word: str) -> str:
    """'countries' -> 'country', 'votes' -> 'vote'; leave 'celsius', 'gross' alone."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 2:
        return word[:-1]
    return word


def close(found: Any, gold: float, rel: float) -> bool:
    """Compare magnitudes (a fall written '2.8 percent' may come back as -2.8)."""
    if found is None:
        return False
    return math.isclose(abs(float(found)), abs(gold), rel_tol=rel, abs_tol=1e-9)


def value_right(c: dict[str, Any], g: dict[str, Any]) -> bool:
    """The labelled value, or for vague amounts and ranges the labelled bounds."""
    if g["value"] is not None:
        golds = g["value"] if isinstance(g["value"], list) else [g["value"]]
        return any(close(c.get("value"), v, 1e-3) for v in golds)
    ok = close(c.get("lower"), g["lower"], 1e-3)
    if g.get("upper") is not None:
        ok = ok and close(c.get("upper"), g["upper"], 1e-3)
    return ok


def speaker_keys(name: str) -> list[str]:
    """Surname rule of score_extract.py: the last word before any ' (note)'."""
    return [name.split(" (")[0].split()[-1].lower()]


def speaker_right(found: str | None, keys: list[str]) -> bool:
    """A found speaker is right when it contains one of the label's identifying words (any case)."""
    return any(k.lower() in (found or "").lower() for k in keys)


@lru_cache(maxsize=1)
def score() -> dict[str, Any]:
    """Run the extractor on every article and count hits and misses per measure."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    n: Counter[str] = Counter()
    misses: list[tuple[str, str, str]] = []  # (category, article, detail)
    for art in data["articles"]:
        text, aid = art["text"], art["id"]
        found = [c.to_dict() for c in extract_claims(text)]
        for c in found:
            if text[c["start"] : c["end"]] != c["quote"]:
                n["bad_span"] += 1
                misses.append(("span differs from quote", aid, repr(c["quote"])))
        nums = [c for c in found if c["kind"] == "numeric"]
        atts = [c for c in found if c["kind"] == "attributed"]
        neutral = [s for lab in art["neutral"] for s in lab["spans"]]
        # a number's speaker is identified by the same words as that speaker's attributed labels
        ident = {g["speaker"]: g["speaker_any"] for g in art["attributed"]}

        def near(c: dict[str, Any]) -> str:
            s = c["sentence"] or ""
            return f"{c['quote']!r} in {s.strip()[:90]!r}"

        # numeric precision
        for c in nums:
            span = (c["start"], c["end"])
            if any(overlap(span, g["span"]) for g in art["numeric"]):
                n["num_tp"] += 1
            elif not any(overlap(span, s) for s in neutral):
                n["num_fp"] += 1
                misses.append(("numeric: extra claim", aid, near(c)))
        # numeric recall and fields
        for g in art["numeric"]:
            n["num_gold"] += 1
            m = [c for c in nums if overlap((c["start"], c["end"]), g["span"])]
            label = f"{g['quote']!r} ({g['context']!r})"
            if not m:
                misses.append(("numeric: not found", aid, label))
                continue
            n["num_found"] += 1
            best = next((c for c in m if value_right(c, g)), m[0])
            if value_right(best, g):
                n["value"] += 1
            else:
                got = (best.get("value"), best.get("lower"), best.get("upper"))
                want = (g["value"], g.get("lower"), g.get("upper"))
                misses.append(("numeric: value", aid, f"{label} got {got} want {want}"))
            units = {canon_unit(u) for u in g["unit"]}
            if canon_unit(best.get("unit")) in units:
                n["unit"] += 1
            else:
                misses.append(
                    ("numeric: unit", aid, f"{label} got {best.get('unit')!r} want {g['unit']}")
                )
            quals = g["qualifier"] if isinstance(g["qualifier"], list) else [g["qualifier"]]
            if canon_qualifier(best.get("qualifier")) in {canon_qualifier(q) for q in quals}:
                n["qualifier"] += 1
            else:
                misses.append(
                    (
                        "numeric: qualifier",
                        aid,
                        f"{label} got {best.get('qualifier')!r} want {quals}",
                    )
                )
            if g["measure_any"] is not None:
                n["measure_gold"] += 1
                if any(k in (best.get("measure") or "").lower() for k in g["measure_any"]):
                    n["measure"] += 1
                else:
                    misses.append(
                        (
                            "numeric: measure",
                            aid,
                            f"{label} got {best.get('measure')!r} want {g['measure']!r}",
                        )
                    )
            if g["days"] is not None:
                n["days_gold"] += 1
                if close(best.get("days"), g["days"], 0.02):
                    n["days"] += 1
                else:
                    misses.append(
                        (
                            "numeric: days",
                            aid,
                            f"{label} got {best.get('days')} want {g['days']:.4g}",
                        )
                    )
            if g["speaker"] != "*":
                n["nspk_gold"] += 1
                got_spk = best.get("speaker")
                ok = (
                    not got_spk
                    if g["speaker"] is None
                    else speaker_right(got_spk, ident.get(g["speaker"], speaker_keys(g["speaker"])))
                )
                if ok:
                    n["nspk"] += 1
                else:
                    misses.append(
                        ("numeric: speaker", aid, f"{label} got {got_spk!r} want {g['speaker']!r}")
                    )
        # not_claims (score_extract.py's rule: an overlapping numeric claim lying inside the phrase)
        for lab in art["not_claims"]:
            for s in lab["spans"]:
                n["not_gold"] += 1
                if any(
                    overlap((c["start"], c["end"]), s) and c["quote"].strip() in lab["text"]
                    for c in nums
                ):
                    n["not_taken"] += 1
                    misses.append(("not_claim taken", aid, repr(lab["text"])))
        # attributed precision
        for c in atts:
            span = (c["start"], c["end"])
            if any(overlap(span, g["span"]) for g in art["attributed"]):
                n["att_tp"] += 1
            elif not any(overlap(span, s) for s in neutral):
                n["att_fp"] += 1
                misses.append(
                    ("attributed: extra claim", aid, f"{c.get('speaker')!r}: {c['quote'][:90]!r}")
                )
        # attributed recall, speaker, unresolved flags
        for g in art["attributed"]:
            n["att_gold"] += 1
            m = [c for c in atts if overlap((c["start"], c["end"]), g["span"])]
            label = f"{g['speaker']}: {g['text'][:80]!r}"
            if g["unresolved"]:
                n["unres_gold"] += 1
            if not m:
                misses.append(("attributed: not found", aid, label))
                continue
            n["att_found"] += 1
            right = [c for c in m if speaker_right(c.get("speaker"), g["speaker_any"])]
            if right:
                n["att_spk"] += 1
                if any(
                    (c.get("speaker") or "").lower() == g["speaker"].split(" (")[0].lower()
                    for c in right
                ):
                    n["att_full"] += 1
            else:
                got = sorted({str(c.get("speaker")) for c in m})
                misses.append(("attributed: wrong speaker", aid, f"{label} got {got}"))
            flagged = any(c.get("speaker_resolved") is False for c in m)
            if g["unresolved"]:
                n["unres"] += flagged
                if not flagged:
                    misses.append(("attributed: unresolved not flagged", aid, label))
            elif flagged and not right:
                n["unres_false"] += 1
                misses.append(("attributed: flagged unresolved but resolvable", aid, label))
    return {"n": n, "misses": misses}


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def table() -> dict[str, float]:
    """The figures reported and asserted below."""
    n = score()["n"]
    return {
        "numeric precision": ratio(n["num_tp"], n["num_tp"] + n["num_fp"]),
        "numeric recall": ratio(n["num_found"], n["num_gold"]),
        "value right": ratio(n["value"], n["num_found"]),
        "unit right": ratio(n["unit"], n["num_found"]),
        "qualifier right": ratio(n["qualifier"], n["num_found"]),
        "measure right": ratio(n["measure"], n["measure_gold"]),
        "days right": ratio(n["days"], n["days_gold"]),
        "speaker of number right": ratio(n["nspk"], n["nspk_gold"]),
        "attributed precision": ratio(n["att_tp"], n["att_tp"] + n["att_fp"]),
        "attributed recall (span)": ratio(n["att_found"], n["att_gold"]),
        "attributed recall, right speaker": ratio(n["att_spk"], n["att_gold"]),
        "full speaker name": ratio(n["att_full"], n["att_spk"]),
        "unresolved flagged": ratio(n["unres"], n["unres_gold"]),
        "not_claims taken": ratio(n["not_taken"], n["not_gold"]),
    }


# Measured at the commit named in the module docstring; floors are about 0.05 below.
MEASURED: dict[str, float] = {
    "numeric precision": 1.00,
    "numeric recall": 1.00,
    "value right": 0.99,
    "unit right": 0.92,
    "qualifier right": 0.99,
    "measure right": 0.84,
    "days right": 0.95,
    "speaker of number right": 0.88,
    "attributed precision": 0.99,
    "attributed recall (span)": 0.92,
    "attributed recall, right speaker": 0.85,
    "full speaker name": 0.66,
    "unresolved flagged": 0.50,
    "not_claims taken": 0.01,
}
HIGHER_IS_WORSE = {"not_claims taken"}


def test_labels_point_at_their_text() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert len(data["articles"]) >= 15
    for art in data["articles"]:
        text = art["text"]
        assert 150 <= len(text.split()) <= 350, art["id"]
        for g in art["numeric"]:
            assert text[g["span"][0] : g["span"][1]] == g["quote"], (art["id"], g["quote"])
        for g in art["attributed"]:
            assert text[g["span"][0] : g["span"][1]] == g["text"], (art["id"], g["text"])


def test_every_span_matches_its_quote() -> None:
    assert score()["n"]["bad_span"] == 0, [
        m for m in score()["misses"] if m[0] == "span differs from quote"
    ]


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_figure_holds_its_floor(name: str) -> None:
    got = table()[name]
    if name in HIGHER_IS_WORSE:
        assert got <= MEASURED[name] + 0.05, f"{name}: {got:.2f}, measured {MEASURED[name]:.2f}"
    else:
        assert got >= MEASURED[name] - 0.05, f"{name}: {got:.2f}, measured {MEASURED[name]:.2f}"


def main() -> None:
    """Print the score table, then every miss grouped by category (most frequent first)."""
    n, misses = score()["n"], score()["misses"]
    counts = {
        "numeric precision": f"{n['num_tp']}/{n['num_tp'] + n['num_fp']}",
        "numeric recall": f"{n['num_found']}/{n['num_gold']}",
        "value right": f"{n['value']}/{n['num_found']}",
        "unit right": f"{n['unit']}/{n['num_found']}",
        "qualifier right": f"{n['qualifier']}/{n['num_found']}",
        "measure right": f"{n['measure']}/{n['measure_gold']}",
        "days right": f"{n['days']}/{n['days_gold']}",
        "speaker of number right": f"{n['nspk']}/{n['nspk_gold']}",
        "attributed precision": f"{n['att_tp']}/{n['att_tp'] + n['att_fp']}",
        "attributed recall (span)": f"{n['att_found']}/{n['att_gold']}",
        "attributed recall, right speaker": f"{n['att_spk']}/{n['att_gold']}",
        "full speaker name": f"{n['att_full']}/{n['att_spk']}",
        "unresolved flagged": f"{n['unres']}/{n['unres_gold']}",
        "not_claims taken": f"{n['not_taken']}/{n['not_gold']}",
    }
    print(f"{'measure':34} {'score':>6}  count")
    for name, value in table().items():
        print(f"{name:34} {value:6.2f}  {counts[name]}")
    print(f"{'resolvable speakers flagged unresolved':34} {n['unres_false']:6d}")
    by_cat = Counter(m[0] for m in misses)
    for cat, k in by_cat.most_common():
        print(f"\n== {cat} ({k})")
        for c, aid, detail in misses:
            if c == cat:
                print(f"  [{aid}] {detail}")


if __name__ == "__main__":
    main()
