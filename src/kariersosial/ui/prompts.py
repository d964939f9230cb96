"""The interactive quiz: one statement at a time, back and review, saved after every answer."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from questionary.prompts.common import InquirerControl

from kariersosial.core.adaptive import MAX_QUESTIONS, MIN_QUESTIONS, TYPICAL_LENGTH
from kariersosial.core.models import Catalog, Question
from kariersosial.core.progress import NextQuestion, Progress
from kariersosial.io.answers import SCALE_LABELS, SKIP_LABEL
from kariersosial.io.terminal import wrap_width
from kariersosial.ui.style import STYLE

BACK = "kembali"
SKIP = "lewati"
INSTRUCTION = "(tekan 1–5, atau panah lalu Enter · L = lewati · Esc = kembali)"
FIRST_INSTRUCTION = "(tekan 1–5, atau panah lalu Enter · L = lewati)"  # nothing to go back to


@dataclass
class Terminal:
    """Where prompts read and write; tests pass a pipe input and a dummy output."""

    input: Any = None
    output: Any = None

    def kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in (("input", self.input), ("output", self.output)) if v is not None}


SHORT_RANGE = f"{MIN_QUESTIONS}–{MAX_QUESTIONS}"
SHORT_TYPICAL = TYPICAL_LENGTH
NEW = object()  # a statement not answered yet: the pointer starts on the neutral middle


def ask_statement(
    question: Question, heading: str, default: object, first: bool, term: Terminal
) -> int | str | None:
    """One statement: 1..5, None for skip, or BACK; `default` is the earlier answer or NEW."""
    choices = [questionary.Choice(f"{v} · {label}", value=v) for v, label in SCALE_LABELS.items()]
    choices.append(questionary.Choice(f"L · {SKIP_LABEL}", value=SKIP))
    if not first:
        choices.append(questionary.Choice("← Kembali ke pernyataan sebelumnya", value=BACK))
    current = 3 if default is NEW else SKIP if default is None else default
    width = wrap_width()
    text = textwrap.fill(
        question.text, width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )
    # Wrapped here, at spaces: the prompt itself would split words at the screen edge.
    hint = textwrap.fill(
        FIRST_INSTRUCTION if first else INSTRUCTION,
        width,
        initial_indent="  ",
        subsequent_indent="  ",
        break_on_hyphens=False,
    )
    prompt = questionary.select(
        f"{heading}\n{text}\n{hint}",
        choices=choices,
        default=next(c for c in choices if c.value == current),
        qmark="",
        instruction=" ",
        style=STYLE,
        **term.kwargs(),
    )
    _add_direct_keys(prompt, allow_back=not first)
    answer = prompt.unsafe_ask()
    return None if answer == SKIP else answer


def _add_direct_keys(prompt: questionary.Question, allow_back: bool) -> None:
    """Digits answer at once, L skips and Esc goes back, on top of questionary's arrows."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    keys = KeyBindings()

    def choose(key: str, value: object) -> None:
        @keys.add(key, eager=True)
        def _(event: Any) -> None:
            control.pointed_at = next(
                i for i, c in enumerate(control.choices) if getattr(c, "value", None) == value
            )
            control.is_answered = True
            event.app.exit(result=value)

    for value in SCALE_LABELS:
        choose(str(value), value)
    choose("l", SKIP)
    choose("L", SKIP)
    if allow_back:
        choose(Keys.Escape, BACK)
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])


def run_questions(
    catalog: Catalog,
    progress: Progress,
    next_question: NextQuestion,
    save: Callable[[Progress], None],
    term: Terminal,
    total: int | None = None,
) -> Progress:
    """Ask until `next_question` has nothing left; back steps through what was asked.

    In the short quiz (`total` None) a changed earlier answer drops the statements chosen after
    it, so that what comes next is chosen again from the answers as they now are; a dropped
    statement that is chosen again starts on its earlier answer.
    """
    answers = dict(progress.answers)
    # Only the last statement asked can be unanswered (shown, then back); asking it again
    # must not list it twice.
    asked = [qid for qid in progress.asked if qid in answers]
    earlier: dict[str, int | None] = {}
    position = len(asked)
    while True:
        if position < len(asked):
            qid = asked[position]
        else:
            found = next_question(answers, asked)
            if found is None:
                break
            qid = found
            asked.append(qid)
        question = catalog.question(qid)
        count = f" dari {total}" if total else f" · kuis singkat, {SHORT_RANGE} pernyataan"
        heading = f"Pernyataan {position + 1}{count}"
        default = answers.get(qid, earlier.get(qid, NEW))
        answer = ask_statement(question, heading, default, position == 0, term)
        if answer == BACK:
            position = max(0, position - 1)
            continue
        value = answer if isinstance(answer, int) else None
        changed = qid in answers and answers[qid] != value
        answers[qid] = value
        position += 1
        if changed and total is None and position < len(asked):
            for dropped in asked[position:]:
                if dropped in answers:
                    earlier[dropped] = answers.pop(dropped)
            del asked[position:]
        progress = replace(progress, answers=dict(answers), asked=tuple(asked))
        save(progress)
    return replace(progress, answers=dict(answers), asked=tuple(asked))


