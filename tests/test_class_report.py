"""`score --report`, `--anonim` and `--excel` as a counsellor runs them."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import fails, flat, ok
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import Scorer
from kariersosial.io.answers import SCALE_LABELS
from kariersosial.io.forms_header import timestamp_iso
from kariersosial.io.report import from_result
from kariersosial.io.report_html import body_parts

LABELS = list(SCALE_LABELS.values())
HOSTILE = ['<script>alert("x")</script>', 'Budi & "Ani"', '=HYPERLINK("http://x")', "@SUM(1)"]


def answers(count: int, seed: int) -> list[int]:
    import random

    rng = random.Random(seed)
    return [rng.randint(1, 5) for _ in range(count)]


def forms_csv(
    path: Path, catalog: Catalog, names: list[str], extra: list[list[str]] | None = None
) -> Path:
    """A Google Forms export: timestamp, email, name, statement texts as titles, labels."""
    rows = [["Timestamp", "Email Address", "Nama", *(q.text for q in catalog.questions)]]
    for n, name in enumerate(names):
        labels = [LABELS[v - 1] for v in answers(len(catalog.questions), n)]
        rows.append([f"30/11/2026 09.{10 + n}.00", f"murid{n}@sekolah.id", name, *labels])
    rows += extra or []
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


def sections(text: str) -> list[str]:
    """Each student's page (they hold sections of their own, so split, not match)."""
    parts = re.split(r'(?=<section class="student" )', text.split("</body>")[0])[1:]
    for part in parts:
        assert part.rstrip().endswith("</section>")
    return parts


def no_ids(text: str) -> str:
    return re.sub(r"grafik-\d+", "grafik", text)


@pytest.fixture
def class_file(tmp_path: Path, catalog: Catalog) -> Path:
    names = ["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi"]
    return forms_csv(tmp_path / "jawaban.csv", catalog, names)


# --- the report -------------------------------------------------------------------------------


def test_a_forms_export_reports_without_editing(
    runner: CliRunner, tmp_path: Path, catalog: Catalog, class_file: Path
) -> None:
    target = tmp_path / "kelas.html"
    result = ok(runner.invoke(app, ["score", str(class_file), "--report", str(target)]))
    assert "Laporan kelas ditulis ke" in flat(result.stdout)
    assert "Dinilai: 8 responden. Dilewati: 0 baris." in result.stdout
    assert "baris,nama" not in result.stdout  # without --output the results are in the report
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert "http://" not in text and "https://" not in text and "<script" not in text
    assert "break-before: page" in text
    for heading in (
        "Kelas sekilas",
        "Profil rata-rata kelas",
        "Semua siswa, dikelompokkan menurut peran teratas",
        "Kelompok untuk bimbingan kelompok",
    ):
        assert f"<h2>{heading}</h2>" in text
    assert len(sections(text)) == 8
    assert "@sekolah.id" not in text  # emails are never written


@pytest.fixture
def class_report(runner: CliRunner, tmp_path: Path, class_file: Path) -> tuple[str, Any]:
    """The class report's HTML and the same class scored as JSON."""
    target = tmp_path / "kelas.html"
    ok(runner.invoke(app, ["score", str(class_file), "--report", str(target)]))
    data = json.loads(ok(runner.invoke(app, ["score", str(class_file), "-f", "json"])).stdout)
    return target.read_text(encoding="utf-8"), data


