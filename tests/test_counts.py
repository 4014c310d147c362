"""The count tables stay exact after every kind of claim write, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck import counts
from factcheck.articles import add_article
from factcheck.claims import add_claim, edit_claim
from factcheck.db import get_engine
from factcheck.desk import correct, publish, set_two_person_rule
from factcheck.errors import Conflict
from factcheck.ingest import from_text, store, store_many
from factcheck.load import run_load
from factcheck.models import (
    ALL_TIME,
    Claim,
    ClaimCount,
    ClaimKind,
    Grain,
    MeasureCount,
    MeasureTotal,
    Role,
    SpeakerTotal,
    Status,
    User,
)
from factcheck.review import assign, bulk_set_status, send_back, set_status, sign_off
from factcheck.speakers import merge_speakers
from tests.factories import found_in, make_article, make_user

EXACT = {
    "claim.triage_points": 0,
    "claim_count": 0,
    "speaker_count": 0,
    "speaker_total": 0,
    "article_count": 0,
    "status_change_count": 0,
    "measure_count": 0,
    "measure_total": 0,
}


def _headline(session: Session) -> dict[str, int]:
    rows = session.exec(
        select(ClaimCount.status, ClaimCount.claims).where(ClaimCount.grain == Grain.ALL)
    ).all()
    found: dict[str, int] = {}
    for status, n in rows:
        found[status] = found.get(status, 0) + n
    return {s: n for s, n in found.items() if n}


def _editor(session: Session) -> User:
    """An editor whose verdicts are final at once (the two-person rule off)."""
    set_two_person_rule(session, on=False, by=make_user(session, role=Role.ADMIN))
    return make_user(session, role=Role.EDITOR)


def test_the_desks_steps_keep_counts_exact(session: Session) -> None:
    reviewer, editor = make_user(session), make_user(session, role=Role.EDITOR)
    _, claims = make_article(session, by=reviewer)
    cid, other = claims[0].id or 0, claims[1].id or 0
    set_status(session, claim_id=cid, status=Status.FALSE, by=reviewer, seen_version=1)
    signed = sign_off(session, claim_id=cid, by=editor, seen_version=2)
    set_status(session, claim_id=other, status=Status.VERIFIED, by=reviewer, seen_version=1)
    send_back(session, claim_id=other, note="Which bulletin?", by=editor, seen_version=2)
    done = publish(
        session, claim_id=cid, url="https://desk.example/f", by=editor, seen_version=signed.version
    )
    correct(
        session,
        claim_id=cid,
        reason="Misleading, not false; and the office said it, not the mayor.",
        by=editor,
        seen_version=done.version,
        status=Status.MISLEADING,
        speaker="Valley emergency office",  # the speaker counts move too
    )
    assert counts.check(session) == EXACT
    assert _headline(session) == {"misleading": 1, "in_review": 1, "unreviewed": 1}


def test_ingested_articles_are_counted(session: Session) -> None:
    editor = _editor(session)
    make_article(session, by=editor)
    make_article(session, by=editor, outlet="Harbour Herald")
    body = "The council said 41 bridges were repaired in 2001. It spent 3 million dollars."
    add_article(  # no outlet, an old publication date
        session,
        title="Bridges",
        text=body,
        by=editor,
        published_at=datetime(2001, 6, 2, 23, 30, tzinfo=UTC),
        claims=[found_in(body, "41 bridges", kind="numeric", value=41, measure="bridges")],
    )
    assert counts.check(session) == EXACT
    assert _headline(session) == {"unreviewed": 7}


def test_the_ingest_service_counts_what_it_stores(session: Session) -> None:
    editor = _editor(session)
    doc = from_text(
        "Officials said at least 1,200 people were evacuated on Monday, according to the "
        "regional emergency office. The mayor said 14 shelters were open.",
        title="Evacuations",
    )
    result = store(session, doc=doc, by=editor, outlet="Valley Post")
    assert result.claims > 0
    again = store(session, doc=doc, by=editor, outlet="Valley Post")  # a duplicate: no count
    assert again.duplicate
    assert counts.check(session) == EXACT
    assert sum(_headline(session).values()) == result.claims


def test_status_changes_are_counted_with_their_activity(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    first = set_status(
        session, claim_id=claims[0].id or 0, status=Status.IN_REVIEW, by=editor, seen_version=1
    )
    set_status(
        session,
        claim_id=claims[0].id or 0,
        status=Status.VERIFIED,
        by=editor,
        seen_version=first.version,
    )
    set_status(  # not a claim: an extraction mistake
        session, claim_id=claims[1].id or 0, status=Status.NOT_A_CLAIM, by=editor, seen_version=1
    )
    set_status(  # the same status again: no change to count
        session, claim_id=claims[2].id or 0, status=Status.UNREVIEWED, by=editor, seen_version=1
    )
    assert counts.check(session) == EXACT
    assert _headline(session) == {"verified": 1, "not_a_claim": 1, "unreviewed": 1}


def test_bulk_status_and_assignment_keep_counts_exact(session: Session) -> None:
    editor = _editor(session)
    claims = make_article(session, by=editor)[1] + make_article(session, by=editor)[1]
    bulk_set_status(
        session, seen={c.id or 0: c.version for c in claims}, status=Status.FALSE, by=editor
    )
    session.expire_all()
    versions = {c.id or 0: c.version for c in session.exec(select(Claim)).all()}
    assign(session, seen=versions, assignee=editor, by=editor)
    assert counts.check(session) == EXACT
    assert _headline(session) == {"false": 6}


def test_bulk_status_writes_each_count_table_once(session: Session) -> None:
    editor = _editor(session)
    claims = [c for _ in range(3) for c in make_article(session, by=editor)[1]]
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if "INSERT INTO claim_count" in statement:
            statements.append(statement)

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        bulk_set_status(
            session, seen={c.id or 0: c.version for c in claims}, status=Status.FALSE, by=editor
        )
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)
    assert len(statements) == 1  # nine claims, one upsert of their counts
    assert counts.check(session) == EXACT


def test_a_batch_ingest_writes_each_count_table_in_one_statement(session: Session) -> None:
    editor = _editor(session)
    docs = [
        from_text(
            f"The harbour master said {n} ferries were cancelled in {town}. About {n * 150} "
            f"passengers were stranded, according to the port authority.",
            title=f"Ferries cancelled in {town}",
        )
        for n, town in ((3, "Dunmore"), (7, "Ashby"), (12, "Port Ellis"))
    ]
    tables = {model.__tablename__ for model in counts.TABLES}
    written: list[tuple[list[str], bool]] = []  # the count tables of each statement; executemany

    def seen(*args: object) -> None:
        statement, executemany = str(args[2]), bool(args[5])
        found = [t for t in sorted(tables) if f"INSERT INTO {t} " in statement]
        if found:
            written.append((found, executemany))

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        results = store_many(session, docs=docs, by=editor, outlet="Harbour Herald")
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)
    assert sum(r.claims for r in results) > len(docs)
    each = [t for found, _ in written for t in found]
    assert len(each) == len(set(each))  # no count table written twice in one commit
    if engine.dialect.name == "postgresql":  # one round trip, run once (not once per row)
        assert written == [(sorted(tables), False)]
    assert counts.check(session) == EXACT


def test_added_and_edited_claims_are_counted(session: Session) -> None:
    editor = _editor(session)
    article, claims = make_article(session, by=editor)
    quote = "Mayor Lena Vos"
    start = article.text.index(quote)
    added = add_claim(
        session,
        article_id=article.id or 0,
        start=start,
        end=start + len(quote),
        quote=quote,
        kind=ClaimKind.ATTRIBUTED,
        by=editor,
        speaker="Lena Vos",
    )
    reviewed = set_status(
        session, claim_id=added.id or 0, status=Status.MISLEADING, by=editor, seen_version=1
    )
    # A kind and a speaker corrected after review: the claim and its past change move.
    edit_claim(
        session,
        claim_id=added.id or 0,
        seen_version=reviewed.version,
        by=editor,
        kind=ClaimKind.NUMERIC,
        speaker="Regional emergency office",
    )
    edit_claim(session, claim_id=claims[0].id or 0, seen_version=1, by=editor, speaker="")
    assert counts.check(session) == EXACT


def test_a_speaker_merge_moves_the_speaker_counts(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    for claim, name in zip(claims[:2], ("Lena Vos", "Mayor L. Vos"), strict=True):
        edit_claim(session, claim_id=claim.id or 0, seen_version=1, by=editor, speaker=name)
    ids = [session.get(Claim, c.id).speaker_id for c in claims[:2]]  # type: ignore[union-attr]
    assert ids[0] != ids[1], "the two names must start as two speakers"
    merge_speakers(session, keep_id=ids[0] or 0, other_id=ids[1] or 0, by=editor)
    assert counts.check(session) == EXACT
    totals = dict(session.exec(select(SpeakerTotal.speaker_id, SpeakerTotal.claims)).all())
    assert totals.get(ids[0]) == 2
    assert not totals.get(ids[1])


def _figures(session: Session) -> dict[str, int]:
    """Figures per measure key, as the counts hold them (zeros left out)."""
    rows = session.exec(select(MeasureTotal.measure_key, MeasureTotal.claims)).all()
    return {key: n for key, n in rows if n}


def test_figures_are_counted_under_their_measure_key(session: Session) -> None:
    editor = _editor(session)
    article, _ = make_article(session, by=editor)
    make_article(session, by=editor, outlet="Harbour Herald")
    assert _figures(session) == {"displaced": 2, "rainfall": 2}
    per_article = session.exec(
        select(MeasureCount.claims).where(MeasureCount.article_id == article.id)
    ).all()
    assert sorted(per_article) == [1, 1]
    assert counts.check(session) == EXACT


def test_an_edited_figure_moves_to_its_new_measure_key(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    make_article(session, by=editor)
    rain, homes = (
        next(c for c in claims if c.measure == m)
        for m in ("rainfall", "residents forced from their homes")
    )
    # Read again as hostages: the claim takes its new key when it is regrouped.
    edit_claim(
        session,
        claim_id=rain.id or 0,
        seen_version=1,
        by=editor,
        measure="hostages taken",
        unit="people",
    )
    # A figure with its value struck out is no longer plotted, so no longer counted.
    edit_claim(session, claim_id=homes.id or 0, seen_version=1, by=editor, value=None)
    assert _figures(session) == {"displaced": 1, "rainfall": 1, "kidnapped": 1}
    assert counts.check(session) == EXACT


def test_a_figure_turned_into_a_quote_leaves_the_measure_counts(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    rain = next(c for c in claims if c.measure == "rainfall")
    edit_claim(session, claim_id=rain.id or 0, seen_version=1, by=editor, kind=ClaimKind.ATTRIBUTED)
    assert _figures(session) == {"displaced": 1}
    assert counts.check(session) == EXACT


def test_check_finds_a_wrong_figure_count_and_rebuild_repairs_it(session: Session) -> None:
    editor = _editor(session)
    make_article(session, by=editor)
    session.execute(sa.update(MeasureCount).values(day=date(2001, 1, 1)))
    session.execute(sa.delete(MeasureTotal).where(MeasureTotal.measure_key == "rainfall"))
    session.commit()
    wrong = counts.check(session)
    assert wrong["measure_count"] > 0 and wrong["measure_total"] > 0
    counts.rebuild(session)
    session.commit()
    assert counts.check(session) == EXACT
    assert _figures(session) == {"displaced": 1, "rainfall": 1}


def test_a_refused_write_changes_no_count(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    set_status(
        session, claim_id=claims[0].id or 0, status=Status.VERIFIED, by=editor, seen_version=1
    )
    with pytest.raises(Conflict):
        bulk_set_status(
            session,
            seen={claims[1].id or 0: 1, claims[0].id or 0: 1},  # the second is stale
            status=Status.FALSE,
            by=editor,
        )
    assert counts.check(session) == EXACT
    assert _headline(session) == {"verified": 1, "unreviewed": 2}


def test_check_finds_a_wrong_count_and_rebuild_repairs_it(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=editor, seen_version=1)
    session.execute(sa.update(ClaimCount).values(claims=ClaimCount.claims + 5))
    session.execute(sa.text("DELETE FROM status_change_count"))
    session.commit()
    wrong = counts.check(session)
    assert wrong["claim_count"] > 0 and wrong["status_change_count"] > 0
    counts.rebuild(session)
    session.commit()
    assert counts.check(session) == EXACT
    assert _headline(session) == {"false": 1, "unreviewed": 2}


def test_check_finds_wrong_triage_points_and_an_admin_repairs_them(session: Session) -> None:
    editor = _editor(session)
    _, claims = make_article(session, by=editor)
    session.execute(sa.update(Claim).values(triage_points=Claim.triage_points + 7))
    session.commit()
    assert counts.check(session)["claim.triage_points"] == len(claims)
    wrong = counts.repair(session, by=make_user(session, role=Role.ADMIN))
    assert wrong["claim.triage_points"] == len(claims)
    assert counts.check(session) == EXACT


def test_concurrent_reviewers_keep_counts_exact(session: Session, db_url: str) -> None:
    editor = _editor(session)
    ids = [c.id or 0 for _ in range(4) for c in make_article(session, by=editor)[1]]
    session.commit()  # end our own transaction: on SQLite it would hold the write lock
    result = run_load(db_url, email=editor.email, claim_ids=ids, processes=8, changes=25)
    assert result.errors == []
    session.expire_all()
    assert counts.check(session) == EXACT
    session.commit()  # on SQLite our own transaction holds the write lock
    from tests.test_cli import factcheck

    checked = factcheck(db_url, "counts", "--check")  # what an admin runs after the load
    assert checked.returncode == 0 and "The counts are exact" in checked.stdout


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2024, 12, 30), date(2025, 3, 2)),
        (date(2025, 2, 10), date(2025, 2, 20)),
        (None, date(2025, 2, 14)),
        (date(2025, 2, 14), None),
        (date(2025, 1, 31), date(2025, 2, 1)),
    ],
)
def test_periods_cover_each_day_of_a_range_once(start: date | None, end: date | None) -> None:
    covered: list[date] = []
    for grain, first, last in counts.periods(start, end):
        assert grain != Grain.ALL and first <= last
        day = first
        while day <= min(last, date(2026, 12, 31)):
            if grain == Grain.MONTH:
                assert day.day == 1
                month_end = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
                covered += [day + timedelta(days=i) for i in range((month_end - day).days)]
                day = month_end
            else:
                covered.append(day)
                day += timedelta(days=1)
    low, high = start or date(2023, 1, 1), end or date(2026, 12, 31)
    wanted = [low + timedelta(days=i) for i in range((high - low).days + 1)]
    assert sorted(d for d in covered if date(2023, 1, 1) <= d <= date(2026, 12, 31)) == wanted


def test_no_dates_read_the_all_time_rows() -> None:
    assert counts.periods(None, None) == [(Grain.ALL, ALL_TIME, ALL_TIME)]
    assert counts.periods(date(2025, 2, 1), date(2025, 1, 1)) == []


def test_the_counts_use_the_article_date_in_utc() -> None:
    late = datetime(2025, 6, 2, 23, 30, tzinfo=UTC)
    assert counts.article_day(late, late + timedelta(days=3)) == date(2025, 6, 2)
    assert counts.article_day(None, late) == date(2025, 6, 2)


def test_the_counts_command_checks_and_an_admin_rebuilds(db_url: str) -> None:
    from tests.test_cli import factcheck

    with Session(get_engine(db_url), expire_on_commit=False) as session:
        admin = make_user(session, role=Role.ADMIN)
        editor = make_user(session, role=Role.EDITOR)
        make_article(session, by=editor)
        session.execute(sa.update(ClaimCount).values(claims=ClaimCount.claims + 1))
        session.commit()
    wrong = factcheck(db_url, "counts", "--check")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert "rows of claim_count differ from a full count" in wrong.stderr
    refused = factcheck(db_url, "counts", "--rebuild", "--user", editor.email)
    assert refused.returncode == 1 and "only an admin may rebuild" in refused.stderr
    rebuilt = factcheck(db_url, "counts", "--rebuild", "--user", admin.email)
    assert rebuilt.returncode == 0 and "rows of claim_count were wrong" in rebuilt.stdout
    exact = factcheck(db_url, "counts", "--check")
    assert exact.returncode == 0 and "The counts are exact" in exact.stdout
    assert factcheck(db_url, "counts").returncode != 0


def test_the_migration_counts_the_claims_already_stored(db_url: str) -> None:
    from alembic import command

    from factcheck.migrate import alembic_config, upgrade

    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = _editor(session)
        _, claims = make_article(session, by=editor)
        set_status(
            session, claim_id=claims[0].id or 0, status=Status.FALSE, by=editor, seen_version=1
        )
    command.downgrade(alembic_config(db_url), "0005")  # a database from before the counts
    upgrade(db_url)
    with Session(get_engine(db_url)) as session:
        assert counts.check(session) == EXACT
        assert _headline(session) == {"false": 1, "unreviewed": 2}
        assert _figures(session) == {"displaced": 1, "rainfall": 1}