def review(
    catalog: Catalog,
    progress: Progress,
    show_table: Callable[[Progress], None],
    save: Callable[[Progress], None],
    term: Terminal,
    reselect: bool = False,
) -> tuple[Progress, bool]:
    """Show every answer; change any of them by number until the person asks for the result.

    With `reselect` (the short quiz), changing an answer ends the review with the statements
    after it dropped, and True, so that the quiz chooses what comes next again.
    """
    numbers = {str(n): qid for n, qid in enumerate(progress.asked, start=1)}
    width = wrap_width()
    ask = textwrap.fill(
        "Ketik nomor pernyataan yang ingin kamu ubah, atau tekan Enter untuk melihat hasil:", width
    )

    # Checked after Enter rather than while typing, so that a wrong number is cleared from
    # the field and the person starts again on an empty line, with the reason above it.
    error = textwrap.fill(
        f"Ketik nomor 1–{len(numbers)}, atau kosongkan untuk melihat hasil.", width
    )
    show_table(progress)
    message = ask
    while True:
        choice = questionary.text(message, qmark="", style=STYLE, **term.kwargs()).unsafe_ask()
        if choice.strip() and choice.strip() not in numbers:
            message = f"{error}\n{ask}"
            continue
        if not choice.strip():
            return progress, False
        qid = numbers[choice.strip()]
        heading = f"Mengubah pernyataan {choice.strip()}"
        answer = ask_statement(
            catalog.question(qid), heading, progress.answers.get(qid), True, term
        )
        value = answer if isinstance(answer, int) else None
        changed = progress.answers.get(qid) != value
        answers = {**progress.answers, qid: value}
        progress = replace(progress, answers=answers)
        if changed and reselect:
            keep = progress.asked[: progress.asked.index(qid) + 1]
            progress = replace(
                progress, asked=keep, answers={q: a for q, a in answers.items() if q in keep}
            )
            save(progress)
            return progress, True
        save(progress)
        show_table(progress)
        message = ask


def choose_resume(progress: Progress, total: int, term: Terminal) -> bool:
    """True to continue the saved quiz, False to start again; says which quiz and how far."""
    answered = sum(a is not None for a in progress.answers.values())
    skipped = len(progress.answers) - answered
    passed = f", {skipped} dilewati" if skipped else ""
    if progress.mode == "quick":
        where = f"kuis singkat yang belum selesai ({answered} pernyataan sudah dijawab{passed})"
    else:
        where = (
            f"kuis lengkap yang belum selesai ({answered} dari {total} pernyataan sudah "
            f"dijawab{passed})"
        )
    width = wrap_width()
    answer = questionary.select(
        textwrap.fill(f"Kamu punya {where}.", width),
        choices=[
            questionary.Choice("Lanjutkan dari yang terakhir", value=True),
            questionary.Choice("Mulai dari awal (jawaban lama dihapus)", value=False),
        ],
        qmark="",
        style=STYLE,
        instruction="(panah lalu Enter)",
        **term.kwargs(),
    ).unsafe_ask()
    return bool(answer)


def intro(mode: str, total: int) -> str:
    if mode == "quick":
        length = (
            f"Ini kuis singkat: {SHORT_RANGE} pernyataan (biasanya sekitar {SHORT_TYPICAL}, 3–4 "
            "menit). Kuis berhenti begitu pernyataan yang belum ditanyakan hampir pasti tidak "
            "akan mengubah peran teratasmu. Kuis lengkap ada di `kariersosial quiz --full`."
        )
    else:
        length = f"Kuis ini berisi {total} pernyataan, sekitar {max(1, total // 6)} menit."
    return (
        f"Jawab pernyataan tentang apa yang kamu sukai dan cara kamu bekerja. {length} "
        "Tidak ada jawaban benar atau salah: pilih yang paling menggambarkan dirimu. Hasilnya "
        "untuk menjelajah pilihan karier, bukan untuk seleksi kerja."
    )


class PromptScreen:
    """The quiz on a real terminal (`flows.screen.QuizScreen`); `term` lets tests type keys."""

    def __init__(
        self,
        say: Callable[[object], None],
        warn: Callable[[str], None],
        term: Terminal | None = None,
    ) -> None:
        self._say = say
        self._warn = warn
        self.term = term or Terminal()

    def say(self, thing: object) -> None:
        self._say(thing)

    def warn(self, text: str) -> None:
        self._warn(text)

    def choose_resume(self, progress: Progress, total: int) -> bool:
        return choose_resume(progress, total, self.term)

    def intro(self, mode: str, total: int) -> None:
        self._say(intro(mode, total))

    def run_questions(
        self,
        catalog: Catalog,
        progress: Progress,
        next_question: NextQuestion,
        save: Callable[[Progress], None],
        total: int | None,
    ) -> Progress:
        return run_questions(catalog, progress, next_question, save, self.term, total)

    def review(
        self,
        catalog: Catalog,
        progress: Progress,
        show_table: Callable[[Progress], None],
        save: Callable[[Progress], None],
        reselect: bool,
    ) -> tuple[Progress, bool]:
        return review(catalog, progress, show_table, save, self.term, reselect=reselect)

    def show_answers(self, catalog: Catalog, progress: Progress) -> None:
        from kariersosial.ui.tables import answers_table

        self._say(answers_table(catalog, progress.asked, progress.answers))
