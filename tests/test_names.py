"""Names: invisible characters and case never make two outlets or speakers of one."""

from __future__ import annotations

from factcheck.names import clean_name, mixed_scripts, name_key


def test_zero_width_and_bidi_characters_are_removed_for_display() -> None:
    assert clean_name("Valley\u200b  Post\u202e") == "Valley Post"


def test_keys_fold_case_width_and_diacritics() -> None:
    assert name_key("ＶＡＬＬＥＹ Post") == name_key("valley post")
    assert name_key("Hélène Dubois") == name_key("Helene DUBOIS")


def test_a_cyrillic_look_alike_is_a_different_key_and_is_flagged() -> None:
    lookalike = "V\u0430lley Post"  # Cyrillic a
    assert name_key(lookalike) != name_key("Valley Post")
    assert mixed_scripts(lookalike)
    assert not mixed_scripts("Valley Post")
    assert not mixed_scripts("Москва Post")  # two scripts in two words is a real name
