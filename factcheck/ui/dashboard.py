"""The Dashboard page: where verification stands, charted from the count tables.

The page reads its widgets, asks factcheck.dashboard for the tables of the filter and shows
them, cached per (database, filter, latest event id): any write adds an event, so the next run
after a review reads fresh numbers.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from factcheck import charts
from factcheck import dashboard as board
from factcheck.db import database_url
from factcheck.groups import conflict_count
from factcheck.labels import STATUS_LABELS
from factcheck.models import ClaimKind, Status
from factcheck.ui.common import db, page_link, plain

BARS: dict[board.Dimension, tuple[str, str]] = {  # dimension → (chart title, tooltip name)
    "outlet": ("Claims by outlet", "Outlet"),
    "kind": ("Claims by kind", "Kind"),
    "article": ("Claims by article (biggest)", "Article"),
    "speaker": ("Claims by speaker (most quoted)", "Speaker"),
}
ACTIVITY_DAYS = 90


def chart_key(by: str) -> str:
    """The session-state key of a bar chart (its selection is read from there)."""
    return f"dashboard_chart_{by}"


@st.cache_data(max_entries=64, show_spinner=False)
def _tables(url: str, where: board.DashboardFilter, version: int) -> board.Overview:
    """Every chart's table; ``version`` (the latest event id) makes a write refresh them."""
    with db(readonly=True) as session:
        return board.overview(session, where=where, days=ACTIVITY_DAYS)


@st.cache_data(max_entries=64, show_spinner=False)
def _figures(url: str, where: board.DashboardFilter, measure: str, version: int) -> pd.DataFrame:
    with db(readonly=True) as session:
        return board.figures(session, where=where, measure=measure)


def _filters() -> board.DashboardFilter:
    """The filter row: dates, outlet, article, kind."""
    with db(readonly=True) as session:
        outlets = dict(board.outlet_choices(session))
    dates, outlet_col, article_col, kind_col = st.columns([2, 2, 3, 1])
    picked = dates.date_input("Articles published", value=[], key="dashboard_dates")
    outlet_id = outlet_col.selectbox(
        "Outlet",
        list(outlets),
        index=None,
        format_func=lambda i: outlets[i],
        placeholder="All outlets",
        key="dashboard_outlet",
    )
    with db(readonly=True) as session:
        articles = dict(board.article_choices(session, outlet_id=outlet_id))
    article_id = article_col.selectbox(
        "Article",
        list(articles),
        index=None,
        format_func=lambda i: articles[i],
        placeholder="All articles",
        key="dashboard_article",
    )
    kind = kind_col.selectbox(
        "Kind",
        list(ClaimKind),
        index=None,
        format_func=lambda k: k.value.title(),
        placeholder="Both",
        key="dashboard_kind",
    )
    days = [d for d in (picked if isinstance(picked, tuple) else (picked,)) if d]
    start: date | None = days[0] if days else None
    end: date | None = days[-1] if days else None
    return board.DashboardFilter(
        start=start, end=end, outlet_id=outlet_id, article_id=article_id, kind=kind
    )


def _headline(now: board.Headline) -> None:
    main = st.columns(2 + len(Status))
    main[0].metric("Claims", f"{now.claims:,}")
    main[1].metric(
        "Reviewed", f"{now.reviewed_share:.0%}", help="Of claims, not counting 'Not a claim'."
    )
    for column, status in zip(main[2:], Status, strict=True):
        column.metric(STATUS_LABELS[status], f"{now.counts.get(status, 0):,}")


def _conflicts() -> None:
    """How many claim groups hold figures outlets disagree on (all articles), with a link."""
    with db(readonly=True) as session:
        groups, claims = conflict_count(session)
    if groups:
        cols = st.columns([1, 3], vertical_alignment="center")
        cols[0].metric("Conflicts", f"{groups:,}", help="Claim groups whose outlets disagree.")
        with cols[1]:
            page_link("claims", f"{claims:,} claims in conflicting groups", conflicts=1)


def selections() -> list[board.Selection]:
    """The bars clicked in each chart (read from the charts' session state)."""
    picked: list[board.Selection] = []
    for by in BARS:
        state = st.session_state.get(chart_key(by)) or {}
        points = (state.get("selection") or {}).get(charts.PICK) or []
        if points:
            point = points[0]
            status = point.get("status")
            picked.append(board.Selection(by, point.get("key"), Status(status) if status else None))
    return picked


