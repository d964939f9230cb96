"""Commands for comparing roles and for counsellors scoring a class: compare, form, score.

Only typer is imported at the top: typer re-runs the program on every tab press, so rich,
csv and the engine are imported inside the commands that use them. The drawing lives in
compare_view, the sheets in form, and the files and notes of `score` in counsel_io.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from kariersosial.cli.common import JsonOption, catalog, print_json, role_argument, user_errors

if TYPE_CHECKING:
    from kariersosial.io.batch import Problem, Respondent, Responses
    from kariersosial.io.batch_output import Summary
    from kariersosial.io.writing import Source, Target

FORM_FORMATS = ("md", "csv")
SCORE_FORMATS = ("csv", "json")


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)
    app.command("form")(form)
    app.command("score")(score)


def _form_formats() -> list[str]:
    return list(FORM_FORMATS)


def _score_formats() -> list[str]:
    return list(SCORE_FORMATS)


ROLE_HELP = "Nama, ID, singkatan, atau awal nama peran, misalnya 'layanan'."
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help=(
            "Tulis hasilnya ke berkas ini, bukan ke layar. Berkas CSV diberi penanda UTF-8 (BOM) "
            "agar Excel menampilkan hurufnya dengan benar. Berkas yang sudah ada tidak ditimpa "
            "tanpa --force."
        ),
        show_default=False,
        metavar="BERKAS",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Timpa berkas --output yang sudah ada.")]


# --- compare --------------------------------------------------------------------------------


def compare(
    first: Annotated[str, role_argument(f"Peran pertama. {ROLE_HELP}", "PERAN_A")],
    second: Annotated[str, role_argument("Peran kedua, ditulis dengan cara yang sama.", "PERAN_B")],
    as_json: JsonOption = False,
) -> None:
    """Bandingkan dua peran berdampingan: tugas, kecocokan, kenyataan, dan perbedaannya.

    Semua teks dalam tanda kutip dikutip apa adanya dari teks sumber tiap peran. Di akhir
    ada dimensi minat yang paling membedakan kedua peran.
    """
    from kariersosial.core.compare import compare_roles
    from kariersosial.core.lookup import resolve_role

    with user_errors():
        cat = catalog()
        comparison = compare_roles(cat, resolve_role(cat, first), resolve_role(cat, second))
        if as_json:
            from kariersosial.io import json_shapes

            print_json(json_shapes.comparison(cat, comparison))
            return
        from kariersosial.ui.compare_view import render_comparison
        from kariersosial.ui.render import stdout

        console = stdout()
        console.print(render_comparison(comparison, console.width))


# --- form -----------------------------------------------------------------------------------


def form(
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "md: lembar cetak untuk siswa; csv: baris judul lembar kerja (Excel, Google "
                "Sheets) untuk mencatat jawaban. Bawaan: dari akhiran --output, selain itu md."
            ),
            autocompletion=_form_formats,
            show_default=False,
            metavar="md|csv",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Buat lembar pernyataan untuk satu kelas: lembar cetak (md) atau templat lembar kerja (csv).

    Lembar md berisi petunjuk untuk siswa, arti skala 1-5, dan tabel pernyataan bernomor
    untuk dicentang. Templat csv berisi satu baris judul: kolom nama, lalu satu kolom per
    pernyataan yang judulnya ID pernyataan diikuti teksnya (misalnya 'p01 Saya senang …').
    Isi satu baris per siswa dengan 1-5 atau labelnya ('Setuju'), lalu nilai semuanya
    dengan `kariersosial score`. Daftar pernyataan juga ada di `kariersosial questions`.
    """
    from kariersosial.io.form import form_csv, form_markdown
    from kariersosial.ui.counsel_io import open_output

    output = None if output == "-" else output  # `-`: the screen, as in `export`
    with user_errors():
        chosen = _format(fmt, output, FORM_FORMATS)
        target = _target(output, force, None)
        cat = catalog()
        with open_output(target, chosen) as out:
            out.write(form_csv(cat) if chosen == "csv" else form_markdown(cat))
        if output is not None:
            what = "Templat lembar kerja" if chosen == "csv" else "Lembar cetak"
            print(f"{what} ({len(cat.questions)} pernyataan) ditulis ke {output}.")


