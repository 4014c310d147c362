"""Webhooks (/webhooks, admins): add an address and its events, see deliveries and failures."""

from __future__ import annotations

import streamlit as st

from factcheck.hooks import add_hook, list_deliveries, list_hooks, remove_hook
from factcheck.models import NoticeKind
from factcheck.permissions import Action, can
from factcheck.ui.common import db, flash, logged_in, plain, shown_errors, when


def render() -> None:
    """The Webhooks page."""
    st.title("Webhooks")
    with db(readonly=True) as session:
        user = logged_in(session)
        if not can(user, Action.MANAGE_HOOKS):
            st.warning("Only admins manage webhooks.")
            return
        hooks = list(list_hooks(session, by=user))
        deliveries = list(list_deliveries(session, by=user, limit=200))
    st.caption(
        "Each delivery is a JSON POST signed with X-Factcheck-Signature: sha256=HMAC-SHA256 of "
        "the body with the hook's secret; failures are retried with backoff."
    )
    with st.form("hook_add", clear_on_submit=True):
        url = st.text_input("Address", placeholder="https://…", key="hook_url")
        events = st.multiselect("Events", [k.value for k in NoticeKind], key="hook_events")
        slack = st.checkbox('Slack-compatible body ({"text": …})', key="hook_slack")
        added = st.form_submit_button("Add webhook", type="primary")
    if added:
        with shown_errors(), db() as session:
            hook = add_hook(session, url=url, events=events, by=logged_in(session), slack=slack)
            flash(f"Added webhook {hook.id}.")
            st.rerun()
    for hook in hooks:
        with st.container(border=True):
            st.markdown(f"**#{hook.id}** {plain(hook.url)} — {', '.join(hook.events)}")
            st.text_input("Secret", hook.secret, disabled=True, key=f"hook_secret_{hook.id}")
            if st.button("Remove", key=f"hook_remove_{hook.id}"):
                with shown_errors(), db() as session:
                    remove_hook(session, hook_id=hook.id or 0, by=logged_in(session))
                    flash(f"Removed webhook {hook.id}.")
                    st.rerun()
    st.subheader("Latest deliveries")
    if not deliveries:
        st.caption("No deliveries yet.")
        return
    st.dataframe(
        [
            {
                "Hook": h.id,
                "Event": d.event.value,
                "Claim": d.claim_id,
                "State": d.state.value,
                "Attempts": d.attempts,
                "HTTP": d.last_code,
                "Error": d.last_error,
                "Next try": when(d.next_at) if d.state.value == "pending" else "",
            }
            for d, h in deliveries
        ],
        hide_index=True,
        width="stretch",
    )