def test_the_overview_counts_are_the_score_summary(class_report: tuple[str, Any]) -> None:
    text, data = class_report
    summary = data["totals"]
    # the role chart's text alternative carries every count
    desc = re.search(r'<desc id="grafik-\d+-d">Jumlah siswa yang peran teratasnya.*?</desc>', text)
    assert desc
    for role in summary["roles"]:
        share = f"{100 * role['first'] / summary['scored']:.0f}%"
        assert f"{html.escape(role['name'])}: {role['first']} siswa · {share}" in desc.group()
    assert f"<strong>{summary['nothing_fits_count']}</strong> siswa: belum ada peran" in text
    assert f"<strong>{summary['not_decisive_count']}</strong> siswa: hasilnya belum tegas" in text
    cautioned = sum(1 for p in data["respondents"] if p["cautions"])
    assert f"<strong>{cautioned}</strong> siswa: ada catatan" in text
    # the average profile chart, with its text alternative
    assert "Profil rata-rata kelas per dimensi minat" in text
    assert re.search(r"<desc[^>]*>Rata-rata minat siswa pada tiap dimensi minat", text)


def test_the_table_and_the_groups_follow_the_top_roles(
    catalog: Catalog, class_report: tuple[str, Any]
) -> None:
    text, data = class_report
    start = text.index('<table class="class-table">')
    table = text[start : text.index("</table>", start)]
    groups = re.findall(r'<tr class="group"><th colspan="5">(.*?) \((\d+) siswa\)</th></tr>', table)
    order = [r.name for r in catalog.roles] + ["Belum ada peran yang benar-benar cocok"]
    assert [name for name, _ in groups] == [n for n in order if n in {g for g, _ in groups}]
    expected: dict[str, list[str]] = {}
    for p in data["respondents"]:
        key = (
            "Belum ada peran yang benar-benar cocok"
            if p["nothing_fits"]
            else p["top"]["role"]["name"]
        )
        expected.setdefault(key, []).append(p["name"])
    assert {name: int(n) for name, n in groups} == {k: len(v) for k, v in expected.items()}
    undecided = [p for p in data["respondents"] if not p["decisive"] and not p["nothing_fits"]]
    assert undecided  # random answers: some stand between two roles
    for p in undecided:
        first, second = (f["role"]["id"] for f in p["ranking"][:2])
        names = {r.id: r.name for r in catalog.roles}
        a, b = sorted((first, second), key=[r.id for r in catalog.roles].index)
        heading = f"Belum tegas antara {names[a]} dan {names[b]}"
        assert heading in text
        block = text[text.index(heading) :].split("</ul>", 1)[0]
        assert f">{p['name']}</a></li>" in block


def test_each_student_page_is_the_report_export_gives_without_pictures_and_answers(
    runner: CliRunner, tmp_path: Path, catalog: Catalog, class_file: Path
) -> None:
    target = tmp_path / "kelas.html"
    ok(runner.invoke(app, ["score", str(class_file), "--report", str(target)]))
    pages = sections(target.read_text(encoding="utf-8"))
    scorer = Scorer(catalog)
    ids = [q.id for q in catalog.questions]
    for n, (page, name) in enumerate(zip(pages, ["Ani", "Budi", "Citra"], strict=False)):
        given: dict[str, int | None] = dict(zip(ids, answers(len(ids), n), strict=True))
        created = timestamp_iso(f"30/11/2026 09.{10 + n}.00")
        assert created is not None
        report = from_result(catalog, scorer.score(given), given, "full", created)
        expected = body_parts(report, heading=name, compact=True)
        # the export's own parts, without its pictures and answer list: one report, shortened
        full = body_parts(report, heading=name)
        assert all(part in full for part in expected)
        assert "<h2>Jawabanmu</h2>" in full and "<h2>Jawabanmu</h2>" not in expected
        assert page.startswith(f'<section class="student" id="siswa-{n + 1}">\n<h1>{name}</h1>')
        assert f"Siswa nomor {n + 1} · baris {n + 2} di berkas jawaban" in page
        assert no_ids("\n".join(expected[1:])) in no_ids(page)
        assert "30 November 2026, pukul 09." in page  # the form's timestamp is the date


