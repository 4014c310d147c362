"""Groups stay right after changes: edits, hand-added claims, speaker merges and splits regroup
a claim in the same transaction, and claims stored without grouping are grouped later (the
rebuild and migration 0011). SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlmodel import Session, col, func, select

from factcheck import counts
from factcheck.articles import add_article
from factcheck.claims import add_claim, edit_claim
from factcheck.db import dispose_engine, get_engine
from factcheck.errors import NotAllowed
from factcheck.extract import extract_claims
from factcheck.groups import group_view, rebuild_groups, take_out
from factcheck.migrate import alembic_config
from factcheck.models import Article, Claim, ClaimGroup, ClaimKind, Event, Role, User
from factcheck.speakers import list_speakers, merge_speakers, split_speaker
from tests.factories import forget_rules, make_user
from tests.story_articles import CLOSURE, TRUCE
from tests.test_cli import factcheck
from tests.test_groups import group_of, ingest

# Invented coverage of a flood in an invented county, written for these tests.
FLOOD = (
    (
        "Valley Post",
        "Floods along the Orla river in Marren county killed 41 people on Tuesday, the "
        "Marren fire service said.",
    ),
    (
        "Hill Courier",
        "The Orla river floods in Marren county killed 41 people, according to the Marren "
        "fire service.",
    ),
    (
        "Delta Radio",
        "Rescuers in Marren county said the Orla river floods killed 90 people and injured 41.",
    ),
)


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def flood(session: Session, by: User, pieces=FLOOD) -> list[Article]:
    return [
        add_article(
            session,
            title=f"Marren floods ({outlet})",
            text=text,
            by=by,
            claims=extract_claims(text),
            outlet=outlet,
            published_at=datetime(2025, 3, 4 + i, 10, tzinfo=UTC),
        )
        for i, (outlet, text) in enumerate(pieces)
    ]


def claim(session: Session, article: Article, quote: str, **where: object) -> Claim:
    found = session.exec(
        select(Claim).where(Claim.article_id == article.id, Claim.quote == quote)
    ).all()
    found = [c for c in found if all(getattr(c, k) == v for k, v in where.items())]
    assert len(found) == 1, (quote, found)
    session.refresh(found[0])
    return found[0]


def regrouped(session: Session, claim_id: int | None) -> list[Event]:
    return list(
        session.exec(
            select(Event).where(Event.claim_id == claim_id, Event.action == "claim.regroup")
        )
    )


def test_an_edited_figure_joins_the_group_it_now_fits(session: Session, editor: User) -> None:
    a, _, c = flood(session, editor)
    ninety = claim(session, c, "90")
    assert ninety.group_id is None
    edit_claim(
        session,
        claim_id=ninety.id or 0,
        seen_version=ninety.version,
        by=editor,
        value=41.0,
        lower=41.0,
        upper=41.0,
    )
    group = group_of(session, "41", a)
    assert group is not None and group.size == 3
    assert claim(session, c, "90").group_id == group.id
    (event,) = regrouped(session, ninety.id)
    assert event.before == {"group_id": None} and event.after == {"group_id": group.id}


def test_an_edited_figure_leaves_a_group_it_no_longer_fits(session: Session, editor: User) -> None:
    pieces = (
        *FLOOD[:2],
        ("Delta Radio", "Rescuers in Marren county said the Orla river floods killed 41 people."),
    )
    a, b, c = flood(session, editor, pieces)
    group = group_of(session, "41", a)
    assert group is not None and group.size == 3
    toll = claim(session, b, "41")
    edit_claim(
        session,
        claim_id=toll.id or 0,
        seen_version=toll.version,
        by=editor,
        value=900.0,
        lower=900.0,
        upper=900.0,
    )
    session.refresh(group)
    assert group.size == 2 and not group.conflict
    assert claim(session, b, "41").group_id is None
    assert {m.article_id for m in group_view(session, group_id=group.id or 0).members} == {
        a.id,
        c.id,
    }
    assert len(regrouped(session, toll.id)) == 1


def test_a_group_of_two_dissolves_when_a_new_measure_takes_one_out(
    session: Session, editor: User
) -> None:
    a, b, _ = flood(session, editor)
    group = group_of(session, "41", a)
    assert group is not None
    toll = claim(session, b, "41")
    edit_claim(
        session, claim_id=toll.id or 0, seen_version=toll.version, by=editor, measure="injured"
    )
    assert claim(session, a, "41").group_id is None  # alone: its group is gone
    moved = claim(session, b, "41")
    assert moved.measure_key == "injured"
    assert (
        moved.group_id is None
        or moved.group_id != group.id
        or (
            session.get(ClaimGroup, group.id).measure_key == "injured"  # SQLite reuses the ID
        )
    )


def test_a_quote_given_to_another_speaker_joins_that_speakers_group(
    session: Session, editor: User
) -> None:
    said = (
        (
            "Valley Post",
            '"We will rebuild every bridge over the Orla in Marren county," Rena Holt said '
            "on Tuesday.",
        ),
        (
            "Hill Courier",
            'In Marren county, Rena Holt said: "We will rebuild every bridge over the Orla in '
            'Marren county."',
        ),
        (
            "Delta Radio",
            'Paul Ortiz said: "We will rebuild every bridge over the Orla in Marren county."',
        ),
    )
    a, _, c = flood(session, editor, said)
    quote = claim(session, c, "We will rebuild every bridge over the Orla in Marren county.")
    assert quote.group_id is None
    edit_claim(
        session, claim_id=quote.id or 0, seen_version=quote.version, by=editor, speaker="Rena Holt"
    )
    group = group_of(session, "We will rebuild every bridge over the Orla in Marren county", a)
    assert group is not None and group.size == 3
    assert (
        claim(session, c, "We will rebuild every bridge over the Orla in Marren county.").group_id
        == group.id
    )


def test_a_claim_taken_out_by_hand_stays_out_after_an_edit(session: Session, editor: User) -> None:
    a, b, _ = flood(session, editor)
    toll = claim(session, b, "41")
    take_out(session, claim_id=toll.id or 0, seen_version=toll.version, by=editor)
    toll = claim(session, b, "41")
    edit_claim(session, claim_id=toll.id or 0, seen_version=toll.version, by=editor, unit="people")
    assert claim(session, b, "41").group_id is None
    assert regrouped(session, toll.id) == []


def test_a_missed_figure_added_by_hand_joins_its_group(session: Session, editor: User) -> None:
    a, b, _ = flood(session, editor)
    text = "Officials in Marren county counted 41 dead after the Orla river floods."
    bare = add_article(
        session,
        title="Marren floods (Bay Times)",
        text=text,
        by=editor,
        outlet="Bay Times",
        published_at=datetime(2025, 3, 6, 9, tzinfo=UTC),
    )
    start = text.index("41")
    added = add_claim(
        session,
        article_id=bare.id or 0,
        start=start,
        end=start + 2,
        quote="41",
        kind=ClaimKind.NUMERIC,
        by=editor,
        value=41.0,
        measure="dead",
    )
    group = group_of(session, "41", a)
    assert group is not None and added.group_id == group.id and group.size == 3


def test_merging_speakers_groups_their_words_and_splitting_parts_them(
    session: Session, editor: User
) -> None:
    said = (
        (
            "Valley Post",
            'Rena Holt said: "Every bridge over the Orla in Marren county will be rebuilt '
            'by spring."',
        ),
        (
            "Hill Courier",
            'Rena M. Holt said: "Every bridge over the Orla in Marren county will be rebuilt '
            'by spring."',
        ),
    )
    a, b = flood(session, editor, said)
    quote = "Every bridge over the Orla in Marren county will be rebuilt by spring."
    assert claim(session, a, quote).group_id is None  # two speakers as yet
    rows, _ = list_speakers(session, search="Holt")
    keep, other = sorted(rows, key=lambda r: r.speaker.id or 0)
    merged = merge_speakers(
        session, keep_id=keep.speaker.id or 0, other_id=other.speaker.id or 0, by=editor
    )
    group = group_of(session, quote, a)
    assert group is not None and claim(session, b, quote).group_id == group.id
    split_speaker(session, speaker_id=merged.id or 0, name="Rena M. Holt", by=editor)
    assert session.get(ClaimGroup, group.id) is None
    session.commit()
    assert not any(counts.check(session).values())  # the speakers' counts followed the claims
    assert claim(session, a, quote).group_id is None and claim(session, b, quote).group_id is None


# One fire chief quoted by four invented outlets, named "Rena Holt" by two and "Rena M. Holt"
# by two: the automatic rules keep the two names apart until an editor merges them.
HOLT = (
    (
        "Valley Post",
        'Rena Holt said: "The water in Marren rose faster than in any flood we have recorded '
        'on the Orla."',
    ),
    (
        "Hill Courier",
        'Rena Holt told reporters in Marren: "The water rose faster than in any flood we have '
        'recorded on the Orla."',
    ),
    (
        "Delta Radio",
        'At the Orla bridge, Rena M. Holt said: "The water in Marren rose faster than in any '
        'flood we have recorded."',
    ),
    (
        "Bay Times",
        "Rena M. Holt said the water in Marren rose faster than in any flood recorded on the Orla.",
    ),
)


def holt_claims(session: Session, articles: list[Article]) -> list[Claim]:
    """The one attributed claim of each article, read afresh."""
    found = []
    for article in articles:
        (claim,) = session.exec(
            select(Claim).where(Claim.article_id == article.id, Claim.kind == ClaimKind.ATTRIBUTED)
        ).all()
        session.refresh(claim)
        found.append(claim)
    return found


def merge_holt(session: Session, editor: User) -> None:
    """An editor merges "Rena M. Holt" into "Rena Holt"."""
    rows, _ = list_speakers(session, search="Holt")
    ids = {row.speaker.name: row.speaker.id or 0 for row in rows}
    assert set(ids) == {"Rena Holt", "Rena M. Holt"}  # apart until the editor merges them
    merge_speakers(session, keep_id=ids["Rena Holt"], other_id=ids["Rena M. Holt"], by=editor)


def test_merging_speakers_joins_the_groups_each_name_had(session: Session, editor: User) -> None:
    articles = flood(session, editor, HOLT)
    before = [c.group_id for c in holt_claims(session, articles)]
    assert None not in before and before[0] == before[1] != before[2] == before[3]
    merge_holt(session, editor)
    after = holt_claims(session, articles)
    assert {c.group_id for c in after} == {before[0]}  # the kept speaker's group holds all four
    group = session.get(ClaimGroup, before[0])
    assert group is not None and group.size == 4
    assert session.get(ClaimGroup, before[2]) is None
    assert [len(regrouped(session, c.id)) for c in after] == [0, 0, 1, 1]
    event = regrouped(session, after[2].id)[0]
    assert event.before == {"group_id": before[2]} and event.after == {"group_id": before[0]}


def test_merging_speakers_brings_a_lone_quote_into_the_other_names_group(
    session: Session, editor: User
) -> None:
    articles = flood(session, editor, (HOLT[0], HOLT[2], HOLT[3]))
    lone, *others = holt_claims(session, articles)
    assert lone.group_id is None and others[0].group_id == others[1].group_id is not None
    merge_holt(session, editor)
    after = holt_claims(session, articles)
    assert {c.group_id for c in after} == {others[0].group_id}
    assert [len(regrouped(session, c.id)) for c in after] == [1, 0, 0]
    assert {a.story_id for a in session.exec(select(Article))} == {articles[1].story_id}


def test_a_quote_taken_out_by_hand_stays_out_when_speakers_merge(
    session: Session, editor: User
) -> None:
    articles = flood(session, editor, (HOLT[0], HOLT[1], HOLT[2]))
    first, second, third = holt_claims(session, articles)
    assert first.group_id == second.group_id is not None and third.group_id is None
    take_out(session, claim_id=second.id or 0, seen_version=second.version, by=editor)
    merge_holt(session, editor)
    first, second, third = holt_claims(session, articles)
    assert second.group_id is None
    assert third.group_id == first.group_id is not None


def test_claims_stored_without_grouping_are_grouped_by_the_rebuild(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_GROUPING", "0")
    truce, closure = ingest(session, TRUCE, editor), ingest(session, CLOSURE, editor)
    monkeypatch.delenv("FACTCHECK_GROUPING")
    assert session.exec(select(func.count()).select_from(ClaimGroup)).one() == 0
    admin = make_user(session, role=Role.ADMIN)
    assert rebuild_groups(session, by=admin)[1] > 0
    group = group_of(session, "4-1/2-month", truce[0])
    assert group is not None
    quotes = {m.claim.quote for m in group_view(session, group_id=group.id or 0).members}
    assert {"4-1/2-month", "four-and-a-half-month", "135-day"} <= quotes
    conflict = group_of(session, "253", truce[0])
    assert conflict is not None and conflict.conflict
    assert conflict == group_of(session, "240", truce[1])
    for article in closure:
        ids = session.exec(select(Claim.group_id).where(Claim.article_id == article.id)).all()
        assert group.id not in ids
    assert session.exec(select(Event).where(Event.action == "groups.rebuild")).one()
    assert rebuild_groups(session, by=admin) == (0, 0)  # nothing left to do: no change


def test_only_admins_rebuild_groups(session: Session, editor: User) -> None:
    with pytest.raises(NotAllowed):
        rebuild_groups(session, by=editor)


def test_groups_rebuild_command_reports_what_joined(db_url: str, monkeypatch) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        admin = make_user(session, role=Role.ADMIN)
        monkeypatch.setenv("FACTCHECK_GROUPING", "0")
        ingest(session, TRUCE, admin)
        monkeypatch.delenv("FACTCHECK_GROUPING")
    out = factcheck(db_url, "groups", "--rebuild", "--user", admin.email)
    assert out.returncode == 0, out.stderr
    assert "claims stored in no group joined one" in out.stdout
    refused = factcheck(db_url, "groups", "--rebuild")
    assert refused.returncode != 0 and "--user" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_migration_groups_claims_stored_before_grouping(db_url: str, monkeypatch) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        monkeypatch.setenv("FACTCHECK_GROUPING", "0")
        truce = ingest(session, TRUCE, editor)
        monkeypatch.delenv("FACTCHECK_GROUPING")
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0009")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        group = group_of(session, "253", truce[0])
        assert group is not None and group.conflict and group.size == 2
        grouped = session.exec(
            select(func.count()).select_from(Claim).where(col(Claim.group_id).is_not(None))
        ).one()
        assert grouped >= 6


# Invented coverage of a mine collapse, written for these tests: one toll written with who
# died ("miners") and without ("dead"), keyed apart by the rules before 0015.
MINE = (
    ("Pit Herald", "Forty-one miners were killed when the Askel pit near Tarrow collapsed."),
    ("Tarrow Radio", "The Askel pit collapse near Tarrow has left 41 dead, rescuers said."),
)


def old_keys(session: Session, editor: User, monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The mine coverage stored under the rules before 0015 (who died kept in the key)."""
    forget_rules()  # the old rules are asked afresh, not answered from earlier tests
    monkeypatch.setattr("factcheck.comparable.PEOPLE_NOUNS", frozenset())
    articles = flood(session, editor, MINE)
    monkeypatch.undo()
    forget_rules()  # what the old rules answered is not kept for the rebuild
    session.commit()
    return articles


