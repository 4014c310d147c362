"""Claims → HTML, PDF, Markdown, CSV, JSON, JSONL and ClaimReview. Pure: data in, bytes out.

``render_document`` turns a gathered ``Report`` into one file; ``stream_records`` turns an
iterator of claims into chunks of a data file, so exports of any size keep memory flat.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factcheck.reports.as_html import render_html
from factcheck.reports.as_markdown import render_markdown
from factcheck.reports.as_pdf import render_pdf
from factcheck.reports.claimreview import render_claimreview
from factcheck.reports.data import Report, ReportClaim
from factcheck.reports.records import csv_chunks, json_chunks, jsonl_chunks


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: how it is named, saved and produced."""

    key: str  # what `factcheck export --format` takes
    label: str  # what a button says
    extension: str
    mime: str
    streamed: bool  # True: one row per claim, streamed; False: a whole document


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("html", "HTML", "html", "text/html", streamed=False),
        Format("pdf", "PDF", "pdf", "application/pdf", streamed=False),
        Format("md", "Markdown", "md", "text/markdown", streamed=False),
        Format("csv", "CSV", "csv", "text/csv", streamed=True),
        Format("json", "JSON", "json", "application/json", streamed=True),
        Format("jsonl", "JSONL", "jsonl", "application/x-ndjson", streamed=True),
        Format("claimreview", "ClaimReview", "claimreview.jsonld", "application/ld+json", False),
    )
}


def render_document(
    fmt: str, report: Report, *, org_name: str, org_url: str, public_url: str
) -> bytes:
    """A whole-document format (HTML, PDF, Markdown, ClaimReview) of the report."""
    if fmt == "html":
        return render_html(report).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "md":
        return render_markdown(report).encode("utf-8")
    if fmt == "claimreview":
        text = render_claimreview(report, org_name=org_name, org_url=org_url, public_url=public_url)
        return text.encode("utf-8")
    raise ValueError(f"{fmt!r} is not a document format")


def stream_records(fmt: str, claims: Iterable[ReportClaim]) -> Iterator[bytes]:
    """A data format (CSV, JSON, JSONL) of the claims, in chunks."""
    writers = {"csv": csv_chunks, "json": json_chunks, "jsonl": jsonl_chunks}
    if fmt not in writers:
        raise ValueError(f"{fmt!r} is not a data format")
    return writers[fmt](claims)
