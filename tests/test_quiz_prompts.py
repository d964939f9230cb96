"""The real questionary prompts, driven by keys through a prompt_toolkit pipe.

Every test types its keys into a pipe input up front (prompt_toolkit keeps what one prompt
did not read as typeahead for the next) and then closes the pipe, so a test that runs out of
keys fails with EOFError instead of hanging. A lone Esc needs prompt_toolkit's escape timeout
(about half a second) before it is delivered, so only one test does that; elsewhere Esc is
followed by another key, which ends the escape sequence at once.
"""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput, Output
from prompt_toolkit.output.vt100 import Vt100_Output

from kariersosial.core.errors import EXIT_INTERRUPTED, QuizInterrupted
from kariersosial.core.models import Catalog
from kariersosial.core.progress import NextQuestion, Progress, in_order
from kariersosial.flows.session import interactive_quiz
from kariersosial.state.store import progress_path
from kariersosial.ui import prompts as quiz
from kariersosial.words.messages import words

BANK = len(
    json.loads(
        (Path(__file__).resolve().parents[1] / "data" / "roles.json").read_text(encoding="utf-8")
    )["questions"]
)  # statements in the bundled bank

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
ESC = "\x1b"
CTRL_C = "\x03"
BACKSPACE = "\x7f"
WATCHDOG_SECONDS = 20  # a prompt still waiting for keys after this long gets EOF, not a hang


class ScriptedOutput(Vt100_Output):
    """A real VT100 output into a string; types more keys once the given text is on screen."""

    def __init__(self, inp: PipeInput, steps: Sequence[tuple[str, str]] = ()) -> None:
        self.buffer = io.StringIO()
        super().__init__(self.buffer, lambda: Size(rows=40, columns=100), term="xterm")
        self._inp = inp
        self._steps = list(steps)

    def flush(self) -> None:
        super().flush()
        while self._steps and self._steps[0][0] in self.text:
            self._inp.send_text(self._steps.pop(0)[1])
            if not self._steps:
                self._inp.close()

    @property
    def text(self) -> str:
        """What was drawn, without escape sequences (cursor-forward moves become spaces)."""
        raw = re.sub(r"\x1b\[(\d*)C", lambda m: " " * int(m.group(1) or 1), self.buffer.getvalue())
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw)


@contextmanager
def keyboard(
    keys: str, *, output: Callable[[PipeInput], Output] | None = None, close: bool = True
) -> Iterator[quiz.Terminal]:
    """A terminal whose keyboard has `keys` typed already; closed after them unless told."""
    with create_pipe_input() as inp:
        inp.send_text(keys)
        if close:
            inp.close()
        watchdog = threading.Timer(WATCHDOG_SECONDS, inp.close)
        watchdog.daemon = True
        watchdog.start()
        try:
            yield quiz.Terminal(input=inp, output=output(inp) if output else DummyOutput())
        finally:
            watchdog.cancel()


@dataclass(frozen=True)
class Asked:
    qid: str
    heading: str
    default: object
    first: bool
    file_existed: bool


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Asked]:
    """Every statement shown (run_questions and review look ask_statement up at call time)."""
    log: list[Asked] = []
    real = quiz.ask_statement

    def spy(
        question: Any, heading: str, default: object, first: bool, term: quiz.Terminal
    ) -> int | str | None:
        log.append(Asked(question.id, heading, default, first, progress_path().exists()))
        return real(question, heading, default, first, term)

    monkeypatch.setattr(quiz, "ask_statement", spy)
    return log


def ids(catalog: Catalog) -> list[str]:
    return [q.id for q in catalog.questions]


def first_n(catalog: Catalog, n: int) -> NextQuestion:
    """A short quiz over the first `n` statements, in order."""
    wanted = ids(catalog)[:n]

    def next_question(answers: Mapping[str, int | None], asked: Sequence[str]) -> str | None:
        return next((i for i in wanted if i not in answers), None)

    return next_question


def ask_one(catalog: Catalog, keys: str, default: object = quiz.NEW, first: bool = False) -> Any:
    with keyboard(keys) as term:
        return quiz.ask_statement(catalog.questions[0], "Pernyataan 1", default, first, term)


