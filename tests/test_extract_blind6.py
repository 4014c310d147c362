"""Blind set 6: extraction scored on 16 invented articles labelled by three separate helpers.

The articles and labels (tests/data/extract_blind6.json, copied unchanged from the labellers'
/work/labels/blind6a, blind6b and blind6c) were written by evaluators who never ran the
extractor nor read its code or output: wire copy and another outlet's rewrite of it, political
reporting heavy with indirect speech, memos/polls/data releases as sources, business news in
USD, EUR, GBP and JPY, court reporting, a live blog, a radio transcript, a colon headline, sport
with tallies and ratios, regional news in naira, shillings, rupees (lakh, crore), reais and
pesos, a company's press release rewritten by a news site, and an analysis piece on a disputed
count (scare quotes, a film title, a figure two sources give differently).

Parts a and b (14 articles) were first scored on main at 3af247a (the extractor as of issue 11's
last change), before any extractor code changed, then again after the rules written from dev set
7 (tests/test_extract_dev7.py) and the speed work; the misses were printed once for those after
figures and nothing was changed from them since:

    measure                                before           after (dev set 7's rules)
    numeric precision                      0.99 (241/244)   0.99 (241/244)
    numeric recall                         0.99 (240/242)   0.99 (240/242)
    value right                            0.96 (231/240)   0.96 (231/240)
    unit right                             0.82 (196/240)   0.86 (207/240)
    qualifier right                        0.94 (226/240)   0.95 (227/240)
    measure right                          0.67 (160/240)   0.75 (181/240)
    days right                             0.97 (29/30)     0.97 (29/30)
    as_of right                            0.87 (209/240)   0.90 (217/240)
    speaker of number right                0.68 (162/238)   0.72 (171/238)
    attributed precision                   1.00 (289/290)   0.99 (305/307)
    attributed recall (span)               0.87 (242/277)   0.90 (250/277)
    attributed recall, right speaker       0.79 (219/277)   0.81 (225/277)
    full speaker name                      0.61 (133/219)   0.68 (153/225)
    unresolved flagged                     1.00 (2/2)       1.00 (2/2)
    not_claims taken                       0.03 (3/108)     0.03 (3/108)
    right speaker of found attributions    0.90 (219/242)   0.90 (225/250)

Part c (b6c-1, b6c-2) was written in the next session to reach the 15 articles the issue asks
for, and scored once with 3af247a's extractor and once with main's (b943bee) before being
added; its misses were not printed. All 16 articles, before and after:

    measure                                3af247a          b943bee
    numeric precision                      0.99 (307/310)   0.99 (307/310)
    numeric recall                         0.99 (306/309)   0.99 (306/309)
    value right                            0.97 (297/306)   0.97 (297/306)
    unit right                             0.81 (248/306)   0.86 (262/306)
    qualifier right                        0.95 (291/306)   0.95 (292/306)
    measure right                          0.63 (194/306)   0.71 (216/306)
    days right                             0.97 (35/36)     0.97 (35/36)
    as_of right                            0.83 (254/306)   0.88 (269/306)
    speaker of number right                0.68 (196/290)   0.71 (207/290)
    attributed precision                   0.99 (333/335)   0.99 (351/354)
    attributed recall (span)               0.86 (279/323)   0.89 (289/323)
    attributed recall, right speaker       0.79 (255/323)   0.81 (263/323)
    full speaker name                      0.63 (160/255)   0.68 (180/263)
    unresolved flagged                     0.50 (2/4)       0.50 (2/4)
    not_claims taken                       0.02 (3/132)     0.02 (3/132)
    right speaker of found attributions    0.91 (255/279)   0.91 (263/289)

Part c alone moved less: measure 0.52 -> 0.53, unit 0.79 -> 0.83, as_of 0.68 -> 0.79,
attributed recall 0.80 -> 0.85 (right speaker 0.78 -> 0.83), full name 0.75 -> 0.71.

The measure-key session (branch meas-s8: issue #11's "what is counted" classes, written from
its own sentences) scored all 16 before (cf3f6c6) and after; only as_of moved, 0.88 (270/306)
-> 0.88 (268/306): the new "DATE, when …" rule (factcheck/extract/asof.py) accounts for both
(found by switching the rule off, without reading the misses). Measure right stayed 0.71
(217/306): that session changed mostly the keys made of measures (factcheck/comparable.py),
which this table does not score. MEASURED is unchanged.

Keep it out of tuning: change the extractor from your own sentences, then score this set and
write the new figures here beside the old ones. Each floor sits 0.05 under MEASURED (ceiling
0.05 over for not_claims taken).

Run as a script to print the table and every miss:  python -m tests.test_extract_blind6
"""

from __future__ import annotations

from pathlib import Path

from tests.test_extract_blind5 import floor_tests, main

DATA = Path(__file__).parent / "data" / "extract_blind6.json"

# Session 9 (branch measure-s9, issue #11) raised the figures it improved: unit right, and
# as_of / speaker of number right where fact boxes and date phrases without a lead count.
MEASURED: dict[str, float] = {
    "numeric precision": 0.99,
    "numeric recall": 0.99,
    "value right": 0.97,
    "unit right": 0.90,
    "qualifier right": 0.95,
    "measure right": 0.71,
    "days right": 0.97,
    "as_of right": 0.89,
    "speaker of number right": 0.71,
    "attributed precision": 0.99,
    "attributed recall (span)": 0.89,
    "attributed recall, right speaker": 0.81,
    "full speaker name": 0.68,
    "unresolved flagged": 0.50,
    "not_claims taken": 0.02,
    "right speaker of found attributions": 0.91,
}


test_labels_point_at_their_text, test_figure_holds_its_floor = floor_tests(
    DATA, MEASURED, articles=16
)


if __name__ == "__main__":
    main(DATA)
