"""Speakers page: every person and organisation, the names they are written as; editors merge
two that are one entity and split a name off."""

from __future__ import annotations

import streamlit as st

from factcheck.permissions import Action, can
from factcheck.speakers import list_speakers, merge_speakers, split_speaker
from factcheck.ui.common import db, flash, logged_in, show_flash, shown_errors


def render() -> None:
    """The Speakers page."""
    show_flash()
    st.title("Speakers")
    search = st.text_input("Name contains", key="speaker_search")
    with db(readonly=True) as session:
        rows, total = list_speakers(session, search=search, limit=200)
        editor = can(logged_in(session), Action.EDIT_SPEAKERS)
    if not rows:
        st.info("No speakers match." if search else "No speakers yet.")
        return
    st.dataframe(
        [
            {
                "ID": r.speaker.id,
                "Speaker": r.speaker.name,
                "Kind": r.speaker.kind.value,
                "Claims": r.claims,
                "Written as": ", ".join(r.names),
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
    )
    st.caption(f"{len(rows)} of {total} speakers, most claims first.")
    if not editor:
        st.caption("Editors merge speakers that are one person and split names off.")
        return
    names = {r.speaker.id or 0: f"{r.speaker.name} (#{r.speaker.id})" for r in rows}
    st.subheader("Merge two speakers")
    cols = st.columns([2, 2, 1], vertical_alignment="bottom")
    keep = cols[0].selectbox("Keep", list(names), format_func=names.__getitem__, key="keep")
    other = cols[1].selectbox(
        "Is the same as",
        [i for i in names if i != keep],
        index=None,
        format_func=names.__getitem__,
        placeholder="Choose the speaker to merge into it",
        key="other",
    )
    merge = cols[2].button("Merge", type="primary", key="merge_go", disabled=other is None)
    if merge and other is not None:
        with shown_errors(), db() as session:
            kept = merge_speakers(session, keep_id=keep, other_id=other, by=logged_in(session))
            flash(f"{names[other]} is now part of {kept.name}.")
            st.rerun()
    st.subheader("Split a name off")
    cols = st.columns([2, 2, 1], vertical_alignment="bottom")
    whose = cols[0].selectbox("Speaker", list(names), format_func=names.__getitem__, key="whose")
    written = next((r.names for r in rows if r.speaker.id == whose), [])
    name = cols[1].selectbox("Name to make its own speaker", written, key="split_name")
    alone = len(written) < 2  # a speaker written one way has no name to split off
    if cols[2].button("Split", key="split_go", disabled=alone) and name:
        with shown_errors(), db() as session:
            new = split_speaker(session, speaker_id=whose, name=name, by=logged_in(session))
            flash(f"{new.name} is now a speaker of its own.")
            st.rerun()
    if alone:
        st.caption("This speaker is written only one way: there is no other name to split off.")
