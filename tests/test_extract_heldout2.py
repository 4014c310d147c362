"""Second held-out measurement of extraction: 15 invented articles in non-wire styles.

Now a regression test, not a held-out measure: later work on the extractor was checked against
this set, so its figures no longer say how the extractor does on news it has not seen (the
blind set of tests/test_extract_blind5.py does).

The articles and their hand labels (tests/data/extract_heldout2.json) were written and committed
before the extractor was run on them. A found claim matches a labelled one when their spans
overlap, and a field counts as right when any overlapping found claim has it right (the rule of
../shared/tools/score_extract.py). Run `python tests/test_extract_heldout2.py` for the table and
every miss; under pytest the figures must stay above FLOORS (about 0.05 under the measured ones).

Changed after the first run, and only these: two measure labels that paraphrased away the
counted noun ("150 people": rest centre capacity; "6,000 spectators": match attendance), "within
21 days" now accepts "within" as its qualifier, and two scorer bugs (singular() turned "cases"
into "cas" and "celsius" into "celsiu"; "ratio" was missing as a name of a fraction unit).

Measured on 2026-11-24 at commit 75ed551 (last extractor commit 9bc5f9d, plus an uncommitted
edit to factcheck/extract/speakers.py), blank spaCy pipeline (no parser model installed):

    numeric precision                 0.93  (195/210)
    numeric recall                    0.98  (195/199)
    numeric value right               1.00  (195/195 found)
    numeric unit right                0.97  (189/195 found)
    numeric qualifier right           0.99  (194/195 found)
    numeric measure right             0.72  (140/195 found)
    numeric speaker right             0.86  (167/195 found)
    numeric days right                1.00  (25/25 durations)
    attributed precision              0.95  (72/76)
    attributed recall                 0.74  (64/87)
    attributed recall with speaker    0.67  (58/87)
    unresolved flagged                1.00  (1/1)
    not_claims taken                  0.16  (14/88)
    spans not matching quote             0
    resolvable speakers flagged         10

Minutes later, with more uncommitted speaker edits, attributed was 73/76, 65/87, 59/87.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.extract import extract_claims

DATA = Path(__file__).parent / "data" / "extract_heldout2.json"

# Measured figures minus about 0.05 (rates of not_claims taken: plus 0.05).
FLOORS = {
    "numeric precision": 0.88,
    "numeric recall": 0.93,
    "numeric value right": 0.95,
    "numeric unit right": 0.92,
    "numeric qualifier right": 0.94,
    "numeric measure right": 0.67,
    "numeric speaker right": 0.81,
    "numeric days right": 0.95,
    "attributed precision": 0.90,
    "attributed recall": 0.69,
    "attributed recall with speaker": 0.62,
    "unresolved flagged": 0.95,
}
CEILINGS = {"not_claims taken": 0.21}

UNIT_WORDS = {
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage": "percent",
    "percentage point": "percent",
    "£": "gbp",
    "pound": "gbp",
    "sterling": "gbp",
    "$": "usd",
    "us$": "usd",
    "dollar": "usd",
    "us dollar": "usd",
    "€": "eur",
    "euro": "eur",
    "¥": "jpy",
    "yen": "jpy",
    "p": "pence",
    "penny": "pence",
    "gbx": "pence",
    "gbp pence": "pence",
    "c": "celsius",
    "°c": "celsius",
    "degree": "celsius",
    "degree celsius": "celsius",
    "millimetre": "mm",
    "millimeter": "mm",
    "meter": "metre",
    "m": "metre",
    "centimetre": "cm",
    "centimeter": "cm",
    "cubic kilometre": "km3",
    "cubic kilometer": "km3",
    "cubic km": "km3",
    "km³": "km3",
    "x": "times",
    "fold": "times",
    "yr": "year",
    "year old": "year",
    "years old": "year",
    "hr": "hour",
    "min": "minute",
    "wk": "week",
    "ratio": "fraction",
    "proportion": "fraction",
    "share": "fraction",
    "liter": "litre",
    "l": "litre",
    "g": "gram",
    "mi": "mile",
}
QUALIFIER_GROUPS = {
    "about": {
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "circa",
        "approx",
        "an estimated",
        "estimated",
    },
    "nearly": {"nearly", "almost", "close to", "just under", "the best part of"},
    "more than": {"more than", "over", "upwards of", "in excess of", "above"},
    "less than": {"less than", "fewer than", "under", "below"},
    "up to": {"up to", "as much as", "as many as", "as deep as", "as high as"},
    "average": {"average", "an average of", "on average"},
}
STOPWORDS = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "by", "at", "with"}
STOPWORDS |= {"from", "its", "their", "his", "her", "this", "that"}


def singular(word: str) -> str:
    """A plural English word made singular well enough for comparing units and measures."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "uses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def norm_unit(unit: str | None) -> set[str]:
    """A unit as a set of comparable tokens ('Pounds' and '£' both give {'gbp'})."""
    text = (unit or "").lower().strip().rstrip(".")
    if not text:
        return set()
    words = [singular(w) for w in re.findall(r"[^\s\-_/]+", text)]
    phrase = " ".join(words)
    if phrase in UNIT_WORDS:
        return {UNIT_WORDS[phrase]}
    return {UNIT_WORDS.get(w, w) for w in words}


