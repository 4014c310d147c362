"""Claims as data files: CSV, JSON and JSONL, one row or object per claim, streamed in chunks."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from factcheck.claim_json import claim_out
from factcheck.claim_json import plain as _plain
from factcheck.labels import STANCE_LABELS, STATUS_LABELS
from factcheck.reports.data import ReportClaim

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 500


def claim_object(claim: ReportClaim) -> dict[str, Any]:
    """A claim as a JSON object: the shared claim shape (claim_json), then what exports add."""
    change = claim.last_change
    return {
        **claim_out(
            claim,
            article_title=claim.article_title,
            outlet=claim.outlet,
            speaker=claim.speaker,
            assignee=claim.assignee,
            proposed_by=claim.proposed_by,
            signed_off_by=claim.signed_off_by,
        ),
        "article_url": claim.article_url,
        "article_published_at": _plain(claim.article_published_at),
        "speaker_kind": _plain(claim.speaker_kind),
        "status_label": STATUS_LABELS[claim.status],
        "reviewed": claim.reviewed,
        "last_status_change": None
        if change is None
        else {"by": change.by, "at": _plain(change.at), "from": change.before, "to": change.after},
        "evidence": [
            {
                "url": e.url,
                "title": e.title,
                "stance": e.stance.value,
                "note": e.note,
                "by": e.by,
                "at": _plain(e.at),
            }
            for e in claim.evidence
        ],
        "notes": [{"body": n.body, "by": n.by, "at": _plain(n.at)} for n in claim.notes],
    }


def claim_row(claim: ReportClaim) -> dict[str, Any]:
    """A claim as one flat CSV row: nested evidence and notes become readable text cells."""
    row = claim_object(claim)
    change = row.pop("last_status_change") or {}
    row["status_changed_by"] = change.get("by")
    row["status_changed_at"] = change.get("at")
    row["status_changed_from"] = change.get("from")
    row["evidence"] = "\n".join(
        f"{STANCE_LABELS[e.stance]}: {e.url}" + (f" ({e.title})" if e.title else "")
        for e in claim.evidence
    )
    row["evidence_count"] = len(claim.evidence)
    row["notes"] = "\n".join(f"{n.by}, {n.at:%Y-%m-%d}: {n.body}" for n in claim.notes)
    row["notes_count"] = len(claim.notes)
    return {key: row[key] for key in CSV_HEADER}


CSV_HEADER = (
    "id",
    "article_id",
    "article_title",
    "article_url",
    "article_published_at",
    "outlet",
    "kind",
    "start",
    "end",
    "quote",
    "sentence",
    "speaker",
    "speaker_kind",
    "speaker_resolved",
    "attribution",
    "cue",
    "value",
    "lower",
    "upper",
    "qualifier",
    "unit",
    "measure",
    "days",
    "confidence",
    "status",
    "status_label",
    "reviewed",
    "status_changed_by",
    "status_changed_at",
    "status_changed_from",
    "proposed_status",
    "proposed_by",
    "signed_off_by",
    "published_url",
    "published_at",
    "corrected_at",
    "assignee",
    "version",
    "origin",
    "created_at",
    "updated_at",
    "evidence_count",
    "evidence",
    "notes_count",
    "notes",
)


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: formula-like strings get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsv:
    """The one CSV writer (exports and `factcheck claims --format csv`): every cell guarded."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def row(self, values: Iterable[Any]) -> None:
        """Write one row; formula-like text cells get a leading apostrophe."""
        self._writer.writerow([safe_cell(_plain(value)) for value in values])


def csv_chunks(claims: Iterable[ReportClaim]) -> Iterator[bytes]:
    """CSV (UTF-8, header first), yielded a few hundred rows at a time."""
    out = io.StringIO()
    writer = SafeCsv(out)
    writer.row(CSV_HEADER)
    for n, claim in enumerate(claims, start=1):
        writer.row(claim_row(claim).values())
        if n % ROWS_PER_CHUNK == 0:
            yield _drain(out)
    yield _drain(out)


def _drain(out: io.StringIO) -> bytes:
    data = out.getvalue().encode("utf-8")
    out.seek(0)
    out.truncate()
    return data


def _json_batches(claims: Iterable[ReportClaim]) -> Iterator[list[str]]:
    """Claim objects as JSON text, a few hundred at a time."""
    batch: list[str] = []
    for claim in claims:
        batch.append(json.dumps(claim_object(claim), ensure_ascii=False))
        if len(batch) == ROWS_PER_CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def jsonl_chunks(claims: Iterable[ReportClaim]) -> Iterator[bytes]:
    """One JSON object per line."""
    for batch in _json_batches(claims):
        yield ("\n".join(batch) + "\n").encode("utf-8")


def json_chunks(claims: Iterable[ReportClaim]) -> Iterator[bytes]:
    """A JSON array of claim objects, streamed (a valid document even when empty)."""
    yield b"[\n"
    separator = ""
    for batch in _json_batches(claims):
        yield (separator + ",\n".join(batch)).encode("utf-8")
        separator = ",\n"
    yield b"\n]\n"
