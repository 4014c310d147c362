"""Claim groups, conflicts, speakers as entities and stories, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from factcheck.articles import add_article
from factcheck.desk import set_two_person_rule
from factcheck.errors import BadInput, Conflict, NotAllowed
from factcheck.extract import extract_claims
from factcheck.groups import apply_verdict, group_view, join_groups, list_groups, take_out
from factcheck.models import (
    Article,
    Claim,
    ClaimGroup,
    Event,
    Role,
    Speaker,
    SpeakerKind,
    Status,
    Story,
    User,
)
from factcheck.review import set_status, sign_off
from factcheck.speakers import list_speakers, merge_speakers, split_speaker
from factcheck.stories import list_stories, story_articles
from tests.factories import found_in, make_user
from tests.story_articles import CLOSURE, TRUCE, Piece


def ingest(session: Session, pieces: Sequence[Piece], by: User) -> list[Article]:
    """Store each invented article through the service, with the extractor's claims."""
    return [
        add_article(
            session,
            title=p.title,
            text=p.text,
            by=by,
            claims=extract_claims(p.text),
            outlet=p.outlet,
            published_at=p.published,
        )
        for p in pieces
    ]


def group_of(session: Session, quote: str, outlet_article: Article) -> ClaimGroup | None:
    claim = session.exec(
        select(Claim).where(Claim.article_id == outlet_article.id, Claim.quote == quote)
    ).first()
    assert claim is not None, quote
    return session.get(ClaimGroup, claim.group_id) if claim.group_id else None


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


@pytest.fixture
def both(session: Session, editor: User) -> tuple[list[Article], list[Article]]:
    return ingest(session, TRUCE, editor), ingest(session, CLOSURE, editor)


def test_one_truce_written_three_ways_is_one_group_across_outlets(session: Session, both) -> None:
    truce, _ = both
    group = group_of(session, "4-1/2-month", truce[0])
    assert group is not None
    quotes = {m.claim.quote for m in group_view(session, group_id=group.id or 0).members}
    assert {"4-1/2-month", "four-and-a-half-month", "135-day"} <= quotes
    assert not group.conflict


def test_a_road_closure_of_the_same_length_never_joins_the_truce(session: Session, both) -> None:
    truce, closure = both
    truce_group = group_of(session, "4-1/2-month", truce[0])
    assert truce_group is not None
    for article in closure:
        for claim in session.exec(select(Claim).where(Claim.article_id == article.id)):
            assert claim.group_id != truce_group.id
    assert group_of(session, "41", closure[0]) is None  # 41 workers is not 41 dead


def test_a_count_without_a_unit_joins_the_same_count_with_one(session: Session, both) -> None:
    truce, _ = both
    group = group_of(session, "41", truce[0])  # "At least 41 people died"
    assert group is not None
    assert group_of(session, "41", truce[1]) == group  # "41 died"


def test_loaded_copies_show_what_a_later_ingest_wrote(session: Session, editor: User) -> None:
    first = ingest(session, TRUCE[:2], editor)
    truce = group_of(session, "4-1/2-month", first[0])  # loaded in this session, as a page
    story = session.get(Story, first[0].story_id)  # would load them
    assert truce is not None and truce.size == 2 and story is not None
    (late,) = ingest(session, TRUCE[2:3], editor)  # "135-day" joins the truce's group
    assert group_of(session, "135-day", late) is truce and truce.size == 3
    assert late.story_id == story.id  # the returned article knows its story
    assert story.last_seen == late.published_at


def test_a_loaded_claim_shows_the_group_a_later_ingest_put_it_in(
    session: Session, editor: User
) -> None:
    (first,) = ingest(session, TRUCE[:1], editor)
    claim = session.exec(
        select(Claim).where(Claim.article_id == first.id, Claim.quote == "4-1/2-month")
    ).one()  # loaded in this session (a page showing it) before anything reports it again
    assert claim.group_id is None
    (second,) = ingest(session, TRUCE[1:2], editor)  # the same truce in another outlet
    group_id = session.exec(
        select(Claim.group_id).where(Claim.article_id == second.id, Claim.group_id.is_not(None))
    ).first()
    assert group_id is not None and claim.group_id == group_id
    assert claim.triage_points == 15  # a precise figure (+10), reported once more (+5)


