"""End to end in a real terminal: the installed `kariersosial quiz`, typed at through tmux.

Each test starts a private tmux server (its own `-L` socket and config), runs the console
script installed next to the interpreter running pytest in a 100x40 pane as
``sh -c 'kariersosial quiz ...; echo EXIT=$?'``, types keys with `send-keys` and reads the
screen, scrollback included, with `capture-pane`. Nothing sleeps for a fixed time: every step
polls the screen until the next prompt is drawn (a prompt is ready for keys once its
instruction line is on screen) and fails with the screen's tail after a timeout.

What an interactive run shows is checked against the non-interactive command given the same
final answers (`kariersosial quiz --answers - --json`): same ranking, and the quotes on screen
are verbatim sentences of the catalogue.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kariersosial.ui.prompts import SHORT_RANGE

BANK = len(
    json.loads(
        (Path(__file__).resolve().parents[1] / "data" / "roles.json").read_text(encoding="utf-8")
    )["questions"]
)  # statements in the bundled bank

TMUX = shutil.which("tmux")
KARIERSOSIAL = Path(sys.executable).parent / "kariersosial"

pytestmark = [
    pytest.mark.slow,  # a real terminal through tmux
    pytest.mark.skipif(
        TMUX is None,
        reason="tmux is not installed: the real-terminal tests drive the quiz through it",
    ),
]

WIDTH, HEIGHT = 80, 24  # the size a new user most often has
WAIT_SECONDS = 10.0  # for one prompt to be drawn; the quiz itself answers in milliseconds
POLL_SECONDS = 0.02
TMUX_CONFIG = """\
set -g history-limit 50000
set -g default-terminal xterm-256color
set -g remain-on-exit on
set -g status off
"""

# The key hint under a statement (no "Esc = kembali" on the first one, where Esc does nothing).
INSTRUCTION = re.compile(r"\(tekan 1–5, atau panah lalu Enter · L = lewati(?: · Esc = kembali)?\)")
REVIEW_PROMPT = "Ketik nomor pernyataan yang ingin kamu ubah, atau tekan Enter untuk melihat hasil:"
# The quiz wraps its own prompts at spaces, so a prompt may span lines.
REVIEW = re.compile(r"\s+".join(re.escape(word) for word in REVIEW_PROMPT.split()))
RESUME_PROMPT = "Kamu punya kuis lengkap yang belum selesai"  # it names the unfinished quiz
RESULT_TITLE = "Hasil kuis kariersosial"
RANKING_TITLE = "Peringkat kecocokan (0–100)"
QUICK_NOTE = "Ini hasil kuis singkat."
# The heading line of a statement prompt: the quiz's own, or one being changed from the review.
HEADING = re.compile(
    r"^ ?(Pernyataan (\d+)(?: dari (\d+)| · kuis singkat, \d+–\d+ pernyataan)|"
    r"Mengubah pernyataan (\d+))[ \t]*$",
    re.MULTILINE,
)
EXIT = re.compile(r"^EXIT=(\d+)", re.MULTILINE)
QUOTE = re.compile(r"“([^”]+)”")
# Variables of the test run that must not reach the quiz: it sizes itself from the pane, finds
# the bundled catalogue, and keeps its data in the test's own folder.
_UNSET = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "KARIERSOSIAL_DATA", "TMUX", "TMUX_PANE")

Answers = dict[str, int | None]
LABELS = {
    1: "Sangat tidak setuju",
    2: "Tidak setuju",
    3: "Ragu-ragu",
    4: "Setuju",
    5: "Sangat setuju",
}


def squash(text: str) -> str:
    """Whitespace-normalised text, with rich's panel borders dropped."""
    return " ".join(text.replace("│", " ").split())


@dataclass(frozen=True)
class Statement:
    """The statement prompt waiting for a key: its heading, number and text."""

    heading: str
    number: int
    text: str


def active_statement(screen: str) -> Statement | None:
    """The statement prompt that is drawn and waiting for a key, if that is what is on screen."""
    heads = list(HEADING.finditer(screen))
    if not heads:
        return None
    last = heads[-1]
    tail = screen[last.end() :]
    # An answered prompt loses its instruction line; anything after it means it is over.
    if not INSTRUCTION.search(tail) or REVIEW.search(tail) or EXIT.search(tail):
        return None
    number = last.group(2) or last.group(4)
    return Statement(last.group(1), int(number), squash(INSTRUCTION.split(tail, 1)[0]))


