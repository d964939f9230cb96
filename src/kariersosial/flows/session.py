"""One run of `kariersosial quiz`: resume or start, ask, review, and handle Ctrl-C safely."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kariersosial.core.errors import QuizInterrupted, StateError
from kariersosial.core.models import Catalog
from kariersosial.core.progress import NextQuestion, Progress, in_order
from kariersosial.state.store import clear_progress, load_progress, progress_path, save_progress

if TYPE_CHECKING:
    from kariersosial.flows.screen import QuizScreen


def interactive_quiz(
    catalog: Catalog,
    *,
    resume: bool | None,
    mode: str,
    screen: QuizScreen,
) -> Progress:
    """Run the quiz until the person asks for the result; progress is saved after each answer."""
    total = len(catalog.questions)
    saved, notice = load_progress(catalog.version, {q.id for q in catalog.questions})
    if notice:
        screen.warn(notice)
    progress = Progress(catalog.version)
    has_saved = saved is not None and bool(saved.answers)
    # until the person chooses, an interruption leaves the saved answers as they are
    saver = Saver(screen.warn, saved if saved is not None and has_saved else progress)
    try:
        if saved is not None and has_saved:
            keep = resume if resume is not None else screen.choose_resume(saved, total)
            if keep:
                progress = saved
                mode = saved.mode
            else:
                clear_progress()
                saver.last = progress
        progress = replace(progress, mode=mode)
        if not progress.answers:
            screen.intro(mode, total)

        def show(p: Progress) -> None:
            screen.show_answers(catalog, p)

        choose = next_question(catalog, mode)
        again = True
        while again:  # in the short quiz a changed answer at the review chooses again
            progress = screen.run_questions(
                catalog, progress, choose, saver, total if mode == "full" else None
            )
            progress, again = screen.review(catalog, progress, show, saver, mode == "quick")
    except KeyboardInterrupt:
        raise _interrupted(saver) from None
    return progress


def next_question(catalog: Catalog, mode: str) -> NextQuestion:
    if mode == "quick":
        from kariersosial.core.adaptive import Adaptive
        from kariersosial.core.scoring import Scorer

        return Adaptive(Scorer(catalog)).next_question
    return in_order(catalog)


def _interrupted(saver: Saver) -> QuizInterrupted:
    count = len(saver.last.answers)
    answered = sum(a is not None for a in saver.last.answers.values())
    if saver.failed is not None:
        cause = saver.failed
        return QuizInterrupted(
            "quiz_stopped_unsaved",
            count=count,
            cause=cause.kind,
            cause_facts=tuple(sorted(cause.facts.items())),
        )
    where = str(progress_path()) if count else None
    return QuizInterrupted("quiz_stopped", answered=answered, count=count, where=where)


class Saver:
    """Saves progress after every answer; a failure is reported once and the quiz goes on."""

    def __init__(self, warn: Callable[[str], None], start: Progress) -> None:
        self.warn = warn
        self.failed: StateError | None = None  # the last save's error, until a save succeeds
        self.last = start  # what an interruption leaves behind

    @property
    def failure(self) -> str | None:
        """The words of the last save's error, if the last save failed."""
        if self.failed is None:
            return None
        from kariersosial.words.messages import words

        return words(self.failed).message

    def __call__(self, progress: Progress) -> None:
        self.last = progress
        try:
            save_progress(progress)
            self.failed = None
        except StateError as exc:
            first, self.failed = self.failed is None, exc
            if first:
                from kariersosial.words.texts import not_saved_yet

                self.warn(not_saved_yet(self.failure or ""))
