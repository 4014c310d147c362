"""Speakers: the people and organisations claims are attributed to."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, func, select

from factcheck.models import Speaker, SpeakerKind

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
    """The speaker with this name (case-insensitive), created when new; not committed."""
    clean = " ".join(name.split())[:300]
    found = session.exec(select(Speaker).where(func.lower(Speaker.name) == clean.lower())).first()
    if found is not None:
        return found
    speaker = Speaker(name=clean, kind=guess_kind(clean))
    session.add(speaker)
    session.flush()
    return speaker


def speaker_ids(session: Session, *, names: Iterable[str]) -> dict[str, int]:
    """The ID of each speaker named, in one query, creating the new ones; not committed."""
    clean = {name: " ".join(name.split())[:300] for name in names if name.strip()}
    lowered = {c.lower() for c in clean.values()}
    query = select(Speaker).where(func.lower(Speaker.name).in_(lowered))
    found = {s.name.lower(): s for s in session.exec(query)} if lowered else {}
    new = {}
    for c in clean.values():
        if c.lower() not in found and c.lower() not in new:
            new[c.lower()] = Speaker(name=c, kind=guess_kind(c))
    if new:
        session.add_all(new.values())
        session.flush()
    found |= new
    return {name: found[c.lower()].id or 0 for name, c in clean.items()}
