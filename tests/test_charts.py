"""Chart builders, checked through the Vega-Lite spec they produce (chart.to_dict())."""

from __future__ import annotations

from typing import Any

import pandas as pd

from factcheck import charts
from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import Status


def _by_outlet() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": [1, 1, 2],
            "name": ["Valley Post", "Valley Post", "Harbour Herald"],
            "status": ["unreviewed", "false", "verified"],
            "claims": [40, 3, 12],
        }
    )


def _values(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return next(iter(spec["datasets"].values()))


def test_status_bars_stack_claims_per_group_in_the_status_colours() -> None:
    spec = charts.status_bars(_by_outlet(), title="Claims by outlet", group="Outlet").to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "bar"
    assert enc["y"]["field"] == "name" and enc["y"]["sort"] == ["Valley Post", "Harbour Herald"]
    # Rows are already one per (group, status): no aggregate, so a click keeps key and status.
    assert (enc["x"]["field"], enc["x"]["stack"]) == ("claims", "zero")
    assert "aggregate" not in enc["x"]
    scale = enc["color"]["scale"]
    assert enc["color"]["field"] == "status_label"
    assert scale["domain"] == [STATUS_LABELS[s] for s in Status]
    assert scale["range"] == [STATUS_COLOURS[s] for s in Status]
    assert (
        dict(zip(scale["domain"], scale["range"], strict=True))["False"]
        == STATUS_COLOURS[Status.FALSE]
    )


def test_status_bars_leave_the_key_and_axis_titles_to_the_page() -> None:
    spec = charts.status_bars(_by_outlet(), title="Claims by outlet", group="Outlet").to_dict()
    enc = spec["encoding"]
    assert enc["color"]["legend"] is None  # status_legend_html() is shown once above the charts
    assert enc["y"]["title"] is None and enc["x"]["title"] is None  # the title says it
    assert enc["x"]["axis"]["format"] == ",d"  # whole claims, no 0.5 ticks
    assert spec["width"] == "container"
    assert enc["tooltip"][0] == {"field": "name", "type": "nominal", "title": "Outlet"}


def test_status_legend_names_every_status_in_its_colour_in_workflow_order() -> None:
    legend = charts.status_legend_html()
    places = [
        legend.index(f'background:{STATUS_COLOURS[s]}"></span>{STATUS_LABELS[s]}') for s in Status
    ]
    assert places == sorted(places)


def test_status_bars_carry_labels_and_a_click_selection_on_key_and_status() -> None:
    spec = charts.status_bars(_by_outlet(), title="Claims by outlet", group="Outlet").to_dict()
    (param,) = spec["params"]
    assert param["name"] == charts.PICK
    assert param["select"] == {"type": "point", "fields": ["key", "status"]}
    rows = _values(spec)
    assert [(r["name"], r["status_label"], r["claims"]) for r in rows] == [
        ("Valley Post", "Unreviewed", 40),
        ("Valley Post", "False", 3),
        ("Harbour Herald", "Verified", 12),
    ]


def test_changes_chart_counts_changes_per_day_by_new_status() -> None:
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2026-11-20", "2026-11-20", "2026-11-21"]),
            "status": ["verified", "false", "verified"],
            "changes": [4, 1, 2],
        }
    )
    spec = charts.changes_chart(frame).to_dict()
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["x"]["type"]) == ("day", "temporal")
    assert (enc["y"]["field"], enc["y"]["aggregate"]) == ("changes", "sum")
    assert enc["y"]["axis"]["format"] == ",d" and enc["y"]["title"] is None  # the title says it
    assert enc["color"]["scale"]["range"] == [STATUS_COLOURS[s] for s in Status]
    assert {r["status_label"] for r in _values(spec)} == {"Verified", "False"}


def test_reviewed_share_chart_is_a_percentage_line() -> None:
    frame = pd.DataFrame(
        {"day": pd.to_datetime(["2026-11-20", "2026-11-21"]), "reviewed_share": [0.1, 0.25]}
    )
    spec = charts.reviewed_share_chart(frame).to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["y"]["field"] == "reviewed_share"
    assert spec["encoding"]["y"]["axis"]["format"] == "%"


def test_reviewer_chart_sums_reviews_per_reviewer_and_week() -> None:
    frame = pd.DataFrame(
        {
            "week": pd.to_datetime(["2026-11-16", "2026-11-23"]),
            "reviewer": ["Ada", "Ada"],
            "reviews": [5, 7],
        }
    )
    spec = charts.reviewer_chart(frame).to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "rect"
    assert (enc["y"]["field"], enc["color"]["field"], enc["color"]["aggregate"]) == (
        "reviewer",
        "reviews",
        "sum",
    )
    assert enc["x"]["field"] == "week"


def test_figures_chart_plots_value_by_article_date_coloured_by_outlet() -> None:
    frame = pd.DataFrame(
        {
            "claim_id": [1, 2],
            "article_date": pd.to_datetime(["2026-11-01", "2026-11-02"], utc=True),
            "value": [120.0, 135.0],
            "outlet": ["Valley Post", "Harbour Herald"],
            "measure": ["deaths", "deaths"],
            "quote": ["120 deaths", "135 deaths"],
        }
    )
    spec = charts.figures_chart(frame, measure="deaths").to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "circle"
    assert (enc["x"]["field"], enc["y"]["field"], enc["color"]["field"]) == (
        "article_date",
        "value",
        "outlet",
    )
    assert "deaths" in spec["title"]
