"""Outlets page: the publications articles come from, what sort each one is and how many
articles it has; editors say which outlets are agencies or official sources (the stories
holding their articles are decided again: factcheck.outlets.set_outlet_kind)."""

from __future__ import annotations

import streamlit as st

from factcheck.models import OutletKind
from factcheck.names import mixed_scripts
from factcheck.outlets import OutletRow, list_outlets, set_outlet_kind, sources_changed
from factcheck.permissions import Action, can
from factcheck.ui.common import db, flash, logged_in, plain, show_flash, shown_errors

PAGE_SIZE = 50
PAGE_KEY = "outlets_page"
MIXED = "mixes alphabets: check the spelling"  # "Nоrthern Wire" with a Cyrillic "о"

# What an outlet of each kind is, for "Northgate Wire is now an agency".
KIND_WORDS = {
    OutletKind.NEWS: "a news outlet",
    OutletKind.AGENCY: "an agency",
    OutletKind.OFFICIAL: "an official source",
    OutletKind.OTHER: "another sort of outlet",
}


def render() -> None:
    """The Outlets page."""
    show_flash()
    st.title("Outlets")
    st.caption(
        "An agency's or an official body's article is taken as the source of same-day "
        "articles that copy it."
    )
    search = st.text_input("Name contains", key="outlet_search", on_change=_first_page)
    with shown_errors():
        rows, total, editor = _load(search)
        if not rows:
            st.info("No outlets match." if search.strip() else "No outlets yet.")
            return
        _table(rows, total)
        if editor:
            _kind_form(rows)
        else:
            st.caption("Editors say which outlets are agencies or official sources.")


def _first_page() -> None:
    st.session_state.pop(PAGE_KEY, None)


def _load(search: str) -> tuple[list[OutletRow], int, bool]:
    """This page of outlets, how many match, and whether the user may change kinds."""
    with db(readonly=True) as session:
        editor = can(logged_in(session), Action.EDIT_OUTLETS)
        page = st.session_state.get(PAGE_KEY, 1)
        rows, total = list_outlets(
            session, search=search, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
        )
        last = max(1, -(-total // PAGE_SIZE))
        if page > last:  # fewer outlets than when this page was chosen
            st.session_state[PAGE_KEY] = last
            rows, total = list_outlets(
                session, search=search, offset=(last - 1) * PAGE_SIZE, limit=PAGE_SIZE
            )
    return rows, total, editor


def _table(rows: list[OutletRow], total: int) -> None:
    checks = [MIXED if mixed_scripts(r.outlet.name) else "" for r in rows]
    st.dataframe(
        [
            {
                "Outlet": r.outlet.name,  # a dataframe cell shows text, never Markdown
                "Kind": r.outlet.kind.value,
                "Articles": r.articles,
            }
            | ({"Check": check} if any(checks) else {})  # an empty column says nothing
            for r, check in zip(rows, checks, strict=True)
        ],
        hide_index=True,
        width="stretch",
    )
    st.caption(f"{len(rows)} of {total} outlets, by name.")
    pages = -(-total // PAGE_SIZE)
    if pages > 1:
        st.number_input("Page", 1, pages, key=PAGE_KEY, width=140)


def _kind_form(rows: list[OutletRow]) -> None:
    """Choose an outlet of this page and its kind, then Save."""
    st.subheader("What sort of outlet")
    shown = {r.outlet.id or 0: r.outlet for r in rows}
    cols = st.columns([3, 2, 1], vertical_alignment="bottom")
    chosen = cols[0].selectbox(
        "Outlet", list(shown), format_func=lambda i: shown[i].name, key="outlet_chosen"
    )
    outlet = shown[chosen if chosen in shown else next(iter(shown))]
    kinds = list(OutletKind)
    kind = cols[1].selectbox(
        "Kind",
        kinds,
        index=kinds.index(outlet.kind),
        format_func=lambda k: k.value,
        key=f"outlet_kind_{outlet.id}",  # one per outlet: each starts at its stored kind
    )
    same = kind is None or kind == outlet.kind
    if cols[2].button("Save", type="primary", key="outlet_save", disabled=same) and kind:
        with shown_errors(), db() as session:
            changed = set_outlet_kind(session, name=outlet.name, kind=kind, by=logged_in(session))
            said = f"{plain(outlet.name)} is now {KIND_WORDS[kind]}"
            flash(f"{said}; {sources_changed(changed)} changed.")
            st.rerun()
    st.caption("Search by name to find an outlet that is not on this page.")
