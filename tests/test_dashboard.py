"""The dashboard's aggregated tables and the SQL views, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck import counts
from factcheck import dashboard as board
from factcheck.articles import add_article
from factcheck.comparable import measure_key
from factcheck.db import get_engine
from factcheck.desk import set_two_person_rule
from factcheck.models import Article, Claim, ClaimKind, MeasureTotal, Outlet, Role, Status, User
from tests.factories import decide, found_in, make_article, make_user


def _newsroom(session: Session) -> tuple[User, list[Claim], list[Claim]]:
    """Two outlets: Valley Post with two articles (6 claims), Harbour Herald with one (3)."""
    editor = make_user(session, role=Role.EDITOR)
    # One editor decides alone here: the dashboard counts verdicts, not who signed them off.
    set_two_person_rule(session, on=False, by=make_user(session, role=Role.ADMIN))
    valley = make_article(session, by=editor, outlet="Valley Post")[1]
    valley += make_article(session, by=editor, outlet="Valley Post")[1]
    harbour = make_article(session, by=editor, outlet="Harbour Herald")[1]
    return editor, valley, harbour


def _review(session: Session, claim: Claim, status: Status, by: User) -> None:
    decide(session, claim_id=claim.id or 0, status=status, by=by, seen_version=claim.version)


def test_status_counts_list_every_status(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, valley[0], Status.VERIFIED, editor)
    _review(session, harbour[0], Status.FALSE, editor)
    counts = board.status_counts(session, where=board.DashboardFilter())
    got = dict(zip(counts["status"], counts["claims"], strict=True))
    assert got == {
        "unreviewed": 7,
        "in_review": 0,
        "verified": 1,
        "false": 1,
        "misleading": 0,
        "unverifiable": 0,
        "not_a_claim": 0,
    }
    now = board.headline(counts)
    assert (now.claims, now.reviewed) == (9, 2)
    assert round(now.reviewed_share, 3) == round(2 / 9, 3)


def test_status_by_outlet_names_outlets_biggest_first(session: Session) -> None:
    editor, valley, _ = _newsroom(session)
    _review(session, valley[1], Status.MISLEADING, editor)
    frame = board.status_by(session, where=board.DashboardFilter(), by="outlet")
    assert list(dict.fromkeys(frame["name"])) == ["Valley Post", "Harbour Herald"]
    rows = {(n, s): c for n, s, c in frame[["name", "status", "claims"]].itertuples(index=False)}
    assert rows == {
        ("Valley Post", "unreviewed"): 5,
        ("Valley Post", "misleading"): 1,
        ("Harbour Herald", "unreviewed"): 3,
    }


def test_status_by_kind_and_the_headline_agree(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, harbour[1], Status.VERIFIED, editor)  # the attributed claim
    by_kind = board.status_by(session, where=board.DashboardFilter(), by="kind")
    rows = {(k, s): c for k, s, c in by_kind[["key", "status", "claims"]].itertuples(index=False)}
    assert rows == {
        ("numeric", "unreviewed"): 6,
        ("attributed", "unreviewed"): 2,
        ("attributed", "verified"): 1,
    }
    assert set(by_kind["name"]) == {"Numeric", "Attributed"}
    direct = board.status_counts(session, where=board.DashboardFilter())
    assert board.counts_from(by_kind).equals(direct)


def test_one_tally_gives_the_outlet_and_kind_charts_and_the_headline(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, valley[2], Status.FALSE, editor)  # Valley Post's attributed claim
    body = "Officials said 41 bridges were repaired before the floods reached the town."
    add_article(  # no outlet
        session,
        title="Bridges",
        text=body,
        by=editor,
        claims=[found_in(body, "41 bridges", kind="numeric", value=41, measure="bridges")],
    )
    for where in (board.DashboardFilter(), board.DashboardFilter(kind=ClaimKind.ATTRIBUTED)):
        tally = board.status_tally(session, where=where)
        assert board.counts_from(tally).equals(board.status_counts(session, where=where))
        by_kind = board.status_from(tally, by="kind")
        assert by_kind.equals(board.status_by(session, where=where, by="kind"))
    tally = board.status_tally(session, where=board.DashboardFilter())
    by_outlet = board.status_from(tally, by="outlet", top=2)
    rows = {
        (n, s): c for n, s, c in by_outlet[["name", "status", "claims"]].itertuples(index=False)
    }
    assert rows == {  # the article without an outlet is the smallest group: left out
        ("Valley Post", "unreviewed"): 5,
        ("Valley Post", "false"): 1,
        ("Harbour Herald", "unreviewed"): 3,
    }
    smallest = board.status_from(tally, by="outlet").iloc[-1]
    assert (smallest["key"], smallest["name"], smallest["claims"]) == (None, "(no outlet)", 1)
    kinds = board.status_from(tally, by="kind")
    assert kinds.loc[kinds["key"] == "attributed", "claims"].sum() == 3


def test_status_by_speaker_keeps_claims_without_a_speaker(session: Session) -> None:
    _newsroom(session)
    frame = board.status_by(session, where=board.DashboardFilter(), by="speaker", top=5)
    totals = frame.groupby("name")["claims"].sum().to_dict()
    assert totals == {"(no speaker)": 3, "Lena Vos": 3, "National Weather Service": 3} or (
        totals == {"(no speaker)": 3, "Lena Vos": 3, "national weather service": 3}
    )


def test_status_by_article_keeps_only_the_biggest(session: Session) -> None:
    editor, _, _ = _newsroom(session)
    frame = board.status_by(session, where=board.DashboardFilter(), by="article", top=2)
    assert frame["key"].nunique() == 2
    assert frame["claims"].sum() == 6


def test_filters_narrow_every_table(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, harbour[0], Status.VERIFIED, editor)
    harbour_id = session.get(Article, harbour[0].article_id).outlet_id  # type: ignore[union-attr]
    where = board.DashboardFilter(outlet_id=harbour_id, kind=ClaimKind.NUMERIC)
    counts = board.status_counts(session, where=where)
    assert counts["claims"].sum() == 2
    assert board.status_by(session, where=where, by="outlet")["name"].unique().tolist() == [
        "Harbour Herald"
    ]
    activity = board.review_activity(session, where=where)
    assert activity["changes"].sum() == 1
    other = board.DashboardFilter(article_id=valley[0].article_id)
    assert board.review_activity(session, where=other).empty


def test_date_range_selects_articles_by_their_date(session: Session) -> None:
    _newsroom(session)
    today = datetime.now(UTC).date()
    assert (
        board.status_counts(session, where=board.DashboardFilter(start=today))["claims"].sum() == 9
    )
    past = board.DashboardFilter(start=date(2001, 1, 1), end=date(2001, 12, 31))
    assert board.status_counts(session, where=past)["claims"].sum() == 0


def test_date_range_prefers_the_publication_date_to_the_ingestion_date(session: Session) -> None:
    editor, _, _ = _newsroom(session)  # 9 claims, published on no known date, ingested today
    body = "The council said 41 bridges were repaired in the spring of 2001, ahead of the floods."
    add_article(
        session,
        title="Bridges before the floods",
        text=body,
        by=editor,
        published_at=datetime(2001, 6, 2, 23, 30, tzinfo=UTC),
        claims=[found_in(body, "41 bridges", kind="numeric", value=41, measure="bridges")],
    )
    june_2nd = board.DashboardFilter(start=date(2001, 6, 2), end=date(2001, 6, 2))
    for by in ("kind", "speaker", "outlet", "article"):
        assert board.status_by(session, where=june_2nd, by=by)["claims"].sum() == 1
    june_3rd = board.DashboardFilter(start=date(2001, 6, 3))
    assert board.status_counts(session, where=june_3rd)["claims"].sum() == 9


def test_review_activity_counts_changes_per_day_and_reviewer(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, valley[0], Status.VERIFIED, editor)
    _review(session, valley[1], Status.IN_REVIEW, editor)
    _review(session, harbour[0], Status.FALSE, editor)
    activity = board.review_activity(session, where=board.DashboardFilter())
    per_day = board.changes_per_day(activity)
    assert dict(zip(per_day["status"], per_day["changes"], strict=True)) == {
        "false": 1,
        "in_review": 1,
        "verified": 1,
    }
    weeks = board.reviews_per_week(activity)
    assert weeks["reviewer"].tolist() == [editor.display_name]
    assert weeks["reviews"].tolist() == [3]
    assert weeks["week"].iloc[0].weekday() == 0  # weeks start on Monday
    now = board.headline(board.status_counts(session, where=board.DashboardFilter()))
    share = board.reviewed_share_per_day(activity, now)
    assert share["reviewed_share"].iloc[-1] == now.reviewed_share == 2 / 9


def test_figures_match_the_measure_and_skip_other_claims(session: Session) -> None:
    _newsroom(session)
    frame = board.figures(session, where=board.DashboardFilter(), measure="rain")
    assert frame["value"].tolist() == [212.0, 212.0, 212.0]
    assert sorted(frame["outlet"].unique()) == ["Harbour Herald", "Valley Post"]
    assert board.figures(session, where=board.DashboardFilter(), measure=" ").empty
    assert board.figures(session, where=board.DashboardFilter(), measure="100%_x").empty


TOLLS = [  # (outlet, day of June 2025, what is counted, value): an invented week of reports
    ("Valley Post", 2, "soldiers killed", 14),
    ("Harbour Herald", 2, "death toll", 31),
    ("Valley Post", 4, "civilians killed", 9),
    ("Valley Post", 4, "rainfall", 40),
    ("Harbour Herald", 6, "death toll", 35),
    ("Harbour Herald", 6, "soldiers killed", 16),
    ("Valley Post", 9, "death toll", 38),
]


def _tolls(session: Session) -> User:
    """One article per report of TOLLS, published on its day, plus one without a date."""
    editor = make_user(session, role=Role.EDITOR)
    for n, (outlet, day, measure, value) in enumerate(TOLLS):
        body = f"Officials in the valley said {value} {measure} were recorded (bulletin {n})."
        add_article(
            session,
            title=f"Bulletin {n}",
            text=body,
            by=editor,
            outlet=outlet,
            published_at=datetime(2025, 6, day, 9, n, tzinfo=UTC),
            claims=[
                found_in(body, f"{value} {measure}", kind="numeric", value=value, measure=measure)
            ],
        )
    body = "Rescuers said 41 people were killed and 3 were missing, according to the army."
    add_article(  # ingested today, no publication date: the newest article of all
        session,
        title="Undated",
        text=body,
        by=editor,
        claims=[
            found_in(body, "41 people were killed", kind="numeric", value=41, measure="killed"),
            found_in(body, "3 were missing", kind="numeric", value=3, measure="missing"),
        ],
    )
    return editor


def _plain_figures(session: Session, search: str, where: board.DashboardFilter) -> list[int]:
    """The figures about ``search`` by a plain read of every claim: its key's words each
    begin with a word of the search's key; newest article first, then last in the text."""
    wanted = (measure_key(search, None) or "").split()
    found = []
    every = select(Claim, Article).where(Claim.article_id == Article.id)
    for claim, article in session.exec(every):
        words = (claim.measure_key or "").split()
        day = counts.article_day(article.published_at, article.ingested_at)
        if (
            claim.kind == ClaimKind.NUMERIC
            and claim.value is not None
            and all(any(w.startswith(s) for w in words) for s in wanted)
            and (where.start is None or day >= where.start)
            and (where.end is None or day <= where.end)
            and where.outlet_id in (None, article.outlet_id)
            and where.article_id in (None, article.id)
        ):
            found.append((day, article.id or 0, claim.start, claim.id or 0))
    return [f[3] for f in sorted(found, reverse=True)]


