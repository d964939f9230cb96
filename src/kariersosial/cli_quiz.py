"""`kariersosial quiz`: interactive or from an answers file, then the result is kept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kariersosial.cli_common import (
    JsonOption,
    catalog,
    escape,
    interactive,
    print_json,
    user_errors,
)
from kariersosial.errors import StateError, UsageError, os_reason
from kariersosial.models import Catalog

if TYPE_CHECKING:
    from kariersosial.keep import Keep


def register(app: typer.Typer) -> None:
    app.command()(quiz)


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
        from kariersosial.keep import keep_options  # only the quiz needs it: not at start-up

        keep = keep_options(save=not no_save, export=export, fmt=fmt, force=force, answers=answers)
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
    from kariersosial.session import ANSWER_FILE_HINT, NOT_A_TERMINAL, interactive_quiz
    from kariersosial.store import clear_progress

    if not interactive():
        raise UsageError(NOT_A_TERMINAL, ANSWER_FILE_HINT)
    progress = interactive_quiz(
        cat,
        resume=resume,
        mode=mode,
        say=lambda thing: stdout().print(thing),
        warn=lambda text: stderr().print(escape(text), style="yellow"),
    )
    try:
        clear_progress()
    except StateError as exc:  # the result matters more than tidying up
        stderr().print(escape(exc.message), style="yellow")
    return progress.answers, progress.mode


def _show_result(
    cat: Catalog,
    given: dict[str, int | None],
    mode: str,
    as_json: bool,
    keep: Keep | None = None,
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

    from kariersosial.keep import Keep, keep_result

    keep_result(cat, res, given, mode, keep or Keep(), show, as_json=as_json)