def unit_ok(found: str | None, gold: list[str | None]) -> bool:
    """Right when the found unit contains one accepted unit (or both are empty)."""
    got = norm_unit(found)
    for alt in gold:
        want = norm_unit(alt)
        if (not want and not got) or (want and want <= got):
            return True
    return False


def norm_qualifier(q: str | None) -> str:
    """Qualifiers that mean the same bound compare equal ('roughly' = 'about')."""
    text = " ".join((q or "").lower().split())
    for head, members in QUALIFIER_GROUPS.items():
        if text in members:
            return head
    return text


def qualifier_ok(found: str | None, gold: list[str | None] | None) -> bool:
    """Right when the found qualifier is one of the accepted ones (none when gold has none)."""
    accepted = {norm_qualifier(g) for g in (gold or [None])}
    return norm_qualifier(found) in accepted


def content_words(text: str | None) -> set[str]:
    """Lower-case content words, singular, for a loose comparison of measures."""
    words = re.findall(r"[a-z][a-z\-']+", (text or "").lower())
    return {singular(w) for w in words if w not in STOPWORDS and len(w) > 2}


def close(a: Any, b: float) -> bool:
    """Numbers equal up to rounding."""
    if a is None:
        return False
    return abs(float(a) - b) <= max(1e-6 * abs(b), 1e-3)


def value_ok(f: dict[str, Any], g: dict[str, Any]) -> bool:
    """The labelled value (or one of its readings), or for ranges and vague counts the bounds."""
    if g["value"] is not None:
        return any(close(f.get("value"), v) for v in [g["value"], *g["alt_values"]])
    lows = [g["lower"], *g["alt_lower"]]
    if not any(close(f.get("lower"), v) for v in lows):
        return False
    return g["upper"] is None or close(f.get("upper"), g["upper"])


