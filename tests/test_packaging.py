"""factcheck works from an installed wheel, not only from a checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with factcheck installed from a freshly built wheel."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"  # a copy, so the build leaves no build/ folder in the checkout
    skip = shutil.ignore_patterns(".git", "db", "build", "*.egg-info", "test-artifacts", ".*")
    shutil.copytree(ROOT, source, ignore=skip)
    (source / "db" / "migrations").parent.mkdir()
    shutil.copytree(ROOT / "db" / "migrations", source / "db" / "migrations")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*build, "-w", str(folder), str(source)], check=True, timeout=300)
    venv = folder / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=120
    )
    wheel = next(folder.glob("factcheck-*.whl"))
    subprocess.run(
        [venv / "bin" / "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=300
    )
    return venv / "bin"


def test_init_from_the_wheel_creates_the_schema(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [installed / "factcheck", "init"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "schema empty →" in out.stdout
    where = subprocess.run(
        [installed / "python", "-c", "import factcheck.migrate as m; print(m.MIGRATIONS)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in where.stdout  # the wheel's own copy, not the checkout's
    assert (tmp_path / "db" / "factcheck.db").is_file()


def test_serve_from_the_wheel_answers(installed: Path, tmp_path: Path) -> None:
    from tests.e2e.conftest import free_port

    port = free_port()
    server = subprocess.Popen(
        [installed / "factcheck", "serve", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                    assert r.read() == b"ok"
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
