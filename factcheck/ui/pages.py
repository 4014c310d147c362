"""The pages of the app, in navigation order. Each page module has a ``render()``."""

from __future__ import annotations

import streamlit as st

from factcheck.ui import articles, claim, claims, dashboard, review


def all_pages() -> list[st.Page]:
    """Every page; Review and Claim are reached by link (?article=…, ?claim=…) or the menu."""
    return [
        st.Page(articles.render, title="Articles", icon="📰", url_path="articles", default=True),
        st.Page(review.render, title="Review", icon="🖍️", url_path="review"),
        st.Page(claims.render, title="Claims", icon="📋", url_path="claims"),
        st.Page(claim.render, title="Claim", icon="🔎", url_path="claim"),
        st.Page(dashboard.render, title="Dashboard", icon="📊", url_path="dashboard"),
    ]


def page(url_path: str) -> st.Page:
    """The page at ``url_path`` ("review", "claim" ...), for links and switching pages."""
    return next(p for p in all_pages() if p.url_path == url_path)
