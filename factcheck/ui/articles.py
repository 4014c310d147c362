"""Articles page: add an article (paste, upload, URL) and list the articles with their progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

import streamlit as st

from factcheck.articles import ArticleRow, list_articles
from factcheck.ingest import (
    SUPPORTED,
    Document,
    IngestResult,
    from_file,
    from_text,
    from_url,
    store,
)
from factcheck.models import REVIEWED
from factcheck.ui.common import (
    counted,
    db,
    logged_in,
    name_shown,
    page_link,
    plain,
    shown_errors,
    status_bar,
    when,
)
from factcheck.urls import check_url

PAGE_SIZE = 25
RESULT_KEY = "articles_last_result"
PENDING_KEY = "articles_pending_paste"  # a paste waiting for "cleaned" or "as pasted"


def render() -> None:
    """The Articles page."""
    st.title("Articles")
    with st.expander("Add an article", expanded=_empty(), icon=":material/add:"):
        _add_form()
    _last_result()
    _listing()


def _empty() -> bool:
    with db(readonly=True) as session:
        return list_articles(session, limit=1)[1] == 0


def _add_form() -> None:
    paste, upload, link = st.tabs(["Paste text", "Upload a file", "From a URL"])
    with paste:
        _paste_form()
    with upload, st.form("add_upload", border=False):
        data = st.file_uploader(
            f"A text, Markdown or HTML file ({', '.join(SUPPORTED)})", key="add_upload_file"
        )
        outlet = st.text_input("Outlet", key="add_upload_outlet")
        if st.form_submit_button("Add and find claims", type="primary"):
            if data is None:
                st.warning("Choose a file first.")
            else:
                _ingest(lambda: from_file(data.name, data.getvalue()), outlet)
    with link, st.form("add_url", border=False):
        url = st.text_input("Address", placeholder="https://…", key="add_url_address")
        outlet = st.text_input("Outlet (optional: the site's name is used otherwise)")
        if st.form_submit_button("Fetch and find claims", type="primary"):
            _ingest(lambda: from_url(url.strip()), outlet)


def _paste_form() -> None:
    with st.form("add_paste", clear_on_submit=False, border=False):
        title = st.text_input("Headline (optional: the first line is used otherwise)")
        text = st.text_area("Article text", height=220, key="add_paste_text")
        left, right = st.columns(2)
        outlet = left.text_input("Outlet", placeholder="e.g. Valley Post", key="add_paste_outlet")
        author = right.text_input("Author (optional)", key="add_paste_author")
        published = left.date_input(
            "Published on (optional)", value=None, max_value=date.today(), key="add_paste_date"
        )
        url = right.text_input(
            "Address of the original (optional)", placeholder="https://…", key="add_paste_url"
        )
        submitted = st.form_submit_button("Add and find claims", type="primary")
    if submitted:
        with shown_errors():
            meta = PasteMeta(
                title=title.strip() or None,
                outlet=outlet.strip(),
                author=author.strip() or None,
                published_at=datetime.combine(published, time(12), UTC)
                if isinstance(published, date)
                else None,
                url=check_url(url) if url.strip() else None,
            )
            doc = _pasted(text, meta, as_pasted=False)
            if doc.removed:  # let the reviewer see what cleaning drops before it is stored
                st.session_state[PENDING_KEY] = (text, meta)
            else:
                _ingest(lambda: doc, meta.outlet)
    _pending_paste()


@dataclass(frozen=True, slots=True)
class PasteMeta:
    """What the paste form says about the article besides its text."""

    title: str | None
    outlet: str
    author: str | None
    published_at: datetime | None
    url: str | None


def _pasted(text: str, meta: PasteMeta, *, as_pasted: bool) -> Document:
    doc = from_text(text, title=meta.title, as_pasted=as_pasted)
    return replace(doc, author=meta.author, published_at=meta.published_at, url=meta.url)


def _pending_paste() -> None:
    pending = st.session_state.get(PENDING_KEY)
    if pending is None:
        return
    text, meta = pending
    doc = _pasted(text, meta, as_pasted=False)
    dropped = sum(n for _, n in doc.removed)
    parts = "; ".join(f"{why}: {n:,} characters" for why, n in doc.removed)
    st.warning(
        f"Cleaning removes {dropped:,} of the {len(text):,} characters you pasted ({parts}). "
        "Add the cleaned text, or keep the text exactly as pasted.",
        icon=":material/content_cut:",
    )
    with st.container(horizontal=True):
        cleaned = st.button("Add the cleaned text", type="primary", key="paste_cleaned")
        as_pasted = st.button("Keep the text as pasted", key="paste_as_pasted")
    if cleaned or as_pasted:
        del st.session_state[PENDING_KEY]
        if _ingest(lambda: _pasted(text, meta, as_pasted=as_pasted), meta.outlet):
            st.rerun()


def _ingest(load: Callable[[], Document], outlet: str) -> bool:
    """Store the article; True when it went in (or was found stored), else the error is shown."""
    with shown_errors(), st.spinner("Reading the article and finding its claims…"):
        doc = load()
        with db() as session:
            result = store(session, doc=doc, by=logged_in(session), outlet=outlet.strip() or None)
        st.session_state[RESULT_KEY] = _summary(result)
        return True
    return False


def _summary(result: IngestResult) -> tuple[int, str, bool]:
    article = result.article
    assert article.id is not None
    if result.duplicate:
        title = plain(article.title)
        return article.id, f"This text is already stored as “{title}”; nothing added.", True
    return (
        article.id,
        f"Added “{plain(article.title)}”: {result.claims} claims found "
        f"({result.numeric} numeric, {result.attributed} attributed).",
        False,
    )


def _last_result() -> None:
    last = st.session_state.get(RESULT_KEY)
    if last is None:
        return
    article_id, message, duplicate = last
    box = st.info if duplicate else st.success
    box(message, icon=":material/info:" if duplicate else ":material/check_circle:")
    page_link("review", "Review its claims", icon=":material/ink_highlighter:", article=article_id)


def _listing() -> None:
    search = st.text_input(
        "Search headlines", key="articles_search", placeholder="Words in the headline"
    )
    page = st.session_state.get("articles_page", 1)
    with db(readonly=True) as session:
        rows, total = list_articles(
            session, search=search, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
        )
    if not total:
        st.info("No articles match." if search.strip() else "No articles yet: add one above.")
        return
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    st.caption(f"{counted(total, 'article')}, newest first.")
    for row in rows:
        _article_row(row)
    if pages > 1:
        st.number_input("Page", 1, pages, key="articles_page", width=140)


def _article_row(row: ArticleRow) -> None:
    with st.container(border=True):
        main, progress, link = st.columns([5, 3, 1], vertical_alignment="center")
        with main:
            st.markdown(f"**{plain(row.title)}**")
            outlet = name_shown(row.outlet) if row.outlet else "no outlet"
            st.caption(f"{outlet} · {when(row.published_at) or 'date unknown'}")
        with progress:
            reviewed = sum(n for s, n in row.statuses.items() if s in REVIEWED)
            st.caption(f"{counted(row.claims, 'claim')}, {reviewed:,} reviewed")
            st.html(status_bar(row.statuses))
        with link:
            page_link("review", "Review", icon=":material/ink_highlighter:", article=row.id)
