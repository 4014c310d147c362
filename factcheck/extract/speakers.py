"""Who said it: find the speaker phrase before a cue and resolve surnames, titles and pronouns."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from .lexicon import alternation, first_letter_check
from .lexicon.cues import CUES
from .lexicon.dates import MONTHS, WEEKDAYS
from .lexicon.grammar import (
    CLAUSE_WORDS,
    FEMININE_PRONOUNS,
    FRONTING_PREPOSITIONS,
    FUNCTION_WORDS,
    NAME_PLACE_PREPOSITIONS,
    NOT_HEAD_WORDS,
    NOT_SUBJECT_WORDS,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    SUBORDINATORS,
    TITLE_LEADS,
)
from .lexicon.numbers import SMALL_WORDS
from .lexicon.people import (
    ARTICLES,
    BODY_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FIRM_NAME_ENDS,
    FIRM_NOUNS,
    LOWER_TITLES,
    OPENERS,
    ORG_WORDS,
    PLACE_NAME_ENDS,
    PRONOUNS,
    PUBLIC_BODIES,
    REMARK_NOUNS,
    SELF_NAMING,
    SHORT_TITLES,
    STORM_WORDS,
    STUDY_PEOPLE,
    SUBORDINATING_OPENERS,
    TITLE_GENDER,
    TITLES,
    UNNAMED_GROUPS,
    WHOLE_PRONOUNS,
)
from .lexicon.verbs import IRREGULAR_PAST
from .sentences import (
    Sentence,
    fold_case,
    is_word_char,
    letter_runs,
    letter_runs_text,
    letters_in,
    may_hold,
)

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’]*(?:&[A-Z]+)?(?:-[A-Za-z][a-zA-Z'’]*)*\.?)"  # AT&T too
# "for" joins a title to its portfolio: "Minister for Housing Katrin Aalborg".
_PARTICLE = r"(?:al|al-|bin|ibn|de|da|di|van|von|der|del|la|le|du|dos|el|of|for)"
_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_TOKEN})*")
_THE_NAME = re.compile(rf"the {_RUN.pattern}$")
# Pattern: (the)? OWNER's NAME — a person named after the body or place they belong to: the
# person speaks ("the Council's Joss Aberdane", "Hamas's Osama Hamdan").
_OWNER_NAME = re.compile(
    rf"(?:the\s+)?(?:[\w&.-]+\s+){{0,3}}[\w&.-]+(?:'s|’s|s'|s’)\s+(?P<name>{_RUN.pattern})"
)
# Pattern: NAME of the BODY — the same, the body after ("Joss Hallerin of the Lower Tessa
# Residents' Council"; a body without "the" is in the name's run: person_name cuts it).
_NAME_OF = re.compile(rf"(?P<name>{_RUN.pattern})\s+of\s+the\s+\S.*")
_TRAILING_RUN = re.compile(rf"(?:^|(?<=\s)){_RUN.pattern}$")
_LOWER_TITLE = re.compile(
    rf"\b(?P<title>{first_letter_check(LOWER_TITLES, ignore_case=True)}"
    rf"(?i:{alternation(LOWER_TITLES, ignore_case=True, shortest_first=True)}))"
    rf"[ \u00a0]+(?P<run>{_RUN.pattern})"
)
_LOWER_TITLE_VOCABULARY = letter_runs(LOWER_TITLES)
# Lower-case title words before a lower-case title: "chief" in "chief executive Mark Dune".
_TITLE_WORDS_BEFORE = re.compile(rf"(?:\b(?:{alternation(TITLES)})[ \u00a0]+){{1,2}}$")
_INDEFINITE = re.compile(r"(?i:a|an|one|another|some)\s")
# "two Rural League MPs", "Three doctors": a group counted, not named.
_COUNTED = re.compile(rf"(?i:{alternation(set(SMALL_WORDS) - {'one'})}|\d[\d,]*)\s")
_DEFINITE = re.compile(r"(?i:the|a|an|this|that|its|their)\s")
_SHORT_BODY = re.compile(r"the [A-Z][a-z]+")  # "the Movement": a body by its last word
# Capitalised words and the last of them: "Sable Ridge Movement" (see _body_by_last_word).
_NAME_ENDING = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,4}([A-Z][a-z]+))\b")
_ANONYMOUS = re.compile(rf"\b(?:{alternation(UNNAMED_GROUPS)})\b", re.IGNORECASE)
# "remarks by X", "a poll by X for the Harbour Times", "figures released by X": the source.
_SOURCES = DOCUMENT_NOUNS | REMARK_NOUNS
_SOURCE_NOUN = (
    rf"\b{first_letter_check(_SOURCES, ignore_case=True)}(?i:{alternation(_SOURCES)})\b"
    r"(?:\s+\w+)?\s+(?:by|from)\s+"
)
_SOURCE_END = r"(?=\s+(?:after|before|during|at|in|on|with|following|to|for|about)\b|$)"
_REMARKS_BY = re.compile(rf"{_SOURCE_NOUN}(.+?){_SOURCE_END}")
_DOCUMENT_BY = re.compile(_SOURCE_NOUN)
# The source named for the last document before a later "the data", "the poll" (one clause).
_DOCUMENT_SOURCE = re.compile(
    rf"{_SOURCE_NOUN}((?:the\s+)?[\w'’&.-]+(?:\s+[\w'’&.-]+){{0,5}}?)"
    r"(?=\s+(?:for|on|in|at|to|of|shows?|showed|found|finds?|says?|said|suggests?|published|"
    r"released|issued|carried)\b|\s*[,.;:)]|$)"
)
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:has|have|had|just|also|previously|later|earlier|again|repeatedly|reportedly|recently|"
    r"once|publicly|privately|further|still|already|would|will|did|does|do|then|separately|can|"
    r"could|must|should|may|might|first|"
    r"officially|firmly|now|even|today|tonight|yesterday|on\s+\w+day|last\s+\w+|this\s+\w+|"
    r"in\s+a\s+statement))+\s*$"
)
_BOUNDARY = re.compile(
    r",(?!\d{3}\b)|[;:()\[\]—–\"“”]|\s-\s|"
    r"\b(?:and|but|or|while|whereas|as|because|although|"
    r"though|that|which|who|whom|whose|when|if|so(?!\s+far)|where)\b"
)
# A live blog opens each entry with a clock time, maybe after its day ("06:10 The regional
# emergency service says", "23:40 Markova insisted", "15:30 - The weather service …",
# "Friday 11:30 Mayor Ana Roth says"): they are no part of the speaker.
_CLOCK = re.compile(rf"(?:(?:{alternation(WEEKDAYS)})\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[-–—:])?\s+")
# "a top Hamas official", "who led the study", or an age: "Mr. Biden, 81, said".
_APPOSITIVE = re.compile(
    r"^\s*(?:(?i:a|an|the|another|its|his|her|their|our|who|which)\s|(?i:now\s+|aged\s+)?\d{1,3}\s$"
    # an owner's title: "Sorvena's deputy justice minister", "Hamas's political chief"
    r"|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s\s+[a-z])"
)
# Pattern: OWNER's (own|latest|annual …)? DOCUMENT — "the auditor's annual report found",
# "Velmora Water's own figures show": the owner of the data or document is its source.
_OWNER_DATA = re.compile(
    r"(.+?)['’]s?\s+(?:(?:own|latest|new|annual|internal|final|draft|quarterly)\s+)?"
    rf"(?:{alternation(DOCUMENT_NOUNS)})"
)
# "a memo from March", "a report by 2030": a date after "from" or "by" is no source.
_DATE_SOURCE = re.compile(
    rf"(?:(?:early|late|mid|last|this)[\s-]+)?(?:{alternation(MONTHS | WEEKDAYS)}|\d{{4}})\b"
)
_NOT_SUBJECT_END = re.compile(
    rf"\b(?:{alternation(NOT_SUBJECT_WORDS, ignore_case=True)})\s*$|['’]s\s*$|\ws['’]\s*$",
    re.IGNORECASE,
)
# A match of _NOT_SUBJECT_END ends where the trailing spaces begin and is at most this long,
# so searching this much before them finds what searching the whole text would.
_NOT_SUBJECT_REACH = max(3, *map(len, NOT_SUBJECT_WORDS))
# Pattern: SUBJECT VERB-ed CUE-WORD that — a cue word right after a reporting verb in the past
# is that verb's object, a noun; the subject of the verb speaks ("Wambui dismissed claims
# that …", "He denied reports that …").
_LAST_WORD = re.compile(r"\b([a-z]+)\s+$")
_VERBS_BEFORE_NOUNS = frozenset(
    f for cue in CUES for f in cue.forms if f.endswith("ed") or f in IRREGULAR_PAST
)
_LEADING_PREPOSITION = re.compile(
    r"^(?:in|at|on|during|after|before|speaking|writing|asked|with|for|from|to|by|following|"
    r"under|over)\b(?!&)",  # "AT&T" is a name, not "at"
    re.IGNORECASE,
)
_NP_TAIL = re.compile(rf"(?:(?:the|a|an)\s+[\w'’ -]+|{_RUN.pattern})$")


# How far before a cue its subject may begin: a bound that keeps each cue's work constant.
_REACH = 250


@dataclass(frozen=True, slots=True)
class Subject:
    """The speaker phrase found before a cue, or how the cue's subject must be found instead."""

    text: str | None
    mode: str  # "np", "pronoun", "coordinated" (take the sentence's subject), "none", "reject"
    subordinate: bool = False  # the cue sits in a clause opened by "although", "while"…
    raw: str | None = None  # the phrase as written: "data from LSEG" for the speaker "LSEG"

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(
        self, text: str | None, mode: str, subordinate: bool = False, raw: str | None = None
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "mode", mode)
        object.__setattr__(self, "subordinate", subordinate)
        object.__setattr__(self, "raw", raw)


