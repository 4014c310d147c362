"""The story page's "Move articles" under AppTest: an editor moves the second fire's articles
out of the first fire's story; a reviewer is not offered it; an error is a message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from factcheck.models import Article, Role, Story, User
from factcheck.ui.common import plain
from tests.factories import make_user
from tests.test_stories_move import BAY, RIDGE, ingest
from tests.test_ui_pages import open_page, session_on, texts


@pytest.fixture
def url(sqlite_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", sqlite_db)
    yield sqlite_db


def mixed(url: str) -> tuple[User, dict[str, int], int]:
    """An editor, the four articles by name and the one story they all sit in."""
    with session_on(url) as s:
        editor = make_user(s, role=Role.EDITOR)
        ids = {n: ingest(s, editor, piece) for n, piece in {**RIDGE, **BAY}.items()}
        (story,) = s.exec(select(Story.id)).all()
        return editor, ids, story or 0


def stories_of(url: str) -> dict[str, int | None]:
    with session_on(url) as s:
        return {a.title: a.story_id for a in s.exec(select(Article))}


def test_an_editor_moves_the_second_fire_into_a_story_of_its_own(url: str) -> None:
    editor, ids, story = mixed(url)
    at = open_page("stories", editor, story=story)
    assert not at.exception
    chosen = at.multiselect(key=f"move_{story}")
    assert chosen.options == [  # every article of the story, dated, by outlet, as written
        f"2026-08-{4 + day:02d} · {outlet} · {title}"
        for title, day, outlet, _ in (*RIDGE.values(), *BAY.values())
    ]
    chosen.set_value([ids["bay-wire"], ids["bay-herald"]])
    at.run()
    at.button(key=f"move_go_{story}").click()
    at.run()
    assert not at.exception and not at.error
    placed = stories_of(url)
    bay = placed[BAY["bay-wire"][0]]
    assert bay not in (None, story) and placed[BAY["bay-herald"][0]] == bay
    assert placed[RIDGE["ridge-courier"][0]] == story
    assert [t.value for t in at.toast] == [
        f"2 articles moved to story #{bay}: {plain(BAY['bay-wire'][0])}."
    ]
    # The page now offers the two articles left, and the bay's story as a place to move to.
    assert len(at.multiselect(key=f"move_{story}").options) == 2
    assert at.selectbox(key=f"move_to_{story}").options == [
        "A new story of their own",
        f"#{bay} · {BAY['bay-wire'][0]}",
    ]


def test_moving_every_article_into_another_story_opens_that_story(url: str) -> None:
    editor, ids, story = mixed(url)
    at = open_page("stories", editor, story=story)
    at.multiselect(key=f"move_{story}").set_value([ids["bay-wire"], ids["bay-herald"]])
    at.run()
    at.button(key=f"move_go_{story}").click()
    at.run()
    bay = stories_of(url)[BAY["bay-wire"][0]] or 0
    at = open_page("stories", editor, story=bay)
    at.multiselect(key=f"move_{bay}").set_value([ids["bay-wire"], ids["bay-herald"]])
    at.selectbox(key=f"move_to_{bay}").set_value(story)
    at.run()
    at.button(key=f"move_go_{bay}").click()
    at.run()
    assert not at.exception
    assert set(stories_of(url).values()) == {story}
    assert at.query_params["story"] == str(story)  # the emptied story is gone
    assert RIDGE["ridge-wire"][0] in texts(at)


def test_a_reviewer_sees_the_story_but_no_move(url: str) -> None:
    _, _, story = mixed(url)
    with session_on(url) as s:
        reviewer = make_user(s, role=Role.REVIEWER)
    at = open_page("stories", reviewer, story=story)
    assert not at.exception
    assert not [m for m in at.multiselect if m.key == f"move_{story}"]
    assert "Move articles out of this story" not in [e.label for e in at.expander]
