"""What grouping asks of the database for one pasted article (issue #10: grouping cost per
commit, one article per transaction), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck import disputes
from factcheck.articles import add_article
from factcheck.extract import extract_claims
from factcheck.groups import group_articles
from factcheck.models import Article, Claim, ClaimGroup, ClaimKind, Role
from tests.factories import found_in, make_user

TEXT = (
    "Floodwater cut the Varnholt ring road on Tuesday and 41 people were killed in Varnholt, "
    '"We saw the river rise by the hour," the Varnholt mayor Ilse Kamper said.'
)


@contextmanager
def statements(session: Session) -> Iterator[list[str]]:
    """The SQL statements sent on the session's connection while the block runs."""
    sent: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)


def test_an_article_whose_keys_no_claim_has_yet_costs_two_reads(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_GROUPING", "0")  # stored first; its grouping is what is timed
    user = make_user(session, role=Role.EDITOR)
    claims = [
        found_in(TEXT, "41", kind="numeric", value=41, unit="people", measure="people killed"),
        found_in(
            TEXT,
            "We saw the river rise by the hour",
            kind="attributed",
            speaker="Ilse Kamper",
            attribution="direct",
            cue="said",
            direct=True,
        ),
    ]
    article = add_article(session, title="Varnholt floods", text=TEXT, by=user, claims=claims)
    session.connection()  # the transaction begun (SQLite's BEGIN IMMEDIATE is not grouping's)
    with statements(session) as sent:
        group_articles(session, article_ids=[article.id or 0])
    session.commit()

    # Its claims and their candidates, read once each (no separate read of the articles, no
    # writes); PostgreSQL first takes the keys' locks in one statement. In no story, its
    # names and speakers are written and looked up (factcheck.storylink): two more.
    locks = 1 if session.get_bind().dialect.name == "postgresql" else 0
    assert len(sent) == 2 + locks + 2, sent
    stored = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    assert len(stored) == 2
    assert all(c.group_key for c in stored)  # both could be grouped: there was nothing yet
    assert [c.group_id for c in stored] == [None, None]


ELSEWHERE = (
    "Storms flattened Quellmoor harbour on Friday and 41 people were killed in Quellmoor, "
    "the Quellmoor coastguard Tomas Brevik said."
)


def test_look_alike_figures_of_another_story_are_not_read_apart(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_GROUPING", "0")  # stored first; its grouping is what is timed
    user = make_user(session, role=Role.EDITOR)
    toll = {"kind": "numeric", "value": 41, "unit": "people", "measure": "people killed"}
    add_article(
        session,
        title="Quellmoor storms",
        text=ELSEWHERE,
        by=user,
        claims=[found_in(ELSEWHERE, "41", **toll)],
    )
    article = add_article(
        session,
        title="Varnholt floods",
        text=TEXT,
        by=user,
        claims=[found_in(TEXT, "41", **toll)],
    )
    session.connection()
    with statements(session) as sent:
        group_articles(session, article_ids=[article.id or 0])
    session.commit()

    # The other story's 41 dead share the key but not the names: judged in the candidate
    # statement, its article is not read apart, and nothing is written but its story keys,
    # which are looked up once (factcheck.storylink).
    locks = 1 if session.get_bind().dialect.name == "postgresql" else 0
    assert len(sent) == 2 + locks + 2, sent
    grouped = session.exec(select(Claim.group_id).where(col(Claim.group_id).is_not(None))).all()
    assert grouped == []


TWO_MEASURES = (
    "Floodwater cut the Varnholt ring road on Tuesday, and 41 people were killed in Varnholt. "
    "Rescuers said 230 people were evacuated from Varnholt, the mayor Ilse Kamper said."
)


def test_the_figures_of_its_story_are_read_once_whatever_the_measures(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user(session, role=Role.EDITOR)
    day = datetime(2025, 4, 1, 9, tzinfo=UTC)

    def add(outlet: str, hours: int) -> Article:
        text = f"{TWO_MEASURES} Filed by the {outlet} desk."
        return add_article(
            session,
            title=f"Varnholt floods ({outlet})",
            text=text,
            by=user,
            claims=extract_claims(text),
            outlet=outlet,
            published_at=day + timedelta(hours=hours),
        )

    add("Wire Alpha", 0)
    add("Courier Beta", 1)
    session.commit()
    monkeypatch.setenv("FACTCHECK_GROUPING", "0")  # stored first; its grouping is what is timed
    article = add("Radio Gamma", 2)
    session.connection()
    kept = disputes.refresh
    during: list[int] = []

    def refresh(*args: Any, **kwargs: Any) -> None:
        with statements(session) as sent:
            kept(*args, **kwargs)
        during.append(len(sent))

    monkeypatch.setattr(disputes, "refresh", refresh)
    group_articles(session, article_ids=[article.id or 0])
    session.commit()

    # Both its figures join the two outlets' groups (people killed, people evacuated): the
    # latest figures of both measures of the story come in one statement, and as all agree
    # nothing is written.
    assert during == [1]
    figures = session.exec(
        select(Claim).where(Claim.article_id == article.id, Claim.kind == ClaimKind.NUMERIC)
    ).all()
    groups = [session.get(ClaimGroup, c.group_id) for c in figures if c.group_id]
    assert sorted(g.size for g in groups if g) == [3, 3]
    assert not any(g.conflict for g in groups if g)


AGAIN = (
    "In Varnholt 41 people were killed when floodwater cut the ring road on Tuesday. "
    '"We saw the river rise by the hour," the Varnholt mayor Ilse Kamper said in Varnholt.'
)


def _flood_claims(text: str) -> list[Any]:
    """The toll and the mayor's words, as found in ``text``."""
    toll = {"kind": "numeric", "value": 41, "unit": "people", "measure": "people killed"}
    return [
        found_in(text, "41", **toll),
        found_in(
            text,
            "We saw the river rise by the hour",
            kind="attributed",
            speaker="Ilse Kamper",
            attribution="direct",
            cue="said",
            direct=True,
        ),
    ]


def test_an_article_that_starts_two_groups_writes_them_in_one_statement(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_GROUPING", "1")
    user = make_user(session, role=Role.EDITOR)
    first = add_article(
        session, title="Varnholt floods", text=TEXT, by=user, claims=_flood_claims(TEXT)
    )
    with statements(session) as sent:
        second = add_article(
            session, title="Varnholt toll", text=AGAIN, by=user, claims=_flood_claims(AGAIN)
        )

    # The toll and the quote each start a group with the first article's claim: both groups
    # are inserted at once (SQLite too: not one statement per group).
    assert sum(s.startswith("INSERT INTO claimgroup") for s in sent) == 1, sent
    groups = session.exec(select(ClaimGroup).order_by(col(ClaimGroup.id))).all()
    assert [(g.kind.value, g.size) for g in groups] == [("numeric", 2), ("attributed", 2)]
    for article in (first, second):
        claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
        by_kind = {c.kind.value: c.group_id for c in claims}
        assert by_kind == {"numeric": groups[0].id, "attributed": groups[1].id}
