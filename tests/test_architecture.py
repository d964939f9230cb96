"""The layer contracts in pyproject.toml hold, so `pytest` alone catches an upward import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("core", "words", "io", "catalog", "state", "flows", "ui", "cli")


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    assert lint.exists(), "import-linter is missing: pip install -e '.[test]'"
    run = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_every_module_lives_in_a_layer_folder() -> None:
    package = ROOT / "src" / "kariersosial"
    loose = sorted(p.name for p in package.glob("*.py") if p.stem not in {"__init__", "__main__"})
    assert loose == [], f"modules outside the layer folders: {loose}"
    assert sorted(p.name for p in package.iterdir() if (p / "__init__.py").exists()) == sorted(
        LAYERS
    )


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_packages_re_export_nothing(layer: str) -> None:
    """An `__init__` that imported its modules would load what a command does not need."""
    init = ROOT / "src" / "kariersosial" / layer / "__init__.py"
    code = [line for line in init.read_text().splitlines() if line.strip()]
    assert len(code) == 1 and code[0].startswith('"""'), init.read_text()
