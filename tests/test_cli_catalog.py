"""The catalogue commands as a person runs them: roles, show, --version and help."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.main import get_command
from typer.testing import CliRunner, Result

from helpers import flat, ok
from kariersosial import __version__
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog, Role, mid_sentence
from kariersosial.ui import render

SECTION_HEADINGS = [
    "Tugas dan pekerjaan",
    "Cocok untukmu jika…",
    "Kurang cocok jika…",
    "Anggapan keliru dan kenyataannya",
    "Perbedaan dengan profesi yang mirip",
]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# SGR parameters that set a colour: 30-37/90-97 (fg), 40-47/100-107 (bg), 38;.. / 48;.. (ext).
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
ROLE_QUERIES = ["kks", "mks", "kabag", "kls", "ppks"]


def unboxed(text: str) -> str:
    """`flat`, with the box-drawing characters of panels and tables taken out."""
    return flat(re.sub(r"[\u2500-\u257f]", " ", text))


def fails_cleanly(result: Result, code: int = 2) -> Result:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return result


def role_by_query(catalog: Catalog, query: str) -> Role:
    return next(r for r in catalog.roles if query in r.aliases)


# --- roles ----------------------------------------------------------------------------------


def test_roles_lists_the_five_roles(runner: CliRunner, catalog: Catalog) -> None:
    result = ok(runner.invoke(app, ["roles"]))
    assert result.stderr == ""
    out = unboxed(result.stdout)
    assert len(catalog.roles) == 5
    for role in catalog.roles:
        assert role.name in out
        assert role.id in out
    assert "kariersosial show" in out


def test_roles_json(runner: CliRunner, catalog: Catalog) -> None:
    result = ok(runner.invoke(app, ["roles", "--json"]))
    data = json.loads(result.stdout)
    assert data["catalog_version"] == catalog.version
    assert len(data["roles"]) == 5
    for entry, role in zip(data["roles"], catalog.roles, strict=True):
        assert entry["id"] == role.id
        assert entry["name"] == role.name
        assert entry["summary"] == role.summary
        assert entry["aliases"] == list(role.aliases)


# --- show -----------------------------------------------------------------------------------


def test_show_layanan(runner: CliRunner, catalog: Catalog) -> None:
    role = catalog.role("koordinator-layanan-sosial")
    result = ok(runner.invoke(app, ["show", "layanan"]))
    assert result.stderr == ""
    out = flat(result.stdout)
    assert role.name in out
    assert role.summary in unboxed(result.stdout)
    assert f"ID: {role.id}" in unboxed(result.stdout)
    positions = [out.index(heading) for heading in SECTION_HEADINGS]
    assert positions == sorted(positions), "sections in reading order"
    cocok = role.section("cocok")
    assert cocok
    for sentence in cocok:
        assert f"“{sentence.text}”" in out


@pytest.mark.parametrize("query", ROLE_QUERIES)
def test_show_quotes_every_sentence_verbatim(
    runner: CliRunner, catalog: Catalog, query: str
) -> None:
    role = role_by_query(catalog, query)
    out = flat(ok(runner.invoke(app, ["show", query])).stdout)
    assert role.name in out
    for heading in SECTION_HEADINGS:
        assert heading in out
    for section in ("tugas", "cocok", "tidak_cocok"):
        for sentence in role.section(section):
            assert f"“{sentence.text}”" in out, sentence.id
    for myth in role.misconceptions:
        assert f"“{myth.myth.text}”" in out
        for quote in myth.reality:
            assert f"“{quote.text}”" in out
    for diff in role.differences:
        assert (
            f"Dibandingkan dengan {mid_sentence(catalog.profession(diff.profession).name)}:" in out
        )
        for quote in diff.quotes:
            assert f"“{quote.text}”" in out


@pytest.mark.parametrize("query", ROLE_QUERIES)
def test_show_json_has_the_catalogue_content(
    runner: CliRunner, raw_catalog: dict[str, Any], query: str
) -> None:
    raw = next(r for r in raw_catalog["roles"] if query in r["aliases"])
    professions = {p["id"]: p["name"] for p in raw_catalog["professions"]}
    data = json.loads(ok(runner.invoke(app, ["show", query, "--json"])).stdout)
    assert data["id"] == raw["id"]
    assert data["name"] == raw["name"]
    assert data["summary"] == raw["summary"]
    assert data["aliases"] == raw["aliases"]
    assert data["catalog_version"] == raw_catalog["version"]
    sections = ["tugas", "cocok", "tidak_cocok", "miskonsepsi", "realita", "perbedaan"]
    assert data["sections"] == {
        s: [x["text"] for x in raw["sentences"] if x["section"] == s] for s in sections
    }
    assert data["traits"] == [
        {
            "id": t["id"],
            "label": t["label"],
            "polarity": t["polarity"],
            "sentence": t["source"]["sentence"],
            "quote": t["source"]["quote"],
        }
        for t in raw["traits"]
    ]

    def quoted(q: dict[str, Any]) -> dict[str, Any]:
        return {"sentence": q["sentence"], "quote": q["quote"]}

    assert data["misconceptions"] == [
        {"myth": quoted(m["myth"]), "reality": [quoted(q) for q in m["reality"]]}
        for m in raw["misconceptions"]
    ]
    assert data["differences"] == [
        {
            "profession": {"id": d["profession"], "name": professions[d["profession"]]},
            "quotes": [quoted(q) for q in d["quotes"]],
        }
        for d in raw["differences"]
    ]
    dimensions = {d["id"]: d["name"] for d in raw_catalog["dimensions"]}
    assert data["dimensions"] == [
        {"id": w["dimension"], "name": dimensions[w["dimension"]], "weight": w["weight"]}
        for w in raw["weights"]
    ]


def test_show_accepts_names_in_any_form(runner: CliRunner) -> None:
    for query in [
        "Koordinator Layanan Sosial",
        "KLS",
        "  koordinator_layanan  ",
        "kordinator layanan",
    ]:
        data = json.loads(ok(runner.invoke(app, ["show", query, "--json"])).stdout)
        assert data["id"] == "koordinator-layanan-sosial", query


def test_show_ambiguous(runner: CliRunner) -> None:
    result = fails_cleanly(runner.invoke(app, ["show", "koordinator"]))
    err = flat(result.stderr)
    assert err.startswith("Masalah: 'koordinator' cocok dengan lebih dari satu peran:")
    assert "Koordinator Kebijakan Sosial (koordinator-kebijakan-sosial)" in err
    assert "Koordinator Layanan Sosial (koordinator-layanan-sosial)" in err
    assert "kariersosial show koordinator-kebijakan-sosial" in err


def test_show_unknown(runner: CliRunner) -> None:
    result = fails_cleanly(runner.invoke(app, ["show", "dokter"]))
    err = flat(result.stderr)
    assert err.startswith("Masalah: Peran 'dokter' tidak dikenal.")
    assert "Peran yang paling mirip:" in err
    assert "kariersosial roles" in err


def test_show_unknown_json_still_errors_on_stderr(runner: CliRunner) -> None:
    result = fails_cleanly(runner.invoke(app, ["show", "dokter", "--json"]))
    assert "tidak dikenal" in result.stderr


def test_show_prints_markup_in_the_query_literally(runner: CliRunner) -> None:
    result = fails_cleanly(runner.invoke(app, ["show", "[bold]dokter[/bold]"]))
    assert "Peran '[bold]dokter[/bold]' tidak dikenal." in flat(result.stderr)


def test_show_without_role_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- terminal behaviour ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1"}, {"NO_COLOR": None}],
    ids=["no-color", "not-a-terminal"],
)
@pytest.mark.parametrize(
    "args",
    [["roles"], ["show", "layanan"], ["show", "koordinator"], ["show", "dokter"], ["validate"]],
    ids=" ".join,
)
def test_no_escape_codes_when_not_a_terminal(
    runner: CliRunner, env: dict[str, str | None], args: list[str]
) -> None:
    result = runner.invoke(app, args, env=env)
    assert result.exit_code in (0, 2)
    assert result.output.strip()
    assert not ANSI.search(result.output), repr(result.output[:200])


@pytest.mark.parametrize("args", [["show", "layanan"], ["show", "dokter"]], ids=" ".join)
def test_no_color_on_a_terminal_drops_colour(runner: CliRunner, args: list[str]) -> None:
    coloured = runner.invoke(app, args, env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert COLOUR_SGR.search(coloured.output), "control: a terminal gets colour"
    # no-color.org: NO_COLOR removes colour; bold and italic may stay.
    render.stdout.cache_clear()
    render.stderr.cache_clear()
    plain = runner.invoke(app, args, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert not COLOUR_SGR.search(plain.output), repr(plain.output[:200])
    assert flat(ANSI.sub("", plain.output)) == flat(ANSI.sub("", coloured.output))


@pytest.mark.parametrize("query", ROLE_QUERIES)
def test_show_fits_a_narrow_terminal(runner: CliRunner, catalog: Catalog, query: str) -> None:
    result = ok(runner.invoke(app, ["show", query], env={"COLUMNS": "60"}))
    lines = result.stdout.splitlines()
    assert len(lines) > 20
    too_wide = [line for line in lines if len(line) > 60 or cell_len(line) > 60]
    assert too_wide == []
    # still every sentence, just wrapped differently
    role = role_by_query(catalog, query)
    for sentence in role.section("cocok"):
        assert f"“{sentence.text}”" in flat(result.stdout)


def test_roles_fits_a_narrow_terminal(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["roles"], env={"COLUMNS": "60"}))
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 60


# --- version and help -----------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(runner: CliRunner, flag: str) -> None:
    result = ok(runner.invoke(app, [flag]))
    assert result.stdout == f"kariersosial {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", __version__)


def test_version_wins_over_a_bad_catalogue(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["--version"], env={"KARIERSOSIAL_DATA": "tidak-ada.json"}))
    assert result.stdout == f"kariersosial {__version__}\n"


COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_catalogue_commands_exist() -> None:
    assert {"roles", "show", "validate"} <= set(COMMANDS)


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_on_the_app(runner: CliRunner, flag: str) -> None:
    result = ok(runner.invoke(app, [flag]))
    for name in COMMANDS:
        assert name in result.stdout
    assert "--data" in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(runner: CliRunner, command: str) -> None:
    result = ok(runner.invoke(app, [command, "-h"]))
    assert f"kariersosial {command}" in result.stdout
    assert "--help" in result.stdout
    assert result.stderr == ""


def test_python_dash_m_version() -> None:
    env = {k: v for k, v in os.environ.items() if k != "KARIERSOSIAL_DATA"}
    done = subprocess.run(
        [sys.executable, "-m", "kariersosial", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"kariersosial {__version__}\n"
    assert done.stderr == ""


def test_shell_completion_offers_role_ids() -> None:
    """What bash gets when `kariersosial show ko<TAB>` is pressed: the matching role ids."""
    script = os.path.join(os.path.dirname(sys.executable), "kariersosial")
    env = {
        **os.environ,
        "_KARIERSOSIAL_COMPLETE": "complete_bash",
        "COMP_WORDS": "kariersosial show ko",
        "COMP_CWORD": "2",
    }
    done = subprocess.run([script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["koordinator-kebijakan-sosial", "koordinator-layanan-sosial"]


@pytest.mark.parametrize("columns", [60, 80, 110])
def test_roles_never_splits_an_id(
    runner: CliRunner, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    from kariersosial.ui import render

    monkeypatch.setenv("COLUMNS", str(columns))
    render.stdout.cache_clear()
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for role in catalog.roles:
        assert any(role.id in line for line in lines), (role.id, columns)
    assert max(len(line) for line in lines) <= columns


@pytest.mark.parametrize("columns", [60, 80])
def test_the_show_hint_after_a_result_is_one_unbroken_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: int
) -> None:
    from kariersosial.ui import render

    monkeypatch.setenv("COLUMNS", str(columns))
    render.stdout.cache_clear()
    answers = tmp_path / "jawaban.json"
    answers.write_text('{"p09": 5, "p20": 5, "p02": 5, "p04": 1, "p08": 2, "p14": 2, "p16": 4}')
    result = runner.invoke(app, ["quiz", "--answers", str(answers), "--no-save"])
    assert result.exit_code == 0, result.output
    hint = [line for line in result.stdout.splitlines() if "kariersosial show " in line]
    assert hint and all(line.strip().split()[-1].count("-") >= 2 for line in hint), hint
