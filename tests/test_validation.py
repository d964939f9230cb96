"""Malformed catalogues: every problem is reported with its JSON path, in Indonesian."""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from helpers import flat
from kariersosial.catalog.load import check_catalog, load_catalog
from kariersosial.catalog.validation import build_catalog
from kariersosial.cli.app import app
from kariersosial.core.errors import EXIT_USAGE, CatalogError
from kariersosial.core.models import Catalog
from kariersosial.words.messages import words

Raw = dict[str, Any]
Mutation = Callable[[Raw], object]
KKS_FILE = "sources/000_7c2b90770e10cd9e.txt"
MKS_FILE = "sources/001_58f05136b0c624cb.txt"
KLS_FILE = "sources/003_50897c913649850a.txt"
WEIGHT_RANGE = "di luar rentang (harus lebih dari 0 dan paling besar 1)"


def problems_in(path: Path) -> list[str]:
    result = check_catalog(path, path.name)
    assert isinstance(result, list), "the catalogue should have been rejected"
    return result


def assert_clean_exit(result: Result, code: int) -> None:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# --- the unchanged catalogue ----------------------------------------------------------------


def test_bundled_catalogue_is_valid(raw_catalog: Raw, write_catalog: Callable[..., Path]) -> None:
    assert isinstance(build_catalog(raw_catalog, lambda _: None), list)  # sources are required
    assert isinstance(check_catalog(write_catalog(raw_catalog), "roles.json"), Catalog)


# --- one malformed catalogue per case, with the exact problems -------------------------------


def _append_duplicate_trait(raw: Raw) -> None:
    twin = copy.deepcopy(raw["roles"][1]["traits"][0])
    twin["id"] = raw["roles"][0]["traits"][0]["id"]  # already used by role 0
    raw["roles"][1]["traits"].insert(0, twin)


def _without_roles(raw: Raw) -> None:
    del raw["roles"]
    raw["professions"] = []  # their quotes and the questions' would be unknown otherwise
    raw["questions"] = []
    raw["opposites"] = []


def _set(*keys: str | int, value: Any) -> Mutation:
    """Set raw[k1][k2]...[kn] = value."""

    def mutate(raw: Raw) -> None:
        target: Any = raw
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return mutate


def _grow_sentence(raw: Raw) -> None:
    raw["roles"][3]["sentences"][3]["text"] += " Tambahan."


def _all_traits_cocok(raw: Raw) -> None:
    for trait in raw["roles"][4]["traits"]:
        trait["polarity"] = "cocok"


