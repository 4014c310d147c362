"""Ingest: text, files and web pages → clean text and metadata → stored article and claims.

``from_text``, ``from_file``, ``from_url`` and ``from_html`` load a ``Document``; ``store``
extracts its claims and writes article, claims and audit event in one transaction;
``ingest_all`` does many sources at once for `factcheck ingest`.
"""

from factcheck.ingest.batch import Outcome, Summary, collect, ingest_all, ingest_source, load
from factcheck.ingest.clean import Cleaned, clean_text
from factcheck.ingest.document import Document
from factcheck.ingest.load import SUPPORTED, from_file, from_html, from_text, from_url
from factcheck.ingest.store import IngestResult, store, store_many
from factcheck.urls import check_url

__all__ = [
    "SUPPORTED",
    "Cleaned",
    "Document",
    "IngestResult",
    "Outcome",
    "Summary",
    "check_url",
    "clean_text",
    "collect",
    "from_file",
    "from_html",
    "from_text",
    "from_url",
    "ingest_all",
    "ingest_source",
    "load",
    "store",
    "store_many",
]
