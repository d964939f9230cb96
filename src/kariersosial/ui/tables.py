"""The tables: the five roles, the question bank, and the review of a quiz's answers.

Apart from the profile renderer because rich.table (with fractions and decimal) is the
heaviest import of rendering, and `show` draws no table.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from kariersosial.core.models import Catalog


def roles_table(catalog: Catalog) -> Table:
    table = Table(title="Peran di kariersosial", title_justify="left", show_lines=True)
    # as wide as the longest id, so that an id is never split and can be copied for `show`
    widest = max((len(r.id) for r in catalog.roles), default=10)
    table.add_column("Peran (ID untuk `show`)", width=widest)
    table.add_column("Ringkasan", ratio=1)
    for role in catalog.roles:
        name = Text(role.name, style="bold") + Text(f"\n{role.id}", style="cyan")
        name.overflow = "fold"
        table.add_row(name, Text(role.summary))
    return table


SHORT_LABELS = {1: "STS", 2: "TS", 3: "R", 4: "S", 5: "SS"}
NARROW = 90  # below this many columns the answers are abbreviated to leave room for statements


class AnswersTable:
    """The review table: statements wrap in full; narrow terminals get abbreviated answers."""

    def __init__(self, catalog: Catalog, asked: Iterable[str], answers: dict[str, int | None]):
        self.rows = [(catalog.question(q).text, answers.get(q)) for q in asked]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from kariersosial.io.answers import SCALE_LABELS, SKIPPED_LABEL

        narrow = options.max_width < NARROW
        labels = SHORT_LABELS if narrow else SCALE_LABELS
        table = Table(title="Tinjau jawabanmu", title_justify="left", box=box.SIMPLE_HEAD)
        table.expand = True
        table.add_column("No.", justify="right", style="bold", width=3, no_wrap=True)
        table.add_column("Pernyataan", ratio=1)
        widest = max(len("Jawaban"), len(SKIPPED_LABEL), *(len(v) for v in labels.values()))
        table.add_column("Jawaban", no_wrap=True, width=widest)
        for number, (text, value) in enumerate(self.rows, start=1):
            label = Text(labels[value]) if value else Text(SKIPPED_LABEL, style="dim")
            table.add_row(str(number), Text(text), label)
        if narrow:
            table.caption = ", ".join(
                f"{SHORT_LABELS[v]} = {SCALE_LABELS[v].lower()}" for v in SCALE_LABELS
            )
            table.caption_justify = "left"
        yield table


def answers_table(
    catalog: Catalog, asked: Iterable[str], answers: dict[str, int | None]
) -> AnswersTable:
    return AnswersTable(catalog, asked, answers)


def questions_table(catalog: Catalog) -> Table:
    from kariersosial.io.answers import SCALE_LABELS

    table = Table(title=f"Pernyataan kuis ({len(catalog.questions)})", title_justify="left")
    table.add_column("ID", style="cyan", no_wrap=True)
    table.add_column("Pernyataan", ratio=3)
    table.add_column("Mengukur", ratio=2, style="dim")
    for q in catalog.questions:
        measures = ", ".join(
            ("kebalikan dari " if m.direction < 0 else "") + catalog.dimension(m.dimension).name
            for m in q.loadings
        )
        table.add_row(Text(q.id), Text(q.text), Text(measures))
    table.caption = "Jawaban: " + ", ".join(f"{k} = {v}" for k, v in SCALE_LABELS.items())
    table.caption += ", kosong = lewati. Contoh berkas: p01=4 (satu baris per pernyataan)."
    return table
