"""Build factcheck with its extractor compiled by mypyc, or pure Python when it cannot be.

Metadata lives in pyproject.toml; this file only decides whether factcheck/extract is compiled.
`pip install .` (a wheel) compiles the extractor's modules to C extensions (about 1.5x faster,
README "Development"). It stays pure Python, with a warning saying why, when:
- the build is editable (`pip install -e .`): the compiled files would sit next to the .py files
  in the checkout and silently shadow every later edit. setuptools' PEP 660 hook
  (build_meta.build_editable) runs this file with the `editable_wheel` command, and the legacy
  path with `develop`; either in sys.argv means editable;
- FACTCHECK_PURE=1 is set;
- compiling fails (mypy/mypyc missing, no C compiler, no Python headers).
Metadata-only runs (egg_info, dist_info, sdist) compile nothing.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import BaseError, CCompilerError

EXTRACT = Path("factcheck", "extract")
# Kept pure: the package __init__ files (a compiled module-level __getattr__ crashes on import),
# model.py, which reaches into spaCy's untyped objects, and voices.py, read at ingest and not by
# extract_claims, so not compared with its compiled self by tests/test_extract_compiled.py.
PURE = {"__init__.py", "model.py", "voices.py"}
EDITABLE_COMMANDS = {"editable_wheel", "develop"}
BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}
GROUP = "factcheck_extract"  # mypyc's shared module: factcheck_extract__mypyc, top level


def compiled_modules(package: Path = EXTRACT) -> list[str]:
    """The extractor's source files mypyc compiles (package: its folder), sorted."""
    folders = (package, package / "lexicon")
    return sorted(
        str(path) for folder in folders for path in folder.glob("*.py") if path.name not in PURE
    )


def pure_reason(argv: list[str]) -> str | None:
    """Why this build stays pure Python (None: compile), from the environment and commands."""
    if os.environ.get("FACTCHECK_PURE") == "1":
        return "FACTCHECK_PURE=1 is set"
    if EDITABLE_COMMANDS & set(argv):
        return "editable install: compiled files in the checkout would shadow every edit"
    if not BUILD_COMMANDS & set(argv):
        return ""  # metadata or sdist only: nothing to compile, nothing to say
    return None


def _fall_back(why: object) -> None:
    warnings.warn(
        f"factcheck: the extractor is installed as pure Python (about 1.5x slower): {why}",
        stacklevel=1,
    )


class OptionalBuildExt(build_ext):  # type: ignore[misc]  # setuptools: untyped here
    """build_ext that installs pure Python, with a warning, when the C build fails."""

    def run(self) -> None:
        try:
            super().run()
        except (BaseError, CCompilerError, OSError) as error:
            for extension in self.extensions:  # a half-built set would fail on import
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            _fall_back(f"compiling failed ({error}); a C compiler and Python headers are needed")


def extensions() -> list[object]:
    """mypyc's extension modules for this build, or none (see pure_reason)."""
    reason = pure_reason(sys.argv)
    if reason is not None:
        if reason:
            _fall_back(reason)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _fall_back("mypyc is not installed (it ships with mypy: pip install mypy)")
        return []
    try:
        return list(mypycify(compiled_modules(), opt_level="3", group_name=GROUP))
    except (SystemExit, Exception) as error:  # mypy reports type errors by exiting
        _fall_back(f"mypyc could not compile the extractor ({error!r})")
        return []


if __name__ == "__main__":  # as setuptools runs it; tests import compiled_modules
    setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
