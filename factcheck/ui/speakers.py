"""Speakers page: every person and organisation, the names they are written as, whom each
speaks for and who speaks for each; editors merge two that are one entity, split a name off,
and link or unlink a spokesperson."""

from __future__ import annotations

import streamlit as st

from factcheck.permissions import Action, can
from factcheck.speakers import (
    SpeakerRow,
    link_voice,
    list_speakers,
    merge_speakers,
    split_speaker,
    unlink_voice,
)
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
                "Speaks for": r.speaks_for or "",
                "Spokespeople": ", ".join(r.spokespeople),
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
        column_config={  # the short columns narrow, so the names are read whole
            "ID": st.column_config.NumberColumn(width="small"),
            "Claims": st.column_config.NumberColumn(width="small"),
            "Speaks for": st.column_config.TextColumn(width="medium"),
            "Spokespeople": st.column_config.TextColumn(width="medium"),
        },
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
    _voice_form(rows, names)


def _voice_form(rows: list[SpeakerRow], names: dict[int, str]) -> None:
    """Link a person to the body they speak for, or unlink one linked by an article."""
    st.subheader("Speaks for")
    st.caption(
        "What a spokesperson says is compared with what the body says: the same statement "
        "from both joins one group. The two stay separate speakers."
    )
    cols = st.columns([2, 2, 1, 1], vertical_alignment="bottom")
    who = cols[0].selectbox("Speaker", list(names), format_func=names.__getitem__, key="voice_who")
    body = cols[1].selectbox(
        "Speaks for",
        [i for i in names if i != who],
        index=None,
        format_func=names.__getitem__,
        placeholder="Choose the body they speak for",
        key="voice_body",
    )
    linked = next((r.speaks_for for r in rows if r.speaker.id == who), None)
    if cols[2].button("Link", key="voice_link", disabled=body is None) and body is not None:
        with shown_errors(), db() as session:
            person = link_voice(session, speaker_id=who, voice_id=body, by=logged_in(session))
            flash(f"{person.name} now speaks for {names[body]}.")
            st.rerun()
    if cols[3].button("Unlink", key="voice_unlink", disabled=linked is None):
        with shown_errors(), db() as session:
            person = unlink_voice(session, speaker_id=who, by=logged_in(session))
            flash(f"{person.name} no longer speaks for {linked}.")
            st.rerun()
