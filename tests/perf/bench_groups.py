"""Grouping benchmark: what claim groups cost at ingest, and whether that cost grows.

    python tests/perf/bench_groups.py [--articles 10000] [--stories 500] [--big 100000]
                                      [--databases sqlite postgresql] [--parts 1 2]
                                      [--batches 1 50]
    python tests/perf/bench_groups.py --parts 3 --articles 300 --stories 50 \
                                      --databases sqlite postgresql

1. Ingest ``--articles`` invented articles in ``--stories`` stories (extraction included,
   fresh database), grouping off then on: one article per transaction (a reviewer pasting
   articles) and BATCH_ARTICLES per transaction (what `factcheck ingest FOLDER` writes).
   Goal: on ≤ 1.3× off.
2. Grouping cost per article when the database already holds ``--articles`` and ``--big``
   articles (filled by bulk insert with the same kinds of claims and keys): the time of
   factcheck.groups.group_articles (and its commit) for 200 new articles, one at a time.
   Goal: flat (ratio big/small near 1).
PostgreSQL (``--databases postgresql``) needs FACTCHECK_TEST_PG=host:port:user; it creates
and drops its own databases. Its CPU column is this process only (the server's work is not
in it): read the wall column there. Each row prints the load average beside it.
The Stories page at a million claims: tests/perf/bench_stories.py.
Prints a table of figures and ratios; never fails on time.

Figures (SQLite, 2 cores shared with other benchmarks, 5 December 2026; the last full
measurement before batch-wise grouping was 1.73× on vs off). Wall ratios moved with the
load between the off and on runs (both below 1 here), so read the CPU columns:

    part 1, per transaction  articles  off s  on s  ratio  off CPU s  on CPU s  CPU ratio  load
    50                         10,000  150.9 105.7   0.70       48.7      57.3       1.18  4.4
    1                           2,000  120.0  98.9   0.82       37.0      45.3       1.22  4.4
    1                          10,000  298.8 463.0   1.55      146.3     267.9       1.83  5.1
    part 2, articles in DB   claims  wall ms/art  CPU ms/art  CPU ratio  load
    10,000                   59,789        45.68        6.17       1.00  9.1
    100,000                 587,279        17.33        5.34       0.87  5.6

    after the cause was found (6 December, load 3.5-6, off and on run one after the other):
    1                          10,000  320.8 417.3   1.30      115.7     191.4       1.65  3.5
    (built 1,209 groups, 20,427 claims, digest ebbf6f8c5b7b: one article per transaction)

Grouping on built the same 1,374 groups of 20,757 claims (digest f30c4b7c8506) as the code
before the candidate filter (groups._reachable) and db.show_written. Part 2 was run before
main's triage points (rescoring at commit) were merged; part 1 after. One article per
transaction is over the goal at 10,000 articles: grouping's CPU per article grew from about
4 ms (the 2,000 run) to 12 ms on average over one session of 10,000 commits, while part 2
(a fresh session of 200 articles on 10,000 or 100,000 stored) stays flat.
Explained on 6 December: nothing grows with the session. Timed per 500 commits (2,000-4,000
articles, CPU, same process), a new session per 500 articles costs the same as one long
session, and profiles of early and late commits make the same calls the same number of
times; the extra CPU per commit follows the load average (CPU seconds stretch on a shared
2-core machine), and the first 500 articles (one per story: nothing to group) are nearly
free, so a short run averages lower. What grouping did cost per commit was mostly fixed
overhead: the triage rescoring at commit rebuilt its terms' SQL up to three times
(5.5 ms on, 2.7 ms off; now one prebuilt UPDATE, 1.6 ms either way) and settings() parsed
the environment twice per commit (now once per distinct environment). Both paths got about
2 ms per commit cheaper (1,500 articles, extraction apart, old and new alternated at load
1.2-2.7: on 16.4 -> 13.9 ms, off 9.6 -> 7.4 ms), so the ratio did not fall (1.7-1.9x in
those runs). Left: group_articles itself, 5-7 ms per commit spread over reading articles,
candidates, the write and stories; one article per transaction stays over 1.3x.

6 December, later (part 3 added to count them): grouping sent 9.8 statements per one-article
commit on SQLite (10.8 on PostgreSQL: the keys' lock), but their time in the database was
under 1 ms on SQLite; the rest of its 5-7 ms was Python: each statement rebuilt and its cache
key computed at every commit, rows passed through the ORM and read by attribute name, each
candidate article judged once per key. Now every statement of ingest's grouping and story
placing is built once from table columns (plain rows, read by index), the stories of the
placed articles are read with them (one statement fewer), candidate articles are judged
once per set of new articles, and the new claims come with their articles' dates and names
(an article with nothing to group costs two statements, three on PostgreSQL:
tests/test_groups_statements.py). group_articles per commit, 300 articles on 300 stored in 50
stories, old and new alternated in separate processes (load 4-6): 5.4/6.9 ms -> 3.5/4.7 ms
CPU. Part 1, 2,000 articles in 500 stories, old and new alternated (load 6-8.5):

    per transaction  code  round  off CPU s  on CPU s  CPU ratio  load
    1                old   1           25.3      38.8       1.53  6.0
    1                new   1           23.6      31.7       1.34  8.2
    1                old   2           22.3      40.3       1.81  6.4
    1                new   2           19.3      23.1       1.20  7.6
    50               old   1            7.1       8.9       1.26  6.2
    50               new   1            6.7       7.3       1.10  8.5
    50               old   2            5.4       7.1       1.32  7.8
    50               new   2            5.3       6.4       1.21  8.4
    (both codes built 1,037 groups of 4,083 claims, digest 6107f536f618, one per
    transaction; 1,068 of 4,145, digest 99609fc2a223, 50 per transaction)
    1, new code, 10,000 articles (run after, load 2.6 at its end):
    1                          10,000  330.6 288.5   0.87      101.0     139.1       1.38  2.6
    (built 1,209 groups, 20,427 claims, digest ebbf6f8c5b7b: as on 6 December; 1.65 then)
Over the goal still: grouping costs about 3.8 ms per one-article commit (7.6 before).

6 December, third pass: where one pasted article's grouping goes, measured again. Part 3
(1,000 articles in 50 stories, old code): grouping adds 8.8 statements per commit on SQLite,
0.27 ms of them in SQLite itself; on PostgreSQL the candidate statement took 7.6 ms of wall
in the cursor, but 0.3 ms to execute (EXPLAIN ANALYZE) and about 1 ms from the client in an
analysed copy of the same database, and its generic plan (psycopg prepares a statement on
its 5th run) walks (group_key, id) backwards as it should: the 7.6 ms is most likely the
fresh database's missing statistics, not re-planning (not proven). group_articles alone,
4,000 articles stored in 500 stories, 51 of them grouped again and rolled back, CPU ms per
article by step (load 6-8, SQLite / PostgreSQL): candidates 0.69 / 0.95, writing the plan
0.37 / 1.0, reading the candidates' articles 0.33 / 0.75, story placing 0.19 / 0.42,
_reachable 0.15 / 0.19, _matches 0.06 / 0.06, of 2.2 / 4.5. About 200 candidate rows come
back per article (5 keys, 41 each) and about 9 in 10 are dismissed by their articles' names.
Tried and dropped: the date window in the candidate statement (its articles joined after
the index walk): here a key's latest 40 claims come from the stories ingested just before,
all within 45 days, so it dropped nothing and cost more than the statement it saved.
Kept (the same groups, digests and scores on the five labelled sets): rows fetched at once
and the kind read as text, a figure's bounds made once per value, a single new article's
candidate articles judged by intersecting the two name sets, and the candidates' articles
read by one list parameter (50 IDs: 145 -> 100 us on SQLite, 445 -> 250 us on PostgreSQL).
Each is small, and at load 10-13 (other helpers' benchmarks) the whole did not show: part 1,
2,000 articles one per transaction, old and new code alternated:

    per transaction  code  round  off CPU s  on CPU s  CPU ratio  load
    1                old   1           21.2      27.9       1.31  10.3
    1                new   1           19.0      25.0       1.32  13.0
    1                old   2           19.8      26.5       1.34  11.1
    1                new   2           20.8      30.6       1.47   9.0
    50               old   1            6.8       8.5       1.24   6.0
    50               new   1            7.4       7.4       1.00   5.7
    (one per transaction: all built 1,038 groups of 4,084 claims, digest 469280f29750;
    50 per transaction: both 1,069 of 4,146, digest dda5b1b8b852)
The two codes overlap (1.31-1.34 old, 1.32-1.47 new): the spread is the load's. New code,
10,000 articles, run alongside the rounds above (load 10 at its start, 5.4 and 3.5 after):

    1                          10,000  910.2 921.1   1.01       99.4     146.8       1.48  5.4
    50                         10,000   35.6  33.8   0.95       24.7      32.1       1.30  3.5
    (1,210 groups, 20,428 claims, digest 11e5f665f7e1 one per transaction; 1,375 groups,
    20,758 claims, digest d72072ba1477 at 50: main's dating changes since the runs above, and
    the old code was not run at 10,000 this time)
Worse than the 1.38 and 1.10-1.21 of the pass before, at two to four times its load; nothing
here shows a change either way. Still over the goal at one article per transaction.

6 December, session 10: where a pasted article's grouping goes now (one per transaction,
SQLite, 300 articles after 4,000 in 500 stories, CPU ms per article, load 1-1.3): off 6.4,
on 17.6 (2.7x); of the 11 ms more, disputes.refresh (kept at ingest since migration 0018)
8.0, of it 7.5 in disputes._read; then the candidate statement 0.73, story placing 0.43,
the write 0.38, the candidates' articles 0.31, _reachable 0.15. disputes' latest-figures
statement walks the claims' (group_key, id) index down from the newest and keeps those of
the story: a story with fewer than LATEST (20) figures of a key (every young story) reads
the key's whole history, so it grows with the database (3.1 ms after 1,000 articles, 7.5
after 4,000) and explains most of the ratio here; it is in factcheck/disputes.py, not
changed here. The same statement walking the story's articles instead (article.story_id,
then claim.article_id) returned the same rows in 0.05-0.3 ms instead of 4-7 (4,000
articles); run through this benchmark (tests untouched, applied by monkeypatch) it moved
2,000 articles one per transaction from 1.61-1.64 to 1.37 in CPU (same digest).
Cut here: one pasted article's candidates are judged by their articles' date and names
inside the candidate statement (groups._near_candidates; the names looked for as written in
each stored list, instr/strpos), so the nine in ten of other stories never come back and
the candidates' articles are not read apart: 0.8-0.9 -> 0.35-0.55 ms per article measured
alone (4,000 stored), one statement fewer. Same groups: the six story sets score the same,
the digests below are old code's. Part 1, 2,000 articles, old and new code alternated:

    per transaction  code  round  off CPU s  on CPU s  CPU ratio  load
    1                old   1           19.5      31.9       1.64  3.4
    1                new   1           18.4      25.7       1.40  3.2
    1                old   2           18.5      29.8       1.61  2.6
    1                new   2           19.7      25.2       1.28  1.8
    50               old   1            6.2       9.3       1.49  1.6
    50               new   1            6.2       8.7       1.39  1.4
    1, disputes' statement changed as above (monkeypatch):
    1                old   1           20.6      28.1       1.37  2.2
    1                new   1           21.3      29.7       1.39  2.9
    (one per transaction: every run 1,562 groups of 4,608 claims, digest a6a96ea479fc; 50
    per transaction 1,590 of 4,667, digest 60cb878cf4be; after merging main's measure keys
    the old and new code both build 1,572 of 4,618, bc9da91ed880, and 1,600 of 4,677,
    90e2a30eea2a)
PostgreSQL, 1,000 articles one per transaction, old then new: 1.41 and 1.40 (load 3.2,
2.9): no change shown there (its statement is 7-8 KB, past psycopg's 4,096-character cache
of converted SQL: 0.12-0.15 ms to convert each run, 0.05 for the old 4 KB one; a version
that judged names in every key's part was 30 KB and 3 ms, and was not kept).
Steps, 300 articles after 2,000, old and new alternated (load 3.3-5.3): candidates, their
articles and _reachable 1.8-2.0 ms CPU -> 0.85 (_near_candidates); group_articles apart
from disputes 4.3-4.8 -> 2.5.
The 50-per-transaction figure (1.39-1.49) is over the goal too since disputes came in
(1.10-1.21 before). Part 2 is not flat now: 2.72 ms CPU per article with 10,000 stored,
4.11 with 100,000 (1.51; load 2.5-3.7), most likely the same walk (filled articles have
no story; not measured by step).
10,000 articles one per transaction, new code after merging main (whose measure keys now
make 8,869 groups of 28,087 claims, digest 3f21c2673a50, where 1,210 of 20,428 were):

    1                          10,000    89.9   455.8   5.07       80.7     301.2      3.73  5.6

far over the goal: with 500 stories sharing each key, disputes' walk reads more of each
key's history the more articles are stored (load 3.1 at the start, 5.6 at the end: tests
ran beside the 'on' half). The 'on' half again, right after, with disputes' statement walking
the story's articles (monkeypatch, factcheck/disputes.py untouched): 135.2 s CPU (180.6 s
wall, load 3.7), the same 8,869 groups and digest: about 1.68x the 80.7 s 'off' above (two
runs, not one process).
Later (lead): disputes' statement walks the story's articles (factcheck/disputes.py) and keeps
what each sentence says of its figure; then the sentence-level derived-from rule
(factcheck/stories.py) came in; its recent texts' sentences are kept. 10,000 articles one per
transaction, same groups and digest (3f21c2673a50) every run:

    disputes through story  10,000   104.1   148.8   1.43       81.9     110.1      1.34  3.8
    + derived, sentences    10,000    78.7   135.1   1.72       74.4     129.4      1.74  1.2
    + recent texts kept     10,000    93.9   158.4   1.69       89.1     152.3      1.71  1.0

still over the goal; the derived-from comparison costs about as much as the disputes walk
saved at this size (two runs of one code moved 15 s apart in 'off', so read the ratios).
6 December, later (session 11; new keys, quotes and fixed-fact disputes merged, so the groups
and the digest differ): stored texts are split into sentences once per process
(stories._Kept, bounded by words) and the new article's text is not read back; disputes'
writes are built once.
10,000 articles one per transaction, quiet machine (load 1.0), two runs of one code:

    session 11 main         10,000    99.3   152.2   1.53       94.4     146.5      1.55  1.0
    same, 32 MiB page cache 10,000   106.3   151.5   1.43      101.6     146.1      1.44  1.0

(9,134 groups, 28,352 claims, digest 4d857594028a both times.) The page-cache run only moved
'off' (the 'on' half took the same 146 s), so it was not kept. One article per transaction
stays over 1.3×: 5.2 ms of CPU per article against 9.4-10.2 ms without grouping, spread over
disputes (about a third), the candidate read, story placing and the writes (each profiled,
none above 1.3 ms). Part 2 (speedg helper, load 10.7-11.9): 2.40 CPU ms per article with
10,000 stored, 2.60 with 100,000 (1.08): flat.
Session 12 (6 December): disputes' superseding rule (a source's newer figure ends its older
one's dispute) and storylink's name and speaker keys came in; the extractor's new measures
changed what the bench groups (9,134 groups before, 8,867 after). Back to back at load 1.0:

    session 12 start        10,000                        85.2     137.7      1.62  1.0
    session 12 end          10,000                        80.3     159.9      1.99  1.0

Session 13 (7 December): disputes read every key of a story in one statement (ROW_NUMBER per
story and key) and keep each claim row's figure (FIGURES_KEPT rows); a rewrite's original is
weighed from kept sentences; new groups go in in one INSERT. Alternated old/new at 2,000-3,000
articles, disputes' share of the CPU fell from 12% to 10% (about 0.5 ms per article); the
other two did not show. Session 12's end and session 13's end, back to back at load 1.0-1.07:

    session 12 end          10,000   109.5   168.9   1.54      104.2     162.5      1.56  1.0
    session 13 end          10,000    91.9   158.4   1.72       87.2     151.9      1.74  1.07

(8,867 groups, 28,085 claims, digest cb782db52085; then 8,643 groups, 27,861 claims, digest
43dcc0d47c7d: fewer lone figures in dispute, by session 13's place and retold rules, not
inspected one by one). The same
code gave 1.99 and 1.56 a day apart, so a single run moves by ±0.2: still over the goal at
one article per transaction.

7 December, session 14: the story pass (groups._join_in_story). The first pass reads a key's
latest 40 claims across every story; with 100 or 500 stories counting "killed", a story's
own earlier tolls were past them, and most of the groups above were fragments of one story's
figure. Once its story is known, a figure now meets the story's figures of its key and of its
noun and value. Grouping does much more, and costs more. Session 13's end (f215953) against
session 14's, one article per transaction, SQLite, quiet machine:

    per transaction  code        articles  off CPU s  on CPU s  CPU ratio  load
    1                session 13    10,000       57.0     101.9       1.79  0.98
    1                session 14    10,000       57.3     116.9       2.04  1.00
    1                session 13     2,000       10.4      16.6       1.60  0.87
    1                session 14     2,000       10.3      18.9       1.83  0.93
    1                session 13     2,000       10.4      16.2       1.56  0.96
    1                session 14     2,000       10.1      19.5       1.94  0.98

(10,000: 8,643 groups of 27,861 claims, digest 43dcc0d47c7d, then 4,964 groups of 48,835
claims, digest a92a4e52b342; 2,000: 1,698 of 5,549, aacda2bbcc09, then 976 of 9,775,
134f3cb945af.) Profiled (300 articles after 1,500, 75 stories), the story pass was a third of
grouping's CPU: its statement read every figure by the kind's index until the test of the
kind was dropped (0.83 -> 0.21 ms per run, and it now follows the story, not the archive),
and it reads group members only for groups a figure may join. Further from the goal.

7 December, session 15. Part 1 at 50 per transaction, never run after the story pass: far
over the goal, as far as one per transaction. A count's second key is now kept per (unit,
days, value) and claim kinds are looked up (same groups, same digests); nothing else in
grouping changed. Session 14's end (1150de9) and session 15's, SQLite, load 0.9-2.3:

    per transaction  code        articles  off CPU s  on CPU s  CPU ratio  load
    50               session 14    10,000       24.2      62.9       2.60  0.93
    50               session 15    10,000       24.1      60.4       2.51  1.00
    1                session 15    10,000       61.6     133.9       2.17  0.99
    1                session 14    10,000       59.5     122.1       2.05  1.01
    1                session 14     2,000       10.6      20.4       1.92  1.90
    1                session 15     2,000       10.7      20.4       1.90  2.04
    50               session 14     2,000        4.5       9.8       2.16  1.92
    50               session 15     2,000        4.1       9.4       2.27  2.30

(10,000 at 50: 5,135 groups of 49,121 claims, digest 9ff1233b4235; one per transaction as
session 14: a92a4e52b342; 2,000 at 50: 956 of 9,812, b462c868b57b.) No change shows. Where
a batch's grouping goes, CPU ms per article (1,500 stored, 500 more in batches of 50,
extraction apart, load about 1): off 1.4, on 5.1-6.1; with the story pass switched off 4.3,
with disputes switched off 4.1, with both off 2.8. The goal allows 0.7 over 'off' (1.3 x 2.4
with extraction): even with neither, story placing, the candidate read and the writes cost
twice that. One article per transaction: off 4.4, on 10.1 (the story pass 1.5, disputes
1.2, story placing 0.7, the candidate read 0.7, the writes 0.6, the rest in reading the new
claims and the commit). A flat profile: no function's own time above 0.7 ms per article.

Part 2 found a scan, not in grouping: the commit's triage rescoring (factcheck.triage) named
its claims by one OR of three lists, and with the statistics ANALYZE leaves (the fill runs
it; so do migrations, on a desk that upgrades with claims stored) SQLite planned it as a
scan of every claim, at every commit. Each list now goes through its own index (a UNION ALL).
Part 2 now also prints what storing each new article costs (grouping off: the article, its
claims and counts, their triage points), the same 200 articles:

    code        articles in DB  grouping CPU ms/art  ratio  store CPU ms/art  ratio  load
    session 14          10,000                 2.63   1.00             22.62   1.00  0.96
    session 14         100,000                 3.62   1.38            145.08   6.41  1.00
    session 15          10,000                 2.21   1.00              7.99   1.00  0.79
    session 15         100,000                 1.78   0.81              7.98   1.00  0.95

(Session 14's code run with this file's part 2.) Grouping's cost per article is flat again,
and storing an article no longer grows with the archive (145 ms at 587,000 claims before).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

Piece = tuple[str, str, str, datetime]  # outlet, title, text, published
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "ma",
    "len",
    "dor",
    "vas",
    "el",
    "un",
    "ber",
    "mo",
    "sa",
    "tin",
    "gra",
    "pol",
    "ve",
    "ost",
    "lim",
    "nar",
    "ju",
]
OUTLETS = [f"Outlet {i}" for i in range(40)]
START = datetime(2024, 1, 1, 8, tzinfo=UTC)
PASSWORD = "correct horse battery"  # the bench users only need to pass the policy
MEASURED = 100  # articles whose statements part 3 counts


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).title()


def story_articles(count: int, stories: int, seed: int = 10) -> list[Piece]:
    """(outlet, title, text, published) of ``count`` articles spread over ``stories`` stories."""
    rng = random.Random(seed)
    plans = []
    for _ in range(stories):
        place, person = _name(rng), f"{_name(rng)} {_name(rng)}"
        plans.append((place, person, rng.randint(20, 900), rng.choice((30, 45, 60, 90, 135))))
    out = []
    for i in range(count):
        s = i % stories
        place, person, toll, days = plans[s]
        day = START + timedelta(days=s * 0.7 + rng.random() * 6, hours=i % 24)
        toll_words = rng.choice(
            (f"killed {toll} people", f"left {toll} dead", f"killed some {toll} people")
        )
        text = (
            f"Fighting near {place} {toll_words}, officials in {place} said on Monday. "
            f"A {days}-day truce was agreed in {place} after talks. "
            f'"We will rebuild {place} street by street," {person} said in {place}. '
            f"About {rng.randint(2, 90) * 100} people fled their homes, aid groups said. "
            f"Report {i} from {place} by {rng.choice(OUTLETS)}."
        )
        out.append((rng.choice(OUTLETS), f"{place}: report {i}", text, day))
    return out


def ingest(url: str, articles: list[Piece], grouping: bool, batch: int) -> tuple[float, float]:
    """Wall and CPU seconds to store every article (extraction included), ``batch`` articles
    per transaction: 1 is a reviewer pasting articles one by one, BATCH_ARTICLES is what
    `factcheck ingest FOLDER` writes at once. CPU time is printed too: on a shared machine
    wall time mostly measures the others."""
    from factcheck.articles import NewArticle, add_articles
    from factcheck.db import dispose_engine, session_scope
    from factcheck.extract import extract_claims
    from factcheck.migrate import upgrade
    from factcheck.models import Role
    from factcheck.users import add_user

    os.environ["FACTCHECK_GROUPING"] = "1" if grouping else "0"
    upgrade(url)
    with session_scope(url) as session:
        user = add_user(
            session, email="bench@newsroom.test", role=Role.ADMIN, password=PASSWORD, by=None
        )
        start, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(articles), batch):
            items = [
                NewArticle(
                    title=title,
                    text=text,
                    claims=extract_claims(text),
                    outlet=outlet,
                    published_at=day,
                )
                for outlet, title, text, day in articles[first : first + batch]
            ]
            add_articles(session, items=items, by=user)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    dispose_engine(url)
    os.environ.pop("FACTCHECK_GROUPING", None)
    return seconds, cpu


def _last_round(articles: int, stories: int) -> int:
    """Days the last of ``articles`` filled articles is moved on: fill repeats its sample
    articles in rounds, each three days later than the one before."""
    return (articles - 1) // (stories * 4) * 3


def fill(url: str, articles: int, stories: int) -> None:
    """Bulk-insert ``articles`` articles with their claims and keys (as ingest would store)."""
    import sqlalchemy as sa

    from factcheck.articles import _claim_row, text_sha256
    from factcheck.comparable import topics
    from factcheck.db import dispose_engine, get_engine
    from factcheck.extract import extract_claims
    from factcheck.migrate import upgrade
    from factcheck.models import Article, Claim, Outlet

    upgrade(url)
    engine = get_engine(url)
    samples = story_articles(stories * 4, stories)
    found = {i: extract_claims(text) for i, (_, _, text, _) in enumerate(samples)}
    with engine.begin() as conn:
        conn.execute(
            sa.insert(Outlet.__table__),
            [{"name": o, "key": o.lower(), "kind": "news"} for o in OUTLETS],
        )  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    for chunk in range(0, articles, 5000):
        article_rows, claim_rows = [], []
        for n in range(chunk, min(articles, chunk + 5000)):
            outlet, title, text, day = samples[n % len(samples)]
            text = f"{text} Edition {n}."
            article_rows.append(
                {
                    "id": n + 1,
                    "outlet_id": OUTLETS.index(outlet) + 1,
                    "title": title,
                    "text": text,
                    "sha256": text_sha256(text),
                    "language": "en",
                    "published_at": day + timedelta(days=_last_round(n + 1, stories)),
                    "ingested_at": now,
                    "topics": topics(title, text),
                }
            )
            fake = Article(id=n + 1, published_at=day, title=title, text=text, sha256="")
            claim_rows.extend(_claim_row(fake, f, None, None, now) for f in found[n % len(samples)])
        with engine.begin() as conn:
            conn.execute(sa.insert(Article.__table__), article_rows)  # type: ignore[attr-defined]
            conn.execute(sa.insert(Claim.__table__), claim_rows)  # type: ignore[attr-defined]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # rows came with their IDs: move the sequences
            for table in ("article", "claim", "outlet"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        conn.exec_driver_sql("ANALYZE")
    dispose_engine(url)


def grouping_cost(url: str, size: int, stories: int, new: int = 200) -> tuple[float, float, float]:
    """Wall and CPU milliseconds of group_articles (and its commit) per article, for ``new``
    articles stored on top one at a time, and the CPU milliseconds of storing each (with
    grouping off: the article, its claims and counts, and their triage points at the commit).

    They are dated just after the latest filled articles (``size`` of them, see fill), so at
    every size their claims find candidates within groups.WINDOW and do the same work.
    """
    from factcheck.articles import add_article
    from factcheck.db import dispose_engine, session_scope
    from factcheck.extract import extract_claims
    from factcheck.groups import group_articles
    from factcheck.models import Role
    from factcheck.users import add_user

    os.environ["FACTCHECK_GROUPING"] = "0"  # store first, then time the grouping alone
    wall = cpu = store = 0.0
    with session_scope(url) as session:
        user = add_user(
            session, email="cost@newsroom.test", role=Role.ADMIN, password=PASSWORD, by=None
        )
        for outlet, title, text, day in story_articles(new, stories, seed=99):
            stored = time.process_time()
            article = add_article(
                session,
                title=title,
                text=text + " (new)",
                by=user,
                claims=extract_claims(text + " (new)"),
                outlet=outlet,
                published_at=day + timedelta(days=_last_round(size, stories) + 2),
            )
            start, started = time.perf_counter(), time.process_time()
            store += started - stored
            group_articles(session, article_ids=[article.id or 0])
            session.commit()
            wall += time.perf_counter() - start
            cpu += time.process_time() - started
    os.environ.pop("FACTCHECK_GROUPING", None)
    dispose_engine(url)
    return wall / new * 1000, cpu / new * 1000, store / new * 1000


def load() -> str:
    """The 1-minute load average, printed beside each figure (2 cores shared here)."""
    return f"{os.getloadavg()[0]:.2f}"


def uptime() -> str:
    """What `uptime` prints: the load averages the figures were taken under."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