def toll(session: Session, articles: list[Article]) -> list[Claim]:
    session.expire_all()
    return [
        session.exec(select(Claim).where(Claim.article_id == a.id, Claim.quote == q)).one()
        for a, q in zip(articles, ("Forty-one", "41"), strict=True)
    ]


def test_the_rebuild_gives_stored_figures_the_current_keys_and_groups(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = old_keys(session, editor, monkeypatch)
    before = toll(session, articles)
    assert [c.measure_key for c in before] == ["killed miner", "killed"]
    assert before[0].group_id is None
    admin = make_user(session, role=Role.ADMIN)
    assert rebuild_groups(session, by=admin) == (1, 0)
    after = toll(session, articles)
    assert [c.measure_key for c in after] == ["killed", "killed"]
    assert after[0].group_id == after[1].group_id is not None
    assert session.exec(
        select(Event).where(Event.action == "claim.regroup", Event.claim_id == after[0].id)
    ).one()
    assert set(counts.check(session).values()) == {0}  # the measure counts moved with it
    assert rebuild_groups(session, by=admin) == (0, 0)


def test_the_migration_re_keys_figures_stored_under_the_old_rules(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        articles = old_keys(session, editor, monkeypatch)
    dispose_engine(db_url)
    config = alembic_config(db_url)
    command.downgrade(config, "0014")
    command.upgrade(config, "head")
    dispose_engine(db_url)
    with Session(get_engine(db_url)) as session:
        after = toll(session, articles)
        assert [c.measure_key for c in after] == ["killed", "killed"]
        assert after[0].group_id == after[1].group_id is not None
        assert set(counts.check(session).values()) == {0}
