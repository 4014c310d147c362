"""An editor moves articles out of a story that mixes two events (a follow-up about a second
fire that recaps the first fire's figures joins the first fire's story through them), into a
story of their own or into another story (stories.move_articles, `factcheck stories move`),
on SQLite and PostgreSQL. The correction holds when more articles come."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck import disputes
from factcheck.articles import add_article
from factcheck.db import get_engine
from factcheck.errors import BadInput, NotAllowed, NotFound
from factcheck.extract import extract_claims
from factcheck.models import Article, Claim, ClaimGroup, Event, Role, Story, User
from factcheck.stories import list_stories, move_articles
from tests.factories import make_user
from tests.test_cli import factcheck

DAY0 = datetime(2026, 8, 4, 9, tzinfo=UTC)
# Two fires a week apart on one coast: the second fire's wire recaps the first one's toll.
RIDGE = {
    "ridge-wire": (
        "Wildfire on Harlow Ridge destroys 87 homes",
        0,
        "Tessa Wire",
        "A wildfire on Harlow Ridge burned 5,000 hectares and destroyed 87 homes on Tuesday, "
        "the Drummond fire service said. About 1,500 residents of Harlow were told to leave. "
        '"The ridge went up in an hour," fire chief Oren Blakely said.',
    ),
    "ridge-courier": (
        "Harlow counts the cost of the ridge fire",
        1,
        "Drummond Courier",
        "Harlow woke on Wednesday to 87 homes lost on the ridge. The fire burned 5,000 "
        "hectares before crews held it at the river, the fire service said. Fire chief Oren "
        "Blakely said the ridge went up in an hour.",
    ),
}
BAY = {
    "bay-wire": (
        "Second wildfire forces 800 from Sennet Bay",
        6,
        "Tessa Wire",
        "A second wildfire forced 800 residents of Sennet Bay from their homes on Monday, the "
        "Sennet Bay council said. Crews from Sennet Bay and Carrow fought the blaze through the "
        "night. Last week's fire on Harlow Ridge burned 5,000 hectares and destroyed 87 homes.",
    ),
    "bay-herald": (
        "Sennet Bay fire held at the coast road",
        7,
        "Bayside Herald",
        "The wildfire that forced 800 residents of Sennet Bay from their homes on Monday was "
        "held at the coast road on Tuesday, the Sennet Bay council said. The council closed "
        "the Sennet Bay forest for 14 days.",
    ),
}
LATER_BAY = (
    "Sennet Bay fire out",
    8,
    "Coast Radio",
    "Firefighters said the blaze that forced 800 residents of Sennet Bay from their homes had "
    "burned out. The Sennet Bay council reopened the school on Thursday.",
)
LATER_RIDGE = (
    "Harlow Ridge rebuild begins",
    9,
    "Drummond Courier",
    "The Harlow Ridge fire destroyed 87 homes, and rebuilding them will take two years, the "
    "Harlow town council said on Thursday.",
)


RECAPPING_BAY = (
    "Sennet Bay forest to stay shut",
    10,
    "Bayside Herald",
    "The Sennet Bay forest will stay closed for 14 days after the fire that forced 800 "
    "residents of Sennet Bay from their homes, the council said. Last week's fire on Harlow "
    "Ridge destroyed 87 homes.",
)


def ingest(session: Session, by: User, piece: tuple[str, int, str, str]) -> int:
    title, day, outlet, text = piece
    article = add_article(
        session,
        title=title,
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=DAY0 + timedelta(days=day),
    )
    assert article.id is not None
    return article.id


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


@pytest.fixture
def mixed(session: Session, editor: User) -> dict[str, int]:
    """Both fires stored in order: the second fire's articles sit in the first fire's story."""
    return {name: ingest(session, editor, piece) for name, piece in {**RIDGE, **BAY}.items()}


def story_of(session: Session, article_id: int) -> int | None:
    article = session.get(Article, article_id)
    assert article is not None
    session.refresh(article)
    return article.story_id


def group_of(session: Session, article_id: int, quote: str) -> ClaimGroup:
    claim = session.exec(
        select(Claim).where(Claim.article_id == article_id, Claim.quote == quote)
    ).one()
    group = session.get(ClaimGroup, claim.group_id)
    assert group is not None
    session.refresh(group)
    return group


def split_bay(session: Session, editor: User, mixed: dict[str, int]) -> tuple[int, int]:
    """Move the second fire's articles into a story of their own: (the ridge's, the bay's)."""
    ridge = story_of(session, mixed["ridge-wire"])
    bay = move_articles(
        session, article_ids=[mixed["bay-wire"], mixed["bay-herald"]], to_story=None, by=editor
    ).id
    assert ridge is not None and bay is not None
    return ridge, bay


