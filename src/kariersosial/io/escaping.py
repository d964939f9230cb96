"""Catalogue and user text made inert for where it goes: a spreadsheet cell, a Markdown line.

A custom catalogue is hostile input like any other file: a role named `=HYPERLINK(...)` must
stay text in Excel, and a statement with a newline and `# ` must not become a heading.
"""

from __future__ import annotations

import re

# Cells a spreadsheet would run as a formula; a leading apostrophe keeps them text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell as a spreadsheet shows it, never runs it; numbers stay numbers."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if _NUMBER.fullmatch(value):  # a negative number is not a formula
        return value
    return "'" + value


def spreadsheet_row(cells: list[object]) -> list[object]:
    return [spreadsheet_cell(cell) for cell in cells]


# Every ASCII punctuation character Markdown (CommonMark and GitHub's tables) gives a meaning
# to; a backslash before any of them is always read as the character itself.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")
# At the start of a line these begin a list, a quote block, a heading or a rule.
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_escape(text: str) -> str:
    """Text for one Markdown line, shown as written: no markup, raw HTML, or new block.

    Newlines (and other runs of white space) become one space, so that a text can never start
    a heading, a list or a table row of its own.
    """
    flat = " ".join(text.split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(_line_start, escaped, count=1)


def _line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"\\{match.group(3)}"
