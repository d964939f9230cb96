"""Assertions and small builders the test modules share (import them: `from helpers import ok`)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import Result

from kariersosial.core.models import Catalog


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    assert result.exception is None
    assert "Traceback" not in result.output
    return result


def fails(result: Result, code: int) -> Result:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result


def flat(text: str) -> str:
    """Whitespace made single spaces: rich wraps lines wherever the width ends."""
    return " ".join(text.split())


def answers_file(tmp_path: Path, catalog: Catalog) -> Path:
    """An answers file in `id=value` lines that answers every statement (1..5 in turn)."""
    path = tmp_path / "jawaban.txt"
    lines = [f"{q.id}={(i % 5) + 1}" for i, q in enumerate(catalog.questions)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def refused(result: Result, code: int = 2) -> Result:
    """A run that failed cleanly with `code`: a message, never a traceback."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def squash(text: str) -> str:
    """Without any whitespace: rich may break a long path in the middle of a word."""
    return "".join(text.split())