CASES = [
    pytest.param(_without_roles, ["roles: wajib ada"], id="missing-roles"),
    pytest.param(
        _set("roles", 1, "id", value="koordinator-kebijakan-sosial"),
        ["roles[1].id: id ganda 'koordinator-kebijakan-sosial' (sudah dipakai di roles[0].id)"],
        id="duplicate-role-id",
    ),
    pytest.param(
        _append_duplicate_trait,
        [
            "roles[1].traits[0].id: id ganda 'kks-paham-masalah' "
            "(sudah dipakai di roles[0].traits[0].id)"
        ],
        id="duplicate-trait-id",
    ),
    pytest.param(
        _set("roles", 0, "weights", 0, "dimension", value="keberanian"),
        ["roles[0].weights[0].dimension: dimensi tidak dikenal: 'keberanian'"],
        id="unknown-dimension-in-weight",
    ),
    pytest.param(
        _set("roles", 0, "weights", 0, "weight", value=1.5),
        [f"roles[0].weights[0].weight: bobot 1.5 {WEIGHT_RANGE}"],
        id="weight-above-1",
    ),
    pytest.param(
        _set("roles", 0, "weights", 0, "weight", value=0),
        [f"roles[0].weights[0].weight: bobot 0 {WEIGHT_RANGE}"],
        id="weight-0",
    ),
    pytest.param(
        _set("roles", 0, "weights", 0, "weight", value=-0.25),
        [f"roles[0].weights[0].weight: bobot -0.25 {WEIGHT_RANGE}"],
        id="weight-negative",
    ),
    pytest.param(
        _set("roles", 2, "traits", 4, "source", "quote", value="bukan kutipan asli"),
        ["roles[2].traits[4].source: kutipan tidak ditemukan di teks sumber"],
        id="trait-quote-not-in-sentence",
    ),
    pytest.param(
        _set("roles", 0, "traits", 0, "source", "sentence", value="mks-04"),
        ["roles[0].traits[0].source.sentence: kalimat tidak dikenal: 'mks-04'"],
        id="trait-quotes-another-roles-sentence",
    ),
    pytest.param(
        _set("questions", 0, "traits", 0, "trait", value="tidak-ada"),
        ["questions[0].traits[0].trait: sifat tidak dikenal: 'tidak-ada'"],
        id="unknown-trait-in-question",
    ),
    pytest.param(
        _set("questions", 0, "measures", 0, "direction", value=0),
        ["questions[0].measures[0].direction: harus 1 atau -1"],
        id="question-direction-0",
    ),
    pytest.param(
        _all_traits_cocok,
        ["roles[4].traits: peran tidak punya sifat 'tidak_cocok'"],
        id="role-without-tidak-cocok-traits",
    ),
    pytest.param(
        _set("roles", 0, "traits", 0, "polarity", value="netral"),
        ["roles[0].traits[0].polarity: harus 'cocok' atau 'tidak_cocok'"],
        id="unknown-polarity",
    ),
    pytest.param(
        _grow_sentence,
        [f"roles[3].sentences: paragraf 4 tidak sama persis dengan {KLS_FILE}"],
        id="sentence-changed",
    ),
    pytest.param(
        _set("roles", 0, "sentences", 8, "paragraph", value=10),
        [
            f"roles[0].sentences: paragraf 9 tidak sama persis dengan {KKS_FILE}",
            f"roles[0].sentences: paragraf 10 tidak ada di {KKS_FILE}",
        ],
        id="sentence-moved-past-last-paragraph",
    ),
    pytest.param(
        _set("roles", 0, "sentences", 0, "section", value="pengantar"),
        [
            "roles[0].sentences[0].section: bagian tidak dikenal: 'pengantar' "
            "(pilih: tugas, cocok, tidak_cocok, miskonsepsi, realita, perbedaan)",
            f"roles[0].sentences: paragraf 1 tidak sama persis dengan {KKS_FILE}",
        ],
        id="unknown-section",
    ),
    pytest.param(
        _set("roles", 0, "differences", 0, "profession", value="dokter"),
        ["roles[0].differences[0].profession: profesi tidak dikenal: 'dokter'"],
        id="unknown-profession",
    ),
    pytest.param(
        _set("roles", 0, "aliases", value="kks"),
        ["roles[0].aliases: harus berupa daftar"],
        id="string-instead-of-list",
    ),
    pytest.param(
        _set("questions", value="semua"),
        ["questions: harus berupa daftar"],
        id="questions-not-a-list",
    ),
    pytest.param(
        _set("version", value=2026),
        ["version: harus berupa teks"],
        id="number-instead-of-text",
    ),
    pytest.param(
        _set("roles", 0, "weights", 0, "weight", value="tinggi"),
        ["roles[0].weights[0].weight: harus berupa angka"],
        id="text-instead-of-number",
    ),
    pytest.param(
        _set("roles", 0, "weights", 0, "weight", value=True),
        ["roles[0].weights[0].weight: harus berupa angka"],
        id="boolean-is-not-a-number",
    ),
    pytest.param(
        _set("roles", 0, "sentences", 0, "paragraph", value="1"),
        [
            "roles[0].sentences[0].paragraph: harus berupa bilangan bulat",
            f"roles[0].sentences: paragraf 1 tidak sama persis dengan {KKS_FILE}",
        ],
        id="text-instead-of-integer",
    ),
    pytest.param(
        _set("roles", 0, "name", value="  "),
        ["roles[0].name: tidak boleh kosong"],
        id="blank-name",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), CASES)
def test_malformed_catalogue_reports_exact_problems(
    raw_catalog: Raw,
    write_catalog: Callable[..., Path],
    mutate: Mutation,
    expected: list[str],
) -> None:
    mutate(raw_catalog)
    assert problems_in(write_catalog(raw_catalog)) == expected


