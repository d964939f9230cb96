"""Batch scoring speed and memory: `kariersosial score` on 100,000 and 1,000,000 random rows.

    python benchmarks/batch.py [--million] [--sizes 100000] [--formats csv,json]
                               [--report-sizes 1000,10000] [--no-pdf]

Each size is written once to a temporary CSV (fixed seed; answers as numbers, as labels in
mixed case, and some blanks, the way a class's spreadsheet looks), then scored by
``<sys.executable> -m kariersosial score FILE --output OUT`` in a child process per format.
Every child's own peak resident memory comes from ``os.wait4``; a first run on 10 rows gives
the baseline (interpreter, typer, the catalogue). Streaming means the peak stays flat: the
100,000-row run uses about as much memory as the 10-row one. ``--million`` adds 1,000,000
rows (about a minute per format, so two minutes more for csv and json; left out by default).

The class report (``score FILE --report kelas.html``) is measured the same way for
``--report-sizes`` students: every student gets a full explanation and a page of their own,
spooled to temporary files, so its peak memory must stay as flat as the CSV's. Last, a class
of PDF_STUDENTS is printed with headless Chromium (when installed) and the PDF's pages are
counted with ``pdfinfo``: the report starts every student on a new page.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PYTHON = sys.executable
CLI = [PYTHON, "-m", "kariersosial"]
SEED = 2026
BASELINE_ROWS = 10
LABELS = ("Sangat tidak setuju", "Tidak setuju", "Ragu-ragu", "Setuju", "Sangat setuju")


@dataclass(frozen=True)
class Run:
    rows: int
    fmt: str
    seconds: float
    peak_mb: float
    written: int


def statement_ids() -> list[str]:
    from kariersosial.catalog.load import load_catalog

    return [q.id for q in load_catalog().questions]


def write_rows(path: Path, rows: int, ids: list[str], seed: int = SEED) -> None:
    """`rows` respondents: mostly digits, one answer in six as a label, one in forty blank."""
    rng = random.Random(seed)
    cells = [str(v) for v in range(1, 6)] * 4 + [*LABELS, *(x.upper() for x in LABELS)]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["nama", *ids])
        for n in range(rows):
            answers = rng.choices(cells, k=len(ids))
            if n % 40 == 0:
                answers[n % len(ids)] = ""
            writer.writerow([f"siswa-{n:07d}", *answers])


def peak_mb(rusage: Any) -> float:
    if rusage is None:
        return float("nan")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return rusage.ru_maxrss * scale / 1e6


def run_score(source: Path, out: Path, fmt: str) -> tuple[float, float]:
    """(seconds, peak MB) of one `kariersosial score` child process."""
    if fmt == "report":
        argv = [*CLI, "score", str(source), "--report", str(out), "--force"]
    else:
        argv = [*CLI, "score", str(source), "--output", str(out), "--format", fmt]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    if hasattr(os, "wait4"):
        _, status, rusage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    else:  # no per-child figure: the peak of all children so far
        proc.wait()
        import resource

        rusage = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{errors.decode()}")
    return seconds, peak_mb(rusage)


def count_results(out: Path, fmt: str) -> int:
    """Respondents in the output, read as a stream (the JSON has one respondent a line)."""
    with out.open(encoding="utf-8-sig") as f:
        if fmt == "report":
            return sum(line.startswith('<section class="student"') for line in f)
        if fmt == "csv":
            return sum(1 for _ in f) - 1
        return sum(1 for line in f if line.startswith('    {"line"'))


def measure(folder: Path, rows: int, formats: list[str], ids: list[str]) -> list[Run]:
    source = folder / f"jawaban-{rows}.csv"
    started = time.perf_counter()
    write_rows(source, rows, ids)
    size = source.stat().st_size / 1e6
    print(f"  {rows:>9,} baris: berkas {size:,.1f} MB dibuat dalam "
          f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    runs = []
    for fmt in formats:
        out = folder / f"hasil-{rows}.{'html' if fmt == 'report' else fmt}"
        seconds, peak = run_score(source, out, fmt)
        written = count_results(out, fmt)
        if written != rows:
            raise SystemExit(f"{out}: {written} respondents written, {rows} expected")
        runs.append(Run(rows, fmt, seconds, peak, written))
        out.unlink()
    source.unlink()
    return runs


PDF_STUDENTS = 5


def printed_pages(folder: Path, ids: list[str]) -> tuple[int, int] | None:
    """(students, PDF pages) of a small class report printed by headless Chromium."""
    import shutil

    if not (shutil.which("chromium") and shutil.which("pdfinfo")):
        return None
    source, html, pdf = folder / "kecil.csv", folder / "kecil.html", folder / "kecil.pdf"
    write_rows(source, PDF_STUDENTS, ids)
    run_score(source, html, "report")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = [
        int(line.split()[-1]) for line in info.stdout.splitlines() if line.startswith("Pages:")
    ]
    return count_results(html, "report"), pages[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="100000", help="row counts, comma-separated (100000)")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 rows (~2 min)")
    parser.add_argument("--formats", default="csv,json", help="output formats (csv,json)")
    parser.add_argument(
        "--report-sizes", default="1000,10000", help="students for --report (1000,10000; 0: none)"
    )
    parser.add_argument("--no-pdf", action="store_true", help="skip printing with Chromium")
    args = parser.parse_args(argv)
    report_sizes = [int(s.replace("_", "")) for s in args.report_sizes.split(",") if s.strip()]
    report_sizes = [n for n in report_sizes if n > 0]
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]

    print(f"interpreter: {PYTHON} (Python {sys.version.split()[0]}), seed {SEED}")
    ids = statement_ids()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="kariersosial-batch-") as tmp:
        folder = Path(tmp)
        for rows in [BASELINE_ROWS, *sizes]:
            runs += measure(folder, rows, formats, ids)
        if report_sizes:
            for rows in [BASELINE_ROWS, *report_sizes]:
                runs += measure(folder, rows, ["report"], ids)
            formats.append("report")
        printed = None if args.no_pdf else printed_pages(folder, ids)

    print()
    print(f"{'baris':>10}  {'format':<6} {'detik':>8} {'baris/detik':>12} {'memori puncak':>14}")
    for r in runs:
        rate = f"{r.rows / r.seconds:,.0f}" if r.rows > BASELINE_ROWS else "-"
        print(f"{r.rows:>10,}  {r.fmt:<6} {r.seconds:>8.2f} {rate:>12} {r.peak_mb:>11.1f} MB")
    print()
    for fmt in formats:
        base = next(r for r in runs if r.fmt == fmt and r.rows == BASELINE_ROWS)
        largest = max((r for r in runs if r.fmt == fmt), key=lambda r: r.rows)
        print(f"{fmt}: {largest.rows:,} baris memakai {largest.peak_mb - base.peak_mb:+.1f} MB "
              f"dibanding {BASELINE_ROWS} baris (memori tetap datar bila mendekati 0)")  # fmt: skip
    if printed is not None:
        students, pages = printed
        print(f"laporan kelas {students} siswa dicetak Chromium: {pages} halaman PDF "
              "(ringkasan kelas, lalu tiap siswa mulai di halaman baru)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
