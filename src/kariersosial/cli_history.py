"""`kariersosial history` and `kariersosial export`, and what happens to a result after the quiz.

Only typer and the package's light modules are imported at the top: sqlite3, rich and
questionary load inside the commands, because typer re-runs the program on every tab press.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kariersosial.cli_common import JsonOption, catalog, print_json, user_errors
from kariersosial.errors import StateError, UsageError

if TYPE_CHECKING:
    from kariersosial.history import Entry, Record
    from kariersosial.models import Catalog
    from kariersosial.report import Report
    from kariersosial.scoring import Result

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
NO_TERMINAL_TO_CONFIRM = (
    "{what} perlu konfirmasi, tapi masukan atau keluaran program ini bukan terminal."
)

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
    from kariersosial import history

    with user_errors():
        found = history.entries()
        if as_json:
            print_json({"results": [_entry_data(e) for e in found]})
            return
        from kariersosial.render import stdout

        if not found:
            stdout().print(
                "Belum ada hasil kuis yang tersimpan. Ikuti kuis dengan `kariersosial quiz`; "
                "hasilnya tersimpan otomatis di sini."
            )
            return
        stdout().print(_entries_table(found))


def _entry_data(entry: Entry) -> dict[str, object]:
    from kariersosial.scoring import fit_label

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
            "fit": round(top.fit, 1),
            "label": fit_label(top.fit),
        },
    }


def _entries_table(found: list[Entry]) -> object:
    from rich.table import Table

    from kariersosial.report import short_date
    from kariersosial.scoring import fit_label

    table = Table(title=f"Riwayat hasil kuis ({len(found)})", title_justify="left")
    table.add_column("No.", justify="right", style="bold")
    table.add_column("Tanggal", no_wrap=True)
    table.add_column("Kuis")
    table.add_column("Peran teratas", ratio=1)
    table.add_column("Kecocokan", justify="right", no_wrap=True)
    for entry in found:
        top = entry.top
        table.add_row(
            str(entry.id),
            short_date(entry.created),
            MODE_NAMES.get(entry.mode, entry.mode),
            top.role_name if top else "(jawaban terlalu sedikit)",
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
    from kariersosial import history, report

    with user_errors():
        wanted = parse_number(number)
        cat = catalog()
        record = history.get(wanted)
        rep = report.from_record(record, cat)
        if as_json:
            print_json({**report.as_data(rep), "catalog_changed": rep.note is not None})
            return
        from rich.text import Text

        from kariersosial.render import stdout

        out = stdout()
        mode = f"kuis {MODE_NAMES.get(record.mode, record.mode)}"
        out.print(
            Text(f"Hasil nomor {record.id} · {report.date_text(record.created)} · {mode}"),
            style="bold",
        )
        if rep.note is None:
            from kariersosial.result_view import render_result
            from kariersosial.scoring import score

            out.print(render_result(score(cat, record.answer_map()), record.mode))
        else:
            from kariersosial.result_view import DISCLAIMER

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

    from kariersosial.scoring import fit_label

    table = Table(title="Peringkat kecocokan yang tersimpan (0–100)", title_justify="left")
    table.add_column("No.", justify="right", style="bold")
    table.add_column("Peran", ratio=1)
    table.add_column("Kecocokan", justify="right")
    table.add_column("Keterangan")
    for fit in record.ranking:
        table.add_row(str(fit.rank), fit.role_name, f"{fit.fit:.0f}", fit_label(fit.fit))
    if not record.ranking:
        table.caption = "Jawabannya terlalu sedikit untuk menilai kecocokan."
    return table


@history_app.command("delete")
def delete(number: NumberArg, yes: YesOption = False, as_json: JsonOption = False) -> None:
    """Hapus satu hasil dari riwayat (bertanya dulu, kecuali dengan --yes)."""
    from kariersosial import history, report

    with user_errors():
        wanted = parse_number(number)
        record = history.get(wanted)  # a missing number fails before anything is asked
        top = f", {record.top.role_name}" if record.top else ""
        question = f"Hapus hasil nomor {wanted} ({report.date_text(record.created)}{top})?"
        if not confirm(question, yes, f"Menghapus hasil nomor {wanted}", f"delete {wanted}"):
            _declined(as_json, [])
            return
        history.delete(wanted)
        if as_json:
            print_json({"deleted": [wanted]})
        else:
            _say(f"Hasil nomor {wanted} dihapus dari riwayat.")


@history_app.command("clear")
def clear(yes: YesOption = False, as_json: JsonOption = False) -> None:
    """Hapus semua hasil dari riwayat (bertanya dulu, kecuali dengan --yes)."""
    from kariersosial import history

    with user_errors():
        count = len(history.entries())
        if count == 0:
            if as_json:
                print_json({"deleted": 0})
            else:
                _say("Riwayat sudah kosong; tidak ada yang dihapus.")
            return
        question = f"Hapus semua {count} hasil di riwayat? Ini tidak bisa dibatalkan."
        if not confirm(question, yes, "Menghapus semua riwayat", "clear"):
            _declined(as_json, 0)
            return
        deleted = history.clear()
        if as_json:
            print_json({"deleted": deleted})
        else:
            _say(f"{deleted} hasil dihapus dari riwayat.")


def parse_number(text: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdecimal() or int(cleaned) < 1:
        raise UsageError(
            f"'{text}' bukan nomor hasil.",
            "Pakai nomor dari daftar `kariersosial history`, misalnya 1.",
        )
    return int(cleaned)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm(question: str, yes: bool, what: str, command: str) -> bool:
    """--yes, else ask in a terminal; without a terminal refuse, naming --yes."""
    if yes:
        return True
    if not interactive():
        raise UsageError(
            NO_TERMINAL_TO_CONFIRM.format(what=what),
            f"Tambahkan --yes untuk menghapus tanpa bertanya: `kariersosial history {command} "
            "--yes`.",
        )
    return ask_yes_no(question, default=False)


def ask_yes_no(question: str, default: bool) -> bool:
    import questionary

    from kariersosial.quiz import STYLE

    answer = questionary.confirm(question, default=default, qmark="", style=STYLE).unsafe_ask()
    return bool(answer)


def _declined(as_json: bool, nothing: object) -> None:

    if as_json:
        print_json({"deleted": nothing})
    _say("Dibatalkan; tidak ada yang dihapus.", err=as_json)


def _say(text: str, *, err: bool = False, style: str | None = None) -> None:
    from rich.text import Text

    from kariersosial.render import stderr, stdout

    (stderr() if err else stdout()).print(Text(text, style=style or ""))


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

    Tanpa --output, laporan md dan json dicetak ke layar (stdout), sedangkan html ditulis ke
    berkas kariersosial-hasil-NOMOR.html di folder ini. Berkas yang sudah ada tidak ditimpa
    kecuali dengan --force.
    """
    from kariersosial import history, report

    with user_errors():
        wanted = parse_number(number)
        kind = resolve_format(fmt, output)
        target: Path | None = None
        if output is not None and output != "-":
            target = Path(output)
        elif output is None and kind == "html":
            target = Path(f"kariersosial-hasil-{wanted}.html")
        if target is not None:
            check_target(target, force)
        text = report.build(report.from_record(history.get(wanted), catalog()), kind)
        if target is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            return
        write_report(target, text, force)
        _say(f"Laporan disimpan di {target}.")