def test_a_search_finds_the_figures_a_plain_read_finds(session: Session) -> None:
    _tolls(session)
    herald = session.exec(select(Outlet.id).where(Outlet.name == "Harbour Herald")).one()
    article = session.exec(select(Article.id).where(Article.title == "Bulletin 2")).one()
    filters = [
        board.DashboardFilter(),
        board.DashboardFilter(outlet_id=herald),
        board.DashboardFilter(start=date(2025, 6, 3), end=date(2025, 6, 6)),
        board.DashboardFilter(start=date(2025, 6, 4), outlet_id=herald),
        board.DashboardFilter(article_id=article),
    ]
    for where in filters:
        for search in ("deaths", "killed", "soldiers", "sold", "rain", "hostages"):
            for limit in (2, 3, 100):
                got = board.figures(session, where=where, measure=search, limit=limit)
                wanted = _plain_figures(session, search, where)[:limit]
                assert got["claim_id"].tolist() == wanted, (where, search, limit)
    assert len(_plain_figures(session, "deaths", board.DashboardFilter())) == 7


def test_a_one_letter_search_reads_a_bounded_number_of_measures(session: Session) -> None:
    for i in range(board.MEASURE_KEYS + 5):
        stem = "".join(chr(ord("a") + int(d)) for d in f"{i:03d}")
        session.add(MeasureTotal(measure_key=f"s{stem} count", claims=i + 1))
    session.commit()
    keys = board.measure_keys(session, "s")
    assert len(keys) == board.MEASURE_KEYS
    assert "saaa count" not in keys  # the keys with fewest figures are left out
    assert board.figures(session, where=board.DashboardFilter(), measure="s").empty


