"""Words an outlet swaps in when it rewords a quote: what factcheck.comparable folds before it
compares two attributed claims. The one table of them; adding a word is one entry.

REWORDINGS: each line is a class of words that say one thing in a news quote, its first word
the one they fold to ("shut" and "halted" meet "closed" and "stopped"). Only words that keep
their meaning in almost every quote: a word with a second common sense ("state" the country
and "to state", "fall" of prices) is left out, since folding it would join two statements of
a speaker that merely share it. Verbs are listed in their base form; comparable stems them,
so every tense meets.

FILLER_ADVERBS: words that say how strongly or how plainly something was said ("fully",
"visibly", "still"): reported speech adds and drops them freely ("we will cooperate fully",
"would cooperate"), and no statement differs by them alone.

CLITICS: the endings of contractions and what is left of the word before them ("won't" is
"will" and a negation; "we'll" is "we"): both halves are stop words once split.
"""

from __future__ import annotations

_REWORDINGS = """
close shut |
stop halt cease |
inspect check examine |
exchange swap |
begin start commence |
permit allow let |
delay postpone |
repair fix mend |
rebuild reconstruct |
boat ferry vessel ship |
attacker hacker intruder |
investigation inquiry probe |
dangerous unsafe hazardous |
destroy wreck |
rubble debris |
reply respond answer |
help assist aid |
cost expense |
child kid |
large big huge |
small little tiny |
quick fast rapid |
vow pledge promise |
resident inhabitant |
silent quiet |
blame fault |
"""
# A word of a class → the first word of its class ("shut" → "close").
REWORDINGS: dict[str, str] = {
    word: line.split()[0] for line in _REWORDINGS.split("|") for word in line.split()[1:]
}

_FILLERS = """
fully completely totally entirely wholly utterly absolutely really truly actually certainly
clearly plainly simply physically visibly seriously deeply urgently still even ever already
now again yet indeed quite rather
"""
FILLER_ADVERBS = frozenset(_FILLERS.split())

# A contraction's ending → the words before it that read otherwise uncontracted ("wo" of
# "won't" is "will"); any other word before it stays as it is.
CLITICS: dict[str, dict[str, str]] = {
    "n't": {"wo": "will", "ca": "can", "sha": "shall"},
    "'ll": {},
    "'re": {},
    "'ve": {},
    "'d": {},
    "'m": {},
    "not": {"can": "can"},  # "cannot", written as one word; only the bases listed here
}

# What joins two statements in one claim of reported speech or one quote ("the line would
# stay shut, and that the fares would be refunded"; "we cannot dig at night because the
# slope is moving"): comparable reads each part apart as well as the whole. A regular
# expression's alternatives, tried in this order.
CLAUSE_JOINS = (
    r",?\s+and\s+that\s+",
    r",?\s+but\s+that\s+",
    r",\s+and\s+",
    r",\s+but\s+",
    r"\s+because\s+",
    r"\s*;\s+",
    r"\s*:\s+",
    r"(?<=[.!?])[\"”’']?\s+",
)
