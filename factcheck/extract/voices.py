"""Whom a named person speaks for, as an article says it (pure: no database).

A spokesperson, chief or head is written beside the body they speak for, in one of five
shapes; ``spokespeople`` reads them wherever a capitalised name stands in one (the full name or the
surname):

=====================================================  =====================================
before the name, a role after the body                 "port authority spokeswoman Ana Ruiz",
                                                       "The KLF's spokesman, Dorran Vesk"
after the name, a role "for" / "of" / "at" the body    "Ruiz, a spokeswoman for the authority",
                                                       "Oren Salvik, director of the NCDO"
after the name, the body's role                        "Piet Arnsdal, the company's managing
                                                       director"
after the name, "who heads / runs / leads" the body    "Viktor Hale, who has run Sarn Lake
                                                       Lines since 2011"
the name, "of" the body                                "Mr Salvik of the National Cyber
                                                       Defence Office"
=====================================================  =====================================

Before the name, "its" or "their" as the body ("The Sable Ridge Movement disputes that. Its
spokesman, Idris Marhal, said …") stands for the last body named in the few sentences before:
a capitalised name ending in an organisation noun, an acronym, or "the army" (its noun).

The roles are VOICE_ROLES: people who speak for a body, not titles that hold an office of
their own ("Foreign Minister Ilse Marchetti", "Mayor Linnea Osk" speak for no named body). The
body is what the words say, checked by the caller (factcheck.speakers.read_voices): a known
speaker, a name whose head is an organisation noun, or an acronym. "Rebel spokesman Dorran
Vesk" or "Managing director Piet Arnsdal" name no body and link nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.lexicon.people import (
    BODY_NOUNS,
    FIRM_NOUNS,
    INDEFINITES,
    ORG_WORDS,
    VOICE_BODY_STOPS,
    VOICE_ROLES,
    VOICE_VERBS,
)

_WORD = r"[\w&'’-]+"  # no full stop: a body never runs into the next sentence
# A body after "for" / "of" / "who heads": up to five words with "of", "and", "for" between
# them ("Ministry of Health", "the Karsk water board"), trimmed by _trim.
_BODY_AFTER = (
    rf"(?:(?:the|its)[ \t]+)?(?P<body>{_WORD}(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)?{_WORD}){{0,4}})"
)
_CAPITAL = r"[A-Z][\w&'’.-]*"
_BODY_NOUNS = ORG_WORDS | BODY_NOUNS | FIRM_NOUNS
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


_ROLE = rf"(?i:{_alternation(VOICE_ROLES)})"
_VERB = _alternation(VOICE_VERBS)


@dataclass(frozen=True, slots=True)
class Voice:
    """A person written as speaking for a body, and the words that say so."""

    person: str  # as written, maybe with words before the name: "On Monday Viktor Hale"
    body: str  # as written, without "the" or a possessive: "port authority", "KLF"
    role: str  # "spokeswoman", "has run"


# A person as written: capitalised words ("Ana Ruiz", "Mr Salvik", "Dr Halla Brennvik").
_PERSON = r"(?P<person>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+|[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’-]+)"
# The shapes with a role: each is looked for only around a role word (_ROLE_AT), so that an
# article is scanned once for roles instead of once per shape.
_AROUND_ROLE = (
    re.compile(
        rf"{_PERSON},\s+(?:(?:the|a|an|its|their)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
        rf"(?P<role>{_ROLE})\s+(?:for|of|at|with)\s+{_BODY_AFTER}"
    ),
    re.compile(
        rf"{_PERSON},\s+(?:the\s+)?(?P<body>(?:{_WORD}\s+){{0,3}}?{_WORD}(?:'s|’s|'|’)?)\s+"
        rf"(?:[a-z][\w-]*\s+)??(?P<role>{_ROLE})\b"
    ),
)
_ROLE_AT = re.compile(rf"\b(?P<role>{_ROLE})\b")
_PERSON_AFTER = re.compile(rf",?[ \t]+{_PERSON}")
_WHO = re.compile(rf"{_PERSON},\s+who\s+(?P<role>{_VERB})\s+{_BODY_AFTER}")
# "X of the body" only after a courtesy title: "Jane Doe of Boston" names a town, not a body.
_TITLED_OF = re.compile(
    rf"(?P<person>(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+(?:[A-Z][\w'’-]*[ \t]+)?[A-Z][\w'’-]+)"
    rf"[ \t]+(?P<role>of)[ \t]+{_BODY_AFTER}"
)
_REACH = 160  # characters around a role word or ", who" in which a shape is looked for


def spokespeople(text: str) -> list[Voice]:
    """The people ``text`` writes as speaking for a body, in the shapes of the module docstring.

    The caller decides which person is a known speaker (the name may carry words before it)
    and which body is a body; "the authority" comes back as "authority" for it to resolve
    within the article.
    """
    found: dict[Voice, None] = {}  # in order, once each (windows overlap)
    for role in _ROLE_AT.finditer(text):
        start = max(0, role.start() - _REACH)
        window = text[start : role.end() + _REACH]
        for pattern in _AROUND_ROLE:
            for m in pattern.finditer(window):
                found[_voice(m["person"], _POSSESSIVE.sub("", m["body"]), m["role"])] = None
        after = _PERSON_AFTER.match(text, role.end())
        if after is not None:
            body = _body_before(text[max(0, role.start() - 80) : role.start()])
            if not body and _ITS.search(text, max(0, role.start() - 12), role.start()):
                body = _body_named_before(text, role.start())
            found[Voice(after["person"], body, _role(role["role"]))] = None
    at = text.find(", who ")
    while at >= 0:
        window = text[max(0, at - _REACH) : at + _REACH]
        for m in _WHO.finditer(window):
            found[_voice(m["person"], m["body"], m["role"])] = None
        at = text.find(", who ", at + 1)
    for m in _TITLED_OF.finditer(text):
        found[_voice(m["person"], m["body"], m["role"])] = None
    return [v for v in found if v.body]


# Pattern: BODY …. Its|Their ROLE, NAME — the body a possessive pronoun before the role stands
# for: "The Sable Ridge Movement disputes that. Its spokesman, Idris Marhal, said …", "The Blue
# Lantern Society brought out 74 wounded, and their spokeswoman, Hana Pirelle, told me".
_ITS = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+$")
# A body's name: capitalised words ending in an organisation noun ("the Blue Lantern Society"),
# or an acronym ("the NDRA", not a transcript's "CORRESPONDENT:"), or "the" and a lower-case
# organisation noun ("the disaster authority", "the army": its noun, which read_voices takes
# for the one speaker of the article named with it).
_NAMED_BODY = re.compile(
    rf"\b[Tt]he[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?P<noun>{_alternation(tuple(_BODY_NOUNS))})\b"
    rf"|\b(?:[Tt]he[ \t]+)?(?P<name>{_CAPITAL}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{_CAPITAL})*)"
    r"\b(?!:)"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_BODY_REACH = 300  # characters before "its spokesman" in which its body is looked for


def _body_named_before(text: str, at: int) -> str:
    """The last body named in the _BODY_REACH characters before ``at``, if any."""
    last = ""
    for m in _NAMED_BODY.finditer(text, max(0, at - _BODY_REACH), at):
        name = m["name"] or m["noun"]
        if _ACRONYM.fullmatch(name) or name.split()[-1].lower() in _BODY_NOUNS:
            last = name
    return last


def _voice(person: str, body: str, role: str) -> Voice:
    return Voice(person, _trim(_POSSESSIVE.sub("", body)), _role(role))


def _role(role: str) -> str:
    return " ".join(role.split()).lower()


def _trim(body: str) -> str:
    """A body read forwards without the words after its name ("Sarn Lake Lines since 2011",
    "port authority said the"): cut back to a capitalised word or an organisation noun."""
    words = body.split()
    if words and words[0].lower() in INDEFINITES:  # "runs a fish-transport firm": no one body
        return ""
    while words and not (words[-1][:1].isupper() or words[-1].lower() in _BODY_NOUNS):
        words.pop()
    return " ".join(words)


def _body_before(head: str) -> str:
    """The body written just before a role: the last words of ``head`` back to a function word
    or the start of its clause ("… said the port authority" → "port authority"; a live blog's
    "14:05 - Movement spokesman" → "Movement")."""
    clause = re.split(r"[.;:!?\"“”()\[\]—–\n]|,\s|\s-\s", head.rstrip(" ,"))[-1]
    kept: list[str] = []
    for word in reversed(clause.split()):
        if word.lower() in VOICE_BODY_STOPS or len(kept) == 4:
            break
        kept.append(word)
    return _POSSESSIVE.sub("", " ".join(reversed(kept))).strip(" ,")
