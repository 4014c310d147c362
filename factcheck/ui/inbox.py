"""Inbox (/inbox): verdicts awaiting my sign-off, claims given to me, news of my verdicts."""

from __future__ import annotations

import streamlit as st

from factcheck.inbox import inbox, mark_read
from factcheck.models import NoticeKind
from factcheck.ui.common import db, flash, logged_in, shown_errors, when

TITLES = {
    NoticeKind.PROPOSED: "Awaiting your sign-off",
    NoticeKind.ASSIGNED: "Assigned to you",
    NoticeKind.SIGNED_OFF: "Your verdict was signed off",
    NoticeKind.SENT_BACK: "Your verdict was sent back",
    NoticeKind.PUBLISHED: "Published",
    NoticeKind.CORRECTED: "A claim you reviewed was corrected",
}


def render() -> None:
    """The Inbox page."""
    st.title("Inbox")
    with shown_errors(), db(readonly=True) as session:
        items = inbox(session, user=logged_in(session))
    if not items:
        st.info("Nothing for you: no assignments, no verdicts awaiting your sign-off.")
        return
    st.dataframe(
        [
            {
                "New": "●" if not i.read else "",
                "What": TITLES[i.kind],
                "Claim": i.quote,
                "From": i.actor or "",
                "Note": i.note,
                "When": when(i.at),
                "Open": f"claim?claim={i.claim_id}",
            }
            for i in items
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "New": st.column_config.TextColumn(width="small", help="Not seen before"),
            "Open": st.column_config.LinkColumn(display_text="open"),
        },
    )
    unread = [i.notice_id for i in items if i.notice_id is not None and not i.read]
    if unread and st.button("Mark all as read", key="inbox_read"):
        with shown_errors(), db() as session:
            n = mark_read(session, user=logged_in(session))
            flash(f"Marked {n} notices read.")
            st.rerun()
