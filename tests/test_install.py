"""The installed package finds its catalogue from any working directory.

Two real installs into throwaway virtual environments, each made once per module:

* a wheel built from this checkout (non-editable): the catalogue and its source texts must
  travel inside the wheel, under ``site-packages/kariersosial/data/``;
* an editable install of this checkout: the catalogue comes from the repository's ``data/``.

Every command runs with ``cwd`` set to an empty folder outside the repository, through the
environment's own console script or interpreter, never through the interpreter running pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,  # fresh venvs and wheel builds
    pytest.mark.xdist_group("install"),  # one worker builds the module's wheel and venvs once
]

REPO = Path(__file__).resolve().parents[1]
ROLE_COUNT = 5
PIP_TIMEOUT = 600
RUN_TIMEOUT = 60

# Environment variables that could make a child process find the checkout or another catalogue.
_LEAKY = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "KARIERSOSIAL_DATA")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _run(
    args: Sequence[str | Path], cwd: Path, timeout: float = RUN_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _ok(proc: subprocess.CompletedProcess[str]) -> str:
    """stdout of a process that must have succeeded; its full output otherwise."""
    assert proc.returncode == 0, (
        f"{' '.join(map(str, proc.args))} exited {proc.returncode}\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )
    return proc.stdout


class Venv:
    def __init__(self, root: Path) -> None:
        self.root = root
        bindir = "Scripts" if sys.platform == "win32" else "bin"
        suffix = ".exe" if sys.platform == "win32" else ""
        self.python = root / bindir / f"python{suffix}"
        self.script = root / bindir / f"kariersosial{suffix}"

    def purelib(self, cwd: Path) -> Path:
        code = "import sysconfig; print(sysconfig.get_path('purelib'))"
        return Path(_ok(_run([self.python, "-c", code], cwd)).strip()).resolve()

    def python_says(self, code: str, cwd: Path) -> str:
        return _ok(_run([self.python, "-c", code], cwd)).strip()


def _make_venv(root: Path, cwd: Path) -> Venv:
    proc = _run([sys.executable, "-m", "venv", root], cwd, timeout=PIP_TIMEOUT)
    if proc.returncode != 0:
        pytest.skip(f"cannot create a virtual environment with {sys.executable}: {proc.stderr}")
    venv = Venv(root)
    if not venv.python.exists():
        pytest.skip(f"`python -m venv` made no interpreter at {venv.python}")
    return venv


def _pip_install(venv: Venv, args: Sequence[str | Path], cwd: Path) -> None:
    _ok(_run([venv.python, "-m", "pip", "install", "-q", *args], cwd, timeout=PIP_TIMEOUT))


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty working directory that is not inside the repository."""
    path = tmp_path_factory.mktemp("elsewhere")
    assert not path.resolve().is_relative_to(REPO)
    return path


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, outside: Path) -> Path:
    dist = tmp_path_factory.mktemp("wheelhouse")
    cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(REPO)]
    _ok(_run(cmd, outside, timeout=PIP_TIMEOUT))
    wheels = sorted(dist.glob("kariersosial-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {dist}, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory, outside: Path, wheel: Path) -> Venv:
    venv = _make_venv(tmp_path_factory.mktemp("venv-wheel") / "env", outside)
    _pip_install(venv, [wheel], outside)
    return venv


@pytest.fixture(scope="module")
def editable_venv(tmp_path_factory: pytest.TempPathFactory, outside: Path) -> Venv:
    venv = _make_venv(tmp_path_factory.mktemp("venv-editable") / "env", outside)
    _pip_install(venv, ["-e", REPO], outside)
    return venv


CATALOG_FILE = (
    "from kariersosial.catalog.load import bundled_catalog_file; print(bundled_catalog_file())"
)
PACKAGE_FILE = "import kariersosial; print(kariersosial.__file__)"


def _catalog_sources() -> list[str]:
    raw = json.loads((REPO / "data" / "roles.json").read_text(encoding="utf-8"))
    return sorted({role["source_file"] for role in raw["roles"]})


def _check_commands(venv: Venv, cwd: Path) -> None:
    """The catalogue loads and validates through both entry points."""
    profile = json.loads(_ok(_run([venv.script, "show", "layanan", "--json"], cwd)))
    assert profile["id"] == "koordinator-layanan-sosial"
    assert profile["traits"], "the profile has no traits: the catalogue was not read fully"

    listing = json.loads(_ok(_run([venv.python, "-m", "kariersosial", "roles", "--json"], cwd)))
    ids = [role["id"] for role in listing["roles"]]
    assert len(ids) == ROLE_COUNT == len(set(ids)), ids

    report = json.loads(_ok(_run([venv.script, "validate", "--json"], cwd)))
    assert report["valid"] is True, report["problems"]
    assert report["problems"] == []
    _ok(_run([venv.script, "validate"], cwd))


# --- non-editable install from a wheel -----------------------------------------------------


def test_wheel_carries_catalogue_and_sources(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "kariersosial/data/roles.json" in names
    for source in _catalog_sources():
        assert f"kariersosial/data/{source}" in names, f"{source} missing from {wheel.name}"


def test_wheel_install_uses_catalogue_inside_site_packages(wheel_venv: Venv, outside: Path) -> None:
    purelib = wheel_venv.purelib(outside)
    package = Path(wheel_venv.python_says(PACKAGE_FILE, outside)).resolve()
    catalogue = Path(wheel_venv.python_says(CATALOG_FILE, outside)).resolve()
    assert package.is_relative_to(purelib), f"{package} is not inside {purelib}"
    assert catalogue == purelib / "kariersosial" / "data" / "roles.json"
    assert not catalogue.is_relative_to(REPO)
    for source in _catalog_sources():
        assert (catalogue.parent / source).is_file(), f"{source} not installed beside {catalogue}"


def test_wheel_install_commands_work_from_elsewhere(wheel_venv: Venv, outside: Path) -> None:
    _check_commands(wheel_venv, outside)


# --- editable install ----------------------------------------------------------------------


def test_editable_install_uses_repository_catalogue(editable_venv: Venv, outside: Path) -> None:
    package = Path(editable_venv.python_says(PACKAGE_FILE, outside)).resolve()
    catalogue = Path(editable_venv.python_says(CATALOG_FILE, outside)).resolve()
    assert package == REPO / "src" / "kariersosial" / "__init__.py"
    assert catalogue == REPO / "data" / "roles.json"


def test_editable_install_commands_work_from_elsewhere(editable_venv: Venv, outside: Path) -> None:
    _check_commands(editable_venv, outside)
