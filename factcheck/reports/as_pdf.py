"""The verification report as PDF: the HTML report laid out by WeasyPrint.

The page header (article and date) and the page numbers come from the ``@page`` rules in the
HTML report's CSS, so a browser's print preview and this PDF look alike. The HTML refers to
no outside file (styles are inline, user text is escaped), so WeasyPrint fetches nothing.
"""

from __future__ import annotations

from factcheck.reports.as_html import render_html
from factcheck.reports.data import Report


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    from weasyprint import HTML  # slow to import: load only when a PDF is asked for

    pdf: bytes = HTML(string=render_html(report)).write_pdf()
    return pdf