def review_waiting(screen: str, times: int) -> bool:
    """The review prompt shown for the `times`-th time and waiting for input."""
    found = list(REVIEW.finditer(screen))
    if len(found) != times:
        return False
    tail = screen[found[-1].end() :]
    return not tail.strip() and not HEADING.search(tail)


class Pane:
    """One command running in its own tmux session."""

    def __init__(self, server: TmuxServer, name: str) -> None:
        self.server = server
        self.name = name

    def capture(self) -> str:
        # -J joins lines the terminal wrapped; -S - starts at the top of the scrollback.
        return self.server.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", self.name)

    def keys(self, *keys: str) -> None:
        """Named keys (Enter, Escape, C-c)."""
        self.server.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Literal characters."""
        self.server.tmux("send-keys", "-t", self.name, "-l", text)

    def wait(self, found: Callable[[str], Any], what: str, timeout: float = WAIT_SECONDS) -> Any:
        """Poll the screen until `found(screen)` is truthy; return that value."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture()
            value = found(screen)
            if value:
                return value
            if time.monotonic() > deadline:
                tail = "\n".join(screen.rstrip().splitlines()[-HEIGHT:])
                pytest.fail(f"waited {timeout:.0f} s for {what}; the screen ends with:\n{tail}")
            time.sleep(POLL_SECONDS)

    def statement(self, heading: str | None = None) -> Statement:
        """Wait for a statement prompt (the one with this heading, if given)."""

        def ready(screen: str) -> Statement | None:
            found = active_statement(screen)
            return found if found and heading in (None, found.heading) else None

        return self.wait(ready, f"the prompt {heading or 'of a statement'!r}")

    def review(self, times: int) -> None:
        self.wait(lambda s: review_waiting(s, times), f"review prompt number {times}")

    def exit_status(self) -> tuple[int, str]:
        """Wait for the command to end; its status and the whole screen."""
        screen = self.wait(lambda s: EXIT.search(s) and s, "EXIT= after the command")
        return int(EXIT.search(screen).group(1)), screen


class TmuxServer:
    """A private tmux server: its own socket and config, the test's environment."""

    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "kariersosial-home"
        self.socket = f"kariersosial-e2e-{os.getpid()}-{secrets.token_hex(4)}"
        self.config = tmp / "tmux.conf"
        self.config.write_text(TMUX_CONFIG, encoding="utf-8")
        self.env = {k: v for k, v in os.environ.items() if k not in _UNSET}
        self.env.update(KARIERSOSIAL_HOME=str(self.home), TERM="xterm-256color")
        self.sessions = 0
        self.socket_path: Path | None = None

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        proc = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", str(self.config), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS,
            check=False,
        )
        if proc.returncode != 0:
            pytest.fail(f"tmux {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
        return proc.stdout

    def run(self, *args: str) -> Pane:
        """Start `kariersosial <args>` in a new session, echoing its exit status at the end."""
        self.sessions += 1
        name = f"run{self.sessions}"
        script = '"$0" "$@"; echo EXIT=$?'
        command = ["sh", "-c", script, str(KARIERSOSIAL), *args]
        self.tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), *command)
        if self.socket_path is None:
            self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())
        return Pane(self, name)

    def kill(self) -> None:
        assert TMUX is not None
        subprocess.run(
            [TMUX, "-L", self.socket, "kill-server"],
            env=self.env,
            capture_output=True,
            timeout=WAIT_SECONDS,
            check=False,
        )
        if self.socket_path is not None:  # tmux leaves its socket file behind
            self.socket_path.unlink(missing_ok=True)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[TmuxServer]:
    assert KARIERSOSIAL.exists(), f"the console script is not installed at {KARIERSOSIAL}"
    server = TmuxServer(tmp_path)
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture(scope="module")
def questions(bundled_json: dict[str, Any]) -> dict[str, str]:
    """Statement text (whitespace-normalised) -> id."""
    return {squash(q["text"]): q["id"] for q in bundled_json["questions"]}


