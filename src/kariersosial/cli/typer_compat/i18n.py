"""Indonesian for the text typer itself prints: help panels, usage lines and usage errors.

Typer has no locale hook, so the few places its English comes from are patched. This runs at every
start (tab completion re-runs the program), so it only touches modules `import typer` has loaded.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from typing import Any

import typer

from kariersosial.cli.typer_compat.checks import Patch

USAGE = "Cara pakai: "
INSTALL_HELP = "Pasang pelengkapan otomatis (tab) untuk shell yang kamu pakai."
SHOW_HELP = "Tampilkan skrip pelengkapan otomatis untuk shell ini, untuk disalin atau diubah."
_USAGE_WORDS = {"[OPTIONS]": "[OPSI]", "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]..."}
# Value placeholders in the help tables; others are shown unchanged.
_TYPES = {"<str>": "<teks>", "<file>": "<berkas>", "<dir>": "<folder>", "<path>": "<jalur>"}

# typer.core passes these through gettext, which has no Indonesian catalogue for typer.
_GETTEXT = {
    "Aborted!": "Dibatalkan.",
    "Missing command.": "Perintah wajib diisi.",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "(dynamic)": "(dinamis)",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "env var: {var}": "variabel lingkungan: {var}",
    "Arguments": "Argumen",
    "Options": "Opsi",
    "Commands": "Perintah",
}

# Click's other errors are f-strings built when raised, so they are rewritten when shown.
_ERRORS = (
    (r"^No such option: ", "Opsi tidak dikenal: "),
    (r" \(Possible options: (.+)\)$", r" (mungkin maksudmu: \1)"),
    (r"\. Did you mean (.+)\?$", r". Mungkin maksudmu \1?"),
    (r"^Missing argument (.+?)\.( |$)", r"Argumen \1 wajib diisi.\2"),
    (r"^Missing option (.+?)\.( |$)", r"Opsi \1 wajib diisi.\2"),
    (r"Choose from:", "Pilih salah satu:"),
    (r"^Got unexpected extra arguments?(?:\(s\))? \((.*)\)$", r"Ada argumen berlebih: \1"),
    (r"^Invalid value for ", "Nilai tidak sah untuk "),
    (r"\(env var: ", "(variabel lingkungan: "),
    (r"Option ('.+?') requires an argument\.", r"Opsi \1 perlu diberi nilai."),
    (r"Option ('.+?') does not take a value\.", r"Opsi \1 tidak menerima nilai."),
    (r"\b(?:file|dir|path) ('.*') does not exist\.", r"\1 tidak ditemukan."),
    (r"\b(?:file|dir|path) ('.*') is a directory\.", r"\1 adalah folder, bukan berkas."),
    (r"\b(?:file|dir|path) ('.*') is not readable\.", r"\1 tidak bisa dibaca."),
)


def translate_error(message: str) -> str:
    """Click's English error message in Indonesian; messages it does not know pass unchanged."""
    for english, indonesian in _ERRORS:
        message = re.sub(english, indonesian, message)
    return message


def _wrap(owner: Any, name: str, after: Callable[[Any, Any], Any]) -> None:
    """Make `owner.name(first, ...)` return `after(first, what_it_returned)`."""
    original = getattr(owner, name)

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        return after(self, original(self, *args, **kwargs))

    setattr(owner, name, wrapper)


def _help_text(_: Any, option: Any) -> Any:
    if option is not None:
        option.help = "Tampilkan bantuan ini lalu keluar."
    return option


def _localize_rich(ru: Any) -> None:
    ru.ARGUMENTS_PANEL_TITLE = "Argumen"
    ru.OPTIONS_PANEL_TITLE = "Opsi"
    ru.COMMANDS_PANEL_TITLE = "Perintah"
    ru.ERRORS_PANEL_TITLE = "Masalah"
    ru.ABORTED_TEXT = "Dibatalkan."
    ru.DEPRECATED_STRING = "(usang) "
    ru.DEFAULT_STRING = "[bawaan: {}]"
    ru.ENVVAR_STRING = "[variabel lingkungan: {}]"
    ru.REQUIRED_LONG_STRING = "[wajib]"
    ru.RICH_HELP = "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan."
    # The usage line is styled by a regex on its English prefix.
    options: Any = getattr(ru, "OptionHighlighter", None)
    if isinstance(getattr(options, "highlights", None), list):
        options.highlights = [h.replace("Usage: ", USAGE) for h in options.highlights]