def test_253_against_some_240_is_one_group_in_conflict(session: Session, both) -> None:
    truce, _ = both
    group = group_of(session, "253", truce[0])
    assert group is not None and group == group_of(session, "240", truce[1])
    assert group.conflict
    conflicts, total = list_groups(session, conflicts=True)
    assert total == 1 and conflicts[0].group.id == group.id


def test_a_person_named_four_ways_is_one_speaker(session: Session, both) -> None:
    names = {
        c.speaker_name
        for c in session.exec(select(Claim).where(col(Claim.speaker_name).contains("Verhal")))
    }
    assert {"Tomas Verhal", "Verhal", "Prime Minister Verhal", "Mr. Verhal"} <= names
    ids = {
        c.speaker_id
        for c in session.exec(select(Claim).where(col(Claim.speaker_name).contains("Verhal")))
    }
    assert len(ids) == 1
    speaker = session.get(Speaker, ids.pop())
    assert speaker is not None and speaker.name == "Tomas Verhal"


def test_an_organisation_written_two_ways_is_one_speaker(session: Session, both) -> None:
    ids = {
        c.speaker_id
        for c in session.exec(
            select(Claim).where(
                col(Claim.speaker_name).in_(
                    ["the Kastan health ministry", "Kastan's health ministry"]
                )
            )
        )
    }
    assert len(ids) == 1


def test_the_speakers_list_tells_people_bodies_and_unnamed_sources_apart(
    session: Session, editor: User
) -> None:
    text = (
        "One engineer said the shaft had flooded twice since May. "
        "Officer Jan Brandt said the road stayed closed. "
        "The regional fire service said 12 homes burned. "
        "Northwind Corp said it would pay for repairs. "
        "A person close to the board of the mine said talks had stalled. "
        "Analysts at Kellner Bank said output would fall 8%. "
        "Figures compiled by the council show 300 people left."
    )
    add_article(session, title="Shaft", text=text, by=editor, claims=extract_claims(text))
    rows, _ = list_speakers(session, search="", limit=50)
    kinds = {r.speaker.name: r.speaker.kind for r in rows}
    assert kinds["Jan Brandt"] is SpeakerKind.PERSON  # "Officer" is a title, not an "office"
    assert kinds["regional fire service"] is SpeakerKind.ORGANISATION
    assert kinds["Northwind Corp"] is SpeakerKind.ORGANISATION
    # unnamed people: the board or bank they are close to does not make them the body
    for unnamed in (
        "One engineer",
        "person close to the board of the mine",
        "Analysts at Kellner Bank",
    ):
        assert kinds[unnamed] is SpeakerKind.ANONYMOUS, unnamed


def test_a_surname_two_people_share_stays_apart(session: Session, editor: User) -> None:
    text = "Ana Doyle said the bridge was safe. Mark Doyle said the bridge was not safe."
    add_article(session, title="Bridge", text=text, by=editor, claims=extract_claims(text))
    later = "Doyle said more checks were needed on the bridge."
    add_article(session, title="Checks", text=later, by=editor, claims=extract_claims(later))
    doyles = {
        s.name for s in session.exec(select(Speaker).where(col(Speaker.name).contains("Doyle")))
    }
    assert doyles == {"Ana Doyle", "Mark Doyle", "Doyle"}


def test_a_quote_reworded_by_another_outlet_is_one_group(session: Session, both) -> None:
    truce, _ = both
    group = group_of(session, "The guns will fall silent at dawn and stay silent", truce[0])
    assert group is not None
    assert group_of(session, "the guns would fall silent at dawn", truce[1]) == group
    assert group.size == 3


