"""What every command module shares: the active catalogue, the error edge, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from kariersosial.catalog.load import load_catalog
from kariersosial.core.errors import EXIT_INTERRUPTED, KarierError
from kariersosial.core.models import Catalog
from kariersosial.ui.screen import escape


class State:
    """Global options, set by the top-level callback before any command runs."""

    data: Path | None = None


state = State()


@contextmanager
def user_errors() -> Iterator[None]:
    """The one place where the package's errors become a message on stderr and an exit code."""
    try:
        yield
    except KarierError as exc:
        from kariersosial.words.messages import words

        said = words(exc)
        fail(said.message, said.hint, exc.exit_code)
    except KeyboardInterrupt:
        fail("Dihentikan.", None, EXIT_INTERRUPTED)


def fail(message: str, hint: str | None, code: int) -> NoReturn:
    from kariersosial.ui.render import stderr

    console = stderr()
    prefix = "" if code == EXIT_INTERRUPTED else "[bold red]Masalah:[/] "
    console.print(f"{prefix}{escape(message)}")
    if hint:
        console.print(escape(hint), style="yellow")
    raise typer.Exit(code)


def catalog() -> Catalog:
    return load_catalog(state.data)


def print_json(value: Any) -> None:
    from kariersosial.io.terminal import unicode_stream

    # \u escapes where the stream cannot encode the text: still JSON, and nothing replaced
    ascii_only = not unicode_stream(sys.stdout)
    sys.stdout.write(json.dumps(value, ensure_ascii=ascii_only, indent=2) + "\n")


def complete_role(incomplete: str) -> list[tuple[str, str]]:
    """Role ids for shell completion; silent when the catalogue cannot be read."""
    try:
        roles = load_catalog(state.data).roles
    except KarierError:
        return []
    return [(r.id, r.name) for r in roles if r.id.startswith(incomplete.casefold())]


def role_argument(help: str, metavar: str = "PERAN") -> Any:
    """A role argument: any way of writing a role, completed with role ids in the shell."""
    return typer.Argument(
        help=help, autocompletion=complete_role, show_default=False, metavar=metavar
    )


JsonOption = Annotated[bool, typer.Option("--json", help="Keluarkan hasil sebagai JSON.")]


def reflow_help(app: typer.Typer) -> None:
    """Help text from docstrings, each paragraph one line, so rich wraps it at the terminal.

    Docstrings are wrapped at 100 columns in the source; in rich markup mode typer keeps
    those line breaks, which leaves ragged half-lines in every narrower terminal.
    """
    import inspect

    for command in app.registered_commands:
        text = command.help or (command.callback and inspect.getdoc(command.callback))
        if text:
            command.help = reflowed(text)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            reflow_help(group.typer_instance)
    if isinstance(app.info.help, str):
        app.info.help = reflowed(app.info.help)
    callback = app.registered_callback
    if callback is not None and isinstance(callback.help, str):
        callback.help = reflowed(callback.help)


def reflowed(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n"))
