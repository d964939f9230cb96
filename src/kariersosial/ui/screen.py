"""The real terminal behind `flows.screen.KeepScreen`: rich output and questionary questions.

The functions are the interface (the module itself is passed as the screen), so tests replace
one of them with monkeypatch. rich and questionary are imported only when something is shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def escape(text: str) -> str:
    """Text for rich markup, shown as it is: no markup, and control characters as `\\x1b`
    (a role argument or a respondent's name must not clear the screen when echoed)."""
    from rich.markup import escape as rich_escape

    from kariersosial.io.terminal import shown

    return rich_escape(shown(text))


def say(text: str, *, err: bool = False, style: str | None = None) -> None:
    from rich.text import Text

    from kariersosial.io.terminal import shown
    from kariersosial.ui.render import stderr, stdout

    (stderr() if err else stdout()).print(Text(shown(text), style=style or ""))


def interactive() -> bool:
    """Both ends are a terminal, so the person can be asked."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_yes_no(question: str, default: bool) -> bool:
    import questionary

    from kariersosial.ui.style import STYLE

    answer = questionary.confirm(question, default=default, qmark="", style=STYLE).unsafe_ask()
    return bool(answer)


def ask_path(question: str, default: str, check: Callable[[str], bool | str]) -> str:
    """A file name, checked as it is typed (`check`: True, or why not); stripped."""
    import questionary

    from kariersosial.ui.style import STYLE

    answer = questionary.path(
        question, default=default, validate=check, qmark="", style=STYLE
    ).unsafe_ask()
    return str(answer or "").strip()