def test_hostile_names_are_escaped_everywhere(
    runner: CliRunner, tmp_path: Path, catalog: Catalog
) -> None:
    source = forms_csv(tmp_path / "jawaban.csv", catalog, HOSTILE)
    target = tmp_path / "kelas.html"
    out = tmp_path / "hasil.csv"
    ok(runner.invoke(app, ["score", str(source), "--report", str(target), "-o", str(out)]))
    text = target.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "Budi &amp; &quot;Ani&quot;" in text
    assert "http://" not in text.replace(html.escape('=HYPERLINK("http://x")'), "")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["nama"] for r in rows] == [
        '<script>alert("x")</script>',
        'Budi & "Ani"',
        '\'=HYPERLINK("http://x")',
        "'@SUM(1)",
    ]


# --- names left out ---------------------------------------------------------------------------


def test_anonim_leaves_every_name_and_email_out(
    runner: CliRunner, tmp_path: Path, catalog: Catalog
) -> None:
    names = ["Ani Lestari", "Budi Santoso", "Citra Dewi"]
    bad = [["30/11/2026 10.00.00", "x@sekolah.id", "Dodi Rahman", "9"]]
    source = forms_csv(tmp_path / "jawaban.csv", catalog, names, bad)
    target = tmp_path / "kelas.html"
    out = tmp_path / "hasil.csv"
    result = ok(
        runner.invoke(
            app, ["score", str(source), "--anonim", "--report", str(target), "-o", str(out)]
        )
    )
    as_json = ok(runner.invoke(app, ["score", str(source), "--anonim", "-f", "json"]))
    written = [
        target.read_text(encoding="utf-8"),
        out.read_text(encoding="utf-8-sig"),
        result.stdout,
        result.stderr,
        as_json.stdout,
        as_json.stderr,
    ]
    for text in written:
        for name in [*names, "Dodi", "Ani", "Budi", "Citra"]:
            assert name not in text
        assert "@sekolah.id" not in text
    report = written[0]
    assert [re.search(r"<h1>(.*?)</h1>", s).group(1) for s in sections(report)] == [  # type: ignore[union-attr]
        "Siswa 1",
        "Siswa 2",
        "Siswa 3",
    ]
    assert "tidak ditampilkan (--anonim)" in report
    assert [r["nama"] for r in csv.DictReader(io.StringIO(written[1]))] == [
        "Siswa 1",
        "Siswa 2",
        "Siswa 3",
    ]
    assert "baris 5 (Siswa 4):" in result.stderr  # the bad row, numbered in the same order
    assert [p["name"] for p in json.loads(as_json.stdout)["respondents"]] == [
        "Siswa 1",
        "Siswa 2",
        "Siswa 3",
    ]


# --- the file ---------------------------------------------------------------------------------


def test_an_existing_report_is_replaced_only_with_force(
    runner: CliRunner, tmp_path: Path, class_file: Path
) -> None:
    target = tmp_path / "kelas.html"
    target.write_text("laporan lama", encoding="utf-8")
    result = fails(runner.invoke(app, ["score", str(class_file), "--report", str(target)]), 2)
    assert flat(result.stderr) == (
        f"Masalah: Berkas {target} sudah ada; kariersosial tidak menimpanya. "
        "Pakai --force untuk menimpanya, atau pilih nama berkas lain."
    )
    assert target.read_text(encoding="utf-8") == "laporan lama"
    ok(runner.invoke(app, ["score", str(class_file), "--report", str(target), "--force"]))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kelas")] == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("kelas.pdf", "Masalah: Laporan kelas '{target}' harus berakhiran .html"),
        ("jawaban.csv", "Masalah: Berkas laporan '{target}' sama dengan berkas jawaban."),
    ],
)
def test_a_report_name_that_cannot_be_used(
    runner: CliRunner, tmp_path: Path, class_file: Path, name: str, message: str
) -> None:
    target = tmp_path / name
    before = class_file.read_bytes()
    result = fails(runner.invoke(app, ["score", str(class_file), "--report", str(target)]), 2)
    assert flat(result.stderr).startswith(message.format(target=target))
    assert class_file.read_bytes() == before


