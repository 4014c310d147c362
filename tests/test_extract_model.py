"""The parser model: optional; without it the rules alone run and nothing is downloaded."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

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


def test_a_parse_gives_the_subject_as_speaker_and_the_clause_as_content() -> None:
    """The model path reads "<subject> <cue verb> <clause>" from a parse (here given by hand,
    as a trained pipeline would give it; spaCy itself is the `parser` extra)."""
    spacy = pytest.importorskip("spacy", reason="spaCy is optional: pip install factcheck[parser]")
    from spacy.tokens import Doc

    from factcheck.extract.sentences import split_sentences

    text = "Officials believe the dam will hold ."
    words = text.split()
    vocab = spacy.blank("en").vocab
    doc = Doc(
        vocab,
        words=words,
        heads=[1, 1, 3, 5, 5, 1, 1],
        deps=["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
        pos=["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
    )
    found = model.parsed_attributions(lambda _: doc, text, split_sentences(text))  # type: ignore[arg-type]
    assert [(text[a.start : a.end], a.speaker, a.cue) for a in found] == [
        ("the dam will hold", "Officials", "believe")
    ]


def test_the_default_path_never_imports_spacy() -> None:
    code = (
        "import sys; from factcheck.extract import extract_claims; "
        "extract_claims('The mayor said 300 homes were flooded.'); print('spacy' in sys.modules)"
    )
    env = {"FACTCHECK_SPACY_MODEL": "no_such_spacy_model_xyz", "PATH": "/usr/bin:/bin"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr
