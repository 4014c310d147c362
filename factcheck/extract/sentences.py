"""Split text into sentences and paragraphs with character offsets (no spaCy: it is faster)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon.grammar import ABBREVIATIONS, HEADLINE_SMALL_WORDS

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A "sentence" longer than this is cut (at a space where there is one) so that every pass that
# looks around inside a sentence does bounded work: pasted tables or hostile input stay linear.
MAX_SENTENCE = 1500
# The most candidates (numbers, cue words) a pass reads in one sentence: more is a table or
# noise, and reading every one of a million "1 1 1 …" would hold a core for minutes.
MAX_CANDIDATES = 64
# The most cue words read in one sentence: real sentences have a few; each costs a look around.
MAX_CUES = 16


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span; para counts non-blank lines; headline marks title-case lines."""

    start: int
    end: int
    para: int
    headline: bool
    # Its maximal runs of letters a-z after fold_case, read once by split_sentences: a pass
    # whose pattern needs a word that is not among them skips the sentence (see may_hold).
    words: frozenset[str] | None = field(default=None, compare=False)

    # Written out so that mypyc compiles it (see Found.__init__ in types.py).
    def __init__(
        self, start: int, end: int, para: int, headline: bool, words: frozenset[str] | None = None
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "para", para)
        object.__setattr__(self, "headline", headline)
        object.__setattr__(self, "words", words)


def is_headline(line: str) -> bool:
    """Tell whether a line reads like a headline or heading (mostly capitalised words).

    At most 30 words, at least 80% of them capitalised (small words aside): so a seventh
    word in lower case or a 31st word settles it, and a paragraph of prose is read no further.
    """
    words = lower = 0
    for match in _WORD.finditer(line):
        word = match.group()
        if word.lower() in HEADLINE_SMALL_WORDS:
            continue
        words += 1
        if not word[0].isupper():
            lower += 1
        if lower > 6 or words > 30:
            return False
    return words >= 2 and words - lower >= 0.8 * words


def _is_abbreviation(text: str, stop: int) -> bool:
    """Tell whether the full stop at index stop closes an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if match is None:
        return False
    word = match.group(1)
    if "." in word:  # U.S. / e.g.
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of text in order; every line break ends a sentence.

    A sentence longer than MAX_SENTENCE characters is cut into pieces of at most that length.
    """
    sentences: list[Sentence] = []
    para = -1
    runs = letter_runs_text(fold_case(text))
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        para += 1
        headline = len(line.group()) <= MAX_SENTENCE and is_headline(line.group())
        begin = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, boundary.start()):
                continue
            _add(sentences, text, runs, begin, boundary.end(), para, headline)
            begin = boundary.end()
        _add(sentences, text, runs, begin, line.end(), para, headline)
    return sentences


def _add(
    sentences: list[Sentence],
    text: str,
    runs: str,
    begin: int,
    end: int,
    para: int,
    headline: bool,
) -> None:
    """Append the trimmed span [begin, end), cut into pieces of at most MAX_SENTENCE."""
    while True:
        start, stop = _trimmed(text, begin, end)
        if start >= stop:
            return
        if stop - start <= MAX_SENTENCE:
            sentences.append(_sentence(runs, start, stop, para, headline))
            return
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        sentences.append(_sentence(runs, *_trimmed(text, start, cut), para, headline))
        begin = cut


def _sentence(runs: str, start: int, stop: int, para: int, headline: bool) -> Sentence:
    """A sentence with its letter runs, read from letter_runs_text of the text."""
    return Sentence(start, stop, para, headline, frozenset(runs[start:stop].split()))


def line_start(text: str, pos: int, *, lines: int = 1, reach: int = 300) -> int:
    """Where the line holding pos begins (lines=2: the line before it), looking back at most
    reach characters: a bounded look, so that no pass rescans the whole text at every figure."""
    floor = max(0, pos - reach)
    end = pos
    for _ in range(lines):
        newline = text.rfind("\n", floor, end)
        if newline < 0:
            return floor
        end = newline
    return end + 1


def fold_case(text: str) -> str:
    """text in lower case, each character kept in its place, folded as (?i:…) folds it onto
    ASCII letters ("ſ" is an "s", "İ" and "ı" are an "i", the Kelvin sign a "k").

    An ASCII word found in the result is where (?i:word) matches in text.
    """
    if text.isascii():
        return text.lower()
    return text.replace("İ", "i").lower().replace("ſ", "s").replace("ı", "i")


_LETTERS = re.compile(r"[a-z]+")


# Every byte but a-z becomes a space; encoding with "replace" first turns each character
# outside ASCII into one "?", so that offsets are kept.
_RUNS_ONLY = bytes(b if ord("a") <= b <= ord("z") else ord(" ") for b in range(256))


def letter_runs_text(folded: str) -> str:
    """folded with every character but a-z made a space, in place: the split() of a slice
    is what letters_in finds in it (one pass in C instead of a regex per sentence)."""
    return folded.encode("ascii", "replace").translate(_RUNS_ONLY).decode("ascii")


def letters_in(folded: str, start: int, end: int) -> frozenset[str]:
    """The maximal runs of letters a-z in folded[start:end] (folded: fold_case of a text)."""
    return frozenset(_LETTERS.findall(folded, start, end))


def is_word_char(char: str) -> bool:
    """What \\w matches in a str pattern: a letter or digit of any script, or "_"."""
    return char.isalnum() or char == "_"


def letter_runs(words: Iterable[str]) -> frozenset[str]:
    """The first letter run of each word, in lower case ("baker's dozen" → "baker"): what
    Sentence.words holds where the word stands as a whole word (no letter a-z before it)."""
    runs: set[str] = set()
    for word in words:
        run = _LETTERS.match(fold_case(word))
        if run is None:
            raise ValueError(f"{word!r} does not open with a letter a-z: give words that do")
        runs.add(run.group())
    return frozenset(runs)


def may_hold(sentence: Sentence, vocabulary: frozenset[str]) -> bool:
    """Tell whether a pattern that needs one of vocabulary's letter runs, as a whole run in a
    match, can match in the sentence (always True when its words were not read)."""
    return sentence.words is None or not vocabulary.isdisjoint(sentence.words)


class SentenceIndex:
    """Find the sentence that holds a character offset in O(log n)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> int:
        """Return the index of the sentence containing offset (or the nearest before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, text: str, start: int, end: int) -> str:
        """The sentence (or sentences) of ``text`` that hold the span start:end."""
        if not self.sentences:
            return text[start:end]
        first = self.sentences[self.at(start)]
        last = self.sentences[self.at(max(start, end - 1))]
        return text[first.start : max(last.end, first.end)]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], cut exactly as the extractor cuts it."""
    return SentenceIndex(split_sentences(text)).around(text, start, end)
