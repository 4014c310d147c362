"""Small helpers for the word lists that the extractors keep as readable blocks of text."""

from __future__ import annotations


def word_set(block: str) -> frozenset[str]:
    """Return the whitespace-separated words of block as a frozenset."""
    return frozenset(block.split())
