"""Blind set 5: extraction scored on 18 invented articles labelled by a separate helper.

The articles and labels (tests/data/extract_blind5.json, copied unchanged from the helper's
/work/labels/blind5) were written by an evaluator who never saw the extractor's code or output:
wire copy and its rewrite, political reporting, polls and reports as sources, a transcript, a
live blog, business and regional news with local currencies, tallies, quoted titles and scare
quotes. Nobody tuned on it: it was first opened after the extractor code of issue 11 was final
(commit e26801b), and no extractor code changed after. Its misses have been read since, so it
is now a REGRESSION test, no longer a measure of unseen news; blind set 6
(tests/test_extract_blind6.py) took its place. Matching is that of
tests/test_extract_heldout4.py (spans overlap; an attributed claim also needs the speaker's
identifying word); "as_of right" counts a found date phrase holding the label's, or both absent;
"right speaker of found attributions" is right speakers over attributions found.

Run as a script to print the table and every miss:  python -m tests.test_extract_blind5

Before (the original extractor, e112a22) and after (e26801b):

    numeric precision                      0.98 (457/464)  ->   0.99 (467/471)
    numeric recall                         0.96 (453/470)  ->   0.99 (465/470)
    value right                            0.95 (429/453)  ->   0.98 (457/465)
    unit right                             0.80 (364/453)  ->   0.83 (387/465)
    qualifier right                        0.97 (441/453)  ->   0.98 (456/465)
    measure right                          0.67 (305/453)  ->   0.68 (318/465)
    days right                             1.00 (  62/62)  ->   1.00 (  62/62)
    as_of right                            0.89 (403/453)  ->   0.87 (404/465)
    speaker of number right                0.70 (291/415)  ->   0.73 (313/426)
    attributed precision                   0.97 (335/344)  ->   0.97 (371/381)
    attributed recall (span)               0.79 (267/340)  ->   0.85 (290/340)
    attributed recall, right speaker       0.73 (247/340)  ->   0.79 (268/340)
    full speaker name                      0.62 (154/247)  ->   0.65 (175/268)
    unresolved flagged                     0.00 (    0/4)  ->   0.00 (    0/4)
    not_claims taken                       0.02 (  3/189)  ->   0.02 (  3/189)
    right speaker of found attributions    0.93 (247/267)  ->   0.92 (268/290)

Branch ext (issue 11, rules written against dev set 7, tests/test_extract_dev7.py) raised
in MEASURED the figures it improved.

MEASURED holds the after figures; each test floor sits 0.05 under it (ceiling 0.05 over for
not_claims taken).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import extract_claims
from tests.test_extract_heldout4 import (  # the same matching rules
    canon_qualifier,
    canon_unit,
    close,
    overlap,
    speaker_keys,
    speaker_right,
    value_right,
)

DATA = Path(__file__).parent / "data" / "extract_blind5.json"


def as_of_right(found: Any, gold: Any) -> bool:
    """Both absent, or one date phrase holds the other ("as of Tuesday" / "Tuesday")."""
    if not gold or not found:
        return not gold and not found
    f, g = str(found).lower(), str(gold).lower()
    return f in g or g in f


@cache  # read-only for its callers: each set is extracted and scored once per run
def score(path: Path = DATA) -> dict[str, Any]:
    """Run the extractor on every article of a labelled set; count hits and misses per measure."""
    data = json.loads(path.read_text(encoding="utf-8"))
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
            n["as_of_gold"] += 1
            if as_of_right(best.get("as_of"), g.get("as_of")):
                n["as_of"] += 1
            else:
                misses.append(
                    (
                        "numeric: as_of",
                        aid,
                        f"{label} got {best.get('as_of')!r} want {g['as_of']!r}",
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


def table(path: Path = DATA) -> dict[str, float]:
    """The figures reported and asserted below."""
    n = score(path)["n"]
    return {
        "numeric precision": ratio(n["num_tp"], n["num_tp"] + n["num_fp"]),
        "numeric recall": ratio(n["num_found"], n["num_gold"]),
        "value right": ratio(n["value"], n["num_found"]),
        "unit right": ratio(n["unit"], n["num_found"]),
        "qualifier right": ratio(n["qualifier"], n["num_found"]),
        "measure right": ratio(n["measure"], n["measure_gold"]),
        "days right": ratio(n["days"], n["days_gold"]),
        "as_of right": ratio(n["as_of"], n["as_of_gold"]),
        "speaker of number right": ratio(n["nspk"], n["nspk_gold"]),
        "attributed precision": ratio(n["att_tp"], n["att_tp"] + n["att_fp"]),
        "attributed recall (span)": ratio(n["att_found"], n["att_gold"]),
        "attributed recall, right speaker": ratio(n["att_spk"], n["att_gold"]),
        "full speaker name": ratio(n["att_full"], n["att_spk"]),
        "unresolved flagged": ratio(n["unres"], n["unres_gold"]),
        "not_claims taken": ratio(n["not_taken"], n["not_gold"]),
        "right speaker of found attributions": ratio(n["att_spk"], n["att_found"]),
    }


# Measured at the commit named in the module docstring; floors are about 0.05 below.
# Session 9 (branch measure-s9, issue #11) raised the figures it improved: unit right, and
# as_of / speaker of number right where fact boxes and date phrases without a lead count.
MEASURED: dict[str, float] = {
    "numeric precision": 0.99,
    "numeric recall": 0.99,
    "value right": 0.98,
    "unit right": 0.93,
    "qualifier right": 0.98,
    "measure right": 0.77,
    "days right": 1.00,
    "as_of right": 0.96,
    "speaker of number right": 0.77,
    "attributed precision": 0.98,
    "attributed recall (span)": 0.90,
    "attributed recall, right speaker": 0.85,
    "full speaker name": 0.68,
    "unresolved flagged": 0.00,
    "not_claims taken": 0.02,
    "right speaker of found attributions": 0.94,
}
HIGHER_IS_WORSE = {"not_claims taken"}


def assert_labels_point_at_their_text(path: Path, *, articles: int) -> None:
    """Every blind set: at least ``articles`` articles of real-news length, each label's span
    holding its quote, and the scorer finding no span that differs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["articles"]) >= articles
    for art in data["articles"]:
        text = art["text"]
        assert 2_500 <= len(text) <= 6_500, art["id"]  # real-news length
        for g in art["numeric"]:
            assert text[g["span"][0] : g["span"][1]] == g["quote"], (art["id"], g["quote"])
        for g in art["attributed"]:
            assert text[g["span"][0] : g["span"][1]] == g["text"], (art["id"], g["text"])
    result = score(path)
    assert result["n"]["bad_span"] == 0, [
        m for m in result["misses"] if m[0] == "span differs from quote"
    ]


