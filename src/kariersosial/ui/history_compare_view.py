"""`history compare` on screen: the data of `history_compare` as rich tables and sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kariersosial.io.report import MODES, date_text

SHOWN_ANSWERS = 8  # the statements that moved most; `--json` has them all


def _when(side: Mapping[str, Any]) -> str:
    mode = MODES.get(side["mode"], side["mode"])
    return f"nomor {side['number']} ({date_text(side['created'])}, {mode})"


def _place(place: Mapping[str, Any] | None) -> str:
    return "—" if place is None else f"{place['rank']}. {place['fit']:.0f} · {place['label']}"


def _change(value: float | None) -> str:
    if value is None:
        return "—"
    return "tetap" if round(value) == 0 else f"{value:+.0f}"


def render_changes(data: Mapping[str, Any]) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    before, after = data["before"], data["after"]
    parts: list[Any] = [
        Text(f"Hasil {_when(before)} → hasil {_when(after)}", style="bold"),
        Text(""),
    ]
    table = Table(title="Peringkat dan kecocokan (0–100)", title_justify="left")
    table.add_column("Peran", ratio=1)
    table.add_column("Sebelum", no_wrap=True)
    table.add_column("Sesudah", no_wrap=True)
    table.add_column("Perubahan", justify="right", no_wrap=True)
    for row in data["ranking"]:
        table.add_row(
            Text(row["role"]["name"]),
            _place(row["before"]),
            _place(row["after"]),
            _change(row["change"]),
        )
    parts.append(table)
    if data["same_top"] is True:
        top = after["top"]["role"]["name"]
        parts.append(Text(f"Peran teratas tetap sama: {top}.", style="bold"))
    elif data["same_top"] is False:
        old, new = before["top"]["role"]["name"], after["top"]["role"]["name"]
        parts.append(Text(f"Peran teratas berubah: {old} → {new}.", style="bold"))
    for label, side in (("Sebelum", before), ("Sesudah", after)):
        verdict = side["verdict"] or "Jawabannya terlalu sedikit untuk menilai kecocokan."
        parts.append(Text(f"{label}: {verdict}"))
    parts.append(Text(""))
    moved = [a for a in data["answers"] if a["change"]]
    if moved:
        parts.append(
            Text(
                f"Jawaban yang paling berubah ({data['moved']} dari {data['answered_in_both']} "
                "pernyataan yang dijawab di keduanya berubah):",
                style="bold",
            )
        )
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for a in moved[:SHOWN_ANSWERS]:
            # the statement whole, wrapped in its column, then the two answers below it
            change = f"{a['before']['label']} → {a['after']['label']} ({a['change']:+d})"
            grid.add_row(a["id"], Text(a["statement"]))
            grid.add_row("", Text(change, style="bold"))
        parts.append(Padding(grid, (0, 0, 0, 2)))
        if len(moved) > SHOWN_ANSWERS:
            rest = len(moved) - SHOWN_ANSWERS
            parts.append(Text(f"  … dan {rest} lagi (semuanya ada di --json).", style="dim"))
    else:
        parts.append(
            Text(
                f"Tidak ada jawaban yang berubah dari {data['answered_in_both']} pernyataan yang "
                "dijawab di keduanya."
            )
        )
    parts.append(Text(data["note"], style="dim"))
    return Group(*parts)
