"""Every `--json` document speaks the vocabulary of docs/json.md, key for key."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kariersosial.cli.app import app

DOC = Path(__file__).resolve().parents[1] / "docs" / "json.md"
ROW = re.compile(r"^\| `kariersosial (?P<command>[^`]+)` \| (?P<keys>[^|]+) \|$")
RETIRED = {"version", "history_id"}  # replaced by catalog_version and number
CONCRETE = {
    "PERAN PERAN": "koordinator-layanan-sosial manajer-kebijakan-sosial",
    "PERAN": "koordinator-layanan-sosial",
    "BERKAS": "{answers}",
    "N M": "1 2",
    " N ": " 1 ",
}


def documented() -> dict[str, list[str]]:
    rows = (ROW.match(line) for line in DOC.read_text(encoding="utf-8").splitlines())
    return {m["command"]: [k.strip() for k in m["keys"].split(",")] for m in rows if m}


def keys_anywhere(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys_anywhere(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_anywhere(inner)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KARIERSOSIAL_DATA", raising=False)
    runner = CliRunner()
    questions = json.loads(runner.invoke(app, ["questions", "--json"]).stdout)["questions"]
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({q["id"]: i % 5 + 1 for i, q in enumerate(questions)}))

    def invoke(command: str) -> dict[str, Any]:
        for placeholder, concrete in CONCRETE.items():
            command = command.replace(placeholder, concrete)
        result = runner.invoke(app, command.format(answers=answers).split())
        assert result.exit_code == 0, (command, result.stderr)
        document: dict[str, Any] = json.loads(result.stdout)
        return document

    for _ in range(2):  # two saved results for show, compare and delete
        invoke("quiz --answers BERKAS --json")
    return invoke


def test_the_document_lists_every_json_command() -> None:
    assert len(documented()) == 11


@pytest.mark.parametrize("command", list(documented()))
def test_command_keys_are_the_documented_ones(run: Any, command: str) -> None:
    document = run(command)
    assert sorted(document) == sorted(documented()[command])
    assert not RETIRED & set(keys_anywhere(document)), command
    if "catalog_version" in document:
        assert isinstance(document["catalog_version"], str)
    if "number" in document:
        assert document["number"] is None or isinstance(document["number"], int)
    if "deleted" in document:
        assert isinstance(document["deleted"], list)
        assert all(isinstance(n, int) for n in document["deleted"])