def run(catalog: Catalog, keys: str, n: int) -> tuple[Progress, list[Progress]]:
    saves: list[Progress] = []
    with keyboard(keys) as term:
        done = quiz.run_questions(
            catalog, Progress(catalog.version), first_n(catalog, n), saves.append, term
        )
    return done, saves


# --- one statement ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"), [("1", 1), ("3", 3), ("5", 5), ("l", None), ("L", None)]
)
def test_a_digit_answers_at_once_and_l_skips(catalog: Catalog, keys: str, expected: Any) -> None:
    assert ask_one(catalog, keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (ENTER, 3),
        (DOWN + ENTER, 4),
        (DOWN * 2 + ENTER, 5),
        (UP * 2 + ENTER, 1),
        (DOWN * 3 + ENTER, None),
    ],
)
def test_arrows_start_on_the_neutral_middle_for_a_new_statement(
    catalog: Catalog, keys: str, expected: Any
) -> None:
    assert ask_one(catalog, keys) == expected


@pytest.mark.parametrize(
    ("default", "keys", "expected"),
    [
        (2, ENTER, 2),
        (2, DOWN + ENTER, 3),
        (5, UP + ENTER, 4),
        (None, ENTER, None),
        (None, UP + ENTER, 5),
    ],
)
def test_arrows_start_on_the_earlier_answer_when_revisiting(
    catalog: Catalog, default: int | None, keys: str, expected: Any
) -> None:
    assert ask_one(catalog, keys, default=default) == expected


def test_the_back_choice_is_last_and_only_after_the_first_statement(catalog: Catalog) -> None:
    # 3 → 4 → 5 → Lewati → Kembali; on the first statement there is no Kembali, so it wraps to 1.
    assert ask_one(catalog, DOWN * 4 + ENTER, first=False) == quiz.BACK
    assert ask_one(catalog, DOWN * 4 + ENTER, first=True) == 1


def test_a_lone_esc_goes_back_after_the_escape_timeout(catalog: Catalog) -> None:
    # Closing the pipe right after a lone Esc would be read as end of input, so leave it
    # open: prompt_toolkit delivers the Esc once its escape timeout has passed.
    with keyboard(ESC, close=False) as term:
        answer = quiz.ask_statement(catalog.questions[1], "Pernyataan 2", quiz.NEW, False, term)
    assert answer == quiz.BACK


def test_ctrl_c_during_a_statement_raises_keyboard_interrupt(catalog: Catalog) -> None:
    with pytest.raises(KeyboardInterrupt):
        ask_one(catalog, CTRL_C)


# --- run_questions ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_whole_quiz_by_digits_saves_after_every_answer(
    catalog: Catalog, asked: list[Asked]
) -> None:
    everything = ids(catalog)
    assert len(everything) == BANK
    typed = ("12345l" * 8)[: len(everything)]
    expected = {
        qid: None if key == "l" else int(key) for qid, key in zip(everything, typed, strict=True)
    }
    saves: list[Progress] = []
    with keyboard(typed) as term:
        done = quiz.run_questions(
            catalog, Progress(catalog.version), in_order(catalog), saves.append, term, BANK
        )

    assert done.answers == expected
    assert done.asked == tuple(everything)
    assert len(saves) == len(everything)
    for n, saved in enumerate(saves, start=1):
        assert saved.asked == tuple(everything[:n])
        assert saved.answers == {qid: expected[qid] for qid in everything[:n]}
    assert [a.qid for a in asked] == everything
    assert [a.heading for a in asked[:2]] == [
        f"Pernyataan 1 dari {BANK}",
        f"Pernyataan 2 dari {BANK}",
    ]
    assert [a.first for a in asked[:2]] == [True, False]


def test_back_with_the_choice_shows_the_earlier_answer_and_changes_it(
    catalog: Catalog, asked: list[Asked]
) -> None:
    p01, p02, p03 = ids(catalog)[:3]
    # p01: 4; p02: arrows to "← Kembali"; p01 again, pointer on 4: Down → 5; p02: 2; p03: 1.
    done, saves = run(catalog, "4" + DOWN * 4 + ENTER + DOWN + ENTER + "2" + "1", 3)

    assert done.answers == {p01: 5, p02: 2, p03: 1}
    assert done.asked == (p01, p02, p03)
    assert [(a.qid, a.default) for a in asked] == [
        (p01, quiz.NEW),
        (p02, quiz.NEW),
        (p01, 4),
        (p02, quiz.NEW),
        (p03, quiz.NEW),
    ]
    # Going back saves nothing; every answer (the changed one too) is saved at once.
    assert [s.answers for s in saves] == [
        {p01: 4},
        {p01: 5},
        {p01: 5, p02: 2},
        {p01: 5, p02: 2, p03: 1},
    ]