def test_role_that_is_not_an_object(raw_catalog: Raw, write_catalog: Callable[..., Path]) -> None:
    raw_catalog["roles"][2] = "peran"
    problems = problems_in(write_catalog(raw_catalog))
    assert problems[0] == "roles[2]: harus berupa objek"
    # What still points into the dropped role is reported too, each with its own path.
    assert problems[1:]
    for problem in problems[1:]:
        assert re.fullmatch(
            r"(professions|questions)\[\d+\]\S*: (kalimat|sifat) tidak dikenal: 'kbks-[a-z0-9-]+'",
            problem,
        ), problem


@pytest.mark.parametrize("root", [[], "katalog", 3, None, True])
def test_root_must_be_an_object(root: object, write_catalog: Callable[..., Path]) -> None:
    assert build_catalog(root) == ["(akar): harus berupa objek"]
    assert problems_in(write_catalog(json.dumps(root))) == ["(akar): harus berupa objek"]


# --- files that are not a catalogue at all --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{\n  "version": "1",\n  "roles": [\n}\n',
            "JSON rusak di baris 4, kolom 1 (nilai tidak ada atau tidak sah)",
        ),
        (
            '{"version": "1",}',
            "JSON rusak di baris 1, kolom 17 (nama kunci harus dalam tanda kutip ganda)",
        ),
        ('{"version" "1"}', "JSON rusak di baris 1, kolom 12 (kurang tanda titik dua)"),
        (
            '{"version": "1"} x',
            "JSON rusak di baris 1, kolom 18 (ada isi lebih setelah akhir JSON)",
        ),
        ('{"version": "1', "JSON rusak di baris 1, kolom 13 (teks tidak ditutup tanda kutip)"),
        ("", "JSON rusak di baris 1, kolom 1 (nilai tidak ada atau tidak sah)"),
    ],
    ids=["missing-value", "trailing-comma", "missing-colon", "extra-data", "open-string", "empty"],
)
def test_broken_json_names_line_and_column(
    text: str, expected: str, write_catalog: Callable[..., Path]
) -> None:
    assert problems_in(write_catalog(text)) == [expected]


@pytest.mark.parametrize(
    ("content", "byte"),
    [(b'{"version": "caf\xe9"}', 17), ('{"version": "1"}'.encode("utf-16"), 1)],
    ids=["latin-1", "utf-16"],
)
def test_file_that_is_not_utf8(
    content: bytes, byte: int, write_catalog: Callable[..., Path]
) -> None:
    assert problems_in(write_catalog(content)) == [f"bukan teks UTF-8 (byte ke-{byte})"]


def test_missing_catalogue_file(tmp_path: Path) -> None:
    assert problems_in(tmp_path / "tidak-ada.json") == ["berkas tidak ditemukan"]


def test_directory_instead_of_file(tmp_path: Path) -> None:
    assert check_catalog(tmp_path, "folder") == ["ini folder, bukan berkas JSON"]


def test_missing_source_file(raw_catalog: Raw, write_catalog: Callable[..., Path]) -> None:
    path = write_catalog(raw_catalog)
    (path.parent / MKS_FILE).unlink()
    assert problems_in(path) == [
        f"roles[1].source_file: berkas sumber tidak ditemukan: {MKS_FILE}",
    ]


def test_no_source_files_at_all(raw_catalog: Raw, write_catalog: Callable[..., Path]) -> None:
    path = write_catalog(raw_catalog, sources=False)
    assert problems_in(path) == [
        f"roles[{i}].source_file: berkas sumber tidak ditemukan: {role['source_file']}"
        for i, role in enumerate(raw_catalog["roles"])
    ]


def test_source_file_that_is_not_utf8(raw_catalog: Raw, write_catalog: Callable[..., Path]) -> None:
    path = write_catalog(raw_catalog)
    source = path.parent / KLS_FILE
    source.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    [problem] = problems_in(path)
    assert problem.startswith("roles[3].source_file: ")
    assert problem.endswith(KLS_FILE)


# --- many problems at once ------------------------------------------------------------------


