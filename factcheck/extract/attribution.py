"""Find attributed claims: who said what, through quotes, cue verbs and "according to".

Pass 1 reads each cue word (said, urged, according to…) with its subject and its content.
Pass 2 resolves speakers in text order. Pass 3 gives quotations without a cue of their own
the speaker of their sentence or paragraph, and pass 4 picks up first-person sentences that
continue a quotation whose marks were lost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice

from .cues import (
    CUE,
    CUE_KIND,
    PASSIVE,
    PASSIVE_VERBS,
    TELLING,
    cue_kind,
    data_only,
    is_bare_verb,
    needs_that,
)
from .lexicon import alternation
from .lexicon.grammar import (
    EXPECT_FORMS,
    FIRST_PERSON_SPEAKERS,
    PRONOUN_OF_POSSESSIVE,
    VERB_OPENERS,
)
from .lexicon.numbers import FRACTION_WORDS, NUMBER_WORDS, QUALIFIERS, SMALL_WORDS, VAGUE_LOWER
from .lexicon.people import (
    DOCUMENT_NOUNS,
    IRREGULAR_PLURALS,
    NOT_SPEAKERS,
    PRONOUNS,
    TITLES,
    UNNAMED_GROUPS,
)
from .lexicon.verbs import IRREGULAR_PAST
from .quotes import Quote
from .sentences import MAX_CUES, Sentence, SentenceIndex, letter_runs, line_start, may_hold
from .speakers import (
    NameBook,
    Resolver,
    Subject,
    build_name_book,
    is_organisation,
    is_speaker_phrase,
    person_name,
    subject_before,
)
from .turns import Turn, find_turns

_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|should|must|had|has|have|may|might|did|does|"
    r"do|won't|wouldn't|isn't|wasn't|aren't|can't|cannot|\w+ed)\b"
)
_THAT = re.compile(r"\bthat\b")
# Pattern: asked|asking not to be named|identified — how a source stays anonymous, not a cue.
_UNNAMED_ASK = re.compile(r"\s+not\s+to\s+be\s+(?:named|identified)\b")
# What follows a cue without "that" but is no reported clause: an object or an adverbial.
# A possessive or "no", "nothing" … opens a clause only when a finite verb follows it ("said
# his office had warned them", "said no one was hurt"), never a preposition ("said nothing
# about the cuts", "said no to the offer").
_NOT_CLAUSE = re.compile(
    r"\s*(?:(?:his|her|its|their|our|my|your|no|nothing|something|anything)"
    r"(?:(?!(?:\s+[\w'’-]+){0,6}\s+(?:had|has|have|was|were|is|are|will|would|could|can)\b)|"
    r"(?=\s+(?:about|of|on|to|for|at|in|with|from)\b))|"
    r"to|on|in|at|for|with|by|from|during|after|before|about|of|as|so|yes|it\s*[.,])\b",
    re.IGNORECASE,
)
# "said at least 12 people died", "said about 300 homes …": a hedged figure opens the clause.
_FIGURE_WORDS = NUMBER_WORDS | set(FRACTION_WORDS) | set(VAGUE_LOWER) | {"a", "an", "dozen"}
_HEDGED_FIGURE = re.compile(
    rf"\s*(?i:{alternation(QUALIFIERS, ignore_case=True)})\s+"
    rf"(?:[$€£¥]?\d|(?i:{alternation(_FIGURE_WORDS, ignore_case=True)})\b)"
)
_OBJECT = re.compile(
    r"\s+(?:reporters|journalists|him|her|them|us|me|lawmakers|parliament|the\s+\w+|"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?=[\s.,;:!?]|$)"
)
_ADVERBIAL = re.compile(
    r"\s+(?:(?:early|late)\s+)?(?:on|last|this|late|early)\s+"
    r"(?:\w+day|week|month|year|night|morning|afternoon|evening)\b"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|\s+in\s+(?:an?|his|her|their|its)\s+(?:\w+\s+)?"
    r"(?:statement|post|interview|speech|tweet|letter|briefing|report)\b[^,]*,?"
    r"|\s+(?:again|also|later|repeatedly|publicly|privately|earlier|today|tonight|yesterday)\b"
)
_CONTENT_STOP = re.compile(
    r",?\s+according to\b|;|,\s+(?:adding|saying|noting|putting|citing|calling|urging|"
    r"warning|while|whereas)\b|,\s+and\s+(?:I|we)\b|,\s+(?:he|she|they|it)\s+(?:said|added|says)\b|\s+(?:and|but)\s+"
    rf"(?=(?:[\w'’]+\s+){{0,3}}{CUE.pattern})"
)
# The comma that ends a subordinate clause; not one inside a number ("12,400 people").
_CLAUSE_COMMA = re.compile(r",(?!\d)")
_TITLE_WORDS = alternation(TITLES, shortest_first=True)
# Pattern: CUE (the)? (BODY)? TITLE* NAME — the speaker after the cue: "said the minister",
# "said Mayor Ana Ruiz", "said Pentagon spokesman John Kirby", "said ministry spokesperson
# Corin Sabey", "said customs officer Ilan Dove" (a body's name, or up to two lower-case
# words, before a title).
_INVERTED = re.compile(
    rf"\s+((?:the\s+)?(?:(?:[A-Z][\w'’.&-]*\s+){{1,3}}|(?:[a-z][\w'’-]*\s+){{1,2}}(?=(?:{_TITLE_WORDS})\s))?"
    rf"(?:(?:{_TITLE_WORDS})\s+){{0,3}}[A-Z][\w'’.-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*(?:\s+(?:of|for)\s+the(?:\s+[A-Z][\w'’.&-]*)+)?"
    r"|(?:the|a|an)\s+[\w'’ -]+?)"
    r"(?=\s*(?:[,.;:!?]|$))"
)
# The full stop of a sentence that ends with the speaker's name ("…, said Ari Lev."), not
# an initial's or an abbreviation's ("Tom Ede Jr.", "Hask Co.").
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)(?<!\bCo)(?<!\bInc)(?<!\bLtd)\.$")
# Pattern: CUE SPEAKER, a|the DESCRIPTION. — who the speaker after a closing cue is: "…, said
# Ana Ruiz, a spokeswoman for the port authority."
_INVERTED_APPOSITION = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s+[^,;:]{1,80}")
_ACCORDING_NP = re.compile(r"\s+((?:[^,.;:()\"“”]|(?<=\d)[,.](?=\d))+)")
_SOURCE_DOC = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:statement|report|post|release|tally|count|figures|data|estimate|survey|"
    r"poll|document|letter)\s+(?:from|by|of|issued by|released by|published by)\s+",
    re.IGNORECASE,
)
# "a study of 80,000 adults published on Wednesday in …": the source ends before its details.
_SOURCE_DETAILS = re.compile(
    r"\s+(?:published|released|issued|conducted|carried|seen|on|in|at|during|last|this)\b.*$"
)
# Pattern: SOURCE (was|were) quoted|cited (WHEN|WHERE)? as CUE — passive, the subject spoke
# ("The chair, Rhea Talvik, was quoted in the first hours as saying"); active, the object
# ("quoted a councillor as saying").
_QUOTED_AS = re.compile(
    r"(?P<passive>\b(?:was|were|is|are|been|being)\s+)?\b(?:quoted|cited)\s+([^,;:]+?)\s+as\s+$"
)
# Pattern: NUMBER NOUN CUE-s — "rests on two inspection reports": after a count above one a
# verb would have no -s, so the cue word is a plural noun ("2023 data shows" is a year, and
# "00:20 Golub wants" a clock time and a name).
_COUNTED_NOUN = re.compile(
    rf"\b(?:(?i:{alternation(set(SMALL_WORDS) - {'zero', 'one'}, ignore_case=True)})|"
    r"(?<![:.\d])(?!(?:19|20)\d\d\b)\d[\d,]*)\s+[a-z][\w'’-]*\s+$"
)
# Pattern: SUBJECT, PARTICIPLE … , VERB — the subject opening the sentence before a comma (at
# most seven words), and the comma that closes the participle's aside before its verb.
_SUBJECT_COMMA = re.compile(r"\s*((?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,6}),\s+")
_ASIDE_CLOSE = re.compile(
    r",\s+(?:(?:has|have|had)\s+)?(?:has|have|had|is|are|was|were|will|would|[a-z]{3,}ed)\b"
)
# Pattern: NAMING CUE OBJECT (not)? as WHAT — "described the deal as a window", "framed the
# truce not as a concession but as …": what the speaker called the thing, in the reporter's
# words (a quotation after the cue is read first).
_DESCRIBED_AS = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|this|that|these|those)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:not\s+(?:only\s+|merely\s+|simply\s+)?)?as\s+(?!if\b|well\b|soon\b|long\b|much\b)"
)
# A cue word in -s followed by a verb of its own, after another cue or a determiner or opening
# the sentence, is a plural noun, the subject of that verb: "said claims can be made from
# Thursday", "Reports were false"; not "which the kingdom claims is necessary".
_NOUN_OPENER = re.compile(
    rf"(?:^|\b(?:{alternation(CUE_KIND)}|such|these|those|their|his|her|its|no|some|many)\s+)$"
)
_NOUN_BEFORE_VERB = re.compile(rf"\s+(?:{alternation(VERB_OPENERS - {'to', 'be'})})\b")
# A broadcast reads the quotation marks aloud: "she said, quote, 'I am deeply sorry.'"
_QUOTE_READ = re.compile(r",?\s*quote\s*[,:]?\s*(?=[\"“‘'])")
_BY_DOING = re.compile(r"\b(?:by|after|before|when|while)\s+$")
_PUT_IT = re.compile(r"\s+it\b(?!\s+at\b)")
_PARENTHETICAL = re.compile(r",\s*(?:he|she|they|it|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+$")
_QUOTE_OR_STOP = re.compile(r"[\"“”.;:]")
# Pattern: CUE (WHEN|WHERE|WHOM, a few words): QUOTE — "tweeted during the break: '…'",
# "told reporters on Monday: '…'": the quotation after the colon is what the cue reports.
_WHEN_COLON = re.compile(r"(?:\s+[\w'’-]+){1,5}\s*:\s*(?=[\"“‘'])")
_COLON_CONTENT = re.compile(r"\s*:\s+(?=[^\s\"“‘'])")
_PASSIVE = re.compile(
    rf"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?(?P<cue>{PASSIVE})\s+by\s+"
    r"(?P<speaker>[^,.;:]+?)\s+as\s+(?P<content>[^,.;]+)"
)
_CUE_VOCABULARY = letter_runs(CUE_KIND)
_PASSIVE_VOCABULARY = letter_runs(PASSIVE_VERBS)
# A sentence with neither is not read at all: _SentenceReader.read finds nothing in it.
_READ_VOCABULARY = _CUE_VOCABULARY | _PASSIVE_VOCABULARY
# What may follow a closing cue and its speaker: ", who was not involved.", ", describing …".
# Pattern: CONTENT, SPEAKER said, as|while|after … — a clause after the cue is an aside too.
# Pattern: CONTENT, SPEAKER said, and|but MORE / ; MORE / , seizing … / , one of which … —
# news puts the reporting clause mid-sentence and goes on; what was said is still before it.
_ASIDE = re.compile(
    r",\s+(?:who|which|describing|adding|saying|noting|citing|calling|as|while|after|before|"
    r"when|amid|despite|even\s+as|and|but|including|[a-z]+ing|"
    r"(?:one|some|many|most|all|none|each|both|two|three)\s+of\s+(?:which|whom|them))\b"
    r"|\s*;"
)
# Pattern: CONTENT, SPEAKER told reporters at|in|outside PLACE. — where it was said.
_PLACE_AFTER = re.compile(r"\s+(?:at|in|outside|from)\s+[^,;]{1,60}")
# After a cue inside commas, what goes on is no continuation of the sentence's own verb
# ("The levy, she wrote, had raised …") but a new clause: "…, Ortiz said, and fares will …".
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|or|including|[a-z]+ing|which|who)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")
# "Finance director Helen Sauer kept … and said": a lower-case title may sit inside the name.
# Pattern: (DATELINE -)? SUBJECT (, the|a APPOSITION,)? verb — the subject opening a
# sentence, past a wire dateline ("EASTBRIDGE, Feb 27 (Wire) - Harlow&Pike, the packaging
# group, reported …"); names may hold "&".
_LEADING_SUBJECT = re.compile(
    r"(?:[A-Z][A-Z .'’-]+,[^-–—\n]{0,60}?\s[-–—]\s+|[A-Z][\w']*,\s+)?((?:[A-Z][\w'’.&-]*\s+(?:(?:"
    + alternation(TITLES)
    + r")\s+)+(?=[A-Z]))?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"
    # "Rescue teams ended the search …, confirming": a group noun ends the capitalised words
    + r"(?:\s+(?:"
    + alternation(UNNAMED_GROUPS)
    + r")\b)?)"
    r"(?:,\s+(?:the|a|an)\s[^,;]{1,80},)?\s+[a-z]"
)
_TRIM = " \t\n,.;:"
_WHO_ASIDE = re.compile(r",\s+(?:who|which)\s[^,;]{1,80},\s*")  # ", who asked not to be named,"
# Pattern: (The|His|…) NOUN-WORDS (, NAME,)? VERB — a sentence's subject that opens with a
# determiner and lower-case words: "The ministry rejected the report, saying …" (the
# ministry), "His water minister, Halla Drennick, has gone further, saying …" (the name).
_OPENING_DETERMINERS = frozenset(["The", "His", "Her", "Its", "Their", "Our"])
_SUBJECT_WORDS = 4  # lower-case words a determined subject may hold before its verb
_APPOSED_AFTER = re.compile(r"[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}),")
_AUXILIARIES = frozenset(
    ["has", "have", "had", "is", "are", "was", "were", "will", "would", "just", "also", "now"]
)


def _determined_subject(text: str, start: int, end: int) -> str | None:
    """The subject of the sentence text[start:end] when it opens with a determiner and
    lower-case words up to a verb in the past, an auxiliary or "says" (see
    _OPENING_DETERMINERS), or the name set beside them between commas; None otherwise."""
    words = text[start:end].split(None, _SUBJECT_WORDS + 2)
    if len(words) < 3 or words[0] not in _OPENING_DETERMINERS:
        return None
    at = start + len(words[0])
    for i, word in enumerate(words[1 : _SUBJECT_WORDS + 2], start=1):
        at = text.index(word, at) + len(word)
        bare = word.rstrip(",")
        if i > 1 and _is_finite_verb(bare):
            return " ".join(words[:i])
        if not bare.isalpha() or not bare.islower():
            return None
        if word.endswith(","):
            apposed = _APPOSED_AFTER.match(text, at, end)
            return apposed.group(1) if apposed else None
    return None


def _is_finite_verb(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PAST or word in _AUXILIARIES or word == "says"


# A sentence opened by a participle with its own object: "Calling …", "Dismissing …".
_PARTICIPLE_OPENER = re.compile(
    r"[\"“‘']?(?!(?:During|Morning|Evening|Nothing|Something|Everything|Spring|King)\b)"
    r"([A-Z][a-z]+ing)\b(?=[^,]*[,])"
)
# How far a reported clause is searched for its end: a bound that keeps each cue's work constant.
_CLAUSE_REACH = 600
_WORD = re.compile(r"\w[\w'’-]*")
# A verb's bare form is a cue only after "they", "we" or a plural: "officials say", not
# "its long-standing demand" or "a Palestinian state".
# Pattern: SUBJECT say, where the subject is a plural: "Police say", "residents say".
_PLURAL_SUBJECT = re.compile(
    rf"(?:\b(?:they|we|I|you|(?i:{alternation(IRREGULAR_PLURALS)}))|[a-z]s|men|\band\s+\S+)\s*$"
)
# "Residents of Kottavil want", "Traders in the old market say", "Doctors at the clinic say":
# the head before a place or group phrase is what must be plural.
_OF_PHRASE = re.compile(r"\s+(?:of|in|at|from)\s+.*$")
# "put the death toll at 300": "put" reports a figure only in this frame.
_PUT_FIGURE = re.compile(
    r"\s+(?:it|them|this|that)\s+at\b|\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:number|toll|figure|total|count|cost|"
    r"tally|estimate|losses)\b(?:\s+of\s+[\w-]+(?:\s+[\w-]+){0,3}?)?\s+at\b"
)
# "data from LSEG show": "show" reports only when its subject is a source of figures.
_DATA_SUBJECT = re.compile(
    rf"\b(?:{alternation(DOCUMENT_NOUNS, ignore_case=True)})\b", re.IGNORECASE
)


@dataclass(slots=True)
class Attribution:
    """An attributed claim while it is being assembled; speaker is raw until resolved."""

    start: int
    end: int
    speaker: str | None
    cue: str | None
    cue_at: int
    direct: bool
    kind: str  # "direct" | "indirect" | "according_to"
    confidence: float
    sentence: int
    resolved: bool = False

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(
        self,
        start: int,
        end: int,
        speaker: str | None,
        cue: str | None,
        cue_at: int,
        direct: bool,
        kind: str,
        confidence: float,
        sentence: int,
        resolved: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.speaker = speaker
        self.cue = cue
        self.cue_at = cue_at
        self.direct = direct
        self.kind = kind
        self.confidence = confidence
        self.sentence = sentence
        self.resolved = resolved


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


class _SentenceReader:
    """Read the cues of one sentence; remembers the sentence's subject for "and claimed"."""

    def __init__(
        self,
        text: str,
        sentence: Sentence,
        index: int,
        quotes: list[Quote],
        taken: frozenset[int] | set[int] = frozenset(),
    ) -> None:
        self.text = text
        self.s = sentence
        self.index = index
        self.quotes = quotes
        self.subject: str | None = None
        # marks of quotes taken as some cue's content (``taken``: by an earlier pass)
        self.used: set[int] = {q.mark for q in quotes if q.mark in taken}

    def read(self) -> list[Attribution]:
        found: list[Attribution] = []
        cues = (
            CUE.finditer(self.text, self.s.start, self.s.end)
            if may_hold(self.s, _CUE_VOCABULARY)
            else iter(())
        )
        for match in islice(cues, MAX_CUES):
            if self.quotes and any(q.mark <= match.start() < q.stop for q in self.quotes):
                continue  # a cue word inside a quotation is part of what was said
            found.extend(self._cue(match))
        found.extend(self._passive())
        return found

    def _left_bound(self, at: int) -> int:
        stops = [q.stop for q in self.quotes if q.stop <= at]
        return max([self.s.start, *stops])

    def _cue(self, match: re.Match[str]) -> list[Attribution]:
        cue = match.group()
        kind = cue_kind(cue)
        if kind == "according_to":
            return self._according_to(match)
        if not self.quotes and self._quote_only(cue, kind, match.end()):
            return []  # the sentence has no quotation for it: its subject need not be read
        if cue.startswith("ask") and _UNNAMED_ASK.match(self.text, match.end(), self.s.end):
            return []  # "a resident, who asked not to be named, said …": no report of its own
        if (
            cue.endswith("s")
            and _NOUN_BEFORE_VERB.match(self.text, match.end(), self.s.end)
            and _NOUN_OPENER.search(self.text, max(self.s.start, match.start() - 30), match.start())
        ):
            return []  # "said claims can be made", "Reports were false": a noun, not a cue
        left = self._left_bound(match.start())
        if (
            cue.endswith("s")
            and not cue.endswith("ss")
            and _COUNTED_NOUN.search(self.text, max(left, match.start() - 40), match.start())
        ):
            return []
        if cue.endswith("ing") and (aside := self._participle_aside(match)):
            return aside
        subject = subject_before(self.text, left, match.start())
        if cue.endswith("ing") and (quoted := _QUOTED_AS.search(self.text, left, match.start())):
            if quoted.group("passive"):
                subject = subject_before(self.text, left, quoted.start())
                if subject.mode not in ("np", "pronoun") or not subject.text:
                    return []
                return self._speech(match, subject.text, match.end(), subject)
            source = quoted.group(2)  # "quoted a councillor as saying …"
            return self._speech(match, source, match.end(), Subject(source, "np"))
        if subject.mode == "reject" and not (
            cue.endswith("ing") and _BY_DOING.search(self.text, left, match.start())
        ):
            return []  # "the claims", "his remarks"; but "She opens by saying …" reports
        if cue in ("put", "puts") and _PUT_IT.match(self.text, match.end()):
            speaker, _ = self._speaker(subject, cue, match.end())
            return self._quote_after(match, speaker, cue, max_gap=2) if speaker else []
        if cue in ("put", "puts") and not _PUT_FIGURE.match(self.text, match.end()):
            return []
        if data_only(cue):
            if not _DATA_SUBJECT.search(subject.raw or ""):
                return []
            return self._speech(match, subject.text or "", match.end(), subject)
        bare = subject.mode == "np" and subject.text and is_bare_verb(cue)
        head = _OF_PHRASE.sub("", subject.text or "")  # "Residents of Kottavil want"
        if bare and not _PLURAL_SUBJECT.search(head):
            return []
        speaker, after = self._speaker(subject, cue, match.end(), kind)
        if speaker is None:
            return []
        if kind == "naming":
            found = self._quote_after(match, speaker, cue, max_gap=8) or self._described_as(
                match, speaker
            )
        elif kind == "directive":
            found = self._directive(match, speaker)
        else:
            found = self._speech(match, speaker, after, subject)
        # The sentence's speaker, for a later "…, saying" or "and said", is the subject of a
        # cue that reported: "Barreto defended the rise in a video posted online, saying …"
        if found and self.subject is None and subject.mode in ("np", "pronoun"):
            self.subject = subject.text
        return found

    def _quote_only(self, cue: str, kind: str, after: int) -> bool:
        """Tell whether what _cue finds for this cue can only be a quotation after it, whatever
        its subject: a naming cue ("called it 'reckless'") or "put" with no figure after it
        ("as she put it: …"). A form in -ing may report a clause ("quoted X as calling …")."""
        if cue.endswith("ing"):
            return False
        if cue in ("put", "puts"):
            return not _PUT_FIGURE.match(self.text, after)
        return kind == "naming" and _DESCRIBED_AS.match(self.text, after, self.s.end) is None

    def _speaker(
        self, subject: Subject, cue: str, after: int, kind: str = "speech"
    ) -> tuple[str | None, int]:
        """Return the cue's speaker and where its content may begin.

        A speaker after the cue ("…, said the minister.") closes a reported sentence; a
        request or a naming cue has none there ("want the corporation to relocate them.").
        """
        if subject.mode in ("np", "pronoun") and not cue.endswith("ing"):
            return subject.text, after
        if subject.mode == "coordinated" or cue.endswith("ing"):
            return self.subject or self._leading_subject(), after
        if kind != "speech":
            return None, after
        inverted = _INVERTED.match(self.text, after, self.s.end)
        # "…, said the talks had stalled." holds a clause after the cue, not its speaker
        if (
            inverted is not None
            and len(inverted.group(1).split()) <= 8
            and is_speaker_phrase(inverted.group(1))
        ):
            return _SENTENCE_STOP.sub("", inverted.group(1)), inverted.end()
        return None, after

    def _leading_subject(self) -> str | None:
        found = _LEADING_SUBJECT.match(self.text, self.s.start, self.s.end)
        if found is None or found.group(1) not in _OPENING_DETERMINERS:
            return found.group(1) if found else None
        # A lone determiner is kept when no subject is read after it: the claim stays, with
        # no speaker (speakers._tidy), never "His" or "Their" as a name.
        return _determined_subject(self.text, found.start(1), self.s.end) or "the"

    def _make(
        self, span: tuple[int, int], speaker: str, cue: str, at: int, kind: str, conf: float
    ) -> Attribution:
        direct = kind == "direct"
        return Attribution(span[0], span[1], speaker, cue, at, direct, kind, conf, self.index)

    def _quote_near(self, pos: int, max_gap: int) -> Quote | None:
        for quote in self.quotes:
            near = quote.mark >= pos and _words(self.text, pos, quote.mark) <= max_gap
            if near and not re.search(r"[.;]", self.text[pos : quote.mark]):
                return quote
        return None

    def _quote_after(
        self, match: re.Match[str], speaker: str, cue: str, max_gap: int
    ) -> list[Attribution]:
        quote = self._quote_near(match.end(), max_gap)
        if quote is None or quote.mark in self.used:
            return []
        self.used.add(quote.mark)
        span = (quote.start, quote.end)
        return [self._make(span, speaker, cue, match.start(), "direct", 0.9)]

    def _quote_before(self, match: re.Match[str]) -> Quote | None:
        """The quote a trailing cue reports: '"…," Netanyahu declared.'"""
        before = [q for q in self.quotes if q.stop <= match.start()]
        if not before or before[-1].mark in self.used:
            return None
        gap = self.text[before[-1].stop : match.start()]
        if len(gap.split()) > 7 or re.search(r"[.;:]|\b(?:and|but)\b", gap):
            return None  # "… was “disappointing” but said …": a new clause, not the quote's cue
        return before[-1]

    def _participle_aside(self, match: re.Match[str]) -> list[Attribution]:
        """ "The union, saying members had rejected the offer, called a strike": a participle's
        aside after the sentence's subject reports what the subject said, up to the comma that
        closes the aside before the subject's own verb."""
        opening = _SUBJECT_COMMA.fullmatch(self.text, self.s.start, match.start())
        if opening is None or not is_speaker_phrase(opening.group(1)):
            return []
        close = _ASIDE_CLOSE.search(self.text, match.end(), self.s.end)
        if close is None or cue_kind(match.group()) != "speech":
            return []
        start, _ = self._content_start(match.end(), match.group())
        if start is None:
            return []
        span = _trim(self.text, start, close.start())
        if _words(self.text, *span) < 3:
            return []
        return [self._make(span, opening.group(1), match.group(), match.start(), "indirect", 0.75)]

    def _described_as(self, match: re.Match[str], speaker: str) -> list[Attribution]:
        """A naming cue with no quotation, its content what it calls the thing: "described the
        deal as a window for food, not as peace" (the object and what it is called)."""
        if _DESCRIBED_AS.match(self.text, match.end(), self.s.end) is None:
            return []
        span = self._clause_end(match.end(), subordinate=False)
        if _words(self.text, *span) < 4:
            return []
        return [self._make(span, speaker, match.group(), match.start(), "indirect", 0.7)]

    def _directive(self, match: re.Match[str], speaker: str) -> list[Attribution]:
        if self.text.startswith(" against", match.end()):
            return []  # "would appeal against the red card" is an act, not a request
        span = self._clause_end(match.start(), subordinate=False)
        if _words(self.text, *span) < 3:
            return []
        return [self._make(span, speaker, match.group(), match.start(), "indirect", 0.75)]

    def _speech(
        self, match: re.Match[str], speaker: str, after: int, subject: Subject
    ) -> list[Attribution]:
        cue, at = match.group(), match.start()
        quoted = self._quote_before(match)
        opener = None  # read only when a quotation stands before the cue
        if quoted is not None and quoted.mark not in self.used:
            opener = _PARTICIPLE_OPENER.match(self.text, self.s.start, at)
        if quoted is not None and opener is not None:
            # "Calling the plan 'a fantasy,' Ortiz said the city would borrow": the quote is
            # what the opener's verb names; the cue still reports the clause after it.
            self.used.add(quoted.mark)
            span = (quoted.start, quoted.end)
            named = self._make(span, speaker, opener.group(1), opener.start(), "direct", 0.85)
            return [named, *self._clause_after(match, speaker, after, subject)]
        if quoted is None:
            quoted = self._quote_near(after, max_gap=0 if cue not in TELLING else 3)
        if quoted is None and (read := _QUOTE_READ.match(self.text, after, self.s.end)):
            quoted = self._quote_near(read.end(), max_gap=0)
        if quoted is None and (colon := _WHEN_COLON.match(self.text, after, self.s.end)):
            quoted = self._quote_near(colon.end(), max_gap=0)  # "tweeted during the break: '…'"
        if quoted is not None and quoted.mark not in self.used:
            self.used.add(quoted.mark)
            return [self._make((quoted.start, quoted.end), speaker, cue, at, "direct", 0.9)]
        return self._clause_after(match, speaker, after, subject)

    def _clause_after(
        self, match: re.Match[str], speaker: str, after: int, subject: Subject
    ) -> list[Attribution]:
        """The reported clause after a cue, else the content before a closing cue."""
        cue, at = match.group(), match.start()
        start, confidence = self._content_start(after, cue)
        if start is None and self._parenthetical(at, after):
            start, confidence = after + 1, 0.75
        if start is None:
            return self._reported_before(match, speaker)
        span = self._clause_end(start, subject.subordinate)
        if _words(self.text, *span) < 3:
            return []
        return [self._make(span, speaker, cue, at, "indirect", confidence)]

    def _parenthetical(self, at: int, after: int) -> bool:
        """ "The levy, she wrote, had raised …": the cue and its speaker sit between commas."""
        aside = _PARENTHETICAL.search(self.text, self.s.start, at)
        if aside is None or not self.text.startswith(",", after):
            return False
        return not _NEW_CLAUSE.match(self.text, after, self.s.end)

    def _content_start(self, after: int, cue: str) -> tuple[int | None, float]:
        """Where the reported clause begins after the cue, and how sure that is."""
        window_end = min(self.s.end, after + 120)
        window = self.text[after:window_end]
        cut = _QUOTE_OR_STOP.search(window)
        window = window[: cut.start()] if cut else window
        if colon := _COLON_CONTENT.match(self.text, after, self.s.end):
            return colon.end(), 0.8  # "Priya Nair writes: the forecast cuts …"
        that = _THAT.search(window)
        near = that is not None and len(window[: that.start()].split()) <= 8
        if that is not None and near and not _FINITE.search(window, 0, that.start()):
            return after + that.end(), 0.85  # but not "said roads were cut and that …"
        if needs_that(cue):
            return None, 0.0  # "the package adds $886 billion": adding, not saying
        pos = after
        if cue in TELLING and (obj := _OBJECT.match(self.text, pos, self.s.end)):
            pos = obj.end()
        while adverbial := _ADVERBIAL.match(self.text, pos, self.s.end):
            pos = adverbial.end()
        head = self.text[pos : min(self.s.end, pos + 80)]
        if not head.strip() or head.lstrip()[:1] in ",.;:":
            return None, 0.0
        if (
            _NOT_CLAUSE.match(head)
            and not _HEDGED_FIGURE.match(head)
            and not (cue in EXPECT_FORMS and head.lstrip().startswith("to "))
        ):
            return None, 0.0  # "reiterated his vow to …", "said on Tuesday."
        if _FINITE.search(head) or _words(head, 0, len(head)) >= 4:
            return pos, 0.75
        return None, 0.0

    def _clause_end(self, start: int, subordinate: bool) -> tuple[int, int]:
        end = self.s.end
        stop = _CONTENT_STOP.search(self.text, start, min(end, start + _CLAUSE_REACH))
        if stop is not None:
            end = stop.start()
        if subordinate and (comma := _CLAUSE_COMMA.search(self.text, start, end)):
            end = comma.start()
        return _trim(self.text, start, end)

    def _reported_before(self, match: re.Match[str], speaker: str) -> list[Attribution]:
        """'The plan will fail, the minister said.' — content before a closing cue."""
        pos = match.end()
        if match.group() in TELLING and (obj := _OBJECT.match(self.text, pos, self.s.end)):
            pos = obj.end()
        while adverbial := _ADVERBIAL.match(self.text, pos, self.s.end):
            pos = adverbial.end()
        # Only _CLAUSE_REACH of the sentence is read: past it, an aside must have begun.
        reach = min(self.s.end, pos + _CLAUSE_REACH)
        aside = _ASIDE.search(self.text, pos, reach)
        if aside is None and reach < self.s.end:
            return []
        rest = self.text[pos : aside.start() if aside else reach]
        if _PLACE_AFTER.fullmatch(rest.rstrip(" .!?\"”'")):
            rest = ""  # "…, the coast guard told reporters at the quay."
        if rest.strip(" .!?\"”'") and not _speaker_only(rest.rstrip(" .!?")):
            return []
        comma = self.text.rfind(",", self.s.start, match.start())
        if comma < 0 or re.match(r",\s+(?:and|but|or|while)\b", self.text[comma : match.start()]):
            return []  # "…, and two-thirds of councils agreed." is no reporting clause
        span = _trim(self.text, self.s.start, self._content_end(speaker, match.start(), comma))
        if _words(self.text, *span) < 4:
            return []
        return [self._make(span, speaker, match.group(), match.start(), "indirect", 0.7)]

    def _content_end(self, speaker: str, cue: int, comma: int) -> int:
        """Where content before a closing cue ends when the speaker stands between commas
        before it, maybe after a title or before a "who" aside ("The toll rose to 14, the
        regional governor, Lena Brisk, told reporters."; '"…," one resident, who asked not to
        be named, told'): before the speaker and its title; else at ``comma``, the last comma
        before the cue."""
        at = self.text.rfind(speaker, self.s.start, cue) if speaker else -1
        after = self.text[at + len(speaker) : cue]
        if _WHO_ASIDE.fullmatch(after):  # "…," one resident, who asked not to be named, told
            after = ""
        if at < 0 or not _AUXILIARIES.issuperset(after.replace(",", " ").split()):
            return comma  # the name is not the cue's subject: "…, has just told"
        before = self.text.rfind(",", self.s.start, at)
        if before < 0 or self.text[before + 1 : at].strip(" \t\"”’'"):
            return comma  # no comma right before the speaker (a closing quote mark aside)
        lead = self.text.rfind(",", self.s.start, before)
        title = self.text[lead + 1 : before] if lead >= 0 else ""
        if TITLES.intersection(title.lower().split()) and len(title.split()) <= 6:
            return lead
        return before

    def _according_to(self, match: re.Match[str]) -> list[Attribution]:
        np = _ACCORDING_NP.match(self.text, match.end(), self.s.end)
        if np is None:
            return []
        speaker = _SOURCE_DOC.sub("", np.group(1).strip())
        speaker = _SOURCE_DETAILS.sub("", speaker) if len(speaker.split()) > 10 else speaker
        if not speaker or len(speaker.split()) > 10:
            return []
        before = _trim(self.text, self._left_bound(match.start()), match.start())
        if _words(self.text, *before) >= 3:
            span = before
        else:
            span = _trim(self.text, np.end(), self.s.end)
            span = (span[0], self._clause_end(span[0], False)[1]) if span[1] > span[0] else span
        if _words(self.text, *span) < 2:
            return []
        if self.subject is None:
            self.subject = speaker
        return [self._make(span, speaker, "according to", match.start(), "according_to", 0.85)]

    def _passive(self) -> list[Attribution]:
        """'… have been portrayed by the Biden administration as components of …'."""
        out: list[Attribution] = []
        if not may_hold(self.s, _PASSIVE_VOCABULARY):
            return out  # no participle of "… by X as …" here: spare the pattern the walk
        if self.text.find("by", self.s.start, self.s.end) < 0:
            return out
        for match in islice(_PASSIVE.finditer(self.text, self.s.start, self.s.end), MAX_CUES):
            span = _trim(self.text, match.start("content"), match.end("content"))
            if _words(self.text, *span) >= 2:
                speaker, cue = match.group("speaker").strip(), match.group("cue")
                out.append(self._make(span, speaker, cue, match.start(), "indirect", 0.75))
        return out


