"""One run of `kariersosial quiz`: resume or start, ask, review, and handle Ctrl-C safely."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kariersosial.core.errors import QuizInterrupted
from kariersosial.core.models import Catalog
from kariersosial.state.store import Progress, clear_progress, load_progress, progress_path

if TYPE_CHECKING:  # the quiz module imports questionary, which only this command needs
    from kariersosial.ui.prompts import NextQuestion, Saver, Terminal

NOT_A_TERMINAL = (
    "Kuis interaktif butuh terminal, tapi masukan atau keluaran program ini bukan terminal."
)
ANSWER_FILE_HINT = (
    "Untuk menjawab dari berkas: `kariersosial quiz --answers jawaban.json` (atau `-` untuk "
    "jawaban yang dialirkan). Lihat ID pernyataan dengan `kariersosial questions`."
)


def interactive_quiz(
    catalog: Catalog,
    *,
    resume: bool | None,
    mode: str,
    say: Callable[[object], None],
    warn: Callable[[str], None],
    term: Terminal | None = None,
) -> Progress:
    """Run the quiz until the person asks for the result; progress is saved after each answer."""
    from kariersosial.ui import prompts as quiz
    from kariersosial.ui.render import answers_table

    terminal = term or quiz.Terminal()
    total = len(catalog.questions)
    saved, notice = load_progress(catalog.version, {q.id for q in catalog.questions})
    if notice:
        warn(notice)
    progress = Progress(catalog.version)
    has_saved = saved is not None and bool(saved.answers)
    # until the person chooses, an interruption leaves the saved answers as they are
    saver = quiz.Saver(warn, saved if saved is not None and has_saved else progress)
    try:
        if saved is not None and has_saved:
            keep = resume if resume is not None else quiz.choose_resume(saved, total, terminal)
            if keep:
                progress = saved
                mode = saved.mode
            else:
                clear_progress()
                saver.last = progress
        progress = replace(progress, mode=mode)
        if not progress.answers:
            say(quiz.intro(mode, total))

        def show(p: Progress) -> None:
            say(answers_table(catalog, p.asked, p.answers))

        choose = next_question(catalog, mode)
        again = True
        while again:  # in the short quiz a changed answer at the review chooses again
            progress = quiz.run_questions(
                catalog, progress, choose, saver, terminal, total if mode == "full" else None
            )
            progress, again = quiz.review(
                catalog, progress, show, saver, terminal, reselect=mode == "quick"
            )
    except KeyboardInterrupt:
        raise _interrupted(saver) from None
    return progress


def next_question(catalog: Catalog, mode: str) -> NextQuestion:
    if mode == "quick":
        from kariersosial.core.adaptive import Adaptive
        from kariersosial.core.scoring import Scorer

        return Adaptive(Scorer(catalog)).next_question
    from kariersosial.ui.prompts import in_order

    return in_order(catalog)


def _interrupted(saver: Saver) -> QuizInterrupted:
    count = len(saver.last.answers)
    answered = sum(a is not None for a in saver.last.answers.values())
    if saver.failure:
        return QuizInterrupted.said(
            f"Kuis dihentikan. {count} jawabanmu tidak bisa disimpan: {saver.failure}",
            "Pastikan folder data bisa ditulisi (atau atur KARIERSOSIAL_HOME), lalu mulai lagi.",
        )
    where = progress_path() if count else None
    what = f"{answered} jawabanmu"
    if answered < count:
        what += f" (dan {count - answered} pernyataan yang kamu lewati)"
    saved = f" {what} sudah disimpan di {where}." if where else ""
    return QuizInterrupted.said(
        f"Kuis dihentikan.{saved}",
        "Lanjutkan kapan saja dengan `kariersosial quiz` (atau `kariersosial quiz --resume`).",
    )
