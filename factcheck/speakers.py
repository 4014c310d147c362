"""Speakers: the people and organisations claims are attributed to."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from factcheck.models import Speaker, SpeakerKind
from factcheck.names import clean_name, name_key

_ORG_WORDS = (
    "ministry",
    "administration",
    "government",
    "office",
    "agency",
    "council",
    "department",
    "army",
    "forces",
    "police",
    "committee",
    "organization",
    "organisation",
    "authority",
    "kingdom",
    "united nations",
    "hamas",
    "party",
)


def guess_kind(name: str) -> SpeakerKind:
    """A first guess at whether a speaker is a person, an organisation or anonymous."""
    low = name.lower()
    if low.startswith(("sources", "officials", "a source", "an official", "people familiar")):
        return SpeakerKind.ANONYMOUS
    if any(word in low for word in _ORG_WORDS):
        return SpeakerKind.ORGANISATION
    if len(name.split()) >= 2 and name[:1].isupper():
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def speaker_named(session: Session, *, name: str) -> Speaker:
    """The speaker with this name (compared by ``name_key``), created when new; not committed."""
    clean = clean_name(name)[:300]
    key = name_key(clean)
    found = session.exec(select(Speaker).where(Speaker.key == key)).first()
    if found is not None:
        return found
    speaker = Speaker(name=clean, key=key, kind=guess_kind(clean))
    session.add(speaker)
    session.flush()
    return speaker


def speaker_ids(session: Session, *, names: Iterable[str]) -> dict[str, int]:
    """The ID of each speaker named, in one query, creating the new ones; not committed."""
    clean = {name: clean_name(name)[:300] for name in names if clean_name(name)}
    keys = {c: name_key(c) for c in clean.values()}
    wanted = set(keys.values())
    query = select(Speaker).where(col(Speaker.key).in_(wanted))
    found = {s.key: s for s in session.exec(query)} if wanted else {}
    new: dict[str, Speaker] = {}
    for c, key in keys.items():
        if key not in found and key not in new:
            new[key] = Speaker(name=c, key=key, kind=guess_kind(c))
    if new:
        session.add_all(new.values())
        session.flush()
    found |= new
    return {name: found[keys[c]].id or 0 for name, c in clean.items()}