def test_a_recap_mixes_the_two_fires_until_an_editor_moves_the_second_out(
    session: Session, editor: User, mixed: dict[str, int]
) -> None:
    ridge = story_of(session, mixed["ridge-wire"])
    assert ridge is not None
    assert {story_of(session, i) for i in mixed.values()} == {ridge}  # what the editor sees

    moved = move_articles(
        session, article_ids=[mixed["bay-wire"], mixed["bay-herald"]], to_story=None, by=editor
    )
    assert moved.id not in (None, ridge)
    assert moved.title == BAY["bay-wire"][0]  # its earliest article's
    assert (moved.first_seen, moved.last_seen) == (
        DAY0 + timedelta(days=6),
        DAY0 + timedelta(days=7),
    )
    assert story_of(session, mixed["bay-herald"]) == moved.id
    assert story_of(session, mixed["ridge-courier"]) == ridge
    first = session.get(Story, ridge)
    assert first is not None
    session.refresh(first)
    assert first.last_seen == DAY0 + timedelta(days=1)  # the bay's dates left with it
    # The recapped figure is the ridge's fact: its group stays in the ridge's story; the
    # evacuation of the bay goes with the bay.
    assert group_of(session, mixed["bay-wire"], "87").story_id == ridge
    assert group_of(session, mixed["bay-wire"], "800").story_id == moved.id
    rows, _ = list_stories(session)
    assert {r.title: r.articles for r in rows} == {
        RIDGE["ridge-wire"][0]: 2,
        BAY["bay-wire"][0]: 2,
    }
    events = session.exec(select(Event).where(Event.action == "article.story")).all()
    assert sorted((e.entity_id, e.before, e.after, e.actor_id) for e in events) == sorted(
        (mixed[n], {"story_id": ridge}, {"story_id": moved.id}, editor.id)
        for n in ("bay-wire", "bay-herald")
    )


def test_the_move_holds_when_more_of_either_story_comes(
    session: Session, editor: User, mixed: dict[str, int]
) -> None:
    ridge, bay = split_bay(session, editor, mixed)
    assert story_of(session, ingest(session, editor, LATER_BAY)) == bay
    assert story_of(session, ingest(session, editor, LATER_RIDGE)) == ridge
    assert story_of(session, mixed["bay-wire"]) == bay  # sharing the 87 moved nothing back
    # A report of the bay that recaps the ridge's toll: the ridge's group of 87 holds more
    # articles (three of the ridge's), but two of its three groups are the bay's.
    assert story_of(session, ingest(session, editor, RECAPPING_BAY)) == bay


def test_moving_every_article_of_a_story_into_another_merges_them(
    session: Session, editor: User, mixed: dict[str, int]
) -> None:
    ridge, bay = split_bay(session, editor, mixed)
    back = move_articles(
        session, article_ids=[mixed["bay-wire"], mixed["bay-herald"]], to_story=ridge, by=editor
    )
    assert back.id == ridge and session.get(Story, bay) is None  # emptied, so deleted
    assert back.last_seen == DAY0 + timedelta(days=7)
    assert group_of(session, mixed["bay-wire"], "800").story_id == ridge
    assert session.exec(select(func.count()).select_from(Story)).one() == 1


def test_bad_moves_are_refused_and_write_nothing(
    session: Session, editor: User, mixed: dict[str, int]
) -> None:
    ridge = story_of(session, mixed["ridge-wire"])
    reviewer = make_user(session, role=Role.REVIEWER)
    bay = [mixed["bay-wire"]]
    with pytest.raises(NotAllowed):
        move_articles(session, article_ids=bay, to_story=None, by=reviewer)
    with pytest.raises(BadInput, match="at least one article"):
        move_articles(session, article_ids=[], to_story=None, by=editor)
    with pytest.raises(NotFound, match="no article 999999"):
        move_articles(session, article_ids=[*bay, 999999], to_story=None, by=editor)
    with pytest.raises(NotFound, match="no story 999999"):
        move_articles(session, article_ids=bay, to_story=999999, by=editor)
    with pytest.raises(BadInput, match=f"already in story {ridge}"):
        move_articles(session, article_ids=bay, to_story=ridge, by=editor)
    with pytest.raises(BadInput, match="at most 500"):
        move_articles(session, article_ids=list(range(1, 502)), to_story=None, by=editor)
    assert (
        session.exec(
            select(func.count()).select_from(Event).where(Event.action == "article.story")
        ).one()
        == 0
    )
    assert session.exec(select(func.count()).select_from(Story)).one() == 1
    assert {story_of(session, i) for i in mixed.values()} == {ridge}