@pytest.fixture(scope="module")
def leaning(bundled_json: dict[str, Any]) -> Answers:
    """Answers leaning towards Koordinator Layanan Sosial, from the dimension weights.

    A statement gets 5 when it measures what that role needs more than the five roles do on
    average, 1 when it measures the opposite, and 2..4 in between, so the answers vary.
    """
    weights = {
        r["id"]: {w["dimension"]: w["weight"] for w in r["weights"]} for r in bundled_json["roles"]
    }
    target = weights["koordinator-layanan-sosial"]
    answers: Answers = {}
    for q in bundled_json["questions"]:
        lean = 0.0
        for m in q["measures"]:
            mean = sum(w.get(m["dimension"], 0.0) for w in weights.values()) / len(weights)
            lean += m["direction"] * m["weight"] * (target.get(m["dimension"], 0.0) - mean)
        steps = ((0.3, 5), (0.05, 4), (-0.05, 3), (-0.3, 2))
        answers[q["id"]] = next((v for bound, v in steps if lean > bound), 1)
    return answers


@pytest.fixture(scope="module")
def sentences(bundled_json: dict[str, Any]) -> list[str]:
    """Every sentence of the roles' source texts, whitespace-normalised."""
    return [squash(s["text"]) for r in bundled_json["roles"] for s in r["sentences"]]


