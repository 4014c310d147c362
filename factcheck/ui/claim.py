"""Claim page (?claim=ID): everything about one claim, with its full audit history."""

from __future__ import annotations

import html

import streamlit as st

from factcheck.claims import ClaimDetail, get_claim_detail, list_claims
from factcheck.disputes import CONFLICT_NOTES, conflict_kind, rival_views
from factcheck.groups import MemberRow, group_view, newer_figure, take_out
from factcheck.labels import STANCE_LABELS, STATUS_COLOURS, STATUS_LABELS
from factcheck.models import Claim, ClaimKind, User
from factcheck.ui.common import (
    claim_key,
    counted,
    db,
    diff_html,
    figure,
    flash,
    history_table,
    logged_in,
    md_link,
    number,
    page_link,
    plain,
    query_int,
    saw,
    seen_version,
    shown_errors,
    status_badge,
    when,
)
from factcheck.ui.desk import (
    correct_form,
    corrections_log,
    publish_form,
    sign_off_controls,
    sign_off_state,
)


def render() -> None:
    """The Claim page."""
    claim_id = query_int("claim") or _choose_claim()
    if claim_id is None:
        return
    with shown_errors(), db(readonly=True) as session:
        detail = get_claim_detail(session, claim_id=claim_id)
        user = logged_in(session)
        _show(detail)
        _desk(detail, user)
        st.subheader("History")
        history_table(detail.history, names=detail.names)


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
    _group(c)


def _desk(d: ClaimDetail, user: User) -> None:
    """Sign-off state and the desk's actions: sign off, send back, publish, correct."""
    c = d.claim
    seen = seen_version(c)
    st.subheader("Verdict and publication")
    state = sign_off_state(
        c,
        proposed_by=d.names.get(c.proposed_by_id or 0),
        signed_off_by=d.names.get(c.signed_off_by_id or 0),
    )
    st.markdown(state or "No verdict proposed yet.")
    sign_off_controls(c, seen, user)
    publish_form(c, seen, user)
    correct_form(c, seen, user)
    corrections_log(claim_key(c))


def _members(members: list[MemberRow]) -> None:
    """A group's appearances, one row per outlet with its figure."""
    st.dataframe(
        [
            {
                "Outlet": m.outlet or "",
                "Published": when(m.published),
                "As written": m.claim.quote,
                "Figure": figure(m.claim),
                "Status": STATUS_LABELS[m.claim.status],
                "Open": f"claim?claim={m.claim.id}",
            }
            for m in members
        ],
        hide_index=True,
        width="stretch",
        column_config={"Open": st.column_config.LinkColumn(display_text="open")},
    )


def _group(c: Claim) -> None:
    """The claim's group: where it first and last appeared, every outlet's wording, and for a
    quote the word-level changes; a figure superseded by its own source is flagged."""
    with db(readonly=True) as session:
        view = group_view(session, group_id=c.group_id) if c.group_id else None
        rivals = rival_views(session, groups=[view.group]) if view else {}
        newer = newer_figure(session, claim=c)
    if newer is not None:
        st.warning(
            f"Outdated: the same source later gave {number(newer.value)} "
            f"{newer.unit or ''} (as of {newer.as_of}): “{newer.quote}”.",
            icon=":material/update:",
        )
    if view is None:
        st.subheader("Elsewhere")
        st.caption("No other article reports this claim.")
        return
    g = view.group
    # A group of one is a lone figure in dispute: no other article repeats it. An article that
    # gives one statement twice (reported, then quoted) has two members and counts once.
    articles = len({m.claim.article_id for m in view.members})
    where = (
        f"The same claim in {counted(articles, 'article')}"
        if articles > 1
        else "Reported by this article only"
    )
    st.subheader(where + (" — conflict" if g.conflict else ""))
    if (kind := conflict_kind(g)) is not None:
        st.error(f"Conflict: {CONFLICT_NOTES[kind]}.", icon=":material/warning:")
    first, last = view.first, view.last
    st.markdown(
        f"**First seen** {when(first.published)} in {plain(first.outlet or first.article_title)}"
        f" · **last** {when(last.published)} in {plain(last.outlet or last.article_title)}"
        f" · **{g.size}** appearances"
    )
    _members(view.members)
    for rival in rivals.get(g.id or 0, []):
        st.markdown(f"**In dispute with** group {rival.group.id}, the same day:")
        _members(rival.members)
    if c.kind is ClaimKind.ATTRIBUTED:
        for m in view.members:
            if m.claim.id != c.id and m.claim.quote != c.quote:
                st.html(
                    f"<div><b>{html.escape(m.outlet or '?')}</b>: "
                    f"{diff_html(c.quote, m.claim.quote)}</div>"
                )
    if st.button("Take this claim out of the group", key="take_out"):
        with shown_errors(), db() as session:
            done = take_out(
                session, claim_id=claim_key(c), seen_version=seen_version(c), by=logged_in(session)
            )
            saw([done])
            flash("Taken out of its group.")
            st.rerun()


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


def _speaker(d: ClaimDetail) -> str:
    """The speaker as the article wrote it, with the entity's name when that differs."""
    if d.speaker is None:
        return "" if d.claim.speaker_resolved else "not named"
    written = d.claim.speaker_name or d.speaker.name
    return written if written == d.speaker.name else f"{written} (speaker: {d.speaker.name})"


def _facts(d: ClaimDetail) -> list[tuple[str, str]]:
    c = d.claim
    pairs = [
        ("Quote", c.quote),
        ("Speaker", _speaker(d)),
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