def test_stories_move_and_articles_on_the_command_line(sqlite_db: str) -> None:
    with Session(get_engine(sqlite_db), expire_on_commit=False) as session:
        editor = make_user(session, role=Role.EDITOR)
        ids = {n: ingest(session, editor, piece) for n, piece in {**RIDGE, **BAY}.items()}
        email = editor.email
    (story,) = json.loads(factcheck(sqlite_db, "stories", "--format", "json").stdout)
    listed = json.loads(
        factcheck(sqlite_db, "stories", "articles", str(story["id"]), "--format", "json").stdout
    )
    assert [(a["id"], a["outlet"]) for a in listed] == [
        (ids[n], piece[2]) for n, piece in {**RIDGE, **BAY}.items()
    ]
    bay = [str(ids["bay-wire"]), str(ids["bay-herald"])]
    out = factcheck(sqlite_db, "stories", "move", *bay, "--user", email)
    assert out.returncode == 0, out.stderr
    assert f"({BAY['bay-wire'][0]}) now holds articles {', '.join(bay)}." in out.stdout
    titles = {
        s["title"] for s in json.loads(factcheck(sqlite_db, "stories", "--format", "json").stdout)
    }
    assert titles == {RIDGE["ridge-wire"][0], BAY["bay-wire"][0]}
    for args, message in [
        (["stories", "move", "999999", "--user", email], "There is no article 999999"),
        (["stories", "move", bay[0], "--to", "999999", "--user", email], "no story 999999"),
        (["stories", "move", "x", "--user", email], "Invalid value"),
        (["stories", "articles", "999999"], "There is no story 999999"),
    ]:
        failed = factcheck(sqlite_db, *args)
        assert failed.returncode != 0 and message in failed.stderr
        assert "Traceback" not in failed.stderr


@pytest.mark.parametrize("first", ["merge", "report"])
def test_an_article_arriving_while_its_story_is_merged_away_is_placed_in_a_story_that_stays(
    session: Session,
    db_url: str,
    editor: User,
    mixed: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    first: str,
) -> None:
    """An editor merges the bay's story back into the ridge's (which deletes it) while a
    worker ingests another report of the bay. Whichever began first, the other waits for it
    (PostgreSQL; SQLite takes writers in turn), neither fails, and the report is in a story
    that exists: the merged one when the merge came first, else the bay's, which the merge
    then leaves with the report alone (the editor moved the two articles chosen)."""
    ridge, bay = split_bay(session, editor, mixed)
    editor_id = editor.id
    session.close()  # each thread reads the editor in its own session
    held, go = threading.Event(), threading.Event()
    refresh = disputes.refresh

    def refresh_then_wait(s: Session, **kw: object) -> None:
        refresh(s, **kw)  # type: ignore[arg-type]
        if threading.current_thread().name == first:  # it waits before it commits
            held.set()
            assert go.wait(timeout=60)

    monkeypatch.setattr(disputes, "refresh", refresh_then_wait)
    failed: list[BaseException] = []
    placed: list[int | None] = []

    def merge() -> None:
        with Session(get_engine(db_url), expire_on_commit=False) as s:
            try:
                chosen = [mixed["bay-wire"], mixed["bay-herald"]]
                move_articles(s, article_ids=chosen, to_story=ridge, by=s.get_one(User, editor_id))
            except BaseException as e:  # reported below, in the test's thread
                failed.append(e)

    def report() -> None:
        with Session(get_engine(db_url), expire_on_commit=False) as s:
            try:
                placed.append(story_of(s, ingest(s, s.get_one(User, editor_id), LATER_BAY)))
            except BaseException as e:
                failed.append(e)

    threads = {
        name: threading.Thread(target=run, name=name)
        for name, run in [("merge", merge), ("report", report)]
    }
    threads[first].start()
    assert held.wait(timeout=60), failed
    (second,) = set(threads) - {first}
    threads[second].start()
    if db_url.startswith("postgresql"):  # the second is waiting for the first
        with Session(get_engine(db_url)) as watch:
            for _ in range(600):
                waiting = watch.execute(sa.text("SELECT count(*) FROM pg_locks WHERE NOT granted"))
                if waiting.scalar_one():
                    break
                watch.rollback()
                time.sleep(0.05)
            else:
                pytest.fail(f"the {second} never waited for the {first}")
    go.set()
    for thread in threads.values():
        thread.join(timeout=60)
    assert failed == []
    if first == "merge":
        assert placed == [ridge]
        assert session.get(Story, bay) is None
    else:
        assert placed == [bay]
        assert [a.title for a in session.exec(select(Article).where(Article.story_id == bay))] == [
            LATER_BAY[0]
        ]
    assert {story_of(session, i) for i in mixed.values()} == {ridge}
