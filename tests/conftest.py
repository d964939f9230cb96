"""Shared fixtures: an isolated environment, the bundled catalogue, and mutated copies of it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import typer.testing
from typer.testing import CliRunner

from kariersosial.ui import render

if TYPE_CHECKING:
    from kariersosial.core.scoring import Scorer
from kariersosial.catalog.load import DATA_ENV, load_catalog
from kariersosial.core.models import Catalog

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CATALOG_FILE = DATA_DIR / "roles.json"
SOURCES_DIR = DATA_DIR / "sources"

WriteCatalog = Callable[..., Path]


def _clear_consoles() -> None:
    # render caches one rich Console per stream; each is sized and coloured from the
    # environment when first built, so a test must not inherit another test's console.
    render.stdout.cache_clear()
    render.stderr.cache_clear()


@pytest.fixture(autouse=True, scope="session")
def click_command_built_once() -> Iterator[None]:
    """CliRunner.invoke has typer rebuild the click command from the app on every call (about
    20 ms, for some 500 calls). The app is complete once imported and click commands are made to
    be invoked again and again, so each app is built once; commands still run in full each time.
    """
    built: dict[int, tuple[typer.Typer, Any]] = {}
    build = typer.testing._get_command

    def get_command(app: typer.Typer) -> Any:
        if id(app) not in built:
            built[id(app)] = (app, build(app))  # keeps the app alive, so its id stays its own
        return built[id(app)][1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", get_command)
        yield


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private user data dir, no catalogue override, no colour, and a fixed width."""
    home = tmp_path / "kariersosial-home"
    isolate(monkeypatch, home)
    _clear_consoles()
    yield home
    _clear_consoles()


def isolate(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """The environment `isolated_env` gives each test (also for module-scoped fixtures)."""
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(home))
    monkeypatch.delenv(DATA_ENV, raising=False)
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="session")
def bundled_json() -> dict[str, Any]:
    """The bundled catalogue as parsed JSON; never mutate it (use `raw_catalog`)."""
    data: dict[str, Any] = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled catalogue, validated."""
    return load_catalog()


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return CATALOG_FILE.read_text(encoding="utf-8")


@pytest.fixture
def raw_catalog(bundled_text: str) -> dict[str, Any]:
    """A fresh copy of the bundled JSON, free to mutate (parsed anew: faster than deepcopy)."""
    data: dict[str, Any] = json.loads(bundled_text)
    return data


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_catalog(tmp_path: Path) -> WriteCatalog:
    """Write a catalogue into its own folder under tmp_path and return the file's path.

    `raw` is a dict (dumped as JSON), a str (written as is) or bytes (written raw). The
    source texts are copied beside it (roles name them relative to the catalogue) unless
    `sources=False`; `name` is the file name.
    """
    counter = iter(range(1_000_000))

    def write(
        raw: dict[str, Any] | list[Any] | str | bytes,
        *,
        name: str = "roles.json",
        sources: bool = True,
    ) -> Path:
        folder = tmp_path / f"katalog-{next(counter)}"
        folder.mkdir()
        if sources:
            shutil.copytree(SOURCES_DIR, folder / "sources")
        path = folder / name
        if isinstance(raw, bytes):
            path.write_bytes(raw)
        elif isinstance(raw, str):
            path.write_text(raw, encoding="utf-8")
        else:
            path.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return write


def clear_archetype(scorer: Scorer, profile_id: str, stretch: float = 2.0) -> dict[str, int]:
    """Answers of someone whose preferences follow this role's (or profession's) expected pattern,
    answered clearly across the scale: the pattern stretched around its mean, then rounded."""
    expected = scorer.patterns.expected[profile_id]
    mean = sum(expected.values()) / len(expected)
    return {q: min(5, max(1, round(mean + stretch * (v - mean)))) for q, v in expected.items()}


def deterministic(examples: int) -> Any:
    """Hypothesis settings for CI: the same examples on every run, no deadline on slow machines."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def bundled_catalog() -> Catalog:
    """The bundled catalogue whatever KARIERSOSIAL_DATA says, for module-level test data
    (hypothesis strategies need the statement ids before any fixture runs)."""
    from kariersosial.catalog.load import BUNDLED_NAME, bundled_catalog_file, read_catalog

    return read_catalog(bundled_catalog_file(), BUNDLED_NAME, user_file=False)