class Databases:
    """Fresh database URLs by name: SQLite files in ``folder``, PostgreSQL databases on the
    FACTCHECK_TEST_PG server (created here, dropped by ``drop``)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.made: list[str] = []

    def url(self, kind: str, name: str, *, fresh: bool = True) -> str:
        """The database called ``name``: a new, empty one unless ``fresh`` is False."""
        if kind == "sqlite":
            return f"sqlite:///{self.folder}/{name}.db"
        host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
        if not fresh:
            return f"postgresql+psycopg://{user}@{host}:{port}/bench_groups_{name}"
        self._admin(f"DROP DATABASE IF EXISTS bench_groups_{name}")
        self._admin(f"CREATE DATABASE bench_groups_{name}")
        self.made.append(f"bench_groups_{name}")
        return f"postgresql+psycopg://{user}@{host}:{port}/bench_groups_{name}"

    def drop(self) -> None:
        """Drop the PostgreSQL databases made."""
        for name in self.made:
            self._admin(f"DROP DATABASE IF EXISTS {name}")

    @staticmethod
    def _admin(sql: str) -> None:
        from factcheck.db import dispose_engine, get_engine

        host, port, user = os.environ["FACTCHECK_TEST_PG"].split(":")
        admin = f"postgresql+psycopg://{user}@{host}:{port}/postgres"
        with get_engine(admin).connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql(sql)
        dispose_engine(admin)


NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def ingest_table(dbs: Databases, kind: str, n: int, stories: int, batches: list[int]) -> None:
    """Part 1: ingest with grouping off and on, ``batches`` articles per transaction."""
    articles = story_articles(n, stories)
    print(f"\n1. Ingest of {n:,} articles in {stories} stories, grouping off vs on ({NAMES[kind]})")
    print(f"   {uptime()}")
    print(
        f"{'per transaction':<16}{'articles':>9}{'off s':>8}{'on s':>8}{'ratio':>7}"
        f"{'off CPU s':>10}{'on CPU s':>9}{'CPU ratio':>10}{'load':>6}  goal: ratio ≤ 1.3"
    )
    for batch in batches:
        off, off_cpu = ingest(dbs.url(kind, f"off{batch}"), articles, False, batch)
        on, on_cpu = ingest(dbs.url(kind, f"on{batch}"), articles, True, batch)
        print(
            f"{batch:<16}{n:>9,}{off:>8.1f}{on:>8.1f}{on / off:>7.2f}"
            f"{off_cpu:>10.1f}{on_cpu:>9.1f}{on_cpu / off_cpu:>10.2f}{load():>6}"
        )
        built = partition(dbs.url(kind, f"on{batch}", fresh=False))
        print(f"   grouping on built {built}")


def growth_table(dbs: Databases, kind: str, sizes: list[int], stories: int) -> None:
    """Part 2: grouping cost per new article with ``sizes`` articles already stored."""
    print(f"\n2. Grouping cost per new article by database size ({NAMES[kind]})")
    print(f"   {uptime()}")
    print(
        f"{'articles in DB':>14}{'claims':>11}{'wall ms/art':>12}{'CPU ms/art':>11}"
        f"{'wall ratio':>11}{'CPU ratio':>10}{'store CPU ms':>13}{'ratio':>6}{'load':>6}"
    )
    base: tuple[float, float, float] | None = None
    for size in sizes:
        url = dbs.url(kind, f"fill{size}")
        fill(url, size, stories)
        wall, cpu, store = grouping_cost(url, size, stories)
        base = base or (wall, cpu, store)
        print(
            f"{size:>14,}{_count(url):>11,}{wall:>12.2f}{cpu:>11.2f}"
            f"{wall / base[0]:>11.2f}{cpu / base[1]:>10.2f}{store:>13.2f}{store / base[2]:>6.2f}"
            f"{load():>6}"
        )
    print(f"   ratio {sizes[-1]:,}/{sizes[0]:,} articles: see the last row (goal: flat, ≈ 1)")


Key = tuple[str, str]  # the function that sent a statement, the start of its SQL


def statements(url: str, pieces: list[Piece], warm: int, grouping: bool) -> dict[Key, list[float]]:
    """Each statement sent while the articles after the first ``warm`` are stored one per
    transaction: {(the factcheck function that sent it, its SQL's start): [count, seconds]}.
    Seconds in the cursor's execute (SQLite reads a SELECT's rows after it: not counted)."""
    import re
    import traceback

    import sqlalchemy as sa

    from factcheck.articles import NewArticle, add_articles
    from factcheck.db import dispose_engine, get_engine, session_scope
    from factcheck.extract import extract_claims
    from factcheck.migrate import upgrade
    from factcheck.models import Role
    from factcheck.users import add_user

    os.environ["FACTCHECK_GROUPING"] = "1" if grouping else "0"
    upgrade(url)
    items = [
        NewArticle(title=t, text=x, claims=extract_claims(x), outlet=o, published_at=d)
        for o, t, x, d in pieces
    ]
    found: dict[Key, list[float]] = {}
    started: list[Any] = [None, 0.0]  # the statement being sent, and when

    def send(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        where = [
            f"{Path(f.filename).stem}.{f.name}"
            for f in traceback.extract_stack()
            if "/factcheck/" in f.filename and not f.filename.endswith("db.py")
        ]
        key = (where[-1] if where else "?", re.sub(r"\s+", " ", statement)[:60])
        started[0], started[1] = key, time.perf_counter()

    def sent(*_: Any) -> None:
        tally = found.setdefault(started[0], [0, 0.0])
        tally[0] += 1
        tally[1] += time.perf_counter() - started[1]

    engine = get_engine(url)
    with session_scope(url) as session:
        user = add_user(
            session, email="bench@newsroom.test", role=Role.ADMIN, password=PASSWORD, by=None
        )
        for item in items[:warm]:
            add_articles(session, items=[item], by=user)
        sa.event.listen(engine, "before_cursor_execute", send)
        sa.event.listen(engine, "after_cursor_execute", sent)
        for item in items[warm:]:
            add_articles(session, items=[item], by=user)
        sa.event.remove(engine, "before_cursor_execute", send)
        sa.event.remove(engine, "after_cursor_execute", sent)
    dispose_engine(url)
    os.environ.pop("FACTCHECK_GROUPING", None)
    return found


def statements_table(dbs: Databases, kind: str, n: int, stories: int, measured: int) -> None:
    """Part 3: the statements of one article per transaction, grouping off and on."""
    pieces = story_articles(n + measured, stories)
    print(f"\n3. Statements per article, one per transaction, after {n:,} ({NAMES[kind]})")
    print(f"   {uptime()}")
    for grouping in (False, True):
        found = statements(dbs.url(kind, f"sql{int(grouping)}"), pieces, n, grouping)
        print(f"grouping {'on' if grouping else 'off'}")
        print(f"{'sent by':<34}{'count':>7}{'ms':>8}  statement")
        for (where, sql), (count, seconds) in sorted(found.items(), key=lambda kv: -kv[1][1]):
            print(f"{where:<34}{count / measured:>7.2f}{seconds / measured * 1000:>8.3f}  {sql}")
        count = sum(c for c, _ in found.values()) / measured
        ms = sum(s for _, s in found.values()) / measured * 1000
        print(f"{'total':<34}{count:>7.2f}{ms:>8.3f}")


def main() -> None:
    """Run the parts asked for on each database and print their tables."""
    from factcheck.ingest.batch import BATCH_ARTICLES

    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument(
        "--databases", nargs="+", choices=sorted(NAMES), default=["sqlite"], metavar="DB"
    )
    parser.add_argument("--parts", nargs="+", type=int, choices=(1, 2, 3), default=[1, 2])
    parser.add_argument(
        "--batches", nargs="+", type=int, default=[1, BATCH_ARTICLES], metavar="ARTICLES"
    )
    args = parser.parse_args()
    if "postgresql" in args.databases and not os.environ.get("FACTCHECK_TEST_PG"):
        raise SystemExit("PostgreSQL needs FACTCHECK_TEST_PG=host:port:user; see .ci/postgres.sh.")
    with tempfile.TemporaryDirectory() as folder:
        dbs = Databases(folder)
        try:
            for kind in args.databases:
                if 1 in args.parts:
                    ingest_table(dbs, kind, args.articles, args.stories, args.batches)
                if 2 in args.parts:
                    growth_table(dbs, kind, [args.articles, args.big], args.stories)
                if 3 in args.parts:
                    statements_table(dbs, kind, args.articles, args.stories, MEASURED)
        finally:
            dbs.drop()


def partition(url: str) -> str:
    """How many groups, how many claims in them, and a digest of which claims are together:
    a change that should only make grouping cheaper must leave all three as they were."""
    import hashlib

    from sqlmodel import col, select

    from factcheck.db import dispose_engine, session_scope
    from factcheck.models import Claim

    together: dict[int, list[int]] = {}
    with session_scope(url, readonly=True) as session:
        for claim_id, group_id in session.exec(
            select(Claim.id, Claim.group_id).where(col(Claim.group_id).is_not(None))
        ):
            together.setdefault(group_id or 0, []).append(claim_id or 0)
    dispose_engine(url)
    digest = hashlib.sha256(repr(sorted(sorted(m) for m in together.values())).encode())
    grouped = sum(len(m) for m in together.values())
    return f"{len(together):,} groups, {grouped:,} claims, digest {digest.hexdigest()[:12]}"


def _count(url: str) -> int:
    from sqlmodel import func, select

    from factcheck.db import dispose_engine, session_scope
    from factcheck.models import Claim

    with session_scope(url, readonly=True) as session:
        count = session.exec(select(func.count()).select_from(Claim)).one()
    dispose_engine(url)
    return count


if __name__ == "__main__":
    main()
