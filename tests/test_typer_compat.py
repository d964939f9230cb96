"""The typer patches do what they are for; here: read-only commands never import pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runs the app in-process, then reports which pydantic modules were loaded when it exited.
RUN_APP_THEN_REPORT = (
    "import sys\n"
    "sys.argv = ['kariersosial', *sys.argv[1:]]\n"
    "try:\n"
    "    from kariersosial.cli.app import main\n"
    "    main()\n"
    "finally:\n"
    "    loaded = [m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')]\n"
    "    sys.__stderr__.write('\\nPYDANTIC=' + ','.join(sorted(loaded)) + '\\n')\n"
)


def loaded_pydantic(*args: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "KARIERSOSIAL_DATA"}
    done = subprocess.run(
        [sys.executable, "-c", RUN_APP_THEN_REPORT, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = done.stderr.rsplit("PYDANTIC=", 1)[1].strip()
    if args[-1] == "--json":
        json.loads(done.stdout)
    return report.split(",") if report else []


@pytest.mark.parametrize(
    "args",
    [("roles", "--json"), ("show", "koordinator-kebijakan-sosial"), ("show", "layanan", "--json")],
)
def test_read_only_commands_do_not_import_pydantic(args: tuple[str, ...]) -> None:
    # typer 0.29 builds a pydantic adapter per parameter (~50 ms, paid again on every tab press).
    assert loaded_pydantic(*args) == []


# --- A typer that is not as the patches expect: each patch stays out, the program still works.

from kariersosial.cli.typer_compat import checks, guard  # noqa: E402

# Runs the app after `BREAK` has changed typer the way another typer version might.
RUN_BROKEN_TYPER = (
    "import sys, typer\n"
    "exec(sys.argv.pop(1))\n"
    "sys.argv = ['kariersosial', *sys.argv[1:]]\n"
    "from kariersosial.cli.app import main\n"
    "main()\n"
)
BREAKS = {
    "unknown version": "typer.__version__ = '0.31.0'",
    "no version": "del typer.__version__",
    "no _coercion": "del typer._coercion",
    "typer 0.28 (only the 0.29 patches out)": "typer.__version__ = '0.28.0'",
    "no vendored click": "del typer._click",
}


def run_broken(breaking: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KARIERSOSIAL_DATA"}
    return subprocess.run(
        [sys.executable, "-c", RUN_BROKEN_TYPER, breaking, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "COLUMNS": "100"},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.slow
@pytest.mark.parametrize("breaking", BREAKS.values(), ids=BREAKS.keys())
def test_program_works_on_a_typer_the_patches_do_not_know(breaking: str) -> None:
    shown = run_broken(breaking, "show", "koordinator-kebijakan-sosial")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "Koordinator Kebijakan Sosial" in shown.stdout
    listed = run_broken(breaking, "roles", "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert len(json.loads(listed.stdout)["roles"]) == 5
    helped = run_broken(breaking, "--help")
    assert (helped.returncode, helped.stderr) == (0, "")
    assert "quiz" in helped.stdout and "show" in helped.stdout
    wrong = run_broken(breaking, "show", "--no-such-option")
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr and "--no-such-option" in wrong.stderr


def test_an_unknown_typer_version_leaves_every_patch_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks.typer, "__version__", "0.31.0")
    assert [p.name for p in guard.patches() if checks.usable(p)] == []


def test_the_installed_typer_gets_every_patch() -> None:
    # The pin in pyproject.toml names the versions the patches were checked on.
    assert [p.name for p in guard.patches() if not checks.usable(p)] == []


def test_a_missing_attribute_leaves_only_its_patch_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(checks.typer, "_coercion")
    left_out = [p.name for p in guard.patches() if not checks.usable(p)]
    assert left_out == ["skip_pydantic_for_text"]


@pytest.mark.parametrize(
    ("text", "version"),
    [("0.29.2", (0, 29)), ("0.28.0", (0, 28)), ("1.0", (1, 0)), ("", None), ("x.y", None)],
)
def test_typer_version_is_read_or_none(text: str, version: tuple[int, int] | None) -> None:
    assert checks.typer_version(text) == version


OLDEST_TYPER = "0.28.0"  # the lower end of the pin in pyproject.toml


@pytest.mark.slow
def test_the_oldest_pinned_typer_runs_the_program(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    deps = subprocess.run(
        [*pip, f"typer=={OLDEST_TYPER}", "rich", "questionary", "platformdirs"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if deps.returncode != 0:
        pytest.skip(f"typer {OLDEST_TYPER} cannot be installed here: {deps.stderr[-300:]}")
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if k != "KARIERSOSIAL_DATA"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(python), "-m", "kariersosial", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**env, "COLUMNS": "100"},
            stdin=subprocess.DEVNULL,
            timeout=60,
        )

    version = subprocess.run(
        [str(python), "-c", "import typer; print(typer.__version__)"],
        capture_output=True,
        text=True,
    )
    assert version.stdout.strip() == OLDEST_TYPER
    shown = run("show", "koordinator-kebijakan-sosial")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "Koordinator Kebijakan Sosial" in shown.stdout
    helped = run("--help")
    assert helped.returncode == 0 and "Cara pakai:" in helped.stdout
    wrong = run("show", "--bad")
    assert wrong.returncode == 2 and "Opsi tidak dikenal: --bad" in wrong.stderr
