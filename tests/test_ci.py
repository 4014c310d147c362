"""The CI script cleans up after itself: the PostgreSQL it starts is stopped again."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]
PG_CTL = Path("/usr/lib/postgresql/15/bin/pg_ctl")


def script(*args: str, env: dict[str, str]) -> str:
    out = subprocess.run(
        ["bash", str(ROOT / ".ci" / "postgres.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return out.stdout


@pytest.mark.timeout(180)
def test_postgres_script_says_it_started_a_server_and_stops_it() -> None:
    if not PG_CTL.exists():
        pytest.skip(f"{PG_CTL} is absent")
    port = free_port()
    data = Path(f"/tmp/factcheck-pg-test-{port}")  # the postgres user must reach it
    env = {
        **os.environ,
        "FACTCHECK_TEST_PG_PORT": str(port),
        "FACTCHECK_TEST_PG_DATA": str(data),
    }
    try:
        assert script(env=env).strip().endswith("FACTCHECK_TEST_PG_STARTED=1")
        assert script(env=env).strip().endswith("FACTCHECK_TEST_PG_STARTED=0")  # already up
        assert (data / "postmaster.pid").exists()
    finally:
        script("stop", env=env)
    assert not data.exists()


def test_ci_run_stops_the_postgres_it_started_on_exit() -> None:
    run = (ROOT / ".ci" / "run").read_text()
    started = run.index('eval "$(bash .ci/postgres.sh)"')
    trap = run.index("trap 'bash .ci/postgres.sh stop' EXIT")
    assert started < trap < run.index("python -m pytest")
    assert 'if [ "$FACTCHECK_TEST_PG_STARTED" = 1 ]' in run[started:trap]
