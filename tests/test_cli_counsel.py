"""compare, form and score as a person runs them: output, messages and exit codes."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer import _click
from typer.main import get_command
from typer.testing import CliRunner

from helpers import fails, flat, ok
from kariersosial.cli.app import app
from kariersosial.core.compare import compare_roles
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import Scorer
from kariersosial.io.answers import SCALE_LABELS
from kariersosial.io.json_shapes import comparison
from kariersosial.ui import render

KLS = "koordinator-layanan-sosial"
PPKS = "pengelola-program-kesejahteraan-sosial"
LABELS = list(SCALE_LABELS.values())


def narrow(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    render.stdout.cache_clear()
    render.stderr.cache_clear()


@pytest.fixture(scope="module")
def ids(catalog: Catalog) -> list[str]:
    return [q.id for q in catalog.questions]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", **kw: str) -> Path:
    with path.open("w", encoding=kw.get("encoding", "utf-8"), newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return path


def answers(ids: list[str], seed: int, labels: bool = False) -> list[str]:
    rng = random.Random(seed)
    values = [rng.randint(1, 5) for _ in ids]
    if not labels:
        return [str(v) for v in values]
    return [LABELS[v - 1].upper() if i % 2 else str(v) for i, v in enumerate(values)]


def results(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


# --- compare --------------------------------------------------------------------------------


def test_compare_shows_both_roles_section_by_section(runner: CliRunner, catalog: Catalog) -> None:
    result = ok(runner.invoke(app, ["compare", "layanan", "pengelola"]))
    assert result.stderr == ""
    out = flat(result.stdout)
    kls, ppks = catalog.role(KLS), catalog.role(PPKS)
    positions = [
        out.index(title)
        for title in (
            "Tugas dan pekerjaan",
            "Cocok untukmu jika…",
            "Kurang cocok jika…",
            "Kenyataannya",
            "Perbedaan dengan profesi yang mirip",
            "Dimensi minat yang paling membedakan",
        )
    ]
    assert positions == sorted(positions)
    for role in (kls, ppks):
        assert role.name in out and f"ID: {role.id}" in out
        assert " ".join(role.summary.split()[:3]) in out  # the rest wraps within its column
        assert f"kariersosial show {role.id}" in out
    # quotes verbatim, inside quotation marks (wide: two columns, so look per quote start)
    for role in (kls, ppks):
        for sentence in (*role.section("tugas"), *role.section("cocok")):
            assert "“" + " ".join(sentence.text.split()[:3]) in out
    assert "Teks dalam tanda kutip dikutip apa adanya" in out
    assert "Lebih dibutuhkan oleh" in out
    assert "Terjun langsung ke lapangan" in out


def test_compare_stacks_the_roles_on_a_narrow_terminal(
    runner: CliRunner, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    narrow(monkeypatch, 60)
    result = ok(runner.invoke(app, ["compare", "kls", "ppks"]))
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    out = flat(result.stdout)
    kls, ppks = catalog.role(KLS), catalog.role(PPKS)
    # stacked, every quote reads whole: one role's quotes, then the other's
    for role in (kls, ppks):
        for sentence in role.section("tugas"):
            assert f"“{sentence.text}”" in out
        for myth in role.misconceptions:
            for q in myth.reality:
                assert f"“{q.text}”" in out
        for diff in role.differences:
            for q in diff.quotes:
                assert f"“{q.text}”" in out
    assert out.index(kls.section("tugas")[-1].text) < out.index(ppks.section("tugas")[0].text)
    assert "1. Terjun langsung ke lapangan" in out
    assert "◀ lebih dibutuhkan" in out
    assert "0,8" in out and "0,0" in out  # Indonesian decimal comma


@pytest.mark.parametrize("columns", [60, 80, 99, 100, 140])
def test_compare_fits_every_width(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    narrow(monkeypatch, columns)
    result = ok(runner.invoke(app, ["compare", "kabag", "manajer"]))
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= columns
    # two columns from 100 cells: both role names share the heading row of a section
    side_by_side = re.search(
        r"Kepala Bagian Kebijakan Sosial\s+Manajer Kebijakan Sosial", result.stdout
    )
    assert (side_by_side is not None) == (columns >= 100)


def test_compare_json(runner: CliRunner, catalog: Catalog) -> None:
    result = ok(runner.invoke(app, ["compare", "kls", "ppks", "--json"]))
    data = json.loads(result.stdout)
    expected = comparison(catalog, compare_roles(catalog, catalog.role(KLS), catalog.role(PPKS)))
    assert data == expected
    assert [r["id"] for r in data["roles"]] == [KLS, PPKS]
    assert len(data["dimensions"]) == 5


def test_compare_the_same_role_twice(runner: CliRunner) -> None:
    result = fails(runner.invoke(app, ["compare", "kls", "koordinator layanan"]), 2)
    assert result.stdout == ""
    assert flat(result.stderr).startswith(
        "Masalah: Kedua peran yang kamu pilih sama: Koordinator Layanan Sosial. "
        "Pilih dua peran yang berbeda."
    )


def test_compare_an_unknown_or_ambiguous_role(runner: CliRunner) -> None:
    result = fails(runner.invoke(app, ["compare", "kls", "dokter"]), 2)
    assert "Masalah: Peran 'dokter' tidak dikenal." in result.stderr
    result = fails(runner.invoke(app, ["compare", "koordinator", "kls"]), 2)
    assert "'koordinator' cocok dengan lebih dari satu peran" in result.stderr


def test_compare_needs_two_roles(runner: CliRunner) -> None:
    result = fails(runner.invoke(app, ["compare", "kls"]), 2)
    assert "PERAN_B" in result.stderr


def test_both_compare_arguments_complete_role_ids() -> None:
    command = get_command(app).commands["compare"]  # type: ignore[attr-defined]
    ctx = _click.Context(command)
    arguments = [p for p in command.params if p.name in ("first", "second")]
    assert len(arguments) == 2
    for param in arguments:
        found = [c.value for c in param.shell_complete(ctx, "koord")]
        assert found == ["koordinator-kebijakan-sosial", KLS]


# --- form -----------------------------------------------------------------------------------


def test_form_md_is_a_printable_sheet(runner: CliRunner, catalog: Catalog) -> None:
    result = ok(runner.invoke(app, ["form", "--format", "md"]))
    text = result.stdout
    assert text.startswith("# Kuis Kecocokan Karier")
    assert "Nama: ____" in text and "Kelas: ____" in text
    assert "## Petunjuk" in text and "dirimu" in text and "kamu" in text
    for value, label in SCALE_LABELS.items():
        assert f"| {value} | {label} |" in text
    assert "| No. | Pernyataan | 1 | 2 | 3 | 4 | 5 | ID |" in text
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    rows = [r for r in rows if r.count("|") == 9]  # the statements, not the scale legend
    assert len(rows) == len(catalog.questions)
    for number, (row, q) in enumerate(zip(rows, catalog.questions, strict=True), start=1):
        assert row == f"| {number} | {q.text} | | | | | | {q.id} |"
    assert ok(runner.invoke(app, ["form"])).stdout == text  # md is the default


def test_form_md_escapes_table_characters() -> None:
    from kariersosial.io.form import _md_cell

    assert _md_cell("a | b\\c\n d") == "a \\| b\\\\c d"


def test_form_csv_is_one_header_row(runner: CliRunner, catalog: Catalog) -> None:
    result = ok(runner.invoke(app, ["form", "--format", "csv"]))
    assert not result.stdout.startswith("\ufeff")  # no byte-order mark on stdout
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0] == ["nama", *(f"{q.id} {q.text}" for q in catalog.questions)]


def test_form_to_a_file(runner: CliRunner, tmp_path: Path, catalog: Catalog) -> None:
    sheet = tmp_path / "templat.csv"
    result = ok(runner.invoke(app, ["form", "--output", str(sheet)]))
    assert result.stdout == (
        f"Templat lembar kerja ({len(catalog.questions)} pernyataan) ditulis ke {sheet}.\n"
    )
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfnama,")  # BOM: Excel reads it as UTF-8
    md = tmp_path / "lembar.md"
    result = ok(runner.invoke(app, ["form", "-o", str(md)]))
    assert "Lembar cetak" in result.stdout
    assert md.read_text(encoding="utf-8").startswith("# Kuis")


def test_form_rejects_an_unknown_format(runner: CliRunner) -> None:
    result = fails(runner.invoke(app, ["form", "--format", "xlsx"]), 2)
    assert flat(result.stderr) == "Masalah: Format 'xlsx' tidak dikenal. Pilih md atau csv. " + (
        "Contoh: --format md"
    )


def test_the_form_template_can_be_filled_in_and_scored(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    sheet = tmp_path / "kelas.csv"
    ok(runner.invoke(app, ["form", "--format", "csv", "--output", str(sheet)]))
    with sheet.open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(["Ani", *answers(ids, 1, labels=True)])
    result = ok(runner.invoke(app, ["score", str(sheet)]))
    (row,) = results(result.stdout)
    assert row["nama"] == "Ani"


# --- score ----------------------------------------------------------------------------------


def test_score_a_class(runner: CliRunner, tmp_path: Path, catalog: Catalog, ids: list[str]) -> None:
    people = [("Ani", 1), ("Budi", 2), ("Citra", 3)]
    path = write_csv(
        tmp_path / "kelas.csv",
        [
            ["Timestamp", "Nama", *(f"{q.id} {q.text}" for q in catalog.questions)],
            *(["2026-01-05", name, *answers(ids, seed, labels=True)] for name, seed in people),
        ],
    )
    result = ok(runner.invoke(app, ["score", str(path)]))
    rows = results(result.stdout)
    assert list(rows[0]) == [
        "baris",
        "nama",
        "peran_teratas",
        "nama_peran_teratas",
        "peringkat",
        *(r.id for r in catalog.roles),
        "tegas",
        "tidak_ada_yang_cocok",
        "catatan",
        "dijawab",
        "dilewati",
    ]
    scorer = Scorer(catalog)
    for row, (name, seed) in zip(rows, people, strict=True):
        full = scorer.score(dict(zip(ids, map(int, answers(ids, seed)), strict=True)))
        assert row["nama"] == name
        assert row["peran_teratas"] == full.ranking[0].role.id
        assert row["nama_peran_teratas"] == full.ranking[0].role.name
        assert row["peringkat"] == " > ".join(f.role.id for f in full.ranking)
        for fit in full.ranking:
            assert row[fit.role.id] == f"{fit.fit:.0f}"
        assert row["tegas"] == ("ya" if full.decisive else "tidak")
        assert row["tidak_ada_yang_cocok"] == ("ya" if full.nothing_fits else "tidak")
        assert (row["dijawab"], row["dilewati"]) == (str(len(ids)), "0")
    err = flat(result.stderr)
    # the timestamp is read (it dates each student's page), so it is not listed as unused
    assert "Kolom yang tidak dipakai" not in err
    assert "waktu isi = kolom 1 (Timestamp)" in err
    assert "Dinilai: 3 responden. Dilewati: 0 baris." in err
    assert "Peran teratas tiap responden:" in err


@pytest.mark.parametrize(
    ("name_title", "titles", "delimiter"),
    [
        ("name", "{id}", ","),
        ("ID", "{ID}", ";"),
        ("Siswa", "{id}. {text}", "\t"),
        ("nama", "Seberapa setuju kamu? [{id} {text}]", ","),
    ],
)
def test_score_reads_the_header_variants(
    runner: CliRunner,
    tmp_path: Path,
    catalog: Catalog,
    name_title: str,
    titles: str,
    delimiter: str,
) -> None:
    header = [titles.format(id=q.id, ID=q.id.upper(), text=q.text) for q in catalog.questions]
    ids = [q.id for q in catalog.questions]
    path = write_csv(
        tmp_path / "kelas.csv",
        [[name_title, *header], ["Ani", *answers(ids, 5)], ["Budi", *answers(ids, 6)]],
        delimiter,
    )
    result = ok(runner.invoke(app, ["score", str(path)]))
    assert [r["nama"] for r in results(result.stdout)] == ["Ani", "Budi"]
    assert "tidak dipakai" not in result.stderr


def test_score_reports_bad_rows_and_scores_the_rest(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    bad_value = answers(ids, 2)
    bad_value[2] = "7"
    path = write_csv(
        tmp_path / "kelas.csv",
        [
            ["nama", *ids],
            ["Ani", *answers(ids, 1)],
            ["Budi", "4", "5"],
            ["Citra", *bad_value],
            ["Dewi", *[""] * len(ids)],
            ["Eko", *answers(ids, 3, labels=True)],
        ],
    )
    result = ok(runner.invoke(app, ["score", str(path)]))
    assert [(r["baris"], r["nama"]) for r in results(result.stdout)] == [("2", "Ani"), ("6", "Eko")]
    err = result.stderr.splitlines()
    start = err.index("3 baris dilewati:")
    assert err[start + 1 : start + 4] == [
        f"  baris 3 (Budi): ada 3 kolom, padahal baris judul punya {len(ids) + 1} kolom",
        "  baris 4 (Citra): jawaban tidak sah: p03 '7' (pakai 1-5 atau label seperti 'Setuju')",
        "  baris 5 (Dewi): tidak ada jawaban yang bisa dinilai (semua kosong)",
    ]
    assert "Dinilai: 2 responden. Dilewati: 3 baris." in result.stderr


def test_score_caps_the_list_of_bad_rows(runner: CliRunner, tmp_path: Path, ids: list[str]) -> None:
    rows = [["nama", *ids], ["Ani", *answers(ids, 1)]]
    rows += [[f"orang {n}", "1"] for n in range(30)]
    path = write_csv(tmp_path / "kelas.csv", rows)
    result = ok(runner.invoke(app, ["score", str(path)]))
    listed = [line for line in result.stderr.splitlines() if line.startswith("  baris ")]
    assert len(listed) == 20
    assert listed[0].startswith("  baris 3 (orang 0): ada 2 kolom")
    assert "  … dan 10 baris lain" in result.stderr.splitlines()
    assert "Dinilai: 1 responden. Dilewati: 30 baris." in result.stderr


def test_score_fails_when_no_row_can_be_scored(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    path = write_csv(tmp_path / "kelas.csv", [["nama", *ids], ["Ani", "1"], ["Budi", "2", "3"]])
    result = fails(runner.invoke(app, ["score", str(path)]), 1)
    err = flat(result.stderr)
    assert "2 baris dilewati:" in err
    assert f"Masalah: Tidak ada baris yang bisa dinilai dari '{path}'." in err
    assert "Perbaiki baris yang dilaporkan di atas" in err


def test_score_a_header_without_answers(runner: CliRunner, tmp_path: Path, ids: list[str]) -> None:
    path = write_csv(tmp_path / "kelas.csv", [["nama", *ids]])
    result = fails(runner.invoke(app, ["score", str(path)]), 1)
    assert f"Masalah: Berkas '{path}' belum berisi jawaban: hanya ada baris judul." in flat(
        result.stderr
    )


def test_score_an_empty_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kosong.csv"
    path.write_text("", encoding="utf-8")
    result = fails(runner.invoke(app, ["score", str(path)]), 2)
    assert result.stdout == ""
    err = flat(result.stderr)
    assert err.startswith(
        f"Masalah: Berkas '{path}' kosong: tidak ada baris judul maupun jawaban. "
        "Baris pertama harus berisi kolom nama"
    )


def test_score_a_header_without_statement_columns(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "kelas.csv", [["Nama", "Kelas", "Q1"], ["Ani", "XI", "4"]])
    result = fails(runner.invoke(app, ["score", str(path)]), 2)
    assert result.stdout == ""
    err = flat(result.stderr)
    assert err.startswith(
        f"Masalah: Baris judul '{path}' tidak punya kolom pernyataan. "
        "Judul kolom yang ada: Nama, Kelas, Q1. "
        "Baris pertama harus berisi kolom nama (berjudul nama, name, atau id) lalu satu kolom "
        "per pernyataan, berjudul ID-nya (p01, p02, …)"
    )
    assert "kariersosial form --format csv" in err


def test_score_a_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = fails(runner.invoke(app, ["score", str(tmp_path / "tidak-ada.csv")]), 2)
    assert flat(result.stderr) == (
        f"Masalah: Berkas jawaban '{tmp_path / 'tidak-ada.csv'}' tidak ditemukan. "
        "Periksa nama dan foldernya."
    )


def test_score_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = fails(runner.invoke(app, ["score", str(tmp_path)]), 2)
    assert "adalah folder, bukan berkas CSV" in flat(result.stderr)


def test_score_from_stdin(runner: CliRunner, ids: list[str]) -> None:
    text = "\ufeffnama," + ",".join(ids) + "\n" + "Ani," + ",".join(answers(ids, 4)) + "\n"
    result = ok(runner.invoke(app, ["score", "-"], input=text.encode("utf-8")))
    assert [r["nama"] for r in results(result.stdout)] == ["Ani"]


def test_score_utf16_and_bytes_that_are_not_utf8(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    utf16 = write_csv(
        tmp_path / "unicode.txt",
        [["nama", *ids], ["Ñoman", *answers(ids, 1)]],
        "\t",
        encoding="utf-16",
    )
    result = ok(runner.invoke(app, ["score", str(utf16)]))
    assert [r["nama"] for r in results(result.stdout)] == ["Ñoman"]
    latin = tmp_path / "ansi.csv"
    body = "nama," + ",".join(ids) + "\n" + "José," + ",".join(answers(ids, 1)) + "\n"
    latin.write_bytes(body.encode("cp1252"))
    result = ok(runner.invoke(app, ["score", str(latin)]))
    assert [r["nama"] for r in results(result.stdout)] == ["Jos\ufffd"]
    assert "1 baris berisi teks yang bukan UTF-8" in flat(result.stderr)


def test_score_json(runner: CliRunner, tmp_path: Path, catalog: Catalog, ids: list[str]) -> None:
    rows = [["nama", *ids], *([f"s{n}", *answers(ids, n)] for n in range(12)), ["x", "1"]]
    path = write_csv(tmp_path / "kelas.csv", rows)
    result = ok(runner.invoke(app, ["score", str(path), "--format", "json"]))
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["respondents"]] == [f"s{n}" for n in range(12)]
    summary = data["totals"]
    assert (summary["scored"], summary["skipped"]) == (12, 1)
    assert sum(r["first"] for r in summary["roles"]) + summary["nothing_fits_count"] == 12
    assert [r["id"] for r in summary["roles"]] == [r.id for r in catalog.roles]
    assert "Dinilai: 12 responden. Dilewati: 1 baris." in result.stderr


def test_the_score_summary_counts_nothing_fits_apart_from_the_top_roles(
    runner: CliRunner, tmp_path: Path, catalog: Catalog, ids: list[str]
) -> None:
    # all 1s: no role fits well; it must not be counted under the role that came first
    rows = [
        ["nama", *ids],
        ["tak-minat", *(["1"] * len(ids))],
        ["semua-setuju", *(["5"] * len(ids))],
    ]
    path = write_csv(tmp_path / "kelas.csv", rows)
    data = json.loads(ok(runner.invoke(app, ["score", str(path), "--format", "json"])).stdout)
    flags = [p["nothing_fits"] for p in data["respondents"]]
    assert flags == [True, False]
    summary = data["totals"]
    assert summary["nothing_fits_count"] == 1
    assert sum(r["first"] for r in summary["roles"]) == 1
    screen = flat(ok(runner.invoke(app, ["score", str(path)])).stderr)
    assert "Belum ada peran yang benar-benar cocok 1 50%" in screen


def test_score_to_a_file_puts_the_summary_on_stdout(
    runner: CliRunner, tmp_path: Path, catalog: Catalog, ids: list[str]
) -> None:
    path = write_csv(
        tmp_path / "kelas.csv", [["nama", *ids], *([f"s{n}", *answers(ids, n)] for n in range(9))]
    )
    out = tmp_path / "hasil.csv"
    result = ok(runner.invoke(app, ["score", str(path), "--output", str(out)]))
    assert out.read_bytes().startswith(b"\xef\xbb\xbfbaris,nama,")
    written = results(out.read_text(encoding="utf-8"))
    assert len(written) == 9
    stdout = result.stdout
    assert "Dinilai: 9 responden. Dilewati: 0 baris." in stdout
    assert f"Hasil ditulis ke {out}." in flat(stdout)
    counts = {
        name: int(m.group(1))
        for name in (r.name for r in catalog.roles)
        if (m := re.search(rf"{name}\s+(\d+)\s+\d+%", stdout))
    }
    assert len(counts) == len(catalog.roles)
    none_fit = re.search(r"Belum ada peran yang benar-benar cocok\s+(\d+)\s+\d+%", stdout)
    assert none_fit
    assert sum(counts.values()) + int(none_fit.group(1)) == 9
    tops = [r["nama_peran_teratas"] for r in written if r["tidak_ada_yang_cocok"] == "tidak"]
    assert counts == {r.name: tops.count(r.name) for r in catalog.roles}
    as_json = tmp_path / "hasil.json"
    ok(runner.invoke(app, ["score", str(path), "-o", str(as_json)]))  # format from the suffix
    assert len(json.loads(as_json.read_text(encoding="utf-8"))["respondents"]) == 9


def test_score_refuses_to_overwrite_its_input(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    path = write_csv(tmp_path / "kelas.csv", [["nama", *ids], ["Ani", *answers(ids, 1)]])
    before = path.read_bytes()
    result = fails(runner.invoke(app, ["score", str(path), "-o", str(path)]), 2)
    assert "sama dengan berkas jawaban; jawabannya akan tertimpa." in flat(result.stderr)
    assert path.read_bytes() == before


def test_score_rejects_an_unknown_format(runner: CliRunner, tmp_path: Path) -> None:
    result = fails(runner.invoke(app, ["score", "x.csv", "--format", "xlsx"]), 2)
    assert "Masalah: Format 'xlsx' tidak dikenal. Pilih csv atau json." in result.stderr


def test_score_help_explains_the_file(runner: CliRunner) -> None:
    out = flat(ok(runner.invoke(app, ["score", "--help"], env={"COLUMNS": "200"})).stdout)
    assert "Seberapa setuju kamu? [p01 …]" in out  # not eaten as rich markup
    assert "kariersosial form --format csv" in out
    assert "`-` untuk membaca isi yang dialirkan ke perintah ini" in out