def test_esc_goes_back_and_the_earlier_answer_can_be_changed(
    catalog: Catalog, asked: list[Asked]
) -> None:
    p01, p02, p03 = ids(catalog)[:3]
    # p01: 4; p02: skip; p03: Esc; p02 again (its default is the skip): 5; p03: 1.
    done, saves = run(catalog, "4" + "l" + ESC + "5" + "1", 3)

    assert done.answers == {p01: 4, p02: 5, p03: 1}
    assert [(a.qid, a.default) for a in asked] == [
        (p01, quiz.NEW),
        (p02, quiz.NEW),
        (p03, quiz.NEW),
        (p02, None),
        (p03, quiz.NEW),
    ]
    assert saves[-1].answers == done.answers
    assert len(saves) == 4


# --- review ----------------------------------------------------------------------------------


def three_answered(catalog: Catalog) -> Progress:
    p01, p02, p03 = ids(catalog)[:3]
    return Progress(catalog.version, answers={p01: 4, p02: 2, p03: None}, asked=(p01, p02, p03))


def test_review_changes_answers_by_number_then_finishes_on_enter(
    catalog: Catalog, asked: list[Asked]
) -> None:
    p01, p02, p03 = ids(catalog)[:3]
    start = three_answered(catalog)
    shown: list[Progress] = []
    saves: list[Progress] = []
    # Change statement 2 to 5, answer the skipped statement 3 with 1, then Enter for the result.
    with keyboard("2" + ENTER + "5" + "3" + ENTER + "1" + ENTER) as term:
        done, again = quiz.review(catalog, start, shown.append, saves.append, term)

    assert again is False  # the full quiz: a change stays in the review
    assert done.answers == {p01: 4, p02: 5, p03: 1}
    assert done.asked == start.asked
    assert [s.answers for s in saves] == [{p01: 4, p02: 5, p03: None}, done.answers]
    assert len(shown) == 3  # the table again after every change
    assert shown[-1].answers == done.answers
    assert [(a.qid, a.heading, a.default) for a in asked] == [
        (p02, "Mengubah pernyataan 2", 2),
        (p03, "Mengubah pernyataan 3", None),
    ]


def test_review_rejects_a_number_out_of_range_and_starts_again_on_an_empty_field(
    catalog: Catalog, asked: list[Asked]
) -> None:
    start = three_answered(catalog)
    saves: list[Progress] = []
    error = "Ketik nomor 1–3, atau kosongkan untuk melihat hasil."
    # Type 99abc and Enter; once the error is on screen, Enter alone must give the result:
    # the wrong text is gone from the field, so nothing has to be erased first.
    steps = [(error, ENTER)]
    with keyboard(
        "99abc" + ENTER, output=lambda inp: ScriptedOutput(inp, steps), close=False
    ) as term:
        done, again = quiz.review(catalog, start, lambda p: None, saves.append, term)
        screen = term.output.text

    assert error in screen
    assert (done, again) == (start, False)
    assert saves == []
    assert asked == []


def test_in_the_short_quiz_a_changed_answer_at_the_review_chooses_again(
    catalog: Catalog, asked: list[Asked]
) -> None:
    p01, p02 = ids(catalog)[:2]
    start = three_answered(catalog)
    saves: list[Progress] = []
    with keyboard("2" + ENTER + "5") as term:
        done, again = quiz.review(catalog, start, lambda p: None, saves.append, term, reselect=True)
    assert again is True
    assert done.asked == (p01, p02)  # what came after the change is chosen again
    assert done.answers == {p01: 4, p02: 5}
    assert saves == [done]


