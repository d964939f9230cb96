"""Commands for comparing roles and for counsellors scoring a class: compare, form, score.

Only typer is imported at the top: typer re-runs the program on every tab press, so rich,
csv and the engine are imported inside the commands that use them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from kariersosial.cli_common import JsonOption, catalog, print_json, role_argument, user_errors

if TYPE_CHECKING:
    from rich.console import RenderableType

    from kariersosial.batch import Responses, Summary
    from kariersosial.compare import Comparison, Passage
    from kariersosial.models import Catalog

WIDE = 100  # from this width the two roles of `compare` stand in two columns
BAR_CELLS = 10
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
            "agar Excel menampilkan hurufnya dengan benar."
        ),
        show_default=False,
        metavar="BERKAS",
    ),
]


# --- compare --------------------------------------------------------------------------------


def compare(
    first: Annotated[str, role_argument(f"Peran pertama. {ROLE_HELP}", "PERAN_A")],
    second: Annotated[str, role_argument("Peran kedua, ditulis dengan cara yang sama.", "PERAN_B")],
    as_json: JsonOption = False,
) -> None:
    """Bandingkan dua peran berdampingan: tugas, kecocokan, realita, dan perbedaannya.

    Semua teks dalam tanda kutip dikutip apa adanya dari teks sumber tiap peran. Di akhir
    ada dimensi minat yang paling membedakan kedua peran.
    """
    from kariersosial.compare import compare_roles, comparison_dict
    from kariersosial.lookup import resolve_role

    with user_errors():
        cat = catalog()
        comparison = compare_roles(cat, resolve_role(cat, first), resolve_role(cat, second))
        if as_json:
            print_json(comparison_dict(cat, comparison))
            return
        from kariersosial.render import stdout

        console = stdout()
        console.print(render_comparison(comparison, console.width))


def render_comparison(comp: Comparison, width: int) -> RenderableType:
    """Both roles section by section: two columns from WIDE cells, stacked below that."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from kariersosial.render import QUOTE_NOTE, SECTION_TITLES, heading

    wide = width >= WIDE
    roles = (comp.left, comp.right)
    intro: RenderableType
    if wide:
        intro = Table.grid(padding=(0, 2), expand=True)
        for _ in roles:
            intro.add_column(ratio=1)
        intro.add_row(*(_role_title(r.name, r.id, r.summary) for r in roles))
    else:
        intro = Group(
            _role_title(comp.left.name, comp.left.id, comp.left.summary),
            Text(),
            _role_title(comp.right.name, comp.right.id, comp.right.summary),
        )
    parts: list[RenderableType] = [
        Panel(
            intro,
            title=Text(f"{comp.left.name} dan {comp.right.name}", style="bold"),
            title_align="left",
            border_style="cyan",
        ),
    ]
    for pair in comp.sections:
        parts.append(heading(SECTION_TITLES[pair.section]))
        if pair.section == "realita":
            parts.append(
                Text("Kenyataan yang meluruskan anggapan keliru tentang peran ini.", "dim")
            )
        if wide:
            table = Table(expand=True, show_edge=False, pad_edge=False, box=None, padding=(0, 2))
            for role in roles:
                table.add_column(Text(role.name, style="bold"), ratio=1)
            table.add_row(_passages(pair.left, 0), _passages(pair.right, 0))
            parts.append(table)
        else:
            for role, side in zip(roles, (pair.left, pair.right), strict=True):
                parts.append(Padding(Text(role.name, style="bold"), (0, 0, 0, 2)))
                parts.append(_passages(side, 4))
        parts.append(Text())
    parts += [*_gaps(comp, wide), Text()]
    parts.append(Text(QUOTE_NOTE, style="dim"))
    parts.append(Text("Profil lengkap tiap peran:", style="dim"))
    parts += [Padding(Text(f"kariersosial show {r.id}", style="bold"), (0, 0, 0, 2)) for r in roles]
    return Group(*parts)


def _role_title(name: str, role_id: str, summary: str) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    return Group(Text(name, style="bold"), Text(summary), Text(f"ID: {role_id}", style="dim"))