def resolve_format(fmt: str | None, output: str | None) -> str:
    from kariersosial.report import FORMATS, format_for

    if fmt is not None:
        wanted = {"markdown": "md", "htm": "html"}.get(fmt.strip().casefold(), fmt.casefold())
        if wanted not in FORMATS:
            raise UsageError(
                f"Format laporan '{fmt}' tidak dikenal.", "Pilih salah satu: md, html, atau json."
            )
        return wanted
    if output is None or output == "-":
        return "md"
    found = format_for(output)
    if found is None:
        raise UsageError(
            f"Format laporan untuk '{output}' tidak bisa ditebak dari nama berkasnya.",
            "Pakai akhiran .md, .html, atau .json, atau sebutkan --format md|html|json.",
        )
    return found


def check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise UsageError(f"{path} adalah folder, bukan berkas.", "Sebutkan nama berkasnya.")
    if path.exists() and not force:
        raise UsageError(
            f"Berkas {path} sudah ada; kariersosial tidak menimpanya.",
            "Pakai --force untuk menimpanya, atau pilih nama berkas lain.",
        )


def write_report(path: Path, text: str, force: bool) -> None:
    """Atomically, so a crash never leaves half a report; an existing file needs `force`."""
    from kariersosial.store import write_atomic

    check_target(path, force)
    try:
        write_atomic(path, text)
    except StateError as exc:
        raise StateError(
            exc.message, "Pastikan foldernya ada dan bisa ditulisi, atau pilih berkas lain."
        ) from None


# --- after the quiz: save, say so, export ------------------------------------------------------


@dataclass(frozen=True)
class Keep:
    """What `quiz` does with a finished result besides showing it."""

    save: bool = True
    export: Path | None = None
    fmt: str = "md"
    force: bool = False


