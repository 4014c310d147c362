"""Factory functions for test data; each builds through the services, as the app does."""

from __future__ import annotations

import itertools
from typing import Any

from sqlmodel import Session, col, func, select

from factcheck import comparable, disputes, groups
from factcheck.articles import add_article
from factcheck.extract import Found
from factcheck.extract.sentences import sentence_around
from factcheck.models import Article, Claim, Role, Status, User
from factcheck.review import set_status, sign_off
from factcheck.users import add_user, count_users

_serial = itertools.count(1)

ARTICLE = (
    "Flooding in the river valley forced at least 3,400 residents from their homes on Monday, "
    'the regional emergency office said. Mayor Lena Vos said that the levee "held better than '
    'anyone expected". Rainfall reached 212 millimetres in two days, according to the '
    "national weather service."
)


def forget_rules() -> None:
    """Empty what grouping and disputes keep of the rules' answers (their lru caches): a test
    that stores under old rules (monkeypatched) must not leave those answers to the next step
    or the next test, which run the rules as they are."""
    for module in (comparable, disputes, groups):
        for value in vars(module).values():
            if callable(clear := getattr(value, "cache_clear", None)):
                clear()


def count(session: Session, model: type) -> int:
    """How many rows a table has."""
    return session.exec(select(func.count()).select_from(model)).one()


def make_user(
    session: Session,
    *,
    role: Role = Role.REVIEWER,
    email: str = "",
    password: str = "correct horse battery",
) -> User:
    """A user with this role; the first one made is created as its own admin."""
    address = email or f"user{next(_serial)}@newsroom.test"
    if count_users(session) == 0:
        first = add_user(
            session,
            email=f"root{next(_serial)}@newsroom.test",
            role=Role.ADMIN,
            password=password,
            by=None,
        )
        if role is Role.ADMIN and not email:
            return first
    admin = session.exec(select(User).where(User.role == Role.ADMIN)).first()
    return add_user(
        session,
        email=address,
        role=role,
        password=password,
        by=admin,
        display_name=address.split("@")[0].title(),
    )


def found_in(text: str, quote: str, **fields: Any) -> Found:
    """A claim as the extractor would hand it over, on the first ``quote`` in ``text``."""
    start = text.index(quote)
    end = start + len(quote)
    fields.setdefault("speaker_resolved", bool(fields.get("speaker")))
    return Found(
        start=start, end=end, quote=quote, sentence=sentence_around(text, start, end), **fields
    )


def make_article(
    session: Session, *, by: User, text: str = ARTICLE, outlet: str = "Valley Post", title: str = ""
) -> tuple[Article, list[Claim]]:
    """An article with three claims (two numeric, one attributed), stored by the service."""
    body = text if text != ARTICLE else f"{ARTICLE} (edition {next(_serial)})"
    claims = (
        [
            found_in(
                body,
                "3,400",
                kind="numeric",
                value=3400,
                qualifier="at least",
                unit="people",
                measure="residents forced from their homes",
            ),
            found_in(
                body,
                "212 millimetres",
                kind="numeric",
                value=212,
                unit="millimetre",
                measure="rainfall",
                speaker="national weather service",
                attribution="according_to",
                cue="according to",
            ),
            found_in(
                body,
                "held better than anyone expected",
                kind="attributed",
                speaker="Lena Vos",
                attribution="direct",
                cue="said",
                direct=True,
            ),
        ]
        if text == ARTICLE
        else []
    )
    article = add_article(
        session,
        title=title or f"Floods {next(_serial)}",
        text=body,
        by=by,
        claims=claims,
        outlet=outlet,
    )
    rows = list(
        session.exec(
            select(Claim).where(Claim.article_id == article.id).order_by(col(Claim.start))
        ).all()
    )
    return article, rows


def second_editor(session: Session, *, besides: User) -> User:
    """An active editor other than ``besides``, made on first use: the desk's second person."""
    found = session.exec(
        select(User).where(
            col(User.role) == Role.EDITOR, col(User.active).is_(True), col(User.id) != besides.id
        )
    ).first()
    return found or make_user(
        session, role=Role.EDITOR, email=f"second{next(_serial)}@newsroom.test"
    )


def decide(
    session: Session,
    *,
    claim_id: int,
    status: Status,
    by: User,
    seen_version: int,
    note: str = "",
) -> Claim:
    """Set a status as ``by``; a final verdict that needs a second person is signed off too."""
    claim = set_status(
        session, claim_id=claim_id, status=status, by=by, seen_version=seen_version, note=note
    )
    if claim.proposed_status is None:
        return claim
    return sign_off(
        session,
        claim_id=claim_id,
        by=second_editor(session, besides=by),
        seen_version=claim.version,
    )
