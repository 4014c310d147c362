"""Stories, Speakers and the Claim page's group under AppTest, on the invented truce coverage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pandas as pd
import pytest
from sqlmodel import Session, select

from factcheck.charts import figure_series, story_timeline
from factcheck.demo import fill
from factcheck.models import Article, Claim, Event, OutletKind, Role, Status, User
from factcheck.outlets import set_outlet_kind
from factcheck.stories import list_stories, story_articles
from factcheck.ui.common import USER_KEY, plain
from factcheck.users import get_user
from tests.factories import make_user
from tests.story_articles import CLOSURE, TRUCE
from tests.test_groups import ingest
from tests.test_groups_disputes import four_against_six, four_and_six
from tests.test_stories_derived import LIGHT, WIRE, _store
from tests.test_ui_pages import open_page, session_on, texts

PAGES = ("stories", "speakers")


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


def filled(url: str) -> tuple[User, int]:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        truce = ingest(s, TRUCE + CLOSURE, editor)
        return editor, truce[0].story_id or 0


@pytest.mark.parametrize("page", PAGES)
def test_the_new_pages_render_on_an_empty_database(url: str, page: str) -> None:
    with session_on(url) as s:
        user = make_user(s, role=Role.EDITOR)
    at = open_page(page, user)
    assert not at.exception


def test_stories_lists_the_truce_and_its_conflict(url: str) -> None:
    editor, _ = filled(url)
    at = open_page("stories", editor)
    assert not at.exception
    table = at.dataframe[0].value
    row = table[table["Story"] == TRUCE[0].title].iloc[0]
    assert row["Articles"] == 4 and row["Conflicts"] == 1
    assert "Meridian Wire" in row["Outlets"]


def test_a_story_shows_conflicts_first_with_each_outlets_wording(url: str) -> None:
    editor, story = filled(url)
    at = open_page("stories", editor, story=story)
    assert not at.exception
    shown = texts(at)
    assert plain(TRUCE[0].title) in shown  # as Markdown shows it: 4-1/2-month
    first_group = next(m.value for m in at.markdown if "outlets" in m.value)
    assert "Conflict" in first_group and "killed" in first_group


def test_a_verdict_on_a_group_is_proposed_on_every_member(url: str) -> None:
    editor, story = filled(url)  # a new desk: an editor's verdict needs a second editor
    at = open_page("stories", editor, story=story)
    apply = next(b for b in at.button if b.key.startswith("apply_"))
    group_id = int(apply.key.removeprefix("apply_"))
    at.selectbox(key=f"verdict_{group_id}").set_value(Status.FALSE)
    apply.click()
    at.run()
    assert not at.exception
    with session_on(url) as s:
        members = s.exec(select(Claim).where(Claim.group_id == group_id)).all()
        assert members and {(c.status, c.proposed_status) for c in members} == {
            (Status.IN_REVIEW, Status.FALSE)
        }
        events = s.exec(select(Event).where(Event.action == "claim.propose")).all()
        assert len(events) == len(members)
    assert [t.value for t in at.toast] == [
        f"{len(members)} claims proposed false; they await an editor's sign-off."
    ]


def test_claim_page_shows_first_appearance_and_the_other_wordings(url: str) -> None:
    editor, _ = filled(url)
    with session_on(url) as s:
        courier = s.exec(select(Article).where(Article.title == TRUCE[1].title)).one()
        claim = s.exec(
            select(Claim).where(Claim.article_id == courier.id, Claim.quote == "240")
        ).one()
    at = open_page("claim", editor, claim=claim.id or 0)
    assert not at.exception
    shown = texts(at)
    assert "The same claim in 2 articles — conflict" in shown
    assert "**First seen** 2025-06-02" in shown and "in Meridian Wire" in shown
    assert list(at.dataframe[-1].value["As written"]) == ["253", "240"]


def test_claims_page_filters_conflicts_only(url: str) -> None:
    editor, _ = filled(url)
    at = open_page("claims", editor)
    at.toggle(key="claims_conflicts").set_value(True).run()
    assert not at.exception
    quotes = set(at.dataframe[0].value["Quote"]) if "Quote" in at.dataframe[0].value else set()
    assert quotes == {"253", "240"}


def test_speakers_page_merges_two_speakers(url: str) -> None:
    editor, _ = filled(url)
    at = open_page("speakers", editor)
    table = at.dataframe[0].value
    keep = int(table[table["Speaker"] == "Tomas Verhal"]["ID"].iloc[0])
    other = int(table[table["Speaker"] == "Kastan"]["ID"].iloc[0])
    at.selectbox(key="keep").set_value(keep).run()
    at.selectbox(key="other").set_value(other).run()
    at.button(key="merge_go").click()
    at.run()
    assert not at.exception
    with session_on(url) as s:
        assert s.exec(select(Event).where(Event.action == "speaker.merge")).one()


def test_the_merge_form_never_offers_a_speaker_to_merge_into_itself(url: str) -> None:
    editor, _ = filled(url)
    at = open_page("speakers", editor)
    keep = at.selectbox(key="keep").value
    other = at.selectbox(key="other")
    assert other.value is None and not [o for o in other.options if o.endswith(f"(#{keep})")]
    assert at.button(key="merge_go").disabled  # nothing is merged until a second one is chosen
    chosen = int(other.options[0].rsplit("#", 1)[1].rstrip(")"))
    at.selectbox(key="keep").set_value(chosen).run()
    offered = at.selectbox(key="other").options
    assert offered and not [o for o in offered if o.endswith(f"(#{chosen})")]


def test_a_reviewer_sees_no_merge_form(url: str) -> None:
    filled(url)
    with session_on(url) as s:
        reviewer = make_user(s, role=Role.REVIEWER)
    at = open_page("speakers", reviewer)
    assert not at.exception and not [b for b in at.button if b.key == "merge_go"]
    assert USER_KEY in at.session_state


def test_a_story_shows_a_dispute_between_groups_with_each_outlets_figure(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        articles = four_and_six(s, editor, "4", "six")
        story = articles[0].story_id or 0
    at = open_page("stories", editor, story=story)
    assert not at.exception
    heads = [m.value for m in at.markdown if "outlets" in m.value]
    assert heads[0].startswith(":red-badge[Conflict]") and "missing" in heads[0]
    assert "another value for the same day" in heads[0]
    assert any(c.value.startswith("In dispute with group") for c in at.caption)
    cards = [h.proto.body for h in at.get("html") if "group-member" in h.proto.body]
    # Each group's two outlets, then its rival's two beside it: 4 then six, six then 4.
    assert (
        sum("Radio Gamma" in c for c in cards) >= 2 and sum("Wire Alpha" in c for c in cards) >= 2
    )


def test_claim_page_and_conflicts_only_show_a_dispute(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        articles = four_and_six(s, editor, "4", "six")
        six = s.exec(
            select(Claim).where(Claim.article_id == articles[2].id, Claim.quote == "six")
        ).one()
    at = open_page("claim", editor, claim=six.id or 0)
    assert not at.exception
    shown = texts(at)
    assert "The same claim in 2 articles — conflict" in shown
    assert "another value for the same day" in shown and "**In dispute with** group" in shown
    assert list(at.dataframe[-1].value["As written"]) == ["4", "4"]
    at = open_page("claims", editor)
    at.toggle(key="claims_conflicts").set_value(True).run()
    assert sorted(at.dataframe[0].value["Quote"]) == ["4", "4", "six", "six"]


def test_a_story_shows_two_lone_figures_in_dispute_side_by_side(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        articles = four_against_six(s, editor, "4", "six")
        story = articles[0].story_id or 0
    at = open_page("stories", editor, story=story)
    assert not at.exception
    heads = [m.value for m in at.markdown if "outlet" in m.value]
    disputed = [h for h in heads if h.startswith(":red-badge[Conflict]")]
    assert len(disputed) == 2 and all("missing** · 1 outlet ·" in h for h in disputed)
    assert all("another value for the same day" in h for h in disputed)
    cards = [h.proto.body for h in at.get("html") if "group-member" in h.proto.body]
    # Conflicts first: each lone figure with its outlet, the other outlet's figure beneath it.
    shown = [
        (outlet, quote)
        for c in cards[:4]
        for outlet in ("Wire Alpha", "Radio Gamma")
        for quote in ("4", "six")
        if f"<b>{outlet}</b>" in c and f'serif">{quote}<' in c
    ]
    assert sorted([shown[:2], shown[2:]]) == [
        [("Radio Gamma", "six"), ("Wire Alpha", "4")],
        [("Wire Alpha", "4"), ("Radio Gamma", "six")],
    ]
    assert sum(c.value.startswith("In dispute with group") for c in at.caption) == 2


def test_claim_page_of_a_lone_figure_in_dispute(url: str) -> None:
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        articles = four_against_six(s, editor, "4", "six")
        six = s.exec(
            select(Claim).where(Claim.article_id == articles[1].id, Claim.quote == "six")
        ).one()
    at = open_page("claim", editor, claim=six.id or 0)
    assert not at.exception
    shown = texts(at)
    assert "Reported by this article only — conflict" in shown
    assert "another value for the same day" in shown and "**In dispute with** group" in shown
    assert list(at.dataframe[-1].value["As written"]) == ["4"]


HOSTILE = "![x](https://evil.invalid/a.png) <b>Wire</b> :red[Agency]"


def test_outsiders_titles_and_outlet_names_show_as_text_on_a_story(url: str) -> None:
    """A headline and an outlet name are outsiders' words: the title, the derived-from line."""
    from tests.test_stories_derived import LIGHT, WIRE, _at, _store

    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        wire = _store(s, editor, outlet=HOSTILE, text=WIRE, at=_at(9))
        s.get(Article, wire.id).title = HOSTILE  # type: ignore[union-attr]
        s.commit()
        rewrite = _store(s, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(10))
        story = rewrite.story_id
    at = open_page("stories", editor, story=story)
    assert not at.exception
    assert at.title[0].value == plain(HOSTILE)
    derived = [m.value for m in at.markdown if "is derived from" in m.value]
    assert len(derived) == 1 and derived[0].startswith(":material/content_copy: **Ardle Valley")
    assert f"is derived from **{plain(HOSTILE)}** ({plain(HOSTILE)}):" in derived[0]
    shown = [*texts(at), *(c.value for c in at.caption), *(t.value for t in at.title)]
    assert not any("![x](" in t or "<b>" in t or ":red[" in t for t in shown)