def test_no_report_when_no_row_can_be_scored(
    runner: CliRunner, tmp_path: Path, catalog: Catalog
) -> None:
    source = forms_csv(tmp_path / "jawaban.csv", catalog, [], [["x", "y", "Ani", "1"]])
    target = tmp_path / "kelas.html"
    fails(runner.invoke(app, ["score", str(source), "--report", str(target)]), 1)
    assert not target.exists()


def test_a_report_in_a_new_folder_makes_the_folder_like_every_output(
    runner: CliRunner, tmp_path: Path, class_file: Path
) -> None:
    target = tmp_path / "laporan" / "kelas.html"
    result = runner.invoke(app, ["score", str(class_file), "--report", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_report_that_cannot_be_written_leaves_nothing_behind(
    runner: CliRunner, tmp_path: Path, class_file: Path
) -> None:
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("bukan folder", encoding="utf-8")
    target = blocker / "kelas.html"
    # refused before any row is read, as a name that cannot be used
    result = fails(runner.invoke(app, ["score", str(class_file), "--report", str(target)]), 2)
    assert f"Masalah: Tidak bisa menulis {target} (bagian jalurnya bukan folder)." in flat(
        result.stderr
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["berkas-biasa", class_file.name])


# --- Excel ------------------------------------------------------------------------------------


def test_excel_is_semicolons_with_a_bom_and_no_formulas(
    runner: CliRunner,
    tmp_path: Path,
    raw_catalog: dict[str, Any],
    write_catalog: Callable[..., Path],
) -> None:
    for role in raw_catalog["roles"]:  # a counsellor's own catalogue, with hostile role names
        role["name"] = "=" + role["name"]
    data = write_catalog(raw_catalog)
    from kariersosial.catalog.load import load_catalog

    catalog = load_catalog(data)
    source = forms_csv(tmp_path / "jawaban.csv", catalog, ["-Ani", "+Budi", "@Citra", "Dewi"])
    out = tmp_path / "hasil.csv"
    ok(runner.invoke(app, ["--data", str(data), "score", str(source), "--excel", "-o", str(out)]))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfbaris;nama;peran_teratas;")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r[1] for r in rows[1:]] == ["'-Ani", "'+Budi", "'@Citra", "Dewi"]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert rows[0][3] == "nama_peran_teratas"
    assert all(r[3].startswith("'=") for r in rows[1:])
    screen = ok(runner.invoke(app, ["--data", str(data), "score", str(source), "--excel"]))
    assert screen.stdout.startswith("\ufeffbaris;nama;")


def test_excel_is_for_csv_only(runner: CliRunner, class_file: Path) -> None:
    result = fails(runner.invoke(app, ["score", str(class_file), "--excel", "-f", "json"]), 2)
    assert flat(result.stderr) == (
        "Masalah: --excel hanya untuk hasil CSV, bukan JSON. Hapus --format json atau --excel."
    )


# --- on paper ---------------------------------------------------------------------------------


@pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftotext")),
    reason="needs headless Chromium and poppler-utils",
)
def test_the_printed_report_starts_every_student_on_a_new_page(
    runner: CliRunner, tmp_path: Path, catalog: Catalog
) -> None:
    names = ["Ani", "Budi", "Citra"]
    source = forms_csv(tmp_path / "jawaban.csv", catalog, names)
    target = tmp_path / "kelas.html"
    ok(runner.invoke(app, ["score", str(source), "--report", str(target)]))
    pdf = tmp_path / "kelas.pdf"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            target.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [p.strip() for p in text.split("\f") if p.strip()]
    starts = [p.splitlines()[0].strip() for p in pages]
    assert starts[0] == "Laporan kelas kariersosial"
    # each student's page begins with their name, in row order, and nothing else does
    assert [s for s in starts if s in names] == names
    first = starts.index("Ani")
    # one printed page a student, after the class overview
    assert first >= 1 and len(pages) == first + len(names)
