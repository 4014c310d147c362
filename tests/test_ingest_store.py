"""Storing a loaded document, on SQLite and PostgreSQL: claims, metadata, duplicates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, col, select

from factcheck.errors import BadInput, NotAllowed
from factcheck.extract import extract_claims
from factcheck.ingest import Document, from_text, store, store_many
from factcheck.models import Article, Claim, Event, Outlet, Role
from factcheck.users import set_active
from tests.factories import count, make_user

TEXT = (
    "Reservoir levels fall to record low\n\n"
    "The Brennock reservoir held 31 percent of its capacity on Tuesday, the lowest level since "
    "records began in 1952, according to the regional water board.\n\n"
    'Water board chair Agnes Mwangi said that "every household must cut its use by a fifth". '
    "About 240,000 people depend on the reservoir, the board said.\n\n"
    "Share on:\n\nFacebook Logo X Logo\n"
)


def stored_claims(session: Session, article_id: int) -> list[Claim]:
    query = select(Claim).where(Claim.article_id == article_id).order_by(col(Claim.start))
    return list(session.exec(query).all())


def test_an_article_is_stored_with_every_claim_the_extractor_finds(session: Session) -> None:
    user = make_user(session)
    doc = from_text(TEXT)
    result = store(session, doc=doc, by=user, outlet="Brennock Echo")
    expected = extract_claims(doc.text)
    claims = stored_claims(session, result.article.id or 0)
    assert [(c.kind.value, c.start, c.end, c.quote) for c in claims] == sorted(
        ((f.kind, f.start, f.end, f.quote) for f in expected), key=lambda k: k[1]
    )
    assert result.claims == len(expected) > 0
    assert result.numeric == sum(1 for f in expected if f.kind == "numeric")
    assert not result.duplicate
    article = session.get(Article, result.article.id)
    assert article is not None and article.text == doc.text
    assert "Share on:" not in article.text
    assert article.title == "Reservoir levels fall to record low"
    assert all(article.text[c.start : c.end] == c.quote for c in claims)


def test_page_metadata_is_kept_and_the_site_name_becomes_the_outlet(session: Session) -> None:
    user = make_user(session)
    published = datetime(2024, 8, 2, 6, 30, tzinfo=UTC)
    doc = Document(
        text=from_text(TEXT).text,
        title="Reservoir at record low",
        url="https://brennock-echo.example/water",
        author="Lior Ben-Ami",
        published_at=published,
        site_name="Brennock Echo",
    )
    result = store(session, doc=doc, by=user)
    session.expire_all()
    article = session.get(Article, result.article.id)
    assert article is not None
    assert (article.title, article.url, article.author) == (
        "Reservoir at record low",
        "https://brennock-echo.example/water",
        "Lior Ben-Ami",
    )
    assert article.published_at is not None
    assert article.published_at.replace(tzinfo=UTC) == published
    outlet = session.get(Outlet, article.outlet_id)
    assert outlet is not None and outlet.name == "Brennock Echo"


def test_the_outlet_given_wins_over_the_site_name(session: Session) -> None:
    user = make_user(session)
    doc = Document(text=from_text(TEXT).text, site_name="brennock-echo.example")
    result = store(session, doc=doc, by=user, outlet="Brennock Echo")
    outlet = session.get(Outlet, result.article.outlet_id)
    assert outlet is not None and outlet.name == "Brennock Echo"


def test_the_same_text_twice_is_a_duplicate_not_a_second_article(session: Session) -> None:
    user = make_user(session)
    first = store(session, doc=from_text(TEXT), by=user)
    again = store(session, doc=from_text(TEXT, title="Another title"), by=user)
    assert again.duplicate
    assert again.article.id == first.article.id
    assert (again.numeric, again.attributed) == (first.numeric, first.attributed)
    assert count(session, Article) == 1
    assert count(session, Claim) == first.claims
    ingests = session.exec(select(Event).where(Event.action == "article.ingest")).all()
    assert len(ingests) == 1


def test_each_stored_article_records_one_event_with_its_claim_count(session: Session) -> None:
    user = make_user(session)
    result = store(session, doc=from_text(TEXT), by=user)
    event = session.exec(select(Event).where(Event.action == "article.ingest")).one()
    assert event.entity_id == result.article.id and event.actor_id == user.id
    assert event.after is not None and event.after["claims"] == result.claims


def test_an_empty_document_is_refused_and_nothing_written(session: Session) -> None:
    user = make_user(session)
    with pytest.raises(BadInput, match="is empty"):
        store(session, doc=Document(text="  \n "), by=user)
    assert count(session, Article) == 0 and count(session, Event) == count_user_events(session)


def count_user_events(session: Session) -> int:
    return len(session.exec(select(Event).where(Event.entity == "user")).all())


def test_a_disabled_account_cannot_ingest(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN)
    user = make_user(session, role=Role.REVIEWER)
    set_active(session, email=user.email, active=False, by=admin)
    with pytest.raises(NotAllowed, match="disabled"):
        store(session, doc=from_text(TEXT), by=user)
    assert count(session, Article) == 0


def test_a_batch_is_stored_together_and_repeats_inside_it_are_duplicates(
    session: Session,
) -> None:
    user = make_user(session)
    first, other = from_text(TEXT), from_text(TEXT.replace("31 percent", "29 percent"))
    results = store_many(session, docs=[first, other, first], by=user)
    assert [r.duplicate for r in results] == [False, False, True]
    assert results[2].article.id == results[0].article.id
    assert results[2].claims == results[0].claims
    assert count(session, Article) == 2
    assert count(session, Claim) == results[0].claims + results[1].claims
