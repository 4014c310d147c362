"""Small DataFrames → Altair charts, with the status colours used everywhere (pure: no session).

Each builder takes one of factcheck.dashboard's aggregated tables, so a chart carries a few
hundred rows at most to the browser.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd

from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import Status

PICK = "pick"  # the name of each bar chart's click selection (fields: key, status)
STATUS_ORDER = [STATUS_LABELS[s] for s in Status]
WHOLE = alt.Axis(format=",d", tickMinStep=1)  # axes that count: no ticks at 0.5 of a claim
# Reported figures as a desk writes them, on axes and in tooltips: 1,000 and 4.5. A format
# without a type (",") lets Vega pick a precision from the tick step: 1e+3.
FIGURE_FORMAT = ",~f"


def status_scale() -> alt.Scale:
    """The status colours, keyed by the statuses' display labels, in workflow order."""
    return alt.Scale(domain=STATUS_ORDER, range=[STATUS_COLOURS[s] for s in Status])


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a status_label column and status_rank (its place in the stack)."""
    rank = {s.value: i for i, s in enumerate(Status)}
    labels = {s.value: STATUS_LABELS[s] for s in Status}
    return frame.assign(
        status_label=frame["status"].map(labels), status_rank=frame["status"].map(rank)
    )


def status_legend_html() -> str:
    """One legend row for every status-coloured chart: a swatch and the label of each status.

    The bar charts leave out their own legends, which repeated under each chart and were
    clipped in narrow columns.
    """
    swatch = "display:inline-block;width:0.8em;height:0.8em;border-radius:2px;margin-right:0.3em"
    items = "".join(
        f'<span style="white-space:nowrap;margin-right:1.1em">'
        f'<span style="{swatch};background:{STATUS_COLOURS[s]}"></span>'
        f"{html.escape(STATUS_LABELS[s])}</span>"
        for s in Status
    )
    return f'<div style="font-size:0.85rem;line-height:1.8">Status: &nbsp;{items}</div>'


def status_bars(frame: pd.DataFrame, *, title: str, group: str) -> alt.Chart:
    """Horizontal stacked bars: claims per status for each group (``status_by``'s table).

    ``group`` names the groups in tooltips ("Outlet"); the title already says it, so the axes
    carry no titles and the status key is ``status_legend_html``, shared by every chart.
    Clicking a segment selects its (key, status); the page filters its claims table by it.
    """
    pick = alt.selection_point(name=PICK, fields=["key", "status"])
    groups = list(dict.fromkeys(frame["name"]))  # already biggest first
    chart: alt.Chart = (
        alt.Chart(_labelled(frame), title=title)
        .mark_bar()
        .encode(
            y=alt.Y(
                "name:N",
                title=None,
                sort=groups,
                axis=alt.Axis(labelLimit=240, labelOverlap=False),  # every group named
            ),
            # One row per (group, status) already: no aggregate, so a click keeps key and status.
            x=alt.X(
                "claims:Q",
                title=None,
                stack="zero",
                axis=WHOLE,
            ),
            color=alt.Color("status_label:N", scale=status_scale(), legend=None),
            order=alt.Order("status_rank:Q"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("name:N", title=group),
                alt.Tooltip("status_label:N", title="Status"),
                alt.Tooltip("claims:Q", title="Claims", format=","),
            ],
        )
        .add_params(pick)
        .properties(width="container", height=alt.Step(20))
    )
    return chart


def changes_chart(frame: pd.DataFrame) -> alt.Chart:
    """Status changes per day, stacked by the status reached (``changes_per_day``'s table)."""
    chart: alt.Chart = (
        alt.Chart(_labelled(frame), title="Status changes per day")
        .mark_bar()
        .encode(
            x=alt.X("day:T", title=None),
            y=alt.Y("sum(changes):Q", title=None, axis=WHOLE),
            color=alt.Color("status_label:N", title="New status", scale=status_scale()),
            order=alt.Order("status_rank:Q"),
            tooltip=[
                alt.Tooltip("day:T", title="Day"),
                alt.Tooltip("status_label:N", title="New status"),
                alt.Tooltip("sum(changes):Q", title="Changes", format=","),
            ],
        )
    )
    return chart


def reviewed_share_chart(frame: pd.DataFrame) -> alt.Chart:
    """The share of claims reviewed at the end of each day (``reviewed_share_per_day``)."""
    chart: alt.Chart = (
        alt.Chart(frame, title="Claims reviewed (cumulative share)")
        .mark_line(point=True, color=STATUS_COLOURS[Status.VERIFIED])
        .encode(
            x=alt.X("day:T", title=None),
            y=alt.Y("reviewed_share:Q", title=None, axis=alt.Axis(format="%")),
            tooltip=[
                alt.Tooltip("day:T", title="Day"),
                alt.Tooltip("reviewed_share:Q", title="Reviewed", format=".1%"),
            ],
        )
    )
    return chart


def reviewer_chart(frame: pd.DataFrame) -> alt.Chart:
    """Reviews per reviewer per week as a heat map (``reviews_per_week``'s table)."""
    chart: alt.Chart = (
        alt.Chart(frame, title="Reviews per reviewer per week")
        .mark_rect()
        .encode(
            x=alt.X("yearmonthdate(week):O", title="Week starting"),
            y=alt.Y("reviewer:N", title=None),
            color=alt.Color(
                "sum(reviews):Q",
                title="Reviews",
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(format=",d"),
            ),
            tooltip=[
                alt.Tooltip("reviewer:N", title="Reviewer"),
                alt.Tooltip("yearmonthdate(week):T", title="Week starting"),
                alt.Tooltip("sum(reviews):Q", title="Reviews", format=","),
            ],
        )
    )
    return chart


def figures_chart(frame: pd.DataFrame, *, measure: str) -> alt.Chart:
    """Numeric claims about ``measure`` by article date and value, coloured by outlet."""
    chart: alt.Chart = (
        alt.Chart(frame, title=f"Figures about “{measure}”")
        .mark_circle(size=60, opacity=0.8)
        .encode(
            x=alt.X("article_date:T", title="Article date"),
            y=alt.Y("value:Q", title="Value", axis=alt.Axis(format=FIGURE_FORMAT)),
            color=alt.Color("outlet:N", title="Outlet", legend=alt.Legend(labelLimit=400)),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("article_date:T", title="Article date"),
                alt.Tooltip("value:Q", title="Value", format=FIGURE_FORMAT),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("quote:N", title="Quote"),
            ],
        )
    )
    return chart


def _outlet_colours(outlets: list[str]) -> alt.Scale:
    """The colour of each outlet, the same in every chart given the same ``outlets``."""
    return alt.Scale(domain=outlets, scheme="tableau10" if len(outlets) <= 10 else "tableau20")


def story_timeline(frame: pd.DataFrame, *, outlets: list[str]) -> alt.Chart:
    """A story's articles on a time line: one dot per article (columns published, outlet,
    title, claims, copy, source), an outlet per row in order of appearance, derived articles as
    triangles; ``outlets`` give the colours (the story's figure_series takes the same)."""
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_point(size=140, filled=True)
        .encode(
            # The day on every label: a story runs over days, and ticks at 09 AM, 03 PM …
            # (Vega's own labels off midnight) did not say which.
            x=alt.X("published:T", title=None, axis=alt.Axis(format="%-d %b %H:%M")),
            y=alt.Y(
                "outlet:N",
                title=None,
                sort=list(dict.fromkeys(frame["outlet"])),
                # Every outlet named, whole: "Harbour Radio N…" was two outlets.
                axis=alt.Axis(labelLimit=400, labelOverlap=False),
            ),
            color=alt.Color("outlet:N", legend=None, scale=_outlet_colours(outlets)),
            shape=alt.Shape(
                "copy:N",
                title=None,
                scale=alt.Scale(domain=["own", "derived"], range=["circle", "triangle"]),
            ),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("title:N", title="Article"),
                alt.Tooltip("published:T", title="Published", format="%Y-%m-%d %H:%M"),
                alt.Tooltip("claims:Q", title="Claims", format=",d"),
                alt.Tooltip("source:N", title="Derived from"),
            ],
        )
        .properties(height=max(120, 44 * frame["outlet"].nunique()), title="Articles over time")
    )
    return chart


