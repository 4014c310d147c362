"""The report formats on hand-made data: content, escaping, CSV safety, ClaimReview validity."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.labels import STATUS_COLOURS
from factcheck.models import Attribution, ClaimKind, Origin, SpeakerKind, Stance, Status
from factcheck.reports import render_document, stream_records
from factcheck.reports.as_html import highlighted, render_html
from factcheck.reports.as_markdown import render_markdown
from factcheck.reports.claimreview import claim_reviews
from factcheck.reports.data import (
    EvidenceItem,
    NoteItem,
    Report,
    ReportArticle,
    ReportClaim,
    ReviewerActivity,
    StatusChange,
)
from factcheck.reports.records import CSV_HEADER, FORMULA_STARTS

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "factcheck/reports/claimreview.schema.json").read_text()
)
WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
TEXT = (
    "The harbour authority said on Tuesday that 1,250 containers were stuck at the port. "
    'Minister Ida Brandt called the delay "a matter of weeks, not months".'
)
ORG = {"org_name": "Harbour Checks", "org_url": "https://checks.example.org/"}


def claim(quote: str, **fields: Any) -> ReportClaim:
    """A claim of TEXT (or anywhere, when the quote is not in it)."""
    start = TEXT.find(quote)
    base: dict[str, Any] = {
        "id": 1,
        "article_id": 7,
        "article_title": "Port delays",
        "article_url": "https://news.example.org/port",
        "article_published_at": datetime(2025, 3, 12, tzinfo=UTC),
        "outlet": "Coast Herald",
        "kind": ClaimKind.NUMERIC,
        "start": max(start, 0),
        "end": max(start, 0) + len(quote),
        "quote": quote,
        "sentence": "The harbour authority said on Tuesday that 1,250 containers were stuck.",
        "speaker": None,
        "speaker_id": None,
        "speaker_kind": None,
        "speaker_resolved": True,
        "attribution": None,
        "cue": None,
        "value": None,
        "lower": None,
        "upper": None,
        "qualifier": None,
        "unit": None,
        "measure": None,
        "days": None,
        "confidence": 0.9,
        "status": Status.UNREVIEWED,
        "assignee": None,
        "version": 1,
        "origin": Origin.EXTRACTED,
        "created_at": WHEN,
        "updated_at": WHEN,
    }
    base.update(fields)
    return ReportClaim(**base)


def verified_containers() -> ReportClaim:
    return claim(
        "1,250",
        id=1,
        value=1250,
        lower=1250,
        upper=1250,
        unit="containers",
        measure="containers stuck at the port",
        speaker="harbour authority",
        speaker_kind=SpeakerKind.ORGANISATION,
        status=Status.VERIFIED,
        last_change=StatusChange("Ana Reyes", WHEN, "unreviewed", "verified"),
        evidence=(
            EvidenceItem(
                "https://port.example.org/bulletin",
                "Port bulletin",
                Stance.SUPPORTS,
                "",
                "Ana Reyes",
                WHEN,
            ),
        ),
        notes=(NoteItem("Matches the bulletin of 11 March.", "Ana Reyes", WHEN),),
    )


def open_quote() -> ReportClaim:
    return claim(
        "a matter of weeks, not months",
        id=2,
        kind=ClaimKind.ATTRIBUTED,
        speaker="Ida Brandt",
        speaker_kind=SpeakerKind.PERSON,
        attribution=Attribution.DIRECT,
        cue="called",
    )


def report(*claims: ReportClaim, **fields: Any) -> Report:
    base: dict[str, Any] = {
        "title": "Port delays",
        "generated_at": WHEN,
        "generated_by": "Ed Itor",
        "claims": claims or (verified_containers(), open_quote()),
        "articles": (
            ReportArticle(
                7,
                "Port delays",
                "https://news.example.org/port",
                "Coast Herald",
                "J. Doe",
                WHEN,
                TEXT,
            ),
        ),
        "articles_total": 1,
        "left_out": 1,
        "activity": (ReviewerActivity("Ana Reyes", 1, 1, 1, WHEN, WHEN),),
    }
    base.update(fields)
    return Report(**base)


def hostile() -> ReportClaim:
    """A claim whose every typed field tries to run something."""
    return claim(
        "1,250",
        id=3,
        speaker="<img src=x onerror=alert(1)>",
        measure='=HYPERLINK("http://evil.example/","click")',
        unit="+SUM(A1:A9)",
        qualifier="-2+3",
        status=Status.FALSE,
        last_change=StatusChange("@boss", WHEN, "unreviewed", "false"),
        evidence=(
            EvidenceItem(
                "javascript:alert('x')",
                "\tInnocent [link](javascript:alert(1))",
                Stance.REFUTES,
                "\rnote",
                "Ana",
                WHEN,
            ),
        ),
        notes=(NoteItem("<script>alert('note')</script> | **bold**", "Ana", WHEN),),
    )


# ---- HTML ------------------------------------------------------------------------------------


def test_html_highlights_claims_in_the_article_in_their_status_colour() -> None:
    page = render_html(report())
    assert '<mark class="st-verified" title="Claim 1: Verified">1,250</mark>' in page
    assert (
        '<mark class="st-unreviewed" title="Claim 2: Unreviewed">a matter of weeks, not months'
        in page
    )
    assert f"mark.st-verified {{ background: {STATUS_COLOURS[Status.VERIFIED]}" in page
    assert '1,250</mark><sup class="ref">1</sup> containers were stuck' in page


def test_html_has_summary_table_and_audit() -> None:
    page = render_html(report())
    text = re.sub(r"<[^>]+>", " ", page)
    text = " ".join(text.split())
    assert "Unreviewed 1 In review 0 Verified 1 False 0 Misleading 0 Unverifiable 0 Total 2" in text
    assert "1 item(s) marked “Not a claim” are left out" in text
    assert "at least" not in text  # no qualifier was given
    assert "1,250 containers containers stuck at the port harbour authority Verified" in text
    assert "Ana Reyes 2025-03-14 Supports: Port bulletin" in text
    assert "Matches the bulletin of 11 March. (Ana Reyes, 2025-03-14)" in text
    assert "Ida Brandt Unreviewed not reviewed yet" in text
    assert "Ana Reyes 1 1 1 2025-03-14 09:30 UTC" in text
    assert "2 claims, 1 of them without a final verdict" in text


def test_html_is_self_contained_and_printable() -> None:
    page = render_html(report())
    assert "<style>" in page and "@media print" in page and "@page" in page
    for outside in ("<link", "<script", "src=", "@import", "url("):
        assert outside not in page


def test_html_shows_what_users_typed_as_inert_text() -> None:
    page = render_html(report(hostile()))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript' not in page.lower()
    assert "Innocent [link](javascript:alert(1))" in page  # shown, not linked


def test_overlapping_spans_take_the_innermost_colour_and_keep_both_numbers() -> None:
    outer = claim("1,250 containers were stuck", id=1, status=Status.VERIFIED)
    inner = claim("1,250", id=2, status=Status.FALSE)
    marked = highlighted(TEXT, [(1, outer), (2, inner)])
    assert '<mark class="st-false" title="Claim 2: False">1,250</mark><sup class="ref">2</sup>' in (
        marked
    )
    assert (
        '<mark class="st-verified" title="Claim 1: Verified"> containers were stuck</mark>'
        '<sup class="ref">1</sup>'
    ) in marked
    assert html.unescape(re.sub(r"<[^>]+>|\d(?=</sup>)", "", marked)) == TEXT


def test_a_report_without_claims_says_so() -> None:
    empty = report(claims=(), articles=(), left_out=0, activity=())
    assert "No claims match this report." in render_html(empty)
    assert "Nobody has reviewed these claims yet." in render_markdown(empty)


# ---- Markdown ----------------------------------------------------------------------------


def test_markdown_lists_every_claim_with_its_verdict_and_sources() -> None:
    text = render_markdown(report())
    assert "| Verified | 1 |" in text and "| **Total** | **2** |" in text
    assert "### 1. “1,250” — Verified" in text
    assert "- Status: **Verified** (Ana Reyes, 2025-03-14)" in text
    assert "- Evidence (Supports): [Port bulletin](https://port.example.org/bulletin)" in text
    assert "### 2. “a matter of weeks, not months” — Unreviewed" in text
    assert "- Status: **Unreviewed** (*not reviewed yet*)" in text
    assert "- Article: [Port delays](https://news.example.org/port)" in text


def test_markdown_escapes_markup_and_never_links_scripts() -> None:
    text = render_markdown(report(hostile()))
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert\\('note'\\)&lt;/script&gt; \\| \\*\\*bold\\*\\*" in text
    assert "](javascript" not in text
    assert "Innocent \\[link\\]\\(javascript:alert\\(1\\)\\)" in text


# ---- CSV / JSON / JSONL --------------------------------------------------------------------


def as_bytes(fmt: str, claims: list[ReportClaim]) -> bytes:
    return b"".join(stream_records(fmt, claims))


def test_csv_has_one_row_per_claim_with_every_field() -> None:
    rows = list(csv.DictReader(io.StringIO(as_bytes("csv", [verified_containers()]).decode())))
    assert len(rows) == 1 and tuple(rows[0]) == CSV_HEADER
    row = rows[0]
    assert row["quote"] == "1,250" and row["status"] == "verified" and row["reviewed"] == "True"
    assert row["speaker"] == "harbour authority" and row["outlet"] == "Coast Herald"
    assert row["article_url"] == "https://news.example.org/port"
    assert row["status_changed_by"] == "Ana Reyes"
    assert row["status_changed_at"] == "2025-03-14T09:30:00+00:00"
    assert row["evidence"] == "Supports: https://port.example.org/bulletin (Port bulletin)"
    assert row["notes"] == "Ana Reyes, 2025-03-14: Matches the bulletin of 11 March."


def test_csv_cells_never_start_a_spreadsheet_formula() -> None:
    data = as_bytes("csv", [hostile(), verified_containers()]).decode()
    rows = list(csv.reader(io.StringIO(data)))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    by_name = dict(zip(rows[0], rows[1], strict=True))
    assert by_name["measure"] == '\'=HYPERLINK("http://evil.example/","click")'
    assert by_name["unit"] == "'+SUM(A1:A9)"
    assert by_name["qualifier"] == "'-2+3"
    assert by_name["status_changed_by"] == "'@boss"


def test_csv_of_no_claims_is_just_the_header() -> None:
    assert as_bytes("csv", []).decode().splitlines() == [",".join(CSV_HEADER)]


def test_json_and_jsonl_hold_the_same_objects() -> None:
    claims = [verified_containers(), open_quote()]
    whole = json.loads(as_bytes("json", claims))
    lines = [json.loads(line) for line in as_bytes("jsonl", claims).decode().splitlines()]
    assert whole == lines
    assert [o["id"] for o in whole] == [1, 2]
    assert whole[0]["evidence"][0]["stance"] == "supports"
    assert whole[0]["last_status_change"] == {
        "by": "Ana Reyes",
        "at": "2025-03-14T09:30:00+00:00",
        "from": "unreviewed",
        "to": "verified",
    }
    assert whole[1]["last_status_change"] is None and whole[1]["reviewed"] is False
    assert json.loads(as_bytes("json", [])) == []


def test_json_stays_valid_across_chunks() -> None:
    many = [dataclasses.replace(open_quote(), id=n) for n in range(1, 1203)]
    chunks = list(stream_records("json", many))
    assert len(chunks) > 3
    assert [o["id"] for o in json.loads(b"".join(chunks))] == list(range(1, 1203))


# ---- ClaimReview -------------------------------------------------------------------------


def test_claimreview_validates_and_covers_only_final_verdicts() -> None:
    reviews = claim_reviews(
        report(verified_containers(), open_quote(), hostile()),
        public_url="https://app.example.org",
        **ORG,
    )
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Verified", "False"]
    for review in reviews:
        jsonschema.validate(review, SCHEMA)
    first = reviews[0]
    assert first["url"] == "https://app.example.org/claim?claim=1"
    assert first["claimReviewed"].startswith("The harbour authority said")
    assert first["author"] == {
        "@type": "Organization",
        "name": "Harbour Checks",
        "url": "https://checks.example.org/",
    }
    assert first["reviewRating"] | {"@type": "Rating"} == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Verified",
    }
    item = first["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "harbour authority"}
    assert item["datePublished"] == "2025-03-12"
    assert item["appearance"]["url"] == "https://news.example.org/port"
    assert first["datePublished"] == "2025-03-14"


@pytest.mark.parametrize(
    ("status", "value"),
    [(Status.FALSE, 1), (Status.MISLEADING, 2), (Status.UNVERIFIABLE, 3), (Status.VERIFIED, 5)],
)
def test_each_verdict_has_its_rating(status: Status, value: int) -> None:
    quote = dataclasses.replace(
        open_quote(), status=status, last_change=StatusChange("Ana", WHEN, "in_review", status)
    )
    (review,) = claim_reviews(report(quote), public_url="https://app.example.org", **ORG)
    jsonschema.validate(review, SCHEMA)
    rating = review["reviewRating"]
    assert rating["worstRating"] <= rating["ratingValue"] == value <= rating["bestRating"]
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Ida Brandt"}
    assert review["claimReviewed"] == "a matter of weeks, not months"


def test_the_schema_refuses_a_review_without_a_readable_verdict() -> None:
    (review,) = claim_reviews(report(verified_containers()), public_url="https://a.org", **ORG)
    del review["reviewRating"]["alternateName"]
    with pytest.raises(jsonschema.ValidationError, match="alternateName"):
        jsonschema.validate(review, SCHEMA)


def test_claimreview_document_is_a_json_ld_array() -> None:
    data = render_document("claimreview", report(), public_url="https://a.org", **ORG)
    parsed = json.loads(data)
    assert len(parsed) == 1 and parsed[0]["@type"] == "ClaimReview"


# ---- PDF ---------------------------------------------------------------------------------


def pdf_text(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_has_the_report_with_header_and_page_numbers() -> None:
    many = tuple(
        dataclasses.replace(verified_containers(), id=n, notes=(NoteItem(f"Note {n}", "A", WHEN),))
        for n in range(1, 41)
    )
    data = render_document("pdf", report(*many), public_url="https://a.org", **ORG)
    assert data.startswith(b"%PDF-")
    pages = pdf_text(data)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Port delays" in text and "2025-03-14 09:30 UTC" in text
    whole = " ".join(" ".join(pages).split())
    assert "Summary" in whole and "Verified 40" in whole
    assert "Note 40" in whole
    assert "containers were stuck at the port" in whole
