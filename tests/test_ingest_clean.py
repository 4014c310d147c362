"""The plain-text cleaner: furniture goes, article text stays, offsets map back exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.ingest import Cleaned, clean_text

STORY = """Ferry service to Lark Island resumes after storm

Ferry service to Lark Island resumes after storm

Share on:

Facebook Logo X Logo WhatsApp Logo

The first ferry in nine days left Saltmarsh harbour at 7 a.m. on Friday with 212 passengers,
the operator said.

"We are relieved to be moving again," captain Hilde Barrow said.

Advertisement

The operator estimated that the storm cost it about 1.3 million euros in lost fares.

Category Link

Saltmarsh Gazette (saltmarshgazette.com) is your go-to news portal for the coast, delivering
breaking news every morning.
"""


def assert_maps_back(source: str, cleaned: Cleaned) -> None:
    for i, ch in enumerate(cleaned.text):
        assert source[cleaned.source_offset(i)] == ch, (i, ch)


def test_share_logo_and_label_lines_are_dropped() -> None:
    clean = clean_text(STORY).text
    for furniture in ("Share on:", "Facebook Logo", "Advertisement", "Category Link"):
        assert furniture not in clean


def test_a_repeated_headline_is_kept_once() -> None:
    clean = clean_text(STORY).text
    assert clean.count("Ferry service to Lark Island resumes after storm") == 1
    assert clean.startswith("Ferry service to Lark Island resumes after storm\n\nThe first ferry")


def test_the_outlets_closing_blurb_is_dropped_and_the_story_kept() -> None:
    clean = clean_text(STORY).text
    assert "go-to news portal" not in clean
    assert clean.endswith("about 1.3 million euros in lost fares.")
    assert '"We are relieved to be moving again," captain Hilde Barrow said.' in clean


def test_every_kept_character_maps_back_to_the_same_character() -> None:
    cleaned = clean_text(STORY)
    assert_maps_back(STORY, cleaned)


def test_windows_line_endings_and_trailing_spaces_map_back() -> None:
    source = STORY.replace("\n", "  \r\n")
    cleaned = clean_text(source)
    assert "\r" not in cleaned.text and " \n" not in cleaned.text
    assert cleaned.text == clean_text(STORY).text
    assert_maps_back(source, cleaned)


def test_a_blurb_in_the_middle_of_an_article_is_kept() -> None:
    text = (
        "The council voted 9 to 2 for the new bus lanes.\n\n"
        "Stay informed: the council's own news portal (marlow.gov.in) lists every vote.\n\n"
        "Work starts in May."
    )
    assert clean_text(text).text == text


def test_a_one_paragraph_text_is_never_emptied_as_a_blurb() -> None:
    text = "Subscribe to breaking news from your trusted news hub, example.com."
    assert clean_text(text).text == text


def test_article_sentences_about_sharing_and_logos_stay() -> None:
    text = (
        "Share prices fell 4% after the logo change.\n"
        "Shareholders said the new Logo was a mistake.\n"
        "Facebook, the company said, will appeal."
    )
    assert clean_text(text).text == text


def test_short_lines_that_repeat_are_kept() -> None:
    text = "Results:\nYes\nNo\nYes\n"
    assert clean_text(text).text == "Results:\nYes\nNo\nYes"


def test_markdown_heading_marks_and_rules_go() -> None:
    source = "# Harbour reopens\n\n---\n\nThe harbour reopened on Monday.\n"
    cleaned = clean_text(source, markdown=True)
    assert cleaned.text == "Harbour reopens\n\nThe harbour reopened on Monday."
    assert_maps_back(source, cleaned)


def test_an_offset_outside_the_clean_text_is_refused() -> None:
    cleaned = clean_text("One line.")
    with pytest.raises(IndexError):
        cleaned.source_offset(len(cleaned.text))


lines = st.sampled_from(
    [
        "",
        "   ",
        "Share on:",
        "X Logo Facebook Logo",
        "Category Link",
        "The mayor said 40 people were rescued.",
        "The mayor said 40 people were rescued.",
        "Your trusted news hub, delivering breaking news (town.com).",
        "Water levels fell by 2 metres overnight.",
    ]
) | st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(st.lists(lines, max_size=30), st.sampled_from(["\n", "\r\n", "\n\n"]), st.booleans())
def test_any_text_cleans_without_error_and_maps_back(
    parts: list[str], newline: str, markdown: bool
) -> None:
    source = newline.join(parts)
    cleaned = clean_text(source, markdown=markdown)
    assert_maps_back(source, cleaned)
    assert cleaned.text == cleaned.text.strip("\n")


def test_the_seed_article_loses_its_furniture_and_keeps_every_sentence(shared: Path) -> None:
    source = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    cleaned = clean_text(source)
    assert_maps_back(source, cleaned)
    for furniture in (
        "Share on:",
        "WhatsApp Logo",
        "Barta Logo",
        "Category Link",
        "is your trusted online news hub",
        "your window to the world",
    ):
        assert furniture not in cleaned.text
    standfirst = "Hamas offers a truce, but Netanyahu refuses it"
    assert source.count(standfirst) == 2 and cleaned.text.count(standfirst) == 1
    article_part = source[: source.index("Barta Logo")]
    sentences = [s.strip() for s in re.split(r"\n+|(?<=[.!?\"])\s+", article_part)]
    kept = [s for s in sentences if s and s != "Share on:" and "Logo" not in s]
    assert len(kept) > 30
    for sentence in kept:
        assert sentence in cleaned.text