def test_articles_sharing_groups_form_one_story_each(session: Session, both) -> None:
    truce, closure = both
    stories, total = list_stories(session)
    truce_story = {a.story_id for a in truce}
    assert len(truce_story) == 1 and None not in truce_story
    story_id = truce_story.pop()
    row = next(r for r in stories if r.story.id == story_id)
    assert row.story.title == TRUCE[0].title  # the earliest article's
    assert row.outlets == sorted(p.outlet for p in TRUCE)
    assert row.conflicts == 1
    assert [a.title for a in story_articles(session, story_id=story_id)] == [p.title for p in TRUCE]
    assert all(a.story_id != story_id for a in closure)


def test_a_rewrite_of_an_agency_report_is_marked_derived(session: Session, editor: User) -> None:
    (source,) = ingest(session, TRUCE[:1], editor)
    rewrite = Piece(
        "Copycat Daily",
        TRUCE[0].published.replace(hour=18),
        "Ceasefire agreed",
        TRUCE[0].text.replace("on Monday", "on Monday evening") + "\n\nMore to follow.",
    )
    (copy,) = ingest(session, [rewrite], editor)
    assert copy.derived_from_id == source.id


@pytest.mark.parametrize(
    ("role", "rule", "final"),
    [
        (Role.REVIEWER, True, False),
        (Role.REVIEWER, False, False),
        (Role.EDITOR, True, False),
        (Role.EDITOR, False, True),
    ],
    ids=["reviewer", "reviewer-rule-off", "editor-two-person-rule", "editor-rule-off"],
)
def test_a_group_verdict_follows_the_proposal_rule_on_every_member(
    session: Session, both, role: Role, rule: bool, final: bool
) -> None:
    """A reviewer's group verdict is a proposal on each member; an editor's follows the rule."""
    truce, _ = both
    set_two_person_rule(session, on=rule, by=make_user(session, role=Role.ADMIN))
    judge = make_user(session, role=role)
    group = group_of(session, "4-1/2-month", truce[0])
    assert group is not None
    members = group_view(session, group_id=group.id or 0).members
    seen = {m.claim.id or 0: m.claim.version for m in members}
    apply_verdict(session, group_id=group.id or 0, seen=seen, status=Status.VERIFIED, by=judge)
    expected = (
        (Status.VERIFIED, None, None) if final else (Status.IN_REVIEW, Status.VERIFIED, judge.id)
    )
    action = "claim.status" if final else "claim.propose"
    for claim_id in seen:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert (claim.status, claim.proposed_status, claim.proposed_by_id) == expected
        events = session.exec(
            select(Event.action).where(Event.claim_id == claim_id, Event.entity == "claim")
        ).all()
        assert events.count(action) == 1 and (final or "claim.status" not in events)


def test_a_stale_member_is_named_and_nothing_is_written(session: Session, both, editor) -> None:
    truce, _ = both
    group = group_of(session, "4-1/2-month", truce[0])
    assert group is not None
    members = group_view(session, group_id=group.id or 0).members
    seen = {m.claim.id or 0: m.claim.version for m in members}
    stale = members[1].claim
    set_status(
        session,
        claim_id=stale.id or 0,
        status=Status.IN_REVIEW,
        by=editor,
        seen_version=stale.version,
    )
    with pytest.raises(Conflict, match=members[1].outlet or ""):
        apply_verdict(session, group_id=group.id or 0, seen=seen, status=Status.FALSE, by=editor)
    statuses = {session.get(Claim, i).status for i in seen}  # type: ignore[union-attr]
    assert Status.FALSE not in statuses


