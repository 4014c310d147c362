"""Blind set 11: extraction scored on 5 invented articles labelled by a separate helper.

The articles and labels (tests/data/extract_blind11.json) were written on 2026-12-06 (session
12) by an evaluator who never ran the extractor nor read its code or output, in five styles: a
conflict wire report (tolls hedged and attributed to ministries and armies, a truce in days,
hostages); an election results piece (shares, seats, turnout); a storm and flood report
(rainfall, wind, evacuations); a health study (rates per 100,000, study size, a researcher
quoted); a transport strike with fares and percent rises.

Scored once with the code of the session's start (d539112), before any change of that session
was merged, and once after the merged changes (what a figure counts from change verbs,
deadlines, poll answers, "N more", apposition); the misses were not printed and nothing was
changed from this set:

    measure                                d539112          after
    numeric precision                      0.96 (154/161)   0.96 (154/161)
    numeric recall                         0.97 (151/155)   0.97 (151/155)
    value right                            0.99 (149/151)   0.99 (149/151)
    unit right                             0.92 (139/151)   0.92 (139/151)
    qualifier right                        0.94 (142/151)   0.94 (142/151)
    measure right                          0.66 (100/151)   0.68 (103/151)
    days right                             1.00 (25/25)     1.00 (25/25)
    as_of right                            0.80 (121/151)   0.80 (121/151)
    speaker of number right                0.88 (111/126)   0.88 (111/126)
    attributed precision                   0.98 (90/92)     0.98 (90/92)
    attributed recall (span)               0.94 (75/80)     0.94 (75/80)
    attributed recall, right speaker       0.90 (72/80)     0.90 (72/80)
    full speaker name                      0.61 (44/72)     0.61 (44/72)
    unresolved flagged                     0.80 (4/5)       0.80 (4/5)
    not_claims taken                       0.11 (7/63)      0.11 (7/63)
    right speaker of found attributions    0.96 (72/75)     0.96 (72/75)

Three more measures right; nothing else moved. Set 11 is a regression set from now on. Each
floor sits 0.05 under MEASURED (ceiling 0.05 over for not_claims taken).

Run as a script to print the table and every miss (that ends its use as a blind set):
python -m tests.test_extract_blind11
"""

from __future__ import annotations

from pathlib import Path

from tests.test_extract_blind5 import floor_tests, main

DATA = Path(__file__).parent / "data" / "extract_blind11.json"

MEASURED: dict[str, float] = {
    "numeric precision": 0.96,
    "numeric recall": 0.97,
    "value right": 0.99,
    "unit right": 0.92,
    "qualifier right": 0.94,
    "measure right": 0.68,
    "days right": 1.00,
    "as_of right": 0.80,
    "speaker of number right": 0.88,
    "attributed precision": 0.98,
    "attributed recall (span)": 0.94,
    "attributed recall, right speaker": 0.90,
    "full speaker name": 0.61,
    "unresolved flagged": 0.80,
    "not_claims taken": 0.11,
    "right speaker of found attributions": 0.96,
}


test_labels_point_at_their_text, test_figure_holds_its_floor = floor_tests(
    DATA, MEASURED, articles=5
)


if __name__ == "__main__":
    main(DATA)
