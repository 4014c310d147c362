"""Blind set 15: extraction scored on 5 invented articles labelled by a separate helper.

The articles and labels (tests/data/extract_blind15.json) were written on 2026-12-07 (session
16) by a labeller who never ran the extractor nor read its code or output, in five styles: an
agency wire on hostages freed as a 30-day ceasefire starts (an age range, a ransom range from
anonymous sources, a denial, nested relaying); a regional paper on a factory closure (jobs,
losses in an invented currency, a union convenor, an economist's range); a broadcast
transcript on a heatwave (deaths, temperatures in words, spoken ranges, admissions); an
election-night live blog (shares, a seat projection, turnout, an exit poll); a business wire
on quarterly results and job cuts (profit and forecast ranges, share moves, an analyst).

Scored at the session's start (4f4abfc), at main before its one extraction change, and after
it (a body shortened to its last word, "the Movement", is the body named in full before):
the same at all three.

    measure                                4f4abfc = after
    numeric precision                      0.95 (127/134)
    numeric recall                         0.90 (124/138)
    value right                            0.98 (121/124)
    unit right                             0.89 (110/124)
    qualifier right                        0.97 (120/124)
    measure right                          0.58 (72/124)
    days right                             1.00 (18/18)
    as_of right                            0.79 (98/124)
    speaker of number right                0.79 (89/112)
    attributed precision                   0.95 (100/105)
    attributed recall (span)               0.88 (87/99)
    attributed recall, right speaker       0.82 (81/99)
    full speaker name                      0.75 (61/81)
    unresolved flagged                     0.40 (6/15)
    not_claims taken                       0.08 (7/83)
    right speaker of found attributions    0.93 (81/87)

Its misses were not read. A regression set from now on; each floor sits 0.05 under MEASURED
(ceiling 0.05 over for not_claims taken).

Run as a script to print the table and every miss:
python -m tests.test_extract_blind15
"""

from __future__ import annotations

from pathlib import Path

from tests.test_extract_blind5 import floor_tests, main

DATA = Path(__file__).parent / "data" / "extract_blind15.json"

MEASURED: dict[str, float] = {
    "numeric precision": 0.95,
    "numeric recall": 0.90,
    "value right": 0.98,
    "unit right": 0.89,
    "qualifier right": 0.97,
    "measure right": 0.58,
    "days right": 1.00,
    "as_of right": 0.79,
    "speaker of number right": 0.79,
    "attributed precision": 0.95,
    "attributed recall (span)": 0.88,
    "attributed recall, right speaker": 0.82,
    "full speaker name": 0.75,
    "unresolved flagged": 0.40,
    "not_claims taken": 0.08,
    "right speaker of found attributions": 0.93,
}


test_labels_point_at_their_text, test_figure_holds_its_floor = floor_tests(
    DATA, MEASURED, articles=5
)


if __name__ == "__main__":
    main(DATA)