def subject_before(text: str, lo: int, cue_start: int) -> Subject:
    """Find the subject of a cue from the text between lo and the cue (at most _REACH of it)."""
    if clock := _CLOCK.match(text, lo, cue_start):
        lo = clock.end()  # "06:10 The regional emergency service says": no part of it
    left = text[max(lo, cue_start - _REACH) : cue_start]
    if _NOT_SUBJECT_END.search(left, max(0, len(left.rstrip()) - _NOT_SUBJECT_REACH)):
        return Subject(None, "reject")  # "the claims", "his remarks": a noun, not a verb
    if (verb := _LAST_WORD.search(left)) and verb.group(1) in _VERBS_BEFORE_NOUNS:
        left = left[: verb.start()]  # "Wambui dismissed claims that": Wambui's, by the verb
    left = _TRAILING_FILLER.sub("", left)
    parts = _parts(left)
    last, boundary = parts[-1]
    subordinate = boundary in SUBORDINATORS
    if not last.strip():
        if boundary in ("and", "but", "or"):
            return Subject(None, "coordinated")
        if boundary in ("which", "who") and (named := _relative_antecedent(parts)):
            return _noun_phrase(named, True)  # what it says ends with the relative clause
        apposed = len(parts) >= 3 and parts[-2][1] == ","  # between commas, not after "as"
        if boundary == "," and apposed and _APPOSITIVE.match(parts[-2][0] + " "):
            return _noun_phrase(parts[-3][0], subordinate)  # "Sami Abu Zuhri, a Hamas official,"
        if boundary == "," and (named := _name_before_asides(parts)) is not None:
            return _noun_phrase(named, subordinate)
        named = _FROM_PLACE.sub("", parts[-2][0].strip()) if len(parts) >= 3 else ""
        if boundary == "," and len(parts) >= 3 and _is_name(named):
            # "The finance chief, Priya Raman,"; "A listener, Greta from Holm," (her town)
            return _noun_phrase(named, subordinate)
        return Subject(None, "none")
    if boundary == "who" and (antecedent := _last_noun_phrase(parts[-2][0].strip())):
        # "a resident who lives nearby told …": the one the clause is about speaks
        return _noun_phrase(antecedent, subordinate)
    return _noun_phrase(last, subordinate)


# "Greta from Holm", "Gerd in Harnbury": where a listener or a resident lives.
_FROM_PLACE = re.compile(r"\s+(?:from|in)\s+[A-Z][\w'’-]*$")


def _relative_antecedent(parts: list[tuple[str, str]]) -> str | None:
    """The speaker of a cue in a relative clause after a comma: the noun phrase before it.

    Pattern: (…,)? NP, which|who CUE — "according to the health board, which said …",
    "Harbour Aid, the city's largest charity, which says …" (the name before an apposition),
    "by a local charity, which says …" (the noun phrase ending a prepositional phrase).
    """
    if len(parts) < 3 or parts[-2][0].strip() or parts[-2][1] != ",":
        return None  # "the plan which says": no comma, a restrictive clause
    before = parts[-3][0].strip()
    short = len(before.split()) <= 7 and is_speaker_phrase(before)
    if len(parts) >= 4 and parts[-3][1] == "," and short and _APPOSITIVE.match(before + " "):
        earlier = _last_noun_phrase(_LEADING_CONJUNCTION.sub("", parts[-4][0].strip()))
        if earlier and (_is_name(earlier) or _is_proper_body(earlier)):
            return earlier
    if document := _DOCUMENT_BY.search(before):  # "a report by the X, which found": the report
        opened = [before.rfind(f" {a} ", 0, document.start()) for a in ("a", "an", "the")]
        return before[max(opened) + 1 :] if max(opened) >= 0 else before[document.start() :]
    tail = _last_noun_phrase(before)
    return tail if tail and is_speaker_phrase(tail) else None


# The noun phrase ending a chunk: a capitalised name ("the Fiscal Council") else a short
# phrase opened by an article ("the regional health board", "a local charity").
_NAME_TAIL = re.compile(rf"(?:\b[Tt]he\s+)?{_RUN.pattern}$")
_PHRASE_TAIL = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w'’&-]+\s+){0,4}[\w'’&-]+$")


def _last_noun_phrase(chunk: str) -> str | None:
    found = _NAME_TAIL.search(chunk) or _PHRASE_TAIL.search(chunk)
    return found.group() if found else None


def _parts(left: str) -> list[tuple[str, str]]:
    """Split text on clause boundaries; each part keeps the boundary that opened it."""
    parts: list[tuple[str, str]] = []
    begin, opened = 0, ""
    for match in _BOUNDARY.finditer(left):
        parts.append((left[begin : match.start()], opened))
        begin, opened = match.end(), match.group().strip().lower()
    parts.append((left[begin:], opened))
    return parts


def _name_before_asides(parts: list[tuple[str, str]]) -> str | None:
    """The name before ", who voted against," or ", 54, of Harbour Road, Kessel,"; the
    phrase before a participle's aside: "The memo, dated May 2 and seen by the Tribune,"."""
    asides = 0
    for i in range(len(parts) - 2, -1, -1):
        chunk, opened = parts[i]
        place = i > 0 and parts[i - 1][0].strip().startswith("of ") and " " not in chunk.strip()
        # "…, who waited at the crossing as the buses arrived," and "…, chief executive of
        # CVHN,": a clause opened by a subordinator and a title without an article are asides
        aside = (
            opened in ("who", "which", "where", "whose")
            or _APPOSITIVE.match(chunk + " ")
            or (opened in SUBORDINATORS and i > 1)
            or (opened == "," and _TITLE_APPOSITION.match(chunk) is not None)
            or (opened == "," and _ADVERB_ASIDE.fullmatch(chunk.strip()) is not None)
        )
        participle = _PARTICIPLE_ASIDE.match(chunk) and opened in (",", "and")
        if i > 0 and (aside or place or participle):
            asides += 1
        elif chunk.strip().startswith("of ") or not chunk.strip():
            continue
        else:
            chunk = _LEADING_CONJUNCTION.sub("", chunk.strip())  # "Even the company's …"
            person = _is_name(chunk) or len(chunk.split()) <= 5 and person_name(chunk) is not None
            if not person and asides and (apposed := _apposed_name(parts[i + 1][0])):
                return apposed
            named = person or _is_proper_body(chunk) or _DOCUMENT_BY.search(chunk) is not None
            if asides and not named:  # "Two officials, speaking on condition of anonymity,"
                named = _is_plain_subject(chunk)  # "Observers from X, who deployed 400 staff,"
            return chunk if asides and named else None
    return None