def speaker_ok(found: str | None, keys: list[str] | None) -> bool:
    """Right when a key word of the labelled speaker is in the found one (none for none)."""
    if not keys:
        return not found
    got = (found or "").lower()
    return any(k in got for k in keys)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans [start, end) share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """Every span of s in text."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(s), text)]


NUM_FIELDS = ["value", "unit", "qualifier", "measure", "days", "speaker"]


@dataclass
class Score:
    """Counts over the whole set, and one line per miss."""

    n: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, k: int = 1) -> None:
        """Count k more of key."""
        self.n[key] = self.n.get(key, 0) + k

    def rate(self, hit: str, total: str) -> float:
        """hit / total, 0 when nothing to count."""
        return self.n.get(hit, 0) / self.n[total] if self.n.get(total) else 0.0


def short(f: dict[str, Any]) -> str:
    """A found claim in one line for a miss report."""
    keys = ["value", "lower", "upper", "unit", "qualifier", "measure", "days", "speaker"]
    return "{" + ", ".join(f"{k}={f.get(k)!r}" for k in keys if f.get(k) is not None) + "}"


def score_numeric(art: dict[str, Any], found: list[dict[str, Any]], sc: Score) -> None:
    """Numeric precision, recall and fields for one article."""
    aid, text = art["id"], art["text"]
    nums = [f for f in found if f["kind"] == "numeric"]
    ignore = [sp for s in art["ignore"] for sp in occurrences(text, s)]
    for f in nums:
        span = (f["start"], f["end"])
        if any(overlap(span, tuple(g["span"])) for g in art["numeric"]):
            sc.add("num_found_hit")
            sc.add("num_found")
        elif not any(overlap(span, ig) for ig in ignore):
            sc.add("num_found")
            sc.misses.append(f"{aid} numeric FALSE POSITIVE {f['quote']!r} {short(f)}")
    for g in art["numeric"]:
        sc.add("num_gold")
        m = [f for f in nums if overlap((f["start"], f["end"]), tuple(g["span"]))]
        if not m:
            sc.misses.append(f"{aid} numeric MISSED {g['quote']!r} ({g['measure']})")
            continue
        sc.add("num_hit")
        checks = {
            "value": any(value_ok(f, g) for f in m),
            "unit": any(unit_ok(f.get("unit"), g["unit"]) for f in m),
            "qualifier": any(qualifier_ok(f.get("qualifier"), g["qualifier"]) for f in m),
            "measure": any(
                content_words(g["measure"]) & content_words(f.get("measure")) for f in m
            ),
            "speaker": any(speaker_ok(f.get("speaker"), g["speaker_key"]) for f in m),
        }
        if g["days"] is not None:
            sc.add("days_gold")
            checks["days"] = any(
                f.get("days") is not None and abs(float(f["days"]) - g["days"]) <= 0.02 * g["days"]
                for f in m
            )
        for name, ok in checks.items():
            sc.add(f"num_{name}_ok", int(ok))
            if not ok:
                want = {
                    "value": g["value"] if g["value"] is not None else (g["lower"], g["upper"]),
                    "unit": g["unit"],
                    "qualifier": g["qualifier"],
                    "measure": g["measure"],
                    "days": g["days"],
                    "speaker": g["speaker"],
                }[name]
                sc.misses.append(
                    f"{aid} numeric {name.upper()} wrong on {g['quote']!r}: "
                    f"want {want!r}, got {short(m[0])}"
                )


def score_attributed(art: dict[str, Any], found: list[dict[str, Any]], sc: Score) -> None:
    """Attributed precision, recall with the right speaker and unresolved flags for one article."""
    aid, text = art["id"], art["text"]
    atts = [f for f in found if f["kind"] == "attributed"]
    ignore = [sp for s in art["attr_ignore"] for sp in occurrences(text, s)]
    for f in atts:
        span = (f["start"], f["end"])
        if any(overlap(span, tuple(g["span"])) for g in art["attributed"]):
            sc.add("att_found_hit")
            sc.add("att_found")
        elif not any(overlap(span, ig) for ig in ignore):
            sc.add("att_found")
            sc.misses.append(
                f"{aid} attributed FALSE POSITIVE {f['quote'][:70]!r} speaker={f.get('speaker')!r}"
            )
    for g in art["attributed"]:
        sc.add("att_gold")
        m = [f for f in atts if overlap((f["start"], f["end"]), tuple(g["span"]))]
        if not m:
            sc.misses.append(f"{aid} attributed MISSED {g['text'][:70]!r} ({g['speaker']})")
        else:
            sc.add("att_hit")
            if any(speaker_ok(f.get("speaker"), g["speaker_key"]) for f in m):
                sc.add("att_speaker_ok")
            else:
                got = [f.get("speaker") for f in m]
                sc.misses.append(
                    f"{aid} attributed SPEAKER wrong on {g['text'][:50]!r}: "
                    f"want {g['speaker']!r}, got {got}"
                )
        if not g["resolved"]:
            sc.add("unres_gold")
            if any(f.get("speaker_resolved") is False for f in m):
                sc.add("unres_flagged")
            else:
                sc.misses.append(f"{aid} attributed NOT FLAGGED unresolved: {g['text'][:50]!r}")
        elif any(f.get("speaker_resolved") is False for f in m):
            sc.add("resolvable_flagged")
            sc.misses.append(
                f"{aid} attributed FLAGGED unresolved although the text names "
                f"{g['speaker']!r}: {g['text'][:50]!r}"
            )


def score_not_claims(art: dict[str, Any], found: list[dict[str, Any]], sc: Score) -> None:
    """Dates, times, ordinals, phone and reference numbers that must not become numeric claims."""
    nums = [f for f in found if f["kind"] == "numeric"]
    for s in art["not_claims"]:
        sc.add("not_gold")
        spans = occurrences(art["text"], s)
        taken = [
            f
            for f in nums
            if f["quote"].strip() in s and any(overlap((f["start"], f["end"]), sp) for sp in spans)
        ]
        if taken:
            sc.add("not_taken")
            sc.misses.append(f"{art['id']} NOT-A-CLAIM taken: {s!r} as {taken[0]['quote']!r}")


def measure() -> tuple[dict[str, float], Score]:
    """Run the extractor over every article and score it against the labels."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    sc = Score()
    for art in doc["articles"]:
        text = art["text"]
        found = [c.to_dict() for c in extract_claims(text)]
        sc.add("bad_spans", sum(text[f["start"] : f["end"]] != f["quote"] for f in found))
        score_numeric(art, found, sc)
        score_attributed(art, found, sc)
        score_not_claims(art, found, sc)
    figures = {
        "numeric precision": sc.rate("num_found_hit", "num_found"),
        "numeric recall": sc.rate("num_hit", "num_gold"),
        **{
            f"numeric {k} right": sc.rate(f"num_{k}_ok", "num_hit")
            for k in NUM_FIELDS
            if k != "days"
        },
        "numeric days right": sc.rate("num_days_ok", "days_gold"),
        "attributed precision": sc.rate("att_found_hit", "att_found"),
        "attributed recall": sc.rate("att_hit", "att_gold"),
        "attributed recall with speaker": sc.rate("att_speaker_ok", "att_gold"),
        "unresolved flagged": sc.rate("unres_flagged", "unres_gold"),
        "not_claims taken": sc.rate("not_taken", "not_gold"),
    }
    return figures, sc


