"""Benchmark: extraction time on hostile inputs as they double, with the growth per doubling.

Usage: python tests/perf/bench_extract_growth.py [--start 62500] [--steps 5]
Prints, for each input of tests/extract_hostile.py, the best of three CPU times at each size, the
ratio per doubling (linear: about 2) and the time per megabyte at the largest size. It never
fails on time; tests/test_extract_linear.py holds the limit.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from factcheck.extract import extract_claims  # noqa: E402
from tests.extract_hostile import HOSTILE  # noqa: E402


def _best_of_three(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        extract_claims(text)
        best = min(best, time.process_time() - started)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    """Print the growth table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=62_500)
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [args.start * 2**i for i in range(args.steps)]
    head = "".join(f"{f'{s // 1000} KB s':>10}" for s in sizes)
    print(f"{'input':<30}{head}{'max ratio':>11}{'s per MB':>10}")
    for name, build in HOSTILE.items():
        times = [_best_of_three(build(size)) for size in sizes]
        ratios = [b / a for a, b in zip(times, times[1:], strict=False)]
        cells = "".join(f"{t:>10.3f}" for t in times)
        per_mb = times[-1] / (sizes[-1] / 1e6)
        print(f"{name:<30}{cells}{max(ratios):>11.2f}{per_mb:>10.1f}", flush=True)
    print("ratio: time at 2n / time at n (linear = 2; the test fails above 2.5)")


if __name__ == "__main__":
    main()
