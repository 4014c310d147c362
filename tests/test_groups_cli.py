"""`factcheck claims|groups|stories|speakers` on the invented truce coverage, run as a user."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from factcheck.db import get_engine
from factcheck.models import Role, Speaker
from tests.factories import make_user
from tests.story_articles import CLOSURE, TRUCE
from tests.test_cli import factcheck
from tests.test_groups import ingest
from tests.test_groups_disputes import four_against_six, four_and_six


def _fill(url: str) -> str:
    with Session(get_engine(url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        ingest(session, TRUCE + CLOSURE, editor)
        return editor.email


def test_claims_json_carries_speaker_group_conflict_and_story(db_url: str) -> None:
    _fill(db_url)
    claims = json.loads(factcheck(db_url, "claims", "--format", "json", "--limit", "500").stdout)
    toll = next(c for c in claims if c["quote"] == "253")
    assert toll["group"] is not None and toll["group_size"] == 2 and toll["conflict"] is True
    assert toll["first_seen"] == "2025-06-02" and toll["story"] is not None
    assert isinstance(toll["speaker_id"], int)
    lone = next(c for c in claims if c["quote"] == "12 miles")
    assert (lone["group"], lone["group_size"], lone["conflict"]) == (None, None, False)


def test_groups_lists_conflicts_with_each_outlets_wording(db_url: str) -> None:
    _fill(db_url)
    out = factcheck(db_url, "groups", "--conflicts", "--format", "json")
    assert out.returncode == 0, out.stderr
    (group,) = json.loads(out.stdout)
    assert group["kind"] == "numeric" and group["measure_key"] == "killed"
    assert {(m["outlet"], m["quote"], m["qualifier"]) for m in group["members"]} == {
        ("Meridian Wire", "253", None),
        ("Lisk Evening Courier", "240", "some"),
    }
    table = factcheck(db_url, "groups", "--conflicts")
    assert "CONFLICT" in table.stdout and "Meridian Wire: 253" in table.stdout


def test_stories_lists_the_truce_with_its_outlets(db_url: str) -> None:
    _fill(db_url)
    out = factcheck(db_url, "stories", "--format", "json")
    stories = json.loads(out.stdout)
    truce = next(s for s in stories if s["title"] == TRUCE[0].title)
    assert truce["articles"] == 4 and truce["conflicts"] == 1
    assert truce["outlets"] == sorted(p.outlet for p in TRUCE)
    groups = json.loads(
        factcheck(db_url, "groups", "--story", str(truce["id"]), "--format", "json").stdout
    )
    assert groups[0]["conflict"] is True  # conflicts first


def test_speakers_list_and_merge(db_url: str) -> None:
    email = _fill(db_url)
    listed = json.loads(factcheck(db_url, "speakers", "list", "--format", "json").stdout)
    verhal = next(s for s in listed if s["name"] == "Tomas Verhal")
    assert verhal["claims"] >= 4 and verhal["kind"] == "person"
    kastan = next(s for s in listed if s["name"] == "Kastan")
    out = factcheck(
        db_url, "speakers", "merge", str(verhal["id"]), str(kastan["id"]), "--user", email
    )
    assert out.returncode == 0, out.stderr
    with Session(get_engine(db_url)) as session:
        assert session.get(Speaker, kastan["id"]) is None
        assert session.exec(select(Speaker).where(Speaker.id == verhal["id"])).one()


def test_bad_ids_get_one_line_not_a_traceback(sqlite_db: str) -> None:
    email = _fill(sqlite_db)
    for args in (
        ("groups", "--story", "999"),
        ("speakers", "merge", "1", "999", "--user", email),
        ("speakers", "merge", "1", "1", "--user", email),
    ):
        out = factcheck(sqlite_db, *args)
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert out.stderr.startswith("Error: ") and out.stderr.count("\n") == 1


def test_a_dispute_between_groups_is_a_conflict_in_claims_and_groups(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        four_and_six(session, make_user(session, role=Role.EDITOR), "4", "six")
    claims = json.loads(factcheck(db_url, "claims", "--format", "json").stdout)
    missing = [c for c in claims if c["quote"] in ("4", "six")]
    assert len(missing) == 4 and all(c["conflict"] for c in missing)
    out = json.loads(factcheck(db_url, "groups", "--conflicts", "--format", "json").stdout)
    assert {(g["measure_key"], g["conflict_kind"]) for g in out} == {("missing", "dispute")}
    assert sorted(m["quote"] for g in out for m in g["members"]) == ["4", "4", "six", "six"]
    table = factcheck(db_url, "groups", "--conflicts").stdout
    assert "CONFLICT (dispute)" in table


def test_two_lone_figures_in_dispute_are_a_conflict_in_claims_and_groups(db_url: str) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        four_against_six(session, make_user(session, role=Role.EDITOR), "4", "six")
    claims = json.loads(factcheck(db_url, "claims", "--format", "json").stdout)
    missing = {c["quote"]: c for c in claims if c["quote"] in ("4", "six")}
    assert set(missing) == {"4", "six"} and all(c["conflict"] for c in missing.values())
    assert all(c["group_size"] == 1 for c in missing.values())
    out = json.loads(factcheck(db_url, "groups", "--conflicts", "--format", "json").stdout)
    assert sorted((g["size"], g["conflict_kind"]) for g in out) == [(1, "dispute"), (1, "dispute")]
    assert sorted(m["quote"] for g in out for m in g["members"]) == ["4", "six"]
    assert factcheck(db_url, "groups", "--conflicts").stdout.count("CONFLICT (dispute)") == 2