def test_labels_point_at_their_text() -> None:
    assert_labels_point_at_their_text(DATA, articles=15)


def assert_floor(name: str, got: float, measured: float) -> None:
    """A figure stays within 0.05 of what was measured, on its worse side only."""
    if name in HIGHER_IS_WORSE:
        assert got <= measured + 0.05, f"{name}: {got:.2f}, measured {measured:.2f}"
    else:
        assert got >= measured - 0.05, f"{name}: {got:.2f}, measured {measured:.2f}"


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_figure_holds_its_floor(name: str) -> None:
    assert_floor(name, table()[name], MEASURED[name])


def floor_tests(
    path: Path, measured: dict[str, float], *, articles: int
) -> tuple[Callable[[], None], Callable[[str], None]]:
    """The two tests every later blind set keeps as a regression set: its labels point at
    their text (``articles`` at least), and each of its figures holds the floor ``measured``
    sets. A module binds them to its own test names."""

    def test_labels_point_at_their_text() -> None:
        assert_labels_point_at_their_text(path, articles=articles)

    @pytest.mark.parametrize("name", sorted(measured))
    def test_figure_holds_its_floor(name: str) -> None:
        assert_floor(name, table(path)[name], measured[name])

    return test_labels_point_at_their_text, test_figure_holds_its_floor


def main(path: Path = DATA) -> None:
    """Print the score table, then every miss grouped by category (most frequent first)."""
    result = score(path)
    n, misses = result["n"], result["misses"]
    counts = {
        "numeric precision": f"{n['num_tp']}/{n['num_tp'] + n['num_fp']}",
        "numeric recall": f"{n['num_found']}/{n['num_gold']}",
        "value right": f"{n['value']}/{n['num_found']}",
        "unit right": f"{n['unit']}/{n['num_found']}",
        "qualifier right": f"{n['qualifier']}/{n['num_found']}",
        "measure right": f"{n['measure']}/{n['measure_gold']}",
        "days right": f"{n['days']}/{n['days_gold']}",
        "as_of right": f"{n['as_of']}/{n['as_of_gold']}",
        "speaker of number right": f"{n['nspk']}/{n['nspk_gold']}",
        "attributed precision": f"{n['att_tp']}/{n['att_tp'] + n['att_fp']}",
        "attributed recall (span)": f"{n['att_found']}/{n['att_gold']}",
        "attributed recall, right speaker": f"{n['att_spk']}/{n['att_gold']}",
        "full speaker name": f"{n['att_full']}/{n['att_spk']}",
        "unresolved flagged": f"{n['unres']}/{n['unres_gold']}",
        "not_claims taken": f"{n['not_taken']}/{n['not_gold']}",
        "right speaker of found attributions": f"{n['att_spk']}/{n['att_found']}",
    }
    print(f"{'measure':34} {'score':>6}  count")
    for name, value in table(path).items():
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