# --- score ----------------------------------------------------------------------------------


def score(
    file: Annotated[
        str,
        typer.Argument(
            help=(
                "Berkas CSV jawaban, satu baris per responden; `-` untuk membaca isi yang "
                "dialirkan ke perintah ini."
            ),
            show_default=False,
            metavar="BERKAS",
        ),
    ],
    output: OutputOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="csv atau json. Bawaan: dari akhiran --output, selain itu csv.",
            autocompletion=_score_formats,
            show_default=False,
            metavar="csv|json",
        ),
    ] = None,
    report: Annotated[
        str | None,
        typer.Option(
            "--report",
            "-r",
            help=(
                "Tulis juga laporan kelas (HTML satu berkas, siap dicetak di A4): kelas sekilas, "
                "profil rata-rata, tabel semua siswa, kelompok untuk bimbingan kelompok, lalu satu "
                "bagian per siswa yang mulai di halaman baru. Tanpa --output, hasil per siswa "
                "hanya ada di laporan."
            ),
            show_default=False,
            metavar="BERKAS.html",
        ),
    ] = None,
    anonim: Annotated[
        bool,
        typer.Option(
            "--anonim",
            help=(
                "Ganti nama dengan 'Siswa 1', 'Siswa 2', … (urutan baris) di laporan, hasil, dan "
                "pesan, untuk dibagikan ke orang lain. Nama dan email tidak ditulis di mana pun."
            ),
        ),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help=(
                "CSV untuk Excel berbahasa Indonesia: dipisah titik koma, UTF-8 dengan BOM "
                "(juga di layar)."
            ),
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas --output atau --report yang sudah ada.")
    ] = False,
) -> None:
    """Nilai jawaban satu kelas sekaligus dari berkas CSV: satu hasil per responden.

    Berkasnya: baris judul, lalu satu baris per responden. Nama diambil dari kolom nama,
    name, atau id (kalau tidak ada: kolom pertama). Kolom pernyataan berjudul ID-nya (p01)
    atau diawali ID-nya ('p01 Saya senang …', juga baris kisi Google Formulir seperti
    'Seberapa setuju kamu? \\[p01 …]'); kolom lain diabaikan. Jawaban 1-5 atau label seperti
    'Setuju'; kosong berarti dilewati. Pemisah koma, titik koma, atau tab. Templatnya:
    `kariersosial form --format csv`.

    Ekspor Google Formulir dibaca apa adanya: kolom Stempel waktu/Timestamp, email, nama, dan
    pernyataan yang judulnya teks pernyataan itu sendiri (dengan atau tanpa ID). Di awal
    disebutkan kolom mana dikenali sebagai pernyataan apa dan kolom mana yang tidak dipakai.

    Hasilnya memuat peran teratas, kecocokan tiap peran (0-100), dan catatan tiap responden;
    ringkasan per peran ditampilkan di akhir. Baris yang bermasalah dilaporkan dengan nomor
    barisnya dan dilewati, baris lain tetap dinilai.
    """
    from kariersosial.core.errors import KarierError, UsageError
    from kariersosial.io.batch import Responses
    from kariersosial.io.writing import Source
    from kariersosial.ui.counsel_io import layout_notes, open_input, print_summary

    output = None if output == "-" else output  # `-`: the screen, as in `export`
    with user_errors():
        chosen = _format(fmt, output, SCORE_FORMATS)
        if excel and chosen != "csv":
            raise UsageError("excel_needs_csv")
        answers = Source(file, "berkas jawaban", "jawabannya")
        target = _target(output, force, report is not None, answers)
        report_target = None if report is None else _check_report(report, force, answers, target)
        cat = catalog()
        with open_input(file) as (lines, source):
            responses = Responses(cat, lines, source)
            layout_notes(responses)
            summary = _score(responses, source, target, chosen, report_target, anonim, excel)
        print_summary(summary, output, report if summary.scored else None)
        if summary.scored == 0:
            raise KarierError("nothing_scored", source=source, skipped=bool(summary.skipped))


