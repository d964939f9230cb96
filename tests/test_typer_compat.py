"""The typer patches do what they are for; here: read-only commands never import pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

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
