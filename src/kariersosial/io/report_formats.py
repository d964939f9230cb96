"""The report formats, by name and by file extension, and a report built in one of them.

Apart from `report` so that the HTML page can use report's shared text without a cycle.
"""

from __future__ import annotations

from kariersosial.io.report import Report, markdown, to_json
from kariersosial.io.report_html import to_html

FORMATS = ("md", "html", "json")
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def format_for(name: str) -> str | None:
    """The report format a file name's extension asks for, if any."""
    for ext, fmt in EXTENSIONS.items():
        if name.casefold().endswith(ext):
            return fmt
    return None


def build(report: Report, fmt: str, *, ascii_only: bool = False) -> str:
    """The report as text; `ascii_only` JSON escapes what a non-UTF-8 terminal cannot show."""
    if fmt == "json":
        return to_json(report, ascii_only=ascii_only)
    return {"md": markdown, "html": to_html}[fmt](report)
