"""Clean text → numeric and attributed claims with exact spans (pure: no database).

>>> [c.quote for c in extract_claims("Officials said 1,200 people were killed.")]
['1,200', '1,200 people were killed']
"""

from .engine import extract_claims
from .model import resolve_parser_model
from .types import Found

__all__ = ["Found", "extract_claims", "resolve_parser_model"]
