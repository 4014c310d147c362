"""factcheck works from an installed wheel, not only from a checkout, in a venv or not.

The test venv sees the running interpreter's packages through a .pth file (its own
site-packages first), so it works whether pytest runs in a virtualenv or on the system Python;
``--system-site-packages`` alone would link the *base* interpreter's packages from inside a venv.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]


def _source_copy(folder: Path) -> Path:
    """A copy of the checkout, so builds leave nothing behind in it."""
    source = folder / "source"
    skip = shutil.ignore_patterns(".git", "db", "build", "*.egg-info", "test-artifacts", ".*")
    shutil.copytree(ROOT, source, ignore=skip)
    shutil.copytree(ROOT / "db" / "migrations", source / "db" / "migrations")
    return source


# What a newcomer's shell has: no PYTHONPATH pointing into a checkout.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FACTCHECK_DATABASE_URL")}


def _venv(folder: Path) -> Path:
    """A venv whose own site-packages come first, then this interpreter's packages.

    Made without pip (so without an old setuptools of its own); this interpreter's pip
    installs into it with --python.
    """
    venv = folder / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120
    )
    python = venv / "bin" / "python"
    own = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    ).stdout.strip()
    ours = [p for p in [*site.getsitepackages(), site.getusersitepackages()] if Path(p).is_dir()]
    (Path(own) / "outer-packages.pth").write_text("\n".join(ours) + "\n")
    return venv / "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with factcheck installed from a freshly built wheel."""
    folder = tmp_path_factory.mktemp("wheel")
    source = _source_copy(folder)
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*build, "-w", str(folder), str(source)], check=True, timeout=300)
    bin_dir = _venv(folder)
    wheel = next(folder.glob("factcheck-*.whl"))
    _pip(bin_dir, str(wheel))
    return bin_dir


def _pip(bin_dir: Path, *args: str) -> None:
    install = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q"]
    subprocess.run([*install, "--no-deps", *args], check=True, timeout=300, env=ENV)


@pytest.fixture(scope="module")
def editable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A venv with an editable install (README: pip install -e .) and its checkout folder."""
    folder = tmp_path_factory.mktemp("editable")
    source = _source_copy(folder)
    bin_dir = _venv(folder)
    _pip(bin_dir, "--no-build-isolation", "-e", str(source))
    yield bin_dir, source


def test_the_venv_finds_the_dependencies_whatever_runs_pytest(installed: Path) -> None:
    found = subprocess.run(
        [installed / "python", "-c", "import typer, sqlmodel, streamlit, factcheck.cli"],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert found.returncode == 0, found.stderr


def test_init_from_the_wheel_creates_the_schema(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [installed / "factcheck", "init"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
        check=True,
    )
    assert "schema empty →" in out.stdout
    where = subprocess.run(
        [installed / "python", "-c", "import factcheck.migrate as m; print(m.MIGRATIONS)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    assert "site-packages" in where.stdout  # the wheel's own copy, not the checkout's
    assert (tmp_path / "db" / "factcheck.db").is_file()


class Server:
    """`factcheck serve` on a free port, its output kept in a log shown when it fails."""

    def __init__(self, command: Path, cwd: Path, log: Path) -> None:
        self.port = free_port()
        self.log = log
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [command, "serve", "--port", str(self.port)],
                cwd=cwd,
                env=ENV,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:  # it died: say why at once
                pytest.fail(f"factcheck serve exited early:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2
                ) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"factcheck serve did not answer in {seconds} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def test_serve_from_the_wheel_answers(installed: Path, tmp_path: Path) -> None:
    server = Server(installed / "factcheck", tmp_path, tmp_path / "serve.log")
    try:
        server.wait_healthy()
    finally:
        server.stop()


@pytest.mark.e2e
@pytest.mark.timeout(300)
def test_the_app_works_from_a_folder_that_holds_the_checkout(
    editable: tuple[Path, Path], tmp_path: Path, chromium: Any
) -> None:
    from tests.e2e.conftest import wait_idle

    bin_dir, source = editable
    parent = tmp_path / "projects"
    (parent / "factcheck").mkdir(parents=True)  # a folder named like the package, no __init__
    shutil.copytree(source / "db" / "migrations", parent / "factcheck" / "db" / "migrations")
    server = Server(bin_dir / "factcheck", parent, tmp_path / "serve.log")
    try:
        server.wait_healthy()
        context = chromium.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/")
        wait_idle(page)
        body = page.locator("[data-testid='stApp']").inner_text()
        context.close()
    finally:
        server.stop()
    assert "ImportError" not in body and "unknown location" not in body, body[:500]
    assert "This database has no users yet" in body