def _speaker_only(rest: str) -> bool:
    """Tell whether what follows a closing cue is only its speaker, maybe with a description
    after a comma: "said the minister", "said Ana Ruiz, a spokeswoman for the authority"."""
    named = _INVERTED.match(rest)
    if named is None:
        return False
    return named.end() == len(rest) or _INVERTED_APPOSITION.fullmatch(rest, named.end()) is not None


def find_attributions(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    parsed: Sequence[Attribution] = (),
    figures: Sequence[tuple[int, int]] = (),
) -> list[Attribution]:
    """Return the attributed claims of text with resolved speakers, in text order.

    parsed: candidates from a dependency parse, kept where the rules found nothing.
    figures: spans of numeric claims; in a transcript's answers they make a sentence a claim.
    """
    index = SentenceIndex(list(sentences))
    per_sentence: dict[int, list[Quote]] = {}
    for quote in quotes:
        per_sentence.setdefault(index.at(quote.mark), []).append(quote)
        closing = index.at(max(quote.mark, quote.stop - 1))
        if quote.closed and closing != index.at(quote.mark):
            # '"We asked for years. They listen only now," said R. Meenakshi': a quotation of
            # several sentences belongs also to the sentence its closing mark ends in
            per_sentence.setdefault(closing, []).append(quote)
    used: set[int] = set()
    # First: the quotation after "her words:" is hers, whatever cue words stand beside it
    # ("Her words, and I wrote them down: '…'").
    found = _in_their_words(text, sentences, quotes, used, index)
    for i, sentence in enumerate(sentences):
        if not may_hold(sentence, _READ_VOCABULARY):
            continue
        reader = _SentenceReader(text, sentence, i, per_sentence.get(i, []), used)
        found.extend(reader.read())
        used |= reader.used
    found.extend(p for p in parsed if not any(p.start < a.end and a.start < p.end for a in found))
    if turns := find_turns(text, sentences):
        found.extend(_turn_claims(text, sentences, turns, found, figures, index))
        found.extend(_intro_quotes(quotes, used, turns, index))
    found.extend(_labelled_quotes(text, quotes, used, index))
    if not turns:
        found.extend(_colon_lines(text, sentences, quotes, used, found))
    book = _resolve(text, sentences, found)
    found.extend(_quotes_by_context(text, sentences, quotes, used, found, index, book))
    found.extend(_unmarked_continuations(text, sentences, found))
    found = [part for att in found for part in _per_sentence(text, att, index)]
    found.sort(key=lambda a: (a.start, a.end))
    return _without_duplicates(text, found)


