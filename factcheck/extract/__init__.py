"""Clean text → numeric and attributed claims with exact spans (pure: no database).

>>> [c.quote for c in extract_claims("Officials said 1,200 people were killed.")]
['1,200', '1,200 people were killed']

The extractor's patterns are built from factcheck.extract.lexicon when the engine is first
imported (on first use of a name below), so a lexicon entry added before that is read too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import extract_claims
    from .model import resolve_parser_model
    from .types import Found

__all__ = ["Found", "extract_claims", "resolve_parser_model"]


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
