"""The article highlighter: spans, colours, kinds, overlaps and escaping."""

from __future__ import annotations

from factcheck.labels import STATUS_COLOURS
from factcheck.models import ClaimKind, Status
from factcheck.ui.highlight import Span, article_html, legend_html, pieces

TEXT = 'The agency said "at least 40 people died" on Monday.'


def span(claim_id: int, quote: str, kind: ClaimKind, status: Status = Status.UNREVIEWED) -> Span:
    start = TEXT.index(quote)
    return Span(claim_id, start, start + len(quote), status, kind)


def test_text_without_claims_comes_back_escaped_and_whole() -> None:
    out = article_html("A < B & C", [], article_id=1)
    assert out == '<div class="fc-article">A &lt; B &amp; C</div>'


def test_each_claim_links_to_itself_in_its_status_colour() -> None:
    out = article_html(
        TEXT, [span(7, "40 people", ClaimKind.NUMERIC, Status.VERIFIED)], article_id=3
    )
    assert 'data-claim="7"' in out
    assert 'href="?article=3&amp;claim=7"' in out
    assert f"background:{STATUS_COLOURS[Status.VERIFIED]}" in out
    assert ">40 people</mark></a>" in out


def test_numeric_claims_are_filled_and_attributed_claims_underlined() -> None:
    numeric = article_html(TEXT, [span(1, "40 people", ClaimKind.NUMERIC)], article_id=1)
    quoted = article_html(
        TEXT, [span(2, "at least 40 people died", ClaimKind.ATTRIBUTED)], article_id=1
    )
    assert "fc-numeric" in numeric and "border-bottom" not in numeric
    assert "fc-attributed" in quoted and "border-bottom:3px solid" in quoted


def test_a_figure_inside_a_quote_keeps_both_claims_and_clicks_to_the_figure() -> None:
    outer = span(1, "at least 40 people died", ClaimKind.ATTRIBUTED, Status.FALSE)
    inner = span(2, "40 people", ClaimKind.NUMERIC, Status.VERIFIED)
    cut = pieces(len(TEXT), [outer, inner])
    covered = [(TEXT[a:b], [s.claim_id for s in spans]) for a, b, spans in cut if spans]
    assert covered == [("at least ", [1]), ("40 people", [2, 1]), (" died", [1])]
    out = article_html(TEXT, [outer, inner], article_id=1)
    # each piece carries its target on the link and on the mark
    assert out.count('data-claim="1"') == 4 and out.count('data-claim="2"') == 2
    middle = out[out.index('data-claim="2"') : out.index(">40 people<")]
    assert STATUS_COLOURS[Status.VERIFIED] in middle and STATUS_COLOURS[Status.FALSE] in middle


def test_the_text_between_marks_is_kept_character_for_character() -> None:
    spans = [span(1, "agency", ClaimKind.ATTRIBUTED), span(2, "40", ClaimKind.NUMERIC)]
    out = article_html(TEXT, spans, article_id=1)
    assert "&quot;at least " in out and " people died&quot; on Monday." in out


def test_user_text_cannot_inject_markup() -> None:
    text = '<script>alert(1)</script> said "<b>5</b>"'
    start = text.index("5")
    out = article_html(
        text,
        [Span(1, start, start + 1, Status.UNREVIEWED, ClaimKind.NUMERIC, '"><img>')],
        article_id=1,
    )
    assert "<script>" not in out and "<b>" not in out and "<img>" not in out
    assert "&lt;script&gt;" in out and "&quot;&gt;&lt;img&gt;" in out


def test_spans_outside_the_text_are_left_out() -> None:
    out = article_html(
        "short", [Span(1, 3, 99, Status.UNREVIEWED, ClaimKind.NUMERIC)], article_id=1
    )
    assert out == '<div class="fc-article">short</div>'


def test_the_selected_claim_is_outlined() -> None:
    spans = [span(1, "40 people", ClaimKind.NUMERIC), span(2, "Monday", ClaimKind.NUMERIC)]
    out = article_html(TEXT, spans, article_id=1, selected=2)
    assert out.count("outline:2px") == 1
    assert "outline:2px" in out[out.index('data-claim="2"') :]


def test_the_legend_names_every_status() -> None:
    legend = legend_html()
    for label in ("Unreviewed", "Verified", "False", "Misleading", "Not a claim"):
        assert label in legend
