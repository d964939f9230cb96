"""The `kariersosial` app: global options and the catalogue commands; the rest register here.

No `from __future__ import annotations` here: typer reads every parameter's annotation, and
string annotations would be compiled and evaluated again on each start (~1 ms of `show`).
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from kariersosial import __version__
from kariersosial.catalog.load import DATA_ENV
from kariersosial.cli.common import (
    JsonOption,
    catalog,
    print_json,
    reflow_help,
    role_argument,
    state,
    user_errors,
)
from kariersosial.cli.typer_compat import guard
from kariersosial.core.errors import UsageError
from kariersosial.ui.screen import escape

guard.apply_all()  # each patch only where typer is as checked; else typer as shipped

APP_HELP = (
    "Kuis kecocokan karier untuk lima peran kebijakan dan layanan sosial.\n\n"
    "Jawab pernyataan singkat tentang dirimu, lalu lihat peran mana yang paling cocok, "
    "lengkap dengan kutipan dari teks sumbernya."
)
# Each command and the module under kariersosial.cli that registers it ("app": this one), in
# the order --help lists them. Typer turns every registered function into a click command
# before it reads argv, so a run that names its command builds and imports only that one.
COMMANDS: dict[str, str] = {
    "roles": "app",
    "show": "app",
    "validate": "app",
    "questions": "app",
    "quiz": "quiz",
    "history": "history",
    "export": "history",
    "compare": "counsel",
    "form": "counsel",
    "score": "counsel",
}
REGISTERING_MODULES = ("quiz", "history", "counsel")


def _version(value: bool) -> None:
    if value:
        print(f"kariersosial {__version__}")
        raise typer.Exit()


def main_options(
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help="Pakai katalog peran dari berkas JSON ini, bukan katalog bawaan.",
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Tampilkan versi kariersosial lalu keluar.",
        ),
    ] = False,
) -> None:
    state.data = Path(data) if data else None


def roles(as_json: JsonOption = False) -> None:
    """Tampilkan kelima peran beserta ID dan ringkasannya."""
    with user_errors():
        cat = catalog()
        if as_json:
            from kariersosial.io import json_shapes

            print_json(json_shapes.roles(cat))
            return
        from kariersosial.ui.render import stdout
        from kariersosial.ui.tables import roles_table

        stdout().print(roles_table(cat))
        stdout().print("Baca profil lengkap: [bold]kariersosial show <peran>[/]", style="dim")


def show(
    role: Annotated[
        str, role_argument("Nama, ID, singkatan, atau awal nama peran, misalnya 'layanan'.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Tampilkan profil lengkap satu peran, dengan kutipan dari teks sumbernya."""
    from kariersosial.core.lookup import resolve_role

    with user_errors():
        cat = catalog()
        found = resolve_role(cat, role)
        if as_json:
            from kariersosial.io.serialize import role_profile

            print_json(role_profile(cat, found))
            return
        from kariersosial.ui.render import role_profile as render_profile
        from kariersosial.ui.render import stdout

        stdout().print(render_profile(cat, found))


def validate(
    file: Annotated[
        str | None,
        typer.Argument(
            help="Berkas katalog yang diperiksa (bawaan: katalog yang sedang dipakai).",
            show_default=False,
            metavar="BERKAS",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Periksa berkas katalog peran dan laporkan semua masalahnya sekaligus."""
    from kariersosial.catalog.load import BUNDLED_NAME, bundled_catalog_file, check_catalog

    target = Path(file) if file else state.data
    name = str(target) if target else BUNDLED_NAME
    if target is not None and not _exists(target):
        with user_errors():
            raise UsageError("file_not_found", path=str(target))
    result = check_catalog(target or bundled_catalog_file(), name)
    problems = [] if not isinstance(result, list) else result
    if as_json:
        from kariersosial.io import json_shapes

        print_json(json_shapes.validation(name, problems))
    elif problems:
        from kariersosial.ui.render import stderr

        stderr().print(f"[bold red]{escape(name)}: {len(problems)} masalah ditemukan[/]")
        for problem in problems:
            stderr().print(f"  • {escape(problem)}", soft_wrap=True)
    else:
        assert not isinstance(result, list)
        print(
            f"{name}: katalog sah — {len(result.roles)} peran, {len(result.questions)} pernyataan, "
            f"{len(result.dimensions)} dimensi."
        )
    if problems:
        raise typer.Exit(1)


def _exists(path: Path) -> bool:
    """False only when there is nothing there; other failures (a name too long) are reported
    by the catalogue check, in its words."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True
    return True


def questions(as_json: JsonOption = False) -> None:
    """Tampilkan semua pernyataan kuis beserta ID-nya, untuk menyiapkan berkas jawaban."""
    with user_errors():
        cat = catalog()
        if as_json:
            from kariersosial.io import json_shapes

            print_json(json_shapes.questions(cat))
            return
        from kariersosial.ui.render import stdout
        from kariersosial.ui.tables import questions_table

        stdout().print(questions_table(cat))


def build_app(command: str | None = None) -> typer.Typer:
    """The typer app with every command, or with only `command` (and the global options)."""
    from importlib import import_module

    app = typer.Typer(
        name="kariersosial",
        help=APP_HELP,
        context_settings={"help_option_names": ["-h", "--help"]},
        no_args_is_help=True,
        rich_markup_mode="rich",
        pretty_exceptions_enable=False,
    )
    app.callback()(main_options)
    for function in (roles, show, validate, questions):
        if command in (None, function.__name__):
            app.command()(function)
    for module in REGISTERING_MODULES:
        if command is None or COMMANDS.get(command) == module:
            import_module(f"kariersosial.cli.{module}").register(app)
    reflow_help(app)
    return app


_built: dict[str, typer.Typer] = {}


def __getattr__(name: str) -> typer.Typer:
    """`app`, the whole app, is built on first use (tests and `typer` tools import it)."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _built:
        _built[name] = build_app()
    return _built[name]


def invoked_command(argv: list[str]) -> str | None:
    """The command this run names, when the app may be built with that command alone."""
    import os

    if any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ):
        return None  # tab completion lists and completes every command
    if len(argv) > 1 and argv[1] in COMMANDS:
        return argv[1]
    return None  # --help, a global option first, or a typo: typer needs every command


def main() -> None:
    """Console-script entry point; output that cannot be written is reported here, once."""
    from kariersosial.io.terminal import drop_bad_sizes, install_fallback

    install_fallback()  # before anything is printed: a latin-1 or ASCII terminal shows "-" for "–"
    drop_bad_sizes()
    try:
        try:
            build_app(invoked_command(sys.argv))()
        finally:
            sys.stdout.flush()  # a full disk shows here when the output was buffered
    except BrokenPipeError:  # e.g. `kariersosial show x | head`
        _silence_stdout()
        sys.stderr.close()
        raise SystemExit(1) from None
    except OSError as exc:  # e.g. `kariersosial roles > /dev/full`
        _silence_stdout()
        from kariersosial.core.errors import EXIT_FAILURE
        from kariersosial.words.os_words import os_reason

        sys.stderr.write(
            f"Masalah: keluaran tidak bisa ditulis ({os_reason(exc)}). "
            "Kosongkan ruang disk atau tulis ke tempat lain, lalu coba lagi.\n"
        )
        raise SystemExit(EXIT_FAILURE) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