def test_a_search_finds_figures_under_the_words_of_their_measure(session: Session) -> None:
    _tolls(session)
    everything = board.DashboardFilter()
    tolls = board.figures(session, where=everything, measure="Death toll")
    assert tolls["value"].tolist() == [41.0, 38.0, 16.0, 35.0, 9.0, 31.0, 14.0]
    assert tolls["outlet"].tolist()[:2] == ["(no outlet)", "Valley Post"]
    assert board.measure_keys(session, "deaths") == ["civilian killed", "killed", "killed soldier"]
    assert board.measure_keys(session, "soldiers killed") == ["killed soldier"]
    assert board.measure_keys(session, "people") == []  # counts nothing by itself
    assert board.figures(session, where=everything, measure="hostages").empty


def test_claims_table_follows_a_clicked_bar(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, valley[0], Status.VERIFIED, editor)
    harbour_outlet = session.get(Article, harbour[0].article_id).outlet_id  # type: ignore[union-attr]
    everything = board.claims_table(session, where=board.DashboardFilter())
    assert len(everything) == 9
    verified = board.Selection("kind", "numeric", Status.VERIFIED)
    table = board.claims_table(session, where=board.DashboardFilter(), selections=[verified])
    assert table["id"].tolist() == [valley[0].id]
    herald = board.Selection("outlet", harbour_outlet, None)
    table = board.claims_table(session, where=board.DashboardFilter(), selections=[herald])
    assert set(table["outlet"]) == {"Harbour Herald"} and len(table) == 3


