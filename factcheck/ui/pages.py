"""The pages of the app, in navigation order. Each page module has a ``render()``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from factcheck.ui import articles, claim, claims, dashboard, review

PAGES: tuple[tuple[Callable[[], None], str, str, str], ...] = (
    (articles.render, "Articles", ":material/newspaper:", "articles"),
    (review.render, "Review", ":material/ink_highlighter:", "review"),
    (claims.render, "Claims", ":material/table_rows:", "claims"),
    (claim.render, "Claim", ":material/search:", "claim"),
    (dashboard.render, "Dashboard", ":material/bar_chart:", "dashboard"),
)


def all_pages(start: str = "articles") -> list[st.Page]:
    """Every page; ``start`` is the one a bare address opens (tests start on any page)."""
    return [
        st.Page(render, title=title, icon=icon, url_path=path, default=path == start)
        for render, title, icon, path in PAGES
    ]


def page(url_path: str) -> st.Page:
    """The page at ``url_path`` ("review", "claim" ...), for links and switching pages."""
    render, title, icon, path = next(entry for entry in PAGES if entry[3] == url_path)
    return st.Page(render, title=title, icon=icon, url_path=path)