# Pattern: NAME, TITLE (of|for BODY)?, CUE — "Dr Halla Brennvik, chief executive of CVHN, told":
# a lower-case title opening the words between two commas describes the name before them.
_TITLE_APPOSITION = re.compile(
    rf"\s*(?:[a-z][\w-]*\s+){{0,2}}(?:{alternation(LOWER_TITLES)})\b(?:\s+(?:of|for|at)\s+\S.*)?\s*$"
)


# Pattern: (On|In|By) DAY|MONTH (DATE)? (PART OF DAY)? NAME CUE — a time phrase opening the
# sentence with no comma before a capitalised speaker ("On Monday Kovane said", "In March
# Ortiz told"), which would otherwise read as one run of names.
_OPENING_TIME = re.compile(
    rf"^(?:on|in|by|since|until)\s+(?:{alternation(WEEKDAYS | MONTHS)})(?:\s+\d{{1,2}})?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?=[A-Z])",
    re.IGNORECASE,
)


# Pattern: SPEAKER, ADVERB|PREPOSITIONAL PHRASE, CUE — words between two commas that say how
# or when the speaker spoke, not who: "The ministry, however, said", "Arkell, for his part,
# said", "The union, in a statement, said", "Police, on Monday, said".
_ADVERB_ASIDE = re.compile(
    r"(?:however|meanwhile|too|though|instead|also|separately|earlier|later|again|likewise|"
    r"similarly|nonetheless|nevertheless|in\s+turn|in\s+response|in\s+reply|by\s+contrast|"
    r"in\s+contrast|for\s+(?:his|her|its|their|our|my)\s+part|[a-z]{3,}ly|"
    r"(?:in|at|on|during|after|before|with|through)\s+(?:a|an|the|his|her|its|their)\s+"
    r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}|"
    rf"on\s+(?:{alternation(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?)",
    re.IGNORECASE,
)


# Pattern: DESCRIPTION, the|a (KIND)? NAME, (which|who …,)? CUE — a description first and the
# name in apposition after it ("The company's largest shareholder, the Rostvale pension fund,
# which holds 11%, said"; "The operators' association, Setra&Via, says"): the name speaks.
_APPOSED_NAME = re.compile(
    rf"\s*(?:(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){{0,3}})?{_RUN.pattern}(?:\s+[a-z][\w'’-]*){{0,2}}\s*"
)


def _apposed_name(chunk: str) -> str | None:
    """The name an apposition gives: "the pension fund Merrow Capital", "Setra&Via"."""
    found = _APPOSED_NAME.fullmatch(chunk)
    if found is None or not any(w[:1].isupper() for w in chunk.split()):
        return None
    return chunk.strip() if len(chunk.split()) <= 7 else None


# Pattern: SUBJECT, PARTICIPLE …, CUE — an aside made of a participle's phrase sits between a
# speaker and the verb ("The memo, dated May 2 and seen by the Tribune, says", "A report by
# the audit office, published in March, found", "Two officials, speaking on condition of
# anonymity, said"): the speaker is the phrase before it.
_PARTICIPLE_ASIDE = re.compile(
    r"\s*(?:(?:now|first|last|also|later|since)\s+)?(?:[a-z]{3,}ed|[a-z]{3,}ing|seen|written|made|"
    r"run|held|known|drawn|given|taken|sent|led|shown|built|paid|begun|done|read|set)\s"
)


def _is_plain_subject(chunk: str) -> bool:
    """A short noun phrase that can open a sentence as its subject: "Two senior officials",
    "The company", not "In Tarsk" nor "But the plan"."""
    words = chunk.split()
    return (
        0 < len(words) <= 6
        and words[0] not in OPENERS
        and not _LEADING_PREPOSITION.match(chunk.strip())
        and is_speaker_phrase(chunk.strip())
    )


# "The Teral Front, which holds the captives, said": a body named by a capitalised run.
_PROPER_BODY = re.compile(rf"(?:The\s+)?{_RUN.pattern}")


# "The families' forum, which represents the relatives, wants": a body by a description.
_DEFINITE_NP = re.compile(r"[Tt]he\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}")


def _is_proper_body(part: str) -> bool:
    """Tell whether part names a body: a capitalised name ("The Teral Front", "Residents of
    Kottapalli") or a short definite noun phrase ("The families' forum"), not a sentence
    opener or a place after a preposition ("In Tarsk")."""
    words = part.split()
    if not words or words[0] in OPENERS or _LEADING_PREPOSITION.match(part.strip()):
        return False
    if _DEFINITE_NP.fullmatch(part.strip()):
        return not any(w.lower() in CLAUSE_WORDS for w in words)
    return len(words) <= 6 and _PROPER_BODY.fullmatch(part.strip()) is not None


def _is_name(part: str) -> bool:
    """Tell whether part is nothing but a capitalised name ("Priya Raman")."""
    run = _RUN.fullmatch(part.strip())
    return run is not None and person_name(part) is not None


def _noun_phrase(part: str, subordinate: bool) -> Subject:
    opener = part.strip().split(None, 1)[0] if part.strip() else ""
    subordinate = subordinate or opener in SUBORDINATING_OPENERS
    phrase = _LEADING_CONJUNCTION.sub("", _CONTRACTION.sub("", part.strip()))
    last = phrase.rsplit(None, 1)[-1] if phrase else ""
    if last.lower() in PRONOUNS and (phrase == last or last.islower() or last == "I"):
        return Subject(last, "pronoun", subordinate)  # "a figure it (described)": a relative
    if (by := _REMARKS_BY.search(phrase)) and not _DATE_SOURCE.match(by.group(1).strip()):
        return Subject(by.group(1).strip(), "np", subordinate, phrase)
    if owner := _OWNER_DATA.fullmatch(phrase):
        return Subject(owner.group(1), "np", subordinate, phrase)
    if timed := _OPENING_TIME.match(phrase):
        phrase = phrase[timed.end() :]  # "On Monday Kovane": the name after the day
    elif _LEADING_PREPOSITION.match(phrase):
        tail = _NP_TAIL.search(phrase)
        if tail is None or tail.start() == 0:
            return Subject(None, "none", subordinate)
        phrase = tail.group().strip()
    words = phrase.split()
    for i in range(
        1, len(words) - 1
    ):  # "a figure the WHO (expects)": the relative clause's subject
        if words[i] in ("the", "a", "an") and words[i - 1].lower() not in PREPOSITIONS:
            words, phrase = words[i:], " ".join(words[i:])
            break
    if not words or len(words) > 9 or not is_speaker_phrase(phrase):
        return Subject(None, "none", subordinate)
    return Subject(phrase, "np", subordinate, phrase)


def is_speaker_phrase(phrase: str) -> bool:
    """Tell whether phrase can name a speaker: a noun phrase, not a clause or a lone determiner.

    "held his own seat with a majority of 1", "Washington has so far" and "Your" are not.
    """
    words = phrase.split()
    if not any(c.isalpha() for c in phrase) or words[-1].lower() in NOT_HEAD_WORDS:
        return False
    if words[0].lower() in WHOLE_PRONOUNS or [w.lower() for w in words[:2]] == ["no", "one"]:
        return False  # "Nobody here (expects)", "No one (knew)"
    if len(words) == 1:
        return words[0].lower() not in DETERMINERS
    inner = [w.lower() for w in words[1:] if not w[:1].isupper()]  # "Theresa May": a name
    return not any(w in CLAUSE_WORDS or w in DETERMINERS - ARTICLES for w in inner)


# "But Ortiz", "Even the treasurer", "While AT&T": an opener is no part of the speaker.
_LEADING_CONJUNCTION = re.compile(rf"^(?:{alternation(OPENERS)})\s+(?=[A-Za-z])")
_CONTRACTION = re.compile(r"['’](?:ve|d|ll|m|re)$", re.IGNORECASE)


