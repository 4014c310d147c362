"""pyproject.toml declares every package factcheck imports, and nothing it does not."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Declared for what they do, not imported by name: drivers, plug-ins, extras.
NOT_IMPORTED = {"lxml-html-clean", "psycopg"}


def _imported() -> set[str]:
    names: set[str] = set()
    for path in [ROOT / "app.py", *(ROOT / "factcheck").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"factcheck", "__future__"}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    specs = [*project["dependencies"], *extras["postgres"], *extras["parser"]]
    return {_canonical(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs}


def test_every_imported_package_is_declared() -> None:
    owners = packages_distributions()
    imported = {_canonical(owners[name][0]) for name in _imported()}
    assert imported - _declared() == set()


def test_every_declared_package_is_imported() -> None:
    owners = packages_distributions()
    imported = {_canonical(owners[name][0]) for name in _imported()}
    assert _declared() - imported - NOT_IMPORTED == set()
