"""What to check first (/queue): unreviewed claims ranked by the triage score, each with why."""

from __future__ import annotations

import streamlit as st

from factcheck.desk import set_priority
from factcheck.models import Priority
from factcheck.triage import TERMS_DOC, queue
from factcheck.ui.common import db, flash, logged_in, shown_errors

SIZE_KEY = "queue_size"
PICK_KEY = "queue_picked"


def render() -> None:
    """The What to check first page."""
    st.title("What to check first")
    st.caption(TERMS_DOC)
    size = st.select_slider("Claims shown", [25, 50, 100, 200], value=50, key=SIZE_KEY)
    with shown_errors(), db(readonly=True) as session:
        ranked = queue(session, limit=size)
    if not ranked:
        st.info("No unreviewed claims: the desk is up to date.")
        return
    table = st.dataframe(
        [
            {
                "Rank": q.rank,
                "Score": q.score,
                "Why": "; ".join(q.reasons) or "no signal",
                "Claim": q.row.claim.quote,
                "Article": q.row.article_title,
                "Outlet": q.row.outlet or "",
                "Priority": q.row.claim.priority.value,
                "Open": f"claim?claim={q.row.claim.id}",
            }
            for q in ranked
        ],
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=PICK_KEY,
        column_config={"Open": st.column_config.LinkColumn(display_text="open")},
    )
    chosen = [ranked[i] for i in table.selection.rows]
    with st.container(horizontal=True):
        priority = st.selectbox(
            "Priority for the ticked claims", list(Priority), index=2, key="queue_priority"
        )
        apply = st.button("Set priority", disabled=not chosen, key="queue_apply")
    if apply and priority is not None:
        with shown_errors(), db() as session:
            seen = {q.row.claim.id or 0: q.row.claim.version for q in chosen}
            done = set_priority(session, seen=seen, priority=priority, by=logged_in(session))
            flash(f"{len(done)} claims are now {priority.value} priority.")
            st.rerun()
