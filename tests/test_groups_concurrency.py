"""Ingests at the same moment, in separate processes: two of the same figure end in one group,
and two that want one figure by different keys leave every group whole (PostgreSQL)."""

from __future__ import annotations

import multiprocessing as mp
import sys
import types
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import Session, col, select

from factcheck.db import dispose_engine, get_engine
from factcheck.models import Claim, ClaimGroup, Role
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


def run_at_once(
    monkeypatch: pytest.MonkeyPatch, target: Any, each: list[tuple[Any, ...]], timeout: int = 240
) -> None:
    """Run ``target`` in one spawned process per argument tuple, each given a barrier shared
    by all as its last argument (to store at the same moment); every one must end cleanly."""
    # AppTest replaces __main__ with a page script earlier in the run; a spawned worker would
    # re-run that script. Spawn from a plain __main__ (the worker is found by its module).
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(each))
    workers = [ctx.Process(target=target, args=(*args, barrier)) for args in each]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=timeout)
    assert [w.exitcode for w in workers] == [0] * len(each)


def test_two_workers_ingesting_one_figure_at_once_end_in_one_group(
    session: Session, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user(session, role=Role.REVIEWER)
    session.commit()
    run_at_once(monkeypatch, _worker, [(db_url, user.email, n) for n in (1, 2)])
    for round_no in range(ROUNDS):
        toll = 300 + round_no * 37
        claims = session.exec(
            select(Claim).where(Claim.value == toll, col(Claim.quote).contains(str(toll)))
        ).all()
        assert len(claims) == 2
        groups = {c.group_id for c in claims}
        assert len(groups) == 1 and None not in groups, f"round {round_no}: {groups}"


# Two ingests that want the same figure at the same moment by different keys: one by its
# measure key (the first pass), the other by its count (the story pass). They hold different
# key locks, so both read it (alone, or its group) before either writes.
RACE_DAY = datetime(2026, 11, 2, 12, tzinfo=UTC)
RACE_TOPIC = "The Tarrow crossing exchange"
RACE_LINE = "\n\nThe Tarrow crossing near Dunmore had been shut for 212 days ({outlet})."
BROKEN = 3  # a worker's exit code when the other never reached its write: no race was run


def _race_worker(
    url: str, email: str, outlet: str, text: str, wanted: tuple[str, int], barrier: Any
) -> None:
    """Ingest ``text``; the write that touches ``wanted`` (``claim`` or ``group``, its ID)
    waits until the other worker's has been reached too."""
    import threading

    from factcheck import groups
    from factcheck.articles import add_article
    from factcheck.extract import extract_claims
    from factcheck.users import get_user

    write = groups._write

    def write_after_the_other_read(session: Session, plan: Any, stories: Any) -> None:
        if any(wanted in (("claim", member.id), ("group", gid)) for gid, member in plan.joins):
            try:
                barrier.wait(timeout=20)  # both have read it; now both write
            except threading.BrokenBarrierError:
                sys.exit(BROKEN)
        write(session, plan, stories)

    groups._write = write_after_the_other_read  # type: ignore[assignment]
    with Session(get_engine(url), expire_on_commit=False) as session:
        user = get_user(session, email=email)
        claims = extract_claims(text)
        session.commit()
        add_article(
            session,
            title=f"{RACE_TOPIC} ({outlet})",
            text=text,
            by=user,
            claims=claims,
            outlet=outlet,
            published_at=RACE_DAY,
        )
    dispose_engine(url)


@pytest.mark.parametrize("grouped", [False, True], ids=["a lone figure", "a group"])
def test_two_ingests_taking_one_figure_by_different_keys_leave_every_group_whole(
    session: Session, db_url: str, monkeypatch: pytest.MonkeyPatch, grouped: bool
) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite holds the whole database for one writer: no two ingests read at once")
    from tests.disputed import add_in_story

    user = make_user(session, role=Role.EDITOR)

    def stored(outlet: str, text: str) -> int:
        return add_in_story(
            session, user, outlet=outlet, text=text, at=RACE_DAY, line=RACE_LINE, topic=RACE_TOPIC
        )

    wire = stored("Harbour Wire", "Thirteen hostages were held in the Marl barracks.")
    if grouped:
        stored("Coast Radio", "Thirteen hostages were held at the camp, aid workers said.")
    else:
        stored("Coast Radio", "Aid convoys waited at the border.")
    session.commit()
    held = next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == wire))
        if c.quote == "Thirteen"
    )
    assert (held.group_id is not None) == grouped
    freed = "Thirteen hostages were freed at the Tarrow crossing." + RACE_LINE.format(
        outlet="Dunmore Post"
    )  # its count meets the held ones in the story pass
    more = "Fourteen hostages were held in the Marl barracks near the Tarrow crossing at Dunmore."
    wanted = ("group", held.group_id) if held.group_id else ("claim", held.id)
    run_at_once(
        monkeypatch,
        _race_worker,
        [
            (db_url, user.email, outlet, text, wanted)
            for outlet, text in (("Dunmore Post", freed), ("Marl Courier", more))
        ],
        timeout=120,
    )
    session.expire_all()
    sizes = dict(session.exec(select(ClaimGroup.id, ClaimGroup.size)).all())
    members = Counter(
        c.group_id for c in session.exec(select(Claim).where(col(Claim.group_id).is_not(None)))
    )
    assert members == Counter(sizes)
    assert min(members.values()) >= 2
    session.refresh(held)
    assert held.group_id is not None
    if grouped:  # both joined it
        assert members[held.group_id] == 4


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