def _dated(session: Session, by: User, *, day: int, outlet: str | None) -> Claim:
    """An article of one numeric claim published on that day of June 2001."""
    body = f"The ferry office said {day} crossings were cancelled on {day} June by the storm."
    article = add_article(
        session,
        title=f"Crossings, {day} June",
        text=body,
        by=by,
        outlet=outlet,
        published_at=datetime(2001, 6, day, 9, tzinfo=UTC),
        claims=[found_in(body, f"{day} crossings", kind="numeric", value=day, measure="ferry")],
    )
    return session.exec(select(Claim).where(Claim.article_id == article.id)).one()


def test_claims_table_lists_the_newest_articles_by_their_date(session: Session) -> None:
    editor, valley, _ = _newsroom(session)  # published on no known date: ingested today
    late = _dated(session, editor, day=20, outlet=None)
    early = _dated(session, editor, day=3, outlet="Valley Post")  # added last, published first
    june = board.DashboardFilter(start=date(2001, 6, 1), end=date(2001, 6, 30))
    assert board.claims_table(session, where=june)["id"].tolist() == [late.id, early.id]
    assert board.claims_table(session, where=board.DashboardFilter())["id"].tolist()[-2:] == [
        late.id,
        early.id,
    ]
    outlet = session.get(Article, valley[0].article_id).outlet_id  # type: ignore[union-attr]
    valley_june = replace(june, outlet_id=outlet)
    assert board.claims_table(session, where=valley_june)["id"].tolist() == [early.id]
    no_outlet = board.Selection("outlet", None, Status.UNREVIEWED)
    picked = board.claims_table(session, where=june, selections=[no_outlet])
    assert picked["id"].tolist() == [late.id]
    attributed = board.DashboardFilter(kind=ClaimKind.ATTRIBUTED)
    assert set(board.claims_table(session, where=attributed)["kind"]) == {"attributed"}
    one = board.DashboardFilter(article_id=valley[0].article_id)
    assert len(board.claims_table(session, where=one, limit=2)) == 2