def split_title(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split "Israeli Prime Minister Benjamin Netanyahu" into title and name tokens."""
    last_title = first_title = -1
    previous = ""  # the token before, in lower case
    for i, token in enumerate(tokens):
        lower = token.lower()
        word = lower.rstrip(".")
        titled = word in TITLES
        if titled and first_title < 0:
            first_title = i
        if titled or word in ("of", "for") and last_title == i - 1 and i + 1 < len(tokens):
            last_title = i
        elif last_title == i - 1 and i > 0 and previous in ("of", "for"):
            last_title = i  # "Secretary of State": the word after "of" is part of the title
        previous = lower
    if first_title < 0:
        first_title = last_title
    return list(tokens[first_title : last_title + 1]), list(tokens[last_title + 1 :])


def person_name(phrase: str) -> str | None:
    """Return the personal name ending phrase, without titles; None when there is none."""
    run = _TRAILING_RUN.search(phrase.strip())
    if run is None:
        return None
    title, name = split_title(run.group().split())
    for joint in ("of", "for"):  # "Priya Raman of Calder Securities": not the employer
        if joint in name:
            name = name[: name.index(joint)]
    if not name or len(name) > 4 or any(w.lower().strip(".") in ORG_WORDS for w in name):
        return None
    if name[-1].lower() in PLACE_NAME_ENDS:  # "Quay Street", "Marrow Bay": a place
        return None
    if name[0] in ("The", "A", "An"):
        return None
    return " ".join(name)


@dataclass
class NameBook:
    """People named in a text (full names by position) and the titles they were given."""

    people: list[tuple[int, str]] = field(default_factory=list)  # kept sorted: read per speaker
    orgs: list[tuple[int, str]] = field(default_factory=list)  # bodies opening a sentence
    firms: list[tuple[int, str]] = field(default_factory=list)  # firms named inside one
    text: str = ""
    # title → its holders (pos, name) in position order: "prime minister" → [(120, "…")]
    titles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    names: list[tuple[int, str]] = field(default_factory=list)  # any "First Last", untitled
    mentions: list[tuple[int, str]] = field(default_factory=list)  # every naming, full or surname
    gender: dict[str, str] = field(default_factory=dict)  # name → "he" or "she" if the text says
    surnames: dict[str, str] = field(default_factory=dict)  # last word → its full name
    known: set[tuple[int, str]] = field(default_factory=set)  # what people holds, to look up

    def add(self, pos: int, name: str, title: str = "") -> None:
        """Remember a full name seen at pos, with its title ("prime minister") if any."""
        # a name already held at pos changes no look-up: each speaker resolved adds (-1, name)
        if len(name.split()) >= 2 and (pos, name) not in self.known:
            self.known.add((pos, name))
            insort(self.people, (pos, name))
        if key := title_key(title.split()):
            insort(self.titles.setdefault(key, []), (pos, name))

    def full_name(self, name: str, pos: int) -> str | None:
        """Expand a surname or partial name to the full name given nearest before pos."""
        tail = name.split()
        best: str | None = None
        for seen, full in self.people:
            words = full.split()
            matches = len(words) > len(tail) and words[-len(tail) :] == tail or full == name
            if matches and (best is None or seen <= pos):
                best = full
        if best is None and len(tail) == 1:
            earlier = [full for seen, full in self.names if seen < pos and full.split()[-1] == name]
            best = earlier[-1] if earlier else None
        if best is None and len(tail) == 1:
            # "Marlowe: freeze will hit clinics" above "Josefa Marlowe said": a surname before
            # any full name is the one full name the text gives it later
            later = {full for _, full in self.names if full.split()[-1] == name}
            best = later.pop() if len(later) == 1 else None
        if best is None and len(tail) == 1:
            # "Priya Venn of Caldmoor & Hale wrote …. Venn believes": a full name the text gave
            # only before "of" or in a run no other list kept
            best = self.surnames.get(name)
        return best

    def by_title(self, phrase: str, pos: int | None = None) -> str | None:
        """Resolve "the prime minister", "the company's chief executive" or "its CEO" to the
        person introduced with that title: the holder named last before pos, else the only one.

        Pattern: DETERMINER (OWNER's)? TITLE, where the title equals or ends a title given
        with a name ("the minister" after "Foreign Minister Anneli Varos").
        """
        words = phrase.split()
        if not words or words[0].lower() not in TITLE_LEADS:
            return None
        title = title_key(words[1:])
        if not title:
            return None
        found = _holder(self.titles.get(title, []), pos)
        if found is not None:
            return found
        partial = [
            h
            for t, holders in self.titles.items()
            if t.endswith(" " + title) or _titled_for(t, title)
            for h in holders[-_FEW:]
        ]
        return _holder(sorted(partial), pos)


def _holder(holders: list[tuple[int, str]], pos: int | None) -> str | None:
    """The holder of a title named last before pos, else the only one (sorted holders)."""
    if pos is not None and (last := bisect_left(holders, (pos, "")) - 1) >= 0:
        return holders[last][1]
    if holders and len(holders) <= _FEW and len({n for _, n in holders}) == 1:
        return holders[0][1]
    return None


# How many holders of one title are compared to find that they are one person.
_FEW = 8


def title_key(words: Sequence[str]) -> str:
    """The title in words, lower case and in full: "Transport Secretary" → "transport
    secretary", "the company's CEO" → "chief executive"; "" when no title word is in it.

    An owner before the title ("the union's", "Nigeria's") is no part of it.
    """
    tokens = [w.lower().strip(".,") for w in words]
    while any(t.endswith(("'s", "’s", "s'")) for t in tokens):
        tokens = tokens[
            next(i for i, t in enumerate(tokens) if t.endswith(("'s", "’s", "s'"))) + 1 :
        ]
    tokens = [full for t in tokens for full in SHORT_TITLES.get(t, t).split()]
    if not tokens or not any(t in TITLES for t in tokens):
        return ""
    return " ".join(tokens)


def _titled_for(full: str, title: str) -> bool:
    """ "minister for care" is what "the minister" means; "minister of state" and "state
    commissioner for finance" too."""
    return f" {title} for " in f" {full} " or f" {title} of " in f" {full} "


@dataclass(frozen=True, slots=True)
class _Run:
    """What a run of capitalised words says on its own, wherever it stands (see _read_run)."""

    tokens: tuple[str, ...]  # its words, full stops of long words and a final "'s" dropped
    org: str | None  # the body it names when it opens a sentence
    firm_org: str | None  # the body it names before "Ltd", "plc" …
    person: str | None  # person_name of its words
    titled: tuple[str, str] | None  # (name, title) of "Transport Secretary Gwen Talbot"
    bare: str | None  # _bare_name of its words


_LEADING_WORDS = PREPOSITIONS | FRONTING_PREPOSITIONS


@lru_cache(maxsize=4096)
def _read_run(run: str, opens_sentence: bool) -> _Run | None:
    """Read a capitalised run once: names recur in an article (and sentence openers such as
    "The" or "But" in every one), and all this depends only on the run's words and whether it
    opens its sentence. None when nothing is left of it ("But" opening a sentence)."""
    tokens = [t.rstrip(".") if len(t) > 3 else t for t in run.split()]
    if len(tokens) > 1 and tokens[-1].endswith(("'s", "’s")):
        tokens[-1] = tokens[-1][:-2]  # "Tomas Brenner's 1998 novel" names Tomas Brenner
    if opens_sentence and (tokens[0] in OPENERS or tokens[0].lower() in _LEADING_WORDS):
        # "But Ortiz said": the name is "Ortiz"; "On Monday he said", "For Adrian Solvik, the
        # pause …": a preposition opening the sentence is no part of a name
        if len(tokens) > 2 and tokens[0].lower() in _LEADING_WORDS and tokens[1] in _DATE_NAMES:
            tokens = tokens[1:]  # "On Monday Kovane said": the day is no part of the name
        tokens = tokens[1:]
        if not tokens:
            return None
    titled = None
    if len(tokens) >= 2:
        title, name = split_title(tokens)
        if title and 2 <= len(name) <= 4 and not _has_org_word(name):
            # "Transport Secretary Gwen Talbot": the words before the name are her title
            titled = (" ".join(name), " ".join(tokens[: len(tokens) - len(name)]))
    return _Run(
        tuple(tokens),
        _organisation(tokens, False) if opens_sentence else None,
        _organisation(tokens, True),
        person_name(" ".join(tokens)),
        titled,
        _bare_name(tokens, opens_sentence) if len(tokens) >= 2 else None,
    )


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_DATE_NAMES = WEEKDAYS | MONTHS


def build_name_book(text: str, sentences: Sequence[Sentence]) -> NameBook:
    """Collect "Title First Last" and "official First Last" names from non-headline sentences,
    every later mention of them (surnames too), and the gender the text gives them."""
    book = NameBook(text=text)
    for sentence in sentences:
        if sentence.headline:
            continue
        for run in _RUN.finditer(text, sentence.start, sentence.end):
            reading = _read_run(run.group(), run.start() == sentence.start)
            if reading is None:
                continue
            tokens = reading.tokens
            # A run that names no body before "Ltd" names none without it either (firm_org is
            # None only where org is): the suffix is looked for only after a possible body.
            firm = _FIRM_SUFFIX.match(text, run.end()) if reading.firm_org else None
            org = reading.firm_org if firm else reading.org
            if org is None and len(tokens) >= 2 and tokens[-1].lower() in FIRM_NAME_ENDS:
                # "… where Dravik Coal Holdings began": a firm acting inside a sentence is
                # what a later "the company" may mean (not a lone "Dravik": it may be the
                # town); one after a preposition is where someone works ("an analyst at Serrin
                # Capital") or what is talked about, not the actor
                lo = max(sentence.start, run.start() - 20)
                before = _WORD_BEFORE.search(text, lo, run.start())
                if before is None or before.group(1).lower() not in PREPOSITIONS:
                    book.firms.append((run.start(), " ".join(tokens)))
            if org and not (len(tokens) == 1 and _TITLE_AFTER.match(text, run.end())):
                book.orgs.append((run.start(), org + (firm.group() if firm else "")))
            if reading.person is not None and not _no_person(text, run.start(), tokens):
                label = _is_turn_label(text, run.start(), run.end())
                _mention(book, run.start(), tokens, reading.person, listed=not label)
            if reading.titled:
                book.add(run.start(), *reading.titled)
            if reading.bare:
                book.names.append((run.start(), reading.bare))
        if not may_hold(sentence, _LOWER_TITLE_VOCABULARY):
            continue
        for match in _LOWER_TITLE.finditer(text, sentence.start, sentence.end):
            # "Rail Partners chief executive Mark Dune", "Chief Executive Jane Roe": the title
            # is the lower-case words and any title words the capitalised run opens with
            title, name = split_title(match.group("run").split())
            before = _TITLE_WORDS_BEFORE.search(text, max(0, match.start() - 40), match.start())
            lead = before.group().split() if before else []
            if 2 <= len(name) <= 4 and not _has_org_word(name):
                book.add(
                    match.start("run"), " ".join(name), " ".join([*lead, match["title"], *title])
                )
    for match in _apposed_titles(text):
        name = split_title(match.group(2).split())[1]
        if 2 <= len(name) <= 4 and not _has_org_word(name):
            book.add(match.start(2), " ".join(name), match.group(1))
    _genders(book, text)
    return book


# Pattern: (BODY)? LOWER-CASE TITLE NAME — the words before a subject's name that say whose
# title it holds: "Army spokeswoman", "Harbour Board chairwoman" (a title in lower case).
_BODY_TITLE_OPENING = re.compile(
    rf"(?:[A-Z][\w'’&.-]*\s+){{1,3}}(?:{alternation(TITLES)})\s+(?=[A-Z])"
)
_OPENING_MARKS = " \t\"“‘'"


def _no_person(text: str, start: int, tokens: Sequence[str]) -> bool:
    """Tell whether a run that reads as a person's name is a place or a storm: after "in",
    "at", "near" ("spoke in Kaspen Landing on Saturday"), or opened by a storm's kind
    ("Cyclone Hallem", "Hurricane Ida"). Such a run is nobody a quotation or a "he" can mean."""
    if tokens and tokens[0].lower() in STORM_WORDS:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1).lower() in NAME_PLACE_PREPOSITIONS


def _mention(
    book: NameBook, pos: int, tokens: Sequence[str], name: str | None, *, listed: bool = True
) -> None:
    """Note who a run of capitalised words names (name: person_name of its words); a title
    may say their gender. listed=False (a transcript's turn label) keeps the name's surname
    but no mention: the one who holds the floor is never the "he" or "she" of their answer."""
    if name is None:
        return
    if len(name.split()) == 1:
        if name not in book.surnames:
            return
        name = book.surnames[name]
    book.surnames[name.split()[-1]] = name
    if not listed:
        return
    book.mentions.append((pos + len(" ".join(tokens)), name))
    if gender := TITLE_GENDER.get(tokens[0].lower().rstrip(".")):
        book.gender[name] = gender


# Pattern: ^NAME IN CAPITALS (ROLE)?: — a transcript's speaker label ("OSTBY:", "LENA OSTBY
# (CORRESPONDENT):"), opening a line.
_LABEL_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?:")


def _is_turn_label(text: str, start: int, end: int) -> bool:
    """Tell whether the capitalised run text[start:end] is a transcript's turn label."""
    at_line = start == 0 or text[start - 1] == "\n"
    return at_line and text[start:end].isupper() and _LABEL_TAIL.match(text, end) is not None


def _after_label(text: str, pos: int) -> int:
    """Where the words of a line begin past its turn label, if it opens with one."""
    run = _RUN.match(text, pos)
    if run is None or not _is_turn_label(text, pos, run.end()):
        return pos
    tail = _LABEL_TAIL.match(text, run.end())
    assert tail is not None  # _is_turn_label matched it
    end = tail.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def _genders(book: NameBook, text: str) -> None:
    """Give a person the gender of the first pronoun opening a clause after their name and
    before anyone else is named: "Rosa Delgado was 19 when she arrived"."""
    ends = [pos for pos, _ in book.mentions[1:]] + [len(text)]
    for (pos, name), nxt in zip(book.mentions, ends, strict=False):
        if book.gender.get(name):
            continue
        pronoun = _NEXT_PRONOUN.search(text, pos, min(nxt, pos + 200))
        if pronoun is not None:
            book.gender[name] = "she" if pronoun.group(1).lower() in FEMININE_PRONOUNS else "he"


# "the finance chief, Priya Raman," and "The union's general secretary, Owen Pryce,".
_APPOSED_TITLE = re.compile(
    rf"\b(?i:the|its|their|his|her)\s+(?:[\w-]+['’]s?\s+)?((?:[a-z-]+\s+){{0,3}}?"
    rf"(?i:{alternation(TITLES, ignore_case=True, shortest_first=True)})"
    r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3})?)"
    rf"\s*,\s+({_RUN.pattern})"
    r"(?=\s*[,.;])"
)
_DETERMINER_AT = re.compile(r"\b(?=(?i:the|its|their|his|her)\s)")
_COMMA_NAME = re.compile(r",\s+[A-Z]")
_TITLE_VOCABULARY = letter_runs(TITLES)


