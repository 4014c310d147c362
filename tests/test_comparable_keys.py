"""Measure keys of one counted thing written with or without a modifier (issue #10 §2/§3).

Invented wordings, written for these tests: what two outlets may print of one figure.
"""

from __future__ import annotations

import pytest

from factcheck.comparable import measure_key


@pytest.mark.parametrize(
    ("modified", "plain", "unit"),
    [
        # a kind named before the counted noun is detail one outlet keeps and another drops
        ("offshore trusts", "trusts", "trusts"),
        ("mobile clinics", "clinics", "clinics"),
        ("relief convoys", "convoys", "convoys"),
        ("diesel generators", "generators", "generators"),
        # a modifier that is a noun of an act is a modifier too
        ("donation boxes", "boxes", "boxes"),
        ("collection points", "points", "points"),
        # written with hyphens, or opening a fact box's label
        ("ship-to-shore cranes", "cranes", "cranes"),
        ("Emergency shelters open", "shelters open", "shelters"),
        ("Field-hospital beds", "beds", "beds"),
    ],
)
def test_a_modifier_before_a_counted_noun_does_not_part_its_key(
    modified: str, plain: str, unit: str
) -> None:
    assert measure_key(modified, unit) == measure_key(plain, unit)


@pytest.mark.parametrize(
    ("one", "other", "unit"),
    [
        # what happened to the things counted stays: "12 bridges damaged" is not "12 bridges"
        ("damaged bridges", "bridges", "bridges"),
        ("flooded cellars", "cellars", "cellars"),
        # a proper name or a people's name is a category a desk keeps apart
        ("Tarvian trawlers", "trawlers", "trawlers"),
        ("the Tarvian trawlers", "trawlers", "trawlers"),
        ("Danish trawlers", "trawlers", "trawlers"),
        ("Congolese fishing boats", "fishing boats", "boats"),
        # one of opposed kinds is a part of the things counted
        ("private clinics", "clinics", "clinics"),
        ("upper floors", "floors", "floors"),
        ("seasonal workers", "workers", "workers"),
        ("former employees", "employees", "employees"),
        # what people underwent keeps who they were: a child's death is not every death
        ("child deaths", "deaths", "deaths"),
        ("civilian casualties", "casualties", "casualties"),
    ],
)
def test_what_a_desk_tells_apart_keeps_its_own_key(one: str, other: str, unit: str) -> None:
    assert measure_key(one, unit) != measure_key(other, unit)


def test_a_measure_word_before_the_noun_stays() -> None:
    # "released", "destroyed" are measures: "30 released hostages" keeps what happened
    assert measure_key("destroyed homes", "homes") == "destroyed home"
    assert measure_key("ransom payments", "payments") == "payment ransom"


@pytest.mark.parametrize(
    ("noun", "verb", "past", "unit"),
    [
        # one act named by its noun, its -ing form or its participle: one key
        ("diversion", "diverting", "diverted", "crowns"),
        ("deletion", "deleting", "deleted", "files"),
        ("suspension", "suspending", "suspended", "licences"),
        ("completion", "completing", "completed", "homes"),
    ],
)
def test_an_act_named_by_its_noun_or_its_verb_has_one_key(
    noun: str, verb: str, past: str, unit: str
) -> None:
    assert measure_key(noun, unit) == measure_key(verb, unit) == measure_key(past, unit)


def test_other_acts_keep_their_own_keys() -> None:
    assert measure_key("reopening", "shops") != measure_key("closing", "shops")
    assert measure_key("deletion", "files") != measure_key("collection", "files")
    # a noun in -ion that names no act is left as written
    assert measure_key("stations", "stations") == "station"
    assert measure_key("duration of talks", "days") == "duration talk"
    assert measure_key("pensions", "pensions") == "pension"
    assert measure_key("injuring", "people") == "injured"
    # nor does a noun in -ing that names a thing or a time
    assert measure_key("buildings", "buildings") == "building"
    assert measure_key("morning shift", None) == "morning shift"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (("vaccine makers", "makers"), ("manufacturers", "manufacturers")),
        (("steel producers", "producers"), ("steel manufacturers", "manufacturers")),
        (("drug makers", "makers"), ("drug producers", "producers")),
    ],
)
def test_one_kind_of_thing_under_two_names_has_one_key(
    one: tuple[str, str], other: tuple[str, str]
) -> None:
    assert measure_key(*one) == measure_key(*other)
