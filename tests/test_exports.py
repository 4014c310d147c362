"""Exports from the database, on SQLite and PostgreSQL: content, filters, rights, the CLI."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from factcheck import exports, outlets
from factcheck.claims import ClaimFilter, add_claim
from factcheck.cli import app
from factcheck.errors import BadInput, NotAllowed
from factcheck.exports import export_bytes, gather_report, iter_report_claims
from factcheck.models import Article, ClaimKind, Role, Stance, Status, User
from factcheck.review import add_evidence, add_note
from tests.factories import decide, make_article, make_user

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "factcheck/reports/claimreview.schema.json").read_text()
)
HARBOUR = (
    "Dock workers unloaded 18 ships on Sunday, the port operator said. "
    'Union leader Sam Okafor said the pace was "the fastest in ten years".'
)


@dataclass
class Newsroom:
    ana: User  # reviewer
    ed: User  # editor
    floods: Article
    harbour: Article
    verified: int  # claim ids
    not_a_claim: int
    unreviewed: int
    ships: int


def newsroom(session: Session) -> Newsroom:
    """Two articles from two outlets; one claim verified with evidence and a note."""
    ana = make_user(session, email="ana@newsroom.test")
    ed = make_user(session, role=Role.EDITOR, email="ed@newsroom.test")
    floods, (residents, levee, rain) = make_article(session, by=ana, title="Valley floods")
    decide(session, claim_id=residents.id or 0, status=Status.IN_REVIEW, by=ana, seen_version=1)
    decide(
        session,
        claim_id=residents.id or 0,
        status=Status.VERIFIED,
        by=ana,  # a proposal, which Ed (the second editor) signs off
        seen_version=2,
        note="Matches the emergency office's bulletin.",
    )
    add_evidence(
        session,
        claim_id=residents.id or 0,
        url="https://emergency.example.org/bulletin-7",
        stance=Stance.SUPPORTS,
        by=ana,
        title="Bulletin 7",
    )
    add_note(session, claim_id=residents.id or 0, body="<script>alert(1)</script>", by=ana)
    decide(session, claim_id=levee.id or 0, status=Status.NOT_A_CLAIM, by=ana, seen_version=1)
    harbour, _ = make_article(session, by=ana, text=HARBOUR, outlet="Harbour Times", title="Port")
    ships = add_claim(
        session,
        article_id=harbour.id or 0,
        start=HARBOUR.index("18 ships"),
        end=HARBOUR.index("18 ships") + len("18 ships"),
        quote="18 ships",
        kind=ClaimKind.NUMERIC,
        by=ana,
        speaker="port operator",
        value=18,
        unit="ship",
    )
    session.commit()
    return Newsroom(
        ana, ed, floods, harbour, residents.id or 0, levee.id or 0, rain.id or 0, ships.id or 0
    )


def test_a_report_has_evidence_notes_and_the_latest_verdict(session: Session) -> None:
    n = newsroom(session)
    report = gather_report(session, where=ClaimFilter(article_id=n.floods.id), by=n.ed)
    assert report.title == "Valley floods" and report.generated_by == "Ed"
    assert [c.id for c in report.claims] == [n.verified, n.unreviewed]  # in text order
    verified, rain = report.claims
    assert verified.last_change is not None
    assert (verified.last_change.by, verified.last_change.before) == ("Ed", "in_review")
    assert verified.last_change.at.tzinfo is not None
    assert [(e.url, e.stance, e.by) for e in verified.evidence] == [
        ("https://emergency.example.org/bulletin-7", Stance.SUPPORTS, "Ana")
    ]
    assert [note.body for note in verified.notes] == [
        "Matches the emergency office's bulletin.",
        "<script>alert(1)</script>",
    ]
    assert verified.outlet == "Valley Post" and rain.speaker == "national weather service"
    assert rain.last_change is None and not rain.reviewed
    assert report.left_out == 1
    assert [a.title for a in report.articles] == ["Valley floods"]
    activity = {a.name: (a.status_changes, a.notes, a.evidence) for a in report.activity}
    # Ana proposed "verified" with her note; Ed's sign-off is the status change to verified.
    assert activity == {"Ed": (1, 0, 0), "Ana": (1, 2, 1)}


def test_not_a_claim_is_left_out_of_every_format(session: Session) -> None:
    n = newsroom(session)
    where = ClaimFilter(article_id=n.floods.id)
    for fmt in ("html", "md", "csv", "json", "jsonl"):
        data = export_bytes(session, fmt=fmt, where=where, by=n.ed).decode()
        if fmt == "html":  # the article text holds the words, but unmarked and not listed
            data = data.replace("levee &quot;held better than anyone expected&quot;", "")
        assert "held better than anyone expected" not in data, fmt
        assert "212 millimetres" in data, fmt
    asked = ClaimFilter(statuses=(Status.NOT_A_CLAIM,))
    assert json.loads(export_bytes(session, fmt="json", where=asked, by=n.ed)) == []


def test_unreviewed_claims_are_marked_not_dropped(session: Session) -> None:
    n = newsroom(session)
    where = ClaimFilter(article_id=n.floods.id)
    rows = list(
        csv.DictReader(io.StringIO(export_bytes(session, fmt="csv", where=where, by=n.ed).decode()))
    )
    assert [(r["quote"], r["status"], r["reviewed"]) for r in rows] == [
        ("3,400", "verified", "True"),
        ("212 millimetres", "unreviewed", "False"),
    ]
    page = export_bytes(session, fmt="html", where=where, by=n.ed).decode()
    assert "not reviewed yet" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page


def test_streaming_in_small_batches_gives_the_same_claims(session: Session) -> None:
    n = newsroom(session)
    for _ in range(3):
        make_article(session, by=n.ana)
    every = list(iter_report_claims(session, where=ClaimFilter(), by=n.ed))
    small = list(iter_report_claims(session, where=ClaimFilter(), by=n.ed, batch=2))
    assert small == every
    assert [c.id for c in every] == sorted(c.id for c in every)
    assert len(every) == 3 + 3 * 3  # 4 floods articles, 1 claim "not a claim"; one harbour
    assert n.not_a_claim not in {c.id for c in every}
    assert {c.id: len(c.evidence) for c in small}[n.verified] == 1


def test_filters_by_outlet_status_and_date(session: Session) -> None:
    n = newsroom(session)
    outlet = outlets.outlet_id_named(session, name="harbour times")
    by_outlet = list(iter_report_claims(session, where=ClaimFilter(outlet_id=outlet), by=n.ed))
    assert [c.quote for c in by_outlet] == ["18 ships"]
    verified = ClaimFilter(statuses=(Status.VERIFIED,))
    assert [c.id for c in iter_report_claims(session, where=verified, by=n.ed)] == [n.verified]
    later = ClaimFilter(since=datetime.now(UTC) + timedelta(days=1))
    assert list(iter_report_claims(session, where=later, by=n.ed)) == []


def test_reviewers_may_not_export(session: Session) -> None:
    n = newsroom(session)
    for fmt in ("csv", "html", "claimreview"):
        with pytest.raises(NotAllowed, match="is a reviewer; only"):
            export_bytes(session, fmt=fmt, where=ClaimFilter(), by=n.ana)


def test_a_report_too_long_to_read_is_refused_but_data_files_are_not(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = newsroom(session)
    monkeypatch.setattr(exports, "REPORT_MAX_CLAIMS", 2)
    with pytest.raises(BadInput, match="holds 3 claims; this report is limited to 2"):
        export_bytes(session, fmt="html", where=ClaimFilter(), by=n.ed)
    assert len(export_bytes(session, fmt="jsonl", where=ClaimFilter(), by=n.ed).splitlines()) == 3
    monkeypatch.setattr(exports, "REPORT_MAX_CLAIMS", 5000)
    monkeypatch.setattr(exports, "PDF_MAX_CLAIMS", 1)
    with pytest.raises(BadInput, match="holds 3 claims; this report is limited to 1"):
        export_bytes(session, fmt="pdf", where=ClaimFilter(), by=n.ed)
    assert b"18 ships" in export_bytes(session, fmt="md", where=ClaimFilter(), by=n.ed)


def test_claimreview_from_the_database_validates(session: Session) -> None:
    n = newsroom(session)
    reviews = json.loads(export_bytes(session, fmt="claimreview", where=ClaimFilter(), by=n.ed))
    assert len(reviews) == 1
    review = reviews[0]
    review["itemReviewed"]["appearance"] = "https://valley.example.org/floods"  # no URL stored
    review["itemReviewed"]["datePublished"] = "2025-01-02"  # nor a publication date
    jsonschema.validate(review, SCHEMA)
    assert review["reviewRating"]["alternateName"] == "Verified"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Valley Post"}


# ---- the CLI ----------------------------------------------------------------------------


def run(db_url: str, *args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, ["export", *args], env={"FACTCHECK_DATABASE_URL": db_url})
    # factcheck's errors reach main(), which prints them; typer.Exit has already printed.
    error = "" if isinstance(result.exception, SystemExit) else str(result.exception or "")
    return result.exit_code, result.stdout_bytes, result.stderr + error


def test_cli_writes_csv_to_standard_output(session: Session, db_url: str) -> None:
    newsroom(session)
    session.close()
    code, out, _ = run(
        db_url, "--format", "csv", "--outlet", "Valley Post", "--user", "ed@newsroom.test"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.decode())))
    assert [(r["quote"], r["status_changed_by"]) for r in rows] == [
        ("3,400", "Ed"),
        ("212 millimetres", ""),
    ]


def test_cli_filters_by_status_and_writes_markdown(session: Session, db_url: str) -> None:
    newsroom(session)
    session.close()
    code, out, _ = run(
        db_url, "--format", "md", "--status", "unreviewed,verified", "--user", "ed@newsroom.test"
    )
    text = out.decode()
    assert code == 0
    assert text.startswith("# Claims: status unreviewed, verified")
    assert "### 1. “3,400” — Verified" in text and "18 ships" in text


def test_cli_writes_a_pdf_file(session: Session, db_url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    n = newsroom(session)
    session.close()
    target = tmp_path / "floods.pdf"
    code, _, err = run(
        db_url,
        "--format",
        "pdf",
        "--article",
        str(n.floods.id),
        "-o",
        str(target),
        "--user",
        "ed@newsroom.test",
    )
    assert code == 0 and f"Wrote the pdf export to {target}" in err
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Valley floods" in text and "Page 1 of" in text and "Bulletin 7" in text
    assert not (tmp_path / "floods.pdf.part").exists()


def test_cli_json_lines_and_claimreview(session: Session, db_url: str) -> None:
    newsroom(session)
    session.close()
    _, out, _ = run(
        db_url, "--format", "jsonl", "--since", "2000-01-01", "--user", "ed@newsroom.test"
    )
    assert [json.loads(line)["quote"] for line in out.decode().splitlines()] == [
        "3,400",
        "212 millimetres",
        "18 ships",
    ]
    _, out, _ = run(db_url, "--format", "claimreview", "--user", "ed@newsroom.test")
    assert [r["@type"] for r in json.loads(out)] == ["ClaimReview"]


def test_cli_explains_refusals(session: Session, db_url: str) -> None:
    newsroom(session)
    session.close()
    code, _, err = run(db_url, "--format", "csv", "--user", "ana@newsroom.test")
    assert code != 0 and "ana@newsroom.test is a reviewer" in err
    code, _, err = run(
        db_url, "--format", "csv", "--outlet", "Nowhere Daily", "--user", "ed@newsroom.test"
    )
    assert code != 0 and "no outlet named 'Nowhere Daily'" in err
    code, _, err = run(
        db_url, "--format", "csv", "--since", "last week", "--user", "ed@newsroom.test"
    )
    assert code == 1 and "--since 'last week' is not a date" in err
    code, _, err = run(db_url, "--format", "docx", "--user", "ed@newsroom.test")
    assert code == 2 and "'docx' is not one of 'html', 'pdf'" in err


@pytest.mark.parametrize(
    "where", [ClaimFilter(), ClaimFilter(statuses=(Status.VERIFIED, Status.FALSE))]
)
def test_sqlite_streams_along_the_primary_key(sqlite_db: str, where: ClaimFilter) -> None:
    """Each batch reads on from the last ID: no re-sorting the rest of the table per batch."""
    import sqlalchemy as sa
    from sqlmodel import col

    from factcheck.claims import listing_query
    from factcheck.db import get_engine
    from factcheck.exports import conditions
    from factcheck.models import Claim

    shown = conditions(where) or []
    query = listing_query().where(*shown, col(Claim.id) > 10).order_by(col(Claim.id)).limit(5)
    with get_engine(sqlite_db).connect() as conn:
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = [row[3] for row in conn.execute(sa.text("EXPLAIN QUERY PLAN " + sql))]
    assert plan[0] == "SEARCH claim USING INTEGER PRIMARY KEY (rowid>?)"
    assert not any("TEMP B-TREE" in step for step in plan)
