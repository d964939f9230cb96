"""`kariersosial history` and `kariersosial export`, and what happens to a result after the quiz.

Only typer and the package's light modules are imported at the top: sqlite3, rich and
questionary load inside the commands, because typer re-runs the program on every tab press.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kariersosial.cli.common import JsonOption, catalog, print_json, state, user_errors
from kariersosial.core.errors import UsageError
from kariersosial.io import json_shapes
from kariersosial.ui.screen import ask_yes_no, interactive, say

if TYPE_CHECKING:
    from kariersosial.core.saved import Entry, Record

YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Hapus tanpa bertanya lagi (perlu di luar terminal).")
]
NumberArg = Annotated[
    str,
    typer.Argument(
        help="Nomor hasil, seperti yang ditampilkan `kariersosial history`.",
        show_default=False,
        metavar="NOMOR",
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Format laporan: md, html, atau json (bawaan: dari akhiran nama berkas, atau md).",
        show_default=False,
        metavar="FORMAT",
        autocompletion=lambda: ["md", "html", "json"],
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Timpa berkas yang sudah ada.")]

MODE_NAMES = {"quick": "singkat", "full": "lengkap"}

history_app = typer.Typer(
    name="history",
    help=(
        "Lihat hasil kuis yang tersimpan. Tanpa subperintah: daftar semua hasil.\n\n"
        "Setiap kuis yang selesai disimpan otomatis (kecuali dengan `quiz --no-save`)."
    ),
    invoke_without_command=True,
    rich_markup_mode="rich",
)


def register(app: typer.Typer) -> None:
    app.add_typer(history_app)
    app.command("export")(export)


# --- history ----------------------------------------------------------------------------------


@history_app.callback()
def history_main(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Lihat hasil kuis yang tersimpan. Tanpa subperintah: daftar semua hasil."""
    if ctx.invoked_subcommand is None:
        list_results(as_json)


@history_app.command("list")
def list_command(as_json: JsonOption = False) -> None:
    """Daftar semua hasil yang tersimpan: nomor, tanggal, jenis kuis, peran teratas."""
    list_results(as_json)


def list_results(as_json: bool) -> None:
    from kariersosial.state import history

    with user_errors():
        _store_waiting(as_json)
        found = history.entries()
        if as_json:
            print_json({"results": [_entry_data(e) for e in found]})
            return
        from kariersosial.ui.render import stdout

        if not found:
            stdout().print(
                "Belum ada hasil kuis yang tersimpan. Ikuti kuis dengan `kariersosial quiz`; "
                "hasilnya tersimpan otomatis di sini."
            )
            return
        stdout().print(_entries_table(found))


def _store_waiting(as_json: bool) -> None:
    """Results kept in files while the history could not be used go into it first."""
    from kariersosial.state import pending

    if pending.waiting():  # the usual case is nothing to import
        from kariersosial.flows.keep import store_waiting
        from kariersosial.ui import screen

        store_waiting(screen, as_json, quiet=False)


def _entry_data(entry: Entry) -> dict[str, object]:
    from kariersosial.words.messages import fit_label

    top = entry.top
    return {
        "number": entry.id,
        "created": entry.created,
        "mode": entry.mode,
        "catalog_version": entry.catalog_version,
        "status": entry.status,
        "top": None
        if top is None
        else {
            "role": {"id": top.role_id, "name": top.role_name},
            "fit": round(top.fit),
            "label": fit_label(top.fit),
        },
    }


def _no_top(entry: Entry) -> str:
    from kariersosial.state.history import DAMAGED

    if entry.status == DAMAGED:
        return f"(catatan rusak; hapus dengan `kariersosial history delete {entry.id}`)"
    return "(jawaban terlalu sedikit)"


