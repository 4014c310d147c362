"""The service layer on both databases: writes, events, filters, conflicts, permissions."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article, list_articles
from factcheck.claims import ClaimFilter, add_claim, edit_claim, get_claim_detail, list_claims
from factcheck.desk import set_two_person_rule
from factcheck.errors import BadInput, Conflict, Duplicate, NotAllowed, NotFound
from factcheck.models import Article, Claim, ClaimKind, Event, Role, Stance, Status
from factcheck.review import add_evidence, add_note, assign, bulk_set_status, set_status, sign_off
from tests.factories import ARTICLE, count, make_article, make_user


def test_a_conflict_says_who_did_what_in_a_sentence_with_names(session: Session) -> None:
    rita = make_user(session, role=Role.EDITOR, email="rita@newsroom.test")
    ben = make_user(session, email="ben@newsroom.test")
    _, claims = make_article(session, by=rita)
    claim_id = claims[0].id or 0
    set_status(
        session,
        claim_id=claim_id,
        status=Status.IN_REVIEW,
        by=rita,
        seen_version=1,
        note="A: PHO statement confirms 41",
    )
    with pytest.raises(Conflict) as refused:
        set_status(session, claim_id=claim_id, status=Status.FALSE, by=ben, seen_version=1)
    message = str(refused.value)
    assert "Rita set it to In review and added a note just now." in message
    assert "in_review" not in message and "rita@" not in message and "None" not in message


def test_an_article_is_stored_with_its_claims_and_one_event(session: Session) -> None:
    user = make_user(session)
    article, claims = make_article(session, by=user)
    assert [c.quote for c in claims] == [
        "3,400",
        "held better than anyone expected",
        "212 millimetres",
    ]
    assert all(article.text[c.start : c.end] == c.quote for c in claims)
    detail = get_claim_detail(session, claim_id=claims[1].id or 0)
    assert detail.speaker is not None and detail.speaker.name == "Lena Vos"
    assert detail.outlet is not None and detail.outlet.name == "Valley Post"
    events = session.exec(select(Event).where(Event.action == "article.ingest")).all()
    assert [e.after["claims"] for e in events if e.after] == [3]


def test_the_same_text_is_never_stored_twice(session: Session) -> None:
    user = make_user(session)
    add_article(session, title="One", text=ARTICLE, by=user)
    with pytest.raises(Duplicate, match="already stored as article"):
        add_article(session, title="Again", text=ARTICLE, by=user)
    assert count(session, Article) == 1


@pytest.mark.parametrize("text", ["", "   \n\t ", "abc\x00def"])
def test_empty_or_binary_text_is_refused(session: Session, text: str) -> None:
    user = make_user(session)
    with pytest.raises(BadInput):
        add_article(session, title="Bad", text=text, by=user)
    assert count(session, Article) == 0


def test_a_status_change_is_saved_with_its_event(session: Session) -> None:
    user = make_user(session, role=Role.EDITOR)  # an editor deciding alone (rule off)
    set_two_person_rule(session, on=False, by=make_user(session, role=Role.ADMIN))
    _, claims = make_article(session, by=user)
    claim = set_status(
        session,
        claim_id=claims[0].id or 0,
        status=Status.VERIFIED,
        by=user,
        seen_version=1,
        note="Matches the emergency office bulletin.",
    )
    assert (claim.status, claim.version) == (Status.VERIFIED, 2)
    history = get_claim_detail(session, claim_id=claim.id or 0)
    assert [e.action for e, _ in history.history] == ["claim.status", "note.add"]
    event = history.history[0][0]
    assert event.before == {"status": "unreviewed"}
    assert event.after == {"status": "verified", "version": 2}
    assert history.notes[0][0].body == "Matches the emergency office bulletin."


def test_a_stale_status_change_is_refused_and_writes_nothing(session: Session) -> None:
    ana = make_user(session, email="ana@newsroom.test")
    ben = make_user(session, email="ben@newsroom.test")
    _, claims = make_article(session, by=ana)
    claim_id = claims[0].id or 0
    set_status(session, claim_id=claim_id, status=Status.IN_REVIEW, by=ana, seen_version=1)
    events_before = count(session, Event)
    with pytest.raises(Conflict) as refused:
        set_status(
            session,
            claim_id=claim_id,
            status=Status.FALSE,
            by=ben,
            seen_version=1,
            note="I think this is wrong",
        )
    message = str(refused.value)
    assert "Ana set it to In review just now." in message and "Nothing was saved" in message
    session.expire_all()
    claim = session.get(Claim, claim_id)
    assert claim is not None and (claim.status, claim.version) == (Status.IN_REVIEW, 2)
    assert count(session, Event) == events_before


def test_every_write_records_exactly_one_event(session: Session) -> None:
    editor = make_user(session, role=Role.EDITOR)
    reviewer = make_user(session)
    article, claims = make_article(session, by=editor)
    before = count(session, Event)
    cid = claims[0].id or 0
    add_note(session, claim_id=cid, body="Called the office.", by=reviewer)
    add_evidence(
        session,
        claim_id=cid,
        url="https://valley.example/bulletin",
        stance=Stance.SUPPORTS,
        by=reviewer,
        note="bulletin 14",
    )
    assign(session, seen={cid: 1}, assignee=reviewer, by=editor)
    edit_claim(session, claim_id=cid, seen_version=2, by=reviewer, value=3500.0)
    add_claim(
        session,
        article_id=article.id or 0,
        start=0,
        end=8,
        quote="Flooding",
        kind=ClaimKind.ATTRIBUTED,
        by=reviewer,
    )
    assert count(session, Event) == before + 5


def test_bulk_status_is_all_or_nothing(session: Session) -> None:
    user = make_user(session, role=Role.EDITOR)  # an editor deciding alone (rule off)
    set_two_person_rule(session, on=False, by=make_user(session, role=Role.ADMIN))
    _, claims = make_article(session, by=user)
    ids = [c.id or 0 for c in claims]
    set_status(session, claim_id=ids[1], status=Status.IN_REVIEW, by=user, seen_version=1)
    with pytest.raises(Conflict):
        bulk_set_status(session, seen=dict.fromkeys(ids, 1), status=Status.UNVERIFIABLE, by=user)
    session.expire_all()
    assert [session.get(Claim, i).status for i in ids] == [  # type: ignore[union-attr]
        Status.UNREVIEWED,
        Status.IN_REVIEW,
        Status.UNREVIEWED,
    ]
    bulk_set_status(session, seen={ids[0]: 1, ids[2]: 1}, status=Status.UNVERIFIABLE, by=user)
    rows, total = list_claims(session, where=ClaimFilter(statuses=(Status.UNVERIFIABLE,)))
    assert total == 2 and {r.claim.id for r in rows} == {ids[0], ids[2]}


def test_claims_are_filtered_sorted_and_paged_in_sql(session: Session) -> None:
    user = make_user(session)
    first, _ = make_article(session, by=user)
    make_article(session, by=user, outlet="River Daily")
    rows, total = list_claims(
        session,
        where=ClaimFilter(kind=ClaimKind.NUMERIC),
        sort="value",
        descending=False,
        offset=0,
        limit=3,
    )
    assert total == 4 and [r.claim.value for r in rows] == [212, 212, 3400]
    rows, total = list_claims(session, where=ClaimFilter(search="LEVEE"))
    assert total == 2 and all(r.speaker == "Lena Vos" for r in rows)
    rows, total = list_claims(session, where=ClaimFilter(article_id=first.id, search="100%"))
    assert total == 0
    listed, n = list_articles(session)
    assert n == 2 and {a.outlet for a in listed} == {"Valley Post", "River Daily"}
    assert listed[0].statuses == {Status.UNREVIEWED: 3}


def test_a_reviewer_cannot_assign_or_override_a_verdict(session: Session) -> None:
    editor = make_user(session, role=Role.EDITOR)
    reviewer = make_user(session)
    _, claims = make_article(session, by=editor)
    cid = claims[0].id or 0
    with pytest.raises(NotAllowed, match="only an editor or above may assign"):
        assign(session, seen={cid: 1}, assignee=reviewer, by=reviewer)
    set_status(session, claim_id=cid, status=Status.VERIFIED, by=reviewer, seen_version=1)
    sign_off(session, claim_id=cid, by=editor, seen_version=2)
    with pytest.raises(NotAllowed, match="change a final verdict"):
        set_status(session, claim_id=cid, status=Status.FALSE, by=reviewer, seen_version=3)
    claim = set_status(session, claim_id=cid, status=Status.FALSE, by=editor, seen_version=3)
    # the two-person rule is on: the editor's new verdict waits for a second editor
    assert (claim.status, claim.proposed_status) == (Status.VERIFIED, Status.FALSE)


def test_evidence_links_must_be_web_addresses(session: Session) -> None:
    user = make_user(session)
    _, claims = make_article(session, by=user)
    with pytest.raises(
        BadInput, match="is not a web address; it must start with http:// or https://"
    ):
        add_evidence(
            session,
            claim_id=claims[0].id or 0,
            url="javascript:alert(1)",
            stance=Stance.REFUTES,
            by=user,
        )


def test_a_manual_claim_must_match_the_text(session: Session) -> None:
    user = make_user(session)
    article, _ = make_article(session, by=user)
    with pytest.raises(BadInput, match="is not what the article says"):
        add_claim(
            session,
            article_id=article.id or 0,
            start=0,
            end=8,
            quote="Flood in",
            kind=ClaimKind.NUMERIC,
            by=user,
        )
    with pytest.raises(BadInput, match="outside the article"):
        add_claim(
            session,
            article_id=article.id or 0,
            start=10,
            end=10**6,
            quote="x",
            kind=ClaimKind.NUMERIC,
            by=user,
        )
    with pytest.raises(NotFound, match="no article 999"):
        add_claim(
            session, article_id=999, start=0, end=1, quote="F", kind=ClaimKind.NUMERIC, by=user
        )
