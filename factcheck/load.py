"""Concurrent reviewers, simulated: many processes changing the status of the same claims.

Used by the load test (tests/perf/bench_concurrency.py) and its small version in the normal
test run. Each worker reads a claim, then writes a new status naming the version it saw, as
the app does; a Conflict is the expected answer when another worker got there first.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass

from factcheck.claims import get_claim
from factcheck.db import dispose_engine, session_scope
from factcheck.errors import Conflict
from factcheck.models import Status
from factcheck.review import set_status
from factcheck.users import get_user

CYCLE = (Status.IN_REVIEW, Status.VERIFIED, Status.FALSE, Status.MISLEADING, Status.UNVERIFIABLE)


@dataclass(frozen=True, slots=True)
class WorkerResult:
    """What one worker did: successful writes per claim, conflicts, other errors."""

    writes: dict[int, int]
    conflicts: int
    errors: list[str]


def worker(url: str, email: str, claim_ids: list[int], changes: int, seed: int) -> WorkerResult:
    """Make ``changes`` status changes on random claims, each checking the version it read."""
    rng = random.Random(seed)
    writes: Counter[int] = Counter()
    conflicts, errors = 0, []
    for _ in range(changes):
        claim_id = rng.choice(claim_ids)
        try:
            with session_scope(url, readonly=True) as session:
                seen = get_claim(session, claim_id=claim_id).version
            with session_scope(url) as session:
                user = get_user(session, email=email)
                set_status(
                    session, claim_id=claim_id, status=rng.choice(CYCLE), by=user, seen_version=seen
                )
            writes[claim_id] += 1
        except Conflict:
            conflicts += 1
        except Exception as exc:  # counted and reported: the test wants zero of these
            errors.append(f"{type(exc).__name__}: {exc}")
    dispose_engine(url)
    return WorkerResult(dict(writes), conflicts, errors)


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The outcome of a whole run."""

    writes: Counter[int]
    conflicts: int
    errors: list[str]
    seconds: float

    @property
    def successes(self) -> int:
        """Status changes that were saved."""
        return sum(self.writes.values())


def run_load(
    url: str, *, email: str, claim_ids: list[int], processes: int, changes: int
) -> LoadResult:
    """Run ``processes`` workers of ``changes`` status changes each, in separate processes.

    Each worker is a fresh `python -m factcheck.load` process, independent of whatever the
    calling process has imported (a multiprocessing pool re-runs the caller's main module).
    """
    started = time.perf_counter()
    command = [sys.executable, "-m", "factcheck.load"]
    workers = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(processes)
    ]
    for seed, proc in enumerate(workers):
        assert proc.stdin is not None
        proc.stdin.write(json.dumps([url, email, claim_ids, changes, seed]))
        proc.stdin.close()
    results = [_result(proc) for proc in workers]
    seconds = time.perf_counter() - started
    writes: Counter[int] = Counter()
    for result in results:
        writes.update(result.writes)
    return LoadResult(
        writes=writes,
        conflicts=sum(r.conflicts for r in results),
        errors=[e for r in results for e in r.errors],
        seconds=seconds,
    )


def _result(proc: subprocess.Popen[str]) -> WorkerResult:
    assert proc.stdout is not None
    with proc.stdout:
        out = proc.stdout.read()
    if proc.wait() != 0:
        return WorkerResult({}, 0, [f"worker exited with {proc.returncode}"])
    data = json.loads(out)
    return WorkerResult(
        {int(k): v for k, v in data["writes"].items()}, data["conflicts"], data["errors"]
    )


if __name__ == "__main__":
    url_, email_, ids_, changes_, seed_ = json.loads(sys.stdin.read())
    done = worker(url_, email_, ids_, changes_, seed_)
    print(json.dumps({"writes": done.writes, "conflicts": done.conflicts, "errors": done.errors}))
