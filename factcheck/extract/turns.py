"""Transcripts and interviews: who holds the floor in each paragraph.

Two layouts are read. Labelled turns: lines that open with "NAME:", "SURNAME:", "Q:" or "A:"
(a label holds until the next one). Unlabelled Q&A: an article that introduces "an interview
with X" and then alternates questions (paragraphs ending in "?") with X's answers.
Answers belong to the interviewee; questions are the interviewer's and are not claims.
A recorded clip ("FESK (RECORDED): Our town has lost its heart.") is a quotation of the person
named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon.people import HOST_LABELS
from .sentences import Sentence
from .speakers import person_name

# "NAME:", "Q:", a role with the name in brackets: "HOST (DANA PRIES):", or a recorded clip
# of the named person: "FESK (RECORDED):".
_LABEL = re.compile(
    r"(Q|A|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,5}|[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,3})"
    r"(?: \((?:(?P<clip>RECORDED|CLIP|SOT|SOUNDBITE|ON TAPE|TAPE)|"
    r"(?P<named>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){1,4}))\))? ?: +(?=\S)"
)
# A full name anywhere in the text, for a surname label: "OKONJO:" after "Samuel Okonjo".
_FULL_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3}\b")
_INTRO = re.compile(
    r"\b(?:interview|Q&A|conversation|in talks?)\s+with\s+((?:[\w'’.-]+\s+){0,4}?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)
# One of these opens every match of _INTRO, as written there.
_INTRO_WORDS = ("interview", "Q&A", "conversation", "in talk")
_FIRST_PERSON = re.compile(r"\b(?:I|I[’']\w+|we|We|we[’']\w+|We[’']\w+|my|My|our|Our|us|me)\b")
_MIN_LABELS = 2


@dataclass(frozen=True, slots=True)
class Turn:
    """A paragraph's speaker: [start, end) is its text after any label."""

    start: int
    end: int
    speaker: str | None  # None while the interviewer asks
    para: int
    clip: bool = False  # a recorded clip: every word of the turn is the speaker's quotation


def _paragraphs(sentences: Sequence[Sentence]) -> list[tuple[int, int, int]]:
    """(start, end, para) of every non-headline paragraph."""
    out: list[tuple[int, int, int]] = []
    for s in sentences:
        if out and out[-1][2] == s.para:
            out[-1] = (out[-1][0], s.end, s.para)
        elif not s.headline:
            out.append((s.start, s.end, s.para))
    return out


def _label_speaker(label: str, earlier: dict[str, str]) -> str | None:
    """ "DEPUTY CHIEF CONSTABLE ANITA BROOKS" → "Anita Brooks"; "BROOKS" → the earlier full name."""
    words = label.title().split() if label.isupper() else label.split()
    if len(words) == 1:
        return earlier.get(words[0])
    name = person_name(" ".join(words))
    if name is None or len(name.split()) < 2:
        return None
    if label.isupper():  # "HARBOUR MASTER OWEN TALLIS": the name is the last two words
        name = " ".join(name.split()[-2:])
    earlier[name.split()[-1]] = name
    return name


def _full_names(text: str) -> dict[str, str]:
    """Each surname the text gives with a full name, mapped to the first full name it ends.

    Pattern: a one-word label ("OKONJO:") names the person the text called "Samuel Okonjo"
    (in a title or an introduction before the turns).
    """
    names: dict[str, str] = {}
    for match in _FULL_NAME.finditer(text):
        name = person_name(match.group())
        if name is not None and len(name.split()) >= 2:
            names.setdefault(name.split()[-1], name)
    return names


# A capitalised word after a title or a first name: "Dr Brennvik", "Mayor Fesk".
_NAMED_SURNAME = re.compile(r"\b[A-Z][\w'’.-]* ([A-Z][a-z'’-]+)\b")


def _named_surnames(text: str) -> set[str]:
    """The surnames the text gives after a title or a first name."""
    return {m.group(1) for m in _NAMED_SURNAME.finditer(text)}


def _labelled(text: str, paras: list[tuple[int, int, int]]) -> list[Turn]:
    turns: list[Turn] = []
    earlier: dict[str, str] | None = None  # read from the whole text at the first name label
    surnames: set[str] | None = None  # read at the first clip label no full name explains
    labels = 0
    speaker: str | None = None
    in_turns = False
    for start, end, para in paras:
        match = _LABEL.match(text, start, end)
        label = (match["named"] or match.group(1)) if match else ""
        named = None
        if label not in ("", "Q", "A"):
            earlier = _full_names(text) if earlier is None else earlier
            named = _label_speaker(label, earlier)
            if named is None and match and match["named"]:
                # "ANA RUIZ (MAYOR OF MARL):": the brackets hold a role, the name is before
                label = match.group(1)
                named = _label_speaker(label, earlier)
        if named is None and match and " " not in label and label not in ("Q", "A"):
            # "RUIZ:" or "BRENNVIK (RECORDED):" after "Mayor Ruiz" or "Dr Brennvik told me":
            # the surname is who speaks
            surnames = _named_surnames(text) if surnames is None else surnames
            named = label.title() if label.title() in surnames else None
        host = match is not None and label.lower() in HOST_LABELS
        if label in ("Q", "A") or named is not None or host:
            labels += 1
            in_turns = True
            speaker = named if label != "Q" and not host else None
            speaker = "" if label == "A" else speaker  # the interviewee, named later
            assert match is not None
            clip = match["clip"] is not None and speaker is not None
            turns.append(Turn(match.end(), end, speaker, para, clip))
        elif in_turns:
            answer_after_question = speaker is None and text[start:end].rstrip()[-1:] != "?"
            turns.append(Turn(start, end, "" if answer_after_question else speaker, para))
    return turns if labels >= _MIN_LABELS else []


def _alternating(text: str, paras: list[tuple[int, int, int]]) -> list[Turn]:
    """Questions end in "?"; the paragraph after one is an answer, and so is any paragraph
    after an answer that speaks in the first person."""
    turns: list[Turn] = []
    previous: str | None = "-"  # "-" before the first question
    for start, end, para in paras:
        chunk = text[start:end]
        question = chunk.rstrip().endswith("?")
        if previous == "-" and not question:
            continue
        if question or previous == "" and not _FIRST_PERSON.search(chunk):
            turns.append(Turn(start, end, None, para))
            previous = None
        else:
            turns.append(Turn(start, end, "", para))
            previous = ""
    questions = sum(1 for t in turns if t.speaker is None)
    return turns if questions >= _MIN_LABELS else []


def interviewee(text: str) -> str | None:
    """The person an interview is with: "Q&A with Dr Lena Vogt" → "Lena Vogt"."""
    end = min(len(text), 1500)
    if not any(text.find(word, 0, end) >= 0 for word in _INTRO_WORDS):
        return None  # the words _INTRO opens with are nowhere in reach: spare it the walk
    intro = _INTRO.search(text, 0, end)
    return person_name(intro.group(1)) if intro else None


def find_turns(text: str, sentences: Sequence[Sentence]) -> list[Turn]:
    """Return the speaking turns of a transcript or interview; [] for an ordinary article.

    An answer whose speaker is only "the interviewee" gets the name from the introduction.
    """
    paras = _paragraphs(sentences)
    guest = interviewee(text)
    turns = _labelled(text, paras)
    if not turns and guest is not None:
        turns = _alternating(text, paras)
    return [Turn(t.start, t.end, guest, t.para, t.clip) if t.speaker == "" else t for t in turns]