def _bars(tables: board.Overview) -> None:
    st.html(charts.status_legend_html())  # one key for the four charts below
    left, right = st.columns(2)
    for column, by in zip([left, right, left, right], BARS, strict=True):
        title, group = BARS[by]
        frame = tables.bars[by]
        if frame.empty:
            column.caption(f"{title}: no claims.")
            continue
        column.altair_chart(
            charts.status_bars(frame, title=title, group=group),
            on_select="rerun",
            selection_mode=charts.PICK,
            key=chart_key(by),
            width="stretch",
        )


def _activity(tables: board.Overview) -> None:
    st.subheader(f"Review activity (last {ACTIVITY_DAYS} days of activity)")
    if tables.changes.empty:
        st.caption("No status changes yet for these claims.")
        return
    left, right = st.columns(2)
    left.altair_chart(charts.changes_chart(tables.changes), width="stretch")
    right.altair_chart(charts.reviewed_share_chart(tables.share), width="stretch")
    st.altair_chart(charts.reviewer_chart(tables.reviewers), width="stretch")


def _figures_view(url: str, where: board.DashboardFilter, version: int) -> None:
    st.subheader("Figures")
    measure = st.text_input(
        "Figures about",
        key="dashboard_measure",
        placeholder="e.g. deaths, hostages",
        help="Finds what is counted in any wording: “deaths” also finds “killed” and “death toll”.",
    ).strip()
    if not measure:
        st.caption("Type what is counted to plot every outlet's figures for it over time.")
        return
    frame = _figures(url, where, measure, version)
    if frame.empty:
        st.caption(f"No numeric claims about “{plain(measure)}” under these filters.")
        return
    st.altair_chart(charts.figures_chart(frame, measure=measure), width="stretch")
    if len(frame) == board.FIGURES:
        st.caption(f"The newest {board.FIGURES:,} figures; choose earlier dates to see older ones.")


def _described(picked: list[board.Selection], tables: board.Overview) -> str:
    """The clicked bars in words, e.g. 'outlet Valley Post · False'."""
    words = []
    for pick in picked:
        frame = tables.bars[pick.by]
        names = frame.loc[frame["key"] == pick.key, "name"] if not frame.empty else frame
        name = names.iloc[0] if len(names) else str(pick.key)
        status = f" · {STATUS_LABELS[pick.status]}" if pick.status else ""
        words.append(f"{pick.by} {name}{status}")
    return ", ".join(words)


def _claims(where: board.DashboardFilter, tables: board.Overview) -> None:
    st.subheader("Claims")
    picked = selections()
    st.caption(
        f"Claims under the bars you clicked ({_described(picked, tables)}), newest articles first."
        if picked
        else "Claims under the filters, newest articles first; click a bar to narrow them."
    )
    with db(readonly=True) as session:
        frame = board.claims_table(session, where=where, selections=picked)
    if frame.empty:
        st.info("No claims match.")
        return
    frame = frame.assign(
        link=[f"claim?claim={i}" for i in frame["id"]],
        status=[STATUS_LABELS[Status(s)] for s in frame["status"]],
        kind=[str(k).title() for k in frame["kind"]],
        outlet=frame["outlet"].fillna(board.NO_NAME["outlet"]),
        speaker=frame["speaker"].fillna(board.NO_NAME["speaker"]),
    )
    st.dataframe(
        frame[["link", "status", "kind", "quote", "article", "outlet", "speaker"]],
        hide_index=True,
        width="stretch",
        key="dashboard_table",
        column_config={
            "link": st.column_config.LinkColumn(
                "Claim", display_text=r"claim=(\d+)", help="Open the claim"
            ),
            "status": "Status",
            "kind": "Kind",
            "quote": st.column_config.TextColumn("Quote", width="large"),
            "article": "Article",
            "outlet": "Outlet",
            "speaker": "Speaker",
        },
    )


def render() -> None:
    """Headline figures, status charts, review activity, figures and the claims under them."""
    st.title("Dashboard")
    url = database_url()
    where = _filters()
    with db(readonly=True) as session:
        version = board.data_version(session)
    tables = _tables(url, where, version)
    _headline(tables.headline)
    _conflicts()
    if tables.headline.claims == 0:
        st.info("No claims under these filters yet. Add an article on the Articles page.")
        return
    _bars(tables)
    _activity(tables)
    _figures_view(url, where, version)
    _claims(where, tables)
