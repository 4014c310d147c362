"""Speakers: one entity per person or organisation across the whole database.

A name is matched by its **speaker key**: factcheck.names.name_key (NFKC, invisible and bidi
characters gone, case and diacritics folded) of the name without its titles and articles
("Israeli Prime Minister Benjamin Netanyahu" → "benjamin netanyahu", "Gaza's health
ministry" and "the Gaza health ministry" → "gaza health ministry"). Every key a speaker is
known by is a SpeakerAlias row. A surname alone ("Netanyahu") joins a person only when exactly
one known person has that surname; otherwise it stays a speaker of its own, for an editor to
merge.

**Organisations.** The analogue of a surname is a short form (is_short_form): the full name's
words in order with some left out, on the same head noun and with a word besides it ("the
cyber defence office" for "National Cyber Defence Office"; a leading place word only where
the full name has none of its own). It joins when exactly one known organisation fits, found
by the head noun (kept in Speaker.surname, indexed); a full name written after its one short
form joins that speaker too. A firm's name without its firm word ("Pernitz" of "Pernitz
Chemicals", FIRM_NAME_ENDS) joins the one known firm named so, unless a known person has it
as a surname. Names that only one article can resolve are read in it alone
(written_for): an acronym is the name the article spells out ("the National Cyber Defence
Office (NCDO)"), a lone head noun ("the fund") the one body the article names on it, "the
company" or "the firm" the one firm it names, and a title alone ("the prosecutor", "the chief
executive") the one person it names right after that title ("Prosecutor Dana Holmqvist"), a
document ("the statement said") the one speaker it says put one out ("X said in a statement");
none is stored as an alias, since another article's "NRA" or prosecutor may be another.
An acronym alone in its article joins the one known organisation whose names give it
(acronyms, indexed in SpeakerInitials), and a full name written after a speaker known by
its acronym alone joins that speaker. Whatever fits two bodies stays apart, for an editor to
merge.

Rules change; rebuild_speakers (`factcheck speakers rebuild`) resolves the stored claims'
speakers again with today's, editors' merges and splits winning.

Editors merge and split speakers; claims follow, each change is an event. Articles stored
before voices were read get them from rescan_voices (`factcheck groups --rebuild`).

**Voices.** A person may speak for another speaker: "port authority spokeswoman Ana Ruiz",
"Ruiz, a spokeswoman for the authority", "Viktor Hale, who has run Sarn Lake Lines"
(factcheck.extract.voices reads the shapes). At ingest read_voices links each person named
in an article to the body it writes them as speaking for, when the body is a speaker of that
article, a known speaker, a name whose head is an organisation noun, or an acronym; "the
authority" is the one speaker of the article whose name ends so; a body written by part of its
name ("Movement spokesman Idris Marhal", "Sable Ridge spokesman …") is the one name of the
article, capitalised and ending in an organisation noun, that those words end or begin. The
link is a SpeakerVoice row: the two stay separate entities with their own names and counts,
and an attributed claim of either looks for its group under the body's key
(factcheck.groups.group_key), so what the authority said and what its spokeswoman said in the
same words join. The first article that
links a person decides; editors link and unlink by hand (link_voice, unlink_voice: an event
each, and ingest leaves a link set or unset by hand alone). A voice is one level deep: whoever
spoke for the person now speaks for the body.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck import counts, triage
from factcheck.audit import record
from factcheck.db import advisory_lock, check_page, like_pattern
from factcheck.errors import BadInput, NotFound
from factcheck.extract.lexicon.grammar import PREPOSITIONS
from factcheck.extract.lexicon.people import (
    ARMED_FORCES,
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    FIRM_NAME_ENDS,
    FIRM_NOUNS,
    NAME_LINKS,
    ORG_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    SAME_TITLES,
    SHORT_TITLES,
    TITLES,
)
from factcheck.extract.speakers import split_title
from factcheck.extract.voices import Voice, spokespeople
from factcheck.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimKind,
    Event,
    Speaker,
    SpeakerAlias,
    SpeakerInitials,
    SpeakerKind,
    SpeakerVoice,
    User,
)
from factcheck.names import clean_name, name_key
from factcheck.permissions import Action, require
from factcheck.settings import settings

_ARTICLES = ("the ", "a ", "an ")
_ORGANISATION = ORG_WORDS | BODY_NOUNS | FIRM_NOUNS
# A speaker phrase's head is what follows its last possessive ("the miners' union" → "union",
# "the company's largest shareholder" → "largest shareholder"), cut before a preposition or a
# participle that describes it ("a person close to the board", "figures compiled by the office").
_HEAD_ENDS = PREPOSITIONS | frozenset(
    {"close", "familiar", "compiled", "released", "seen", "cited"}
)
_INDEFINITE = frozenset({"a", "an", "one", "some", "two", "three", "several", "many", "other"})
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
# Partners a firm is named after: "Hollin and Daughters", "Lund and Sons".
_PARTNERS = re.compile(r"\b[A-Z]\w* and (?:Sons|Daughters|Brothers|Partners|Associates|Co)\b")
_UNNAMED = ("sources", "officials", "a source", "an official", "people familiar")


def _head(name: str) -> list[str]:
    words = re.findall(r"[\w&.-]+(?:['’]s?)?", name)
    ends = (i for i, w in enumerate(words) if i and w.lower() in _HEAD_ENDS)
    words = words[: next((i for i in ends if not _joins_a_name(words, i)), len(words))]
    owner = max((i for i, w in enumerate(words[:-1]) if w.endswith(_POSSESSIVE)), default=-1)
    return words[owner + 1 :]


def _joins_a_name(words: Sequence[str], at: int) -> bool:
    """Whether the "and" at ``at`` is inside one body's name ("Estrel Fire and Rescue
    Service"), not between two speakers ("Ortiz and the union")."""
    if words[at].lower() != "and" or not words[at - 1][:1].isupper():
        return False
    run = list(itertools.takewhile(lambda w: w[:1].isupper(), words[at + 1 :]))
    return bool(run) and run[-1].lower() in _ORGANISATION