def test_in_the_short_quiz_an_unchanged_answer_keeps_what_follows(
    catalog: Catalog, asked: list[Asked]
) -> None:
    start = three_answered(catalog)
    with keyboard("2" + ENTER + "2" + ENTER) as term:
        done, again = quiz.review(
            catalog, start, lambda p: None, lambda p: None, term, reselect=True
        )
    assert (done, again) == (start, False)


def test_going_back_and_changing_an_answer_chooses_what_follows_again(
    catalog: Catalog, asked: list[Asked]
) -> None:
    p01, p02, p03, p04 = ids(catalog)[:4]
    chosen: list[tuple[str, ...]] = []

    def pick(answers: Mapping[str, int | None], so_far: Sequence[str]) -> str | None:
        # a stand-in for the short quiz: after p01=5 it asks p03, otherwise p02; then stops
        chosen.append(tuple(so_far))
        if not so_far:
            return p01
        if len(so_far) == 1:
            return p03 if answers.get(p01) == 5 else p02
        return None if len(so_far) >= 3 else p04

    saves: list[Progress] = []
    # p01 = 4, then p02 shown; Esc back to p01, change it to 5: p03 is chosen instead of p02.
    with keyboard("4" + ESC + "5" + "3" + "2") as term:
        done = quiz.run_questions(catalog, Progress(catalog.version), pick, saves.append, term)
    assert done.asked == (p01, p03, p04)
    assert done.answers == {p01: 5, p03: 3, p04: 2}
    assert [a.qid for a in asked] == [p01, p02, p01, p03, p04]


# --- interactive_quiz: Ctrl-C, resume and restart --------------------------------------------


@dataclass
class Said:
    said: list[object]
    warned: list[str]


def quiz_run(
    catalog: Catalog, term: quiz.Terminal, resume: bool | None, out: Said | None = None
) -> Progress:
    out = out or Said([], [])
    screen = quiz.PromptScreen(say=out.said.append, warn=out.warned.append, term=term)
    return interactive_quiz(catalog, resume=resume, mode="full", screen=screen)


def interrupt(catalog: Catalog, keys: str, resume: bool | None = None) -> QuizInterrupted:
    with keyboard(keys + CTRL_C) as term, pytest.raises(QuizInterrupted) as caught:
        quiz_run(catalog, term, resume)
    return caught.value


def saved_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(progress_path().read_text(encoding="utf-8"))
    return data


def data_files() -> list[str]:
    return sorted(p.name for p in progress_path().parent.iterdir())


FIRST_FIVE = "45l21"


def test_ctrl_c_mid_quiz_saves_the_answers_and_says_how_to_continue(catalog: Catalog) -> None:
    out = Said([], [])
    with keyboard(FIRST_FIVE + CTRL_C) as term, pytest.raises(QuizInterrupted) as caught:
        quiz_run(catalog, term, None, out)

    exc = caught.value
    assert exc.exit_code == EXIT_INTERRUPTED == 130
    # four answers and one skip: a skip is not called an answer
    assert "4 jawabanmu (dan 1 pernyataan yang kamu lewati) sudah disimpan" in words(exc).message
    assert str(progress_path()) in words(exc).message
    assert words(exc).hint is not None and "`kariersosial quiz`" in words(exc).hint
    first = ids(catalog)[:5]
    assert saved_file()["answers"] == dict(zip(first, [4, 5, None, 2, 1], strict=True))
    assert saved_file()["asked"] == first
    assert data_files() == ["kemajuan.json"]
    assert len(out.said) == 1 and isinstance(out.said[0], str)  # the introduction only
    assert out.warned == []


def test_ctrl_c_before_any_answer_saves_nothing(catalog: Catalog) -> None:
    exc = interrupt(catalog, "")
    assert words(exc).message == "Kuis dihentikan."
    assert not progress_path().exists()