def _many_problems(raw: Raw) -> list[str]:
    raw["roles"][0]["weights"][0]["dimension"] = "keberanian"
    raw["roles"][0]["weights"][1]["weight"] = 1.5
    raw["roles"][2]["traits"][4]["source"]["quote"] = "bukan kutipan asli"
    raw["roles"][3]["sentences"][3]["text"] += " Tambahan."
    raw["questions"][0]["traits"][0]["trait"] = "tidak-ada"
    return [
        "roles[0].weights[0].dimension: dimensi tidak dikenal: 'keberanian'",
        f"roles[0].weights[1].weight: bobot 1.5 {WEIGHT_RANGE}",
        "roles[2].traits[4].source: kutipan tidak ditemukan di teks sumber",
        f"roles[3].sentences: paragraf 4 tidak sama persis dengan {KLS_FILE}",
        "questions[0].traits[0].trait: sifat tidak dikenal: 'tidak-ada'",
    ]


def test_every_problem_is_reported_not_only_the_first(
    raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    expected = _many_problems(raw_catalog)
    assert problems_in(write_catalog(raw_catalog)) == expected


def test_load_catalog_raises_catalog_error_with_every_problem(
    raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    expected = _many_problems(raw_catalog)
    path = write_catalog(raw_catalog)
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert caught.value.problems == expected
    assert caught.value.exit_code == EXIT_USAGE
    assert words(caught.value).message == "\n".join(f"{path}: {p}" for p in expected)
    assert words(caught.value).hint is not None
    assert "kariersosial validate" in words(caught.value).hint


# --- hostile JSON is a problem, not a traceback ----------------------------------------------


def test_deeply_nested_json_is_a_problem_not_a_crash(write_catalog: Callable[..., Path]) -> None:
    problems = problems_in(write_catalog("[" * 100_000))
    assert problems == ["JSON bersarang terlalu dalam untuk dibaca"]


def test_huge_number_is_a_problem_not_a_crash(write_catalog: Callable[..., Path]) -> None:
    problems = problems_in(write_catalog('{"version": ' + "1" * 5000 + "}"))
    assert problems == ["JSON berisi angka yang terlalu panjang"]


# --- the CLI --------------------------------------------------------------------------------


@pytest.fixture
def bad_catalog(
    raw_catalog: Raw, write_catalog: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    """A catalogue with several problems, written as bad.json in the working directory."""
    expected = _many_problems(raw_catalog)
    path = write_catalog(raw_catalog, name="bad.json")
    monkeypatch.chdir(path.parent)
    return Path("bad.json"), expected


def test_cli_data_option_with_bad_catalogue(
    runner: CliRunner, bad_catalog: tuple[Path, list[str]]
) -> None:
    _, expected = bad_catalog
    result = runner.invoke(app, ["--data", "bad.json", "show", "layanan"])
    assert_clean_exit(result, 2)
    assert result.stdout == ""
    assert flat(result.stderr).startswith("Masalah: bad.json: ")
    for problem in expected:
        assert flat(f"bad.json: {problem}") in flat(result.stderr)
    assert "kariersosial validate" in flat(result.stderr)
    assert "KARIERSOSIAL_DATA" not in result.stderr


def test_cli_env_with_bad_catalogue_names_the_variable(
    runner: CliRunner, bad_catalog: tuple[Path, list[str]]
) -> None:
    _, expected = bad_catalog
    result = runner.invoke(app, ["roles"], env={"KARIERSOSIAL_DATA": "bad.json"})
    assert_clean_exit(result, 2)
    assert result.stdout == ""
    assert flat(f"bad.json: {expected[0]}") in flat(result.stderr)
    assert "KARIERSOSIAL_DATA" in result.stderr


def test_cli_data_option_with_broken_json(
    runner: CliRunner, write_catalog: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_catalog('{"version": "1",}').parent)
    result = runner.invoke(app, ["--data", "roles.json", "roles"])
    assert_clean_exit(result, 2)
    assert flat(
        "roles.json: JSON rusak di baris 1, kolom 17 (nama kunci harus dalam tanda kutip ganda)"
    ) in flat(result.stderr)


def test_cli_data_option_with_missing_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["--data", "tidak-ada.json", "show", "layanan"])
    assert_clean_exit(result, 2)
    assert "tidak-ada.json: berkas tidak ditemukan" in flat(result.stderr)


def test_cli_data_option_with_good_copy(
    runner: CliRunner, raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    raw_catalog["roles"][3]["name"] = "Koordinator Layanan Sosial (salinan)"
    path = write_catalog(raw_catalog)
    result = runner.invoke(app, ["--data", str(path), "show", "layanan"])
    assert_clean_exit(result, 0)
    assert "Koordinator Layanan Sosial (salinan)" in result.stdout


def test_validate_lists_every_problem(
    runner: CliRunner, bad_catalog: tuple[Path, list[str]]
) -> None:
    _, expected = bad_catalog
    result = runner.invoke(app, ["validate", "bad.json"])
    assert_clean_exit(result, 1)
    assert result.stdout == ""
    err = flat(result.stderr)
    assert err.startswith(f"bad.json: {len(expected)} masalah ditemukan")
    for problem in expected:
        assert flat(f"• {problem}") in err
    assert result.stderr.count("•") == len(expected)


def test_validate_uses_the_data_option(
    runner: CliRunner, bad_catalog: tuple[Path, list[str]]
) -> None:
    result = runner.invoke(app, ["--data", "bad.json", "validate"])
    assert_clean_exit(result, 1)
    assert flat(result.stderr).startswith("bad.json: 5 masalah ditemukan")


def test_validate_missing_file_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "missing.json"])
    assert_clean_exit(result, 2)
    assert "missing.json" in result.stderr
    assert "tidak ditemukan" in result.stderr


def test_validate_not_utf8(
    runner: CliRunner, write_catalog: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_catalog(b"\xff\xfe\x00{", name="latin.json").parent)
    result = runner.invoke(app, ["validate", "latin.json"])
    assert_clean_exit(result, 1)
    assert "latin.json: 1 masalah ditemukan" in result.stderr
    assert "• bukan teks UTF-8" in result.stderr


def test_validate_bundled_catalogue(runner: CliRunner, catalog: Catalog) -> None:
    result = runner.invoke(app, ["validate"])
    assert_clean_exit(result, 0)
    assert result.stderr == ""
    assert "katalog sah" in result.stdout
    assert f"{len(catalog.roles)} peran, {len(catalog.questions)} pernyataan" in result.stdout


def test_validate_good_copy(
    runner: CliRunner, raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    path = write_catalog(raw_catalog)
    result = runner.invoke(app, ["validate", str(path)])
    assert_clean_exit(result, 0)
    assert result.stdout.startswith(f"{path}: katalog sah")


def test_validate_json_good(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--json"])
    assert_clean_exit(result, 0)
    assert json.loads(result.stdout) == {
        "file": "data/roles.json",
        "valid": True,
        "problems": [],
    }


def test_validate_json_bad(runner: CliRunner, bad_catalog: tuple[Path, list[str]]) -> None:
    _, expected = bad_catalog
    result = runner.invoke(app, ["validate", "--json", "bad.json"])
    assert_clean_exit(result, 1)
    assert json.loads(result.stdout) == {"file": "bad.json", "valid": False, "problems": expected}
    assert result.stderr == ""


# --- curated opposite pairs and statement forms ----------------------------------------------


@pytest.mark.parametrize(
    ("opposites", "problem"),
    [
        (
            [{"pair": ["p30"], "reason": "x"}],
            "opposites[0].pair: harus berisi tepat dua id pernyataan",
        ),
        (
            [{"pair": ["p30", "p99"], "reason": "x"}],
            "opposites[0].pair[1]: pernyataan tidak dikenal: 'p99'",
        ),
        (
            [{"pair": ["p30", "p30"], "reason": "x"}],
            "opposites[0].pair: dua pernyataan harus berbeda",
        ),
        ([{"pair": ["p30", "p38"]}], "opposites[0].reason: wajib ada"),
        (
            [{"pair": ["p30", "p38"], "reason": "x"}, {"pair": ["p38", "p30"], "reason": "y"}],
            "opposites[1].pair: pasangan ini sudah tercantum",
        ),
        ("p30,p38", "opposites: harus berupa daftar"),
    ],
)
def test_opposite_pairs_are_checked(
    raw_catalog: Raw, write_catalog: Callable[..., Path], opposites: Any, problem: str
) -> None:
    raw_catalog["opposites"] = opposites
    assert problems_in(write_catalog(raw_catalog)) == [problem]


def test_a_statement_form_must_be_known(
    raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    raw_catalog["questions"][0]["form"] = "ganda"
    assert problems_in(write_catalog(raw_catalog)) == [
        "questions[0].form: harus salah satu dari: single, comparative"
    ]


def test_the_bundled_pairs_and_forms_load(
    raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    catalog = check_catalog(write_catalog(raw_catalog), "roles.json")
    assert not isinstance(catalog, list)
    assert {(o.first, o.second) for o in catalog.opposites} == {("p30", "p38"), ("p30", "p17")}
    comparative = [q for q in catalog.questions if q.form == "comparative"]
    assert comparative and all(q.text.startswith("Saya lebih ") for q in comparative)


def test_expected_answers_are_checked(raw_catalog: Raw, write_catalog: Callable[..., Path]) -> None:
    first = raw_catalog["questions"][0]["expected"]
    first["koordinator-kebijakan-sosial"] = 7
    first["penyanyi"] = 3
    del first["pekerja-sosial"]
    raw_catalog["questions"][1]["expected"]["manajer-kebijakan-sosial"] = "tinggi"
    assert problems_in(write_catalog(raw_catalog)) == [
        "questions[0].expected.koordinator-kebijakan-sosial: jawaban 7 di luar skala 1–5",
        "questions[1].expected.manajer-kebijakan-sosial: harus berupa angka",
        "questions[0].expected.penyanyi: peran atau profesi tidak dikenal: 'penyanyi'",
        "questions[0].expected: tidak ada jawaban untuk: koordinator-kebijakan-sosial, "
        "pekerja-sosial",
        "questions[1].expected: tidak ada jawaban untuk: manajer-kebijakan-sosial",
    ]


def test_expected_answers_are_all_or_nothing(
    raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    del raw_catalog["questions"][3]["expected"]
    problems = problems_in(write_catalog(raw_catalog))
    assert problems[0].startswith("questions[3].expected: tidak ada jawaban untuk: ")


def test_without_expected_answers_the_weights_give_the_patterns(
    raw_catalog: Raw, write_catalog: Callable[..., Path]
) -> None:
    for q in raw_catalog["questions"]:
        q.pop("expected")
        q.pop("expected_reason")
    catalog = check_catalog(write_catalog(raw_catalog), "roles.json")
    assert isinstance(catalog, Catalog)
    from kariersosial.core.scoring import Scorer

    scorer = Scorer(catalog)
    kls = scorer.patterns.expected["koordinator-layanan-sosial"]
    assert kls["p20"] > scorer.patterns.expected["manajer-kebijakan-sosial"]["p20"]


# --- the bundled catalogue, parsed without the pre-scan ---------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "JSON bersarang terlalu dalam untuk dibaca"),
        ('{"versi": ' + "9" * 5000 + "}", "JSON berisi angka yang terlalu panjang"),
        ('{"roles": [', "JSON rusak di baris 1, kolom 12 (nilai tidak ada atau tidak sah)"),
    ],
)
def test_a_bundled_catalogue_damaged_after_installation_is_reported_like_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, reason: str
) -> None:
    from kariersosial.catalog import load

    damaged = tmp_path / "data" / "roles.json"
    damaged.parent.mkdir()
    damaged.write_text(text, encoding="utf-8")
    monkeypatch.delenv("KARIERSOSIAL_DATA", raising=False)
    monkeypatch.setattr(load, "bundled_catalog_file", lambda: damaged)
    with pytest.raises(CatalogError) as caught:
        load_catalog()
    assert caught.value.problems == [reason]


def test_the_bundled_catalogue_is_found_without_importlib_resources() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from kariersosial.catalog.load import bundled_catalog_file, load_catalog\n"
        "assert bundled_catalog_file().is_file()\n"
        "load_catalog()\n"
        "print('importlib.resources' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "KARIERSOSIAL_DATA"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


@given(st.text(alphabet=st.characters(max_codepoint=0x10FFFF, exclude_categories=())))
def test_the_printable_shortcut_finds_what_the_pattern_finds(text: str) -> None:
    from kariersosial.catalog import checker

    expected = re.search(checker._UNSHOWABLE, text)
    found = checker.unshowable(text)
    assert (found.group() if found else None) == (expected.group() if expected else None)
