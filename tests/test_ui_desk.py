"""The desk's pages under AppTest: sign-off on the Claim page, the queue, the inbox, webhooks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlmodel import Session

from factcheck.claims import get_claim
from factcheck.db import get_engine
from factcheck.desk import publish
from factcheck.inbox import unread_count
from factcheck.models import Claim, Role, Status, User
from factcheck.review import set_status, sign_off
from tests.factories import make_article, make_user
from tests.test_ui_pages import open_page, texts


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


def newsroom(url: str) -> tuple[User, User, User, list[Claim]]:
    with Session(get_engine(url), expire_on_commit=False) as s:
        admin = make_user(s, role=Role.ADMIN)
        ana = make_user(s, email="ana@desk.test")
        ed = make_user(s, role=Role.EDITOR, email="ed@desk.test")
        _, claims = make_article(s, by=ana)
        set_status(s, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    return admin, ana, ed, claims


def test_an_editor_signs_off_a_proposal_on_the_claim_page(url: str) -> None:
    _, ana, ed, claims = newsroom(url)
    at = open_page("claim", ed, claim=claims[0].id or 0)
    assert "**False** proposed by Ana" in texts(at) and "awaiting sign-off" in texts(at)
    at.button(key=f"signoff_{claims[0].id}_ok").click().run()
    with Session(get_engine(url)) as s:
        claim = get_claim(s, claim_id=claims[0].id or 0)
        assert (claim.status, claim.signed_off_by_id) == (Status.FALSE, ed.id)
    mine = open_page("claim", ana, claim=claims[0].id or 0)
    assert not [b for b in mine.button if b.key == f"signoff_{claims[0].id}_ok"]


def test_the_proposer_cannot_sign_off_and_is_told_why(url: str) -> None:
    with Session(get_engine(url), expire_on_commit=False) as s:
        make_user(s, role=Role.ADMIN)
        ed = make_user(s, role=Role.EDITOR)
        _, claims = make_article(s, by=ed)
        set_status(s, claim_id=claims[0].id or 0, status=Status.FALSE, by=ed, seen_version=1)
    at = open_page("claim", ed, claim=claims[0].id or 0)
    assert "You proposed this verdict; another editor signs it off." in texts(at)


def test_sending_back_needs_a_note_and_reaches_the_reviewers_inbox(url: str) -> None:
    _, ana, ed, claims = newsroom(url)
    cid = claims[0].id or 0
    at = open_page("claim", ed, claim=cid)
    at.text_input(key=f"signoff_{cid}_note").input("Bulletin 15 revised it.")
    at.button(key=f"FormSubmitter:signoff_{cid}_back-Send back").click().run()
    assert not at.exception
    inbox = open_page("inbox", ana)
    assert "Bulletin 15 revised it." in inbox.dataframe[0].value["Note"].tolist()
    assert inbox.dataframe[0].value["What"].tolist() == ["Your verdict was sent back"]


def test_publish_then_correct_on_the_claim_page(url: str) -> None:
    _, _, ed, claims = newsroom(url)
    cid = claims[0].id or 0
    with Session(get_engine(url), expire_on_commit=False) as s:
        eve = make_user(s, role=Role.EDITOR)
        sign_off(s, claim_id=cid, by=eve, seen_version=2)
    at = open_page("claim", ed, claim=cid)
    at.text_input(key=f"publish_{cid}_u").input("https://desk.example/fact-check/floods")
    at.button(key=f"FormSubmitter:publish_{cid}-Publish").click().run()
    at = open_page("claim", ed, claim=cid)
    assert "locked; change it by a correction" in texts(at)
    at.selectbox(key=f"correct_{cid}_status").select(Status.MISLEADING)
    at.text_area(key=f"correct_{cid}_why").input("The toll left out the north.")
    at.button(key=f"FormSubmitter:correct_{cid}-Correct").click().run()
    at = open_page("claim", ed, claim=cid)
    assert "Corrections (1)" in texts(at)
    log = next(d.value for d in at.dataframe if "Why" in d.value.columns)
    assert log["Why"].tolist() == ["The toll left out the north."]


def test_a_correction_without_a_reason_is_refused_in_the_page(url: str) -> None:
    _, _, ed, claims = newsroom(url)
    cid = claims[0].id or 0
    with Session(get_engine(url), expire_on_commit=False) as s:
        eve = make_user(s, role=Role.EDITOR)
        sign_off(s, claim_id=cid, by=eve, seen_version=2)
        publish(s, claim_id=cid, url="https://desk.example/f", by=eve, seen_version=3)
    at = open_page("claim", ed, claim=cid)
    at.text_input(key=f"correct_{cid}_value").input("3412")
    at.button(key=f"FormSubmitter:correct_{cid}-Correct").click().run()
    shown = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]  # Markdown escapes undone
    assert shown == ["A correction needs a reason; say what was wrong and what is right."]


def test_the_queue_page_explains_each_row(url: str) -> None:
    _, ana, _, claims = newsroom(url)
    at = open_page("queue", ana)
    table = at.dataframe[0].value
    assert table["Rank"].tolist() == [1, 2]
    assert table["Why"].tolist()[0] == (
        "article from the last 2 days (+15); a precise figure (+10)"
    )
    assert "Score = priority" in texts(at)


def test_the_sidebar_counts_the_inbox(url: str) -> None:
    _, ana, ed, _ = newsroom(url)
    with Session(get_engine(url)) as s:
        assert unread_count(s, user=ed) == 1
    assert not open_page("articles", ed).exception
    inbox = open_page("inbox", ed)
    assert inbox.dataframe[0].value["What"].tolist() == ["Awaiting your sign-off"]


def test_only_admins_see_the_webhooks(url: str) -> None:
    admin, ana, _, _ = newsroom(url)
    assert "Only admins manage webhooks." in texts(open_page("webhooks", ana))
    at = open_page("webhooks", admin)
    at.text_input(key="hook_url").input("ftp://nowhere")
    at.multiselect(key="hook_events").select("published")
    at.button(key="FormSubmitter:hook_add-Add webhook").click().run()
    assert "is not a web address" in at.error[0].value