class _LocalizeRichOnImport:
    """Import hook: typer.rich_utils loads rich (~45 ms), so patch it when typer imports it."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> ModuleSpec | None:
        if name != "typer.rich_utils":
            return None
        sys.meta_path.remove(self)  # the usual finders locate it; this one only adds a step
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            _wrap(spec.loader, "exec_module", lambda module, _: _localize_rich(module))
        return spec


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """typer.completion.install_callback, reporting in Indonesian."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=value if isinstance(value, str) else None)
    typer._click.termui.secho(
        f"Pelengkapan otomatis untuk {shell} sudah dipasang di {path}.", fg="green"
    )
    typer._click.echo("Pelengkapan mulai berlaku setelah terminal kamu dibuka ulang.")
    sys.exit(0)


def _localize_gettext() -> None:
    typer.core._ = lambda message: _GETTEXT.get(message, message)  # type: ignore[attr-defined]


def _localize_usage() -> None:
    write_usage = typer._click.HelpFormatter.write_usage

    def localized_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, indonesian in _USAGE_WORDS.items():
            args = args.replace(english, indonesian)
        write_usage(self, prog, args, USAGE if prefix is None else prefix)

    typer._click.HelpFormatter.write_usage = localized_usage  # type: ignore[method-assign]
    _wrap(typer._click.Command, "get_help_option", _help_text)


def _localize_types() -> None:
    _wrap(typer.core._TyperParameter, "display_type", lambda _, shown: _TYPES.get(shown, shown))
    # A flag takes no value, so a "<bool>" beside it would only mislead.
    _wrap(
        typer.core.TyperOption,
        "display_type_rich",
        lambda opt, shown: None if opt.is_flag else shown,
    )


def _localize_errors() -> None:
    for cls in vars(typer._click.exceptions).values():
        if isinstance(cls, type) and "format_message" in vars(cls):
            _wrap(cls, "format_message", lambda _, message: translate_error(message))


def _localize_completion() -> None:
    for placeholder in (
        typer.completion._install_completion_placeholder_function,
        typer.completion._install_completion_no_auto_placeholder_function,
    ):
        install_opt, show_opt = placeholder.__defaults__ or ()
        install_opt.help, install_opt.callback = INSTALL_HELP, _install_completion
        show_opt.help = SHOW_HELP


def _localize_rich_panels() -> None:
    if "typer.rich_utils" in sys.modules:
        _localize_rich(sys.modules["typer.rich_utils"])
    else:
        sys.meta_path.insert(0, _LocalizeRichOnImport())


def localize_typer() -> None:
    """Replace typer's English text where typer is as checked; cheap attribute sets."""
    from kariersosial.cli.typer_compat.checks import apply

    apply(PATCHES)


_CHECKED = ((0, 28), (0, 29))
PATCHES = (
    Patch("gettext", _CHECKED, ("core._",), _localize_gettext),
    Patch(
        "usage",
        _CHECKED,
        ("_click.HelpFormatter.write_usage", "_click.Command.get_help_option"),
        _localize_usage,
    ),
    Patch(
        "types",
        ((0, 29),),
        ("core._TyperParameter.display_type", "core.TyperOption.display_type_rich"),
        _localize_types,
    ),
    Patch(
        "errors", _CHECKED, ("_click.exceptions.ClickException.format_message",), _localize_errors
    ),
    Patch(
        "completion",
        _CHECKED,
        (
            "completion._install_completion_placeholder_function",
            "completion._install_completion_no_auto_placeholder_function",
            "_completion_shared.install",
            "_click.termui.secho",
            "_click.echo",
        ),
        _localize_completion,
    ),
    Patch("rich_panels", _CHECKED, (), _localize_rich_panels),
)
