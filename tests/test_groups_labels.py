"""Link precision and recall of claim grouping on the hand-labelled multi-outlet sets.

Measured on 2026-12-04: development set precision 0.98, recall 0.62; held-out set precision
0.96, recall 0.38 (scored first when the grouping was final; one later change, prompted by the
demo's "three days" of mourning joining "62 hours" trapped, left it unchanged).

2026-12-05: the held-out set has been scored, so it is a regression set now, not a measure:
no rule is tuned on it or on its misses (they were not read). Rules come from the development
set's misses and our own sentences (tests/test_comparable.py): a figure with no measure words
takes them from its clause, prisoners/detainees and lorries/trucks are one measure each.
Development set then: precision 0.98, recall 0.69; held-out set unchanged at 0.96 / 0.38.
Held-out set 2 (stories_heldout2.json: a flood, a mine collapse, a dock strike; 15 articles by
another helper who never saw the grouping's output) was scored before and after that change:
precision 0.95 / recall 0.20 before, 0.95 / 0.21 after; conflicts flagged 1 then 2 of 3. Its
low recall is the honest figure for unseen coverage; it is a regression set from now on. The
floors sit 0.05 under the figures, so a change that loses links or makes wrong ones fails here.

2026-12-06 (issue #10, all three sets open for tuning; a new blind set is scored by the lead):
an event word outweighs who was counted ("41 miners were killed" = "41 dead"), a count of
people alone takes its clause's measure ("41 people are now confirmed dead", "twelve thousand
people have left their homes"), and a figure joins a group only when it can be the fact of
every member read (complete linkage). Precision / recall / same-value recall (links between
members labelled with one value: the sets put a rising toll, 27 then 41, in one group, which
grouping keeps apart by design, issue §7), before → after:
dev 0.98/0.65/0.82 → 0.98/0.62/0.82 (the lost links join 12, 19 and "at least 23" of one
rising toll); held-out 0.97/0.40/0.52 → 0.95/0.48/0.63; held-out 2 0.96/0.23/0.37 →
0.96/0.29/0.45.

2026-12-06, later (issue #10): quotes compared by Snowball stems and number values, and the
measure of a figure read better (hedged counts of people, responders who are not the outcome,
label lists, "lost" of money, passives; tests/test_extract_measures.py). Precision / recall /
same-value recall, before → after: dev 0.98/0.62/0.82 → 0.98/0.66/0.82; held-out
0.95/0.48/0.63 → 0.96/0.51/0.67; held-out 2 0.96/0.29/0.45 → 0.97/0.33/0.45; held-out 3
(scored blind once the session before, then opened) 1.00/0.43/0.44 → 1.00/0.52/0.58. Held-out
set 4 (stories_heldout4.json: a plant explosion, a hospital cyber attack, a bridge collapse;
16 articles by a helper who never saw the grouping) was scored once before these changes and
once after, its misses unread: 0.95/0.44/0.51 → 0.95/0.50/0.60, conflicts flagged 1 of 4
both times. Sets 3 and 4 are regression sets from now on.

2026-12-06, session 9 (issue #10): voices (a spokesperson and the body they speak for share
quote groups), a second version of a quote from one article, lone quotes pulled into the group
their match joined, disputes between lone figures, and better measure keys. Precision / recall
on the open sets: dev 0.98/0.66 unchanged; held-out 0.96/0.51 → 0.96/0.55; held-out 2
0.97/0.33 → 0.96/0.35; held-out 3 1.00/0.52 → 1.00/0.54; held-out 4 0.95/0.50 → 0.93/0.52.
Labelled conflicts flagged on the five open sets: 5 → 8 of 16, one false alarm. Held-out set 5
(stories_heldout5.json: a prisoner exchange, a pension-fund fraud trial, a vaccine shortfall;
16 articles by a helper who never saw the grouping) was scored once at the session's start
(ad61538) and once after the merged changes: 0.93/0.28/0.36 → 0.92/0.29/0.34; conflicts
flagged 0 → 1 of 4, with 1 false alarm (doses received vs the doses short, one key "dose");
attributed links after: 49 labelled, 12 found, 8 right. Set 5 is a regression set from now on.

2026-12-06, session 10 (issue #10): the extractor gives quotes in broadcast turns, after a
sentence-opening pronoun and past asides to the right speaker and splits a quotation of
several sentences into one claim per sentence; an organisation's short form joins the one
known body it shortens; more measure keys name one fact, gap words ("doses short") and scales
beside a figure key apart, durations of a named outcome dispute, "last night" is the day
before. Precision / recall on the open sets, 001eb6d → after: dev 0.98/0.66 → 1.00/0.68;
held-out 0.96/0.55 → 0.96/0.56; held-out 2 0.96/0.35 → 0.98/0.37; held-out 3 1.00/0.54 →
1.00/0.60; held-out 4 0.93/0.52 → 0.97/0.55; held-out 5 0.92/0.29 → 1.00/0.40. Labelled
conflicts flagged on the six open sets: 9 → 14 of 20, false alarms 2 → 0. Held-out set 6
(stories_heldout6.json: a chemical spill told by eight outlets, a festival food poisoning by
four; 12 articles by a helper who never saw the grouping) was scored at 001eb6d and after the
merged changes, its misses unread: precision / recall / same-value recall 0.98/0.57/0.76 →
1.00/0.60/0.76; attributed links 58 labelled, 19 found (17 right) → 23 found (23 right);
drifted-quote links 3 → 6 of 15; not-same pairs joined 1 → 0; conflicts flagged 3 of 4 with
disputes both times, no false alarm. Set 6 is a regression set from now on.

2026-12-06, session 10 (issue #10 §4): story formation scored for the first time, at ba2a8ca.
Pairs of articles of one labelled story put in one stored story, precision / recall: 1.00 /
1.00 on dev, held-out, held-out 2, 3, 4 and 6; held-out 5 1.00 / 0.89 (one article, the
Vellhaven Post's blog of the fraud trial, in no story: none of its claims joined a group). No
stored story mixes two labelled stories, none is split. Derived from: 14 labelled rewrites, none
marked (their share of five-word runs taken from the wire is 0.03 to 0.52, under DERIVED 0.6),
none marked wrongly. The floors below sit 0.05 under the story figures.

Later in session 10 (issue #10 §4): derived from by sentences taken (a sentence whose content
words are mostly in one source sentence), the source by time, agency, then storage. Tuned on
the seven sets above: 13 of 14 rewrites marked, none wrongly (the Baltic Business Daily's
rewrite on set 5 takes a quarter of its sentences). A blind set (stories_derived1.json: four
stories, 20 articles, 8 rewrites light, reworded and wrapped around the wire, independent
reports of the same figures, and the press releases the wires drew on; by a helper who never
saw the rule) was scored before and after: 2 of 8 marked, both right → 8 of 8 right and one
wrong: a coastguard's press release marked derived from the agency wire that copied it (an
agency's article of the same day is taken as the source). Story links 1.00 / 1.00 both times.
Derived-from floors: right marks at least those measured; wrong marks at most those measured.

2026-12-06, session 11: two more blind sets, scored at 2afd086 before any merge and after.
Held-out set 7 (stories_heldout7.json: a landslide on a mountain railway told by nine outlets,
among them a press release and a paper copying it, a live blog, a radio transcript, a parish
newsletter with no figures; a look-alike stadium roof collapse by four): precision / recall /
same-value recall 0.98/0.54/0.69 → 0.99/0.62/0.73; attributed links 81 labelled, 26 found (24
right) → 37 (35); drifted-quote links 16 → 27 of 43; not-same pairs joined 1 → 1; conflicts 2
of 4 flagged both times, one false alarm both times (a live blog's update within one day);
stories 1.00/0.82 (the newsletter in no story), derived 2 of 2 right. Derived-from set 2
(stories_derived2.json: four stories, 19 articles, two press releases copied on their day, one
of them by the wire): 7 of 8 right → 8 of 8 (an official body's statement now comes before an
agency's at one time). Both are regression sets from now on.

2026-12-06, session 12 (issue #10 §4): an article that shares no claim group joins a story by
the rare names and speakers it shares with it alone and its words (factcheck.storylink). Story
links on held-out set 7: 1.00/0.82 → 1.00/1.00 (the parish newsletter joins the landslide);
every other open set, claim links, not-same pairs and derived-from unchanged.

Same session: held-out set 8 (stories_heldout8.json, labelled blind: a rocket and artillery
exchange between two invented countries, a hostage release and a 108-hour pause, told by nine
outlets with a live blog, a radio transcript, a prime minister's office statement and a site
copying it, an international outlet and an explainer with no figures; a look-alike port strike
by four), scored at d539112 before any merge and after the session's merges: nothing moved.
Links 168 labelled, 89 found, 86 right (0.97 / 0.51), same-value recall 0.52; attributed links
45 labelled, 16 found, all right; drifted-quote links 6 of 21; not-same pairs joined 0 of 15;
conflicts 1 of 4 flagged, 4 false alarms (tolls of two places under one key, and a next day's
retelling of the first day's counts dated the next day); stories 1.00 / 1.00, derived 2 of 2.
A regression set from now on.

Session 13 (branch keys-s13, issue #10 §2/§3): the same figure in other words gets one key —
light verbs dropped ("rockets came over"), "launched" is "fired", people who left a place
are displaced, ages keep no days, a figure quoted alone reads the noun after the quote, a
label's "today" is no measure, vessels are ships (factcheck.comparable's docstring). Tuned on
every open set (all of them; misses read on each). Precision / recall / same-value recall,
f34036b → after: dev 1.00/0.70/0.84 unchanged; held-out 0.96/0.57/0.67 → 0.96/0.59/0.67;
held-out 2 0.98/0.39/0.50 → 0.98/0.40/0.53; held-out 3 1.00/0.61/0.67 → 1.00/0.65/0.72;
held-out 4 0.97/0.60/0.62 → 0.97/0.63/0.66; held-out 5 1.00/0.47/0.57 → 1.00/0.48/0.57;
held-out 6 1.00/0.62/0.76 → 1.00/0.64/0.81; held-out 7 0.99/0.64/0.78 → 0.99/0.64/0.79;
held-out 8 0.97/0.51/0.52 → 0.97/0.57/0.64. Not-same pairs joined, conflicts flagged, false
alarms and story links unchanged on every set (held-out 7 keeps the one not-same pair it
joined before). Recall and same-value floors raised to 0.05 under the new figures.

2026-12-06, session 13 (issue #10 §3/§5): quotes reworded, contracted or padded with a
stressing adverb meet their original; a claim of several statements is compared part by part
and joins the group of the one it leads with; a quote joins a group only when it shares a
word with half its members (factcheck.comparable, "Why versions were still missed").
Attributed links right (found) per set, before → after; drifted-quote links found:
dev 21 (21) → 21 (21), drift 8 → 8 of 15; heldout 20 (20) → 28 (28), drift 3 → 6 of 11;
heldout2 22 (24) → 22 (24), 10 → 10 of 17; heldout3 25 (25) → 27 (27), 16 → 16 of 22;
heldout4 33 (33) → 32 (32), 7 → 7 of 20; heldout5 18 (18) → 16 (16), 6 → 4 of 12; heldout6
25 (25) → 28 (28), 6 → 6 of 15; heldout7 35 (37) → 43 (43), 27 → 35 of 43; heldout8 16 (16)
→ 18 (18), 6 → 6 of 21. All nine: 215 right of 219 found → 235 of 237, of 442 labelled;
drift 89 → 98 of 177; not-same pairs joined unchanged (0, and 1 of 13 on set 7 as before);
stories and derived-from unchanged. heldout2's two wrong links are one claim the labels put
in two groups (a report of two statements). heldout5 loses two: the radio's "a good day but
not the end, and that …" now joins the wire's first sentence, which the labels leave out of
the statement; heldout4 loses one: "the hackers got in" now meets "the attackers came in",
and the wire's quote joins that version's group instead of the other three's.

Same session: held-out set 9 (stories_heldout9.json, labelled blind: the siege of an invented
town ending in a four-day pause, extended by two, with hostages swapped for prisoners in
stages; ten outlets with a wire and its rewrite, a radio transcript with numbers in words, a
timed live blog, a regional paper, a president's office statement with a label list and a
near copy of it, an international outlet citing local media, a follow-up retelling earlier
days and an explainer with no figure; a look-alike story of 240 miners trapped for four days
by four), scored at f34036b before any merge and after the session's merges: NOTHING moved,
though every open set above gained. Links 154 labelled, 79 found, 76 right (0.96 / 0.49),
same-value recall 0.53; attributed links 30 labelled, 7 found, all right; drifted-quote
links 3 of 21; not-same pairs joined 0 of 7; conflicts 3 of 4 flagged, 1 false alarm; story
links 1.00 / 0.94 (one article of the look-alike alone), derived 2 of 2. The session's rules
were fitted to the sets they were read on; the blind set says they do not carry. A
regression set from now on.

2026-12-07, session 14: a story pass (factcheck.groups._join_in_story). Once an article's
story is known, a figure still alone meets the figures of its key in the story's latest
articles, and a count meets the story's counts of the same noun and value
(comparable.same_count_key), unless they name different outcomes. Then: people named only as
people are one noun, and a count with no noun of its own joins the one noun its story gives
that value (from 10); last, a count that names nothing counted ("41", "14,000 people", stored
with no key before) is keyed ``n||count`` so that the story pass can join it. Four blind sets
were labelled by helpers who never ran the tool. Links precision / recall / same-value recall:

    set        f215953 (before)  noun|value  + people, no noun  + nothing named (final)
    heldout10  0.82/0.47/0.51    0.83/0.51/0.56  0.84/0.55/0.63  0.84/0.63/0.74
    heldout11  0.97/0.47/0.47    0.94/0.57/0.65  0.92/0.60/0.70  0.93/0.66/0.82
    heldout12  0.95/0.46/0.53    0.96/0.52/0.62  0.96/0.67/0.84  0.96/0.70/0.89
    heldout13  0.90/0.37/0.44    0.90/0.39/0.48  0.91/0.41/0.51  0.92/0.46/0.60

Sets 10 and 11 were scored blind before and after the first version; sets 12 and 13 at every
step, their misses never read. Set 11's wrong links were read after the third column: a count
with no noun had joined "45 monitors" where the story also gives "within 45 days" (it now
stays alone where its value is also given in a unit), so sets 10 and 11 are tuned from
there; the story-wide key read and the ``n||count`` key came after that and were measured on
all four. The attributed, drift, not-same and story lines of the four did not move. Open
sets, before → after: dev 1.00/0.70 → 1.00/0.72; held-out 0.96/0.63 → 0.96/0.69; held-out 2
0.98/0.40 → 0.98/0.45; held-out 3 1.00/0.67 → 1.00/0.80; held-out 4 0.97/0.63 → 0.98/0.71;
held-out 5 1.00/0.47 → 1.00/0.64; held-out 6 1.00/0.65 → 1.00/0.70; held-out 7 1.00/0.68 →
1.00/0.75; held-out 8 0.97/0.58 → 0.97/0.62; held-out 9 0.96/0.49 → 0.96/0.64 (its false
alarm gone). All four blind sets are regression sets from now on.

2026-12-07, session 15: two blind sets labelled by helpers who never ran the tool, scored at
1150de9 (the session's start) before anything was merged, and again after its changes (a
write on PostgreSQL leaves a claim another ingest grouped meanwhile; a count after a fronted
place is extracted): held-out 14 (a chemical plant explosion with a rising toll, a company
disputing the authorities' count, a 72-hour evacuation; a look-alike flood) and held-out 15 (a
shelled city and a staged hostage-for-prisoner exchange with a 10-day corridor; a look-alike
flood). Both scored the same before and after:

    set        links P/R/same-value  quotes P/R (drift)   not-same  conflicts  stories P/R  derived
    heldout14  1.00/0.66/0.82        1.00/0.34 (5 of 16)  0 of 15   2 of 4     1.00/0.69    2 of 2
    heldout15  0.98/0.68/0.83        1.00/0.46 (10 of 15) 1 of 14   3 of 4     1.00/1.00    2 of 5

Set 14's main story is split in two (an article alone); set 15 marks three articles derived
from another that the labels do not, and joins one not-same pair. Held-out 9 gained one link
from the extraction change (0.96/0.64, same-value 0.77); no other set moved. Both are
regression sets from now on.

2026-12-07, session 16: an article's second mention of a figure (same key, bounds and, for an
amount keyed by its unit, the same measure) follows its first into its group
(groups._repeats): before, the second mentions of several outlets made a second group of the
same fact. An amount agreeing under another measure ranks after one naming the same
(groups.OTHER_MEASURE), and words that say when or how a figure was made known ("published",
"overnight", "cited": measures.MADE_KNOWN) part no measure key. Two blind sets, labelled by
helpers who never ran the tool, scored at 4f4abfc before anything changed and after:

    set        links P/R/same-value          quotes P/R (drift)  not-same  stories P/R  derived
    heldout16  0.95/0.72/0.94 → the same     1.00/0.29 (6 of 15) 0 of 16   1.00/1.00    1 of 2
    heldout17  0.79/0.61/0.68 → 0.91/0.61/0.68  1.00/0.23 (3 of 20) 4 → 2 of 14  0.54/1.00  2 of 4

Held-out 16 (a capsized ferry with rival tolls; a look-alike boat accident) did not move.
Held-out 17 (a six-week truce with a staged exchange; a six-week detainee exchange in a
neighbouring country a week before) lost 27 wrong links and two not-same joins, and gained no
right one: its two stories are one stored story (its look-alike's "42-day" exchange joins
the truce's group), the weakest result of any set. Open sets, links right before → after:
held-out 2 126 → 143, held-out 4 174 → 179 (and one more derived-from the labels do not
make), held-out 6 114 → 121, held-out 8 105 → 108, held-out 13 111 → 114 (three wrong links
fewer), held-out 14 147 → 161 (its split story joined), held-out 15 110 → 113; none lost a
right link. Both are regression sets from now on.

Then what an article is about (comparable.topics) stopped counting titles, a dateline's
shortened month and numbers written out as names: set 17's two stories shared "Minister" and
"Oct" only, enough for same_topic. Set 17 (read for this, so tuned): links 0.91/0.61 →
0.99/0.61, not-same joined 2 → 1, stories 0.54/1.00 → 1.00/1.00; no other set moved. Two more
blind sets of deliberately hard look-alikes were labelled for it and scored at 4f4abfc,
1f75992 (the changes above) and after: held-out 18 (an earthquake; a landslide next door the
same week, covered by the same wire, relief agency and director, mentioning each other) and
held-out 19 (a ceasefire with phased exchanges; a separate deal in the same region a few
days before, brokered by the same mediator country). Neither moved at any step:

    set        links P/R/same-value  quotes P/R (drift)   not-same  stories P/R  derived
    heldout18  0.74/0.73/0.88        1.00/0.53 (10 of 15) 6 of 13   0.56/1.00    1 of 2
    heldout19  0.69/0.69/0.85        1.00/0.36 (3 of 13)  9 of 15   0.56/1.00    2 right, 2 wrong

Both stories of each are one stored story and their look-alike figures (the 90-day
emergencies, the 60-day truces, 200 lorries a day) one group: their articles share real names
(the relief agency and its director, the mediator country), and the pairs of articles of the
two stories are as alike by names as pairs of one story (simulated over all the sets: no
threshold on shared names or a cosine of ranked names separates them without losing many
more links of one story). Keeping apart durations that name different things raised their
link precision (0.74 → 0.82, 0.69 → 0.77) but left their stories mixed and lost about a
tenth of the right links of every other set (tried, dropped). Not solved; both are
regression sets from now on, at these floors.

Two more blind sets of the same kind, labelled after the names change and scored at 4f4abfc
and at main (37236b7, every change above): held-out 20 (a nurses' strike; a rail strike in
another city the same week, before the same mediation office, a digest covering both) and
held-out 21 (a wildfire; a second fire in the same region days later, fought by the same
fire service and chief, a wire mentioning the first). Their misses were not read:

    set        links P/R/same-value            quotes P/R (drift)   not-same  stories P/R  derived
    heldout20  0.75/0.43/0.42 → 0.74/0.48/0.47  1.00/0.41 (1 of 10)  3 → 5 of 19  0.54/1.00  1 of 2
    heldout21  0.77/0.76/0.85 → the same     1.00/0.83 (5 of 5)   6 of 14   0.56/1.00    2 of 5

Both mix their two stories, like 18 and 19: four blind sets out of four where two events of
one region and week share agencies and officials. Held-out 20 gained 8 right links and
wrongs went from 24 to 29: the two strikes' "48-hour" and "30-day" figures, already one group
in part, now have more of their mentions in it (which of the session's changes did it was not
read). Regression sets from now on.

2026-12-07, session 17: two blind sets labelled before any change of the session (held-out 22:
a dam's spillway failure; a jammed flood-barrier gate in another province of one country the
same month; held-out 23: a siege town's negotiated evacuation; another country's town
evacuated the same month), both scored at the session's start (ec1e245). Set 22 mixed its
two stories through one pair of articles that shared the country and "Authority" ("the Tessa
Basin Authority", "the Druvane Provincial Flood Authority"); reading that (so set 22 is
tuned) gave the rule that the word making a name a body's (people.ORG_WORDS, BODY_NOUNS) is
no name (comparable.topics, migration 0034). The session's other changes came from the open
sets and the lead's own sentences: extraction of speakers (a preposition opening the sentence,
"the UN's Rania Selbeck", "Ana Ruiz of the port authority", "Kasimir Vell, Sorvena's deputy
justice minister,", "a resident who lives nearby told", "The ministry rejected the report,
saying", "said no one was hurt", broadcast turns of a presenter and one guest), a bare count
after "and" measuring what the count before does, measure keys without how a figure stands
("the real toll"), and disputes when an article sets one side's figure against the other's
("rejects the figure of 23"). Links, ec1e245 → final (one cell when nothing moved):

    set        links P/R/same-value             quotes P/R (drift)   not-same     stories P/R
    heldout22  0.62/0.66/0.95 → 0.97/0.66/0.95  1.00/0.32 (1 of 18)  8 → 0 of 13  0.56 → 1.00/1.00
    heldout23  0.99/0.71/0.91                   1.00/0.37 (4 of 30)  0 of 14      1.00/1.00

Set 23 is the session's untouched measure: nothing of the session moved it (its misses were
not read). On the open sets right links went up on 4, 5, 7, 8, 9, 10, 11, 12, 14, 16, 17 and
18 (2,865 → 2,912 labelled links found right over the 24 sets scored before, wrong ones 260 →
263) and labelled conflicts flagged on 8 and 14 (+2). Held-out 20 lost quote precision (1.00
→ 0.85): its wire's union statements now have their speaker, and two different statements
of hers that share "put it to our members" and "back" reach the 0.6 containment of
SAME_WORDS: a wrong quote link the rule allows; its floor below says so. Regression sets from
now on.

Session 18 (lead): two hard look-alike sets labelled blind at the start (24: a chemical
plant's explosion and a fuel depot's fire the same week, the civil protection agency and the
labour minister quoted in both; 25: a prison riot with hostages and a bank hostage-taking in
another province, the national police and the justice minister's office in both), scored
before any change and not read. The session's change (factcheck.speakers.resolve_in_stories:
"the prime minister", "the premier", "the army", "the company" read in the article's story;
ranks and "Mediator" are titles) came from the open sets and the lead's own sentences.

    set        links P/R/same-value   quotes P/R (drift)    not-same   stories P/R
    heldout24  0.81/0.79/0.89         1.00/0.45 (4 of 15)   7 of 23    0.54/1.00
    heldout25  0.69/0.49/0.66         1.00/0.25 (6 of 21)   5 of 20    0.56/1.00

Neither moved with the session's change. Both mix their two stories, as 18-21 do. On the
open sets right links went up on 6 (+8), 8 (+4), 15 (+3), 16 (+3) and 17 (+5), and held-out
20 lost two wrong ones.

Session 19 (lead): two more hard look-alike sets labelled blind at the start, each with
articles of the second story that recap the first story's figures in a background sentence
(26: a dam spillway failure flooding a river town and a chemical tanker crash on a motorway
nearby, the national emergency office and the environment minister in both; 27: a port
strike and a nurses' strike in another city, the labour minister, the union federation and
one mediator in both). Scored before any change of the session:

    set        links P/R/same-value   quotes P/R (drift)    not-same   stories P/R
    heldout26  0.76/0.78/0.91         0.94/0.51 (30 of 59)  6 of 20    0.51/1.00
    heldout27  0.73/0.44/0.42         1.00/0.59 (8 of 13)   4 of 20    0.49/0.83

Both mix their two stories, like 18-21, 24 and 25.

Session 21 (lead): two more hard look-alike sets labelled blind at the start, with recaps of
the first story in the second's articles (28: a cholera outbreak in a port city and a school
food poisoning in a neighbouring one, the health minister, the disease-control agency and a
charity quoted in both; 29: ransomware taking a hospital network offline and an attack on
another city's water utility, the interior minister, the cyber agency and a researcher in
both). Scored before any change of the session (614a518) and after all of them (b1c86b4):
identical, every line.

    set        links P/R/same-value   quotes P/R (drift)    not-same   stories P/R
    heldout28  0.80/0.66/0.72         1.00/0.52 (6 of 16)   2 of 20    0.51/1.00
    heldout29  0.81/0.87/0.95         1.00/0.54 (11 of 26)  8 of 23    0.51/1.00

Both mix their two stories. The session's extraction changes (attribution forms, who a
quotation is) and voices ("Its spokesman", a body by part of its name) came from the open
sets' missed quotes. Held-out 7 lost quote links (44 → 32 right, drift 35 → 23): the Herald's
"I won't reopen a railway that I can't stand behind", credited before to the driver named in
the sentence before, is now the minister's; the Herald's other version of her words already
sits in her group, so this one starts a second group with the two outlets that said it
closest, and the labels' one group of her two statements counts every pair across the two as
missed. Its floor is lowered for that. Over the 26 open sets quote links right went 511 → 526
of 1,000 labelled (precision 0.994 both), all links 3,190 → 3,205 right (precision 0.923 →
0.924); over blind 24-29, 105 → 106 quote links (set 27).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.groups_score import score, story_table, table

DATA = Path(__file__).parent / "data"


# Attributed links (quote precision, quote recall, drifted-quote links found) each set keeps:
# session 13's rules (factcheck.comparable, "Why versions were still missed"), less a link or
# two of slack.
QUOTE_FLOORS = {
    "stories_dev": (0.95, 0.55, 8),
    "stories_heldout": (0.95, 0.62, 6),
    "stories_heldout2": (0.90, 0.51, 10),
    "stories_heldout3": (0.95, 0.70, 15),
    "stories_heldout4": (0.95, 0.59, 7),
    "stories_heldout5": (0.95, 0.31, 4),
    "stories_heldout6": (0.95, 0.46, 6),
    "stories_heldout7": (0.95, 0.36, 22),  # 0.51, 34 before session 21 (the docstring says why)
    "stories_heldout8": (0.95, 0.38, 6),
    "stories_heldout9": (0.95, 0.20, 3),
    "stories_heldout10": (0.95, 0.33, 0),
    "stories_heldout11": (0.95, 0.36, 10),
    "stories_heldout12": (0.95, 0.16, 1),
    "stories_heldout13": (0.95, 0.39, 11),
    "stories_heldout14": (0.95, 0.31, 4),
    "stories_heldout15": (0.95, 0.41, 9),
    "stories_heldout16": (0.95, 0.25, 5),
    "stories_heldout17": (0.95, 0.20, 2),
    "stories_heldout18": (0.95, 0.47, 8),
    "stories_heldout19": (0.95, 0.32, 2),
    "stories_heldout20": (0.80, 0.37, 1),  # 0.85 since session 17 (the docstring says why)
    "stories_heldout21": (0.95, 0.79, 4),
    "stories_heldout22": (0.95, 0.27, 1),
    "stories_heldout23": (0.95, 0.32, 3),
    "stories_heldout24": (0.95, 0.40, 3),
    "stories_heldout25": (0.95, 0.21, 5),
    "stories_heldout26": (0.90, 0.49, 28),
    "stories_heldout27": (0.95, 0.55, 7),
    "stories_heldout28": (0.95, 0.47, 5),
    "stories_heldout29": (0.95, 0.49, 10),
}


@pytest.mark.parametrize(
    ("name", "precision", "recall", "same_value"),
    [
        ("stories_dev", 0.93, 0.67, 0.83),
        ("stories_heldout", 0.91, 0.64, 0.72),
        ("stories_heldout2", 0.92, 0.40, 0.60),
        ("stories_heldout3", 0.95, 0.75, 0.91),
        ("stories_heldout4", 0.88, 0.66, 0.72),
        ("stories_heldout5", 0.87, 0.59, 0.84),
        ("stories_heldout6", 0.95, 0.65, 0.85),
        ("stories_heldout7", 0.94, 0.70, 0.85),
        ("stories_heldout8", 0.92, 0.57, 0.67),
        ("stories_heldout9", 0.91, 0.59, 0.71),
        ("stories_heldout10", 0.79, 0.58, 0.69),
        ("stories_heldout11", 0.88, 0.61, 0.77),
        ("stories_heldout12", 0.91, 0.65, 0.84),
        ("stories_heldout13", 0.87, 0.41, 0.55),
        ("stories_heldout14", 0.95, 0.61, 0.77),
        ("stories_heldout15", 0.93, 0.63, 0.78),
        ("stories_heldout16", 0.92, 0.68, 0.90),
        ("stories_heldout17", 0.94, 0.57, 0.63),
        ("stories_heldout18", 0.69, 0.68, 0.83),
        ("stories_heldout19", 0.64, 0.64, 0.80),
        ("stories_heldout20", 0.69, 0.43, 0.42),
        ("stories_heldout21", 0.72, 0.71, 0.80),
        ("stories_heldout22", 0.92, 0.61, 0.90),
        ("stories_heldout23", 0.94, 0.66, 0.86),
        ("stories_heldout24", 0.78, 0.76, 0.86),
        ("stories_heldout25", 0.66, 0.46, 0.63),
        ("stories_heldout26", 0.74, 0.76, 0.89),
        ("stories_heldout27", 0.71, 0.42, 0.40),
        ("stories_heldout28", 0.78, 0.64, 0.70),
        ("stories_heldout29", 0.79, 0.85, 0.93),
    ],
)
def test_grouping_links_stay_above_their_floors(
    name: str, precision: float, recall: float, same_value: float
) -> None:
    found = score(DATA / f"{name}.json")
    print(table(name, found))
    assert found.precision >= precision
    assert found.recall >= recall
    assert found.same_value_recall >= same_value
    quote_precision, quote_recall, drift = QUOTE_FLOORS[name]
    assert found.quote_precision >= quote_precision
    assert found.quote_recall >= quote_recall
    assert found.drift_found >= drift


@pytest.mark.parametrize(
    ("name", "precision", "recall", "derived_right", "derived_wrong"),
    [
        ("stories_dev", 0.95, 0.95, 2, 0),
        ("stories_heldout", 0.95, 0.95, 2, 0),
        ("stories_heldout2", 0.95, 0.95, 2, 0),
        ("stories_heldout3", 0.95, 0.95, 2, 0),
        ("stories_heldout4", 0.95, 0.95, 2, 1),
        ("stories_heldout5", 0.95, 0.84, 2, 0),
        ("stories_heldout6", 0.95, 0.95, 1, 0),
        ("stories_derived1", 0.95, 0.95, 8, 1),
        ("stories_heldout7", 0.95, 0.95, 2, 0),
        ("stories_derived2", 0.95, 0.95, 8, 0),
        ("stories_heldout8", 0.95, 0.95, 2, 0),
        ("stories_heldout9", 0.95, 0.89, 2, 0),
        ("stories_heldout10", 0.95, 0.95, 2, 0),
        ("stories_heldout11", 0.95, 0.95, 2, 1),
        ("stories_heldout12", 0.95, 0.95, 1, 1),
        ("stories_heldout13", 0.95, 0.95, 2, 0),
        ("stories_heldout14", 0.95, 0.95, 2, 0),
        ("stories_heldout15", 0.95, 0.95, 2, 3),
        ("stories_heldout16", 0.95, 0.95, 1, 1),
        ("stories_heldout17", 0.95, 0.95, 2, 2),
        ("stories_heldout18", 0.50, 0.95, 1, 0),
        ("stories_heldout19", 0.50, 0.95, 2, 2),
        ("stories_heldout20", 0.50, 0.95, 1, 1),
        ("stories_heldout21", 0.50, 0.95, 2, 3),
        ("stories_heldout22", 0.95, 0.95, 2, 0),
        ("stories_heldout23", 0.95, 0.95, 1, 2),
        ("stories_heldout24", 0.50, 0.95, 2, 0),
        ("stories_heldout25", 0.50, 0.95, 2, 0),
        ("stories_heldout26", 0.50, 0.95, 2, 1),
        ("stories_heldout27", 0.45, 0.80, 1, 0),
        ("stories_heldout28", 0.45, 0.95, 1, 0),
        ("stories_heldout29", 0.45, 0.95, 1, 1),
    ],
)
def test_story_links_stay_above_their_floors(
    name: str, precision: float, recall: float, derived_right: int, derived_wrong: int
) -> None:
    found = score(DATA / f"{name}.json").stories
    print(story_table(found))
    assert found.precision >= precision
    assert found.recall >= recall
    assert found.derived_right >= derived_right
    assert found.derived_found - found.derived_right <= derived_wrong
