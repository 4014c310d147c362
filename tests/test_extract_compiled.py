"""The extractor compiled by mypyc (what `pip install .` installs) finds exactly what the pure
Python one finds.

mypyc turns annotations into checks at run time: a value that breaks one (an int in a float
slot, None where a str is declared) raises TypeError in the compiled build only, and every other
test runs the pure one. This test compiles a copy of factcheck/extract, with setup.py's choice
of modules, imports it beside the pure package and compares the to_dict() of every claim on
the seed article, every text of the labelled sets in tests/data, the benchmark's news and
dense articles, and the hostile inputs of tests/extract_hostile.py.

CI cost: the build takes about 85 s of CPU (mypyc, then the C compiler) once per change of
the extractor's sources: it is kept under pytest's temporary root, keyed by their hash, and
reused by later sessions; the comparisons take about 15 s more. Skipped, with the reason,
where there is no C compiler or no Python headers.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
import inspect
import json
import os
import runpy
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import factcheck.extract
from factcheck.extract import extract_claims
from tests.extract_hostile import HOSTILE
from tests.perf.bench_extract import extractor_copy, make_articles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
NAME = "compiled_extract"  # the copy's package name, so that it imports beside factcheck's
HOSTILE_SIZE = 20_000


def _missing_toolchain() -> str | None:
    """Why no extension can be compiled here, or None."""
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    if shutil.which(compiler.split()[0]) is None:
        return f"no C compiler ({compiler!r} is not on PATH): mypyc needs one"
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    if not headers.is_file():
        return f"no Python headers ({headers} is missing: install python3-dev)"
    return None


def _sources_key(source: Path) -> str:
    """A hash of the extractor's sources, the module choice and the tools that compile them."""
    digest = hashlib.sha256((ROOT / "setup.py").read_bytes())
    digest.update(f"{sys.version} {importlib.metadata.version('mypy')}".encode())
    for path in sorted(source.rglob("*.py")):
        digest.update(path.relative_to(source).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _compile(folder: Path) -> None:
    """Copy the extractor into folder as NAME and compile it there, as setup.py does."""
    extractor_copy(folder, NAME)
    compiled_modules = runpy.run_path(str(ROOT / "setup.py"), run_name="setup")["compiled_modules"]
    modules = [str(Path(path).relative_to(folder)) for path in compiled_modules(folder / NAME)]
    build = subprocess.run(
        [sys.executable, "-m", "mypyc", *modules],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert build.returncode == 0, f"mypyc failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    shutil.rmtree(folder / "build")  # the generated C: tens of MB, not needed to import


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The engine module of a compiled copy of the extractor, built once per source change."""
    if reason := _missing_toolchain():
        pytest.skip(reason)
    source = Path(factcheck.extract.__file__).parent
    # pytest keeps its last few session roots under this parent: the cache outlives a session.
    folder = tmp_path_factory.getbasetemp().parent / f"compiled-extract-{_sources_key(source)}"
    if not folder.is_dir():
        partial = tmp_path_factory.mktemp("compiling")
        _compile(partial)
        try:
            partial.rename(folder)
        except OSError:  # another session finished the same build first
            assert folder.is_dir()
    sys.path.insert(0, str(folder))
    try:
        engine = importlib.import_module(f"{NAME}.engine")
        yield engine
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m == NAME or m.startswith(f"{NAME}.")]:
            del sys.modules[name]


def _labelled_texts() -> Iterator[tuple[str, str]]:
    """(name, text) of every article and case in tests/data's extraction and story sets."""
    for path in sorted((ROOT / "tests" / "data").glob("*.json")):
        if not path.name.startswith(("extract_", "stories_")):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data.get("articles", []) + data.get("cases", []):
            text = item["text"] if "text" in item else "\n".join(item["lines"])
            yield f"{path.name}#{item['id']}", text


def _texts(group: str) -> list[tuple[str, str]]:
    if group == "seed":
        if not SEED.is_file():
            pytest.skip(f"the shared seed is not beside this checkout ({SEED})")
        return [("seed", SEED.read_text(encoding="utf-8"))]
    if group == "labelled sets":
        return list(_labelled_texts())
    if group == "hostile inputs":
        return [(name, build(HOSTILE_SIZE)) for name, build in sorted(HOSTILE.items())]
    mix = group.removeprefix("bench ")
    return [(f"{mix}#{i}", text) for i, text in enumerate(make_articles(200, 7, mix=mix))]


def _claims(extract: Callable[[str], list[Any]], name: str, text: str) -> list[dict[str, object]]:
    try:
        return [claim.to_dict() for claim in extract(text)]
    except Exception as error:  # name the text: a TypeError alone does not say where
        raise AssertionError(f"{name}: {error!r}") from error


def test_the_copy_runs_compiled(compiled: ModuleType) -> None:
    assert compiled.__file__ is not None
    assert compiled.__file__.endswith(tuple(EXTENSION_SUFFIXES)), compiled.__file__


@pytest.mark.parametrize(
    "group", ["seed", "labelled sets", "bench news", "bench dense", "hostile inputs"]
)
def test_compiled_and_pure_find_the_same_claims(compiled: ModuleType, group: str) -> None:
    texts = _texts(group)
    assert texts
    differ = []
    for name, text in texts:
        pure = _claims(extract_claims, name, text)
        fast = _claims(compiled.extract_claims, name, text)
        if fast != pure:
            first = next(
                (p, c) for p, c in zip([*pure, None], [*fast, None], strict=False) if p != c
            )
            differ.append(f"{name}: pure {first[0]}, compiled {first[1]}")
    assert not differ, f"{len(differ)} of {len(texts)} texts differ; " + "\n".join(differ[:3])


def _written_out_inits() -> list[type]:
    """The extractor's dataclasses whose __init__ is written in their module, not generated."""
    extract = [m for name, m in sys.modules.items() if name.startswith("factcheck.extract.")]
    return [
        cls
        for module in extract
        for cls in vars(module).values()
        if isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and cls.__module__ == module.__name__
        and "__init__" in vars(cls)
        and vars(cls)["__init__"].__code__.co_filename == module.__file__
    ]


def test_written_out_inits_take_and_set_every_field_as_dataclasses_would() -> None:
    importlib.import_module("factcheck.extract.engine")  # and with it every module it reads
    classes = _written_out_inits()
    assert {"Found", "Sentence", "Core", "Quantity"} <= {c.__name__ for c in classes}
    for cls in classes:
        fields = dataclasses.fields(cls)
        parameters = inspect.signature(cls).parameters.values()
        assert [(p.name, p.default) for p in parameters] == [
            (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
            for f in fields
        ], cls
        values = [object() for _ in fields]  # a distinct value for each: none is swapped
        made = cls(*values)
        assert all(getattr(made, f.name) is v for f, v in zip(fields, values, strict=True)), cls