def test_taking_a_claim_out_and_joining_groups_are_events(session: Session, both, editor) -> None:
    truce, _ = both
    group = group_of(session, "4-1/2-month", truce[0])
    killed = group_of(session, "41", truce[0])
    assert group is not None and killed is not None
    claim = session.exec(
        select(Claim).where(Claim.article_id == truce[2].id, Claim.quote == "135-day")
    ).one()
    take_out(session, claim_id=claim.id or 0, seen_version=claim.version, by=editor)
    session.refresh(claim)
    assert claim.group_id is None
    assert (
        session.get(ClaimGroup, group.id).size
        == group_view(session, group_id=group.id or 0).group.size
    )  # type: ignore[union-attr]
    assert session.exec(
        select(Event).where(Event.claim_id == claim.id, Event.action == "claim.ungroup")
    ).one()
    join_groups(session, keep_id=group.id or 0, other_id=killed.id or 0, by=editor)
    assert session.get(ClaimGroup, killed.id) is None
    moved = session.exec(select(Event).where(Event.action == "claim.group")).all()
    assert len(moved) == 2


def test_editors_merge_and_split_speakers(session: Session, editor: User) -> None:
    for title, name, text in (
        ("Dam", "Rena Holt", "Rena Holt said that the dam held."),
        ("Luck", "Rena M. Holt", "Rena M. Holt said that they were lucky."),
    ):
        quote = text.split("that ")[1]
        found = found_in(text, quote, kind="attributed", speaker=name, attribution="indirect")
        add_article(session, title=title, text=text, by=editor, claims=[found])
    rows, _ = list_speakers(session, search="Holt")
    assert len(rows) == 2
    keep, other = sorted(rows, key=lambda r: r.speaker.id or 0)
    merged = merge_speakers(
        session, keep_id=keep.speaker.id or 0, other_id=other.speaker.id or 0, by=editor
    )
    assert {
        c.speaker_id
        for c in session.exec(select(Claim).where(col(Claim.speaker_name).contains("Holt")))
    } == {merged.id}
    assert session.exec(select(Event).where(Event.action == "speaker.merge")).one()
    new = split_speaker(session, speaker_id=merged.id or 0, name="Rena M. Holt", by=editor)
    moved = session.exec(select(Claim).where(Claim.speaker_name == "Rena M. Holt")).all()
    assert moved and {c.speaker_id for c in moved} == {new.id}


def test_a_reviewer_may_not_merge_speakers(session: Session, both) -> None:
    reviewer = make_user(session, role=Role.REVIEWER)
    speakers = session.exec(select(Speaker.id).limit(2)).all()
    with pytest.raises(NotAllowed):
        merge_speakers(session, keep_id=speakers[0] or 0, other_id=speakers[1] or 0, by=reviewer)


def test_a_verdict_for_claims_outside_the_group_is_refused(session: Session, both, editor) -> None:
    truce, _ = both
    group = group_of(session, "4-1/2-month", truce[0])
    outsider = session.exec(select(Claim).where(Claim.group_id.is_(None))).first()  # type: ignore[union-attr]
    assert group is not None and outsider is not None
    with pytest.raises(BadInput, match="not in group"):
        apply_verdict(
            session,
            group_id=group.id or 0,
            seen={outsider.id or 0: 1},
            status=Status.FALSE,
            by=editor,
        )


def test_durations_of_different_things_in_one_story_stay_apart(
    session: Session, editor: User
) -> None:
    # Seen in the demo: "three days of mourning" joined "trapped for 62 hours" as a conflict.
    texts = (
        "Governor Ilka Varr of Tesmo declared three days of mourning in Tesmo.",
        "Miners in Tesmo were trapped for 62 hours, Governor Ilka Varr of Tesmo said.",
    )
    for text, quote, measure, value, unit, days in (
        (texts[0], "three days", "mourning", 3.0, "day", 3.0),
        (texts[1], "62 hours", "trapped", 62.0, "hour", 62 / 24),
    ):
        found = found_in(
            text, quote, kind="numeric", value=value, unit=unit, measure=measure, days=days
        )
        add_article(session, title=quote, text=text, by=editor, claims=[found])
    assert session.exec(select(ClaimGroup)).all() == []


def test_the_demo_shows_a_conflict_a_drifted_quote_and_two_alike_durations(
    session: Session,
) -> None:
    from factcheck.demo import fill

    fill(session)
    views, _ = list_groups(session)
    conflict = next(v for v in views if v.group.conflict)
    assert {m.claim.quote for m in conflict.members} == {"312", "290"}
    # the drifted quote is one of the attributed groups of three or more (the death toll's
    # reports, "…has risen to 41, the provincial health office said …, after …", are another;
    # the Tessel paper's rewrite repeats the president's words as the wire gave them)
    threes = [v for v in views if v.group.kind.value == "attributed" and v.group.size >= 3]
    assert any(
        "We build the road behind us to peace" in {m.claim.quote for m in v.members} for v in threes
    )
    four_and_a_half = [v for v in views if any("4-1/2" in m.claim.quote for m in v.members)]
    assert len(four_and_a_half) == 2  # the truce and the tunnel's inspection gap, apart


def test_claimreview_names_the_groups_first_appearance(session: Session, editor: User) -> None:
    import json

    import jsonschema

    from factcheck.claims import ClaimFilter
    from factcheck.exports import export_bytes

    articles = [
        add_article(
            session,
            title=p.title,
            text=p.text,
            by=editor,
            claims=extract_claims(p.text),
            outlet=p.outlet,
            published_at=p.published,
            url=f"https://news.example/{i}",
        )
        for i, p in enumerate(TRUCE)
    ]
    group = group_of(session, "253", articles[0])
    assert group is not None
    members = group_view(session, group_id=group.id or 0).members
    seen = {m.claim.id or 0: m.claim.version for m in members}
    apply_verdict(session, group_id=group.id or 0, seen=seen, status=Status.FALSE, by=editor)
    assert (
        json.loads(export_bytes(session, fmt="claimreview", where=ClaimFilter(), by=editor)) == []
    )
    signer = make_user(session, role=Role.EDITOR)
    for claim_id in seen:  # the editor's verdicts were proposals: a second editor signs off
        sign_off(session, claim_id=claim_id, by=signer, seen_version=seen[claim_id] + 1)
    reviews = json.loads(export_bytes(session, fmt="claimreview", where=ClaimFilter(), by=editor))
    assert len(reviews) == len(seen) == 2
    schema = json.loads(
        (Path(__file__).parents[1] / "factcheck/reports/claimreview.schema.json").read_text()
    )
    for review in reviews:
        jsonschema.validate(review, schema)
        item = review["itemReviewed"]
        assert item["firstAppearance"]["url"] == "https://news.example/0"
        assert [w["url"] for w in item["appearance"]] == [
            "https://news.example/0",
            "https://news.example/1",
        ]


def _valley(day: int, outlet: str, sentence: str) -> Piece:
    """An invented article about floods in the Varta valley around Mellin."""
    text = f"{sentence} Rescuers from Mellin searched the Varta valley through the night."
    return Piece(outlet, datetime(2025, 6, day, 9, tzinfo=UTC), "Varta valley floods", text)


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        (
            ("At least 20 people died in the floods, the Varta rescue service said.", "20"),
            ("The Varta rescue service said 38 people died in the floods.", "38"),
            ("Officials in Mellin said 24 people died in the floods.", "24"),
        ),
        (
            ("More than 100 people were injured in the floods, Mellin hospital said.", "100"),
            ("Mellin hospital said 190 people were injured in the floods.", "190"),
            ("The Varta rescue service said 110 people were injured in the floods.", "110"),
        ),
    ],
)
def test_a_figure_joins_a_group_only_when_it_can_be_the_fact_of_every_member(
    session: Session,
    editor: User,
    first: tuple[str, str],
    second: tuple[str, str],
    third: tuple[str, str],
) -> None:
    pieces = [
        _valley(2 + i, outlet, sentence)
        for i, (outlet, (sentence, _)) in enumerate(
            zip(("Mellin Post", "Varta Radio", "Valley Wire"), (first, second, third), strict=True)
        )
    ]
    articles = ingest(session, pieces, editor)
    group = group_of(session, first[1], articles[0])
    assert group is not None and group == group_of(session, second[1], articles[1])
    # The third is close to the first (a lower bound) but far from the second.
    assert group_of(session, third[1], articles[2]) != group
