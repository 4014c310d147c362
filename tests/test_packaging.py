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
import zipfile
from collections.abc import Iterator
from importlib.machinery import EXTENSION_SUFFIXES
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


def _wheel(folder: Path, **env: str) -> Path:
    """Build factcheck's wheel from a copy of the checkout (this interpreter's setuptools and
    mypy: --no-build-isolation downloads nothing) into folder."""
    source = _source_copy(folder)
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run(
        [*build, "-w", str(folder), str(source)], check=True, timeout=900, env={**ENV, **env}
    )
    return next(folder.glob("factcheck-*.whl"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds: its extractor compiled by mypyc (1-3 min here)."""
    return _wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def installed(wheel: Path) -> Path:
    """A virtual environment with factcheck installed from a freshly built wheel."""
    bin_dir = _venv(wheel.parent)
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


def _compiled_files(names: list[str]) -> list[str]:
    return sorted(n for n in names if n.endswith(tuple(EXTENSION_SUFFIXES)))


def test_the_wheel_holds_the_extractor_compiled_and_says_so(wheel: Path, installed: Path) -> None:
    files = _compiled_files(zipfile.ZipFile(wheel).namelist())
    helper = [f for f in files if "/" not in f]  # mypyc's shared module, at the top level
    assert helper and helper[0].startswith("factcheck_extract__mypyc."), files
    assert {f.split(".")[0] for f in files if "/" in f} >= {
        "factcheck/extract/engine",
        "factcheck/extract/numeric",
        "factcheck/extract/lexicon/units",
    }
    assert not [f for f in files if f.startswith(("factcheck/extract/__init__", "factcheck/ui"))]
    version = _run(installed / "factcheck", "--version")
    assert "extractor: compiled (mypyc)" in version
    article = "Officials said 1,200 people were killed."
    claims = _run(
        installed / "python",
        "-c",
        f"import factcheck.extract as x; print([c.quote for c in x.extract_claims({article!r})])",
    )
    assert claims.strip() == "['1,200', '1,200 people were killed']"


def test_factcheck_pure_1_builds_a_pure_python_wheel(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path, FACTCHECK_PURE="1")
    assert _compiled_files(zipfile.ZipFile(wheel).namelist()) == []
    assert "factcheck/extract/engine.py" in zipfile.ZipFile(wheel).namelist()


def test_an_editable_install_stays_pure_python(editable: tuple[Path, Path]) -> None:
    bin_dir, source = editable
    assert _compiled_files([str(p) for p in source.rglob("*")]) == []  # nothing shadows an edit
    assert "extractor: pure Python" in _run(bin_dir / "factcheck", "--version")


def _run(*command: str | Path) -> str:
    """Run an installed command outside the checkout; its output (it must succeed)."""
    outside = Path(command[0]).parent  # python -c would import a checkout in its folder
    done = subprocess.run(
        command, cwd=outside, capture_output=True, text=True, env=ENV, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


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