def guess_kind(name: str) -> SpeakerKind:
    """A first guess at whether a speaker is a person, an organisation or anonymous.

    From the phrase's head (see _head): a document or data source ("the latest figures") is
    unknown; an unnamed person or group ("one engineer", "a company spokesperson", "crews",
    "opposition councillors", "Analysts") is anonymous; a head with a body or firm noun ("the
    fire service", "Northwind Corp", "the operator", "the Harbour Trust") or a firm's name
    ("Hask Polymers", "Hollin & Daughters", "the Red Cross") is an organisation, unless the
    body only qualifies the title of a named person ("union president Mirela Ostrowska"); two
    or more capitalised words are a person. Words are compared whole: "officer" is not
    "office". The nouns are data: factcheck.extract.lexicon.people.
    """
    if name.lower().startswith(_UNNAMED):
        return SpeakerKind.ANONYMOUS
    words = _head(name)
    if not words:
        return SpeakerKind.UNKNOWN
    low = [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s") for w in words]
    last = low[-1]
    if last in DOCUMENT_NOUNS:
        return SpeakerKind.UNKNOWN
    plural_role = last.endswith("s") and (words[-1].islower() or last[:-1] in TITLES)
    if last not in _ORGANISATION and (low[0] in _INDEFINITE or plural_role):
        return SpeakerKind.ANONYMOUS
    org = [i for i, w in enumerate(low) if w in _ORGANISATION]
    if org and _titled_person(words[org[-1] + 1 :]):  # "union president Mirela Ostrowska"
        return SpeakerKind.PERSON
    if org or _names_organisation(words, low) or _PARTNERS.search(name):
        return SpeakerKind.ORGANISATION
    if len(words) >= 2 and words[0][:1].isupper():
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def _names_organisation(words: Sequence[str], low: Sequence[str]) -> bool:
    """Whether a head without an organisation noun still names one: a two-word name ("the
    Red Crescent"), a firm's last word ("Hask Polymers"), names joined by "&" ("Hollin &
    Daughters")."""
    pairs = set(itertools.pairwise(low))
    firm_end = len(low) > 1 and words[-1][:1].isupper() and low[-1] in FIRM_NAME_ENDS
    joined = any("&" in w for w in low)  # "Hollin & Daughters", "Harlow&Pike", "AT&T"
    return bool(pairs & ORG_NAMES) or firm_end or joined


def _titled_person(words: Sequence[str]) -> bool:
    """Whether words are a title and then a person's name ("president Mirela Ostrowska")."""
    low = [w.lower().rstrip(".") for w in words]
    titles = next((i for i, w in enumerate(low) if w not in TITLES), len(low))
    rest = words[titles:]
    return bool(titles and rest) and all(w[:1].isupper() and w.lower() not in TITLES for w in rest)


def plain_name(name: str) -> str:
    """The name without titles, leading article or possessive: the part that identifies."""
    text = clean_name(name).replace("’", "'")
    low = text.lower()
    for article in _ARTICLES:
        if low.startswith(article):
            text, low = text[len(article) :], low[len(article) :]
    if guess_kind(text) is not SpeakerKind.ORGANISATION:
        words = text.split()
        _, rest = split_title(words[: _employer_at(words)])
        if rest and rest[0][:1].isupper():
            text = " ".join(rest)
    return " ".join(w.removesuffix("'s") for w in text.split())


def _employer_at(words: Sequence[str]) -> int:
    """Where a person's employer follows their name ("Ilse Brunhaven of the National Mediation
    Office", "Mr Salvik for the cyber defence office"): an "of" or "for" after a name, before
    an organisation; the length of words when there is none ("Secretary of State Ana Ruiz")."""
    for i, word in enumerate(words):
        if not i or word not in ("of", "for"):
            continue
        _, name = split_title(words[:i])
        tail = " ".join(words[i + 1 :])
        if name and name[0][:1].isupper() and guess_kind(tail) is SpeakerKind.ORGANISATION:
            return i
    return len(words)


def speaker_key(name: str) -> str:
    """The identity of a speaker's name: "Israeli PM Benjamin Netanyahu" → "benjamin netanyahu"."""
    return name_key(plain_name(name))[:300]


def speaker_surname(name: str, kind: SpeakerKind) -> str | None:
    """What a short form is looked up by: a person's last name, an organisation's head noun."""
    words = speaker_key(name).split()
    if kind is SpeakerKind.ORGANISATION:
        return head_noun(words)
    return words[-1][:100] if kind is SpeakerKind.PERSON and len(words) >= 2 else None


def head_noun(words: Sequence[str]) -> str | None:
    """The noun an organisation's name is built on: its last word before an "of" or "for"
    tail ("national roads agency" → "agency", "ministry of justice" → "ministry")."""
    cut = _tail_at(words)
    return words[cut - 1][:100] if cut else None


def _tail_at(words: Sequence[str]) -> int:
    """Where a name's "of" or "for" tail starts; its length when it has none."""
    return next((i for i, w in enumerate(words) if i and w in ("of", "for")), len(words))


def _new_speaker(session: Session, name: str, key: str) -> Speaker:
    shown = plain_name(name)[:300] or clean_name(name)[:300]
    kind = guess_kind(clean_name(name))
    taken = session.exec(select(Speaker).where(Speaker.name == shown)).first()
    if taken is not None:  # the display name is used by another entity: keep it apart
        shown = f"{shown} ({key})"[:300]
    speaker = Speaker(
        name=shown, key=key, kind=kind, aliases=[], surname=speaker_surname(shown, kind)
    )
    session.add(speaker)
    session.flush()
    _add_alias(session, key=key, speaker_id=speaker.id or 0, name=name, kind=kind)
    return speaker


def _add_alias(
    session: Session, *, key: str, speaker_id: int, name: str, kind: SpeakerKind
) -> None:
    """A name key that means this speaker, and the acronyms it gives an organisation."""
    session.add(SpeakerAlias(key=key, speaker_id=speaker_id, name=clean_name(name)[:300]))
    forms = acronyms(key) if kind is SpeakerKind.ORGANISATION else set()
    if forms:
        have = session.exec(
            select(SpeakerInitials.initials).where(
                SpeakerInitials.speaker_id == speaker_id, col(SpeakerInitials.initials).in_(forms)
            )
        ).all()
        session.add_all(
            SpeakerInitials(initials=f, speaker_id=speaker_id) for f in sorted(forms - set(have))
        )


def index_initials(session: Session, *, speaker_ids: Iterable[int]) -> None:
    """Write again the acronyms these speakers' names give (after a merge or a split moved
    their names); a speaker gone or not an organisation gives none. Not committed."""
    ids = sorted(set(speaker_ids))
    session.execute(sa.delete(SpeakerInitials).where(col(SpeakerInitials.speaker_id).in_(ids)))
    rows = session.exec(
        select(SpeakerAlias.speaker_id, SpeakerAlias.key)
        .join(Speaker, col(Speaker.id) == SpeakerAlias.speaker_id)
        .where(col(SpeakerAlias.speaker_id).in_(ids), Speaker.kind == SpeakerKind.ORGANISATION)
    ).all()
    forms = {(f, i) for i, key in rows for f in acronyms(key)}
    session.add_all(SpeakerInitials(initials=f, speaker_id=i) for f, i in sorted(forms))
    session.flush()


def _by_surname(session: Session, key: str) -> int | None:
    """The one known person whose surname is this one-word key, else None."""
    if " " in key:
        return None
    found = session.exec(
        select(Speaker.id)
        .where(Speaker.surname == key, Speaker.kind == SpeakerKind.PERSON)
        .limit(2)
    ).all()
    return found[0] if len(found) == 1 else None


def _by_firm_word(session: Session, key: str) -> int | None:
    """The one known firm whose name is this one-word key and a firm word ("Pernitz" of
    "Pernitz Chemicals", "Castellan" of "Castellan Biologics"), when no known person has it
    as a surname; else None. Looked up by the names it could shorten, each a key."""
    if " " in key or not key.isalpha():
        return None
    names = sorted(f"{key} {end}" for end in FIRM_NAME_ENDS)
    found = set(
        session.exec(
            select(SpeakerAlias.speaker_id)
            .join(Speaker, col(Speaker.id) == SpeakerAlias.speaker_id)
            .where(col(SpeakerAlias.key).in_(names), Speaker.kind == SpeakerKind.ORGANISATION)
        ).all()
    )
    if len(found) != 1:
        return None
    person = session.exec(
        select(Speaker.id).where(Speaker.surname == key, Speaker.kind == SpeakerKind.PERSON)
    ).first()
    return found.pop() if person is None else None


def is_short_form(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether the words of one organisation's name are a short form of another's.

    The short form is the full name's words in order with some left out, ending on the same
    head noun, with at least one word besides it; an "of" tail may come first ("justice
    ministry" of "ministry of justice") ("cyber defence office" of "national cyber
    defence office", "provincial emergency authority" of "provincial emergency authority of
    kessary"). Its leading place words ("the *local* water company") may be ones the full name
    lacks, unless the full name has a place word of its own ("regional health ministry" is not
    the "national health ministry").
    """
    lead = 0
    while lead < len(short) and short[lead] in PLACE_WORDS:
        lead += 1
    if lead and not _in_order(short[:lead], full):  # place words the full name lacks
        if any(w in PLACE_WORDS for w in full):
            return False
        short = short[lead:]
    head = head_noun(short)
    described = [w for w in short if w not in PLACE_WORDS and w != head]
    return (
        bool(described)
        and len(short) < len(full)
        and head == head_noun(full)
        and (_in_order(short, full) or _in_order(short, _tail_first(full)))
    )


def _tail_first(words: Sequence[str]) -> list[str]:
    """A name's "of" or "for" tail moved before its head, as English also writes it:
    "ministry of justice" → "justice ministry", "office for the budget" → "budget office"."""
    cut = _tail_at(words)
    tail = [w for w in words[cut + 1 :] if w not in ("the", "a", "an")]
    return [*words[: cut - 1], *tail, words[cut - 1]] if 0 < cut < len(words) else list(words)


def _in_order(words: Sequence[str], within: Sequence[str]) -> bool:
    rest = iter(within)
    return all(w in rest for w in words)


# Bodies read for one name's lookup by head noun: beyond it, a full name written after its
# short form stays apart (the safe side) rather than read every "ministry" of the archive.
_HEAD_SCAN = 200


def _by_head(session: Session, key: str, kind: SpeakerKind, *, reverse: bool = True) -> int | None:
    """The one known organisation this name is a short form of, or (``reverse``) whose short
    form it is ("Averon's Civil Protection Directorate" after "the Civil Protection
    Directorate"); else None. Looked up by the head noun's index (Speaker.surname)."""
    words = key.split()
    head = head_noun(words)
    if kind is not SpeakerKind.ORGANISATION or head is None or len(words) < 2:
        return None
    same_head = (
        select(Speaker.id, Speaker.key)
        .where(Speaker.surname == head, Speaker.kind == SpeakerKind.ORGANISATION)
        .order_by(col(Speaker.id))
    )
    needed = [w for w in words if w not in PLACE_WORDS] or words
    # Each word anywhere, not in order: "ministry of justice" holds "justice ministry".
    holds = [col(Speaker.key).like(like_pattern(w), escape="\\") for w in needed]
    longer = session.exec(same_head.where(*holds).limit(_HEAD_SCAN)).all()
    found = {i for i, full in longer if i is not None and is_short_form(words, full.split())}
    if not found and reverse:
        shorter = session.exec(same_head.limit(_HEAD_SCAN)).all()
        found = {i for i, short in shorter if i is not None and is_short_form(short.split(), words)}
        if len(shorter) == _HEAD_SCAN:  # more bodies than read: one found may not be the one
            return None
        # A short form already joined to another full name is that body's, not this one's.
        if len(found) == 1 and not _only_short_forms(session, min(found), words):
            return None
    return found.pop() if len(found) == 1 else None


def _only_short_forms(session: Session, speaker_id: int, words: Sequence[str]) -> bool:
    """Whether every name of this speaker is a short form of these words."""
    keys = session.exec(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == speaker_id))
    return all(is_short_form(k.split(), words) for k in keys)


def speaker_ids(session: Session, *, names: Iterable[str]) -> dict[str, int]:
    """The speaker ID of each name (known keys, alias rules), creating new ones; not committed.

    Alias rules: a surname alone is the one known person with that surname; a firm's name
    without its firm word ("Pernitz") the one known firm named so ("Pernitz Chemicals"); an
    organisation's short form (is_short_form) is the one known organisation it shortens.
    Neither is stored as an alias: a second person or body that fits makes it ambiguous. A
    full name that the one known short form fits joins it and is stored as its alias.
    """
    keys = {name: speaker_key(name) for name in names if name.strip() and speaker_key(name)}
    wanted = set(keys.values())
    found: dict[str, int] = {}
    if wanted:
        # Two ingests naming one new speaker at once: the second waits and finds the first's.
        heads = {h for k in wanted if (h := head_noun(k.split()))}
        locks = wanted | {k.split()[-1] for k in wanted} | heads
        advisory_lock(session, [f"speaker|{k}" for k in locks])
        rows = session.exec(
            select(SpeakerAlias.key, SpeakerAlias.speaker_id).where(
                col(SpeakerAlias.key).in_(wanted)
            )
        ).all()
        found = dict(rows)
    # Full names before short ones, so "Benjamin Netanyahu" exists when "Netanyahu" is looked
    # up, and "National Cyber Defence Office" when "the cyber defence office" is.
    for name, key in sorted(keys.items(), key=lambda kv: -len(kv[1].split())):
        if key in found:
            continue
        known = _by_surname(session, key)
        if known is None:
            known = _by_firm_word(session, key)
        if known is None and _ACRONYM.match(plain_name(name)):
            known = _by_initials(session, key)
        if known is None:
            kind = guess_kind(clean_name(name))
            known = _by_head(session, key, kind)
            longer = known is not None and not _shortens(key, _speaker_key(session, known))
            if known is None:
                known = _named_by_acronym(session, name=name, key=key, kind=kind)
                longer = known is not None
            if known is not None and longer:
                # A full name found by its short form or its acronym is a name of that body
                # from now on.
                _add_alias(session, key=key, speaker_id=known, name=name, kind=kind)
        found[key] = known if known is not None else _new_speaker(session, name, key).id or 0
    return {name: found[key] for name, key in keys.items()}


def _by_initials(session: Session, key: str) -> int | None:
    """The one known organisation whose names give this acronym ("cda": "the Civil Defence
    Agency", "the Civil Defence Agency of Averon"), else None: two give it, it stays apart."""
    found = session.exec(
        select(SpeakerInitials.speaker_id)
        .join(Speaker, col(Speaker.id) == SpeakerInitials.speaker_id)
        .where(SpeakerInitials.initials == key, Speaker.kind == SpeakerKind.ORGANISATION)
        .limit(2)
    ).all()
    return found[0] if len(found) == 1 else None


def _named_by_acronym(session: Session, *, name: str, key: str, kind: SpeakerKind) -> int | None:
    """The one known speaker written by acronyms alone that this organisation's full name
    gives ("the CDA" stored before "the Civil Defence Agency"), when no other known
    organisation gives that acronym; it becomes an organisation shown by the full name. Its
    acronym is no longer an alias: found by its initials, it stays apart once a second
    organisation gives it."""
    forms = acronyms(key) if kind is SpeakerKind.ORGANISATION else set()
    if not forms:
        return None
    found = session.exec(
        select(Speaker)
        .where(col(Speaker.key).in_(forms), Speaker.kind != SpeakerKind.PERSON)
        .order_by(col(Speaker.id))
        .limit(2)
    ).all()
    if len(found) != 1:
        return None
    speaker = found[0]
    written = session.exec(
        select(SpeakerAlias.name).where(SpeakerAlias.speaker_id == speaker.id)
    ).all()
    shared = session.exec(
        select(SpeakerInitials.speaker_id).where(SpeakerInitials.initials == speaker.key).limit(1)
    ).first()
    if shared is not None or not all(_ACRONYM.match(plain_name(w)) for w in written):
        return None
    shown = plain_name(name)[:300]
    if shown and session.exec(select(Speaker.id).where(Speaker.name == shown)).first() is None:
        speaker.name = shown
    speaker.key, speaker.kind = key, SpeakerKind.ORGANISATION
    speaker.surname = speaker_surname(shown or key, SpeakerKind.ORGANISATION)
    session.execute(sa.delete(SpeakerAlias).where(col(SpeakerAlias.speaker_id) == speaker.id))
    session.flush()
    return speaker.id


def written_for(text: str, names: Iterable[str]) -> dict[str, str]:
    """What some of an article's speaker names stand for in that article alone.

    An acronym ("the NCDO") is the one name written in the article whose initials spell it
    ("the National Cyber Defence Office (NCDO)", "Averon's Civil Protection Directorate" for
    "CPD"); a lone lower-case head noun ("the fund") is the one name built on it that the
    article gives a speaker or writes with capitals ("the Vellhaven Municipal Workers'
    Pension Fund"); a firm noun no such name is built on ("the company", "the firm") is the
    one firm's name the article gives ("Pernitz Chemicals": FIRM_NAME_ENDS); a title alone
    the one person named right after it (_person_titled); a document ("the statement") the
    one speaker the article says put it out (_issuer). None holds beyond the article:
    another article's "NRA" or "the fund" may be another body, so none is stored as an alias.
    """
    names = list(names)
    wanted = [
        (name, shown.lower(), bool(_ACRONYM.match(shown)))
        for name in names
        if (shown := plain_name(name))
        and (_ACRONYM.match(shown) or _lone_noun(shown) or _title_only(shown) or _document(shown))
    ]
    if not wanted:  # the text is read only for an article that needs it
        return {}
    meant: dict[str, str] = {}
    for name, shown, _ in wanted:
        if _title_only(shown) and (person := _titled_in(text, _owned_title(name, shown))):
            meant[name] = person
        elif _document(shown) and (issuer := _issuer(text, shown.split()[-1], names)):
            meant[name] = issuer
    wanted = [w for w in wanted if not _title_only(w[1]) and not _document(w[1])]
    keyed: dict[str, str] = {}  # every name of two or more words the article has, by key
    for written in [*names, *sorted(_capitalised_names(text))]:
        if " " in (key := speaker_key(written)):
            keyed.setdefault(key, written)
    for name, shown, acronym in wanted:
        found = [
            k for k in keyed if (shown in acronyms(k) if acronym else head_noun(k.split()) == shown)
        ]
        if not found and shown in ARMED_FORCES:  # "the army": the one armed forces named
            found = [k for k in keyed if k.endswith(ARMED_FORCES)]
        if not found and shown in FIRM_NOUNS:  # "the company": the one firm the article names
            found = [k for k in keyed if k.split()[-1] in FIRM_NAME_ENDS]
        if (one := _one_longest(found)) is not None:
            meant[name] = keyed[one]
    return meant


STORY_TEXTS = 30  # latest articles of a story whose texts read its generic names
READINGS = 100_000  # (text, generic name) readings kept: a story's texts are read at each ingest
READ_TEXTS = 8_000_000  # characters of texts kept to read a story's new generic names in


class _Readings:
    """What a generic name means in one text (written_for), by the text's SHA-256 (a stored
    text never changes), for the READINGS latest asked, and the latest texts read, up to
    READ_TEXTS characters: each ingest reads its story's latest texts again, and a text comes
    from the database only when it is kept nowhere (another worker stored it, a restart)."""

    def __init__(self, size: int, characters: int) -> None:
        self.size, self.characters, self.held = size, characters, 0
        self.kept: OrderedDict[tuple[str, str], str | None] = OrderedDict()
        self.texts: OrderedDict[str, str] = OrderedDict()
        self.lock = threading.Lock()  # Streamlit's sessions ingest in threads

    def get(self, sha256: str, name: str) -> tuple[bool, str | None]:
        """(whether the reading is kept, what the name means in the text)."""
        with self.lock:
            if (sha256, name) not in self.kept:
                return False, None
            self.kept.move_to_end((sha256, name))
            return True, self.kept[(sha256, name)]

    def text(self, sha256: str) -> str | None:
        with self.lock:
            if sha256 in self.texts:
                self.texts.move_to_end(sha256)
            return self.texts.get(sha256)

    def read(self, sha256: str, text: str, names: Sequence[str]) -> dict[str, str]:
        """Read these names in the text (whose SHA-256 is ``sha256``), keep both; what each
        name means there."""
        meant = written_for(text, names)
        with self.lock:
            for name in names:
                self.kept[(sha256, name)] = meant.get(name)
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)
            if sha256 not in self.texts and len(text) <= self.characters:
                self.texts[sha256] = text
                self.held += len(text)
            while self.held > self.characters:
                self.held -= len(self.texts.popitem(last=False)[1])
        return meant


_READINGS = _Readings(READINGS, READ_TEXTS)


def resolve_in_stories(
    session: Session, *, story_ids: Iterable[int], by: User, texts: Mapping[int, str]
) -> int:
    """Give the claims of these stories that name their speaker generically the one speaker
    the story's texts name so; how many claims moved. Not committed. ``texts``: the texts at
    hand (the articles just stored), by article ID; others are read if needed.

    A name its own article leaves generic ("the prime minister", "the premier", "the
    company", "the army", "the DDF": what written_for reads) is read in each of the latest
    STORY_TEXTS articles of its story once the story is known: "Prime Minister Adrian
    Solvik" in one outlet is whom another's "the prime minister" means. It means the one
    speaker those texts give it (a surname or a short form of that speaker's name counts as
    the same); two different ones, or none, leave it as it is, and so does an editor's merge
    or split. The claim keeps its name as written, takes the speaker (one event each) and is
    grouped again under it (_move_claims). A person of the story who speaks for a generic
    name ("the army's spokeswoman") speaks for the body it means there (unless an editor set
    the link), and a generic speaker left with no claim and no voice is removed. Stored
    claims are read again whenever an article joins their story, so the order the outlets
    come in does not decide. One statement when nothing in the stories is generic (and a
    lock per story on PostgreSQL).
    """
    stories = sorted(set(story_ids))
    if not stories:
        return 0
    # Two workers placing articles in one story at once read it in turn (PostgreSQL).
    advisory_lock(session, [f"story-speakers|{s}" for s in stories])
    claims: list[tuple[int, int, str, int | None, int]] = []
    voices: set[tuple[int, int, str, str, int]] = set()
    for row in session.execute(_in_story().said, {"stories": stories}):
        claim_id, article_id, name, speaker_id, story_id, voice_id, role, voice = row
        if name is not None and _generic(name):
            claims.append((claim_id, article_id, name, speaker_id, story_id))
        if voice_id is not None and speaker_id is not None and _generic(voice):
            voices.add((speaker_id, voice_id, role, voice, story_id))
    if not claims and not voices:
        return 0
    read = _story_readings(session, stories, texts, claims, sorted(voices))
    given: dict[tuple[int, str], set[str]] = {}  # (story, name) → what its texts say it means
    for (story_id, _, name), meaning in read.items():
        if meaning is not None:
            given.setdefault((story_id, name), set()).add(meaning)
    meant = {key: _one_name(names) for key, names in given.items()}
    # its own article may say whom it means (written_for at ingest): then it stays
    unread = [
        (claim_id, old, name, found)
        for claim_id, article_id, name, old, story_id in claims
        if read[(story_id, article_id, name)] is None
        and (found := meant.get((story_id, name))) is not None
    ]
    relinked = [
        (person, voice, role, found)
        for person, voice, role, name, story_id in voices
        if (found := meant.get((story_id, name))) is not None
    ]
    if not unread and not relinked:
        return 0
    ids = speaker_ids(session, names={found for *_, found in (*unread, *relinked)})
    decided = _editor_decisions(session)
    moves = {
        claim_id: (old, new, name)
        for claim_id, old, name, found in unread
        if (new := ids[found]) != old and not decided.refuse(old, new)
    }
    _move_claims(session, moves, by=by)
    left = {old for old, _, _ in moves.values() if old is not None}
    for person, voice, role, found in relinked:
        if voice is not None and ids[found] != voice and person not in decided.touched:
            _set_voice(session, person, ids[found], role=role, by_hand=False, by=by, join=True)
            left.add(voice)
    left -= decided.touched
    still = set(session.exec(select(Claim.speaker_id).where(col(Claim.speaker_id).in_(left))).all())
    voiced = session.exec(
        select(SpeakerVoice.speaker_id, SpeakerVoice.voice_id).where(
            sa.or_(col(SpeakerVoice.speaker_id).in_(left), col(SpeakerVoice.voice_id).in_(left))
        )
    ).all()
    _remove(session, left - still - {i for row in voiced for i in row if i is not None})
    return len(moves)


@dataclass(frozen=True, slots=True)
class _InStory:
    """The statements resolve_in_stories runs, built once: every ingest that places an
    article in a story runs the first."""

    said: sa.Select[Any]  # attributed claims of the stories' latest articles, maybe generic
    digests: sa.Select[Any]  # those articles' IDs, stories and text digests
    texts: sa.Select[Any]  # articles ``ids``: texts


@functools.cache
def _in_story() -> _InStory:
    articles: sa.Table = Article.__table__  # type: ignore[attr-defined]
    claims: sa.Table = Claim.__table__  # type: ignore[attr-defined]
    voices: sa.Table = SpeakerVoice.__table__  # type: ignore[attr-defined]
    speakers: sa.Table = Speaker.__table__  # type: ignore[attr-defined]
    latest = (
        sa.select(
            articles.c.id,
            articles.c.story_id,
            articles.c.sha256,
            func.row_number()
            .over(partition_by=articles.c.story_id, order_by=articles.c.id.desc())
            .label("n"),
        )
        .where(articles.c.story_id.in_(sa.bindparam("stories", expanding=True)))
        .subquery()
    )
    name = claims.c.speaker_name
    said = (
        sa.select(
            claims.c.id,
            claims.c.article_id,
            name,
            claims.c.speaker_id,
            latest.c.story_id,
            voices.c.voice_id,
            voices.c.role,
            speakers.c.name,
        )
        .join(latest, latest.c.id == claims.c.article_id)
        .outerjoin(voices, (voices.c.speaker_id == claims.c.speaker_id) & sa.not_(voices.c.by_hand))
        .outerjoin(speakers, speakers.c.id == voices.c.voice_id)
        .where(
            latest.c.n <= STORY_TEXTS,
            claims.c.kind == ClaimKind.ATTRIBUTED,
            sa.or_(_maybe_generic(name), speakers.c.id.is_not(None)),  # or a voice of one
        )
    )
    return _InStory(
        said=said,
        digests=sa.select(latest.c.id, latest.c.story_id, latest.c.sha256).where(
            latest.c.n <= STORY_TEXTS
        ),
        texts=sa.select(articles.c.id, articles.c.text).where(
            articles.c.id.in_(sa.bindparam("ids", expanding=True))
        ),
    )


def _story_readings(
    session: Session,
    stories: list[int],
    texts: Mapping[int, str],
    claims: Sequence[tuple[int, int, str, int | None, int]],
    voices: Sequence[tuple[int, int, str, str, int]],
) -> dict[tuple[int, int, str], str | None]:
    """(story, article, generic name) → what the name means in that article's text, for every
    generic name of each story and each of its latest articles; texts neither at hand nor
    read before (_READINGS) are read in one query."""
    names: dict[int, set[str]] = {}
    for *_, name, _, story_id in claims:
        names.setdefault(story_id, set()).add(name)
    for *_, name, story_id in voices:
        names.setdefault(story_id, set()).add(name)
    shas = session.execute(_in_story().digests, {"stories": stories}).all()
    found: dict[tuple[int, int, str], str | None] = {}
    missing: dict[int, tuple[str, list[str]]] = {}  # article → its digest, names not read
    for article_id, story_id, sha256 in shas:
        for name in names.get(story_id, ()):
            kept, meaning = _READINGS.get(sha256, name)
            if kept:
                found[(story_id, article_id, name)] = meaning
            else:
                missing.setdefault(article_id, (sha256, []))[1].append(name)
    at_hand = {a: t for a, (sha256, _) in missing.items() if (t := _READINGS.text(sha256))}
    at_hand.update((a, texts[a]) for a in missing if a in texts)
    unheld = [a for a in missing if a not in at_hand]
    stored = dict(session.execute(_in_story().texts, {"ids": unheld}).all() if unheld else [])
    story_of = {article_id: story_id for article_id, story_id, _ in shas}
    for article_id, (sha256, wanted) in missing.items():
        meant = _READINGS.read(sha256, at_hand.get(article_id) or stored[article_id], wanted)
        for name in wanted:
            found[(story_of[article_id], article_id, name)] = meant.get(name)
    return found


def _maybe_generic(name: Any) -> sa.ColumnElement[bool]:
    """The names _generic may take, in SQL: "the …", a bare acronym or organisation noun."""
    return sa.or_(
        func.lower(name).like("the %"),
        func.length(name) <= max(_ACRONYM_LETTERS),
        name.in_(_BARE),
    )


def _generic(name: str) -> bool:
    """A name that means different speakers in different articles and that a story's texts
    may give a speaker: a title alone, an organisation noun alone, an acronym (what
    written_for reads in an article)."""
    shown = plain_name(name)
    low = shown.lower()
    return bool(shown) and bool(
        _ACRONYM.match(shown)
        or (_lone_noun(low) and (low in _ORGANISATION or low in ARMED_FORCES))
        or _title_only(low)
    )


def _one_name(names: set[str]) -> str | None:
    """The one speaker these names give: the fullest, when each other is it, its surname or a
    short form of it; else None."""
    if not names:
        return None
    fullest = max(names, key=lambda n: (len(speaker_key(n).split()), len(n), n))
    full = speaker_key(fullest).split()
    for name in names:
        words = speaker_key(name).split()
        if words != full and words != full[-1:] and not is_short_form(words, full):
            return None
    return fullest


def _owned_title(name: str, shown: str) -> str:
    """The title of a title alone, without its owner: "the town's mayor" is a mayor, "the
    company's chief executive" a chief executive (an owner's words are no part of a title
    written before a name: "Mayor Corin Ashdale")."""
    if not any(mark in name for mark in _POSSESSIVE):
        return shown
    words = shown.split()
    first = next(i for i in range(len(words)) if all(w in TITLES for w in words[i:]))
    return " ".join(words[first:])


def _document(shown: str) -> bool:
    """A statement or another document as the speaker: "the statement", "a short written
    statement", "the report"."""
    words = shown.split()
    return shown.islower() and len(words) <= 4 and words[-1] in DOCUMENT_NOUNS


def _issuer(text: str, noun: str, names: Iterable[str]) -> str | None:
    """The one speaker the text says put out a ``noun``: "X said in a statement", "in a
    letter to parents, X said", "X issued a written statement", "a statement from X"; None
    when no one or two did (a report may be anyone's). One pass over the text whatever the
    number of names: the few words beside each such phrase are looked up among the names."""
    known = {
        key: name
        for name in {*names, *_capitalised_names(text)}
        if not _document(plain_name(name).lower()) and (key := speaker_key(name))
    }
    kind = rf"(?:an?|its|their|his|her|the)\s+(?:[\w-]+\s+){{0,3}}?{noun}\b"
    words = r"((?:[\w'’&.-]+\s+){0,5}[\w'’&.-]+)"  # up to six: the name is a run of them
    found: dict[str, str] = {}
    for pattern, before in (
        (
            rf"{words}\s+(?:(?:said|says|added|announced|stated|warned)\s+in"
            rf"|(?:issued|released|published|put\s+out|sent))\s+{kind}",
            True,
        ),
        (rf"\b[Ii]n\s+{kind}(?:\s+(?:to|on|about)\s+[^,.;]{{1,40}})?,\s+{words}", False),
        (rf"\b{noun}\s+(?:from|by|issued\s+by|released\s+by)\s+{words}", False),
    ):
        for m in re.finditer(pattern, text):
            run = m.group(1).split()
            # The longest name the words end with (before the phrase) or begin with (after).
            parts = (
                (run[i:] for i in range(len(run)))
                if before
                else (run[:j] for j in range(len(run), 0, -1))
            )
            if hit := next((k for p in parts if (k := speaker_key(" ".join(p))) in known), None):
                found.setdefault(hit, known[hit])
    one = _one_longest(found)
    return found[one] if one is not None else None


def _one_longest(keys: Collection[str]) -> str | None:
    """The key every other one ends ("Corrin Valley Health Network" holds "Health Network":
    the longest is the name); None when two differ. One pass: a hostile text names thousands."""
    if not keys:
        return None
    longest = max(keys, key=len)
    return longest if all(k == longest or longest.endswith(f" {k}") for k in keys) else None


def _title_only(shown: str) -> bool:
    """A person named by a title alone: "the prosecutor", "the chief executive"."""
    words = shown.split()
    return (
        shown.islower()
        and len(words) <= 3
        and words[-1] in TITLES
        and words[-1] not in _ORGANISATION
        and all(w.isalpha() for w in words)
    )


_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
_PERSON_AFTER = r",?\s+" + _HONORIFIC + r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"


# Words before a title that make another office of it: "the interim president" is not
# "President Ana Voss" (a title word, "deputy", "vice", "former", "acting", is kept anyway).
_OTHER_OFFICE = frozenset({"interim", "outgoing", "incoming", "late", "assistant", "associate"})


def _titled_in(text: str, title: str) -> str | None:
    """The one person the article names with this title (_person_titled), or else with the
    title words alone when words that only say whose or what kind of holder come before them:
    "the rebel commander" is the one "Commander Aurel Maskevin" of the article, "the fire
    chief" its one "Chief Oren Blakely"."""
    if person := _person_titled(text, title):
        return person
    words = title.split()
    bare = next((i for i in range(len(words)) if all(w in TITLES for w in words[i:])), len(words))
    if 0 < bare < len(words) and not _OTHER_OFFICE & set(words[:bare]):
        return _person_titled(text, " ".join(words[bare:]), bare=True)
    return None


# What may come before a title written bare: nothing, punctuation, or a small word ("by
# Commander Maskevin"), not another word of the title ("Transport Minister Ola Berg").
_BARE_BEFORE = re.compile(r"(?:^|[^\w\s]|\b(?:the|and|by|with|from|to|as|for|said|says))\s*$", re.I)


def _person_titled(text: str, title: str, *, bare: bool = False) -> str | None:
    """The one person the article names right after this title ("Prosecutor Holmqvist",
    "Chief executive Dr Halla Brennvik", "the environment minister, Anselm Quarrie"); None
    when it names none, or people of two surnames. ``bare``: only where the title stands
    alone before the name (see _BARE_BEFORE)."""
    forms = "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in title_forms(title))
    found = [
        m.group(1)
        for m in re.finditer(rf"(?i:\b(?:{forms})){_PERSON_AFTER}", text)
        if not any(w.lower() in _ORGANISATION | TITLES for w in m.group(1).split())
        and (not bare or _BARE_BEFORE.search(text, max(0, m.start() - 12), m.start()))
    ]
    surnames = {name.split()[-1].lower().removesuffix("'s") for name in found}
    return max(found, key=len) if len(surnames) == 1 else None


def title_forms(title: str) -> set[str]:
    """The ways one title is written: "pm", "prime minister" and "premier" are one."""
    full = SHORT_TITLES.get(title, title)
    full = SAME_TITLES.get(full, full)
    return {title, full} | {
        other for other, meant in (*SHORT_TITLES.items(), *SAME_TITLES.items()) if meant == full
    }


# A capitalised run, small linking words allowed inside: "National Cyber Defence Office",
# "ESTREL FIRE AND RESCUE SERVICE", "Ministry of Justice of the Republic"; "and the" ends it.
_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'’&-]*(?:[ \u00a0]+(?:(?:(?:of|for|on)(?:[ \u00a0]+the)?|and|&)[ \u00a0]+)?"
    r"[A-Z][\w'’&-]*)*"
)


def _capitalised_names(text: str) -> set[str]:
    """Every run of two or more capitalised words in the text, and each of its tails
    ("Averon's Civil Protection Directorate", "Civil Protection Directorate")."""
    found: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().replace("\u00a0", " ").split(" ")
        found |= {
            " ".join(words[i:]) for i in range(len(words) - 1) if words[i].lower() not in NAME_LINKS
        }
    return found


def _lone_noun(shown: str) -> bool:
    return shown.islower() and " " not in shown


# Longest acronym read (as _ACRONYM); an acronym that leaves words out keeps at least three.
_ACRONYM_LETTERS = range(2, 9)
_SHORTENED_ACRONYM = 3

# Organisation nouns written bare as a speaker ("Police said"), longer than an acronym.
_BARE = sorted(
    {form for w in _ORGANISATION if len(w) > max(_ACRONYM_LETTERS) for form in (w, w.capitalize())}
)


def acronyms(key: str) -> set[str]:
    """The acronyms an organisation's name key gives: the initials of its words without the
    linking words ("ministry of justice" → "mj", "estrel fire and rescue service" → "efrs"),
    and with optional words left out, as long as three letters stay: place words ("ncdo" and
    "cdo" of "national cyber defence office"), the place a name opens with before three more
    words ("velmark industrial safety inspectorate" → "visi", "isi") or ends on in a one-word
    "of" tail ("civil protection directorate of averon" → "cpda", "cpd"), and a firm word it
    ends on ("alder peak railway company" → "aprc", "apr")."""
    words = key.split()
    cut = _tail_at(words)
    tail = [w for w in words[cut + 1 :] if w not in NAME_LINKS]
    kept = [w for w in words[:cut] if w not in NAME_LINKS]
    if len(words) < 2 or not kept:
        return set()
    optional = {i for i, w in enumerate(kept) if w in PLACE_WORDS}
    if len(kept) > _SHORTENED_ACRONYM:
        optional.add(0)
        if kept[-1] in FIRM_NOUNS | FIRM_NAME_ENDS:
            optional.add(len(kept) - 1)
    letters = [(w[0], i in optional) for i, w in enumerate(kept)]
    if len(tail) == 1 and len(kept) >= _SHORTENED_ACRONYM:  # "of Averon"
        letters.append((tail[0][0], True))
    else:
        letters += [(w[0], False) for w in tail]
    found = {""}
    for letter, may_go in letters:
        found = {f + letter for f in found} | (found if may_go else set())
    full = "".join(letter for letter, _ in letters)
    return {
        f
        for f in found
        if len(f) in _ACRONYM_LETTERS and (f == full or len(f) >= _SHORTENED_ACRONYM)
    }


def article_speaker_ids(
    session: Session, *, articles: Sequence[tuple[str, Iterable[str]]]
) -> tuple[dict[str, int], list[dict[str, int]]]:
    """The speaker ID of each name, as speaker_ids, and of each article's names read in that
    article (written_for: its acronyms and lone head nouns); not committed."""
    meant = [written_for(text, names) for text, names in articles]
    names = {meant[i].get(n, n) for i, (_, written) in enumerate(articles) for n in written}
    ids = speaker_ids(session, names=names)
    each = [
        {n: ids[m.get(n, n)] for n in written if m.get(n, n) in ids}
        for m, (_, written) in zip(meant, articles, strict=True)
    ]
    everywhere = {n: i for one in each for n, i in one.items()}
    return {**everywhere, **ids}, each


def _shortens(short: str, full: str) -> bool:
    return is_short_form(short.split(), full.split())


def _speaker_key(session: Session, speaker_id: int) -> str:
    speaker = session.get(Speaker, speaker_id)
    return speaker.key if speaker is not None else ""


def speaker_named(session: Session, *, name: str) -> Speaker:
    """The speaker this name means, created when new; not committed."""
    ids = speaker_ids(session, names=[name])
    if name not in ids:
        raise BadInput(f"{name[:80]!r} is not a speaker's name; give a person or organisation.")
    speaker = session.get(Speaker, ids[name])
    assert speaker is not None
    return speaker


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker as listed: the entity, the names it is known by and how many claims it has."""

    speaker: Speaker
    names: list[str]
    claims: int
    speaks_for: str | None = None  # the speaker it speaks for (its voice), by name
    spokespeople: list[str] = field(default_factory=list)  # who speaks for it, with roles


def get_speaker(session: Session, *, speaker_id: int) -> Speaker:
    """One speaker; NotFound names the ID asked for."""
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise NotFound(f"There is no speaker {speaker_id}; see `factcheck speakers list`.")
    return speaker


def list_speakers(
    session: Session, *, search: str = "", offset: int = 0, limit: int = 50
) -> tuple[list[SpeakerRow], int]:
    """A page of speakers with their names and claim counts, most claims first; and the total."""
    check_page(offset=offset, limit=limit, noun="speaker")
    where = [col(Speaker.name).ilike(like_pattern(search), escape="\\")] if search.strip() else []
    total = session.exec(select(func.count()).select_from(Speaker).where(*where)).one()
    claims = (
        select(Claim.speaker_id, func.count().label("n")).group_by(col(Claim.speaker_id)).subquery()
    )
    n = func.coalesce(claims.c.n, 0)
    query = (
        sa.select(Speaker, n)
        .join(claims, claims.c.speaker_id == Speaker.id, isouter=True)
        .where(*where)
        .order_by(n.desc(), col(Speaker.name))
        .offset(offset)
        .limit(limit)
    )
    found = session.execute(query).all()
    ids = [s.id for s, _ in found]
    names: dict[int, list[str]] = {i: [] for i in ids if i is not None}
    for alias in session.exec(select(SpeakerAlias).where(col(SpeakerAlias.speaker_id).in_(ids))):
        names[alias.speaker_id].append(alias.name)
    for speaker_id, name in _read_in_stories(session, ids):  # no aliases: split off by hand
        if all(speaker_key(n) != speaker_key(name) for n in names[speaker_id]):
            names[speaker_id].append(name)
    speaks_for, spokespeople = _voices_shown(session, [i for i in ids if i is not None])
    return [
        SpeakerRow(
            s,
            sorted(names.get(s.id or 0, [])),
            count,
            speaks_for.get(s.id or 0),
            spokespeople.get(s.id or 0, []),
        )
        for s, count in found
    ], total


def _read_in_stories(session: Session, ids: Sequence[int | None]) -> list[tuple[int, str]]:
    """The generic names (resolve_in_stories) the claims of these speakers are written with."""
    rows = session.exec(
        select(Claim.speaker_id, Claim.speaker_name)
        .distinct()
        .where(
            col(Claim.speaker_id).in_(ids),
            _maybe_generic(col(Claim.speaker_name)),
        )
    ).all()
    return sorted((i, n) for i, n in rows if i is not None and n is not None and _generic(n))


def _voices_shown(session: Session, ids: list[int]) -> tuple[dict[int, str], dict[int, list[str]]]:
    """For these speakers: the name of the one each speaks for, and who speaks for each
    ("Ana Ruiz (spokeswoman)"); two lookups by indexed column."""
    if not ids:
        return {}, {}
    voice = sa.orm.aliased(Speaker)
    links = session.execute(
        sa.select(col(SpeakerVoice.speaker_id), col(voice.name))
        .join(voice, col(voice.id) == SpeakerVoice.voice_id)
        .where(col(SpeakerVoice.speaker_id).in_(ids))
    ).all()
    people = session.execute(
        sa.select(col(SpeakerVoice.voice_id), col(SpeakerVoice.role), col(Speaker.name))
        .join(Speaker, col(Speaker.id) == SpeakerVoice.speaker_id)
        .where(col(SpeakerVoice.voice_id).in_(ids))
        .order_by(col(Speaker.name))
    ).all()
    spokespeople: dict[int, list[str]] = {}
    for voice_id, role, name in people:
        if voice_id is not None:
            spokespeople.setdefault(voice_id, []).append(f"{name} ({role})" if role else name)
    return {who: name for who, name in links}, spokespeople


def merge_speakers(session: Session, *, keep_id: int, other_id: int, by: User) -> Speaker:
    """Make ``other`` one entity with ``keep``: its names and claims move over; one event.

    What the two said in the same words ends in one group (groups.join_merged_speaker, an
    event per claim whose group changed).
    """
    require(by, Action.EDIT_SPEAKERS)
    if keep_id == other_id:
        raise BadInput(f"Speaker {keep_id} cannot be merged into itself; give two speakers.")
    try:
        keep = get_speaker(session, speaker_id=keep_id)
        other = get_speaker(session, speaker_id=other_id)
        advisory_lock(session, [f"s|{keep_id}", f"s|{other_id}"])  # the groups' keys change
        claims = session.exec(select(Claim).where(Claim.speaker_id == other_id)).all()
        claim_ids = [c.id for c in claims]
        for claim in claims:  # the speaker counts follow the claims
            before = counts.facts(session, claim)
            counts.claim_changed(session, before=before, after=replace(before, speaker_id=keep_id))
        voiced = _merge_voices(session, keep_id=keep_id, other_id=other_id)
        moved = session.execute(
            sa.update(Claim).where(col(Claim.speaker_id) == other_id).values(speaker_id=keep_id)
        ).rowcount  # type: ignore[attr-defined]
        triage.stale(session, claims=claim_ids)  # a quote's speaker is read by its score
        session.execute(
            sa.update(SpeakerAlias)
            .where(col(SpeakerAlias.speaker_id) == other_id)
            .values(speaker_id=keep_id)
        )
        # Claims under the other's key (its own, its spokespeople's) take the kept one's: its
        # voice's when it speaks for another.
        key = f"s|{voiced or keep_id}"
        session.execute(
            sa.update(ClaimGroup)
            .where(col(ClaimGroup.speaker_id) == other_id)
            .values(speaker_id=keep_id)
        )
        session.execute(
            sa.update(ClaimGroup).where(col(ClaimGroup.key) == f"s|{other_id}").values(key=key)
        )
        session.execute(
            sa.update(Claim).where(col(Claim.group_key) == f"s|{other_id}").values(group_key=key)
        )
        from factcheck.groups import join_merged_speaker, regroup  # groups build on speakers

        # The other's claims looked under a voice of its own: they look under the kept one's.
        stray = session.exec(
            select(Claim.id).where(
                col(Claim.id).in_(claim_ids),
                col(Claim.group_key).is_not(None),
                col(Claim.group_key) != key,
                Claim.kind == ClaimKind.ATTRIBUTED,
            )
        ).all()
        regroup(session, claim_ids=[i for i in stray if i is not None], by=by)
        # Its words may be what the kept speaker said elsewhere: their groups become one.
        join_merged_speaker(
            session,
            speaker_id=voiced or keep_id,
            claim_ids=[i for i in claim_ids if i is not None and i not in stray],
            by=by,
        )
        keep.aliases = sorted({*keep.aliases, other.name, *other.aliases} - {keep.name})
        if keep.surname is None and other.surname is not None:
            keep.surname = other.surname
        record(
            session,
            by=by,
            action="speaker.merge",
            entity="speaker",
            entity_id=keep_id,
            before={"keep": keep.name, "other": other.name, "other_id": other_id},
            after={"speaker_id": keep_id, "claims_moved": moved},
        )
        index_initials(session, speaker_ids=[keep_id, other_id])  # the other's names are kept's
        session.delete(other)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return keep


def _merge_voices(session: Session, *, keep_id: int, other_id: int) -> int | None:
    """The voices of a merge: who spoke for the other speaks for the kept one; the kept one
    keeps its own voice, else takes the other's. Returns the kept speaker's voice."""
    session.execute(
        sa.update(SpeakerVoice)
        .where(col(SpeakerVoice.voice_id) == other_id)
        .values(voice_id=keep_id)
    )
    kept, gone = session.get(SpeakerVoice, keep_id), session.get(SpeakerVoice, other_id)
    if gone is not None:
        if kept is None and gone.voice_id not in (None, keep_id):
            session.add(
                SpeakerVoice(
                    speaker_id=keep_id, voice_id=gone.voice_id, role=gone.role, by_hand=gone.by_hand
                )
            )
        session.delete(gone)
    if kept is not None and kept.voice_id == keep_id:  # it spoke for the other: no longer
        kept.voice_id = None
    session.flush()
    now = session.get(SpeakerVoice, keep_id)
    return now.voice_id if now is not None else None


def split_speaker(session: Session, *, speaker_id: int, name: str, by: User) -> Speaker:
    """Give one of a speaker's names its own entity; claims written with that name follow.

    A generic name its story read as this speaker ("the prime minister": resolve_in_stories)
    is no alias of it: split off, its claims go back to that name's own speaker, and the
    story does not move them again.
    """
    require(by, Action.EDIT_SPEAKERS)
    key = speaker_key(name)
    try:
        speaker = get_speaker(session, speaker_id=speaker_id)
        alias = session.get(SpeakerAlias, key)
        written = [c for c in _claim_names(session, speaker_id) if speaker_key(c[1]) == key]
        if alias is not None and alias.speaker_id == speaker_id:
            others = session.exec(
                select(func.count())
                .select_from(SpeakerAlias)
                .where(SpeakerAlias.speaker_id == speaker_id)
            ).one()
            if others < 2:
                raise BadInput(
                    f"{name[:80]!r} is the only name of {speaker.name}; nothing to split."
                )
            if speaker_key(speaker.name) == key:
                raise BadInput(f"{name!r} is {speaker.name}'s own name; split off another name.")
            session.delete(alias)
            session.flush()
            new, split_name = _new_speaker(session, alias.name, key), alias.name
        elif written and _generic(name):
            known = session.get(Speaker, alias.speaker_id) if alias is not None else None
            new = known if known is not None else _new_speaker(session, written[0][1], key)
            split_name = name
        else:
            raise BadInput(
                f"{speaker.name} is not known as {name[:80]!r}; split by one of its names "
                "(see `factcheck speakers list`)."
            )
        index_initials(session, speaker_ids=[speaker_id, new.id or 0])
        if written:
            moved = session.exec(select(Claim).where(col(Claim.id).in_([c[0] for c in written])))
            for claim in moved.all():  # the speaker counts follow the claims, as in a merge
                before = counts.facts(session, claim)
                after = replace(before, speaker_id=new.id or 0)
                counts.claim_changed(session, before=before, after=after)
            session.execute(
                sa.update(Claim)
                .where(col(Claim.id).in_([c[0] for c in written]))
                .values(speaker_id=new.id)
            )
            triage.stale(session, claims=[c[0] for c in written])
            from factcheck.groups import regroup  # groups build on speakers: import at use

            regroup(session, claim_ids=[c[0] for c in written], by=by)  # s|<new speaker> now
        speaker.aliases = [a for a in speaker.aliases if speaker_key(a) != key]
        record(
            session,
            by=by,
            action="speaker.split",
            entity="speaker",
            entity_id=new.id,
            before={"speaker_id": speaker_id, "name": split_name},
            after={"speaker_id": new.id, "claims_moved": len(written)},
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return new


def _claim_names(session: Session, speaker_id: int) -> list[tuple[int, str]]:
    rows = session.exec(
        select(Claim.id, Claim.speaker_name).where(
            Claim.speaker_id == speaker_id, col(Claim.speaker_name).is_not(None)
        )
    ).all()
    return [(i, n) for i, n in rows if i is not None and n is not None]


def voices_of(session: Session, *, speaker_ids: Iterable[int]) -> dict[int, int]:
    """The speaker each of these speaks for, for those that speak for one (a primary-key
    lookup): what their attributed claims' group keys are made of."""
    ids = set(speaker_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(SpeakerVoice.speaker_id, SpeakerVoice.voice_id).where(
            col(SpeakerVoice.speaker_id).in_(ids), col(SpeakerVoice.voice_id).is_not(None)
        )
    ).all()
    return {who: voice for who, voice in rows if voice is not None}


def read_voices(
    session: Session,
    *,
    articles: Sequence[tuple[str, Iterable[str]]],
    ids: Mapping[str, int],
    join: bool = True,
) -> int:
    """Link the people these articles write as speaking for a body to that body; not
    committed. How many were linked.

    ``articles``: each one's text and the speaker names of its claims; ``ids``: each name's
    speaker (speaker_ids). A person is a known speaker: one of the article's, else found by
    an indexed alias lookup. A person already linked, or linked or unlinked by an editor, is
    left alone. ``join``: put what the two said in the same words in one group (as a merge
    does); off when grouping is.
    """
    read = []  # each article's speakers by key, the voices of its claims' names and its text's
    for text, names in articles:
        named = {n: ids[n] for n in names if n in ids}
        # A claim's speaker written with its body: "Mr Salvik of the National Cyber Defence
        # Office" is that speaker.
        own = [(named[n], v) for n in named for v in spokespeople(n) if " of " in n]
        read.append(({speaker_key(n): i for n, i in named.items()}, own, spokespeople(text)))
    # Every name the voices may mean, looked up at once by the alias index.
    wanted = {k for _, _, voices in read for v in voices for k in _name_keys(v.person)}
    wanted |= {speaker_key(v.body) for _, own, _ in read for _, v in own}
    wanted |= {speaker_key(v.body) for _, _, voices in read for v in voices}
    aliases = _aliases(session, wanted - {""})
    # A body named by a firm's word ("Pernitz spokesman Evert Malm") is the one firm named so.
    firms = {
        key: firm
        for _, _, voices in read
        for v in voices
        if (key := speaker_key(v.body)) not in aliases and (firm := _by_firm_word(session, key))
    }
    bodies = {**aliases, **firms}
    found: dict[int, tuple[str, str]] = {}  # person → (body as written, role)
    for (keys, own, voices), (text, _) in zip(read, articles, strict=True):
        people = own + [(p, v) for v in voices if (p := _person(session, v, keys, aliases))]
        by_part: dict[str, str] | None = None  # read only for a voice that needs it
        for person, voice in people:
            if person in found:
                continue
            body = _body(voice, keys, bodies, person)
            if body is None and voice.body[:1].isupper():
                by_part = bodies_by_part(text) if by_part is None else by_part
                body = by_part.get(speaker_key(voice.body))
            if body:
                found[person] = (body, voice.role)
    if not found:
        return 0
    known = set(
        session.exec(
            select(SpeakerVoice.speaker_id).where(col(SpeakerVoice.speaker_id).in_(found))
        ).all()
    )
    linked = 0
    for person, (body, role) in sorted(found.items()):
        if person in known:
            continue
        target = speaker_ids(session, names=[body]).get(body)
        if target is None:
            continue
        target = voices_of(session, speaker_ids=[target]).get(target, target)
        if target != person:
            _set_voice(session, person, target, role=role, by_hand=False, by=None, join=join)
            linked += 1
    return linked


def _article_batches(session: Session, *, by: User, batch: int) -> Iterator[list[int]]:
    """Every article's ID, ``batch`` at a time in ID order; after each batch the session
    commits and lets go of everything but ``by`` (the run's event names it), so memory stays
    bounded on a big archive."""
    after = 0
    while ids := session.exec(
        select(Article.id).where(col(Article.id) > after).order_by(col(Article.id)).limit(batch)
    ).all():
        after = ids[-1] or after
        yield [i for i in ids if i is not None]
        session.commit()
        session.expunge_all()
        session.add(by)


def rescan_voices(session: Session, *, by: User, batch: int = 200) -> int:
    """Read the voices of every stored article, oldest first, ``batch`` articles at a time
    (each batch committed, then let go: memory stays bounded on a big archive); how many
    people were linked. What `factcheck groups --rebuild` runs first.

    Articles stored before voices were read (migration 0017) get their links; a person
    already linked, or linked or unlinked by an editor, is left alone (read_voices), so a
    second run links no one. One event for the run, besides one per link.
    """
    require(by, Action.GROUP_STORED)
    linked, after = 0, 0
    try:
        for ids in _article_batches(session, by=by, batch=batch):
            after = ids[-1]
            linked += _rescan_batch(session, ids)
        record(
            session,
            by=by,
            action="speakers.voices_rescan",
            entity="speaker",
            entity_id=None,
            after={"linked": linked, "articles_to": after},
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return linked


def _rescan_batch(session: Session, article_ids: list[int]) -> int:
    """read_voices over these stored articles, with the speakers their claims were given."""
    names: dict[int, set[str]] = {i: set() for i in article_ids}
    ids: dict[str, int] = {}
    for article_id, name, speaker_id in session.exec(
        select(Claim.article_id, Claim.speaker_name, Claim.speaker_id).where(
            col(Claim.article_id).in_(article_ids),
            col(Claim.speaker_name).is_not(None),
            col(Claim.speaker_id).is_not(None),
        )
    ):
        if name and speaker_id is not None:
            names[article_id].add(name)
            ids.setdefault(name, speaker_id)
    texts = dict(
        session.exec(select(Article.id, Article.text).where(col(Article.id).in_(article_ids))).all()
    )
    articles = [(texts[i], names[i]) for i in article_ids if names[i]]
    return read_voices(session, articles=articles, ids=ids, join=settings().grouping)


def _name_keys(person: str) -> list[str]:
    """The keys of the runs of a written name's last words, longest first ("On Monday Viktor
    Hale" → "on monday viktor hale", "monday viktor hale", "viktor hale", "hale")."""
    words = person.split()
    return [k for i in range(len(words)) if (k := speaker_key(" ".join(words[i:])))]


def _aliases(session: Session, keys: set[str]) -> dict[str, int]:
    """The speaker each of these name keys means, for those known (one indexed lookup)."""
    if not keys:
        return {}
    rows = session.exec(
        select(SpeakerAlias.key, SpeakerAlias.speaker_id).where(col(SpeakerAlias.key).in_(keys))
    ).all()
    return dict(rows)


def _person(
    session: Session, voice: Voice, keys: Mapping[str, int], aliases: Mapping[str, int]
) -> int | None:
    """The known person a voice's name means: the longest run of its last words that is a
    speaker of the article or a known alias ("On Monday Viktor Hale" → Viktor Hale), or a
    surname one speaker of the article has ("Ruiz"); None when unknown or not a person."""
    for key in _name_keys(voice.person):
        found = keys.get(key)
        if found is None and " " in key:
            found = aliases.get(key)
        if found is None and " " not in key:
            same = {i for k, i in keys.items() if k.split()[-1] == key and " " in k}
            found = same.pop() if len(same) == 1 else None
        if found is not None:
            speaker = session.get(Speaker, found)
            return found if speaker and speaker.kind is SpeakerKind.PERSON else None
    return None


def _body(
    voice: Voice, keys: Mapping[str, int], bodies: Mapping[str, int], person: int
) -> str | None:
    """The body of a voice as a speaker's name, when it is one: a speaker of the article, a
    known alias or firm word (``bodies``), a name whose head is an organisation noun, or an
    acronym. A lone lower-case noun or one capitalised organisation noun ("the authority",
    "Union president") is the one speaker of the article whose name ends with it."""
    body, key = voice.body, speaker_key(voice.body)
    if not key:
        return None
    if " " not in key and (body.islower() or key in _ORGANISATION):
        ending = {n for k, n in keys.items() if k.split()[-1] == key and n != person}
        if len(ending) != 1:
            return None
        the_one = ending.pop()
        return next(k for k, n in keys.items() if n == the_one)
    if keys.get(key) == person:
        return None
    if (
        key in keys
        or key in bodies
        or guess_kind(body) is SpeakerKind.ORGANISATION
        or _ACRONYM.match(body)
    ):
        return body
    return None


def bodies_by_part(text: str) -> dict[str, str]:
    """Each capitalised organisation name of the text by the words a voice may write it with:
    its first or last words ("Movement", "Sable Ridge" for "Sable Ridge Movement"), by
    speaker_key; a part two names share means the one name every other ends ("Kessel Water
    Board" in "North Kessel Water Board") or none. Names of at most BODY_WORDS words: each
    run is read once at a bounded cost, so a text of endless capitals reads in linear time."""
    parts: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().replace("\u00a0", " ").split()
        if words[0] == "The":  # a sentence's "The Sable Ridge Movement"
            words = words[1:]
        if len(words) > BODY_WORDS:
            continue
        named = (key := speaker_key(" ".join(words))).split()
        if len(named) < 2 or named[-1] not in _ORGANISATION:
            continue
        written.setdefault(key, " ".join(words))
        for i in range(1, len(named)):
            parts.setdefault(" ".join(named[i:]), set()).add(key)
            parts.setdefault(" ".join(named[:i]), set()).add(key)
    return {
        part: written[one]
        for part, keys in parts.items()
        if (one := _one_longest(keys)) is not None
    }


BODY_WORDS = 8  # words of a capitalised run read as an organisation's name (bodies_by_part)


def link_voice(
    session: Session, *, speaker_id: int, voice_id: int, by: User, role: str = ""
) -> Speaker:
    """An editor's link: ``speaker_id`` speaks for ``voice_id``; commits, one event.

    Their attributed claims are compared with each other from now on; what they said in the
    same words joins one group (each moved claim an event). Ingest leaves it alone.
    """
    require(by, Action.EDIT_SPEAKERS)
    try:
        speaker = get_speaker(session, speaker_id=speaker_id)
        voice = get_speaker(session, speaker_id=voice_id)
        target = voices_of(session, speaker_ids=[voice_id]).get(voice_id, voice_id)
        if target == speaker_id:
            raise BadInput(
                f"{speaker.name} cannot speak for {voice.name}, who speaks for it; "
                "unlink that first."
            )
        _set_voice(session, speaker_id, target, role=role[:60], by_hand=True, by=by, join=True)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return speaker


def unlink_voice(session: Session, *, speaker_id: int, by: User) -> Speaker:
    """An editor's unlink: ``speaker_id`` speaks for no one, and later articles do not link
    it again; commits, one event. Its claims leave groups they shared with the other's."""
    require(by, Action.EDIT_SPEAKERS)
    try:
        speaker = get_speaker(session, speaker_id=speaker_id)
        _set_voice(session, speaker_id, None, role="", by_hand=True, by=by, join=True)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return speaker


def _set_voice(
    session: Session,
    speaker_id: int,
    voice_id: int | None,
    *,
    role: str,
    by_hand: bool,
    by: User | None,
    join: bool,
) -> None:
    """Store whom a speaker speaks for and move its claims' keys; one event; not committed.

    From its own key to the body's: its claims (and its groups) take the body's key, then join
    what the body said in the same words (groups.join_merged_speaker, as a merge does). From
    one body to another or to none: its claims are grouped again (groups.regroup).
    """
    from factcheck.groups import join_merged_speaker, regroup  # groups build on speakers

    advisory_lock(session, [f"voice|{speaker_id}"])
    row = session.get(SpeakerVoice, speaker_id)
    was = row.voice_id if row is not None else None
    if row is None:
        row = SpeakerVoice(speaker_id=speaker_id)
        session.add(row)
    row.voice_id, row.role, row.by_hand = voice_id, role, by_hand
    # One level: whoever spoke for this speaker now speaks for its voice.
    followers = session.exec(select(SpeakerVoice).where(SpeakerVoice.voice_id == speaker_id)).all()
    for follower in followers:
        follower.voice_id = voice_id if voice_id is not None else speaker_id
    session.flush()
    record(
        session,
        by=by,
        action="speaker.voice",
        entity="speaker",
        entity_id=speaker_id,
        before={"voice_id": was},
        after={"voice_id": voice_id, "role": role, "by_hand": by_hand},
    )
    if was == voice_id:
        return
    old, new = f"s|{was or speaker_id}", f"s|{voice_id or speaker_id}"
    speakers = [speaker_id, *(f.speaker_id for f in followers)]
    claims = session.exec(
        select(Claim.id).where(
            col(Claim.speaker_id).in_(speakers),
            Claim.kind == ClaimKind.ATTRIBUTED,
            Claim.group_key == old,
        )
    ).all()
    moved = [i for i in claims if i is not None]
    if not moved:
        return
    if was is None and voice_id is not None:
        advisory_lock(session, [old, new])
        session.execute(sa.update(Claim).where(col(Claim.id).in_(moved)).values(group_key=new))
        session.execute(sa.update(ClaimGroup).where(col(ClaimGroup.key) == old).values(key=new))
        if join:
            join_merged_speaker(session, speaker_id=voice_id, claim_ids=moved, by=by)
    else:
        regroup(session, claim_ids=moved, by=by)


@dataclass(frozen=True, slots=True)
class SpeakersRebuilt:
    """What a rebuild of the stored speakers changed (rebuild_speakers)."""

    moved: int  # claims that took another speaker
    joined: int  # speakers whose claims all went to one other: gone, joined to it
    kept: int  # moves refused: an editor merged or split the two


@dataclass(frozen=True, slots=True)
class _EditorDecisions:
    """The speakers editors merged others into, and the pairs they split apart."""

    merged: frozenset[int]
    split: frozenset[frozenset[int]]

    @property
    def touched(self) -> frozenset[int]:
        """Speakers an editor shaped: their names mean them, whatever the rules say."""
        return self.merged | frozenset(i for pair in self.split for i in pair)

    def refuse(self, old: int | None, new: int) -> bool:
        """Whether moving a claim from ``old`` to ``new`` undoes an editor's merge or split."""
        return old in self.merged or frozenset({old or 0, new}) in self.split


def _editor_decisions(session: Session) -> _EditorDecisions:
    merged, split = set(), set()
    for action, entity_id, before in session.exec(
        select(Event.action, Event.entity_id, Event.before).where(
            col(Event.action).in_(("speaker.merge", "speaker.split"))
        )
    ):
        if entity_id is None:
            continue
        if action == "speaker.merge":
            merged.add(entity_id)
        elif isinstance(before, dict) and isinstance(before.get("speaker_id"), int):
            split.add(frozenset({entity_id, before["speaker_id"]}))
    return _EditorDecisions(frozenset(merged), frozenset(split))


def rebuild_speakers(session: Session, *, by: User, batch: int = 200) -> SpeakersRebuilt:
    """Resolve every stored claim's speaker again with today's rules, oldest articles first,
    ``batch`` articles at a time (each batch committed, then let go); admins.

    A claim's name is read in its article as at ingest (written_for), then: a name known as
    its own speaker's alias joins the one other speaker today's rules give it (a surname, a
    firm's word, an acronym, a short form: never the reverse, a full name taking its short
    form's entity); a name no speaker is known by is resolved as ingest would. Editors win:
    a name of a speaker an editor merged into or split is that speaker's, a claim never
    leaves a speaker an editor merged others into, and never moves between two speakers an
    editor split. A speaker whose claims all went to one other is joined to it and removed
    (its names are not kept: its acronym or short form may mean another body later), unless
    an editor linked a voice to it. A generic name its article leaves open ("the prime
    minister") is read in its story too (resolve_in_stories). Each moved claim is an event
    and is grouped again; one event for the run. What `factcheck speakers rebuild` runs before
    regrouping.
    """
    require(by, Action.GROUP_STORED)
    decided = _editor_decisions(session)
    moved, kept = 0, 0
    went: dict[int, set[int]] = {}  # speaker claims left → the speakers they went to
    joined = 0
    try:
        for ids in _article_batches(session, by=by, batch=batch):
            moves, refused = _moves(session, ids, decided)
            _move_claims(session, moves, by=by)
            stories = session.exec(
                select(Article.story_id).where(
                    col(Article.id).in_(ids), col(Article.story_id).is_not(None)
                )
            ).all()
            moved += resolve_in_stories(
                session, story_ids=[s for s in stories if s is not None], by=by, texts={}
            )
            for old, new, _ in moves.values():
                if old is not None:
                    went.setdefault(old, set()).add(new)
            joined += _join_emptied(session, went, decided, by=by)
            moved, kept = moved + len(moves), kept + refused
        record(
            session,
            by=by,
            action="speakers.rebuild",
            entity="speaker",
            entity_id=None,
            after={"claims_moved": moved, "speakers_joined": joined, "refused": kept},
        )
        session.commit()
    except Exception:
        session.rollback()
        raise
    return SpeakersRebuilt(moved=moved, joined=joined, kept=kept)


def _moves(
    session: Session, article_ids: list[int], decided: _EditorDecisions
) -> tuple[dict[int, tuple[int | None, int, str]], int]:
    """The claims of these articles whose speaker today's rules give otherwise: claim →
    (speaker, new speaker, name as written); and how many moves an editor's decision refused.
    Speakers made for them and refused are removed again."""
    found = session.exec(
        select(Claim.id, Claim.article_id, Claim.speaker_name, Claim.speaker_id).where(
            col(Claim.article_id).in_(article_ids), col(Claim.speaker_name).is_not(None)
        )
    ).all()
    names: dict[int, set[str]] = {}
    for _, article_id, name, _ in found:
        names.setdefault(article_id, set()).add(name or "")
    texts = dict(
        session.exec(select(Article.id, Article.text).where(col(Article.id).in_(names))).all()
    )
    meant = {a: written_for(texts[a], written) for a, written in names.items()}
    # A generic name its article leaves open that its story gave a speaker stays with it
    # (resolve_in_stories reads the story again below).
    keys = dict(
        session.exec(
            select(Speaker.id, Speaker.key).where(col(Speaker.id).in_({r[3] for r in found}))
        ).all()
    )
    rows = [
        (claim_id, article_id, name, old)
        for claim_id, article_id, name, old in found
        if name in meant[article_id]
        or not _generic(name or "")
        or keys.get(old or 0) == speaker_key(name or "")
    ]
    newest = session.exec(select(func.max(Speaker.id))).one() or 0
    ids = _resolve_again(session, {meant[a].get(n or "", n or "") for _, a, n, _ in rows}, decided)
    moves: dict[int, tuple[int | None, int, str]] = {}
    refused = 0
    for claim_id, article_id, name, old in rows:
        new = ids.get(meant[article_id].get(name or "", name or ""))
        if claim_id is None or new is None or new == old:
            continue
        if decided.refuse(old, new):
            refused += 1
        else:
            moves[claim_id] = (old, new, name or "")
    unused = {i for i in ids.values() if i > newest} - {new for _, new, _ in moves.values()}
    _remove(session, unused)
    return moves, refused


def _resolve_again(session: Session, names: set[str], decided: _EditorDecisions) -> dict[str, int]:
    """Each name's speaker by today's rules (see rebuild_speakers)."""
    keys = {n: k for n in names if n.strip() and (k := speaker_key(n))}
    own = _aliases(session, set(keys.values()))
    found = speaker_ids(session, names=[n for n, k in keys.items() if k not in own])
    touched = decided.touched
    for name, key in keys.items():
        if key in own:
            other = None if own[key] in touched else _joins_other(session, name, key)
            found[name] = own[key] if other is None else other
    return found


def _joins_other(session: Session, name: str, key: str) -> int | None:
    """The one other speaker a name known as its own speaker's joins by today's rules: the
    rules that take a shorter name to a fuller one's entity (speaker_ids)."""
    found = _by_surname(session, key)
    if found is None:
        found = _by_firm_word(session, key)
    if found is None and _ACRONYM.match(plain_name(name)):
        found = _by_initials(session, key)
    if found is None:
        found = _by_head(session, key, guess_kind(clean_name(name)), reverse=False)
    return found


def _move_claims(
    session: Session, moves: Mapping[int, tuple[int | None, int, str]], *, by: User
) -> None:
    """Give these claims their new speakers: counts, triage, one event each, and the
    attributed ones grouped again under their new speaker's key."""
    if not moves:
        return
    claims = session.exec(select(Claim).where(col(Claim.id).in_(moves))).all()
    for claim in claims:
        before = counts.facts(session, claim)
        new = moves[claim.id or 0][1]
        counts.claim_changed(session, before=before, after=replace(before, speaker_id=new))
    for new in sorted({new for _, new, _ in moves.values()}):
        ids = [i for i, (_, n, _) in moves.items() if n == new]
        session.execute(sa.update(Claim).where(col(Claim.id).in_(ids)).values(speaker_id=new))
    triage.stale(session, claims=list(moves))
    for claim_id, (old, new, name) in sorted(moves.items()):
        record(
            session,
            by=by,
            action="claim.speaker",
            entity="claim",
            entity_id=claim_id,
            claim_id=claim_id,
            before={"speaker_id": old, "speaker": name},
            after={"speaker_id": new},
        )
    from factcheck.groups import regroup  # groups build on speakers: import at use

    said = [c.id or 0 for c in claims if c.kind is ClaimKind.ATTRIBUTED]
    regroup(session, claim_ids=said, by=by)


def _join_emptied(
    session: Session, went: dict[int, set[int]], decided: _EditorDecisions, *, by: User
) -> int:
    """Remove the speakers left without claims whose claims all went to one other, joining
    them to it (see rebuild_speakers); how many. Not committed."""
    left = {s for s, to in went.items() if len(to) == 1 and s not in decided.touched}
    if not left:
        return 0
    still = set(session.exec(select(Claim.speaker_id).where(col(Claim.speaker_id).in_(left))).all())
    by_hand = session.exec(
        select(SpeakerVoice.speaker_id, SpeakerVoice.voice_id).where(
            SpeakerVoice.by_hand,
            sa.or_(col(SpeakerVoice.speaker_id).in_(left), col(SpeakerVoice.voice_id).in_(left)),
        )
    ).all()
    kept = still | {i for row in by_hand for i in row if i is not None}
    gone = sorted(left - kept)
    for speaker_id in gone:
        target = next(iter(went[speaker_id]))
        speaker = session.get(Speaker, speaker_id)
        for follower in session.exec(
            select(SpeakerVoice).where(SpeakerVoice.voice_id == speaker_id)
        ).all():  # who spoke for it speaks for what it joined
            _set_voice(
                session,
                follower.speaker_id,
                target,
                role=follower.role,
                by_hand=False,
                by=by,
                join=settings().grouping,
            )
        session.execute(
            sa.update(ClaimGroup)
            .where(col(ClaimGroup.speaker_id) == speaker_id)
            .values(speaker_id=target)
        )
        record(
            session,
            by=by,
            action="speaker.rejoin",
            entity="speaker",
            entity_id=target,
            before={"speaker_id": speaker_id, "name": speaker.name if speaker else ""},
            after={"speaker_id": target},
        )
    _remove(session, set(gone))
    for speaker_id in gone:  # gone: not looked at again by a later batch
        del went[speaker_id]
    return len(gone)


def _remove(session: Session, speaker_ids: set[int]) -> None:
    """Delete these speakers, which no claim names, with their names and own voice links."""
    if not speaker_ids:
        return
    ids = sorted(speaker_ids)
    for table in (SpeakerInitials, SpeakerAlias):
        session.execute(sa.delete(table).where(col(table.speaker_id).in_(ids)))
    session.execute(sa.delete(SpeakerVoice).where(col(SpeakerVoice.speaker_id).in_(ids)))
    session.execute(
        sa.update(SpeakerVoice).where(col(SpeakerVoice.voice_id).in_(ids)).values(voice_id=None)
    )
    session.execute(sa.delete(Speaker).where(col(Speaker.id).in_(ids)))
    session.expire_all()
