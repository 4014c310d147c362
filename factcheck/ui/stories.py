"""Stories page (?story=ID): stories as a list; one story's timeline and claim groups side by side.

Groups in conflict come first: a group whose own members cannot all be true, or one in
dispute with another group of the story (factcheck.disputes), whose outlets' figures are
shown beneath it. Each group shows every outlet's wording next to the others (quotes with a
word-level diff against the first appearance) and takes one verdict for the members the
reviewer ticks.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from factcheck.charts import figure_series, story_timeline
from factcheck.disputes import CONFLICT_NOTES, conflict_kind, rival_views
from factcheck.groups import GroupView, MemberRow, apply_verdict, list_groups
from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import ClaimKind, Status
from factcheck.stories import figure_series as series_points
from factcheck.stories import get_story, list_stories, story_articles
from factcheck.ui.common import (
    claim_key,
    db,
    diff_html,
    logged_in,
    number,
    plain,
    query_int,
    saw,
    seen_version,
    show_flash,
    shown_errors,
    status_bar,
    verdict_flash,
    when,
)

GROUPS_SHOWN = 60  # groups of one story on the page, conflicts and biggest first


def render() -> None:
    """The Stories page."""
    show_flash()
    story_id = query_int("story")
    with shown_errors():
        if story_id is None:
            _list()
        else:
            _story(story_id)


def _list() -> None:
    st.title("Stories")
    st.caption(
        "Articles that report the same claims (a figure, or the same words of one speaker) "
        "within weeks of each other form a story."
    )
    with db(readonly=True) as session:
        rows, total = list_stories(session, limit=200)
    if not rows:
        st.info("No stories yet: a story appears when two articles report the same claim.")
        return
    st.dataframe(
        [
            {
                "Story": r.story.title,
                "Outlets": ", ".join(r.outlets),
                "First": r.story.first_seen.date(),
                "Last": r.story.last_seen.date(),
                "Articles": r.articles,
                "Claims": r.claims,
                "Reviewed": sum(n for s, n in r.statuses.items() if s not in _OPEN),
                "Conflicts": r.conflicts,
                "Open": f"stories?story={r.story.id}",
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
        column_config={"Open": st.column_config.LinkColumn(display_text="open story")},
    )
    st.caption(f"{len(rows)} of {total} stories, latest first.")


_OPEN = frozenset({Status.UNREVIEWED, Status.IN_REVIEW})


def _story(story_id: int) -> None:
    with db(readonly=True) as session:
        story = get_story(session, story_id=story_id)
        (row,), _ = list_stories(session, story_ids=[story_id], limit=1)
        articles = story_articles(session, story_id=story_id)
        views, total = list_groups(session, story_id=story_id, limit=GROUPS_SHOWN)
        rivals = rival_views(session, groups=[v.group for v in views])
        series = series_points(session, story_id=story_id)
    st.title(plain(story.title))
    st.caption(
        f"{row.articles} articles · {len(row.outlets)} outlets · {when(story.first_seen)} – "
        f"{when(story.last_seen)} · {row.conflicts} conflicts"
    )
    st.html(status_bar(row.statuses))
    titles = {a.id: a.outlet or a.title for a in articles}
    frame = pd.DataFrame(
        [
            {
                "published": a.published,
                "outlet": a.outlet or "(no outlet)",
                "title": a.title,
                "claims": a.claims,
                "copy": "derived" if a.derived_from else "own",
            }
            for a in articles
        ]
    )
    st.altair_chart(story_timeline(frame), width="stretch")
    derived = [a for a in articles if a.derived_from]
    for a in derived:
        source = titles.get(a.derived_from or 0, "?")
        st.caption(f"{plain(a.outlet or a.title)} is derived from {plain(source)}.")
    if series:
        st.altair_chart(figure_series(pd.DataFrame(series)), width="stretch")
    st.subheader(f"Claim groups ({total})")
    for view in views:
        _group(view, rivals.get(view.group.id or 0, []))
    if total > len(views):
        st.caption(f"The first {len(views)} groups of {total}; see `factcheck groups --story`.")


def _group(view: GroupView, rivals: list[GroupView]) -> None:
    g = view.group
    what = g.measure_key if g.kind is ClaimKind.NUMERIC else f"said by {view.speaker or '?'}"
    with st.container(border=True, key=f"group_{g.id}"):
        outlets = f"{g.size} outlets" if g.size > 1 else "1 outlet"
        head = f"**{plain(what or '')}** · {outlets}"
        if (kind := conflict_kind(g)) is not None:
            head = ":red-badge[Conflict] " + head + " · " + CONFLICT_NOTES[kind]
        st.markdown(head)
        first = view.members[0].claim.quote
        _row(view.members, first, g.kind, ticks=True)
        for rival in rivals:
            st.caption(f"In dispute with group {rival.group.id}, the same day:")
            _row(rival.members, first, g.kind, ticks=False)
        _verdict(view)


def _row(members: list[MemberRow], first: str, kind: ClaimKind, *, ticks: bool) -> None:
    """Members side by side, four to a row; ``ticks``: each with its verdict checkbox."""
    for start in range(0, len(members), 4):
        columns = st.columns(4)
        for column, member in zip(columns, members[start : start + 4], strict=False):
            with column:
                _member(member, first, kind, tick=ticks)


def _member(m: MemberRow, first: str, kind: ClaimKind, *, tick: bool = True) -> None:
    c = m.claim
    colour = STATUS_COLOURS[c.status]
    figure = " ".join(b for b in (c.qualifier, number(c.value), c.unit) if b)
    body = (
        diff_html(first, c.quote)
        if kind is ClaimKind.ATTRIBUTED and c.quote != first
        else html.escape(c.quote)
    )
    st.html(
        f'<div data-testid="group-member" data-status="{c.status.value}" '
        f'style="border-left:5px solid {colour};padding:0.3rem 0.6rem;background:{colour}22">'
        f"<b>{html.escape(m.outlet or '(no outlet)')}</b> · {m.published:%Y-%m-%d %H:%M}<br>"
        f'<span style="font-family:Georgia,serif">{body}</span>'
        + (f"<br><small>{html.escape(figure)}</small>" if figure else "")
        + f"<br><small>{html.escape(STATUS_LABELS[c.status])}</small></div>"
    )
    if tick:  # a rival group's members take their verdict in their own group
        st.checkbox("include", value=True, key=f"tick_{c.group_id}_{c.id}", help=f"Claim {c.id}")


def _verdict(view: GroupView) -> None:
    g = view.group
    seen = {
        claim_key(m.claim): seen_version(m.claim)
        for m in view.members
        if st.session_state.get(f"tick_{g.id}_{m.claim.id}", True)
    }
    cols = st.columns([2, 1, 3], vertical_alignment="bottom")
    status = (
        cols[0].selectbox(
            "Verdict for the ticked claims",
            list(Status),
            index=list(Status).index(Status.VERIFIED),
            format_func=lambda s: STATUS_LABELS[s],
            key=f"verdict_{g.id}",
        )
        or Status.VERIFIED
    )
    if cols[1].button("Apply to group", key=f"apply_{g.id}", type="primary"):
        with shown_errors(), db() as session:
            done = apply_verdict(
                session, group_id=g.id or 0, seen=seen, status=status, by=logged_in(session)
            )
            saw(done)
            verdict_flash(done, status)
            st.rerun()