def _target(output: str | None, force: bool, report: bool | None, *reads: Source) -> Target | None:
    """--output checked before any work: never over an input, an existing file only with --force.

    `report`: whether a --report was asked for (None for a command that has none), which
    --force may be meant for instead.
    """
    from kariersosial.io.writing import check_target

    if output is None:
        if force and not report:
            from kariersosial.core.errors import UsageError

            raise UsageError("force_needs_output")
        return None
    return check_target(output, force=force, sources=[*reads, *_catalogue()])


def _catalogue() -> list[Source]:
    from kariersosial.cli.common import state
    from kariersosial.io.writing import Source

    return [] if state.data is None else [Source(str(state.data), "katalog peran", "katalognya")]


def _check_report(report: str, force: bool, answers: Source, output: Target | None) -> Target:
    """Before any row is read: a report name that cannot be written fails at once."""
    from kariersosial.core.errors import UsageError
    from kariersosial.io.writing import Source, check_target

    # named before the suffix check: "jawaban.csv" is refused as the input, not as "not .html"
    if answers.path != "-" and _same(report, answers.path):
        raise UsageError("report_is_answers", report=report)
    if not report.casefold().endswith((".html", ".htm")):
        raise UsageError("report_not_html", report=report)
    # by name: the --output file may not exist yet
    if output is not None and os.path.realpath(report) == str(output.path):
        raise UsageError("report_is_output", report=report)
    sources = [answers, *_catalogue()]
    if output is not None:  # an existing --output reached by a hard link
        sources.append(Source(str(output.path), "berkas --output", "hasilnya"))
    return check_target(report, force=force, sources=sources)


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _score(
    responses: Responses,
    source: str,
    target: Target | None,
    chosen: str,
    report: Target | None,
    anonim: bool,
    excel: bool,
) -> Summary:
    """The rows through the name filter and the report collector into the results."""
    from kariersosial.io.batch_output import score_responses
    from kariersosial.ui.counsel_io import open_output

    items: Iterable[Respondent | Problem] = responses
    if anonim:
        from kariersosial.io.class_groups import anonymised

        items = anonymised(items)
    collector = None
    if report is not None:
        from kariersosial.io.class_report import ClassReport
        from kariersosial.state.store import now

        collector = ClassReport(responses, source.strip("'"), now(), anonim)
        items = collector.feed(items)
    kind: Literal["csv", "json"] = "json" if chosen == "json" else "csv"
    delimiter = ";" if excel else ","
    try:
        if report is not None and target is None:  # the results are in the report
            summary = score_responses(responses, _Discard(), kind, items=items)
        else:
            with open_output(target, chosen, bom=excel) as out:
                summary = score_responses(responses, out, kind, items=items, delimiter=delimiter)
        if collector is not None and report is not None and summary.scored:
            from kariersosial.io.writing import open_target

            with open_target(report, newline="\n") as page:
                collector.write(page, summary)
    finally:
        if collector is not None:
            collector.close()
    return summary


class _Discard:
    def write(self, text: str, /) -> int:
        return len(text)


def _format(fmt: str | None, output: str | None, allowed: tuple[str, ...]) -> str:
    from kariersosial.core.errors import UsageError

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output else ""
        return suffix if suffix in allowed else allowed[0]
    chosen = fmt.strip().lower()
    if chosen not in allowed:
        raise UsageError("format_unknown", format=fmt, allowed=tuple(allowed))
    return chosen
