"""A run that names its command builds only that command, and behaves as the whole app does."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kariersosial.cli.app import COMMANDS, app, build_app, invoked_command

RUNNER = CliRunner()


def names(built: object) -> list[object]:
    from typer import Typer

    assert isinstance(built, Typer)
    commands = [
        c.name or (c.callback.__name__ if c.callback else "") for c in built.registered_commands
    ]
    groups = [
        g.name or (g.typer_instance and g.typer_instance.info.name) for g in built.registered_groups
    ]
    return commands + groups


def test_the_command_table_lists_every_command_of_the_whole_app() -> None:
    assert sorted(names(app)) == sorted(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_trimmed_app_holds_its_command_and_only_its_modules_commands(command: str) -> None:
    built = names(build_app(command))
    assert command in built
    assert all(COMMANDS[other] == COMMANDS[command] for other in built)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_commands_help_is_the_same_in_the_trimmed_app(command: str) -> None:
    whole = RUNNER.invoke(app, [command, "--help"], terminal_width=80)
    alone = RUNNER.invoke(build_app(command), [command, "--help"], terminal_width=80)
    assert whole.exit_code == alone.exit_code == 0
    assert alone.output == whole.output


@pytest.mark.parametrize(
    "argv",
    [
        ["show"],  # the argument is missing
        ["show", "x", "--warna"],  # an option it does not have
        ["show", "tidak-ada"],  # an unknown role
        ["history", "hapus"],  # an unknown subcommand
        ["score", "/tidak/ada.csv"],
    ],
)
def test_a_mistake_reads_the_same_in_the_trimmed_app(argv: list[str], tmp_path: object) -> None:
    env = {"KARIERSOSIAL_HOME": str(tmp_path)}
    whole = RUNNER.invoke(app, argv, env=env, terminal_width=80)
    alone = RUNNER.invoke(build_app(argv[0]), argv, env=env, terminal_width=80)
    assert whole.exit_code == alone.exit_code != 0
    assert alone.output == whole.output


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["kariersosial", "show", "kls"], "show"),
        (["kariersosial", "history", "list"], "history"),
        (["kariersosial"], None),
        (["kariersosial", "--help"], None),
        (["kariersosial", "--data", "x.json", "show", "kls"], None),
        (["kariersosial", "shwo", "kls"], None),  # typer suggests "show" from the whole list
    ],
)
def test_which_runs_may_build_one_command(argv: list[str], expected: str | None) -> None:
    assert invoked_command(argv) == expected


def test_tab_completion_always_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_KARIERSOSIAL_COMPLETE", "complete_bash")
    assert invoked_command(["kariersosial", "show", "k"]) is None


def test_show_imports_no_other_commands_module() -> None:
    script = (
        "import json, sys\n"
        "from kariersosial.cli.app import main\n"
        "sys.argv = ['kariersosial', 'show', 'kls']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "cli = sorted(m for m in sys.modules if m.startswith('kariersosial.cli'))\n"
        "sys.stderr.write(json.dumps(cli))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Koordinator Layanan Sosial" in done.stdout
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert not {
        "kariersosial.cli.quiz",
        "kariersosial.cli.history",
        "kariersosial.cli.counsel",
    } & set(loaded), loaded