def non_interactive(answers: Mapping[str, int | None], home: Path, *flags: str) -> dict[str, Any]:
    """`kariersosial quiz --answers - --json` for the same answers, in a home of its own."""
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env["KARIERSOSIAL_HOME"] = str(home)
    proc = subprocess.run(
        [str(KARIERSOSIAL), "quiz", *flags, "--answers", "-", "--json"],
        input=json.dumps(dict(answers)),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def answer_until_review(
    pane: Pane,
    questions: Mapping[str, str],
    answers: Mapping[str, int | None],
    first: int,
    total: int | None,
) -> list[str]:
    """Answer every statement from number `first` on; the ids asked, in order.

    Each prompt must be the next number and show a statement of the catalogue; the answer is
    typed as a digit (or `l` for a skip) once the prompt is drawn.
    """
    asked: list[str] = []
    number = first
    while True:

        def ready(screen: str, number: int = number) -> Statement | str | None:
            # The prompt just answered may still be drawn as waiting: skip it.
            found = active_statement(screen)
            if found and found.number >= number:
                return found
            return "review" if review_waiting(screen, 1) else None

        found = pane.wait(ready, f"statement {number} or the review")
        if found == "review":
            return asked
        count = f" dari {total}" if total else f" · kuis singkat, {SHORT_RANGE} pernyataan"
        assert found.heading == f"Pernyataan {number}{count}", found
        assert found.text in questions, f"not a statement of the catalogue: {found.text!r}"
        qid = questions[found.text]
        assert qid not in asked, f"{qid} asked twice"
        asked.append(qid)
        value = answers[qid]
        pane.type("l" if value is None else str(value))
        number += 1


SHORT_LABELS = {1: "STS", 2: "TS", 3: "R", 4: "S", 5: "SS"}  # the review below 90 columns


def review_answer(table: str, number: int) -> int | None:
    """The answer the review table lists for statement `number` (full label or abbreviated)."""
    values = {label: v for v, label in (*LABELS.items(), *SHORT_LABELS.items())}
    answer = "|".join(re.escape(label) for label in sorted(values, key=len, reverse=True))
    row = re.search(rf"^ +{number}   .*?  ({answer}|Dilewati) *$", table, re.MULTILINE)
    assert row, f"no row {number} in the review table"
    return values.get(row.group(1))


def result_screen(screen: str) -> str:
    assert RESULT_TITLE in screen, "no result on screen"
    return screen[screen.rindex(RESULT_TITLE) :]


def ranking_on_screen(result: str, names: Sequence[str]) -> list[tuple[str, int]]:
    """(role name, fit) in the order the ranking lists them."""
    lines = result.split(RANKING_TITLE, 1)[1].strip("\n").splitlines()
    ranking = []
    for rank, line in enumerate(lines[: len(names)], start=1):
        prefix = f"{rank}. "
        assert line.startswith(prefix), f"ranking line {rank}: {line!r}"
        name = max((n for n in names if line[len(prefix) :].startswith(n)), key=len, default="")
        assert name, f"no role name in ranking line {line!r}"
        fit = re.search(r"(\d{1,3}) +\D+$", line)
        assert fit, f"no fit in ranking line {line!r}"
        ranking.append((name, int(fit.group(1))))
    return ranking


def check_result(
    screen: str, expected: Mapping[str, Any], sentences: Sequence[str], mode: str
) -> str:
    """The result on screen says what the non-interactive result says; its squashed text."""
    result = result_screen(screen)
    flat = squash(result)
    names = [r["role"]["name"] for r in expected["ranking"]]
    assert RANKING_TITLE in result
    # When the quiz ends, the ranking and the verdict are what is left on the screen.
    visible = "\n".join(screen.rstrip().splitlines()[-HEIGHT:])
    assert RANKING_TITLE in visible, visible
    assert all(name in visible for name in names), visible
    shown = ranking_on_screen(result, names)
    assert [n for n, _ in shown] == names
    for (_, fit), want in zip(shown, expected["ranking"], strict=True):
        # The screen rounds the fit to a whole number, the JSON to one decimal.
        assert abs(fit - want["fit"]) <= 0.55, (shown, expected["ranking"])
    top = expected["ranking"][0]
    assert f"Baca profil lengkap: kariersosial show {top['role']['id']}" in flat
    counted = (
        f"Kamu menjawab {expected['answered']} dari {expected['answered'] + expected['skipped']}"
    )
    assert counted in flat
    assert (QUICK_NOTE in flat) == (mode == "quick")
    # Quotes: the top role's evidence, verbatim; every quote on screen is from the sources.
    quoted = [squash(q) for q in QUOTE.findall(flat)]
    assert quoted, "no quotes in the result"
    evidence = [squash(e["quote"]) for e in top["matches"][:3] + top["warnings"][:3]]
    assert evidence, "the expected result explains nothing"
    for quote in evidence:
        assert f"“{quote}”" in flat, f"quote missing from the screen: {quote!r}"
    for quote in quoted:
        assert any(quote in s for s in sentences), f"not a quote of the catalogue: {quote!r}"
    return flat


def test_full_quiz_with_back_and_review(
    tmux: TmuxServer,
    tmp_path: Path,
    questions: dict[str, str],
    leaning: Answers,
    sentences: list[str],
) -> None:
    order = list(leaning)
    final = dict(leaning)
    pane = tmux.run("quiz", "--full")
    for number, qid in enumerate(order, start=1):
        shown = pane.statement(f"Pernyataan {number} dari {BANK}")
        assert questions[shown.text] == qid
        if number == 11:
            # Back from statement 11 to 10: it shows again, pointing at the earlier answer.
            pane.keys("Escape")
            again = pane.statement(f"Pernyataan 10 dari {BANK}")
            assert questions[again.text] == order[9]
            previous = leaning[order[9]]
            screen = pane.capture()
            hint = list(INSTRUCTION.finditer(screen))[-1]
            assert f"» {previous} · " in screen[hint.end() :]
            final[order[9]] = 5 if previous != 5 else 1
            pane.type(str(final[order[9]]))
            pane.statement(f"Pernyataan 11 dari {BANK}")
        pane.type(str(leaning[qid]))

    pane.review(1)
    table = pane.capture().rsplit("Tinjau jawabanmu", 1)[1]
    rows = re.findall(r"^ +(\d+)   \S", table, re.MULTILINE)
    assert rows == [str(n) for n in range(1, BANK + 1)], "the review lists every statement in order"
    assert review_answer(table, 10) == final[order[9]], "the changed answer is listed"
    pane.type("7")
    pane.keys("Enter")
    changed = pane.statement("Mengubah pernyataan 7")
    assert questions[changed.text] == order[6]
    final[order[6]] = 1 if leaning[order[6]] != 1 else 5
    pane.type(str(final[order[6]]))
    pane.review(2)
    table = pane.capture().rsplit("Tinjau jawabanmu", 1)[1]
    assert review_answer(table, 7) == final[order[6]]
    pane.keys("Enter")

    status, screen = pane.exit_status()
    assert status == 0, screen
    expected = non_interactive(final, tmp_path / "answers-home", "--full")
    assert expected["answered"] == BANK
    assert expected["ranking"][0]["role"]["id"] == "koordinator-layanan-sosial", "the answers lean"
    check_result(screen, expected, sentences, "full")
    assert not (tmux.home / "kemajuan.json").exists(), "progress left behind after the result"


def test_ctrl_c_saves_then_resume_finishes(
    tmux: TmuxServer,
    tmp_path: Path,
    questions: dict[str, str],
    leaning: Answers,
    sentences: list[str],
) -> None:
    order = list(leaning)
    pane = tmux.run("quiz", "--full")
    for number, qid in enumerate(order[:5], start=1):
        pane.statement(f"Pernyataan {number} dari {BANK}")
        pane.type(str(leaning[qid]))
    pane.statement(f"Pernyataan 6 dari {BANK}")
    pane.keys("C-c")
    status, screen = pane.exit_status()
    assert status == 130, screen
    saved = tmux.home / "kemajuan.json"
    # at 80 columns the long path wraps at a slash; compare without the line breaks
    said = f"Kuis dihentikan. 5 jawabanmu sudah disimpan di {saved}."
    assert "".join(said.split()) in "".join(squash(screen).split())
    assert "kariersosial quiz --resume" in squash(screen)
    progress = json.loads(saved.read_text(encoding="utf-8"))
    assert progress["answers"] == {qid: leaning[qid] for qid in order[:5]}

    # No --full: the saved quiz keeps its own mode.
    pane = tmux.run("quiz")
    pane.wait(
        lambda s: RESUME_PROMPT in s and "» Lanjutkan dari yang terakhir" in s,
        "the offer to continue, pointing at 'Lanjutkan'",
    )
    assert f"(5 dari {BANK} pernyataan sudah dijawab)" in squash(pane.capture())
    pane.keys("Enter")
    asked = answer_until_review(pane, questions, leaning, first=6, total=BANK)
    assert asked == order[5:]
    pane.keys("Enter")
    status, screen = pane.exit_status()
    assert status == 0, screen
    expected = non_interactive(leaning, tmp_path / "answers-home", "--full")
    check_result(screen, expected, sentences, "full")
    assert not saved.exists(), "progress left behind after the result"


def test_quick_quiz_stops_early(
    tmux: TmuxServer,
    tmp_path: Path,
    questions: dict[str, str],
    leaning: Answers,
    sentences: list[str],
) -> None:
    pane = tmux.run("quiz")
    asked = answer_until_review(pane, questions, leaning, first=1, total=None)
    assert 1 <= len(asked) < BANK
    pane.keys("Enter")
    status, screen = pane.exit_status()
    assert status == 0, screen
    # The non-interactive short quiz, given every answer, asks the same statements.
    expected = non_interactive(leaning, tmp_path / "answers-home", "--quick")
    given = {row["id"]: row["answer"] for row in expected["answers"]}
    assert {q for q, v in given.items() if v is not None} == set(asked)
    flat = check_result(screen, expected, sentences, "quick")
    assert f"Kamu menjawab {len(asked)} dari {len(asked)} pernyataan." in flat


def test_quick_quiz_back_and_change_chooses_again(
    tmux: TmuxServer, tmp_path: Path, questions: dict[str, str], leaning: Answers
) -> None:
    pane = tmux.run("quiz")
    heading = f" · kuis singkat, {SHORT_RANGE} pernyataan"
    asked: list[str] = []
    for number in range(1, 8):  # the six opening statements and one chosen after them
        found = pane.wait(
            lambda s, n=number: (f := active_statement(s)) and f.number == n and f,
            f"short-quiz statement {number}",
        )
        assert found.heading == f"Pernyataan {number}{heading}"
        qid = questions[found.text]
        asked.append(qid)
        value = leaning[qid]
        pane.type("l" if value is None else str(value))
    # at statement 8, Esc goes back to 7; change that answer
    pane.wait(lambda s: (f := active_statement(s)) and f.number == 8, "statement 8")
    pane.keys("Escape")
    again = pane.wait(lambda s: (f := active_statement(s)) and f.number == 7 and f, "7 again")
    assert questions[again.text] == asked[-1]
    changed = dict(leaning)
    changed[asked[-1]] = 1 if leaning[asked[-1]] != 1 else 5
    pane.type(str(changed[asked[-1]]))
    rest = answer_until_review(pane, questions, changed, first=8, total=None)
    pane.keys("Enter")
    status, screen = pane.exit_status()
    assert status == 0, screen
    # What follows the change was chosen from the changed answer: the non-interactive short
    # quiz with the final answers asks exactly these statements, and scores them the same.
    expected = non_interactive(changed, tmp_path / "answers-home", "--quick")
    given = {row["id"]: row["answer"] for row in expected["answers"]}
    assert {q for q, v in given.items() if v is not None} == set(asked + rest)
    assert given[asked[-1]] == changed[asked[-1]]
    result = result_screen(screen)
    names = [r["role"]["name"] for r in expected["ranking"]]
    assert [n for n, _ in ranking_on_screen(result, names)] == names
    visible = "\n".join(screen.rstrip().splitlines()[-HEIGHT:])
    assert RANKING_TITLE in visible and names[0] in visible, visible
