"""Hostile inputs for the extractor's growth test and benchmark: each builds about n characters.

Each is a pattern that once made a pass re-read the rest of the text at every candidate:
digit runs, cue words with no sentence end, quotation marks, capitals, dashes, brackets and
number words repeated with no full stop.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


HOSTILE: dict[str, Callable[[int], str]] = {
    "digit groups 123,123,…": lambda n: ",".join(["123"] * max(1, n // 4)),
    "spaced digits 1 1 1 …": _repeat("1 "),
    "the minister said that …": _repeat("the minister said that "),
    "according to according to …": _repeat("according to "),
    "double quotes": _repeat('"'),
    "quote, word, quote": _repeat('"a" '),
    "single quotes": _repeat("' a"),
    "capitalised words": _repeat("Abc "),
    "capitals then said": lambda n: _repeat("Abc Def ")(n) + "said the plan works.",
    "dashes": _repeat("-"),
    "numbers and dashes": _repeat("1-"),
    "open brackets": _repeat("("),
    "bracketed words": _repeat("[a] "),
    "number words": _repeat("one "),
    "number word phrases": _repeat("twenty one hundred "),
    "commas": _repeat(", a"),
    # issue #10 speaker rules: a pronoun read back to the sentence before, a passive
    # "was quoted … as saying", counted nouns before a cue, a clip label on every line
    "She had said, she said …": _repeat("She had said, she said "),
    "was quoted … as saying …": _repeat("Ana Ruiz was quoted at the quay as saying "),
    "two inspection reports …": _repeat("two inspection reports "),
    "clip labels": lambda n: (
        "Dr Fesk spoke.\n\n" + _repeat("FESK (RECORDED): Our town has lost its heart.\n\n")(n)
    ),
    "turn labels, she said": _repeat("OSTBY: Yes, Mr Vesk spoke. She said it works.\n\n"),
    # session 11: firms named inside sentences for "the company", group subjects before a
    # participle, quotations after a colon inside a reported clause
    "firms then the company": _repeat("as Vell Coal Holdings began, the company said it works "),
    "group subjects, saying": _repeat("Rescue teams ended it, saying "),
    'told a meeting: "…"': _repeat('Ana Ruiz told a meeting: "We agree. It works." '),
    # session 21: what "in his words" introduces, a participle's aside after a subject
    "in his words, …": _repeat("Ana Ruiz spoke. In his words, "),
    'her words: "…"': _repeat('Ana Ruiz spoke. Her words: "It works." '),
    "subject, saying …, verb": _repeat("The Port Board, saying it works, has pledged "),
}
# Shapes that make factcheck.extract.voices read a body before or after a role word, repeated
# with no full stop; run through voices.spokespeople (ingest reads every article with it) and
# extract_claims alike.
VOICE_HOSTILE: dict[str, Callable[[int], str]] = {
    "role words spokesman spokesman …": _repeat("spokesman "),
    "Body spokeswoman Body spokeswoman …": _repeat("Port Authority spokeswoman "),
    "Name, a spokeswoman for …": _repeat(
        "Ana Ruiz, a spokeswoman for the Port Authority of Vell, "
    ),
    "Name, who runs …, who heads …": _repeat("Ruiz, who runs Vell, who heads "),
    "Body. Its spokeswoman, Name, …": _repeat("The Port Board met. Its spokeswoman, Ana Ruiz, "),
}


def _names(n: int) -> str:
    """About n characters of bodies, each named once, saying things in statements."""
    letters = "bcdfghklmnprstv"
    out: list[str] = []
    size, i = 0, 0
    while size < n:
        word, j = "", i
        while True:  # a different name each time: Bob, Bod, … in base 15
            word, j = letters[j % 15] + word, j // 15
            if not j:
                break
        part = f"The {word.capitalize()}a Harbour Board said in a statement that it works. "
        out.append(part)
        size, i = size + len(part), i + 1
    return "".join(out) + "The statement said so."


# Names of a whole article, each looked at beside every "said in a statement"
# (factcheck.speakers.written_for, at ingest).
NAMES_HOSTILE: dict[str, Callable[[int], str]] = {"bodies each saying in a statement": _names}
