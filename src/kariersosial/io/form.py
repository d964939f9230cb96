"""The statement sheet a counsellor hands out: a printable Markdown page or a CSV template.

Pure text builders; `kariersosial form` decides where the text goes.
"""

from __future__ import annotations

import csv
import io

from kariersosial.core.models import Catalog
from kariersosial.io.answers import SCALE_LABELS
from kariersosial.io.escaping import md_escape, spreadsheet_row


def form_csv(cat: Catalog) -> str:
    """One header row: the name column, then one column per statement."""
    text = io.StringIO()
    # The statement's text follows its id in each title: the sheet explains itself when it is
    # shared or opened months later, and a spreadsheet's narrow column still starts with the
    # id that `score` reads. One header row only, so the file is ready to fill in.
    csv.writer(text, lineterminator="\n").writerow(
        spreadsheet_row(["nama", *(f"{q.id} {q.text}" for q in cat.questions)])
    )
    return text.getvalue()


def form_markdown(cat: Catalog) -> str:
    """A printable sheet: title, fields for the name, instructions, scale and statements."""
    lines = [
        "# Kuis Kecocokan Karier: Kebijakan dan Layanan Sosial",
        "",
        "Nama: ______________________________  Kelas: __________  Tanggal: ______________",
        "",
        "## Petunjuk",
        "",
        "Bacalah setiap pernyataan di bawah ini, lalu beri tanda centang (✓) di **satu** kolom "
        "angka yang paling sesuai dengan dirimu. Tidak ada jawaban yang benar atau salah: "
        "jawablah sesuai dirimu sekarang, bukan yang menurutmu diharapkan orang lain. Kalau "
        "kamu benar-benar tidak bisa memilih, kosongkan saja baris itu.",
        "",
        "## Arti angka",
        "",
        "| Angka | Artinya |",
        "|:-----:|---------|",
        *(f"| {value} | {label} |" for value, label in SCALE_LABELS.items()),
        "",
        f"## Pernyataan ({len(cat.questions)})",
        "",
        "| No. | Pernyataan | " + " | ".join(str(v) for v in SCALE_LABELS) + " | ID |",
        "|----:|------------|" + ":-:|" * len(SCALE_LABELS) + "---|",
    ]
    blank = " |" * len(SCALE_LABELS)
    for number, q in enumerate(cat.questions, start=1):
        lines.append(f"| {number} | {_md_cell(q.text)} |{blank} {q.id} |")
    lines += [
        "",
        "Terima kasih! Periksa lagi bahwa setiap baris hanya punya satu centang, lalu serahkan "
        "lembar ini kepada guru BK-mu.",
        "",
        f"_kariersosial · katalog {_md_cell(cat.version)} · {len(cat.questions)} pernyataan_",
        "",
    ]
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    """A table cell on one line, shown as written: the row keeps its shape, HTML stays text."""
    return md_escape(text)
