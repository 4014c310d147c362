"""One figure, many wordings: comparable figures across articles, on both databases."""

from __future__ import annotations

from sqlmodel import Session, col, select

from factcheck.articles import add_article
from factcheck.claims import edit_claim
from factcheck.figures import comparable_figures
from factcheck.models import Claim, Status, User
from factcheck.review import set_status
from tests.factories import found_in, make_user
from tests.test_ui_pages import open_page, session_on, url  # noqa: F401 - fixture


def story(session: Session, by: User, outlet: str, text: str, quote: str, **fields: object) -> int:
    """An article from ``outlet`` whose one numeric claim is ``quote``; returns the claim id."""
    article = add_article(
        session,
        title=f"{outlet} on the truce",
        text=text,
        by=by,
        outlet=outlet,
        claims=[found_in(text, quote, kind="numeric", **fields)],
    )
    return session.exec(select(Claim.id).where(col(Claim.article_id) == article.id)).one() or 0


def truce_in_two_outlets(session: Session, user: User) -> int:
    """One truce, "4-1/2-month" at the Wire and "135 days" at the Ledger; the Wire's claim id."""
    first = story(
        session,
        user,
        "Wire",
        "Rebels offered a 4-1/2-month truce.",
        "4-1/2-month",
        value=4.5,
        unit="month",
        days=135.0,
    )
    story(
        session,
        user,
        "Ledger",
        "The truce would last 135 days.",
        "135 days",
        value=135,
        unit="day",
        days=135.0,
    )
    return first


def test_a_duration_is_found_in_other_words_elsewhere(session: Session) -> None:
    user = make_user(session)
    first = truce_in_two_outlets(session, user)
    story(
        session,
        user,
        "Radio",
        "A truce of almost five months was offered.",
        "five months",
        value=5,
        unit="month",
        days=150.0,
        qualifier="almost",
    )
    story(
        session,
        user,
        "Post",
        "The war has lasted two years.",
        "two years",
        value=2,
        unit="year",
        days=730.0,
    )
    found = comparable_figures(session, claim_id=first)
    assert [(f.outlet, f.quote, f.same) for f in found] == [
        ("Ledger", "135 days", True),
        ("Radio", "five months", False),
    ]
    assert round(found[1].difference, 2) == 0.11


def test_counts_match_on_unit_and_a_close_value(session: Session) -> None:
    user = make_user(session)
    first = story(
        session,
        user,
        "Gazette",
        "At least 38 workers died.",
        "38",
        value=38,
        unit="workers",
        qualifier="at least",
    )
    story(session, user, "Wire", "The toll rose to 41 workers.", "41", value=41, unit="Workers")
    story(session, user, "Radio", "Some 41 people were hurt.", "41", value=41, unit="people")
    story(
        session,
        user,
        "Ledger",
        "About 400 workers were evacuated.",
        "400",
        value=400,
        unit="workers",
    )
    found = comparable_figures(session, claim_id=first)
    assert [(f.outlet, f.value) for f in found] == [("Wire", 41.0)]


def test_claims_marked_not_a_claim_and_non_figures_are_left_out(session: Session) -> None:
    user = make_user(session)
    first = story(
        session, user, "Gazette", "At least 38 workers died.", "38", value=38, unit="workers"
    )
    other = story(
        session, user, "Wire", "38 workers, the union said.", "38 workers", value=38, unit="workers"
    )
    assert len(comparable_figures(session, claim_id=first)) == 1
    set_status(session, claim_id=other, status=Status.NOT_A_CLAIM, by=user, seen_version=1)
    assert comparable_figures(session, claim_id=first) == []
    edit_claim(session, claim_id=first, seen_version=1, by=user, unit=None, value=None)
    assert comparable_figures(session, claim_id=first) == []


def test_the_claim_page_lists_the_same_figure_elsewhere(url: str) -> None:  # noqa: F811
    with session_on(url) as session:
        user = make_user(session)
        first = truce_in_two_outlets(session, user)
    at = open_page("claim", user, claim=first)
    assert not at.exception
    assert "The same figure elsewhere (1)" in [h.value for h in at.subheader]
    (table,) = [d.value for d in at.dataframe if "Compared" in d.value.columns]
    assert list(table["Outlet"]) == ["Ledger"] and list(table["Compared"]) == ["same"]
    assert list(table["As written"]) == ["135 days"]
