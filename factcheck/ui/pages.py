"""The pages of the app, in navigation order. Each page module has a ``render()``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from factcheck.ui import articles, claim, claims, dashboard, review, speakers, stories

PAGES: tuple[tuple[Callable[[], None], str, str], ...] = (
    (articles.render, "Articles", "articles"),
    (review.render, "Review", "review"),
    (claims.render, "Claims", "claims"),
    (claim.render, "Claim", "claim"),
    (stories.render, "Stories", "stories"),
    (speakers.render, "Speakers", "speakers"),
    (dashboard.render, "Dashboard", "dashboard"),
)  # no icons: Material icon names would show up in the links' text for screen readers


def all_pages(start: str = "articles") -> list[st.Page]:
    """Every page; ``start`` is the one a bare address opens (tests start on any page)."""
    return [
        st.Page(render, title=title, url_path=path, default=path == start)
        for render, title, path in PAGES
    ]


def page(url_path: str) -> st.Page:
    """The page at ``url_path`` ("review", "claim" ...), for links and switching pages."""
    render, title, path = next(entry for entry in PAGES if entry[2] == url_path)
    return st.Page(render, title=title, url_path=path)
