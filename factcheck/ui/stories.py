"""Stories page (?story=ID): stories as a list; one story's timeline and claim groups side by side.

Groups in conflict come first: a group whose own members cannot all be true, or one in
dispute with another group of the story (factcheck.disputes), whose outlets' figures are
shown beneath it. Each group shows every outlet's wording next to the others (quotes with a
word-level diff against the first appearance) and takes one verdict for the members the
reviewer ticks. Editors move articles out of a story that mixes two events (stories.move_articles).
"""

from __future__ import annotations

import html
from dataclasses import replace

import pandas as pd
import streamlit as st

from factcheck.charts import figure_series, story_timeline
from factcheck.disputes import CONFLICT_NOTES, conflict_kind, rival_views
from factcheck.groups import GroupView, MemberRow, apply_verdict, list_groups
from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import ClaimKind, Status
from factcheck.permissions import Action, can
from factcheck.stories import (
    StoryArticle,
    get_story,
    list_stories,
    move_articles,
    story_articles,
    story_titles,
)
from factcheck.stories import figure_series as series_points
from factcheck.ui.common import (
    claim_key,
    counted,
    db,
    diff_html,
    figure,
    flash,
    logged_in,
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
        "within weeks of each other form a story. An article with no claim in common joins "
        "the one story whose rare names, speakers and words it shares, within two weeks."
    )
    with db(readonly=True) as session:
        rows, total = list_stories(session, limit=200)
    if not rows:
        st.info("No stories yet: a story appears when two articles report the same claim.")
        return
    st.dataframe(
        [
            {
                "Open": f"stories?story={r.story.id}",  # first: a wide table hides the last
                "Story": r.title,
                "Articles": r.articles,
                "Claims": r.claims,
                "Reviewed": sum(n for s, n in r.statuses.items() if s not in _OPEN),
                "Conflicts": r.conflicts,
                "First": r.story.first_seen.date(),
                "Last": r.story.last_seen.date(),
                "Outlets": ", ".join(r.outlets),  # last: the longest
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "Open": st.column_config.LinkColumn(display_text="open", width="small"),
            "Story": st.column_config.TextColumn(width="large"),
            "Outlets": st.column_config.TextColumn(width="large"),
        },
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
        editor = can(logged_in(session), Action.EDIT_STORIES)
        others = story_titles(session, limit=OTHER_STORIES) if editor else []
    st.title(plain(row.title))  # its first article's, as on the list
    st.caption(
        f"{counted(row.articles, 'article')} · {counted(len(row.outlets), 'outlet')} · "
        f"{when(story.first_seen)} – {when(story.last_seen)} · "
        f"{counted(row.conflicts, 'conflict')}"
    )
    st.html(status_bar(row.statuses))
    outlets = sorted({_outlet(a) for a in articles})  # one colour per outlet in both charts
    by_id = {a.id: a for a in articles}
    frame = pd.DataFrame(
        [
            {
                "published": a.published,
                "outlet": _outlet(a),
                "title": a.title,
                "claims": a.claims,
                "copy": "derived" if a.derived_from else "own",
                "source": _outlet(by_id[a.derived_from]) if a.derived_from in by_id else "",
            }
            for a in articles
        ]
    )
    st.altair_chart(story_timeline(frame, outlets=outlets), width="stretch")
    _derived(articles)
    if editor:
        with st.expander("Move articles out of this story", icon=":material/call_split:"):
            _move_form(story_id, articles, [(i, t) for i, t in others if i != story_id])
    if series:
        st.altair_chart(figure_series(pd.DataFrame(series), outlets=outlets), width="stretch")
    st.subheader(f"Claim groups ({total})")
    place = {a.id: i for i, a in enumerate(articles)}
    for view in views:
        rival = rivals.get(view.group.id or 0, [])
        _group(_in_order(view, place), [_in_order(r, place) for r in rival])
    if total > len(views):
        st.caption(f"The first {len(views)} groups of {total}; see `factcheck groups --story`.")


OTHER_STORIES = 200  # latest stories an editor may move articles into from a story's page


def _move_form(story_id: int, articles: list[StoryArticle], others: list[tuple[int, str]]) -> None:
    """An editor's correction: move some of the story's articles into a story of their own, or
    into another story (stories.move_articles): where the story mixes two events."""
    st.caption(
        "Where this story mixes two events (a report about another event that recaps this "
        "one's figures joins through them), move that event's articles out. New articles "
        "never move them back."
    )
    shown = {a.id: f"{a.published:%Y-%m-%d} · {_outlet(a)} · {a.title}" for a in articles}
    chosen = st.multiselect(
        "Articles", list(shown), format_func=shown.__getitem__, key=f"move_{story_id}"
    )
    targets: dict[int | None, str] = {None: "A new story of their own"}
    targets.update((i, f"#{i} · {title}") for i, title in others)
    to = st.selectbox(
        "Into", list(targets), format_func=targets.__getitem__, key=f"move_to_{story_id}"
    )
    if st.button("Move", key=f"move_go_{story_id}", disabled=not chosen):
        with shown_errors(), db() as session:
            moved = move_articles(session, article_ids=chosen, to_story=to, by=logged_in(session))
            flash(
                f"{counted(len(chosen), 'article')} moved to story #{moved.id}: "
                f"{plain(moved.title)}."
            )
            if len(chosen) == len(articles):  # the story is gone: show where they went
                st.query_params["story"] = str(moved.id)
            st.rerun()


def _outlet(article: StoryArticle) -> str:
    return article.outlet or "(no outlet)"


def _derived(articles: list[StoryArticle]) -> None:
    """One line per rewrite: which article it is derived from (its source came first)."""
    by_id = {a.id: a for a in articles}
    for a in articles:
        source = by_id.get(a.derived_from or 0)
        if source is None:
            continue
        st.markdown(
            f":material/content_copy: **{plain(_outlet(a))}** ({plain(a.title)}) is derived "
            f"from **{plain(_outlet(source))}** ({plain(source.title)}): most of its "
            "sentences are taken from it.",
            help="A rewrite of agency copy or of an official statement. Which outlets are "
            "agencies or official sources is set on the Outlets page.",
        )


def _in_order(view: GroupView, place: dict[int, int]) -> GroupView:
    """The group with its members in the story's order of appearance (story_articles): the
    first member, which the others' wording is compared with, is the earliest article's."""
    members = sorted(view.members, key=lambda m: place.get(m.article_id, len(place)))
    return replace(view, members=members)


def _group(view: GroupView, rivals: list[GroupView]) -> None:
    g = view.group
    if g.kind is ClaimKind.NUMERIC:
        what = g.measure_key or f"{figure(view.members[0].claim)} (no measure named)"
    else:
        what = f"said by {view.speaker or 'an unnamed speaker'}"
    with st.container(border=True, key=f"group_{g.id}"):
        head = f"**{plain(what)}** · {counted(g.size, 'outlet')}"
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
    shown = figure(c)
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
        + (f"<br><small>{html.escape(shown)}</small>" if shown else "")
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