def _apposed_titles(text: str) -> Iterator[re.Match[str]]:
    """What _APPOSED_TITLE.finditer(text) finds, tried only where it can start.

    A match holds one comma, the first after its start, followed by a capitalised name, and a
    title word before that comma: so only the stretches between commas that hold a title word
    and end in ", Name" are read, and in them only the determiners the match opens with.
    """
    folded = fold_case(text)
    pos = after_comma = 0
    while (comma := text.find(",", after_comma)) >= 0:
        start, after_comma = max(pos, after_comma), comma + 1
        if start >= comma or not _COMMA_NAME.match(text, comma):
            continue
        if _TITLE_VOCABULARY.isdisjoint(letters_in(folded, start, comma)):
            continue
        for determiner in _DETERMINER_AT.finditer(text, start, comma):
            if match := _APPOSED_TITLE.match(text, determiner.start()):
                yield match
                pos = match.end()
                break


# A pronoun that opens a clause ("…, and his department", "when she arrived"), not an object
# ("joined her"), most likely refers back to the person just named.
_NEXT_PRONOUN = re.compile(
    r"(?:^|[.,;:!?]\s+|\b(?:and|but|when|as|because|that|after|before|while|until)\s+)"
    r"((?i:he|his|she|her))\b",
    re.MULTILINE,
)


# "Agency director Lena Haugland", "Ministry spokesman Ali Reza": a lone organisation word
# before a lower-case title is a common noun capitalised by the sentence, not a body's name.
_TITLE_AFTER = re.compile(rf"[ \u00a0]+(?:{alternation(LOWER_TITLES)})\b")