def test_data_version_moves_with_every_write(session: Session) -> None:
    editor, valley, _ = _newsroom(session)
    before = board.data_version(session)
    _review(session, valley[0], Status.VERIFIED, editor)
    assert board.data_version(session) > before


def test_empty_database_gives_empty_tables(session: Session) -> None:
    where = board.DashboardFilter()
    assert board.status_counts(session, where=where)["claims"].sum() == 0
    assert board.status_by(session, where=where, by="speaker").empty
    activity = board.review_activity(session, where=where)
    assert activity.empty and board.reviews_per_week(activity).empty


def test_views_chart_status_without_knowing_the_tables(session: Session) -> None:
    editor, valley, harbour = _newsroom(session)
    _review(session, valley[0], Status.VERIFIED, editor)

    def rows(sql: str) -> list[tuple[object, ...]]:
        return [tuple(r) for r in session.execute(sa.text(sql)).all()]

    assert rows(
        "SELECT outlet, status, claims FROM claim_status_by_outlet ORDER BY outlet, status"
    ) == [
        ("Harbour Herald", "unreviewed", 3),
        ("Valley Post", "unreviewed", 5),
        ("Valley Post", "verified", 1),
    ]
    by_article = rows("SELECT article_id, sum(claims) FROM claim_status_by_article GROUP BY 1")
    assert sorted(n for _, n in by_article) == [3, 3, 3]
    today = datetime.now(UTC).date().isoformat()
    by_day = rows("SELECT article_date, sum(claims) FROM claim_status_by_day GROUP BY 1")
    assert [(str(d), n) for d, n in by_day] == [(today, 9)]
    changes = rows("SELECT day, status, changes FROM status_changes_by_day")
    assert [(str(d), s, n) for d, s, n in changes] == [(today, "verified", 1)]
    weekly = rows("SELECT week, reviewer, reviews FROM review_activity_by_user_week")
    assert [(r, n) for _, r, n in weekly] == [(editor.display_name, 1)]
    assert date.fromisoformat(str(weekly[0][0])).weekday() == 0


def test_sqlite_reads_the_biggest_articles_down_the_index_named(sqlite_db: str) -> None:
    engine = get_engine(sqlite_db)
    sent: list[str] = []
    sa.event.listen(engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    with Session(engine) as session:
        where = board.DashboardFilter(outlet_id=1, kind=ClaimKind.NUMERIC)
        board.status_by(session, where=where, by="article")
    assert any("FROM article_count INDEXED BY ix_article_count_numeric" in s for s in sent)
