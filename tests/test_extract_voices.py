"""Reading whom a person speaks for: each shape, and the look-alikes that link nothing."""

from __future__ import annotations

import pytest

from factcheck.extract.voices import Voice, spokespeople


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rain closed the pass. Ferry board spokeswoman Maren Toft said crews were ready.",
            Voice("Maren Toft", "Ferry board", "spokeswoman"),
        ),
        (
            "The Holm Rowing Club's chairman, Per Lund, said the regatta would go ahead.",
            Voice("Per Lund", "Holm Rowing Club", "chairman"),
        ),
        (
            "Toft, a spokeswoman for the board, said no sailing was cancelled.",
            Voice("Toft", "board", "spokeswoman"),
        ),
        (
            "Ivo Brandt, head of the Drummond Valley Water Trust, said the pipes were old.",
            Voice("Ivo Brandt", "Drummond Valley Water Trust", "head"),
        ),
        (
            "Lise Amund, the bakery chain's chief executive, said prices would rise.",
            Voice("Lise Amund", "bakery chain", "chief executive"),
        ),
        (
            "Otto Ferm, who has led Ferm Freight since 2009, denied the claim.",
            Voice("Otto Ferm", "Ferm Freight", "has led"),
        ),
        (
            "Ms Kaur of the Orlen Harbour Board said the quay was shut.",
            Voice("Ms Kaur", "Orlen Harbour Board", "of"),
        ),
    ],
)
def test_each_shape_names_the_person_and_the_body(text: str, expected: Voice) -> None:
    assert expected in spokespeople(text)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Ada Rell said the talks were over.",  # an office, no body beside it
        "Jan Vos, a resident of the old town, said the water was brown.",  # not a role
        "Otto Ferm, who runs a small ferry firm, denied the claim.",  # no one body: "a firm"
        "Ada Rell, a former president, said she had not been told.",  # a role of no body
    ],
)
def test_words_that_name_no_body_link_nothing(text: str) -> None:
    assert spokespeople(text) == []


def test_a_body_read_back_from_its_role_stops_at_the_clause() -> None:
    text = "Levels fell, said the harbour authority spokesman Emil Rask. He added more."
    assert spokespeople(text) == [Voice("Emil Rask", "harbour authority", "spokesman")]


def test_a_body_read_forward_stops_after_its_name() -> None:
    text = "Otto Ferm, who runs Ferm Freight since the war ended, said so."
    assert [v.body for v in spokespeople(text)] == ["Ferm Freight"]


# Session 16: a live blog's entries open with their time ("14:05 - "); sentences invented here.
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("14:05 - Movement spokesman Idris Halvar repeats that the lists are ready.", "Movement"),
        ("09:10 - Harbour Authority spokeswoman Ana Ruiz says 40 ships wait.", "Harbour Authority"),
    ],
)
def test_a_live_blog_time_is_no_part_of_the_body(text: str, body: str) -> None:
    assert [v.body for v in spokespeople(text)] == [body]


# Pattern: BODY …. Its|Their ROLE, NAME — the body the possessive stands for, named before.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Tarn Valley Movement disputes that. Its spokesman, Ivo Marsh, said 70 trucks "
            "had crossed.",
            Voice("Ivo Marsh", "Tarn Valley Movement", "spokesman"),
        ),
        (
            "The Green Lamp Society carried out 74 wounded, and their spokeswoman, Ada Pirell, "
            "told me the road was clear.",
            Voice("Ada Pirell", "Green Lamp Society", "spokeswoman"),
        ),
        (
            "The army says fewer than fifty remain, and its spokesman, Colonel Dan Hesk, argues "
            "they are fighters.",
            Voice("Colonel Dan Hesk", "army", "spokesman"),
        ),
        (
            "The NDRA opened 40 shelters. Its spokeswoman, Mia Fenn, said more would open.",
            Voice("Mia Fenn", "NDRA", "spokeswoman"),
        ),
    ],
)
def test_its_role_names_the_body_named_before(text: str, expected: Voice) -> None:
    assert spokespeople(text) == [expected]


def test_its_role_after_a_person_names_no_body() -> None:
    text = "Ana Ruiz met the mayor on Monday. Its spokesman, Tom Lee, said the talks went well."
    assert spokespeople(text) == []
