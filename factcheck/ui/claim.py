"""Claim page (?claim=ID): everything about one claim, with its full audit history."""

from __future__ import annotations

import html

import streamlit as st

from factcheck.claims import ClaimDetail, get_claim_detail, list_claims
from factcheck.figures import comparable_figures
from factcheck.labels import STANCE_LABELS, STATUS_COLOURS, STATUS_LABELS
from factcheck.models import Claim, ClaimKind
from factcheck.ui.common import (
    claim_key,
    db,
    history_table,
    md_link,
    number,
    page_link,
    plain,
    query_int,
    shown_errors,
    status_badge,
    when,
)


def render() -> None:
    """The Claim page."""
    claim_id = query_int("claim") or _choose_claim()
    if claim_id is None:
        return
    with shown_errors(), db(readonly=True) as session:
        detail = get_claim_detail(session, claim_id=claim_id)
        _show(detail)


def _choose_claim() -> int | None:
    """Without ?claim=ID: one of the latest changed claims, the most recent shown first."""
    with db(readonly=True) as session:
        rows, _ = list_claims(session, sort="updated", limit=100)
    if not rows:
        st.title("Claim")
        st.info("No claims yet. Add an article on the Articles page; its claims appear here.")
        return None
    choice: int = st.selectbox(
        "Claim (the 100 most recently changed; open any other from the Claims page)",
        [claim_key(r.claim) for r in rows],
        format_func=lambda i: next(
            f"#{i} · {r.claim.quote[:80]} — {r.article_title[:50]}" for r in rows if r.claim.id == i
        ),
        key="claim_choice",
    )
    return choice


def _show(d: ClaimDetail) -> None:
    c = d.claim
    st.title(f"Claim #{c.id}")
    st.markdown(
        f"{status_badge(c.status)} &nbsp; {c.kind.value.title()} claim · version {c.version} · "
        f"{c.origin.value} · changed {when(c.updated_at)}",
        unsafe_allow_html=True,
    )
    st.html(_in_sentence(c))
    outlet = d.outlet.name if d.outlet else "no outlet"
    st.caption(
        f"From “{plain(d.article.title)}” · {plain(outlet)} · {when(d.article.published_at)}"
    )
    with st.container(horizontal=True):
        page_link(
            "review",
            "Review in the article",
            icon=":material/ink_highlighter:",
            article=d.article.id or 0,
            claim=claim_key(c),
        )
        if d.article.url:
            st.link_button("Source", d.article.url, icon=":material/open_in_new:")
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("What it says")
        st.markdown("  \n".join(f"**{name}:** {plain(value)}" for name, value in _facts(d)))
    with right:
        st.subheader(f"Evidence ({len(d.evidence)})")
        for evidence, user in d.evidence:
            st.markdown(
                f"**{STANCE_LABELS[evidence.stance]}** · "
                f"{md_link(evidence.title or evidence.url, evidence.url)} — "
                f"{plain(user.display_name)}, {when(evidence.created_at)}"
            )
            if evidence.note:
                st.caption(plain(evidence.note, lines=True))
        if not d.evidence:
            st.caption("No evidence yet.")
        st.subheader(f"Notes ({len(d.notes)})")
        for note, user in d.notes:
            st.markdown(
                f"{plain(note.body, lines=True)}  \n"
                f"— *{plain(user.display_name)}, {when(note.created_at)}*"
            )
        if not d.notes:
            st.caption("No notes yet.")
    if c.kind is ClaimKind.NUMERIC:
        _elsewhere(c)
    st.subheader("History")
    history_table(d.history)


def _elsewhere(c: Claim) -> None:
    """The same figure in other articles, however it was written there."""
    with db(readonly=True) as session:
        found = comparable_figures(session, claim_id=claim_key(c))
    st.subheader(f"The same figure elsewhere ({len(found)})")
    if not found:
        st.caption("No other article reports a close figure of the same kind.")
        return
    st.dataframe(
        [
            {
                "Outlet": f.outlet or "",
                "Article": f.article_title,
                "As written": f.quote,
                "Figure": " ".join(b for b in (f.qualifier, number(f.value), f.unit) if b),
                "Days": number(f.days),
                "Compared": "same" if f.same else f"{f.difference:+.0%}",
                "Status": STATUS_LABELS[f.status],
                "Open": f"claim?claim={f.claim_id}",
            }
            for f in found
        ],
        hide_index=True,
        width="stretch",
        column_config={"Open": st.column_config.LinkColumn(display_text="open")},
    )


def _in_sentence(c: Claim) -> str:
    """The sentence with the quote marked in the claim's status colour (all text escaped)."""
    at = c.sentence.find(c.quote)
    colour = STATUS_COLOURS[c.status]
    style = (
        f"background:{colour}66;padding:0 2px;border-radius:3px"
        if c.kind is ClaimKind.NUMERIC
        else f"border-bottom:3px solid {colour}"
    )
    if at < 0:
        body = f'<mark style="{style}">{html.escape(c.quote)}</mark>'
    else:
        body = (
            html.escape(c.sentence[:at])
            + f'<mark style="{style};color:inherit">{html.escape(c.quote)}</mark>'
            + html.escape(c.sentence[at + len(c.quote) :])
        )
    return (
        '<blockquote style="font-family:Georgia,serif;font-size:1.1rem;line-height:1.7;'
        f'border-left:4px solid {colour};margin:0.5rem 0;padding:0.25rem 1rem">{body}</blockquote>'
    )


def _facts(d: ClaimDetail) -> list[tuple[str, str]]:
    c = d.claim
    pairs = [
        ("Quote", c.quote),
        ("Speaker", d.speaker.name if d.speaker else "not named" if not c.speaker_resolved else ""),
        ("Attribution", (c.attribution.value.replace("_", " ") if c.attribution else "")),
        ("Cue", c.cue or ""),
        ("Value", number(c.value)),
        ("Range", f"{number(c.lower)} – {number(c.upper)}" if c.lower != c.upper else ""),
        ("Qualifier", c.qualifier or ""),
        ("Unit", c.unit or ""),
        ("What is counted", c.measure or ""),
        ("In days", number(c.days)),
        ("Confidence", f"{c.confidence:.0%}"),
        ("Assigned to", d.assignee.display_name if d.assignee else "nobody"),
        ("Characters", f"{c.start}–{c.end}"),
    ]
    return [(name, value) for name, value in pairs if value]
