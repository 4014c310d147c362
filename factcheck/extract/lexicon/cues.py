"""Reporting cues: each verb with all its forms, the kind of content it takes, and its limits.

Kinds: "speech" (a clause follows: "said (that) …"), "directive" (a request or promise: the
whole "urged X to …"), "naming" (a quotation follows: "called it 'reckless'"), "according_to".
Limits: needs_that (a cue only with "that" or a quote: "added", "worried"); data_only (a cue
only when its subject is a document or data: "the poll shows", "the report found").
"""

from __future__ import annotations

from dataclasses import dataclass

from . import word_set
from .verbs import IRREGULAR_PAST


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting verb or phrase: its base form (None if only some forms report), forms."""

    base: str | None
    forms: tuple[str, ...]
    kind: str
    needs_that: bool = False
    data_only: bool = False


# Each line: a verb's forms, base form first; "|" separates verbs.
_SPEECH = """
say said says saying | state stated states stating | declare declared declares declaring
claim claimed claims claiming | announce announced announces announcing | add added adds adding
argue argued argues arguing | assert asserted asserts asserting | insist insisted insists insisting
maintain maintained maintains | note noted notes noting | observe observed observes
explain explained explains explaining | warn warned warns warning | caution cautioned cautions
confirm confirmed confirms confirming | deny denied denies denying
acknowledge acknowledged acknowledges acknowledging | admit admitted admits admitting
concede conceded concedes conceding | report reported reports | reveal revealed reveals
disclose disclosed discloses | suggest suggested suggests suggesting | indicate indicated indicates
indicating | estimate estimated estimates | expect expects expected | predict predicted predicts
allege alleged alleges alleging | believe believed believes | think thinks thought
write wrote writes | tweet tweeted tweets | post posted posts | stress stressed stresses stressing
emphasise emphasised emphasises emphasize emphasized emphasizes | reiterate reiterated reiterates
repeated repeats | recall recalled recalls | reply replied replies | respond responded responds
countered | conclude concluded concludes | affirm affirmed affirms | contend contended contends
agreed | tell told tells telling | assure assured assures | inform informed | hint hinted hints
signal signaled signalled signals | complain complained complains | boast boasted boasts
testify testified testifies | forecast forecasts | accuse accused accuses | put puts
fear feared fears | reckon reckoned reckons | speak spoke spoken speaks
"""
# Verbs that ask or promise an act; the claim is the whole request: "urged X to …".
_DIRECTIVE = """
urge urged urges urging | called on | calls on | called for | calls for | demand demanded demands
demanding | appeal appealed appeals | implore implored | encourage encouraged | asked | promise
promised promises | pledge pledged pledges | vow vowed vows vowing | threaten threatened threatens
recommend recommended recommends | want wants wanted
"""
# Verbs that name or describe something; their content is a quotation that follows.
_NAMING = """
call called calls calling | brand branded brands branding | label labelled labeled labels labelling
labeling | describe described describes describing | dismiss dismissed dismisses dismissing
termed | dub dubbed | hail hailed | characterise characterised characterize characterized
denounce denounced | condemn condemned | decry decried | slam slammed | blast blasted
deem deemed deems | called out | frame framed frames framing | portray portrayed portrays
portraying
"""
_WORRIED = """
is worried | are worried | was worried | were worried | is concerned | are concerned |
was concerned | were concerned
"""
# "posted a loss", "spoke for an hour": no speech without "that", a colon or a quotation
_NEEDS_THAT = frozenset({"add", "fear", "post", "tweet", "speak"})
# Verbs that report only when a document or data set is their subject.
_DATA_ONLY = """show shows showed | find found finds"""

# Verbs whose object comes before the content: "told reporters (that) …".
TELLING = word_set("told tells tell telling assured assures assure informed inform warned")
# Participles of the passive "was portrayed by X as Y".
PASSIVE_VERBS = sorted(
    word_set(
        """portrayed described characterized characterised depicted presented framed labelled
        labeled branded called dismissed hailed touted seen viewed regarded cast billed praised
        criticised criticized condemned deemed"""
    )
)


def _parse(block: str, kind: str, *, data_only: bool = False) -> list[Cue]:
    out: list[Cue] = []
    for group in block.split("|"):
        words = group.split()
        if len(words) == 2 and words[0] in ("is", "are", "was", "were"):
            out.append(Cue(None, (" ".join(words),), kind, needs_that=True))  # "are worried"
            continue
        if len(words) == 2 and words[1] in ("on", "for", "out"):
            out.append(Cue(None, (" ".join(words),), kind))  # "called on", "called out"
            continue
        first = words[0]
        base = None if first.endswith(("s", "ed", "ing")) or first in IRREGULAR_PAST else first
        out.append(
            Cue(base, tuple(words), kind, needs_that=base in _NEEDS_THAT, data_only=data_only)
        )
    return out


CUES: list[Cue] = [
    *_parse(_NAMING, "naming"),
    *_parse(_DIRECTIVE, "directive"),
    *_parse(_SPEECH, "speech"),
    *_parse(_DATA_ONLY, "speech", data_only=True),
    *_parse(_WORRIED, "speech"),
    Cue(None, ("according to", "According to"), "according_to"),
]
