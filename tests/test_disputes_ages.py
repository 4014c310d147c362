"""Issue #10 §3, session 13: a named person's age is a fact fixed when it was given, so two
outlets' ages of one person dispute across days; ages of two people, or of no one named, do
not. Pure rules first, then disputes stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.comparable import aged, amount_outcome, fixed_fact
from factcheck.extract import extract_claims
from factcheck.models import Claim, ClaimGroup, ClaimKind, Role, User
from tests.factories import make_user


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Among the injured was Tomas Relling, 64, a retired ferryman.", "64"),
        ("A 64-year-old man, Tomas Relling, was among the injured.", "64-year-old"),
        ("Among the injured was 64-year-old Tomas Relling.", "64-year-old"),
    ],
)
def test_an_age_beside_a_name_is_that_person_s_fixed_age(sentence: str, quote: str) -> None:
    assert aged(sentence, quote) == "relling"
    assert fixed_fact("age", sentence, quote)
    assert amount_outcome("n|*|day", "age", sentence, quote) == "age relling"


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Among the injured was a 64-year-old man.", "64-year-old"),
        ("The 23-year-old ferry had passed its inspection.", "23-year-old"),
    ],
)
def test_an_age_of_no_one_named_names_nothing(sentence: str, quote: str) -> None:
    assert aged(sentence, quote) is None
    assert not fixed_fact("age", sentence, quote)
    assert amount_outcome("n|*|day", "age", sentence, quote) is None


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


MONDAY = datetime(2026, 9, 14, 18, tzinfo=UTC)
TUESDAY = datetime(2026, 9, 15, 18, tzinfo=UTC)


def _add(session: Session, by: User, outlet: str, text: str, at: datetime) -> int:
    # one shared figure puts every outlet's article in one story
    text = f"{text}\n\nPolice in Brask said 640 people were evacuated from Marl ({outlet})."
    article = add_article(
        session,
        title=f"Brask ferry ({outlet})",
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=at,
    )
    return article.id or 0


def _conflicted(session: Session, article: int, quote: str) -> bool:
    session.expire_all()  # read what was written, not what this session holds
    claim = next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == article))
        if c.kind == ClaimKind.NUMERIC and c.quote == quote
    )
    group = session.get(ClaimGroup, claim.group_id) if claim.group_id else None
    return bool(group and group.conflict)


def test_one_person_s_two_ages_dispute_across_days(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Coast Wire",
        "A 64-year-old man, Tomas Relling, was among the injured.",
        MONDAY,
    )
    b = _add(
        session, editor, "Harl Courier", "Among the injured was 46-year-old Tomas Relling.", TUESDAY
    )
    session.commit()
    assert _conflicted(session, a, "64-year-old") and _conflicted(session, b, "46-year-old")


def test_two_people_s_ages_do_not_dispute(session: Session, editor: User) -> None:
    a = _add(
        session,
        editor,
        "Coast Wire",
        "A 64-year-old man, Tomas Relling, was among the injured.",
        MONDAY,
    )
    b = _add(
        session, editor, "Harl Courier", "Among the injured was 46-year-old Anna Berg.", MONDAY
    )
    session.commit()
    assert not _conflicted(session, a, "64-year-old") and not _conflicted(session, b, "46-year-old")