def _organisation(tokens: Sequence[str], firm: bool) -> str | None:
    """ "Brightline Appliances Ltd" opening a sentence: a body "the company" may later mean."""
    if tokens and tokens[0] in ("The", "A", "An"):
        tokens = tokens[1:]
    if not tokens or tokens[0].endswith(("'s", "’s")) or tokens[0].lower() in FUNCTION_WORDS:
        return None
    if tokens[-1].lower() in PLACE_NAME_ENDS:
        return None  # "MARROW BAY - On a grey morning": a dateline's place is no body
    if firm or _has_org_word(tokens):
        return " ".join(tokens)
    if len(tokens) < 2 or person_name(" ".join(tokens)) is not None:
        return None
    return " ".join(tokens)


def _bare_name(tokens: Sequence[str], starts_sentence: bool) -> str | None:
    """ "Labour's Daniel Whitaker" → "Daniel Whitaker": a run that may be a person's full name."""
    while tokens and (tokens[0].endswith(("'s", "’s")) or tokens[0].lower() in TITLES):
        tokens = tokens[1:]
    if starts_sentence and len(tokens) >= 3:
        tokens = tokens[1:]  # "Striker Yuki Sato": the first word may be a common noun
    if not 2 <= len(tokens) <= 3 or _has_org_word(tokens) or "of" in tokens:
        return None
    if any(t.endswith(("'s", "’s", ".")) and len(t) > 2 for t in tokens):
        return None
    return " ".join(tokens)


def is_organisation(name: str) -> bool:
    """Tell whether a capitalised name holds an organisation noun ("Health Ministry")."""
    return _has_org_word(name.split())


def _has_org_word(words: Sequence[str]) -> bool:
    return any(w.lower().strip(".") in ORG_WORDS for w in words)


def _capitalised_words(name: str) -> list[str]:
    """The capitalised words of a name, an article aside: "The Teral Front" → Teral, Front."""
    return [w for w in name.split() if w[:1].isupper() and w not in ("The", "A", "An")]


def _tidy(raw: str | None) -> str | None:
    """ "The army" → "the army", "Elena Varga." → "Elena Varga"; None for a lone function word."""
    phrase = (raw or "").strip(" \t\n,;:")
    last = phrase[phrase.rfind(" ") + 1 :]
    if last in _WHEN_WORDS or len(last) == 4 and last.isdigit():
        phrase = _WHEN_AFTER.sub("", phrase)  # read only where the last word is a date word
    if phrase.endswith(".") and len(phrase.split()[-1]) > 4:
        phrase = phrase[:-1]
    words = phrase.split()
    if not words or len(words) == 1 and words[0].lower() in FUNCTION_WORDS:
        return None
    if words[0] in ("The", "A", "An") and len(words) > 1:
        phrase = words[0].lower() + phrase[len(words[0]) :]
    return phrase


# "figures released by the interior ministry in January": when it spoke is no part of who.
_WHEN_WORDS = MONTHS | WEEKDAYS | {"week", "month", "year"}
_WHEN_AFTER = re.compile(
    rf"\s+(?:in|on|last|this|earlier|since)\s+(?:{alternation(_WHEN_WORDS)}|\d{{4}})$"
)
_SPOKESPERSON = re.compile(
    r"(?i:an?|one|another)\s+(?:(?P<modifier>[\w-]+)\s+)?(?:spokes(?:wo)?man|spokesperson|"
    r"press officer|representative)(?:\s+for\s+(?P<owner>.+))?$"
)
_FIRM_SUFFIX = re.compile(r"\s(?:plc|Plc|PLC|Ltd|Inc|Corp|LLC|AG|SA|NV|GmbH|Co)\b\.?")
_MADE_BY = re.compile(
    r"\b(?:compiled|published|produced|commissioned|conducted|prepared|released|run)\s+by\s+(.+)$"
)
_PUBLIC_BODY = re.compile(
    rf"\b{first_letter_check(PUBLIC_BODIES, ignore_case=True)}"
    rf"(?i:{alternation(PUBLIC_BODIES, ignore_case=True)})\b"
)
_STUDY = re.compile(r"\b(?:[Rr]eport|[Ss]tudy|[Pp]aper|[Ss]urvey|University|Institute)\b")
_POSSESSED = re.compile(r"the\s+(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+\w", re.IGNORECASE)


