"""Blind set 16: extraction scored on 5 invented articles labelled by a separate helper.

The articles and labels (tests/data/extract_blind16.json) were written on 2026-12-07 (session
17) by a labeller who never ran the extractor nor read its code or output, in five styles, with
attribution and speakers as the set's emphasis (possessive forms before a name, a speaker by
title alone or by pronoun, a time phrase opening the sentence before the speaker, quotes
opening "Nobody …" or "Everyone …", unnamed sources, nested attributions): an agency wire on
a cable-car cabin falling at a ski resort; a radio bulletin transcript on a council vote to
close libraries; a live blog of a national power cut; a regional paper feature on an island
ferry cut; a charity network's press release on food-bank demand.

Scored before the session's extraction changes (ec1e245) and after all of them (speakers:
a preposition opening a sentence, a possessive before a name, "X of the body", an owner's
title between commas, "who" clauses, a determined subject before "…, saying", "said no one
was hurt", "asked not to be named", broadcast turns, a speaker's title between commas before
a closing cue; figures: a bare count after "and", "lists 31 people as missing", "as of noon
on Wednesday"): one figure moved, unit right 91 → 92 of 107. None of the speaker changes
fired on this set's text: its forms of attribution were already read right.

    measure                                ec1e245 → after
    numeric precision                      0.96 (108/112)
    numeric recall                         0.98 (107/109)
    value right                            0.99 (106/107)
    unit right                             0.85 (91/107) → 0.86 (92/107)
    qualifier right                        0.99 (106/107)
    measure right                          0.65 (70/107)
    days right                             1.00 (18/18)
    as_of right                            0.79 (85/107)
    speaker of number right                0.78 (81/104)
    attributed precision                   0.93 (111/119)
    attributed recall (span)               0.97 (102/105)
    attributed recall, right speaker       0.86 (90/105)
    full speaker name                      0.82 (74/90)
    unresolved flagged                     0.59 (10/17)
    not_claims taken                       0.05 (4/74)
    right speaker of found attributions    0.88 (90/102)

Its misses were not read. A regression set from now on; each floor sits 0.05 under MEASURED
(ceiling 0.05 over for not_claims taken).

Run as a script to print the table and every miss:
python -m tests.test_extract_blind16
"""

from __future__ import annotations

from pathlib import Path

from tests.test_extract_blind5 import floor_tests, main

DATA = Path(__file__).parent / "data" / "extract_blind16.json"

MEASURED: dict[str, float] = {
    "numeric precision": 0.96,
    "numeric recall": 0.98,
    "value right": 0.99,
    "unit right": 0.86,
    "qualifier right": 0.99,
    "measure right": 0.65,
    "days right": 1.00,
    "as_of right": 0.79,
    "speaker of number right": 0.78,
    "attributed precision": 0.93,
    "attributed recall (span)": 0.97,
    "attributed recall, right speaker": 0.86,
    "full speaker name": 0.82,
    "unresolved flagged": 0.59,
    "not_claims taken": 0.05,
    "right speaker of found attributions": 0.88,
}


test_labels_point_at_their_text, test_figure_holds_its_floor = floor_tests(
    DATA, MEASURED, articles=5
)


if __name__ == "__main__":
    main(DATA)
