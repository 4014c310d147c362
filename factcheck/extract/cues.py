"""Cue words that introduce reported speech, grouped by how their content is found."""

from __future__ import annotations

import re

from .lexicon import first_letter_check, word_set

# Verbs whose content is a clause: "said (that) …". Each line: the forms of one verb.
_SPEECH = """
say said says saying | state stated stating | declare declared declares declaring
claim claimed claiming | announce announced announces announcing | add added adds adding
argue argued argues arguing | assert asserted asserts asserting | insist insisted insists insisting
maintain maintained maintains | note noted noting | observe observed observes | explain explained
explains explaining | warn warned warns warning | caution cautioned cautions | confirm confirmed
confirms confirming | deny denied denies denying | acknowledge acknowledged acknowledges
admit admitted admits admitting | concede conceded concedes | report reported | reveal revealed
reveals | disclose disclosed discloses | suggest suggested suggests suggesting | indicate indicated
indicates indicating | estimate estimated estimates | expect expects expected | predict predicted
predicts | allege alleged alleges alleging | believe believed believes | think thinks thought
| write wrote writes | tweeted
stress stressed stressing | emphasise emphasised emphasises emphasize emphasized emphasizes
reiterate reiterated reiterates | repeated | recall recalled recalls | reply replied replies
respond responded responds | countered | conclude concluded concludes | affirm affirmed affirms
contend contended contends | agreed | tell told tells telling | assure assured assures | inform
informed | hint hinted hints | signal signaled signalled signals | complain complained
complains | boast boasted boasts | testify testified testifies | forecast forecasts | accuse accused
accuses | claims | put puts | show shows showed
"""
# Verbs that ask or promise an act; the claim is the whole request: "urged X to …".
_DIRECTIVE = """
urge urged urges urging | called on | calls on | called for | calls for | demand demanded demands
demanding | appeal appealed appeals | implore implored | encourage encouraged | asked | promise
promised promises | pledge pledged pledges | vow vowed vows vowing | threaten threatened threatens
"""
# Verbs that name or describe something; their content is a quotation that follows.
_NAMING = """
call called calls calling | brand branded brands branding | label labelled labeled labels labelling
labeling | describe described describes describing | dismiss dismissed dismissing | termed
dub dubbed | hail hailed | characterise characterised characterize characterized | denounce
denounced | condemn condemned | decry decried | slam slammed | blast blasted
"""
PASSIVE_VERBS = (
    "portrayed|described|characterized|characterised|depicted|presented|framed|labelled|labeled|"
    "branded|called|dismissed|hailed|touted|seen|viewed|regarded|cast|billed|praised|criticised|"
    "criticized|condemned"
)


def _forms(block: str, kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in block.split("|"):
        words = group.split()
        if " on" in group or " for" in group:
            out[" ".join(words)] = kind
            continue
        for word in words:
            out[word] = kind
    return out


CUE_KIND: dict[str, str] = (
    _forms(_NAMING, "naming") | _forms(_DIRECTIVE, "directive") | _forms(_SPEECH, "speech")
)
CUE_KIND["according to"] = "according_to"
CUE_KIND["According to"] = "according_to"

CUE = re.compile(
    rf"\b{first_letter_check(CUE_KIND)}("
    + "|".join(re.escape(c) for c in sorted(CUE_KIND, key=len, reverse=True))
    + r")\b"
)
# Verbs whose object comes before the content: "told reporters (that) …".
TELLING = word_set("told tells tell telling assured assures assure informed inform warned")


def cue_kind(cue: str) -> str:
    """Return "speech", "directive", "naming" or "according_to" for a cue found by CUE."""
    return CUE_KIND[cue]
