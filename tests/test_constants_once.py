"""A module-level constant is defined once: two helpers' merges once left two FIRM_NAME_ENDS in
one lexicon module, the second silently replacing the first (and its firm names)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import factcheck

ROOT = Path(factcheck.__file__).parent


def _constants(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return names


def test_no_module_defines_a_constant_twice() -> None:
    twice = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted(ROOT.rglob("*.py"))
        for name, n in Counter(_constants(ast.parse(path.read_text()))).items()
        if n > 1
    }
    assert not twice, f"defined more than once: {sorted(twice)}"


def test_the_check_sees_a_second_definition() -> None:
    tree = ast.parse('A = word_set("x")\nB = 1\nA = word_set("y")\n')
    assert Counter(_constants(tree))["A"] == 2
