"""Every shortcut grouping takes for speed answers as the plain comparison it replaced.

Candidates are dismissed before their values are read when no new article of their key is
near theirs, and the near ones are found through the names the articles share (_Reach):
for any articles that is exactly "some new article within WINDOW and same_topic with it".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.comparable import same_topic
from factcheck.groups import WINDOW, _Article, _Reach

DAY0 = datetime(2025, 3, 1, tzinfo=UTC)
NAMES = st.frozensets(st.sampled_from(["amara", "bexley", "corran", "dunmore", "elgin"]))
ARTICLES = st.builds(
    _Article, at=st.integers(-90, 90).map(lambda d: DAY0 + timedelta(days=d)), topics=NAMES
)


def plain_near(news: list[_Article], old: _Article) -> bool:
    """The comparison _Reach replaces: every new article against the candidate's."""
    return any(
        abs(old.at - new.at) <= WINDOW and same_topic(new.topics, old.topics) for new in news
    )


@settings(max_examples=500, deadline=None)
@given(news=st.lists(ARTICLES, max_size=8), old=ARTICLES)
def test_reach_finds_a_near_article_exactly_when_comparing_each_does(
    news: list[_Article], old: _Article
) -> None:
    reach = _Reach()
    for article_id, article in enumerate(news):
        reach.add(article_id, article)
    assert reach.near(old) == plain_near(news, old)


def test_a_candidate_sharing_one_of_three_names_is_not_near() -> None:
    reach = _Reach()
    reach.add(1, _Article(DAY0, frozenset({"amara", "bexley", "corran"})))
    assert not reach.near(_Article(DAY0, frozenset({"amara", "dunmore", "elgin"})))
    assert reach.near(_Article(DAY0, frozenset({"amara", "bexley", "elgin"})))


def test_a_candidate_outside_the_window_is_not_near_even_about_the_same_names() -> None:
    reach = _Reach()
    reach.add(1, _Article(DAY0, frozenset({"amara", "bexley"})))
    late = DAY0 + WINDOW + timedelta(days=1)
    assert not reach.near(_Article(late, frozenset({"amara", "bexley"})))
    assert reach.near(_Article(DAY0 + WINDOW, frozenset({"amara", "bexley"})))
