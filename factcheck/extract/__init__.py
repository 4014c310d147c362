"""Clean text → numeric and attributed claims with exact spans (pure: no database).

>>> [c.quote for c in extract_claims("Officials said 1,200 people were killed.")]
['1,200', '1,200 people were killed']

The extractor's patterns are built from factcheck.extract.lexicon when the engine is first
imported (on first use of a name below), so a lexicon entry added before that is read too.
A wheel (`pip install .`) holds the extractor's modules compiled by mypyc (setup.py);
is_compiled() says which one runs.
"""

from __future__ import annotations

from importlib.machinery import ExtensionFileLoader
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import extract_claims
    from .model import resolve_parser_model
    from .types import Found

__all__ = ["Found", "build_name", "extract_claims", "is_compiled", "resolve_parser_model"]


def is_compiled() -> bool:
    """True when the engine imports as a C extension (mypyc), False when it is pure Python."""
    spec = find_spec(f"{__name__}.engine")  # finds, never imports: no pattern is built
    return spec is not None and isinstance(spec.loader, ExtensionFileLoader)


def build_name() -> str:
    """How the extractor runs, as `factcheck --version` and the benchmark print it."""
    return "compiled (mypyc)" if is_compiled() else "pure Python"


def __getattr__(name: str) -> Any:
    """Import the engine on first use: importing the lexicon alone builds no pattern."""
    if name == "extract_claims":
        from .engine import extract_claims

        return extract_claims
    if name == "resolve_parser_model":
        from .model import resolve_parser_model

        return resolve_parser_model
    if name == "Found":
        from .types import Found

        return Found
    raise AttributeError(name)