def _per_sentence(text: str, att: Attribution, index: SentenceIndex) -> list[Attribution]:
    """A direct quotation of several sentences as one claim per sentence.

    Each sentence of a quotation is a statement of its own: outlets quote one sentence and
    drop the other, and a reviewer checks each; one claim for both would join the groups of
    two statements ('"No patient was harmed. Repairs will take six weeks."').
    """
    if not att.direct:
        return [att]
    first, last = index.at(att.start), index.at(max(att.start, att.end - 1))
    if first == last:
        return [att]
    out: list[Attribution] = []
    for i in range(first, last + 1):
        s = index.sentences[i]
        start, end = max(s.start, att.start), min(s.end, att.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if _words(text, start, end) == 0:
            continue
        if out and (_words(text, start, end) < 3 or _words(text, out[-1].start, out[-1].end) < 3):
            out[-1] = replace(out[-1], end=end)  # "Fourteen." or "I know." says nothing alone
        else:  # each sentence keeps its own full stop
            out.append(replace(att, start=start, end=end, sentence=i))
    return out or [att]


# A broadcast script's sound-bite slug above a quote: "[SOT — PRIYA RAMAN, ENVIRONMENT AGENCY]".
_SLUG = re.compile(
    r"\[(?:SOT|SYNC|CLIP|GRAB|SOUNDBITE|INTERVIEW)\s*[—–:-]\s*([^\],\]]+)[^\]]*\]\s*$"
)
# A quoted claim signed after a dash: "“Crime has fallen by a third.” — Mayor Roland Avery,".
_SIGNED = re.compile(r"[ \t]*[—–][ \t]*((?:[A-Z][\w'’.-]*[ \t]+){0,4}[A-Z][\w'’.-]*)")


def _labelled_quotes(
    text: str, quotes: Sequence[Quote], used: set[int], index: SentenceIndex
) -> list[Attribution]:
    """Quotes whose speaker is a slug line above them or a name signed after a dash."""
    out: list[Attribution] = []
    for q in quotes:
        if q.mark in used:
            continue
        line = text[line_start(text, q.mark, lines=2) : q.mark]
        slug = _SLUG.search(line) if not line.rstrip(" \t").endswith(":") else None
        signed = _SIGNED.match(text, q.stop) if q.closed else None
        found = slug or signed
        if found is None:
            continue
        name = found.group(1).strip()
        speaker = name.title() if name.isupper() else name
        used.add(q.mark)
        sentence = index.at(q.mark)
        out.append(
            Attribution(q.start, q.end, speaker, None, q.mark, True, "direct", 0.8, sentence)
        )
    return out


# Pattern: (In)? his|her|their (own)? words(, …)?[:,] "QUOTE" | CLAUSE — what a speaker said in
# the words that follow, the speaker named before ("Her words, and I wrote them down: '…'",
# "In his words, the evacuation was a choice to spare the town").
_THEIR_WORDS = re.compile(
    r"\b(?:[Ii]n\s+)?(?P<whose>[Hh]is|[Hh]er|[Tt]heir)\s+(?:own\s+)?words\b"
    r"(?:,[^.!?;:\"“”,]{1,40})?\s*[:,]\s*"
)


def _in_their_words(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    used: set[int],
    index: SentenceIndex,
) -> list[Attribution]:
    """What follows "in his words" or "her words:": a quotation, else the rest of the sentence,
    said by whom the pronoun means (resolved as a cue's "he" or "she" is)."""
    out: list[Attribution] = []
    by_mark: dict[int, Quote] | None = None  # built at the first match: most texts have none
    at = text.find(" words")
    while at >= 0:
        match = _THEIR_WORDS.search(text, max(0, at - 12), at + 60)
        at = text.find(" words", at + 1)
        if match is None:
            continue
        i = index.at(match.start())
        speaker = PRONOUN_OF_POSSESSIVE[match["whose"].lower()]
        by_mark = {q.mark: q for q in quotes} if by_mark is None else by_mark
        if (quote := by_mark.get(match.end())) is not None:
            used.add(quote.mark)
            span, kind = (quote.start, quote.end), "direct"
        else:
            span, kind = _trim(text, match.end(), sentences[i].end), "indirect"
            if _words(text, *span) < 4:
                continue
        out.append(
            Attribution(*span, speaker, None, match.start(), kind == "direct", kind, 0.75, i)
        )
    return out


# "Ortiz: 'We will not raise taxes.'" or a headline "Haddad: Strike Talks Will Resume".
_COLON_LINE = re.compile(r"((?:[A-Z][\w'’.&-]*[ \t]+){0,3}[A-Z][\w'’.&-]*)[ \t]*:[ \t]+(?=\S)")


def _colon_lines(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    used: set[int],
    found: list[Attribution],
) -> list[Attribution]:
    """A sentence opened by a name and a colon says what follows, quoted or not."""
    out: list[Attribution] = []
    for i, sentence in enumerate(sentences):
        if text.find(":", sentence.start, sentence.end) < 0:
            continue  # every label ends in a colon
        label = _COLON_LINE.match(text, sentence.start, sentence.end)
        if label is None or label.group(1).split()[0] in NOT_SPEAKERS:
            continue
        name = label.group(1)
        if not _named_elsewhere(text, name, label.start()):
            continue
        if any(a.sentence == i and a.start >= label.end() for a in found):
            continue  # its own cue already reports what follows
        quote = next((q for q in quotes if label.end() <= q.mark < sentence.end), None)
        if quote is not None and quote.mark not in used and quote.mark - label.end() <= 1:
            used.add(quote.mark)
            span = (quote.start, quote.end)
        else:
            span = _trim(text, label.end(), sentence.end)
        if _words(text, *span) >= 2:
            out.append(Attribution(*span, name, None, label.start(), True, "direct", 0.7, i))
    return out


def _named_elsewhere(text: str, name: str, at: int) -> bool:
    """A colon label speaks when it is a person or body the article names elsewhere too:
    "Ortiz: …" after "Mayor Lena Ortiz said"; never a shouted slug ("FLASH:", "POLICE APPEAL:")."""
    if name.isupper() or len(name.split()) > 4:
        return False
    if person_name(name) is None and not (len(name.split()) > 1 and is_organisation(name)):
        return False
    last = re.escape(name.split()[-1])
    return any(
        m.start() != at + len(name) - len(name.split()[-1])
        for m in re.finditer(rf"\b{last}\b", text)
    )


def _turn_claims(
    text: str,
    sentences: Sequence[Sentence],
    turns: list[Turn],
    found: list[Attribution],
    figures: Sequence[tuple[int, int]],
    index: SentenceIndex,
) -> list[Attribution]:
    """Give "I"/"we" in an answer the answerer's name, make each answer sentence that states a
    figure a direct claim of the answerer, and each recorded clip a quotation.

    Turns, sentences, figures and what was found are each read once in position order (with
    bisection): a transcript of many turns costs no more per turn than one of few.
    """
    out: list[Attribution] = []
    spans = _Spans(found)
    starts = [t.start for t in turns]
    for att in found:
        if (att.speaker or "").lower() in FIRST_PERSON_SPEAKERS:
            k = bisect_right(starts, att.cue_at) - 1
            if k >= 0 and att.cue_at < turns[k].end and turns[k].speaker is not None:
                att.speaker = turns[k].speaker
    ends = [s.end for s in sentences]
    said = sorted(figures)
    for turn in turns:
        if turn.speaker is None:
            continue
        if turn.clip:  # "FESK (RECORDED): Our town has lost its heart.": all of it was said
            span = _trim(text, turn.start, turn.end)
            if _words(text, *span) >= 3 and not spans.overlaps(*span):
                i = index.at(span[0])
                out.append(Attribution(*span, turn.speaker, None, span[0], True, "direct", 0.8, i))
            continue
        # the sentences whose end lies in the turn
        for i in range(bisect_left(ends, turn.start), bisect_right(ends, turn.end)):
            start, end = max(sentences[i].start, turn.start), sentences[i].end
            if text[start:end].rstrip().endswith("?"):
                continue
            k = bisect_left(said, (start, -1))
            while k < len(said) and said[k][0] <= end:
                f0, f1 = said[k]
                if f1 <= end and not spans.holds(f0, f1):  # a figure no claim states yet
                    out.append(
                        Attribution(start, end, turn.speaker, None, start, True, "direct", 0.7, i)
                    )
                    break
                k += 1
    return out


class _Spans:
    """The spans of claims found, sorted by start with the furthest end reached so far: whether
    one overlaps or holds a span is then a bisection, not a walk through all of them."""

    def __init__(self, found: Sequence[Attribution]) -> None:
        ordered = sorted((a.start, a.end) for a in found)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span begins before end and ends after start."""
        k = bisect_left(self.starts, end) - 1
        return k >= 0 and self.reach[k] > start

    def holds(self, start: int, end: int) -> bool:
        """Some span begins at or before start and ends at or after end."""
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.reach[k] >= end


def _intro_quotes(
    quotes: Sequence[Quote], used: set[int], turns: list[Turn], index: SentenceIndex
) -> list[Attribution]:
    """A quotation in an interview's headline or introduction is the interviewee's."""
    guest = next((t.speaker for t in turns if t.speaker), None)
    if guest is None:
        return []
    return [
        Attribution(q.start, q.end, guest, None, q.start, True, "direct", 0.6, index.at(q.mark))
        for q in quotes
        if q.mark < turns[0].start and q.mark not in used
    ]


class _Indirect:
    """The indirect attributions found, by where their content starts, each with its place
    in the list found: _enclosing then reads only those starting just before a cue."""

    def __init__(self, found: list[Attribution]) -> None:
        self.items = sorted((a.start, i, a) for i, a in enumerate(found) if a.kind == "indirect")
        self.starts = [start for start, _, _ in self.items]

    def enclosing(self, att: Attribution) -> Attribution | None:
        """The indirect attribution whose content opens with this cue's subject: the first
        found of those starting in the 25 characters up to the cue."""
        lo = bisect_right(self.starts, att.cue_at - 25)
        hi = bisect_right(self.starts, att.cue_at)
        near = [(i, a) for _, i, a in self.items[lo:hi] if a is not att]
        if not near:
            return None
        other = min(near, key=lambda pair: pair[0])[1]
        return other if other.cue_at < att.cue_at else None


def _resolve(text: str, sentences: Sequence[Sentence], found: list[Attribution]) -> NameBook:
    """Resolve every raw speaker in text order; return the names the text gave."""
    resolver = Resolver(build_name_book(text, sentences))
    indirect = _Indirect(found)
    for att in sorted(found, key=lambda a: a.cue_at):
        para = sentences[att.sentence].para
        raw = att.speaker
        said_from = att.start if att.start < att.cue_at else None
        att.speaker, att.resolved = resolver.resolve(raw, att.cue_at, para, said_from)
        outer = indirect.enclosing(att) if (raw or "").lower() in PRONOUNS else None
        if not att.resolved and outer is not None:  # "X said it expected …": it is X
            att.speaker, att.resolved = outer.speaker, outer.resolved
        if not att.resolved:
            att.confidence = round(att.confidence - 0.1, 2)
    return resolver.book


def _quotes_by_context(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    used: set[int],
    found: list[Attribution],
    index: SentenceIndex,
    book: NameBook,
) -> list[Attribution]:
    """Give each quotation no cue claimed the speaker of its sentence, else of its paragraph."""
    out: list[Attribution] = []
    context = _Context(sentences, found, book)
    quoted_in = _quoted_paragraphs(sentences, found)
    for quote in quotes:
        if quote.mark in used:
            continue
        si = index.at(quote.mark)
        para = sentences[si].para
        same = context.by_sentence.get(si, [])
        source: Attribution | None
        if same:
            source = min(same, key=lambda a: (a.cue_at > quote.mark, abs(a.cue_at - quote.mark)))
            confidence = 0.8
        else:
            source = context.paragraph_speaker(para, quote.mark)
            source = source or context.paragraph_person(para, si, quote.mark)
            confidence = 0.6
            opens = quote.mark == context.para_start[para]  # sentences start trimmed
            if source is None and opens:  # a paragraph opening with a quotation, no speaker
                source, confidence = quoted_in.get(para - 1), 0.5
            if source is None or _words(text, quote.start, quote.end) < 3:
                continue
        if not source.resolved:
            confidence -= 0.1
        claim = _quoted(source, quote.start, quote.end, si, confidence)
        quoted_in.setdefault(para, claim)
        out.append(claim)
    return out


def _quoted_paragraphs(
    sentences: Sequence[Sentence], found: list[Attribution]
) -> dict[int, Attribution]:
    """The last direct quotation with a speaker in each paragraph.

    Pattern: a paragraph that opens with a quotation and names no speaker continues the
    quotation of the paragraph before ('"I started at 22," Marek said. ¶ "Back then we …').
    """
    out: dict[int, Attribution] = {}
    for att in sorted(found, key=lambda a: a.start):
        if att.direct and att.speaker:
            out[sentences[att.sentence].para] = att
    return out


def _quoted(source: Attribution, start: int, end: int, sentence: int, conf: float) -> Attribution:
    """A direct quotation at [start, end) said by source's speaker."""
    return replace(
        source, start=start, end=end, direct=True, kind="direct", confidence=conf, sentence=sentence
    )


class _Context:
    """Speakers by sentence and paragraph, and people named, sorted once for bisection: every
    quotation then finds its speaker in logarithmic time, however long the paragraph."""

    def __init__(
        self, sentences: Sequence[Sentence], found: list[Attribution], book: NameBook
    ) -> None:
        self.by_sentence: dict[int, list[Attribution]] = {}
        by_para: dict[int, list[Attribution]] = {}
        for att in found:
            if att.speaker:
                self.by_sentence.setdefault(att.sentence, []).append(att)
                by_para.setdefault(sentences[att.sentence].para, []).append(att)
        self.by_para = {p: sorted(atts, key=lambda a: a.cue_at) for p, atts in by_para.items()}
        self.cue_ats = {p: [a.cue_at for a in atts] for p, atts in self.by_para.items()}
        self.para_start: dict[int, int] = {}
        for sentence in sentences:
            self.para_start.setdefault(sentence.para, sentence.start)
        self.mentions = sorted(book.mentions)
        self.positions = [pos for pos, _ in self.mentions]

    def paragraph_speaker(self, para: int, at: int) -> Attribution | None:
        """The last speaker before at in the paragraph, else the first one after it."""
        atts, cue_ats = self.by_para.get(para, []), self.cue_ats.get(para, [])
        last = bisect_left(cue_ats, at) - 1
        if last >= 0:
            return atts[bisect_left(cue_ats, cue_ats[last])]  # the first of equal positions
        return atts[0] if atts else None

    def paragraph_person(self, para: int, si: int, at: int) -> Attribution | None:
        """The last person named in the paragraph before a quote: "Chief executive Dan Mbeki …"."""
        last = bisect_left(self.positions, at) - 1
        if last < 0 or self.positions[last] < self.para_start[para]:
            return None
        pos, name = self.mentions[last]
        return Attribution(pos, pos, name, None, pos, True, "direct", 0.5, si, True)


def _unmarked_continuations(
    text: str, sentences: Sequence[Sentence], found: list[Attribution]
) -> list[Attribution]:
    """Sentences in "we"/"I" that follow a direct quote in its paragraph lost their marks."""
    out: list[Attribution] = []
    claimed = {a.sentence for a in found}
    for att in [a for a in found if a.direct and a.speaker and not text[a.start].islower()]:
        run: list[int] = []  # a partial quote ("would “take 9,000 lorries”") is not continued
        j = sentences_after = att.sentence + 1
        while j < len(sentences) and sentences[j].para == sentences[att.sentence].para:
            chunk = text[sentences[j].start : sentences[j].end]
            if j in claimed or re.search(r"[\"“”]", chunk) or CUE.search(chunk):
                break
            if not _FIRST_PERSON.search(chunk):
                break
            run.append(j)
            j += 1
        if run and run[0] == sentences_after:
            start, end = sentences[run[0]].start, sentences[run[-1]].end
            out.append(_quoted(att, start, end, run[0], 0.4))
            claimed.update(run)
    return out


# How many claims kept last are compared with the next: nested claims of one statement sit
# side by side in text order, and the bound keeps the pass linear.
_NEST_REACH = 4


def _without_duplicates(text: str, found: list[Attribution]) -> list[Attribution]:
    """Keep one claim per statement (found sorted by span).

    Two claims of one speaker, one inside the other, are one statement read twice: a quotation
    inside a longer quotation of the same person ("I know. I have known them all." and "I have
    known them all.") keeps the longer; a reported clause that only introduces a quotation
    after a colon ('told a meeting: "No patient was harmed."') keeps the quotation. A quoted
    fragment inside a reported clause ('said the city would "not pay"') is kept with it: the
    clause is the statement, the fragment its words.
    """
    out: list[Attribution] = []
    for att in found:
        drop = False
        for i in range(len(out) - 1, max(-1, len(out) - 1 - _NEST_REACH), -1):
            kept = out[i]
            if (kept.start, kept.end) == (att.start, att.end):
                drop = True  # one span is one claim, whoever else was read as saying it
            elif kept.speaker != att.speaker or not kept.start <= att.start < att.end <= kept.end:
                continue
            elif att.direct and kept.direct:
                drop = True
            elif (
                att.direct
                and not kept.direct
                and (_introduces(text, kept, att.start) or _only_quoted(text, kept, att))
            ):
                out[i] = att  # the quotation is what was said; the words before it set it up
                drop = True
            if drop:
                break
        if not drop:
            out.append(att)
    out.sort(key=lambda a: (a.start, a.end))
    return out


def _only_quoted(text: str, clause: Attribution, quotation: Attribution) -> bool:
    """True when a reported clause holds nothing but the quotation and its marks ('"The water
    came in minutes,"' before '…, one resident told the agency')."""
    marks = " \t\n,.;:\"“”'‘’"
    inner = text[quotation.start : quotation.end].strip(marks)
    return text[clause.start : clause.end].strip(marks) == inner


def _introduces(text: str, clause: Attribution, quoted: int) -> bool:
    """Tell whether a reported clause only introduces the quotation at quoted: its words end in
    a colon before it and hold no verb of their own, past its cue ("a public meeting on Monday
    night:", "vowed:"), unlike "crime was an imperfect measure: …", a statement of its own."""
    head = text[clause.start : quoted].rstrip("\"“‘' \t")
    if not head.endswith(":"):
        return False
    lo = clause.start
    if clause.cue and clause.start <= clause.cue_at < quoted:
        lo = clause.cue_at + len(clause.cue)
    return _FINITE.search(text, lo, clause.start + len(head)) is None
