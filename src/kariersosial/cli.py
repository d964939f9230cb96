"""The `kariersosial` commands: thin wrappers that turn the core's errors into exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from kariersosial import __version__
from kariersosial.catalog import DATA_ENV, load_catalog
from kariersosial.errors import EXIT_INTERRUPTED, KarierError, StateError, UsageError, os_reason
from kariersosial.i18n import localize_typer
from kariersosial.models import Catalog
from kariersosial.speedups import skip_pydantic_for_text

localize_typer()
skip_pydantic_for_text()

app = typer.Typer(
    name="kariersosial",
    help=(
        "Kuis kecocokan karier untuk lima peran kebijakan dan layanan sosial.\n\n"
        "Jawab pernyataan singkat tentang dirimu, lalu lihat peran mana yang paling cocok, "
        "lengkap dengan kutipan dari teks sumbernya."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


class State:
    data: Path | None = None


state = State()


def _version(value: bool) -> None:
    if value:
        print(f"kariersosial {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help="Pakai katalog peran dari berkas JSON ini, bukan katalog bawaan.",
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Tampilkan versi kariersosial lalu keluar.",
        ),
    ] = False,
) -> None:
    state.data = Path(data) if data else None


@contextmanager
def user_errors() -> Iterator[None]:
    """The one place where the package's errors become a message on stderr and an exit code."""
    try:
        yield
    except KarierError as exc:
        fail(exc.message, exc.hint, exc.exit_code)
    except KeyboardInterrupt:
        fail("Dihentikan.", None, EXIT_INTERRUPTED)


def fail(message: str, hint: str | None, code: int) -> NoReturn:
    from kariersosial.render import stderr

    console = stderr()
    prefix = "" if code == EXIT_INTERRUPTED else "[bold red]Galat:[/] "
    console.print(f"{prefix}{_escape(message)}")
    if hint:
        console.print(_escape(hint), style="yellow")
    raise typer.Exit(code)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def catalog() -> Catalog:
    return load_catalog(state.data)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def complete_role(incomplete: str) -> list[tuple[str, str]]:
    """Role ids for shell completion; silent when the catalogue cannot be read."""
    try:
        roles = load_catalog(state.data).roles
    except KarierError:
        return []
    return [(r.id, r.name) for r in roles if r.id.startswith(incomplete.casefold())]


JsonOption = Annotated[bool, typer.Option("--json", help="Keluarkan hasil sebagai JSON.")]


@app.command()
def roles(as_json: JsonOption = False) -> None:
    """Tampilkan kelima peran beserta ID dan ringkasannya."""
    with user_errors():
        cat = catalog()
        if as_json:
            from kariersosial.serialize import role_summary

            print_json({"roles": [role_summary(r) for r in cat.roles], "version": cat.version})
            return
        from kariersosial.render import roles_table, stdout

        stdout().print(roles_table(cat))
        stdout().print("Baca profil lengkap: [bold]kariersosial show <peran>[/]", style="dim")


@app.command()
def show(
    role: Annotated[
        str,
        typer.Argument(
            help="Nama, ID, singkatan, atau awal nama peran, misalnya 'layanan'.",
            autocompletion=complete_role,
            show_default=False,
            metavar="PERAN",
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Tampilkan profil lengkap satu peran, dengan kutipan dari teks sumbernya."""
    from kariersosial.lookup import resolve_role

    with user_errors():
        cat = catalog()
        found = resolve_role(cat, role)
        if as_json:
            from kariersosial.serialize import role_profile

            print_json(role_profile(cat, found))
            return
        from kariersosial.render import role_profile as render_profile
        from kariersosial.render import stdout

        stdout().print(render_profile(cat, found))


@app.command()
def validate(
    file: Annotated[
        str | None,
        typer.Argument(
            help="Berkas katalog yang diperiksa (bawaan: katalog yang sedang dipakai).",
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Periksa berkas katalog peran dan laporkan semua masalahnya sekaligus."""
    from kariersosial.catalog import BUNDLED_NAME, bundled_catalog_file, check_catalog

    target = Path(file) if file else state.data
    name = str(target) if target else BUNDLED_NAME
    if target is not None and not target.exists():
        with user_errors():
            raise UsageError(f"Berkas '{target}' tidak ditemukan.", "Periksa nama dan foldernya.")
    result = check_catalog(target or bundled_catalog_file(), name)
    problems = [] if not isinstance(result, list) else result
    if as_json:
        print_json({"file": name, "valid": not problems, "problems": problems})
    elif problems:
        from kariersosial.render import stderr

        stderr().print(f"[bold red]{_escape(name)}: {len(problems)} masalah ditemukan[/]")
        for problem in problems:
            stderr().print(f"  • {_escape(problem)}", soft_wrap=True)
    else:
        assert not isinstance(result, list)
        print(
            f"{name}: katalog sah — {len(result.roles)} peran, {len(result.questions)} pernyataan, "
            f"{len(result.dimensions)} dimensi."
        )
    if problems:
        raise typer.Exit(1)


@app.command()
def quiz(
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            "-a",
            help='Jawab dari berkas (JSON `{"p01": 4}` atau baris `p01=4`); `-` untuk stdin.',
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Lanjutkan kuis yang belum selesai tanpa bertanya.")
    ] = False,
    restart: Annotated[
        bool, typer.Option("--restart", help="Abaikan kuis yang belum selesai dan mulai dari awal.")
    ] = False,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="Kuis singkat yang berhenti begitu hasilnya jelas (bawaan untuk kuis interaktif).",
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full", help="Kuis lengkap: semua pernyataan, penjelasan hasil paling lengkap."
        ),
    ] = False,
    as_json: JsonOption = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Jangan simpan hasil ini ke riwayat.")
    ] = False,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            help="Simpan juga hasilnya sebagai laporan di BERKAS (.md, .html, atau .json).",
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Format laporan --export: md, html, atau json (bawaan: dari akhiran BERKAS).",
            show_default=False,
            metavar="FORMAT",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas --export yang sudah ada.")
    ] = False,
) -> None:
    """Ikuti kuis dan lihat peran mana yang paling cocok untukmu."""
    with user_errors():
        if resume and restart:
            raise UsageError("Pilih salah satu: --resume atau --restart, jangan keduanya.")
        if quick and full:
            raise UsageError("Pilih salah satu: --quick atau --full, jangan keduanya.")
        keep = cli_history.keep_options(save=not no_save, export=export, fmt=fmt, force=force)
        cat = catalog()
        if answers is not None:
            mode = "quick" if quick else "full"
            given = _read_answers(answers, cat)
            if mode == "quick":
                given = _quick_subset(cat, given)
        else:
            mode = "full" if full else "quick"
            given, mode = _ask(cat, True if resume else False if restart else None, mode)
        _show_result(cat, given, mode, as_json, keep)