def keep_options(*, save: bool, export: str | None, fmt: str | None, force: bool) -> Keep:
    """Check --export/--format/--force before the quiz starts, so a typo costs no answers."""
    if export is None:
        if fmt is not None or force:
            raise UsageError(
                "--format dan --force hanya berlaku bersama --export BERKAS.",
                "Contoh: `kariersosial quiz --export hasil.html`.",
            )
        return Keep(save=save)
    if export == "-":
        raise UsageError(
            "--export butuh nama berkas; hasilnya sudah tampil di layar.",
            "Contoh: `kariersosial quiz --export hasil.html`.",
        )
    kind = resolve_format(fmt, export)
    check_target(Path(export), force)
    return Keep(save=save, export=Path(export), fmt=kind, force=force)


def keep_result(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    keep: Keep,
    show: Callable[[int | None], None],
    *,
    as_json: bool,
) -> None:
    """Show the result, save it to the history, and export it if asked.

    The result is never lost: a history that cannot be used is reported on stderr, and the
    person is offered an export (a prompt in a terminal, a hint naming --export otherwise).
    With --json the save comes first, so the JSON can carry its number; messages go to stderr.
    """
    from kariersosial.store import now

    created = now()
    if not as_json:
        show(None)
    number, problem = _save(cat, res, answers, mode, created) if keep.save else (None, None)
    if as_json:
        show(number)
    if number is not None and not as_json:
        _say(
            f"Hasil disimpan sebagai nomor {number}; lihat lagi dengan "
            f"`kariersosial history show {number}`.",
            style="dim",
        )
    if problem is not None:
        _say(f"Hasilmu tidak disimpan ke riwayat: {problem.reason}.", err=True, style="yellow")
        if problem.hint:
            _say(problem.hint, err=True, style="yellow")
    if keep.export is not None:
        text = _report(cat, res, answers, mode, created, number, keep.fmt)
        write_report(keep.export, text, keep.force)
        _say(f"Laporan disimpan di {keep.export}.", err=as_json)
    elif problem is not None:
        _offer_export(cat, res, answers, mode, created, as_json)


@dataclass(frozen=True)
class _Problem:
    reason: str
    hint: str | None


def _save(
    cat: Catalog, res: Result, answers: Mapping[str, int | None], mode: str, created: str
) -> tuple[int | None, _Problem | None]:
    from kariersosial import history
    from kariersosial.serialize import result

    known = {q.id for q in cat.questions}
    try:
        number = history.save(
            created=created,
            mode=mode,
            catalog_version=cat.version,
            detail={k: v for k, v in result(cat, res, answers, mode).items() if k != "answers"},
            answers=[
                history.Answer(q, cat.question(q).text, v) for q, v in answers.items() if q in known
            ],
            ranking=[history.Fit(f.rank, f.role.id, f.role.name, f.fit) for f in res.ranking],
        )
    except history.HistoryError as exc:
        return None, _Problem(exc.reason, exc.hint)
    except StateError as exc:  # e.g. a broken file that could not be moved aside
        return None, _Problem(exc.message.rstrip("."), exc.hint)
    return number, None


def _report(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    created: str,
    number: int | None,
    fmt: str,
) -> str:
    from kariersosial import report

    rep: Report = report.from_result(cat, res, answers, mode, created, number)
    return report.build(rep, fmt)


EXPORT_HINT = (
    "Agar hasil ini tidak hilang, simpan sebagai berkas: jalankan lagi perintah yang sama "
    "ditambah `--export FILE` (misalnya `--export hasil.html`)."
)


def _offer_export(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    created: str,
    as_json: bool,
) -> None:
    if as_json or not interactive():
        _say(EXPORT_HINT, err=True, style="yellow")
        return
    if not ask_yes_no("Simpan hasil ini sebagai berkas laporan?", default=True):
        return
    while True:
        name = ask_path("Nama berkasnya (.html, .md, atau .json; kosongkan untuk batal):")
        if not name:
            return
        from kariersosial.report import format_for

        path = Path(name).expanduser()
        try:
            write_report(
                path,
                _report(cat, res, answers, mode, created, None, format_for(name) or "html"),
                False,
            )
        except (UsageError, StateError) as exc:
            _say(exc.message, err=True, style="yellow")
            continue
        _say(f"Laporan disimpan di {path}.")
        return


def ask_path(question: str) -> str:
    import questionary

    from kariersosial.quiz import STYLE
    from kariersosial.report import format_for

    def valid(text: str) -> bool | str:
        name = text.strip()
        if not name:
            return True
        if format_for(name) is None:
            return "Pakai akhiran .html, .md, atau .json."
        if Path(name).expanduser().exists():
            return "Berkas itu sudah ada; pilih nama lain."
        return True

    answer = questionary.path(
        question, default="kariersosial-hasil.html", validate=valid, qmark="", style=STYLE
    ).unsafe_ask()
    return str(answer or "").strip()
