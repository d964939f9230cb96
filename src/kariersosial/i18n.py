"""Indonesian for the text typer itself prints (help panels, usage errors)."""

from __future__ import annotations


def localize_typer() -> None:
    """Replace typer's English labels; cheap attribute sets, run once at import of the CLI."""
    from typer import rich_utils as ru

    ru.ARGUMENTS_PANEL_TITLE = "Argumen"
    ru.OPTIONS_PANEL_TITLE = "Opsi"
    ru.COMMANDS_PANEL_TITLE = "Perintah"
    ru.ERRORS_PANEL_TITLE = "Galat"
    ru.ABORTED_TEXT = "Dibatalkan."
    ru.DEFAULT_STRING = "[bawaan: {}]"
    ru.ENVVAR_STRING = "[variabel lingkungan: {}]"
    ru.REQUIRED_LONG_STRING = "[wajib]"
    ru.RICH_HELP = "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan."
