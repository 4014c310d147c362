"""Claims page: every claim in a filterable, sortable table paged in SQL; change many at once."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from factcheck.claims import ClaimFilter, ClaimRow, filter_choices, list_claims
from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import ClaimKind, Status, User
from factcheck.permissions import Action, can
from factcheck.review import assign, bulk_set_status
from factcheck.ui.common import (
    claim_key,
    db,
    figure,
    flash,
    forget_seen,
    go,
    logged_in,
    saw,
    seen_version,
    shown_errors,
    verdict_flash,
    when,
)
from factcheck.ui.downloads import download_buttons
from factcheck.users import list_users, user_by_id

TABLE_GENERATION = "claims_table_generation"
PAGE_KEY = "claims_page"
SORTS = {
    "Last change": "updated",
    "Claim ID": "id",
    "Status": "status",
    "Kind": "kind",
    "Article": "article",
    "Value": "value",
}
CHOICES_LIMIT = 500  # outlets, articles, speakers offered in the filters


def render() -> None:
    """The Claims page."""
    st.title("Claims")
    with db(readonly=True) as session:
        where = _filters(session)
        sort, descending, size = _order()
        page = st.session_state.get(PAGE_KEY, 1)
        rows, total = _page(session, where, sort, descending, page, size)
        pages = max(1, (total + size - 1) // size)
        if page > pages:  # the filter shrank the list: show its last page
            page = st.session_state[PAGE_KEY] = pages
            rows, total = _page(session, where, sort, descending, page, size)
        user = logged_in(session)
        users = list(list_users(session, active_only=True)) if can(user, Action.ASSIGN) else []
    if not total:
        st.info("No claims match these filters." if where != ClaimFilter() else "No claims yet.")
        return
    selected = _table(rows)
    footer = st.columns([2, 1, 3], vertical_alignment="center")
    footer[0].caption(f"{total:,} claims · page {page} of {pages:,} · {len(selected)} selected")
    if pages > 1:
        footer[1].number_input("Page", 1, pages, key=PAGE_KEY, label_visibility="collapsed")
    with footer[2], st.popover("Download these claims", icon=":material/download:"):
        download_buttons(where, key="claims_dl")
    _bulk_actions(selected, users)


def _page(
    session: Session, where: ClaimFilter, sort: str, descending: bool, page: int, size: int
) -> tuple[list[ClaimRow], int]:
    return list_claims(
        session, where=where, sort=sort, descending=descending, offset=(page - 1) * size, limit=size
    )


def table_key() -> str:
    """The table's widget key; it changes after a bulk action so the ticks are cleared."""
    return f"claims_table_{st.session_state.get(TABLE_GENERATION, 0)}"


def _filters(session: Session) -> ClaimFilter:
    top = st.columns([3, 2, 2, 1.4], vertical_alignment="bottom")  # "Conflicts only" whole
    search = top[0].text_input(
        "Search", placeholder="Words in the quote or sentence", key="claims_search"
    )
    statuses = top[1].multiselect(
        "Status", list(Status), format_func=STATUS_LABELS.__getitem__, key="claims_status"
    )
    kind = top[2].selectbox(
        "Kind",
        list(ClaimKind),
        index=None,
        format_func=lambda k: k.value.title(),
        placeholder="Any kind",
        key="claims_kind",
    )
    if "claims_conflicts" not in st.session_state:
        st.session_state["claims_conflicts"] = st.query_params.get("conflicts") == "1"
    conflicts = top[3].toggle(
        "Conflicts only", key="claims_conflicts", help="Claims whose outlets disagree"
    )
    more = st.columns(4)
    choices = filter_choices(session, limit=CHOICES_LIMIT)
    outlet = _choose(more[0], "Outlet", choices.outlets, "claims_outlet")
    article = _choose(more[1], "Article", choices.articles, "claims_article")
    speaker = _choose(more[2], "Speaker", choices.speakers, "claims_speaker")
    assignee = _choose(more[3], "Assigned to", choices.people, "claims_assignee")
    return ClaimFilter(
        statuses=tuple(statuses),
        kind=kind,
        article_id=article,
        outlet_id=outlet,
        speaker_id=speaker,
        assignee_id=assignee,
        search=search,
        conflicts=conflicts,
    )


def _choose(where: Any, label: str, names: dict[int, str], key: str) -> int | None:
    chosen: int | None = where.selectbox(
        label,
        list(names),
        index=None,
        format_func=names.__getitem__,
        placeholder="Any",
        key=key,
    )
    return chosen


