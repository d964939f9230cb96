"""`kariersosial quiz`: interactive or from an answers file, then the result is kept."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from kariersosial.cli.common import JsonOption, catalog, print_json, state, user_errors
from kariersosial.core.errors import StateError, UsageError
from kariersosial.core.models import Catalog
from kariersosial.ui.screen import escape, interactive

if TYPE_CHECKING:
    from kariersosial.flows.keep import Keep


def register(app: typer.Typer) -> None:
    app.command()(quiz)


def quiz(
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            "-a",
            help=(
                'Jawab dari berkas (JSON `{"p01": 4}` atau baris `p01=4`); `-` untuk jawaban '
                "yang dialirkan ke perintah ini."
            ),
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
            raise UsageError("options_exclusive", one="--resume", other="--restart")
        if quick and full:
            raise UsageError("options_exclusive", one="--quick", other="--full")
        from kariersosial.flows.keep import keep_options  # only the quiz needs it: not at start-up

        keep = keep_options(
            save=not no_save,
            export=export,
            fmt=fmt,
            force=force,
            catalog_file=state.data,
            answers=answers,
        )
        cat = catalog()
        if answers is not None:
            mode = "quick" if quick else "full"
            given = _read_answers(answers, cat)
            if mode == "quick":
                given = _quick_subset(cat, given)
            _show_result(cat, given, mode, as_json, keep)
        else:
            mode = "full" if full else "quick"
            given, mode = _ask(cat, True if resume else False if restart else None, mode)
            # the progress file goes only once the result is safe elsewhere
            _show_result(cat, given, mode, as_json, keep, settled=_forget_progress)


def _quick_subset(cat: Catalog, given: dict[str, int | None]) -> dict[str, int | None]:
    """Only the answers the short quiz would have asked for."""
    from kariersosial.core.adaptive import Adaptive, walk
    from kariersosial.core.scoring import Scorer

    return {qid: given.get(qid) for qid in walk(Adaptive(Scorer(cat)), given)}


def _read_answers(source: str, cat: Catalog) -> dict[str, int | None]:
    from kariersosial.io import reading
    from kariersosial.io.answers import parse_answers

    try:
        if source == "-":
            text = reading.read_stdin(sys.stdin, reading.ANSWERS_LIMIT)
        else:
            text = reading.read_text(source, reading.ANSWERS_LIMIT)
    except reading.ReadProblem as exc:
        raise UsageError(
            "answers_unreadable", source=source, reason=exc.reason, problem=exc.kind
        ) from None
    if source == "-":
        return parse_answers(text, cat, "dari masukan yang dialirkan")
    return parse_answers(text, cat, f"'{source}'")


def _ask(cat: Catalog, resume: bool | None, mode: str) -> tuple[dict[str, int | None], str]:
    from kariersosial.flows.session import interactive_quiz
    from kariersosial.ui.prompts import PromptScreen
    from kariersosial.ui.render import stderr, stdout

    if not interactive():
        raise UsageError("not_a_terminal")
    screen = PromptScreen(
        say=lambda thing: stdout().print(thing),
        warn=lambda text: stderr().print(escape(text), style="yellow"),
    )
    progress = interactive_quiz(cat, resume=resume, mode=mode, screen=screen)
    return progress.answers, progress.mode


def _forget_progress() -> None:
    from kariersosial.state.store import clear_progress
    from kariersosial.ui.render import stderr

    try:
        clear_progress()
    except StateError as exc:  # the result matters more than tidying up
        from kariersosial.words.messages import words

        stderr().print(escape(words(exc).message), style="yellow")


def _show_result(
    cat: Catalog,
    given: dict[str, int | None],
    mode: str,
    as_json: bool,
    keep: Keep | None = None,
    *,
    settled: Callable[[], None] = lambda: None,
) -> None:
    from kariersosial.core.scoring import score

    res = score(cat, given)

    def show(number: int | None) -> None:
        if as_json:
            from kariersosial.io import json_shapes
            from kariersosial.io.serialize import result

            print_json(json_shapes.quiz_result(result(cat, res, given, mode), number))
            return
        from kariersosial.ui.render import stdout
        from kariersosial.ui.result_view import render_result

        stdout().print(render_result(res, mode))

    from kariersosial.flows.keep import Keep, keep_result
    from kariersosial.ui import screen

    keep = keep or Keep(catalog_file=state.data)
    keep_result(cat, res, given, mode, keep, show, screen, as_json=as_json, settled=settled)
