"""The pages of the app, in navigation order. Each page module has a ``render()``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from factcheck.ui import (
    articles,
    claim,
    claims,
    dashboard,
    hooks,
    inbox,
    outlets,
    queue,
    review,
    speakers,
    stories,
)

PAGES: tuple[tuple[Callable[[], None], str, str], ...] = (
    (inbox.render, "Inbox", "inbox"),
    (queue.render, "What to check first", "queue"),
    (articles.render, "Articles", "articles"),
    (review.render, "Review", "review"),
    (claims.render, "Claims", "claims"),
    (claim.render, "Claim", "claim"),
    (stories.render, "Stories", "stories"),
    (speakers.render, "Speakers", "speakers"),
    (outlets.render, "Outlets", "outlets"),
    (dashboard.render, "Dashboard", "dashboard"),
    (hooks.render, "Webhooks", "webhooks"),
)  # no icons: Material icon names would show up in the links' text for screen readers


def all_pages(start: str = "articles", *, inbox_count: int = 0) -> list[st.Page]:
    """Every page; ``start`` is the one a bare address opens (tests start on any page).

    The Inbox's title carries its count of unread notices and verdicts awaiting sign-off.
    """
    return [
        st.Page(
            render,
            title=f"{title} ({inbox_count})" if path == "inbox" and inbox_count else title,
            url_path=path,
            default=path == start,
        )
        for render, title, path in PAGES
    ]


def page(url_path: str) -> st.Page:
    """The page at ``url_path`` ("review", "claim" ...), for links and switching pages."""
    render, title, path = next(entry for entry in PAGES if entry[2] == url_path)
    return st.Page(render, title=title, url_path=path)
