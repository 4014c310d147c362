"""Extraction time grows linearly with its input, hostile inputs included (issue 12, item 3);
so does voices.spokespeople, which ingest runs on every article's text.

For each input of tests/extract_hostile.py the size is doubled from where one run takes at
least MIN_SECONDS; the best of three runs at each size (six when the first three disagree) must
grow by at most MAX_GROWTH. Times are this process's CPU time, and the test asserts a ratio,
not an absolute time, so other work on a shared machine does not count. Before the fix
(e112a22) a digit run grew 4.6x per doubling (8 KB 1.9 s, 16 KB 8.8 s), "the minister said
that …" 6.7x, "according to …" 3.5x. tests/perf/bench_extract_growth.py prints the table.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from factcheck.extract import extract_claims
from factcheck.extract.voices import spokespeople
from tests.extract_hostile import HOSTILE, VOICE_HOSTILE

MAX_GROWTH = 2.5
MIN_SECONDS = 0.25
START, LARGEST = 8_000, 2_048_000  # a fast reader grows until it takes MIN_SECONDS: timer noise


def _best_of(text: str, runs: int = 3, read: Callable[[str], object] = extract_claims) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        read(text)
        best = min(best, time.process_time() - started)
    return best


READERS: dict[str, Callable[[str], object]] = {
    "extract_claims": extract_claims,
    "voices.spokespeople": spokespeople,
}
CASES = [
    (reader, name, HOSTILE[name]) for reader in ("extract_claims",) for name in sorted(HOSTILE)
]
CASES += [
    (reader, name, VOICE_HOSTILE[name]) for reader in READERS for name in sorted(VOICE_HOSTILE)
]


@pytest.mark.parametrize(("reader", "name", "build"), CASES)
def test_doubling_the_input_at_most_doubles_the_time(
    reader: str, name: str, build: Callable[[int], str]
) -> None:
    read = READERS[reader]
    size = START
    while size < LARGEST and _best_of(build(size), runs=1, read=read) < MIN_SECONDS:
        size *= 2
    small, large = _best_of(build(size), read=read), _best_of(build(2 * size), read=read)
    if large / small > MAX_GROWTH:  # other work on a shared machine: measure once more
        small = min(small, _best_of(build(size), read=read))
        large = min(large, _best_of(build(2 * size), read=read))
    assert large / small <= MAX_GROWTH, f"{name}: {size} chars {small:.3f}s, twice {large:.3f}s"
