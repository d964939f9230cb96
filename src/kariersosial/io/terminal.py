"""What reaches a terminal: streams that cannot show every character, control characters in
text the program echoes, and widths that make no sense.

Imported at start-up, so it uses only the standard library.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import unicodedata
from collections.abc import Mapping

ERRORS = "kariersosial-ascii"
# The program's own typography, as plain ASCII for a stream that cannot encode it.
ASCII_FALLBACK = {
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "--",
    "−": "-",
    "…": "...",
    "·": "-",
    "•": "*",
    "█": "#",
    "▌": "#",
    "▐": "#",
    "░": ".",
    "▏": "|",
    "━": "-",
    "─": "-",
    "│": "|",
    "✓": "v",
    "✗": "x",
    "→": "->",
    "←": "<-",
    "↔": "<->",
    "◀": "<",
    "▶": ">",
    "²": "2",
    "\u00a0": " ",
}
# Characters a stream must be able to encode for the program's own text to show as written.
PROBE = "“”‘’–—…·•█░✓✗→←↔◀"
MIN_WIDTH = 20  # narrower than this nothing readable fits; wrap as if it were this wide


def _ascii_for(char: str) -> str:
    if char in ASCII_FALLBACK:
        return ASCII_FALLBACK[char]
    # letters with marks keep their letter (é -> e); anything else becomes '?'
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return base if base.isprintable() and base else "?"


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_ascii_for(char) for char in bad), exc.end


codecs.register_error(ERRORS, _replace)


def can_show(encoding: str | None) -> bool:
    """The encoding can write the program's own typography (quotes, dashes, bars, ticks)."""
    try:
        PROBE.encode(encoding or "ascii")
    except (UnicodeError, LookupError):
        return False
    return True


def unicode_stream(stream: object) -> bool:
    return can_show(getattr(stream, "encoding", None) or "utf-8")


def install_fallback() -> None:
    """Characters stdout or stderr cannot encode become ASCII stand-ins instead of an error.

    Only what fails to encode is replaced: on UTF-8 that is a lone surrogate, on latin-1 or a
    Windows code page the quotes, dashes and bars the stream lacks.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # a closed or detached stream has nothing to show
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors=ERRORS)


# Control characters (C0 but the newline, DEL, C1), direction overrides and lone surrogates:
# echoed raw they move the cursor, clear the screen or reorder what the person reads.
_UNSHOWN = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_NAMED = {"\t": "\\t", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """Text from a person or a file, safe to echo: control characters written as `\\x1b`."""
    return re.sub(_UNSHOWN, _escaped, text)  # compiled on first use (re caches it), not at start


def console_environ(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a rich console, COLUMNS only when it is a width (`COLUMNS=0` would
    make rich print nothing): a value that is not is treated as unset."""
    env = dict(os.environ if environ is None else environ)
    columns = env.pop("COLUMNS", "").strip()
    if columns.isdecimal() and int(columns) > 0:
        env["COLUMNS"] = columns
    return env


def drop_bad_sizes() -> None:
    """Forget a COLUMNS or LINES that is not a size, for every console the program builds.

    typer draws `--help` on a console of its own; with `COLUMNS=0` it would print nothing.
    """
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdecimal() and int(value) > 0):
            del os.environ[name]


def wrap_width(indent: int = 2) -> int:
    """Where prompt text is wrapped: the terminal's width less `indent`, never below MIN_WIDTH."""
    import shutil

    return max(MIN_WIDTH, shutil.get_terminal_size().columns) - indent