def _quick_subset(cat: Catalog, given: dict[str, int | None]) -> dict[str, int | None]:
    """Only the answers the short quiz would have asked for."""
    from kariersosial.adaptive import Adaptive, walk
    from kariersosial.scoring import Scorer

    return {qid: given.get(qid) for qid in walk(Adaptive(Scorer(cat)), given)}


def _read_answers(source: str, cat: Catalog) -> dict[str, int | None]:
    from kariersosial.answers import parse_answers

    if source == "-":
        return parse_answers(sys.stdin.read(), cat, "dari stdin")
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"Berkas jawaban '{source}' tidak ditemukan.") from None
    except IsADirectoryError:
        raise UsageError(f"'{source}' adalah folder, bukan berkas jawaban.") from None
    except UnicodeDecodeError:
        raise UsageError(f"Berkas jawaban '{source}' bukan teks UTF-8.") from None
    except OSError as exc:
        raise UsageError(
            f"Berkas jawaban '{source}' tidak bisa dibaca ({os_reason(exc)})."
        ) from None
    return parse_answers(text, cat, f"'{source}'")


def _ask(cat: Catalog, resume: bool | None, mode: str) -> tuple[dict[str, int | None], str]:
    from kariersosial.render import stderr, stdout
    from kariersosial.session import interactive_quiz, require_terminal
    from kariersosial.store import clear_progress

    require_terminal()
    progress = interactive_quiz(
        cat,
        resume=resume,
        mode=mode,
        say=lambda thing: stdout().print(thing),
        warn=lambda text: stderr().print(_escape(text), style="yellow"),
    )
    try:
        clear_progress()
    except StateError as exc:  # the result matters more than tidying up
        stderr().print(_escape(exc.message), style="yellow")
    return progress.answers, progress.mode


def _show_result(
    cat: Catalog,
    given: dict[str, int | None],
    mode: str,
    as_json: bool,
    keep: cli_history.Keep | None = None,
) -> None:
    from kariersosial.scoring import score

    res = score(cat, given)

    def show(history_id: int | None) -> None:
        if as_json:
            from kariersosial.serialize import result

            print_json({**result(cat, res, given, mode), "history_id": history_id})
            return
        from kariersosial.render import stdout
        from kariersosial.result_view import render_result

        stdout().print(render_result(res, mode))

    # Saving to the history, reporting a failure and exporting live in cli_history.
    keep = keep or cli_history.Keep()
    cli_history.keep_result(cat, res, given, mode, keep, show, as_json=as_json)


@app.command()
def questions(as_json: JsonOption = False) -> None:
    """Tampilkan semua pernyataan kuis beserta ID-nya, untuk menyiapkan berkas jawaban."""
    with user_errors():
        cat = catalog()
        if as_json:
            from kariersosial.answers import SCALE_LABELS
            from kariersosial.serialize import question

            print_json(
                {
                    "version": cat.version,
                    "scale": {str(k): v for k, v in SCALE_LABELS.items()},
                    "questions": [question(cat, q) for q in cat.questions],
                }
            )
            return
        from kariersosial.render import questions_table, stdout

        stdout().print(questions_table(cat))


# Commands kept in their own modules register here (each module imports only typer at the top).
# --- registered command modules ---
from kariersosial import cli_history  # noqa: E402

cli_history.register(app)
from kariersosial import cli_counsel  # noqa: E402

cli_counsel.register(app)
# --- end of registered command modules ---


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # e.g. `kariersosial show x | head`
        sys.stderr.close()
        raise SystemExit(1) from None
