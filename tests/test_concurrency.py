"""Concurrent reviewers lose no update, on SQLite and PostgreSQL (the small load test)."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from factcheck.load import run_load
from factcheck.models import Claim, Event, Role
from factcheck.review import PROPOSE_ACTION, STATUS_ACTION
from tests.factories import make_article, make_user


def test_concurrent_status_changes_lose_no_update(session: Session, db_url: str) -> None:
    editor = make_user(session, role=Role.EDITOR)
    ids = [c.id or 0 for _ in range(4) for c in make_article(session, by=editor)[1]]
    session.commit()  # end our own transaction: on SQLite it would hold the write lock
    result = run_load(db_url, email=editor.email, claim_ids=ids, processes=4, changes=40)
    assert result.errors == []
    assert result.successes + result.conflicts == 4 * 40
    session.expire_all()
    versions = dict(session.exec(select(Claim.id, Claim.version)).all())
    assert {i: versions[i] - 1 for i in ids if versions[i] > 1} == dict(result.writes)
    status_events = session.exec(
        select(func.count())
        .select_from(Event)
        .where(col(Event.action).in_((STATUS_ACTION, PROPOSE_ACTION)))
    ).one()
    assert status_events == result.successes