@dataclass
class Resolver:
    """Resolve speakers in text order, remembering the last person who spoke."""

    book: NameBook
    last_person: tuple[int, str] | None = None  # (paragraph, name)
    last_spoke_at: int = -1
    position: int = 0
    seen: list[str] = field(default_factory=list)
    bodies: list[tuple[int, str]] = field(default_factory=list)  # named non-person speakers
    body_at: list[int] = field(default_factory=list)  # their positions (both kept sorted)
    # bodies of two capitalised words or more by their first one ("Bellmark" → "Bellmark Coal")
    bodies_by_word: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    org_at: list[int] | None = None  # positions of book.orgs, read at the first look-up
    documents: list[tuple[int, str]] | None = None  # (end, source) of "DOCUMENT by SOURCE"
    # (pos, paragraph, speaker, resolved) of the last speaker that is no person nor pronoun
    last_thing: tuple[int, int, str, bool] | None = None
    person_said: bool = False  # the phrase resolved last was a person's

    def resolve(
        self, raw: str | None, pos: int, para: int, said_from: int | None = None
    ) -> tuple[str | None, bool]:
        """Return (speaker, resolved) for a raw speaker phrase found at pos; said_from is
        where what they said begins when it stands before the cue ('"…," she said')."""
        self.person_said = False
        speaker, resolved = self._resolve(raw, pos, para, said_from)
        spoke = not self.person_said and (raw or "").strip().lower() not in PRONOUNS
        if speaker and spoke and not _COUNTED.match(raw or ""):
            self.last_thing = (pos, para, speaker, resolved)
        return speaker, resolved

    def _it(self, pos: int, para: int) -> tuple[str | None, bool]:
        """What "it" speaking at pos means.

        Pattern: BODY|DOCUMENT CUE …. (In a statement,)? it CUE — the body or document that
        spoke last in the paragraph ("The memo … says …. It says …"), unless
        a body is named after it ("The national weather service recorded … It expects …"),
        else the organisation named last.
        """
        recent = self._recent_head(pos)
        thing = self.last_thing
        near = thing is not None and para == thing[1] and pos - thing[0] <= 2 * _THEY_REACH
        if thing is not None and near and (recent is None or recent[0] < thing[0]):
            return thing[2], thing[3]
        if recent is not None and (body := _earlier_body(self.book.text, recent[1], pos)):
            return body, True
        body = self._body(pos, public=True)
        return body, body is not None

    def _resolve(
        self, raw: str | None, pos: int, para: int, said_from: int | None
    ) -> tuple[str | None, bool]:
        if (raw or "").strip().lower() == "it":
            return self._it(pos, para)
        phrase = _tidy(raw)
        if phrase is None:
            return None, False
        self.position = pos
        low = phrase.lower()
        if low == "they" and (body := self._recent_body(pos)):
            return body, True  # "The health ministry published figures. They said …"
        if low in PRONOUNS:
            before = pos if said_from is None else min(pos, said_from)
            person = self._antecedent(before, para, low) if low in PERSON_PRONOUNS else None
            return (self._person(person, para), True) if person else (None, False)
        if _COUNTED.match(phrase):
            self.seen.append(phrase)
            return phrase, False  # "two Rural League MPs", "Three doctors": nobody named
        if spokes := _SPOKESPERSON.match(phrase):
            return self._spokesperson(phrase, spokes["owner"], spokes["modifier"], pos)
        if (maker := _MADE_BY.search(phrase)) and self._resolve(maker.group(1), pos, para, None)[1]:
            self.seen.append(phrase)
            return phrase, True  # "a consensus compiled by the company", the company named
        short = _SHORT_BODY.fullmatch(phrase) and phrase[4:].lower() not in TITLES
        if short and (body := self._body_by_last_word(phrase, pos)):
            self.seen.append(body)
            return body, True
        owned = _OWNER_NAME.fullmatch(phrase) or _NAME_OF.fullmatch(phrase)
        person = person_name(owned["name"]) if owned else None
        if person is not None and len(person.split()) >= 2:
            # "the UN's Rania Selbeck", "Ana Ruiz of the port authority": the person
            return self._person(self.book.full_name(person, pos) or person, para), True
        name = None if _THE_NAME.match(phrase) else person_name(phrase)
        if name is not None:
            full = self.book.full_name(name, pos)
            if full is not None or len(name.split()) >= 2:
                return self._person(full or name, para), True
            if body := self._body_by_first_word(name, pos):
                self.seen.append(body)
                return body, True
        titled = self.book.by_title(phrase, pos)
        if titled is not None:
            return self._person(titled, para), True
        if _INDEFINITE.match(phrase):
            self.seen.append(phrase)
            return phrase, False  # "a senior EU official", "one diplomat": nobody named
        if _DEFINITE.match(phrase) and not any(w[:1].isupper() for w in phrase.split()[1:]):
            return self._description(phrase, pos)
        if phrase.islower():
            self.seen.append(phrase)
            return phrase, False
        self.seen.append(phrase)
        named = not _ANONYMOUS.search(phrase) or any(c.isupper() for c in phrase[1:])
        if named:
            at = bisect_right(self.body_at, pos)  # speakers are resolved in text order
            self.bodies.insert(at, (pos, phrase))
            self.body_at.insert(at, pos)
            if len(words := _capitalised_words(phrase)) >= 2:
                self.bodies_by_word.setdefault(words[0], []).append((pos, phrase))
        return phrase, named

    def _body_by_first_word(self, word: str, pos: int) -> str | None:
        """The body a lone capitalised word names after its full name was given.

        Pattern: the? WORD REST … WORD CUE — "Bellmark Coal … Bellmark denied that",
        "the pension fund Merrow Capital … Merrow deemed": a body is shortened to its first
        name word, where a person is shortened to the last.
        """
        if word.lower() in UNNAMED_GROUPS or word.lower() in SELF_NAMING:
            return None  # "Officials", "Police": a group, never a shortened name
        best: tuple[int, str] | None = None
        # "Bellmark Coal" reads like a person's name; one the text never calls he or she may
        # be a body: news shortens a person to the surname, not to the first name
        bodies = self.bodies_by_word.get(word, [])  # the only bodies that can be it
        for at, name in chain(bodies, self.book.orgs, self.book.people):
            if at >= pos or word not in name or (best is not None and at < best[0]):
                continue  # a substring test first: most names do not hold the word at all
            if self.book.gender.get(name):
                continue
            words = _capitalised_words(name)
            if len(words) >= 2 and words[0] == word:
                best = (at, name)
        return best[1] if best else None

    def _body_by_last_word(self, phrase: str, pos: int) -> str | None:
        """The body "the WORD" names after its full name was given.

        Pattern: NAME… WORD … the WORD CUE — "the Sable Ridge Movement … the Movement said",
        "the Thornwake Legion … the Legion denied": a body is shortened to its last word, its
        capital kept. The names are read in the 3,000 characters before; None when two names
        end with the word there, or none does.
        """
        word = phrase.split()[-1]
        text = self.book.text
        found = {
            " ".join(_capitalised_words(m.group(1)))
            for m in _NAME_ENDING.finditer(text, max(0, pos - 3000), pos)
            if m.group(2) == word
        }
        found.discard(word)
        return f"the {found.pop()}" if len(found) == 1 else None

    def _recent_body(self, pos: int) -> str | None:
        """A body named in the sentence before pos ("the health ministry"), for "they"."""
        recent = self._recent_head(pos)
        return _earlier_body(self.book.text, recent[1], pos) if recent else None

    def _recent_head(self, pos: int) -> tuple[int, str] | None:
        """(where, noun) of the last body noun in the paragraph's 400 characters before pos."""
        start = max(0, pos - _THEY_REACH)
        window = self.book.text[start:pos]
        heads = list(_BODY_HEAD.finditer(window, window.rfind("\n") + 1))
        return (start + heads[-1].start(), heads[-1].group().lower()) if heads else None

    def _body(self, pos: int, *, public: bool) -> str | None:
        """The organisation named last before pos, within about three paragraphs.

        public=False skips public bodies: "the company" is no ministry or council.
        """
        if self.org_at is None:
            self.org_at = [at for at, _ in self.book.orgs]
        # both lists are in position order: only the 1,500 characters before pos are read
        orgs = self.book.orgs[bisect_left(self.org_at, pos - 1500) : bisect_left(self.org_at, pos)]
        bodies = self.bodies[bisect_left(self.body_at, pos - 1500) : bisect_left(self.body_at, pos)]
        near = orgs + bodies
        if not public:
            firms = self.book.firms  # in position order, as orgs: only the window is read
            at = bisect_left(firms, (pos - 1500, ""))
            firms = firms[at : bisect_left(firms, (pos, ""), at)]
            near = [b for b in near + firms if not _PUBLIC_BODY.search(b[1])]
        return max(near)[1] if near else None

    def _spokesperson(
        self, phrase: str, owner: str | None, modifier: str | None, pos: int
    ) -> tuple[str, bool]:
        """ "A spokeswoman" speaks for the body just named; "a spokesperson for the mayor" for
        the mayor, when the text has named one; "a police spokeswoman" for the body she names
        (pattern: a spokesperson whose modifier is a body noun or a capitalised name)."""
        self.seen.append(phrase)
        if modifier and (modifier[:1].isupper() or modifier.lower() in BODY_NOUNS):
            return phrase, True
        if owner:
            known = self.book.by_title(owner) or owner[:1].isupper() or self._body(pos, public=True)
            return phrase, bool(known)
        body = self._body(pos, public=True)
        return (f"{phrase} for {body}", True) if body else (phrase, False)

    def _antecedent(self, pos: int, para: int, pronoun: str) -> str | None:
        """The person a "he"/"she" at pos most likely means: the subject of the sentence
        before, else the last one named or who spoke, skipping anyone the text has given the
        other gender. A quotation before the cue is no place for its own speaker's name
        (pos is then where it begins: '"I think Shelter Line does good work," he said')."""
        subject = self._previous_subject(pos, pronoun)
        if subject and self.book.gender.get(subject, pronoun) in ("", pronoun):
            self.book.gender.setdefault(subject, pronoun)
            return subject
        fits = [
            (seen, name)
            for seen, name in self.book.mentions
            if pos - 1500 <= seen < pos and self.book.gender.get(name, pronoun) in ("", pronoun)
        ]
        spoke = self.last_person
        if (
            spoke
            and para - spoke[0] <= 2
            and self.book.gender.get(spoke[1], pronoun) in ("", pronoun)
        ):
            fits.append((self.last_spoke_at, spoke[1]))
        if not fits:
            return None
        name = max(fits)[1]
        self.book.gender.setdefault(name, pronoun)
        if not self.book.gender[name]:
            self.book.gender[name] = pronoun
        return name

    def _previous_subject(self, pos: int, pronoun: str) -> str | None:
        """The person opening the sentence before the one a pronoun opens at pos.

        Pattern: NAME|the TITLE VERB …. He|She …. — the subject of a sentence, not a person
        named later in it, is what a pronoun opening the next sentence most likely means
        ("Judge Orla Kestenbaum sentenced Dario Velcic … She said"; "The commissioner denied
        it. She insisted")."""
        text = self.book.text
        here = _sentence_start(text, pos)
        if here == 0:
            return None
        # '"…," he said' with the quotation opening its sentence (pos is where it begins): the
        # pronoun stands for the same subject as one opening the sentence would
        if text[here:pos].strip(_OPENING_MARKS):
            opening = _PRONOUN_OPENING.match(text, here, pos)
            if opening is None or opening.group(1).lower() != pronoun:
                return None
            # Pattern: He|She (AUXILIARY|ADVERB)* CUE, or a sentence He|She opens and whose
            # cue has the same pronoun: "She had urged residents …, she said" is the one woman.
            between = text[opening.end() : pos]
            if not _AUXILIARIES.fullmatch(between) and not _REPEATED[pronoun].search(between):
                return None
        opened = _after_label(text, _sentence_start(text, here - 1))
        if reply := _REPLY.match(text, opened):
            opened = reply.end()  # "BRECK: Yes, Mr Oskenn spent the day here. He said …"
        if here - opened > _THEY_REACH:
            return None
        if clock := _CLOCK.match(text, opened, here):
            opened = clock.end()  # a live blog's "09:05 Minister Voskuil spoke …"
        if titled_by := _BODY_TITLE_OPENING.match(text, opened, here):
            opened = titled_by.end()  # "Army spokeswoman Brigadier Helga Stroud said …"
        run = _RUN.match(text, opened)
        if run is not None and (name := person_name(run.group())) is not None:
            if name.split()[0] in OPENERS:
                return None
            if len(name.split()) >= 2:
                return name  # a full name already: no look-up
            titled = split_title(run.group().split())[0]
            # "Governor Varga-Moreau spoke to us": a title makes a lone surname a person's
            return self.book.full_name(name, pos) or (name if titled else None)
        if role := _ROLE_SUBJECT.match(text, opened):
            return self.book.by_title(role.group(1), pos)
        return None

    def _person(self, name: str, para: int) -> str:
        self.person_said = True
        self.last_person = (para, name)
        self.last_spoke_at = self.position
        self.book.add(-1, name)
        self.book.mentions.append((self.position, name))
        self.seen.append(name)
        return name

    def _document_source(self, pos: int) -> str | None:
        """The source of the last document or data named in the 1,500 characters before pos.

        Pattern: "DOCUMENT (VERB)? by|from SOURCE … The DOCUMENT-NOUN shows": "the data" is
        what the source published ("Figures released by the health ministry show …").
        """
        if self.documents is None:  # read once per text, then looked up by position
            self.documents = _document_sources(self.book.text)
        last = bisect_right(self.documents, (pos, "")) - 1
        if last < 0 or self.documents[last][0] < pos - 1500:
            return None
        return _tidy(self.documents[last][1])

    def _description(self, phrase: str, pos: int) -> tuple[str, bool]:
        """Resolve "the ministry" to an earlier speaker whose name holds that noun, "the company"
        to the firm named last; "the authors" of a study or report named earlier are known."""
        head = phrase.split()[-1].lower()
        definite = phrase.lower().startswith("the ")
        # "the majority leader's office" names its own body: no earlier "… office" is it
        if definite and not _ANONYMOUS.search(phrase) and not _POSSESSED.match(phrase):
            for earlier in reversed(self.seen):
                if head in earlier.lower().split() and earlier.lower() != phrase.lower():
                    return earlier, True
        self.seen.append(phrase)
        if definite and head in DOCUMENT_NOUNS and (source := self._document_source(pos)):
            return source, True  # "The data show" after "Figures released by the ministry"
        if definite and head in FIRM_NOUNS and (firm := self._body(pos, public=False)):
            return firm, True
        if definite and head in STUDY_PEOPLE and _STUDY.search(self.book.text, 0, pos):
            return phrase, True
        if definite and head in BODY_NOUNS:
            if fuller := _earlier_body(self.book.text, head, pos):
                return fuller, True  # "the agency" after "the United Nations refugee agency"
            if len(phrase.split()) > 2 or head in SELF_NAMING:
                return phrase, True  # "the health ministry", "the army": a body by its name
        return phrase, bool(_POSSESSED.match(phrase))  # "the city's transport authority"


