"""Rich rendering of two roles compared: sections side by side, then the interest gaps."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kariersosial.core.compare import Comparison, Passage
from kariersosial.ui.render import SECTION_TITLES, heading, quote_block
from kariersosial.words.texts import QUOTE_NOTE

WEIGHT_NOTE = (
    "Bobot tiap dimensi dalam profil peran: 0 = tidak disebut di teks peran itu, "
    "1 = sangat ditekankan."
)

WIDE = 100  # from this width the two roles of `compare` stand in two columns
BAR_CELLS = 10


def render_comparison(comp: Comparison, width: int) -> RenderableType:
    """Both roles section by section: two columns from WIDE cells, stacked below that."""
    wide = width >= WIDE
    roles = (comp.left, comp.right)
    intro: RenderableType
    if wide:
        intro = Table.grid(padding=(0, 2), expand=True)
        for _ in roles:
            intro.add_column(ratio=1)
        intro.add_row(*(_role_title(r.name, r.id, r.summary) for r in roles))
    else:
        intro = Group(
            _role_title(comp.left.name, comp.left.id, comp.left.summary),
            Text(),
            _role_title(comp.right.name, comp.right.id, comp.right.summary),
        )
    parts: list[RenderableType] = [
        Panel(
            intro,
            title=Text(f"{comp.left.name} dan {comp.right.name}", style="bold"),
            title_align="left",
            border_style="cyan",
        ),
    ]
    for pair in comp.sections:
        parts.append(heading(SECTION_TITLES[pair.section]))
        if pair.section == "realita":
            parts.append(
                Text("Kenyataan yang meluruskan anggapan keliru tentang peran ini.", "dim")
            )
        if wide:
            table = Table(expand=True, show_edge=False, pad_edge=False, box=None, padding=(0, 2))
            for role in roles:
                table.add_column(Text(role.name, style="bold"), ratio=1)
            table.add_row(_passages(pair.left, 0), _passages(pair.right, 0))
            parts.append(table)
        else:
            for role, side in zip(roles, (pair.left, pair.right), strict=True):
                parts.append(Padding(Text(role.name, style="bold"), (0, 0, 0, 2)))
                parts.append(_passages(side, 4))
        parts.append(Text())
    parts += [*_gaps(comp, wide), Text()]
    parts.append(Text(QUOTE_NOTE, style="dim"))
    parts.append(Text("Profil lengkap tiap peran:", style="dim"))
    parts += [Padding(Text(f"kariersosial show {r.id}", style="bold"), (0, 0, 0, 2)) for r in roles]
    return Group(*parts)


def _role_title(name: str, role_id: str, summary: str) -> RenderableType:
    return Group(Text(name, style="bold"), Text(summary), Text(f"ID: {role_id}", style="dim"))


def _passages(passages: tuple[Passage, ...], indent: int) -> RenderableType:
    if not passages:
        return Padding(Text("(teks peran ini tidak membahasnya)", style="dim"), (0, 0, 0, indent))
    parts: list[RenderableType] = []
    for passage in passages:
        if passage.label:
            parts.append(Padding(Text(passage.label, style="bold"), (0, 0, 0, indent)))
            parts.append(quote_block(passage.quotes, indent=indent + 2))
        else:
            parts.append(quote_block(passage.quotes, indent=indent))
    return Group(*parts)


def _bar(weight: float) -> RenderableType:
    filled = round(max(0.0, min(1.0, weight)) * BAR_CELLS)
    return Text.assemble(
        ("█" * filled, "cyan"),
        ("░" * (BAR_CELLS - filled), "grey50"),
        f" {_decimal(weight)}",
        no_wrap=True,
    )


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")  # Indonesian decimal comma


def _gaps(comp: Comparison, wide: bool) -> list[RenderableType]:
    parts: list[RenderableType] = [
        heading("Dimensi minat yang paling membedakan"),
        Text(WEIGHT_NOTE, "dim"),
    ]
    if not comp.gaps:
        return [*parts, Text("Kedua peran menimbang semua dimensi sama besar.")]
    if wide:
        table = Table(expand=True, box=None, show_edge=False, pad_edge=False, padding=(0, 2))
        table.add_column("Dimensi", ratio=2)
        for role in (comp.left, comp.right):
            table.add_column(Text(role.name), width=BAR_CELLS + 4)
        table.add_column("Lebih dibutuhkan oleh", ratio=2)
        for gap in comp.gaps:
            table.add_row(
                Text(gap.dimension.name),
                _bar(gap.left),
                _bar(gap.right),
                Text(comp.needs_more(gap).name, style="bold"),
            )
        return [*parts, table]
    for number, gap in enumerate(comp.gaps, start=1):
        parts.append(Text(f"{number}. {gap.dimension.name}", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(ratio=1)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        for role, weight in ((comp.left, gap.left), (comp.right, gap.right)):
            more = Text("◀ lebih dibutuhkan", style="bold") if role is comp.needs_more(gap) else ""
            grid.add_row(Text(role.name), _bar(weight), more)
        parts.append(Padding(grid, (0, 0, 0, 3)))
    return parts