def _entries_table(found: list[Entry]) -> object:
    from rich.table import Table
    from rich.text import Text

    from kariersosial.io.report import short_date
    from kariersosial.words.messages import fit_label

    table = Table(title=f"Riwayat hasil kuis ({len(found)})", title_justify="left")
    table.add_column("No.", justify="right", style="bold")
    table.add_column("Tanggal", no_wrap=True)
    table.add_column("Kuis")
    table.add_column("Peran teratas", ratio=1)
    table.add_column("Kecocokan", justify="right", no_wrap=True)
    for entry in found:
        top = entry.top
        # stored text as Text, never markup: a row saved from a custom catalogue may hold "[/x]"
        table.add_row(
            str(entry.id),
            Text(short_date(entry.created)),
            Text(MODE_NAMES.get(entry.mode, entry.mode)),
            Text(top.role_name) if top else _no_top(entry),
            f"{top.fit:.0f} · {fit_label(top.fit)}" if top else "—",
        )
    table.caption = (
        "Lihat lagi: kariersosial history show <nomor> · "
        "simpan sebagai berkas: kariersosial export <nomor> --output hasil.html"
    )
    table.caption_justify = "left"
    return table


@history_app.command("show")
def show(number: NumberArg, as_json: JsonOption = False) -> None:
    """Tampilkan lagi satu hasil lengkap dengan penjelasannya."""
    from kariersosial.io import report
    from kariersosial.state import history

    with user_errors():
        wanted = parse_number(number)
        cat = catalog()
        record = history.get(wanted)
        rep = report.from_record(record, cat)
        if as_json:
            print_json({**report.as_data(rep), "catalog_changed": rep.note is not None})
            return
        from rich.text import Text

        from kariersosial.ui.render import stdout

        out = stdout()
        mode = f"kuis {MODE_NAMES.get(record.mode, record.mode)}"
        out.print(
            Text(f"Hasil nomor {record.id} · {report.date_text(record.created)} · {mode}"),
            style="bold",
        )
        if rep.note is None:
            from kariersosial.core.scoring import score
            from kariersosial.ui.result_view import render_result

            out.print(render_result(score(cat, record.answer_map()), record.mode))
        else:
            from kariersosial.words.texts import DISCLAIMER

            out.print(Text(rep.note, style="yellow"))
            out.print(_stored_ranking(record))
            out.print(Text(DISCLAIMER, style="dim"))
        out.print(
            Text(
                f"Simpan sebagai berkas: kariersosial export {record.id} --output "
                f"kariersosial-hasil-{record.id}.html",
                style="dim",
            )
        )


def _stored_ranking(record: Record) -> object:
    from rich.table import Table
    from rich.text import Text

    from kariersosial.words.messages import fit_label

    table = Table(title="Peringkat kecocokan yang tersimpan (0–100)", title_justify="left")
    table.add_column("No.", justify="right", style="bold")
    table.add_column("Peran", ratio=1)
    table.add_column("Kecocokan", justify="right")
    table.add_column("Keterangan")
    for fit in record.ranking:
        table.add_row(str(fit.rank), Text(fit.role_name), f"{fit.fit:.0f}", fit_label(fit.fit))
    if not record.ranking:
        table.caption = "Jawabannya terlalu sedikit untuk menilai kecocokan."
    return table


@history_app.command("compare")
def compare(
    first: Annotated[
        str, typer.Argument(help="Nomor hasil yang lebih dulu.", show_default=False, metavar="N")
    ],
    second: Annotated[
        str, typer.Argument(help="Nomor hasil sesudahnya.", show_default=False, metavar="M")
    ],
    as_json: JsonOption = False,
) -> None:
    """Bandingkan dua hasil yang tersimpan: peringkat, kecocokan, dan jawaban yang berubah.

    Dimaksudkan untuk dua hasil dari orang yang sama (misalnya kuis yang diulang), agar siswa
    dan guru BK melihat apakah gambarannya tetap. kariersosial tidak menyimpan siapa yang
    mengisi, jadi tidak bisa memeriksa bahwa kedua hasil dari orang yang sama.
    """
    from kariersosial.io import report
    from kariersosial.io.history_compare import compare_results
    from kariersosial.state import history

    with user_errors():
        numbers = parse_number(first), parse_number(second)
        if numbers[0] == numbers[1]:
            raise UsageError("same_result_numbers", number=numbers[0])
        cat = catalog()
        before, after = (report.from_record(history.get(n), cat) for n in numbers)
        data = compare_results(before, after)
        if as_json:
            print_json(data)
            return
        from kariersosial.ui.history_compare_view import render_changes
        from kariersosial.ui.render import stdout

        stdout().print(render_changes(data))


