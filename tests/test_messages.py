"""Errors are data below the CLI; their words all come from `words.messages`."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kariersosial.cli.app import app
from kariersosial.core.errors import KarierError, StateError, UsageError
from kariersosial.core.scoring import Caution
from kariersosial.words.messages import caution_text, known_kinds, words

SRC = Path(__file__).resolve().parents[1] / "src" / "kariersosial"
# Errors whose first argument is their kind (the others build their kind themselves).
KIND_FIRST = {
    "KarierError",
    "UsageError",
    "StateError",
    "QuizInterrupted",
    "WriteError",
    "HistoryError",
}
GENERIC = "Terjadi masalah yang tidak terduga"


def _raised_kinds(tree: ast.AST) -> list[tuple[int, str | None]]:
    """(line, kind) of every error built with its kind first; None where the kind is no literal."""
    found: list[tuple[int, str | None]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        # the old UsageError.said(words): ready-made sentences, a kind with no words
        if isinstance(func, ast.Attribute) and func.attr == "said":
            owner = func.value
            if isinstance(owner, ast.Name | ast.Attribute) and _name(owner) in KIND_FIRST:
                found.append((node.lineno, "said"))
            continue
        if _name(func) not in KIND_FIRST:
            continue
        first = node.args[0] if node.args else None
        kind = first.value if isinstance(first, ast.Constant) else None
        found.append((node.lineno, kind if isinstance(kind, str) else None))
    return found


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _modules(*layers: str) -> list[Path]:
    return sorted(p for layer in layers for p in (SRC / layer).rglob("*.py"))


def test_every_kind_raised_anywhere_has_its_words() -> None:
    raised: dict[str, str] = {}
    for path in _modules("."):
        for line, kind in _raised_kinds(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(SRC)}:{line}"
            assert kind is not None, f"{where}: the kind must be a literal, so it can be checked"
            raised[kind] = where
    seen = {"unknown_role", "no_such_result", "history_busy", "file_not_found"}
    seen |= {"quiz_stopped", "quiz_stopped_unsaved", "stopped_after_quiz", "line_too_long"}
    seen |= {"confirm_needs_terminal", "nothing_scored", "format_unknown", "no_piped_answers"}
    assert seen <= set(raised)  # the scan sees them, in flows, ui and cli too
    missing = {k: w for k, w in raised.items() if k not in known_kinds()}
    assert not missing, f"kinds without words: {missing}"


def test_the_kind_scan_sees_a_kind_without_words() -> None:
    source = (
        'raise UsageError("no_such_kind_ever", x=1)\nraise errors.StateError(kind)\n'
        'raise QuizInterrupted.said("Dihentikan.")\nreturn KarierError("k")'
    )
    assert _raised_kinds(ast.parse(source)) == [
        (1, "no_such_kind_ever"),
        (2, None),
        (3, "said"),
        (4, "k"),
    ]
    assert not {"no_such_kind_ever", "said", "k"} & known_kinds()


def test_an_unknown_kind_still_reads_as_a_sentence() -> None:
    said = words(UsageError("a_kind_nobody_wrote", query="x"))
    assert said.message.startswith(GENERIC) and "a_kind_nobody_wrote" in said.message
    assert said.hint


def test_a_fact_left_out_gives_the_generic_words_not_a_traceback() -> None:
    assert words(UsageError("unknown_role", query="x")).message.startswith(GENERIC)
    assert words(UsageError("same_roles", name=3, role="a", other="b")).message.startswith(GENERIC)


def test_no_error_carries_ready_made_words() -> None:
    assert not hasattr(KarierError, "said")
    assert "said" not in known_kinds()
    assert not [p for p in _modules(".") if ".said(" in p.read_text(encoding="utf-8")]


def _commands() -> set[str]:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names |= {
        g.name or (g.typer_instance.info.name if g.typer_instance else None) or ""
        for g in app.registered_groups
    }
    return {n.replace("_", "-") for n in names if n}


def _command_hints(tree: ast.AST, commands: set[str]) -> list[tuple[int, str]]:
    """String constants (docstrings aside) naming `kariersosial <command>`."""
    pattern = re.compile(rf"kariersosial\s+({'|'.join(map(re.escape, sorted(commands)))})\b")
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and pattern.search(node.value)
    ]


# The class report page tells the counsellor which command helps; it is a page, not an error.
PAGE_WORDS = {"io/class_report_html.py"}


def test_no_command_hint_is_written_below_the_words() -> None:
    commands = _commands()
    assert {"show", "quiz", "history", "score", "validate"} <= commands
    found = {
        f"{path.relative_to(SRC)}:{line}": text
        for path in _modules("core", "catalog", "state", "io")
        if str(path.relative_to(SRC)) not in PAGE_WORDS
        for line, text in _command_hints(ast.parse(path.read_text(encoding="utf-8")), commands)
    }
    assert not found, f"command hints outside words/: {found}"


def test_the_hint_scan_finds_a_hint_and_skips_docstrings() -> None:
    source = '"""See `kariersosial show x`."""\nHINT = f"Lihat `kariersosial roles` {1}."\n'
    assert [line for line, _ in _command_hints(ast.parse(source), {"show", "roles"})] == [2]


@pytest.mark.parametrize(
    ("error", "message", "hint_part"),
    [
        (
            UsageError("no_such_result", number="7"),
            "Tidak ada hasil nomor 7 di riwayat.",
            "`kariersosial history`",
        ),
        (
            StateError("damaged_record", number=3, problems=("a", "b", "c", "d")),
            "Catatan riwayat nomor 3 rusak (a; b; c …).",
            "`kariersosial history delete 3`",
        ),
    ],
)
def test_the_words_of_a_kind(error: KarierError, message: str, hint_part: str) -> None:
    said = words(error)
    assert said.message == message
    assert said.hint is not None and hint_part in said.hint


@pytest.mark.parametrize(
    ("caution", "start"),
    [
        (
            Caution("straight_lining", 12, 12, 3),
            "Semua jawabanmu sama (12 dari 12 jawaban bernilai 3).",
        ),
        (Caution("straight_lining", 11, 12, 4), "Hampir semua jawabanmu sama (11 dari 12 jawaban"),
        (
            Caution("agrees_with_all", 20, 21),
            "Kamu setuju dengan hampir semua pernyataan (20 dari 21).",
        ),
        (
            Caution("many_skips", 9, 30),
            "Kamu melewati 9 dari 30 pernyataan, jadi hasilnya kurang kuat.",
        ),
        (Caution("contradiction", 1), "Kamu setuju dengan sepasang pernyataan yang maksudnya"),
        (Caution("contradiction", 2), "Kamu setuju dengan 2 pasang pernyataan yang maksudnya"),
    ],
)
def test_a_caution_is_counts_and_its_sentence_comes_from_the_words(
    caution: Caution, start: str
) -> None:
    assert caution_text(caution).startswith(start)


def test_a_history_problem_reads_the_same_in_both_places_it_is_told() -> None:
    from kariersosial.state.history import HistoryError
    from kariersosial.words.history_words import history_reason

    busy = HistoryError("history_busy", seconds="5")
    assert history_reason(busy) == "berkas riwayat dikunci program lain lebih dari 5 detik"
    assert words(busy).message == f"Riwayat hasil tidak bisa dipakai: {history_reason(busy)}."
    assert "masalah yang tidak terduga" in history_reason(HistoryError("history_busy"))


def test_errors_below_the_edge_carry_facts_not_sentences() -> None:
    said = [
        f"{path.relative_to(SRC)}:{line}"
        for path in _modules("core", "catalog", "state", "io")
        for line, kind in _raised_kinds(ast.parse(path.read_text(encoding="utf-8")))
        if kind == "said"
    ]
    assert not said, f"words written below the edge: {said}"
