"""The Dashboard page under Streamlit's AppTest, on an empty and a filled SQLite database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from factcheck.db import get_engine
from factcheck.models import Article, Claim, Role, Status, User
from factcheck.ui.common import USER_KEY
from factcheck.ui.dashboard import chart_key
from tests.factories import decide, make_article, make_user

APP = Path(__file__).resolve().parents[1] / "app.py"


def open_dashboard(at: AppTest) -> AppTest:
    """Run the app, then go to the Dashboard page.

    AppTest.switch_page() only finds pages backed by a file, and ours are functions
    registered by st.navigation, so pick the registered page by its URL path instead.
    """
    at.run()
    at._page_hash = next(  # noqa: SLF001 - see the docstring
        page
        for page, info in at._registered_pages.items()
        if info.get("url_pathname") == "dashboard"
    )
    return at.run()


@pytest.fixture
def app(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[AppTest, str]]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    st.cache_data.clear()
    yield AppTest.from_file(str(APP), default_timeout=30), sqlite_db
    st.cache_data.clear()


def _login(at: AppTest, url: str) -> User:
    with Session(get_engine(url), expire_on_commit=False) as session:
        user = make_user(session, role=Role.EDITOR)
    at.session_state[USER_KEY] = user.id
    return user


def _fill(url: str, by: User) -> tuple[list[Claim], list[Claim]]:
    with Session(get_engine(url), expire_on_commit=False) as session:
        valley = make_article(session, by=by, outlet="Valley Post")[1]
        harbour = make_article(session, by=by, outlet="Harbour Herald")[1]
        decide(session, claim_id=harbour[0].id or 0, status=Status.FALSE, by=by, seen_version=1)
    return valley, harbour


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_empty_database_says_there_are_no_claims(app: tuple[AppTest, str]) -> None:
    at, url = app
    _login(at, url)
    open_dashboard(at)
    assert not at.exception
    assert at.title[0].value == "Dashboard"
    assert _metrics(at)["Claims"] == "0"
    assert "No claims under these filters yet" in at.info[0].value


def test_filled_database_shows_figures_charts_and_claims(app: tuple[AppTest, str]) -> None:
    at, url = app
    _fill(url, _login(at, url))
    open_dashboard(at)
    assert not at.exception
    metrics = _metrics(at)
    assert (metrics["Claims"], metrics["False"], metrics["Unreviewed"]) == ("6", "1", "5")
    assert metrics["Reviewed"] == "17%"
    charts = at.get("vega_lite_chart")
    assert len(charts) >= 5  # four status bars, changes, reviewed share, reviewers
    table = at.dataframe[0].value
    assert len(table) == 6
    assert all(link.startswith("claim?claim=") for link in table["link"])


def test_a_write_shows_at_once(app: tuple[AppTest, str]) -> None:
    at, url = app
    user = _login(at, url)
    valley, _ = _fill(url, user)
    open_dashboard(at)
    assert _metrics(at)["Verified"] == "0"
    with Session(get_engine(url), expire_on_commit=False) as session:
        decide(session, claim_id=valley[0].id or 0, status=Status.VERIFIED, by=user, seen_version=1)
    at.run()
    assert _metrics(at)["Verified"] == "1"


def test_a_clicked_bar_filters_the_claims_table(app: tuple[AppTest, str]) -> None:
    at, url = app
    _, harbour = _fill(url, _login(at, url))
    open_dashboard(at)
    with Session(get_engine(url)) as session:
        outlet_id = session.get(Article, harbour[0].article_id).outlet_id  # type: ignore[union-attr]
    at.session_state[chart_key("outlet")] = {
        "selection": {"pick": [{"key": outlet_id, "status": "false"}]}
    }
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table["link"].tolist() == [f"claim?claim={harbour[0].id}"]
    assert table["status"].tolist() == ["False"]
    assert table["outlet"].tolist() == ["Harbour Herald"]


def test_the_outlet_filter_narrows_the_headline(app: tuple[AppTest, str]) -> None:
    at, url = app
    _fill(url, _login(at, url))
    open_dashboard(at)
    outlet = at.selectbox(key="dashboard_outlet")
    outlet.select_index(outlet.options.index("Harbour Herald")).run()
    assert _metrics(at)["Claims"] == "3"
    assert set(at.dataframe[0].value["outlet"]) == {"Harbour Herald"}


def test_the_figures_view_plots_a_search(app: tuple[AppTest, str]) -> None:
    at, url = app
    _fill(url, _login(at, url))
    open_dashboard(at)
    at.text_input(key="dashboard_measure").input("rainfall")
    at.run()
    assert not at.exception
    assert not any("No numeric claims" in c.value for c in at.caption)
    at.text_input(key="dashboard_measure").input("hostages")
    at.run()
    assert any("No numeric claims about “hostages”" in c.value for c in at.caption)


def _plotted(at: AppTest, title: str) -> pd.DataFrame:
    """The rows sent to the browser for the chart titled ``title``."""
    for chart in at.get("vega_lite_chart"):
        if json.loads(chart.proto.spec).get("title") == title:
            (dataset,) = chart.proto.datasets
            return pa.ipc.open_stream(dataset.data.data).read_pandas()
    raise AssertionError(f"no chart titled {title!r}")


def test_the_figures_view_plots_each_outlets_figures_under_the_filters(
    app: tuple[AppTest, str],
) -> None:
    at, url = app
    _fill(url, _login(at, url))
    open_dashboard(at)
    # "forced 3,400 residents from their homes": what is counted is the displaced
    at.text_input(key="dashboard_measure").input("displaced")
    at.run()
    plotted = _plotted(at, "Figures about “displaced”")
    assert sorted(plotted["outlet"]) == ["Harbour Herald", "Valley Post"]
    assert plotted["value"].tolist() == [3400.0, 3400.0]
    outlet = at.selectbox(key="dashboard_outlet")
    outlet.select_index(outlet.options.index("Harbour Herald")).run()
    assert _plotted(at, "Figures about “displaced”")["outlet"].tolist() == ["Harbour Herald"]
    at.text_input(key="dashboard_measure").input("people").run()  # counts nothing by itself
    assert any("No numeric claims about “people”" in c.value for c in at.caption)