def _rewrite_stored_before_its_wire(s: Session) -> tuple[User, Article, Article]:
    """A rewrite and the wire it copies, one time, neither outlet marked, the rewrite stored
    first: the texts cannot tell which came first (factcheck.stories), so the rewrite does."""
    editor = make_user(s, role=Role.EDITOR)
    undated = WIRE.removeprefix("FENWICK, Oct 3 (NPA) - ")
    at = datetime(2026, 10, 3, 12, tzinfo=UTC)
    rewrite = _store(s, editor, outlet="Ardle Valley Post", text=LIGHT, at=at)
    wire = _store(s, editor, outlet="Castrel Courier", text=undated, at=at)
    return editor, rewrite, wire


def _first(s: Session, story_id: int) -> tuple[str, int]:
    """The story's title on the list and its first article."""
    (row,), _ = list_stories(s, story_ids=[story_id])
    return row.title, story_articles(s, story_id=story_id)[0].id


def test_the_article_that_came_first_titles_the_story_and_leads_it(session: Session) -> None:
    editor, rewrite, wire = _rewrite_stored_before_its_wire(session)
    story = wire.story_id or 0
    assert _first(session, story) == (rewrite.title, rewrite.id)  # as its source, for now
    set_outlet_kind(session, name="Castrel Courier", kind=OutletKind.AGENCY, by=editor)
    session.expire_all()
    assert session.get(Article, rewrite.id).derived_from_id == wire.id  # type: ignore[union-attr]
    assert _first(session, story) == (wire.title, wire.id)  # the list and the story follow