def figure_series(frame: pd.DataFrame, *, outlets: list[str]) -> alt.Chart:
    """Values of each measure by as-of date (columns as_of, value, outlet, measure, quote): a
    colour per outlet (``outlets``, as story_timeline's), a line style and mark per measure."""
    legend_rows = len(outlets) + frame["measure"].nunique()  # every outlet has its colour
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=80, filled=True))
        .encode(
            x=alt.X("as_of:T", title=None, axis=alt.Axis(format="%-d %b", tickCount="day")),
            y=alt.Y("value:Q", title=None, axis=alt.Axis(format=FIGURE_FORMAT)),
            color=alt.Color(
                "outlet:N",
                title="Outlet",
                scale=_outlet_colours(outlets),
                legend=alt.Legend(labelLimit=400),
            ),
            shape=alt.Shape("measure:N", title="What", legend=alt.Legend(labelLimit=400)),
            strokeDash=alt.StrokeDash("measure:N", title="What"),  # one legend with shape
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("measure:N", title="What"),
                alt.Tooltip("quote:N", title="As written"),
                alt.Tooltip("value:Q", title="Value", format=FIGURE_FORMAT),
                alt.Tooltip("as_of:T", title="As of", format="%Y-%m-%d"),
            ],
        )
        # Tall enough for both legends (outlets, then measures) beside the plot.
        .properties(height=max(240, 36 * legend_rows + 80), title="Figures over time")
    )
    return chart
