"""Start-up cost of the kariersosial commands, measured as real subprocesses.

    python benchmarks/startup.py [--runs 20]

Every command runs as ``<sys.executable> -m kariersosial ...``: the interpreter running this
script, so the figures belong to that environment whether or not it is activated. (The console
script does the same imports, plus a few of its own that ``-m`` replaces with ``runpy``.)

The interactive quiz never ends by itself, so it is timed differently: ``quiz --restart`` runs in
a pseudo-terminal (stdlib ``pty``, 100x40, an empty temporary ``KARIERSOSIAL_HOME``), the clock
stops when "Pernyataan 1" has been drawn, and the child is killed. That is the wait a person sees
between pressing Enter and being able to answer.

To add a figure, write a function ``(runs) -> list[float]`` returning wall-clock seconds per run
and append a ``Measurement`` to ``MEASUREMENTS``.
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

PYTHON = sys.executable
CLI = [PYTHON, "-m", "kariersosial"]
SHOW_ROLE = "koordinator-layanan-sosial"
# Interactive-only libraries: the read-only commands must never pay for importing them.
PROMPT_MODULES = ("questionary", "prompt_toolkit")
QUIZ = [*CLI, "quiz", "--restart"]
FIRST_QUESTION = b"Pernyataan 1"
PTY_ROWS, PTY_COLUMNS = 40, 100
PTY_TIMEOUT = 30.0  # seconds for the first question to appear before the run counts as failed
CURSOR_QUERY = b"\x1b[6n"  # prompt_toolkit asks where the cursor is; a terminal answers
CURSOR_REPLY = b"\x1b[1;1R"

Timer = Callable[[int], list[float]]
# `show` may cost at most this multiple of importing typer and rich.console, which it needs
FLOOR_TARGET = 1.3


@dataclass(frozen=True)
class Measurement:
    label: str
    timer: Timer


def run_quietly(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


def command_timer(argv: Sequence[str]) -> Timer:
    """A timer that runs `argv` to completion `runs` times after one warm-up run."""

    def timer(runs: int) -> list[float]:
        warm = run_quietly(argv)
        if warm.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({warm.returncode}):\n{warm.stderr}")
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            run_quietly(argv)
            samples.append(time.perf_counter() - start)
        return samples

    return timer


def python_pass(runs: int) -> list[float]:
    return command_timer([PYTHON, "-c", "pass"])(runs)


def cli_help(runs: int) -> list[float]:
    return command_timer([*CLI, "--help"])(runs)


def cli_show(runs: int) -> list[float]:
    return command_timer([*CLI, "show", SHOW_ROLE])(runs)


def cli_roles_json(runs: int) -> list[float]:
    return command_timer([*CLI, "roles", "--json"])(runs)


def time_to_text(argv: Sequence[str], env: dict[str, str], text: bytes) -> float:
    """Seconds from starting `argv` in a pseudo-terminal until it has written `text`."""
    import pty
    import struct
    import termios
    from fcntl import ioctl

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal like a real window, then become the command
        try:
            ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", PTY_ROWS, PTY_COLUMNS, 0, 0))
            os.execve(argv[0], list(argv), env)
        finally:
            os._exit(127)
    seen = b""
    try:
        while text not in seen:
            left = start + PTY_TIMEOUT - time.perf_counter()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise SystemExit(f"{' '.join(argv)}: no {text!r} after {PTY_TIMEOUT:.0f} s")
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                shown = seen[-2000:].decode("utf-8", "replace")
                raise SystemExit(f"{' '.join(argv)} ended before {text!r}:\n{shown}")
            if CURSOR_QUERY in chunk:
                os.write(fd, CURSOR_REPLY)
            seen += chunk
        return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def quiz_first_question(runs: int) -> list[float]:
    """Time until `quiz --restart` draws its first statement, after one warm-up run."""
    if not hasattr(os, "fork"):
        raise SystemExit("timing the first quiz question needs a POSIX pseudo-terminal")
    with tempfile.TemporaryDirectory(prefix="kariersosial-bench-") as home:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env.update(KARIERSOSIAL_HOME=home, TERM="xterm-256color")
        time_to_text(QUIZ, env, FIRST_QUESTION)
        return [time_to_text(QUIZ, env, FIRST_QUESTION) for _ in range(runs)]


# The first entry is the baseline of the "× python -c pass" column, the second the floor.
def dependency_floor(runs: int) -> list[float]:
    """What `show` cannot go below while it uses typer and rich: importing just those two."""
    return command_timer([PYTHON, "-c", "import typer, rich.console"])(runs)


MEASUREMENTS: list[Measurement] = [
    Measurement("python -c pass", python_pass),
    Measurement("import typer, rich.console (floor)", dependency_floor),
    Measurement("kariersosial --help", cli_help),
    Measurement(f"kariersosial show {SHOW_ROLE}", cli_show),
    Measurement("kariersosial roles --json", cli_roles_json),
    Measurement("kariersosial quiz: first question (pty)", quiz_first_question),
]


def import_times(argv: Sequence[str]) -> dict[str, tuple[int, int]]:
    """module -> (self µs, cumulative µs) from `python -X importtime` running `argv`."""
    proc = run_quietly([PYTHON, "-X", "importtime", *argv])
    if proc.returncode != 0:
        raise SystemExit(f"importtime run failed ({proc.returncode}):\n{proc.stderr}")
    found: dict[str, tuple[int, int]] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|", 2)
        found[name.strip()] = (int(self_us), int(cumulative_us))
    return found


def top_imports(argv: Sequence[str], count: int, repeats: int = 3) -> list[tuple[str, int, int]]:
    """The `count` slowest imports by cumulative time, best of `repeats` runs per module."""
    best: dict[str, tuple[int, int]] = {}
    for _ in range(repeats):
        for name, (own, cumulative) in import_times(argv).items():
            if name not in best or cumulative < best[name][1]:
                best[name] = (own, cumulative)
    ranked = sorted(best.items(), key=lambda item: item[1][1], reverse=True)[:count]
    return [(name, own, cumulative) for name, (own, cumulative) in ranked]


def prompt_imports(argv: Sequence[str]) -> list[str]:
    """The interactive-only packages (top-level names) that running `argv` imports."""
    roots = {name.split(".", 1)[0] for name in import_times(argv)}
    return sorted(roots.intersection(PROMPT_MODULES))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> None:
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs per command (20)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    # pip compiles an installed package's bytecode once; with PYTHONDONTWRITEBYTECODE set (as on
    # some CI machines) every run would recompile the sources, a cost no user pays.
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        print("PYTHONDONTWRITEBYTECODE unset for the measured commands (bytecode is cached)")

    print(f"interpreter: {PYTHON} (Python {sys.version.split()[0]})")
    print(f"commands run as: {' '.join(CLI)} ...; median of {args.runs} runs after 1 warm-up\n")

    medians: list[tuple[str, float, float]] = []
    for m in MEASUREMENTS:
        samples = m.timer(args.runs)
        medians.append((m.label, statistics.median(samples), min(samples)))
    base, floor = medians[0][1], medians[1][1]
    print_table(
        ["measurement", "median ms", "min ms", "× python -c pass", "× floor"],
        [
            [lbl, f"{med * 1e3:.1f}", f"{low * 1e3:.1f}", f"{med / base:.2f}", f"{med / floor:.2f}"]
            for lbl, med, low in medians
        ],
        right={1, 2, 3, 4},
    )
    show_ms = next(med for lbl, med, _ in medians if lbl.startswith("kariersosial show"))
    print(f"\nshow against the floor: {show_ms / floor:.2f} (target: at most {FLOOR_TARGET})")

    show = ["-m", "kariersosial", "show", SHOW_ROLE]
    # The bare import, then the whole command: the difference is what runs lazily (typer's
    # parameter adapters and the renderer).
    for argv, what in [
        (["-c", "import kariersosial.cli.app"], 'python -c "import kariersosial.cli.app"'),
        (show, f"python -m kariersosial show {SHOW_ROLE}"),
    ]:
        print(f"\nslowest imports (by cumulative time, best of 3 runs) for: {what}\n")
        print_table(
            ["module", "cumulative ms", "self ms"],
            [
                [name, f"{cum / 1e3:.1f}", f"{own / 1e3:.1f}"]
                for name, own, cum in top_imports(argv, 10)
            ],
            right={1, 2},
        )

    loaded = prompt_imports(show)
    verdict = f"IMPORTED {', '.join(loaded)}" if loaded else "not imported (ok)"
    print(f"\n{' / '.join(PROMPT_MODULES)} during `kariersosial show {SHOW_ROLE}`: {verdict}")
    return 1 if loaded else 0


if __name__ == "__main__":
    sys.exit(main())
