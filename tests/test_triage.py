"""The triage queue: unreviewed claims in score order, each saying why."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from factcheck.articles import add_article
from factcheck.desk import set_priority
from factcheck.models import Priority, Role, Status, utcnow
from factcheck.review import set_status
from factcheck.triage import queue
from tests.factories import found_in, make_article, make_user
from tests.story_articles import TRUCE
from tests.test_groups import ingest

OLD = "The council said that 120 homes were flooded in 2019."


def test_the_queue_ranks_and_explains(session: Session) -> None:
    ana = make_user(session)
    _, claims = make_article(session, by=ana)  # ingested now: a recent article
    homes, quote, rain = claims  # in text order
    old = add_article(
        session,
        title="Archive",
        text=OLD,
        by=ana,
        outlet="Valley Post",
        published_at=utcnow() - timedelta(days=400),
        claims=[found_in(OLD, "120 homes", kind="numeric", value=120, unit="homes")],
    )
    old_claim = next(q.row.claim for q in queue(session) if q.row.claim.article_id == old.id)
    set_priority(session, seen={old_claim.id or 0: 1}, priority=Priority.URGENT, by=ana)
    set_status(session, claim_id=rain.id or 0, status=Status.IN_REVIEW, by=ana, seen_version=1)
    ranked = queue(session)
    assert [q.row.claim.id for q in ranked] == [old_claim.id, quote.id, homes.id]
    assert [q.score for q in ranked] == [50, 25, 21]
    assert ranked[0].reasons == ("marked urgent priority (+40)", "a precise figure (+10)")
    assert ranked[1].reasons == (
        "article from the last 2 days (+15)",
        "a direct quote by a named speaker (+10)",
    )
    assert ranked[2].reasons == ("article from the last 2 days (+15)", "hedged or vague (+6)")
    assert [q.rank for q in ranked] == [1, 2, 3]


def test_low_priority_sinks_and_ties_go_to_the_older_claim(session: Session) -> None:
    ana = make_user(session)
    _, first = make_article(session, by=ana)
    _, second = make_article(session, by=ana)
    set_priority(session, seen={first[2].id or 0: 1}, priority=Priority.LOW, by=ana)
    ids = [q.row.claim.id for q in queue(session)]
    # 25 (quote, rain), 21 (hedged homes), the low-priority rain last (25 - 20 = 5); ties
    # by ID, and the factory stores homes, rain, quote in that order.
    assert ids == [first[1].id, second[2].id, second[1].id, first[0].id, second[0].id, first[2].id]
    assert queue(session, limit=2, offset=1)[0].rank == 2


def test_a_claim_many_articles_repeat_or_dispute_ranks_higher_and_says_so(
    session: Session,
) -> None:
    editor = make_user(session, role=Role.EDITOR)
    ingest(session, TRUCE, editor)  # three outlets report one truce; two disagree on a toll
    ranked = queue(session, limit=200)
    assert (ranked[0].row.claim.quote, ranked[0].score) == ("253", 30)
    assert ranked[0].reasons == (
        "a precise figure (+10)",
        "reported 1 more time (+5)",
        "outlets conflict over it (+15)",
    )
    truce = {
        q.reasons for q in ranked if q.row.claim.quote == "4-1/2-month" and q.row.claim.group_id
    }
    assert truce == {("a precise figure (+10)", "reported 3 more times (+15)")}
    alone = [q for q in ranked if q.row.claim.group_id is None]
    assert alone and not [r for q in alone for r in q.reasons if r.startswith("reported")]
