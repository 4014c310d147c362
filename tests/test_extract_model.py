"""The parser model: optional; without it the rules alone run and nothing is downloaded."""

from __future__ import annotations

import importlib.util

import pytest

from factcheck.extract import extract_claims, model, resolve_parser_model


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Forget any model loaded by an earlier test; the returned monkeypatch sets the env var."""
    monkeypatch.setattr(model, "_loaded", {})
    return monkeypatch


def test_a_missing_model_falls_back_to_the_rules(fresh_cache: pytest.MonkeyPatch) -> None:
    fresh_cache.setenv(model.MODEL_ENV, "no_such_spacy_model_xyz")
    assert resolve_parser_model() is None
    claims = extract_claims("The mayor said 300 homes were flooded.")
    assert [(c.quote, c.speaker) for c in claims] == [
        ("300", "the mayor"),
        ("300 homes were flooded", "the mayor"),
    ]


def test_a_fresh_cache_that_is_not_a_package_is_refused(fresh_cache: pytest.MonkeyPatch) -> None:
    fresh_cache.setenv(model.MODEL_ENV, "../../etc/passwd")
    assert resolve_parser_model() is None


def test_the_model_is_loaded_once(fresh_cache: pytest.MonkeyPatch) -> None:
    fresh_cache.setenv(model.MODEL_ENV, "no_such_spacy_model_xyz")
    resolve_parser_model()
    assert list(model._loaded) == ["no_such_spacy_model_xyz"]


@pytest.mark.skipif(
    importlib.util.find_spec(model.DEFAULT_MODEL) is None,
    reason=f"spaCy model {model.DEFAULT_MODEL} is not installed (it is optional)",
)
def test_the_installed_model_adds_parsed_attributions(fresh_cache: pytest.MonkeyPatch) -> None:
    fresh_cache.setenv(model.MODEL_ENV, model.DEFAULT_MODEL)
    assert resolve_parser_model() is not None
    text = "Officials in the region believe the dam will hold through the winter."
    claims = [c for c in extract_claims(text) if c.kind == "attributed"]
    assert any("dam will hold" in c.quote for c in claims)