def _document_sources(text: str) -> list[tuple[int, str]]:
    """(end, source) of each match of _DOCUMENT_SOURCE.finditer(text), tried only where one
    can start: at a source noun, which stands whole there in the case-folded text (a maximal
    run of letters a-z, found with str.find), instead of a regex walk over every word."""
    folded = fold_case(text)
    present = _SOURCES.intersection(letter_runs_text(folded).split())
    starts: set[int] = set()
    for noun in present:
        at = folded.find(noun)
        while at >= 0:
            starts.add(at)
            at = folded.find(noun, at + 1)
    found: list[tuple[int, str]] = []
    end = 0  # finditer goes on from the end of each match
    for at in sorted(starts):
        if at >= end and (match := _DOCUMENT_SOURCE.match(text, at)):
            found.append((match.end(), match.group(1)))
            end = match.end()
    return found


_THEY_REACH = 400
# "The commissioner denied …", "The company's chief executive said …": a title as a subject.
_ROLE_SUBJECT = re.compile(r"((?:The|Its|Their|His|Her)\s+(?:[\w'’-]+\s+){0,2}?[\w-]+)\s+[a-z]")
# What ends a sentence before the next one opens (str.rfind looks for each, right to left).
# The word an answer opens with before its own subject: "Yes, Mr Oskenn spent the day here."
_REPLY = re.compile(r"(?:Yes|No|Well|Sure|Indeed|Absolutely|Exactly|Right|Certainly),\s+")
_PRONOUN_OPENING = re.compile(r"(He|She)\b")
_AUXILIARIES = re.compile(
    r"(?:\s+(?:had|has|have|would|will|could|also|later|then|again|first|once|previously|"
    r"earlier|repeatedly|publicly|now|even|still|already|never|not))*\s*"
)
# The pronoun standing as the cue's own subject at the end of the words before it.
_REPEATED = {p: re.compile(rf"[,;]\s+{p}\s*$") for p in PERSON_PRONOUNS}
_SENTENCE_ENDS = (". ", "! ", "? ", "\n", '." ', ".\u201d ", ".' ", ".\u2019 ")


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos begins (after the last full stop or line break)."""
    window = max(0, pos - _THEY_REACH)
    ends = [at + len(end) for end in _SENTENCE_ENDS if (at := text.rfind(end, window, pos)) >= 0]
    return max(ends) if ends else (0 if window == 0 else pos)


_BODY_HEAD = re.compile(
    rf"\b{first_letter_check(BODY_NOUNS | FIRM_NOUNS, ignore_case=True)}"
    rf"(?i:{alternation(BODY_NOUNS | FIRM_NOUNS, ignore_case=True)})\b"
)


def _earlier_body(text: str, head: str, pos: int) -> str | None:
    """The fuller name an earlier mention gave a body: "the Ministry of Water Resources" or
    "the United Nations refugee agency" for a later "the ministry" / "the agency"."""
    for start in _whole_word_before(text, head, max(0, pos - 3000), pos):
        end = start + len(head)
        left = re.split(r"[,;:.()“”\"\n]", text[max(0, start - 80) : start])[-1]
        modifiers: list[str] = []
        article = ""
        for word in reversed(left.split()[-4:]):
            if word.lower() in DETERMINERS:
                article = "the " if word.lower() == "the" else ""
                break
            modifiers.insert(0, word)
        else:
            modifiers = [w for w in modifiers if w[:1].isupper()]
        if named := _NAME_AFTER_HEAD.match(text, end, pos):
            if named.group(1):  # "The operator, Bellmark Coal, has confirmed": the name
                return named.group(2)
            return " ".join([article.strip(), *modifiers, text[start:end], named.group(2)]).strip()
        tail = _OF_NAME.match(text, end, pos)
        if modifiers or tail:
            name = " ".join([*modifiers, text[start:end]]) + (tail.group() if tail else "")
            return article + name
    return None


def _whole_word_before(text: str, word: str, base: int, pos: int) -> Iterator[int]:
    """Where word (ASCII letters) stands whole in text[base:pos], ignoring case, last first:
    what re.finditer(rf"\\b{word}\\b", text[base:pos], re.IGNORECASE) finds, read backwards
    with str.rfind on the case-folded window instead of a regex walk through all of it."""
    window = fold_case(text[base:pos])
    end = len(window)
    while (at := window.rfind(word, 0, end)) >= 0:
        after = at + len(word)
        whole = (at == 0 or not is_word_char(window[at - 1])) and (
            after == len(window) or not is_word_char(window[after])
        )
        if whole:
            yield base + at
        end = after - 1


# Pattern: the (MODIFIER)* HEAD(,)? NAME — "the consumer group Viatge", "The national air
# navigation service, Calnav, said": a later "it" or "the group" is that name.
_NAME_AFTER_HEAD = re.compile(
    rf"(,)?[ \u00a0]+(?!(?:{alternation(MONTHS | WEEKDAYS)})\b)"
    r"([A-Z][\w'’&-]*(?:[ \u00a0]+[A-Z][\w'’&-]*){0,3})(?(1),|(?=[\s,.;:]))"
)
_OF_NAME = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*")