def _order() -> tuple[str, bool, int]:
    cols = st.columns([2, 1.4, 1, 3.6], vertical_alignment="bottom")
    sort = cols[0].selectbox("Sort by", list(SORTS), key="claims_sort")
    descending = cols[1].toggle("Descending", value=True, key="claims_desc")
    size = cols[2].selectbox("Per page", [25, 50, 100, 200], index=1, key="claims_size")
    return SORTS[sort], descending, size


def _table(rows: list[ClaimRow]) -> list[ClaimRow]:
    records = [_record(r) for r in rows]
    for r in rows:
        seen_version(r.claim)  # remember what this reviewer saw, for the bulk actions
    event = st.dataframe(
        _coloured(records),
        hide_index=True,
        width="stretch",
        key=table_key(),
        on_select="rerun",
        selection_mode="multi-row",
        column_config={
            "ID": st.column_config.NumberColumn(format="%d", width=60),
            "Status": st.column_config.TextColumn(width=100),
            "Quote": st.column_config.TextColumn(width=320),
            "Figure": st.column_config.TextColumn(width=120),
            "Speaker": st.column_config.TextColumn(width=130),
            "Article": st.column_config.TextColumn(width=220),
            "Outlet": st.column_config.TextColumn(width=130),
            "Assigned to": st.column_config.TextColumn(width=110),
        },
    )
    picked = event.selection.rows if hasattr(event, "selection") else []
    chosen = [rows[i] for i in picked if i < len(rows)]
    if len(chosen) == 1:
        claim = chosen[0].claim
        one = st.columns(3)
        if one[0].button(
            "Open in its article", icon=":material/ink_highlighter:", key="claims_open_review"
        ):
            go("review", article=claim.article_id, claim=claim_key(claim))
        if one[1].button("Open the claim", icon=":material/search:", key="claims_open_claim"):
            go("claim", claim=claim_key(claim))
    return chosen


_COLOUR_OF_LABEL = {STATUS_LABELS[s]: STATUS_COLOURS[s] for s in Status}


def _coloured(records: list[dict[str, Any]]) -> Any:
    """The rows with each Status cell in its status colour (as on the Review page)."""
    frame = pd.DataFrame(records)
    if frame.empty:
        return frame
    return frame.style.map(
        lambda label: f"background-color: {_COLOUR_OF_LABEL.get(label, '')}; color: #111",
        subset=["Status"],
    )


def _record(row: ClaimRow) -> dict[str, Any]:
    c = row.claim
    return {
        "ID": c.id,
        "Status": STATUS_LABELS[c.status],
        "Quote": " ".join(c.quote.split()),
        "Figure": figure(c),
        "Speaker": row.speaker or "",
        "Article": row.article_title,
        "Outlet": row.outlet or "",
        "Assigned to": row.assignee or "",
        "Kind": c.kind.value,
        "Changed": when(c.updated_at),
    }


def _bulk_actions(selected: list[ClaimRow], users: list[User]) -> None:
    if not selected:
        st.caption("Tick rows in the table to change their status or assign them together.")
        return
    ids = [claim_key(r.claim) for r in selected]
    seen = {i: seen_version(r.claim) for i, r in zip(ids, selected, strict=True)}
    with st.container(border=True):
        st.markdown(f"**{len(ids)} selected:** " + ", ".join(f"#{i}" for i in ids))
        cols = st.columns([2, 1, 2, 1], vertical_alignment="bottom")
        status = (
            cols[0].selectbox(
                "New status", list(Status), format_func=STATUS_LABELS.__getitem__, key="bulk_status"
            )
            or Status.IN_REVIEW
        )
        if cols[1].button("Set status", type="primary", key="bulk_status_go"):
            with shown_errors(), db() as session:
                done = bulk_set_status(session, seen=seen, status=status, by=logged_in(session))
                verdict_flash(done, status)
                _finish(done)
        if users:
            names = {u.id: u.display_name for u in users}
            who = cols[2].selectbox(
                "Assign to",
                [0, *names],
                format_func=lambda i: names.get(i, "nobody"),
                key="bulk_assignee",
            )
            if cols[3].button("Assign", key="bulk_assign_go"):
                with shown_errors(), db() as session:
                    person = user_by_id(session, user_id=who) if who else None
                    done = assign(session, seen=seen, assignee=person, by=logged_in(session))
                    target = person.display_name if person else "nobody"
                    flash(f"{len(done)} claims assigned to {target}.")
                    _finish(done)
        st.button(
            "Reload these claims",
            key="bulk_reload",
            on_click=forget_seen,
            args=(ids,),
            help="Use after a conflict: take the current versions as seen.",
        )


def _finish(done: list[Any]) -> None:
    saw(done)
    # A new table key clears the ticks in the browser as well as in the session.
    st.session_state[TABLE_GENERATION] = st.session_state.get(TABLE_GENERATION, 0) + 1
    st.rerun()