def _passages(passages: tuple[Passage, ...], indent: int) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from kariersosial.render import quote_block

    if not passages:
        return Padding(Text("(teks peran ini tidak membahasnya)", style="dim"), (0, 0, 0, indent))
    parts: list[RenderableType] = []
    for passage in passages:
        if passage.label:
            parts.append(Padding(Text(passage.label, style="bold"), (0, 0, 0, indent)))
            parts.append(quote_block(passage.quotes, indent=indent + 2))
        else:
            parts.append(quote_block(passage.quotes, indent=indent))
    return Group(*parts)


def _bar(weight: float) -> RenderableType:
    from rich.text import Text

    filled = round(max(0.0, min(1.0, weight)) * BAR_CELLS)
    return Text.assemble(
        ("█" * filled, "cyan"),
        ("░" * (BAR_CELLS - filled), "grey50"),
        f" {_decimal(weight)}",
        no_wrap=True,
    )


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")  # Indonesian decimal comma


def _gaps(comp: Comparison, wide: bool) -> list[RenderableType]:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from kariersosial.render import heading

    parts: list[RenderableType] = [
        heading("Dimensi minat yang paling membedakan"),
        Text("Bobot tiap dimensi dalam profil peran: 0 = tidak dibutuhkan, 1 = sangat.", "dim"),
    ]
    if not comp.gaps:
        return [*parts, Text("Kedua peran menimbang semua dimensi sama besar.")]
    if wide:
        table = Table(expand=True, box=None, show_edge=False, pad_edge=False, padding=(0, 2))
        table.add_column("Dimensi", ratio=2)
        for role in (comp.left, comp.right):
            table.add_column(Text(role.name), width=BAR_CELLS + 4)
        table.add_column("Lebih dibutuhkan oleh", ratio=2)
        for gap in comp.gaps:
            table.add_row(
                gap.dimension.name,
                _bar(gap.left),
                _bar(gap.right),
                Text(comp.needs_more(gap).name, style="bold"),
            )
        return [*parts, table]
    for number, gap in enumerate(comp.gaps, start=1):
        parts.append(Text(f"{number}. {gap.dimension.name}", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(ratio=1)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        for role, weight in ((comp.left, gap.left), (comp.right, gap.right)):
            more = Text("◀ lebih dibutuhkan", style="bold") if role is comp.needs_more(gap) else ""
            grid.add_row(role.name, _bar(weight), more)
        parts.append(Padding(grid, (0, 0, 0, 3)))
    return parts


# --- form -----------------------------------------------------------------------------------


def form(
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "md: lembar cetak untuk siswa; csv: baris judul spreadsheet untuk mencatat "
                "jawaban. Bawaan: dari akhiran --output, selain itu md."
            ),
            autocompletion=_form_formats,
            show_default=False,
            metavar="md|csv",
        ),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Buat lembar pernyataan untuk satu kelas: lembar cetak (md) atau templat spreadsheet (csv).

    Lembar md berisi petunjuk untuk siswa, arti skala 1-5, dan tabel pernyataan bernomor
    untuk dicentang. Templat csv berisi satu baris judul: kolom nama, lalu satu kolom per
    pernyataan yang judulnya ID pernyataan diikuti teksnya (misalnya 'p01 Saya senang …').
    Isi satu baris per siswa dengan 1-5 atau labelnya ('Setuju'), lalu nilai semuanya
    dengan `kariersosial score`. Daftar pernyataan juga ada di `kariersosial questions`.
    """

    with user_errors():
        chosen = _format(fmt, output, FORM_FORMATS)
        cat = catalog()
        with _output(output, chosen) as out:
            if chosen == "csv":
                _form_csv(cat, out)
            else:
                out.write(form_markdown(cat))
        if output is not None:
            what = "Templat spreadsheet" if chosen == "csv" else "Lembar cetak"
            print(f"{what} ({len(cat.questions)} pernyataan) ditulis ke {output}.")


def _form_csv(cat: Catalog, out: TextIO) -> None:
    import csv

    # The statement's text follows its id in each title: the sheet explains itself when it is
    # shared or opened months later, and a spreadsheet's narrow column still starts with the
    # id that `score` reads. One header row only, so the file is ready to fill in.
    csv.writer(out, lineterminator="\n").writerow(
        ["nama", *(f"{q.id} {q.text}" for q in cat.questions)]
    )


def form_markdown(cat: Catalog) -> str:
    """A printable sheet: title, fields for the name, instructions, scale and statements."""
    from kariersosial.answers import SCALE_LABELS

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
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


# --- score ----------------------------------------------------------------------------------


def score(
    file: Annotated[
        str,
        typer.Argument(
            help="Berkas CSV jawaban, satu baris per responden; `-` untuk membaca dari stdin.",
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
) -> None:
    """Nilai jawaban satu kelas sekaligus dari berkas CSV: satu hasil per responden.

    Berkasnya: baris judul, lalu satu baris per responden. Nama diambil dari kolom nama,
    name, atau id (kalau tidak ada: kolom pertama). Kolom pernyataan berjudul ID-nya (p01)
    atau diawali ID-nya ('p01 Saya senang …', juga baris kisi Google Formulir seperti
    'Seberapa setuju kamu? \\[p01 …]'); kolom lain diabaikan. Jawaban 1-5 atau label seperti
    'Setuju'; kosong berarti dilewati. Pemisah koma, titik koma, atau tab. Templatnya:
    `kariersosial form --format csv`.

    Hasilnya memuat peran teratas, kecocokan tiap peran (0-100), dan catatan tiap responden;
    ringkasan per peran ditampilkan di akhir. Baris yang bermasalah dilaporkan dengan nomor
    barisnya dan dilewati, baris lain tetap dinilai.
    """
    from kariersosial.batch import Responses, score_responses
    from kariersosial.errors import KarierError, UsageError

    with user_errors():
        chosen = _format(fmt, output, SCORE_FORMATS)
        if output is not None and file != "-" and _same_file(file, output):
            raise UsageError(
                f"Berkas hasil '{output}' sama dengan berkas jawaban; jawabannya akan tertimpa.",
                "Pilih nama lain untuk --output, misalnya hasil.csv.",
            )
        cat = catalog()
        with _input(file) as (lines, source):
            responses = Responses(cat, lines, source)
            _layout_notes(responses)
            with _output(output, chosen) as out:
                summary = score_responses(responses, out, "json" if chosen == "json" else "csv")
        _report(summary, output)
        if summary.scored == 0:
            raise KarierError(
                f"Tidak ada baris yang bisa dinilai dari {source}."
                if summary.skipped
                else f"Berkas {source} belum berisi jawaban: hanya ada baris judul.",
                "Perbaiki baris yang dilaporkan di atas, lalu jalankan lagi."
                if summary.skipped
                else "Isi satu baris per responden di bawah baris judul.",
            )


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _format(fmt: str | None, output: str | None, allowed: tuple[str, ...]) -> str:
    from kariersosial.errors import UsageError

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output else ""
        return suffix if suffix in allowed else allowed[0]
    chosen = fmt.strip().lower()
    if chosen not in allowed:
        raise UsageError(
            f"Format '{fmt}' tidak dikenal. Pilih {' atau '.join(allowed)}.",
            f"Contoh: --format {allowed[0]}",
        )
    return chosen


def _encoding(start: bytes) -> str:
    """UTF-16 when the file says so (Excel's "Unicode text"), else UTF-8 with or without BOM."""
    return "utf-16" if start.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"


@contextmanager
def _input(file: str) -> Iterator[tuple[TextIO, str]]:
    """The responses as text lines; bytes that are not UTF-8 become � rather than stopping."""
    import io

    from kariersosial.errors import UsageError

    if file == "-":
        if sys.stdin.isatty():
            raise UsageError(
                "Jawaban dari stdin belum ada: berkasnya perlu dialirkan ke perintah ini.",
                "Contoh: kariersosial score - < jawaban.csv",
            )
        raw = getattr(sys.stdin, "buffer", None)
        if raw is None:  # already text (an embedding host): use it as it is
            yield sys.stdin, "dari stdin"
            return
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
        encoding = _encoding(buffered.peek(2)[:2])
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
        try:
            yield text, "dari stdin"
        finally:
            text.detach()  # leave stdin itself open
        return
    try:
        with open(file, "rb") as probe:
            encoding = _encoding(probe.read(2))
        stream = open(file, encoding=encoding, errors="replace", newline="")  # noqa: SIM115
    except FileNotFoundError:
        raise UsageError(
            f"Berkas jawaban '{file}' tidak ditemukan.", "Periksa nama dan foldernya."
        ) from None
    except IsADirectoryError:
        raise UsageError(f"'{file}' adalah folder, bukan berkas CSV.") from None
    except OSError as exc:
        raise UsageError(
            f"Berkas jawaban '{file}' tidak bisa dibaca ({exc.strerror or exc})."
        ) from None
    with stream:
        yield stream, f"'{file}'"


@contextmanager
def _output(output: str | None, fmt: str) -> Iterator[TextIO]:
    from kariersosial.errors import UsageError

    if output is None:
        yield sys.stdout
        return
    # A CSV file gets a byte-order mark: Excel reads a CSV without one in the Windows code
    # page, so names like "Dwi Ayu Lestari—XI" or "Ñoman" come out garbled; with it Excel,
    # LibreOffice and Google Sheets all read UTF-8, and `score` skips it. On stdout there is
    # no mark, so pipes (cut, awk, another program) see plain UTF-8.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        stream = open(output, "w", encoding=encoding, newline="")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(
            f"Tidak bisa menulis ke '{output}' ({exc.strerror or exc}).",
            "Periksa nama folder dan izin menulisnya.",
        ) from None
    with stream:
        yield stream


def _layout_notes(responses: Responses) -> None:
    from kariersosial.render import stderr

    console = stderr()
    layout = responses.layout
    if layout.name_column is None:
        console.print("Tidak ada kolom nama; responden dikenali dari nomor barisnya.", style="dim")
    if layout.ignored:
        listed = ", ".join(layout.ignored[:8]) + (" …" if len(layout.ignored) > 8 else "")
        console.print(f"Kolom yang tidak dipakai: {_escape(listed)}.", style="dim")
    missing = responses.missing
    if missing:
        shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        total = len(responses.catalog.questions)
        console.print(
            f"{len(missing)} dari {total} pernyataan tidak punya kolom ({shown}); "
            "pernyataan itu dianggap tidak ditanyakan.",
            style="yellow",
        )


def _report(summary: Summary, output: str | None) -> None:
    """Problems on stderr; the summary where it does not mix with the results."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from kariersosial.render import stderr, stdout

    err = stderr()
    if summary.problems:
        err.print(f"[bold yellow]{summary.skipped} baris dilewati:[/]")
        for p in summary.problems:
            who = f" ({_short(p.name)})" if p.name else ""
            err.print(f"  baris {p.line}{_escape(who)}: {_escape(p.reason)}", soft_wrap=True)
        if summary.unlisted:
            err.print(f"  … dan {summary.unlisted} baris lain")
    if summary.not_utf8:
        err.print(
            f"{summary.not_utf8} baris berisi teks yang bukan UTF-8 (tampil sebagai �). "
            "Simpan ulang berkasnya sebagai 'CSV UTF-8' agar nama tampil benar.",
            style="yellow",
        )
    console = stdout() if output is not None else err
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
            table.add_row(f"  {name}", str(count), f"{100 * count / summary.scored:.0f}%")
        console.print("Peran teratas tiap responden:")
        console.print(table)
        for note in (
            f"Belum ada peran yang benar-benar cocok: {summary.nothing_fits} responden.",
            f"Hasil belum tegas (dua peran berselisih tipis): {summary.not_decisive} responden.",
        ):
            console.print(Padding(Text(note, style="dim"), (0, 0, 0, 2)))
    if output is not None:
        console.print(f"Hasil ditulis ke {_escape(output)}.")


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
