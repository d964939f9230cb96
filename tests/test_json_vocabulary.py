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


def json_type(value: Any) -> str:
    """The JSON type of a value; a list names the type of its first element."""
    if value is None:
        return "null"
    if isinstance(value, list):
        inner = next((json_type(v) for v in value if v is not None), "")
        return f"list[{inner}]"
    return {bool: "bool", int: "int", float: "float", str: "text", dict: "object"}[type(value)]


def is_id_map(value: dict[str, Any], ids: set[str]) -> bool:
    """A map keyed by catalogue ids (or scale values): its keys are data, not vocabulary."""
    return bool(value) and all(k in ids or k.isdigit() for k in value)


def key_types(value: Any, ids: set[str], found: dict[str, set[str]]) -> None:
    if isinstance(value, dict):
        keyed_by_data = is_id_map(value, ids)
        for key, inner in value.items():
            if not keyed_by_data and inner is not None:
                found.setdefault(key, set()).add(json_type(inner))
            key_types(inner, ids, found)
    elif isinstance(value, list):
        for inner in value:
            key_types(inner, ids, found)


@pytest.fixture
def every_document(run: Any, tmp_path: Path) -> list[dict[str, Any]]:
    """Every command's JSON, and a class scored by `score --format json`."""
    documents = [run(command) for command in documented()]
    questions = run("questions --json")["questions"]
    sheet = tmp_path / "kelas.csv"
    rows = ["nama," + ",".join(q["id"] for q in questions)]
    rows += [
        f"s{n}," + ",".join(str((n + i) % 5 + 1) for i in range(len(questions))) for n in range(6)
    ]
    rows += ["semua-tidak," + ",".join("1" for _ in questions)]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    scored = CliRunner().invoke(app, ["score", str(sheet), "--format", "json"])
    assert scored.exit_code == 0, scored.stderr
    return [*documents, json.loads(scored.stdout)]


def test_a_key_has_one_type_in_every_document(every_document: list[dict[str, Any]]) -> None:
    catalog = every_document[0]  # roles --json
    ids = {r["id"] for r in catalog["roles"]}
    for document in every_document:
        for key in ("dimensions", "questions"):
            for item in document.get(key) or []:
                if isinstance(item, dict) and "id" in item:
                    ids.add(item["id"])
    found: dict[str, set[str]] = {}
    for document in every_document:
        key_types(document, ids, found)
    # an empty list fits a list of anything
    mixed = {
        key: types
        for key, types in found.items()
        if len({t for t in types if t != "list[]"} or types) > 1
    }
    assert mixed == {}


def shapes_of(key: str, documents: list[dict[str, Any]]) -> list[Any]:
    found: list[Any] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, inner in value.items():
                if k == key:
                    found.append(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for document in documents:
        walk(document)
    return found


def test_the_shared_shapes(every_document: list[dict[str, Any]]) -> None:
    roles = shapes_of("role", every_document)
    assert roles and all(set(r) == {"id", "name"} for r in roles)
    fits = shapes_of("fit", every_document)
    assert fits and all(type(f) is int and 0 <= f <= 100 for f in fits)
    tops = [t for t in shapes_of("top", every_document) if t is not None]
    assert tops and all(set(t) == {"role", "fit", "label"} for t in tops)
    rankings = shapes_of("ranking", every_document)
    assert rankings and all("role" in f for ranking in rankings for f in ranking)
    dimensions = shapes_of("dimensions", every_document)
    assert dimensions and all({"id", "name"} <= set(d) for ds in dimensions for d in ds)
    quotes = shapes_of("myth", every_document) + [
        q for key in ("reality", "quotes") for qs in shapes_of(key, every_document) for q in qs
    ]
    assert quotes and all(set(q) >= {"sentence", "quote"} for q in quotes)
    answers = [a for rows in shapes_of("answers", every_document) for a in rows]
    assert answers and all({"id", "statement"} <= set(a) for a in answers)


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