def table(figures: dict[str, float], sc: Score) -> str:
    """The score table, with the counts behind each figure."""
    n = sc.n.get
    counts = {
        "numeric precision": f"{n('num_found_hit', 0)}/{n('num_found', 0)}",
        "numeric recall": f"{n('num_hit', 0)}/{n('num_gold', 0)}",
        "numeric days right": f"{n('num_days_ok', 0)}/{n('days_gold', 0)} durations",
        "attributed precision": f"{n('att_found_hit', 0)}/{n('att_found', 0)}",
        "attributed recall": f"{n('att_hit', 0)}/{n('att_gold', 0)}",
        "attributed recall with speaker": f"{n('att_speaker_ok', 0)}/{n('att_gold', 0)}",
        "unresolved flagged": f"{n('unres_flagged', 0)}/{n('unres_gold', 0)}",
        "not_claims taken": f"{n('not_taken', 0)}/{n('not_gold', 0)}",
    }
    for k in NUM_FIELDS:
        counts.setdefault(f"numeric {k} right", f"{n(f'num_{k}_ok', 0)}/{n('num_hit', 0)} found")
    lines = [f"{name:<32} {value:5.2f}  ({counts[name]})" for name, value in figures.items()]
    lines.append(f"{'spans not matching quote':<32} {n('bad_spans', 0):5d}")
    lines.append(f"{'resolvable speakers flagged':<32} {n('resolvable_flagged', 0):5d}")
    return "\n".join(lines)


def test_labels_point_at_their_text() -> None:
    """Every labelled span still covers the words it was written for."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    assert len(doc["articles"]) >= 15
    for art in doc["articles"]:
        text = art["text"]
        for g in art["numeric"]:
            assert text[g["span"][0] : g["span"][1]] == g["quote"], (art["id"], g["quote"])
        for g in art["attributed"]:
            assert text[g["span"][0] : g["span"][1]] == g["text"], (art["id"], g["text"])
        for s in art["not_claims"] + art["ignore"] + art["attr_ignore"]:
            assert s in text, (art["id"], s)


def test_heldout2_scores_stay_above_floors() -> None:
    """The extractor keeps the level measured on this held-out set."""
    figures, sc = measure()
    assert sc.n.get("bad_spans", 0) == 0
    low = {k: round(v, 3) for k, v in figures.items() if k in FLOORS and v < FLOORS[k]}
    high = {k: round(v, 3) for k, v in figures.items() if k in CEILINGS and v > CEILINGS[k]}
    assert not low and not high, f"{table(figures, sc)}\nbelow floor: {low}, above ceiling: {high}"


if __name__ == "__main__":
    figs, score = measure()
    print("\n".join(sorted(score.misses)))
    print()
    print(table(figs, score))
