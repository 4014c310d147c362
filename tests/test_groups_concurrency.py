"""Two ingests of the same figure at the same moment, in separate processes, end in one group."""

from __future__ import annotations

import multiprocessing as mp
import sys
import types
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import Session, col, select

from factcheck.db import dispose_engine, get_engine
from factcheck.models import Claim, Role
from tests.factories import make_user

ROUNDS = 6


def _text(round_no: int, outlet: int) -> str:
    toll = 300 + round_no * 37
    return (
        f"Floods in the Varn valley killed {toll} people on Tuesday. Outlet {outlet} reports "
        f"from Orlin, round {round_no}."
    )


def _worker(url: str, email: str, outlet: int, barrier: Any) -> None:
    from factcheck.articles import add_article
    from factcheck.extract import extract_claims
    from factcheck.users import get_user

    with Session(get_engine(url), expire_on_commit=False) as session:
        user = get_user(session, email=email)
        session.commit()  # SQLite: a session's first read takes the write lock; let it go
        for round_no in range(ROUNDS):
            text = _text(round_no, outlet)
            claims = extract_claims(text)
            session.commit()
            barrier.wait(timeout=60)  # both store at the same moment
            add_article(
                session,
                title=f"Varn floods ({outlet}, {round_no})",
                text=text,
                by=user,
                claims=claims,
                outlet=f"Outlet {outlet}",
                published_at=datetime(2025, 5, 6, 8, tzinfo=UTC),
            )
    dispose_engine(url)


def test_two_workers_ingesting_one_figure_at_once_end_in_one_group(
    session: Session, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user(session, role=Role.REVIEWER)
    session.commit()
    # AppTest replaces __main__ with a page script earlier in the run; a spawned worker would
    # re-run that script. Spawn from a plain __main__ (the worker is found by its module).
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [ctx.Process(target=_worker, args=(db_url, user.email, n, barrier)) for n in (1, 2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=240)
    assert [w.exitcode for w in workers] == [0, 0]
    for round_no in range(ROUNDS):
        toll = 300 + round_no * 37
        claims = session.exec(
            select(Claim).where(Claim.value == toll, col(Claim.quote).contains(str(toll)))
        ).all()
        assert len(claims) == 2
        groups = {c.group_id for c in claims}
        assert len(groups) == 1 and None not in groups, f"round {round_no}: {groups}"


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
