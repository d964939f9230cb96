"""What the flows need from a screen, as Protocols: `ui` implements them and `cli` wires them in.

The flows decide what happens; the screen only shows and asks, so flows never import a prompt
library or the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from kariersosial.core.models import Catalog
from kariersosial.core.progress import NextQuestion, Progress


class KeepScreen(Protocol):
    """What keeping a finished result needs: say something, and ask when someone can answer."""

    def say(self, text: str, *, err: bool = False, style: str | None = None) -> None: ...

    def interactive(self) -> bool: ...

    def ask_yes_no(self, question: str, default: bool) -> bool: ...

    def ask_path(self, question: str, default: str, check: Callable[[str], bool | str]) -> str:
        """A file name; `check` gives True or why the name cannot be used."""
        ...


class QuizScreen(Protocol):
    """What one interactive quiz needs; every question may raise KeyboardInterrupt."""

    def say(self, thing: object) -> None: ...

    def warn(self, text: str) -> None: ...

    def choose_resume(self, progress: Progress, total: int) -> bool:
        """True to continue the saved quiz, False to start again."""
        ...

    def intro(self, mode: str, total: int) -> None: ...

    def run_questions(
        self,
        catalog: Catalog,
        progress: Progress,
        next_question: NextQuestion,
        save: Callable[[Progress], None],
        total: int | None,
    ) -> Progress: ...

    def review(
        self,
        catalog: Catalog,
        progress: Progress,
        show_table: Callable[[Progress], None],
        save: Callable[[Progress], None],
        reselect: bool,
    ) -> tuple[Progress, bool]: ...

    def show_answers(self, catalog: Catalog, progress: Progress) -> None: ...