def test_a_story_page_follows_an_outlet_marked_an_agency(url: str) -> None:
    with session_on(url) as s:
        editor, rewrite, wire = _rewrite_stored_before_its_wire(s)
        set_outlet_kind(s, name="Castrel Courier", kind=OutletKind.AGENCY, by=editor)
    at = open_page("stories", editor, story=wire.story_id or 0)
    assert not at.exception
    assert at.title[0].value == plain(wire.title)
    shown = texts(at)
    assert "**Ardle Valley Post** (Flood in Fenwick \\(Ardle Valley Post\\)) is derived from " in (
        shown
    )
    assert "from **Castrel Courier**" in shown
    cards = [h.proto.body for h in at.get("html") if "group-member" in h.proto.body]
    assert cards and "<b>Castrel Courier</b>" in cards[0]  # each group starts with the wire's
    at = open_page("stories", editor)
    assert list(at.dataframe[0].value["Story"]) == [wire.title]


def test_a_figure_group_without_a_measure_is_named_by_its_figure(url: str) -> None:
    with session_on(url) as s:
        editor = get_user(s, email=fill(s).editor)
        story = s.exec(select(Article.story_id).where(Article.title.startswith("Tunnel"))).one()  # type: ignore[attr-defined]
    at = open_page("stories", editor, story=story or 0)
    heads = [m.value for m in at.markdown if "outlet" in m.value]
    assert heads and not [h for h in heads if h.startswith("****")]
    assert "**within 90 days \\(no measure named\\)** · 2 outlets" in heads
    assert "5 articles · 5 outlets ·" in texts(at) and "· 0 conflicts" in texts(at)