@history_app.command("delete")
def delete(number: NumberArg, yes: YesOption = False, as_json: JsonOption = False) -> None:
    """Hapus satu hasil dari riwayat (bertanya dulu, kecuali dengan --yes)."""
    from kariersosial.io import report
    from kariersosial.state import history

    with user_errors():
        wanted = parse_number(number)
        try:
            record = history.get(wanted)  # a missing number fails before anything is asked
        except history.DamagedRecord:  # a damaged record is what most needs deleting
            question = f"Hapus hasil nomor {wanted} (catatannya rusak)?"
        else:
            top = f", {record.top.role_name}" if record.top else ""
            question = f"Hapus hasil nomor {wanted} ({report.date_text(record.created)}{top})?"
        if not confirm(question, yes, wanted):
            _declined(as_json)
            return
        history.delete(wanted)
        if as_json:
            print_json(json_shapes.deleted([wanted]))
        else:
            say(f"Hasil nomor {wanted} dihapus dari riwayat.")


@history_app.command("clear")
def clear(yes: YesOption = False, as_json: JsonOption = False) -> None:
    """Hapus semua hasil dari riwayat (bertanya dulu, kecuali dengan --yes)."""
    from kariersosial.state import history

    with user_errors():
        count = len(history.entries())
        if count == 0:
            if as_json:
                print_json(json_shapes.deleted([]))
            else:
                say("Riwayat sudah kosong; tidak ada yang dihapus.")
            return
        question = f"Hapus semua {count} hasil di riwayat? Ini tidak bisa dibatalkan."
        if not confirm(question, yes, None):
            _declined(as_json)
            return
        deleted = history.clear()
        if as_json:
            print_json(json_shapes.deleted(deleted))
        else:
            say(f"{len(deleted)} hasil dihapus dari riwayat.")


def parse_number(text: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdecimal() or not cleaned.strip("0"):
        raise UsageError("not_a_result_number", text=text)
    digits = cleaned.lstrip("0")
    if len(digits) > 19:  # past SQLite's range (2**63 - 1), and int() refuses 4,300 digits
        shown = digits if len(digits) <= 30 else digits[:20] + "…"
        raise UsageError("no_such_result", number=shown)
    return int(digits)


def confirm(question: str, yes: bool, number: int | None) -> bool:
    """--yes, else ask in a terminal; without a terminal refuse, naming --yes.

    `number`: the result to delete; None: the whole history.
    """
    if yes:
        return True
    if not interactive():
        raise UsageError("confirm_needs_terminal", number=number)
    return ask_yes_no(question, default=False)


def _declined(as_json: bool) -> None:

    if as_json:
        print_json(json_shapes.deleted([]))
    say("Dibatalkan; tidak ada yang dihapus.", err=as_json)


# --- export -----------------------------------------------------------------------------------


def export(
    number: NumberArg,
    fmt: FormatOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Tulis laporan ke BERKAS ini (`-` untuk layar). Formatnya mengikuti akhiran "
            "nama berkas kalau --format tidak diberikan.",
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Simpan satu hasil dari riwayat sebagai laporan untuk disimpan atau dibagikan ke guru BK.

    Tanpa --output, laporan md dan json dicetak ke layar, sedangkan html ditulis ke
    berkas kariersosial-hasil-NOMOR.html di folder ini. Berkas yang sudah ada tidak ditimpa
    kecuali dengan --force.
    """
    from kariersosial.flows.export import check_target, resolve_format, write_report
    from kariersosial.io import report, report_formats
    from kariersosial.state import history

    with user_errors():
        wanted = parse_number(number)
        kind = resolve_format(fmt, output)
        target: Path | None = None
        if output is not None and output != "-":
            target = Path(output)
        elif output is None and kind == "html":
            target = Path(f"kariersosial-hasil-{wanted}.html")
        if target is not None:
            check_target(target, force, catalog_file=state.data)
        from kariersosial.io.terminal import unicode_stream

        on_screen = target is None and not unicode_stream(sys.stdout)
        rep = report.from_record(history.get(wanted), catalog())
        text = report_formats.build(rep, kind, ascii_only=on_screen)
        if target is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            return
        write_report(target, text, force, catalog_file=state.data)
        say(f"Laporan disimpan di {target}.")