@pytest.mark.slow
def test_resume_is_offered_and_continues_from_the_first_unanswered_statement(
    catalog: Catalog, asked: list[Asked], monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupt(catalog, FIRST_FIVE)
    asked.clear()
    offered: list[bool] = []
    real_choose = quiz.choose_resume

    def choose_spy(progress: Progress, total: int, term: quiz.Terminal) -> bool:
        offered.append(real_choose(progress, total, term))
        return offered[-1]

    monkeypatch.setattr(quiz, "choose_resume", choose_spy)
    out = Said([], [])
    # Enter on the resume question takes the first choice; then the statements left;
    # then Enter at the review for the result.
    with keyboard(ENTER + "3" * (BANK - 5) + ENTER, output=ScriptedOutput) as term:
        done = quiz_run(catalog, term, None, out)
        screen = " ".join(term.output.text.split())

    everything = ids(catalog)
    assert offered == [True]
    assert f"kuis lengkap yang belum selesai (4 dari {BANK} pernyataan sudah dijawab, " in screen
    assert "1 dilewati)" in screen
    assert 0 <= screen.index("Lanjutkan dari yang terakhir") < screen.index("Mulai dari awal")
    assert (asked[0].qid, asked[0].heading) == (everything[5], f"Pernyataan 6 dari {BANK}")
    assert [a.qid for a in asked] == everything[5:]
    expected = dict(zip(everything, [4, 5, None, 2, 1] + [3] * (BANK - 5), strict=True))
    assert done.answers == expected
    assert done.asked == tuple(everything)
    assert saved_file()["answers"] == expected
    assert out.warned == []
    assert all(not isinstance(s, str) for s in out.said)  # no introduction, only the table


def test_resume_flag_continues_without_asking(
    catalog: Catalog, asked: list[Asked], monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupt(catalog, FIRST_FIVE)
    asked.clear()

    def must_not_ask(*args: object) -> bool:
        raise AssertionError("--resume must not ask whether to continue")

    monkeypatch.setattr(quiz, "choose_resume", must_not_ask)
    exc = interrupt(catalog, "3", resume=True)

    everything = ids(catalog)
    assert [a.qid for a in asked] == everything[5:7]
    assert "5 jawabanmu (dan 1 pernyataan yang kamu lewati) sudah disimpan" in words(exc).message
    assert saved_file()["asked"] == everything[:6]


@pytest.mark.parametrize(
    ("resume", "choose"), [(False, ""), (None, DOWN + ENTER)], ids=["--restart", "asks"]
)
def test_restart_starts_from_statement_one_with_the_old_file_removed(
    catalog: Catalog, asked: list[Asked], resume: bool | None, choose: str
) -> None:
    interrupt(catalog, FIRST_FIVE)
    asked.clear()
    exc = interrupt(catalog, choose + "2", resume=resume)

    p01 = ids(catalog)[0]
    assert asked[0] == Asked(p01, f"Pernyataan 1 dari {BANK}", quiz.NEW, True, file_existed=False)
    assert "1 jawabanmu sudah disimpan" in words(exc).message
    assert saved_file()["answers"] == {p01: 2}
    assert data_files() == ["kemajuan.json"]  # removed, not set aside


def test_resume_after_going_back_from_a_new_statement_asks_it_once(
    catalog: Catalog, asked: list[Asked]
) -> None:
    # p01: 4; p02 shown, Esc back; p01: 5; Ctrl-C on p02 again. The file lists p02 as asked
    # although it has no answer; resuming must ask p02 as statement 2, not list it twice.
    interrupt(catalog, "4" + ESC + "5")
    p01, p02, p03 = ids(catalog)[:3]
    assert saved_file()["answers"] == {p01: 5}
    asked.clear()
    interrupt(catalog, "33", resume=True)

    assert [(a.qid, a.heading) for a in asked[:2]] == [
        (p02, f"Pernyataan 2 dari {BANK}"),
        (p03, f"Pernyataan 3 dari {BANK}"),
    ]
    assert saved_file()["asked"] == [p01, p02, p03]
    assert saved_file()["answers"] == {p01: 5, p02: 3, p03: 3}


def test_an_unwritable_data_folder_is_reported_once_and_the_quiz_goes_on(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("bukan folder\n", encoding="utf-8")
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(blocker / "kariersosial"))
    out = Said([], [])
    with keyboard("123" + CTRL_C) as term, pytest.raises(QuizInterrupted) as caught:
        quiz_run(catalog, term, None, out)

    assert len(out.warned) == 1
    assert "Tidak bisa menulis" in out.warned[0]
    assert "Kuis tetap berjalan" in out.warned[0]
    assert "3 jawabanmu tidak bisa disimpan" in words(caught.value).message
    assert words(caught.value).hint is not None and "KARIERSOSIAL_HOME" in words(caught.value).hint