def test_the_story_charts_give_an_outlet_one_colour_and_date_their_ticks() -> None:
    outlets = ["Harbour Radio News", "Northern Wire", "Tessel Evening Post"]
    articles = pd.DataFrame(
        {
            "published": pd.to_datetime(["2025-04-02 08:00", "2025-04-02 12:30"], utc=True),
            "outlet": ["Northern Wire", "Tessel Evening Post"],
            "title": ["Truce", "Truce, rewritten"],
            "claims": [5, 4],
            "copy": ["own", "derived"],
            "source": ["", "Northern Wire"],
        }
    )
    figures = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2025-04-02"]),
            "value": [312.0],
            "outlet": ["Tessel Evening Post"],
            "measure": ["killed"],
            "quote": ["312"],
        }
    )
    timeline = story_timeline(articles, outlets=outlets).to_dict()["encoding"]
    series = figure_series(figures, outlets=outlets).to_dict()["encoding"]
    assert timeline["color"]["scale"] == series["color"]["scale"]
    assert timeline["color"]["scale"]["domain"] == outlets
    # Each time label names its day (a story runs over days); figures are dated by the day.
    assert timeline["x"]["axis"]["format"] == "%-d %b %H:%M"
    assert series["x"]["axis"]["format"] == "%-d %b"
    assert timeline["y"]["axis"]["labelOverlap"] is False  # every outlet named


def test_at_one_time_a_wire_opening_with_its_dateline_titles_the_story(session: Session) -> None:
    """No outlet marked: the wire's own opening ("FENWICK, Oct 3 (NPA) - ") tells it came first."""
    editor = make_user(session, role=Role.EDITOR)
    at = datetime(2026, 10, 3, 12, tzinfo=UTC)
    _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=at)
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=at)
    assert _first(session, wire.story_id or 0) == (wire.title, wire.id)


def test_a_statement_one_article_gives_twice_counts_that_article_once(url: str) -> None:
    # The demo's Daily Ledger reports the governor's words, then quotes them: two members of
    # the Northern Wire's group, one article.
    with session_on(url) as s:
        editor = get_user(s, email=fill(s).editor)
        claim = s.exec(
            select(Claim).where(Claim.quote == "the worst this province has seen")
        ).first()
        assert claim is not None and claim.group_id is not None
        members = s.exec(select(Claim).where(Claim.group_id == claim.group_id)).all()
    assert len(members) == 3 and len({m.article_id for m in members}) == 2
    at = open_page("claim", editor, claim=claim.id or 0)
    assert not at.exception
    shown = texts(at)
    assert "The same claim in 2 articles" in shown and "**3** appearances" in shown
