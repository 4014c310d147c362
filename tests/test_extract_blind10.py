"""Blind set 10: extraction scored on 5 invented articles labelled by a separate helper.

The articles and labels (tests/data/extract_blind10.json) were written on 2026-12-06 (session
11) by an evaluator who never ran the extractor nor read its code or output, in five styles: a
business wire on a firm's results and job cuts (the firm named once, then "the company"); a
mountain rescue report with teams, crews and services as sources; a court report; a minister's
interview in question-and-answer form; a local paper's report of a council meeting.

Scored once with the code of the session's start (2afd086), before any change of that session
was merged, and once after the merged changes (group nouns as speakers, "the company" resolved
to a firm named mid-sentence, place words not taken as measures, nested duplicates merged,
firm short names and titles resolved by speakers); the misses were not printed and nothing was
changed from this set:

    measure                                2afd086          after
    numeric precision                      0.97 (141/145)   0.97 (141/145)
    numeric recall                         0.97 (142/147)   0.97 (142/147)
    value right                            0.98 (139/142)   0.98 (139/142)
    unit right                             0.82 (117/142)   0.82 (117/142)
    qualifier right                        0.98 (139/142)   0.98 (139/142)
    measure right                          0.47 (67/142)    0.47 (67/142)
    days right                             0.95 (20/21)     0.95 (20/21)
    as_of right                            0.83 (118/142)   0.83 (118/142)
    speaker of number right                0.73 (99/135)    0.73 (99/135)
    attributed precision                   0.97 (75/77)     0.97 (75/77)
    attributed recall (span)               0.86 (70/81)     0.86 (70/81)
    attributed recall, right speaker       0.73 (59/81)     0.72 (58/81)
    full speaker name                      0.61 (36/59)     0.62 (36/58)
    unresolved flagged                     0.43 (3/7)       0.43 (3/7)
    not_claims taken                       0.08 (4/52)      0.08 (4/52)
    right speaker of found attributions    0.84 (59/70)     0.83 (58/70)

One attribution lost its right speaker; nothing else moved: the session's rules, tuned on the
open sets, did not reach these articles, and what is counted ("measure right", 0.47) is the
weakest field. Set 10 is a regression set from now on. Each floor sits 0.05 under MEASURED
(ceiling 0.05 over for not_claims taken).

Run as a script to print the table and every miss (that ends its use as a blind set):
python -m tests.test_extract_blind10
"""

from __future__ import annotations

from pathlib import Path

from tests.test_extract_blind5 import floor_tests, main

DATA = Path(__file__).parent / "data" / "extract_blind10.json"

MEASURED: dict[str, float] = {
    "numeric precision": 0.97,
    "numeric recall": 0.97,
    "value right": 0.98,
    "unit right": 0.82,
    "qualifier right": 0.98,
    "measure right": 0.47,
    "days right": 0.95,
    "as_of right": 0.83,
    "speaker of number right": 0.73,
    "attributed precision": 0.97,
    "attributed recall (span)": 0.86,
    "attributed recall, right speaker": 0.72,
    "full speaker name": 0.62,
    "unresolved flagged": 0.43,
    "not_claims taken": 0.08,
    "right speaker of found attributions": 0.83,
}


test_labels_point_at_their_text, test_figure_holds_its_floor = floor_tests(
    DATA, MEASURED, articles=5
)


if __name__ == "__main__":
    main(DATA)
