"""The desk's controls shared by the Review and Claim pages: sign-off, publication, corrections."""

from __future__ import annotations

import streamlit as st

from factcheck.desk import correct, list_corrections, publish
from factcheck.labels import STATUS_LABELS
from factcheck.models import REVIEWED, Claim, Status, User
from factcheck.permissions import Action, can
from factcheck.review import send_back, sign_off
from factcheck.ui.common import claim_key, db, flash, logged_in, plain, saw, shown_errors, when


def sign_off_state(claim: Claim, *, proposed_by: str | None, signed_off_by: str | None) -> str:
    """One line on where the verdict stands: proposed and awaiting sign-off, signed, published."""
    parts = []
    if claim.proposed_status is not None:
        parts.append(
            f"**{STATUS_LABELS[claim.proposed_status]}** proposed by {plain(proposed_by or '?')}"
            f" {when(claim.proposed_at)}, awaiting sign-off"
        )
    elif signed_off_by:
        parts.append(f"Signed off by {plain(signed_off_by)} {when(claim.signed_off_at)}")
    if claim.published_at is not None:
        parts.append(
            f"published {when(claim.published_at)} at <{claim.published_url}> — locked; "
            "change it by a correction"
        )
    if claim.corrected_at is not None:
        parts.append(f"corrected {when(claim.corrected_at)}")
    return " · ".join(parts)


def sign_off_controls(claim: Claim, seen: int, user: User) -> None:
    """For an editor and a proposal by someone else: sign off, or send back with a note."""
    if claim.proposed_status is None or not can(user, Action.SIGN_OFF):
        return
    key = f"signoff_{claim.id}"
    if claim.proposed_by_id == user.id:
        st.caption("You proposed this verdict; another editor signs it off.")
    elif st.button(
        f"Sign off: {STATUS_LABELS[claim.proposed_status]}",
        key=f"{key}_ok",
        type="primary",
        icon=":material/verified:",
    ):
        with shown_errors(), db() as session:
            done = sign_off(
                session, claim_id=claim_key(claim), by=logged_in(session), seen_version=seen
            )
            saw([done])
            flash(f"Claim #{claim.id} is now {STATUS_LABELS[done.status].lower()}.")
            st.rerun()
    with st.form(f"{key}_back", clear_on_submit=True, border=False):
        note = st.text_input("Why it goes back", key=f"{key}_note")
        back = st.form_submit_button("Send back", icon=":material/undo:")
    if back:
        with shown_errors(), db() as session:
            done = send_back(
                session,
                claim_id=claim_key(claim),
                note=note,
                by=logged_in(session),
                seen_version=seen,
            )
            saw([done])
            flash(f"Sent the verdict on claim #{claim.id} back with your note.")
            st.rerun()


def publish_form(claim: Claim, seen: int, user: User) -> None:
    """For an editor and a signed-off, unpublished verdict: publish it with its article's URL."""
    ready = claim.status in REVIEWED and claim.proposed_status is None
    if not ready or claim.published_at is not None or not can(user, Action.PUBLISH_VERDICT):
        return
    key = f"publish_{claim.id}"
    with st.form(key, border=False):
        url = st.text_input("Published fact-check (URL)", placeholder="https://…", key=f"{key}_u")
        go = st.form_submit_button("Publish", icon=":material/public:")
    if go:
        with shown_errors(), db() as session:
            done = publish(
                session,
                claim_id=claim_key(claim),
                url=url,
                by=logged_in(session),
                seen_version=seen,
            )
            saw([done])
            flash(f"Claim #{claim.id} is published and locked.")
            st.rerun()


def correct_form(claim: Claim, seen: int, user: User) -> None:
    """For an editor and a published claim: correct its verdict, figure or speaker, with why."""
    if claim.published_at is None or not can(user, Action.CORRECT):
        return
    key = f"correct_{claim.id}"
    verdicts = [s for s in Status if s in REVIEWED]
    with st.form(key, border=False):
        st.markdown("**Correct this published claim**")
        status = st.selectbox(
            "Verdict",
            verdicts,
            index=verdicts.index(claim.status) if claim.status in verdicts else 0,
            format_func=STATUS_LABELS.__getitem__,
            key=f"{key}_status",
        )
        value = st.text_input("Figure (leave empty to keep)", key=f"{key}_value")
        speaker = st.text_input("Speaker (leave empty to keep)", key=f"{key}_speaker")
        reason = st.text_area("Reason (required, shown in the corrections log)", key=f"{key}_why")
        go = st.form_submit_button("Correct", type="primary", icon=":material/edit_note:")
    if go:
        with shown_errors(), db() as session:
            figure = _figure(value)
            done = correct(
                session,
                claim_id=claim_key(claim),
                reason=reason,
                by=logged_in(session),
                seen_version=seen,
                status=status if status != claim.status else None,
                value=figure,
                speaker=speaker if speaker.strip() else None,
            )
            flash(f"Corrected claim #{done.claim_id}.")
            st.rerun()


def _figure(raw: str) -> float | None:
    from factcheck.errors import BadInput

    text = raw.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise BadInput(f"{raw[:40]!r} is not a number; write the figure, e.g. 3412.") from None


def corrections_log(claim_id: int) -> None:
    """The corrections of one claim, oldest first."""
    with db(readonly=True) as session:
        rows = list_corrections(session, claim_ids=[claim_id])
    if not rows:
        return
    st.subheader(f"Corrections ({len(rows)})")
    st.dataframe(
        [
            {
                "When": when(c.at),
                "Who": c.by,
                "What changed": "; ".join(
                    f"{k}: {v['from']} → {v['to']}" for k, v in c.changes.items()
                ),
                "Why": c.reason,
            }
            for c in rows
        ],
        hide_index=True,
        width="stretch",
    )
