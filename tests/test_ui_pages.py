"""The reviewer's pages under Streamlit's AppTest: they render, and reviewing writes.

Each test runs the real app (login check, sidebar, navigation) starting on one page, logged in
by putting the user's ID in the session state, as the login form does. AppTest cannot click
the article text (a custom component) or tick table rows, so those arrive through the
session state; Playwright (tests/e2e) covers the real clicks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, col, select
from streamlit.testing.v1 import AppTest

from factcheck.db import get_engine
from factcheck.labels import STATUS_COLOURS
from factcheck.models import (
    Article,
    Attribution,
    Claim,
    ClaimKind,
    Event,
    Evidence,
    Note,
    Origin,
    Role,
    Status,
    User,
)
from factcheck.review import assign, set_status
from factcheck.ui.annotate import TYPE
from factcheck.ui.claims import TABLE_GENERATION
from factcheck.ui.common import USER_KEY
from tests.factories import decide, make_article, make_user, second_editor

PAGES = ("articles", "review", "claims", "claim")


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app's database for this test (the app reads it from the environment)."""
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


@pytest.fixture
def both(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Like ``url``, on SQLite and then PostgreSQL."""
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", db_url)
    yield db_url


def session_on(url: str) -> Session:
    return Session(get_engine(url), expire_on_commit=False)


def open_page(start: str, user: User | None, **query: int) -> AppTest:
    """The app started on page ``start`` with these query parameters, after one run."""
    at = AppTest.from_string(
        f"from factcheck.ui.main import run\nrun(start={start!r})\n", default_timeout=60
    )
    if user is not None:
        at.session_state[USER_KEY] = user.id
    for name, value in query.items():
        at.query_params[name] = str(value)
    return at.run()


def texts(at: AppTest) -> str:
    """Everything a reader sees as text on the page, for 'is it shown' checks."""
    parts: list[Any] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "success",
        "warning",
        "error",
    ):
        parts.extend(getattr(el, "value", "") for el in getattr(at, kind))
    return "\n".join(str(p) for p in parts)


def reviewer_with_article(url: str) -> tuple[User, int, list[Claim]]:
    with session_on(url) as s:
        user = make_user(s, role=Role.EDITOR)
        article, claims = make_article(s, by=user)
        assert article.id is not None
        return user, article.id, claims


def events(url: str, claim_id: int) -> list[str]:
    with session_on(url) as s:
        rows = s.exec(
            select(Event.action).where(Event.claim_id == claim_id).order_by(col(Event.id))
        )
        return list(rows.all())


def type_the_words(at: AppTest, key: str) -> None:
    """Choose the built-in way to pick a span (when the selection component is installed)."""
    ways = [r for r in at.radio if r.key == f"{key}_way"]
    if ways:
        ways[0].set_value(TYPE).run()


def tick(at: AppTest, rows: list[int]) -> None:
    """Tick these rows of the Claims table (AppTest cannot click the grid) and rerun."""
    state = at.session_state  # AppTest's session state has no .get
    generation = state[TABLE_GENERATION] if TABLE_GENERATION in state else 0  # noqa: SIM401
    at.session_state[f"claims_table_{generation}"] = {"selection": {"rows": rows, "columns": []}}
    at.run()


def reload_claim(url: str, claim_id: int) -> Claim:
    with session_on(url) as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        return claim


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_an_empty_database(url: str, page: str) -> None:
    with session_on(url) as s:
        user = make_user(s, role=Role.ADMIN)
    at = open_page(page, user)
    assert not at.exception
    assert at.title


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_a_filled_database(url: str, page: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    with session_on(url) as s:
        make_article(s, by=user, outlet="Other Outlet")
        decide(s, claim_id=claims[0].id or 0, status=Status.VERIFIED, by=user, seen_version=1)
    at = open_page(page, user, article=article_id, claim=claims[0].id or 0)
    assert not at.exception
    assert "Traceback" not in texts(at)


def test_nobody_logged_in_sees_the_login_form(url: str) -> None:
    with session_on(url) as s:
        make_user(s, role=Role.ADMIN)
    at = open_page("claims", None)
    assert [t.label for t in at.text_input] == ["E-mail", "Password"]
    assert not at.dataframe


def test_articles_page_lists_articles_with_outlet_and_progress(url: str) -> None:
    user, _, claims = reviewer_with_article(url)
    with session_on(url) as s:
        decide(s, claim_id=claims[0].id or 0, status=Status.FALSE, by=user, seen_version=1)
    at = open_page("articles", user)
    shown = texts(at)
    assert "Valley Post" in shown
    assert "3 claims, 1 reviewed" in shown


def test_review_shows_the_article_and_picks_the_first_unreviewed_claim(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    at = open_page("review", user, article=article_id)
    assert at.header[0].value.startswith("Floods")
    picker = at.selectbox(key="review_pick")
    assert picker.value == claims[0].id
    assert len(picker.options) == 3
    assert "3 claims, 3 unreviewed" in texts(at)


def test_setting_a_verdict_with_evidence_is_saved_with_its_events(both: str) -> None:
    user, article_id, claims = reviewer_with_article(both)
    target = claims[1]
    at = open_page("review", user, article=article_id, claim=target.id or 0)
    at.radio(key=f"status_{target.id}_v1_value").set_value(Status.VERIFIED)
    at.text_area(key=f"status_{target.id}_v1_note").input("Checked with the weather service.")
    at.button(key=f"FormSubmitter:status_{target.id}_v1-Save verdict").click().run()
    assert not at.exception and not at.error
    at.text_input(key=f"evidence_{target.id}_url").input("https://weather.example.org/report")
    at.button(key=f"FormSubmitter:evidence_{target.id}-Add evidence").click().run()
    assert not at.error
    saved = reload_claim(both, target.id or 0)  # an editor's verdict awaits a second editor
    assert (saved.status, saved.proposed_status) == (Status.IN_REVIEW, Status.VERIFIED)
    assert events(both, target.id or 0) == ["claim.propose", "note.add", "evidence.add"]
    with session_on(both) as s:
        assert s.exec(select(Evidence.url).where(Evidence.claim_id == target.id)).one() == (
            "https://weather.example.org/report"
        )
        assert (
            s.exec(select(Note.body).where(Note.claim_id == target.id)).one().startswith("Checked")
        )
    assert "In review" in at.selectbox(key="review_pick").format_func(target.id)
    assert "**Verified** proposed by" in texts(at) and "awaiting sign-off" in texts(at)


def test_an_edit_on_a_claim_someone_else_changed_is_refused_and_says_who(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    target = claims[0]
    at = open_page("review", user, article=article_id, claim=target.id or 0)
    with session_on(url) as s:
        other = make_user(s, role=Role.EDITOR, email="rival@newsroom.test")
        decide(s, claim_id=target.id or 0, status=Status.FALSE, by=other, seen_version=1)
    at.radio(key=f"status_{target.id}_v1_value").set_value(Status.VERIFIED)
    at.button(key=f"FormSubmitter:status_{target.id}_v1-Save verdict").click().run()
    assert at.error, "the stale write must be reported"
    assert "Rival" in at.error[0].value and "Nothing was saved" in at.error[0].value
    assert reload_claim(url, target.id or 0).status is Status.FALSE
    assert "changed since you opened it" in texts(at)


def verdict(at: AppTest, claim_id: int) -> Any:
    """The Verdict radio of the claim panel (whatever version its form was opened on)."""
    (radio,) = [r for r in at.radio if str(r.key).startswith(f"status_{claim_id}_v")]
    return radio


def test_after_not_a_claim_the_verdict_shows_not_a_claim(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    target = claims[0].id or 0
    at = open_page("review", user, article=article_id, claim=target)
    verdict(at, target).set_value(Status.IN_REVIEW).run()  # touched, not saved
    at.button(key=f"status_{target}_v1_nac").click().run()
    assert verdict(at, target).value is Status.NOT_A_CLAIM


def test_a_note_saved_with_the_verdict_untouched_keeps_the_status(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    target = claims[0].id or 0
    at = open_page("review", user, article=article_id, claim=target)
    at.button(key=f"status_{target}_v1_nac").click().run()
    (note,) = [a for a in at.text_area if str(a.key).startswith(f"status_{target}_v2_note")]
    note.input("An address, not a figure.")
    at.button(key=f"FormSubmitter:status_{target}_v2-Save verdict").click().run()
    assert reload_claim(url, target).status is Status.NOT_A_CLAIM
    assert events(url, target) == ["claim.status", "note.add"]


def test_after_a_refused_edit_and_a_reload_the_verdict_shows_the_current_status(
    url: str,
) -> None:
    user, article_id, claims = reviewer_with_article(url)
    target = claims[0].id or 0
    at = open_page("review", user, article=article_id, claim=target)
    with session_on(url) as s:
        other = make_user(s, role=Role.EDITOR, email="rita@newsroom.test")
        set_status(s, claim_id=target, status=Status.IN_REVIEW, by=other, seen_version=1)
    verdict(at, target).set_value(Status.VERIFIED)
    at.button(key=f"FormSubmitter:status_{target}_v1-Save verdict").click().run()
    assert at.error
    at.button(key=f"reload_{target}").click().run()
    assert verdict(at, target).value is Status.IN_REVIEW
    at.button(key=f"FormSubmitter:status_{target}_v2-Save verdict").click().run()
    assert reload_claim(url, target).status is Status.IN_REVIEW
    assert reload_claim(url, target).version == 2


def test_next_unreviewed_moves_past_reviewed_claims(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    with session_on(url) as s:
        decide(s, claim_id=claims[1].id or 0, status=Status.VERIFIED, by=user, seen_version=1)
    at = open_page("review", user, article=article_id, claim=claims[0].id or 0)
    at.button(key="next_unreviewed").click().run()
    assert at.query_params["claim"] == str(claims[2].id)
    assert at.selectbox(key="review_pick").value == claims[2].id


def test_clicking_a_claim_in_the_text_selects_it(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    at = open_page("review", user, article=article_id)
    at.query_params["claim"] = str(claims[2].id)  # what the click handler sets
    at.run()
    assert at.selectbox(key="review_pick").value == claims[2].id


def test_not_a_claim_and_corrections_are_recorded(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    first, second = claims[0], claims[1]
    at = open_page("review", user, article=article_id, claim=first.id or 0)
    at.button(key=f"status_{first.id}_v1_nac").click().run()
    assert reload_claim(url, first.id or 0).status is Status.NOT_A_CLAIM
    at.query_params["claim"] = str(second.id)
    at.run()
    at.text_input(key=f"edit_{second.id}_unit").input("mm")
    at.text_input(key=f"edit_{second.id}_speaker").input("Met Office")
    at.button(key=f"FormSubmitter:edit_{second.id}-Save corrections").click().run()
    assert not at.error
    fixed = reload_claim(url, second.id or 0)
    assert fixed.unit == "mm" and fixed.speaker_id is not None
    assert events(url, second.id or 0)[-1] == "claim.edit"


def test_a_missed_claim_is_added_from_the_sentence_and_typed_words(url: str) -> None:
    user, article_id, _ = reviewer_with_article(url)
    at = open_page("review", user, article=article_id)
    key = add_missed(at, f"missed_{article_id}_0", "Monday")
    assert not at.error
    with session_on(url) as s:
        added = s.exec(select(Claim).where(Claim.origin == Origin.MANUAL)).one()
    assert added.quote == "Monday"
    assert at.query_params["claim"] == str(added.id)
    # The form starts empty again for the next claim.
    form = [w for w in [*at.text_input, *at.selectbox] if str(w.key).startswith("missed_")]
    assert not [w for w in form if w.key.startswith(key)]  # type: ignore[union-attr]
    assert all(not w.value for w in form)


def add_missed(at: AppTest, key: str, words: str, *, speaker: str = "", kind: str = "") -> str:
    """Pick ``words`` in the first sentence, as typed, and press Add claim; the form's key."""
    type_the_words(at, key)
    at.selectbox(key=f"{key}_sentence").set_value(0).run()
    at.text_input(key=f"{key}_words").input(words).run()
    if kind:
        at.radio(key=f"{key}_kind").set_value(ClaimKind(kind)).run()
    if speaker:
        at.text_input(key=f"{key}_speaker").input(speaker).run()
    at.button(key=f"{key}_add").click().run()
    return key


def test_the_same_span_twice_points_to_the_claim_already_there(url: str) -> None:
    user, article_id, _ = reviewer_with_article(url)
    at = open_page("review", user, article=article_id)
    add_missed(at, f"missed_{article_id}_0", "Monday")
    add_missed(at, f"missed_{article_id}_1", "Monday")
    with session_on(url) as s:
        (added,) = s.exec(select(Claim).where(Claim.origin == Origin.MANUAL)).all()
    assert f"Claim #{added.id} already covers these words" in texts(at)
    assert [b for b in at.button if b.key == f"missed_open_{added.id}"]


def test_a_paraphrase_with_a_speaker_is_reported_speech_not_a_quotation(url: str) -> None:
    user, article_id, _ = reviewer_with_article(url)
    at = open_page("review", user, article=article_id)
    add_missed(at, f"missed_{article_id}_0", "forced", kind="attributed", speaker="Lena Vos")
    with session_on(url) as s:
        added = s.exec(select(Claim).where(Claim.origin == Origin.MANUAL)).one()
    assert added.attribution is Attribution.INDIRECT


def test_words_not_in_the_sentence_are_refused_before_anything_is_written(url: str) -> None:
    user, article_id, _ = reviewer_with_article(url)
    at = open_page("review", user, article=article_id)
    key = f"missed_{article_id}_0"
    type_the_words(at, key)
    at.selectbox(key=f"{key}_sentence").set_value(0).run()
    at.text_input(key=f"{key}_words").input("millimetres").run()
    assert any("is not in that sentence" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key == f"{key}_add"]


def test_unknown_article_is_a_message_not_a_traceback(url: str) -> None:
    user, _, _ = reviewer_with_article(url)
    at = open_page("review", user, article=999)
    assert not at.exception
    assert "There is no article 999" in at.error[0].value


def test_claims_table_filters_by_status_and_search(url: str) -> None:
    user, _, claims = reviewer_with_article(url)
    with session_on(url) as s:
        decide(s, claim_id=claims[0].id or 0, status=Status.FALSE, by=user, seen_version=1)
    at = open_page("claims", user)
    assert len(at.dataframe[0].value) == 3
    at.multiselect(key="claims_status").select(Status.FALSE).run()
    table = at.dataframe[0].value
    assert list(table["ID"]) == [claims[0].id]
    at.multiselect(key="claims_status").unselect(Status.FALSE).run()
    at.text_input(key="claims_search").input("levee").run()
    assert list(at.dataframe[0].value["Quote"]) == ["held better than anyone expected"]


def test_claims_table_shows_where_each_claim_is_first_and_colours_statuses(url: str) -> None:
    user, _, claims = reviewer_with_article(url)
    with session_on(url) as s:
        decide(s, claim_id=claims[0].id or 0, status=Status.FALSE, by=user, seen_version=1)
    at = open_page("claims", user)
    columns = list(at.dataframe[0].value.columns)
    # Article, outlet and assignee come before the narrow details, inside a laptop's width.
    assert columns.index("Assigned to") < columns.index("Kind")
    assert columns[:8] == [
        "ID", "Status", "Quote", "Figure", "Speaker", "Article", "Outlet", "Assigned to"
    ]  # fmt: skip
    styles = at.dataframe[0].proto.arrow_data.styler.styles
    assert f"background-color: {STATUS_COLOURS[Status.FALSE]}" in styles


def test_selected_rows_change_status_and_assignee_together(url: str) -> None:
    user, _, claims = reviewer_with_article(url)
    at = open_page("claims", user)
    tick(at, [0, 1, 2])
    assert "3 selected" in texts(at)
    at.selectbox(key="bulk_status").set_value(Status.IN_REVIEW)
    at.button(key="bulk_status_go").click().run()
    assert not at.error
    assert {reload_claim(url, c.id or 0).status for c in claims} == {Status.IN_REVIEW}
    tick(at, [0, 1])
    at.selectbox(key="bulk_assignee").set_value(user.id)
    at.button(key="bulk_assign_go").click().run()
    assigned = [reload_claim(url, c.id or 0).assignee_id for c in claims]
    assert assigned.count(user.id) == 2


def test_a_reviewer_cannot_assign_claims(url: str) -> None:
    _, _, _ = reviewer_with_article(url)
    with session_on(url) as s:
        reviewer = make_user(s, role=Role.REVIEWER)
    at = open_page("claims", reviewer)
    tick(at, [0])
    assert not [b for b in at.button if b.key == "bulk_assign_go"]


def test_claim_page_shows_quote_evidence_notes_and_history(url: str) -> None:
    user, _, claims = reviewer_with_article(url)
    target = claims[2]
    at = open_page("review", user, article=target.article_id, claim=target.id or 0)
    at.radio(key=f"status_{target.id}_v1_value").set_value(Status.MISLEADING)
    at.text_area(key=f"status_{target.id}_v1_note").input("Said in another context.")
    at.button(key=f"FormSubmitter:status_{target.id}_v1-Save verdict").click().run()
    page = open_page("claim", user, claim=target.id or 0)
    shown = texts(page)
    assert page.title[0].value == f"Claim #{target.id}"
    assert "Misleading" in shown and "Said in another context" in shown
    history = page.dataframe[-1].value
    assert list(history["What"])[:2] == ["added a note", "proposed Misleading"]
    assert history["Details"].iloc[1] == (
        f"the status: Unreviewed → In review; the proposed verdict: — → Misleading; "
        f"proposed by: — → {user.display_name}"
    )
    assert history["Details"].iloc[0] == "Said in another context."
    widths = json.loads(page.dataframe[-1].proto.columns)
    assert widths["What"]["width"] == "medium" and widths["Details"]["width"] == "large"


def test_the_claim_history_names_the_people_an_action_points_to(url: str) -> None:
    editor, _, claims = reviewer_with_article(url)
    target = claims[0]
    with session_on(url) as s:
        rita = make_user(s, role=Role.REVIEWER, email="rita@newsroom.test")
        assign(s, seen={target.id or 0: 1}, assignee=rita, by=editor)
        decide(s, claim_id=target.id or 0, status=Status.FALSE, by=rita, seen_version=2)
        signer = second_editor(s, besides=rita)
    history = open_page("claim", editor, claim=target.id or 0).dataframe[-1].value
    rows = list(zip(history["What"], history["Details"], strict=True))
    assert rows[-1] == ("assigned it to Rita", "— → Rita")  # a name, never a user's id
    assert rows[0] == (
        "signed off False",
        f"the status: In review → False; the proposed verdict: False → —; "
        f"signed off by: — → {signer.display_name}",
    )


def test_claim_page_without_an_id_shows_the_latest_changed_claim(url: str) -> None:
    user, _, claims = reviewer_with_article(url)
    with session_on(url) as s:
        decide(s, claim_id=claims[1].id or 0, status=Status.FALSE, by=user, seen_version=1)
    at = open_page("claim", user)
    assert at.selectbox(key="claim_choice").value == claims[1].id
    assert at.title[0].value == f"Claim #{claims[1].id}"


def test_review_without_an_article_opens_the_newest_with_open_claims(url: str) -> None:
    user, article_id, claims = reviewer_with_article(url)
    with session_on(url) as s:
        newer, newer_claims = make_article(s, by=user, outlet="Later Outlet")
        for claim in newer_claims:
            decide(s, claim_id=claim.id or 0, status=Status.VERIFIED, by=user, seen_version=1)
    at = open_page("review", user)
    assert at.selectbox(key="review_article_choice").value == article_id
    assert at.header[0].value.startswith("Floods")
    assert "3 claims, 3 unreviewed" in texts(at)


def test_a_pasted_article_is_stored_and_its_claims_counted(url: str) -> None:
    with session_on(url) as s:
        user = make_user(s, role=Role.REVIEWER)
    at = open_page("articles", user)
    at.text_area(key="add_paste_text").input(
        "Storm closes port\n\nAt least 14 ships stayed in harbour on Friday, the port authority "
        'said. "We have never seen waves like this," harbour master Ines Roth said.'
    )
    at.text_input(key="add_paste_outlet").input("Coast Daily")
    at.button(key="FormSubmitter:add_paste-Add and find claims").click().run()
    assert not at.error
    assert "claims found" in at.success[0].value
    with session_on(url) as s:
        article = s.exec(select(Article)).one()
        stored = s.exec(select(Claim).where(Claim.article_id == article.id)).all()
    assert article.title == "Storm closes port"
    assert f"Added “Storm closes port”: {len(stored)} claims found" in at.success[0].value
    assert "Coast Daily" in texts(at)


def test_pasting_nothing_is_explained_not_a_traceback(url: str) -> None:
    with session_on(url) as s:
        user = make_user(s, role=Role.REVIEWER)
    at = open_page("articles", user)
    at.button(key="FormSubmitter:add_paste-Add and find claims").click().run()
    assert not at.exception
    assert "empty" in at.error[0].value


PASTE = (
    "Storm closes port\n\n"
    "At least 14 ships stayed in harbour on Friday, the port authority said.\n\n"
    "Share on: Facebook Twitter\n\n"
    "At least 14 ships stayed in harbour on Friday, the port authority said.\n\n"
    "Coast Daily is your trusted news hub for breaking news. Stay informed at coastdaily.com.\n"
)


def test_a_paste_says_what_cleaning_removes_and_can_be_kept_as_pasted(url: str) -> None:
    with session_on(url) as s:
        user = make_user(s, role=Role.REVIEWER)
    at = open_page("articles", user)
    at.text_area(key="add_paste_text").input(PASTE)
    at.button(key="FormSubmitter:add_paste-Add and find claims").click().run()
    warning = at.warning[0].value
    assert f"of the {len(PASTE):,} characters you pasted" in warning
    assert "repeated lines and paragraphs: 71 characters" in warning
    assert "share buttons, logos and labels: 26 characters" in warning
    assert "the outlet's closing blurb" in warning
    with session_on(url) as s:
        assert not s.exec(select(Article)).all()  # nothing stored before the reviewer chooses
    at.button(key="paste_as_pasted").click().run()
    with session_on(url) as s:
        article = s.exec(select(Article)).one()
    assert article.text == PASTE


def test_a_paste_keeps_its_date_author_and_address(url: str) -> None:
    with session_on(url) as s:
        user = make_user(s, role=Role.REVIEWER)
    at = open_page("articles", user)
    at.text_area(key="add_paste_text").input("Port closes\n\nAt least 14 ships stayed in port.")
    at.text_input(key="add_paste_author").input("Ines Roth")
    at.date_input(key="add_paste_date").set_value(date(2025, 3, 14))
    at.text_input(key="add_paste_url").input("https://coast.example/port")
    at.button(key="FormSubmitter:add_paste-Add and find claims").click().run()
    assert not at.error and not at.warning
    with session_on(url) as s:
        article = s.exec(select(Article)).one()
    assert (article.author, article.url) == ("Ines Roth", "https://coast.example/port")
    assert article.published_at is not None and article.published_at.date() == date(2025, 3, 14)
    assert "2025-03-14" in texts(at)
