"""Files and terminal notes for `form` and `score`: the responses in, the results out.

Rich is imported inside the functions that print, so `form` writing a file never loads it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from kariersosial.core.errors import UsageError
from kariersosial.ui.screen import escape

if TYPE_CHECKING:
    from kariersosial.io.batch import Responses
    from kariersosial.io.batch_output import Sink, Summary
    from kariersosial.io.writing import Target


def _encoding(start: bytes) -> str:
    """UTF-16 when the file says so (Excel's "Unicode text"), else UTF-8 with or without BOM."""
    return "utf-16" if start.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"


MAX_LINE = 1024 * 1024  # characters in one line; a longer one (or /dev/zero) stops the run


@contextmanager
def open_input(file: str) -> Iterator[tuple[Iterator[str], str]]:
    """The responses as text lines; bytes that are not UTF-8 become � rather than stopping.

    A named file must be a regular file (a FIFO would wait for a writer, a device never ends);
    lines are read one at a time with a length cap, so memory stays flat however long it runs.
    """
    import io

    from kariersosial.io import reading

    if file == "-":
        if sys.stdin.isatty():
            raise UsageError("no_piped_answers")
        raw = getattr(sys.stdin, "buffer", None)
        if raw is None:  # already text (an embedding host): use it as it is
            yield _capped(sys.stdin, "dari masukan yang dialirkan"), "dari masukan yang dialirkan"
            return
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
        encoding = _encoding(buffered.peek(2)[:2])
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
        try:
            yield _capped(text, "dari masukan yang dialirkan"), "dari masukan yang dialirkan"
        finally:
            text.detach()  # leave stdin itself open
        return
    try:
        binary = reading.open_regular(file)
    except reading.ReadProblem as exc:
        if exc.kind == "missing":
            raise UsageError("answers_file_not_found", path=file) from None
        if exc.kind == "directory":
            raise UsageError("answers_is_folder", path=file) from None
        raise UsageError(
            "responses_unreadable", path=file, reason=exc.reason, special=exc.kind == "special"
        ) from None
    encoding = _encoding(binary.peek(2)[:2])
    stream = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
    with stream:
        yield _capped(stream, f"'{file}'"), f"'{file}'"


def _capped(stream: TextIO, source: str) -> Iterator[str]:
    """Lines of at most MAX_LINE characters; a longer line is an error, not a memory blow-up."""
    read = stream.readline
    number = 0
    while True:
        line = read(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise UsageError("line_too_long", line=number, source=source, limit=MAX_LINE)
        yield line


@contextmanager
def open_output(target: Target | None, fmt: str, bom: bool = False) -> Iterator[Sink]:
    """The checked --output target, written whole through `writing`; stdout when there is none
    (`bom`: there too, for --excel)."""
    if target is None:
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        return
    from kariersosial.io.writing import open_target

    # A CSV file gets a byte-order mark: Excel reads a CSV without one in the Windows code
    # page, so names like "Dwi Ayu Lestari—XI" or "Ñoman" come out garbled; with it Excel,
    # LibreOffice and Google Sheets all read UTF-8, and `score` skips it. On stdout there is
    # no mark, so pipes (cut, awk, another program) see plain UTF-8.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    with open_target(target, encoding=encoding) as out:
        yield out


def layout_notes(responses: Responses) -> None:
    """What the header row left out, on stderr before any result is written."""
    from kariersosial.io.header_notes import recognition_lines
    from kariersosial.ui.render import stderr

    console = stderr()
    layout = responses.layout
    for line in recognition_lines(responses):
        console.print(escape(line), style="dim", soft_wrap=True)
    if layout.name_column is None:
        console.print("Tidak ada kolom nama; responden dikenali dari nomor barisnya.", style="dim")
    if layout.ignored:
        listed = ", ".join(layout.ignored[:8]) + (" …" if len(layout.ignored) > 8 else "")
        console.print(f"Kolom yang tidak dipakai: {escape(listed)}.", style="dim")
    missing = responses.missing
    if missing:
        shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        total = len(responses.catalog.questions)
        console.print(
            f"{len(missing)} dari {total} pernyataan tidak punya kolom ({escape(shown)}); "
            "pernyataan itu dianggap tidak ditanyakan.",
            style="yellow",
        )


def print_summary(summary: Summary, output: str | None, report: str | None = None) -> None:
    """Problems on stderr; the summary where it does not mix with the results."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from kariersosial.ui.render import stderr, stdout

    err = stderr()
    if summary.problems:
        err.print(f"[bold yellow]{summary.skipped} baris dilewati:[/]")
        for p in summary.problems:
            who = f" ({_short(p.name)})" if p.name else ""
            err.print(f"  baris {p.line}{escape(who)}: {escape(p.reason)}", soft_wrap=True)
        if summary.unlisted:
            err.print(f"  … dan {summary.unlisted} baris lain")
    if summary.not_utf8:
        err.print(
            f"{summary.not_utf8} baris berisi teks yang bukan UTF-8 (tampil sebagai �). "
            "Simpan ulang berkasnya sebagai 'CSV UTF-8' agar nama tampil benar.",
            style="yellow",
        )
    console = stdout() if output is not None or report is not None else err
    console.print(
        f"Dinilai: {summary.scored} responden. Dilewati: {summary.skipped} baris.",
        style="bold",
    )
    if summary.scored:
        table = Table.grid(padding=(0, 2))
        table.add_column()
        table.add_column(justify="right")
        table.add_column(justify="right")
        for role_id, name in summary.roles:
            count = summary.first[role_id]
            table.add_row(Text(f"  {name}"), str(count), _share(count, summary.scored))
        table.add_row(
            Text("  Belum ada peran yang benar-benar cocok", style="italic"),
            str(summary.nothing_fits),
            _share(summary.nothing_fits, summary.scored),
        )
        console.print("Peran teratas tiap responden:")
        console.print(table)
        note = (
            f"Dari yang punya peran teratas, {summary.not_decisive} responden hasilnya belum "
            "tegas (dua peran berselisih tipis)."
        )
        console.print(Padding(Text(note, style="dim"), (0, 0, 0, 2)))
    if output is not None:
        console.print(f"Hasil ditulis ke {escape(output)}.")
    if report is not None:
        console.print(
            f"Laporan kelas ditulis ke {escape(report)}: buka di peramban, lalu cetak "
            "(setiap siswa mulai di halaman baru)."
        )


def _share(count: int, total: int) -> str:
    return f"{100 * count / total:.0f}%"


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
