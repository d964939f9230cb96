"""Rich rendering of a quiz result: ranking with bars, quoted explanations, cautions."""

from __future__ import annotations

from rich.bar import Bar
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kariersosial.core.fit import FITS_WELL, NOTHING_FITS_BELOW
from kariersosial.core.scoring import Result, RoleFit
from kariersosial.io.report import EXPLAINED
from kariersosial.ui.render import heading, quote_block
from kariersosial.words.messages import caution_text, fit_label
from kariersosial.words.texts import (
    DISCLAIMER,
    MATCHES_HEADING,
    MYTH_HEADING,
    MYTH_LABEL,
    REALITY_LABEL,
    SHOWN_TRAITS,
    adjacent_heading,
    adjacent_lead,
    more_traits_text,
    no_matches_text,
    nothing_fits_text,
    undecided_text,
)

QUICK_NOTE = (
    "Ini hasil kuis singkat. Kuis lengkap (`kariersosial quiz --full`, {total} pernyataan) "
    "memberi penjelasan yang lebih lengkap."
)


def render_result(result: Result, mode: str = "full") -> RenderableType:
    note = QUICK_NOTE.format(total=result.total) if mode == "quick" else None
    parts: list[RenderableType] = [_summary(result, note)]
    if result.status != "ok":
        parts.append(
            Text(
                f"Jawabanmu baru {result.answered}, terlalu sedikit untuk menilai kecocokan. "
                "Jawab lebih banyak pernyataan (kamu boleh melewati yang sulit), lalu coba lagi.",
                style="yellow",
            )
        )
        parts += _cautions(result)
        return Group(*parts)
    # Explanations first and the summary last, so that the ranking and the verdict are what
    # stays on screen when the quiz ends, even at 24 lines.
    parts.append(heading("Penjelasan"))
    for fit in result.ranking[:EXPLAINED]:
        parts += _explain(result, fit)
    parts += _cautions(result)
    parts += [heading("Peringkat kecocokan (0–100)"), _ranking(result), Text()]
    parts += _verdict(result)
    top = result.ranking[0].role.id
    parts += [
        # the command on a line of its own, so that it is never split and can be copied
        Text("Baca profil lengkap:", style="dim"),
        Text(f"  kariersosial show {top}", style="bold", no_wrap=True, overflow="ignore"),
        Text(DISCLAIMER, style="dim"),
    ]
    return Group(*parts)


def _summary(result: Result, asked_note: str | None) -> Panel:
    shown = result.answered + result.skipped
    text = f"Kamu menjawab {result.answered} dari {shown} pernyataan"
    text += f" ({result.skipped} dilewati)." if result.skipped else "."
    body = Group(Text(text), *([Text(asked_note, style="dim")] if asked_note else []))
    return Panel(
        body,
        title=Text("Hasil kuis kariersosial", style="bold"),
        title_align="left",
        border_style="cyan",
    )


def _ranking(result: Result) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="bold")
    table.add_column(ratio=1)
    table.add_column(width=12)
    table.add_column(justify="right", style="bold", width=3)
    table.add_column(style="dim")
    for fit in result.ranking:
        colour = (
            "green"
            if fit.fit >= FITS_WELL
            else "yellow"
            if fit.fit >= NOTHING_FITS_BELOW
            else "red"
        )
        bar = Bar(100, 0, fit.fit, width=12, color=colour, bgcolor="grey23")
        table.add_row(
            f"{fit.rank}.", Text(fit.role.name), bar, f"{fit.fit:.0f}", fit_label(fit.fit)
        )
    return table


def _verdict(result: Result) -> list[RenderableType]:
    top = result.ranking[0]
    lines: list[RenderableType] = []
    if result.nothing_fits:
        lines.append(
            Text(
                nothing_fits_text(top.fit)
                + " Penjelasan di atas tetap bisa membantumu memahami peran-peran ini.",
                style="yellow",
            )
        )
    elif not result.decisive:
        shown = [(f.role.name, f.fit) for f in result.ranking]
        said = undecided_text(shown, result.answered)
        lines.append(Text(said, style="yellow"))
    else:
        lines.append(Text.assemble("Paling cocok untukmu: ", (top.role.name, "bold green"), "."))
    return [*lines, Text()]


def _explain(result: Result, fit: RoleFit) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(f"{fit.rank}. {fit.role.name} — {fit.fit:.0f}/100", style="bold cyan"),
    ]
    if fit.matches:
        parts.append(_label(MATCHES_HEADING, "green"))
        for match in fit.matches[:SHOWN_TRAITS]:
            parts += [_bullet(match.trait.label), quote_block([match.trait.source], indent=4)]
        parts += _more(len(fit.matches))
    else:
        parts.append(
            Padding(
                Text(no_matches_text(fit.fit), style="dim"),
                (0, 0, 0, 2),
            )
        )
    if fit.warnings:
        parts.append(_label("Perlu kamu perhatikan (ciri orang yang kurang cocok)", "yellow"))
        for warning in fit.warnings[:SHOWN_TRAITS]:
            parts += [_bullet(warning.trait.label), quote_block([warning.trait.source], indent=4)]
        parts += _more(len(fit.warnings))
    if fit.rank == 1 and result.misconception:
        myth = result.misconception
        parts += [
            _label(MYTH_HEADING, "magenta"),
            Padding(Text(f"✗ {MYTH_LABEL}", style="red"), (0, 0, 0, 4)),
            quote_block([myth.myth], indent=6),
            Padding(Text(f"✓ {REALITY_LABEL}", style="green"), (0, 0, 0, 4)),
            quote_block(myth.reality, indent=6),
        ]
    if fit.rank == 1:
        for adj in result.adjacent:
            parts += [
                _label(adjacent_heading(adj.profession.name), "blue"),
                Padding(
                    Text(adjacent_lead(adj.role.name, adj.role.id == fit.role.id), style="dim"),
                    (0, 0, 0, 4),
                ),
                quote_block(adj.quotes, indent=6),
            ]
    return [*parts, Text()]


def _more(total: int) -> list[RenderableType]:
    more = more_traits_text(total)
    return [Padding(Text(more, style="dim"), (0, 0, 0, 2))] if more else []


def _label(text: str, colour: str) -> Padding:
    return Padding(Text(text, style=f"bold {colour}"), (0, 0, 0, 2))


def _bullet(text: str) -> Padding:
    return Padding(Text(f"• {text}"), (0, 0, 0, 2))


def _cautions(result: Result) -> list[RenderableType]:
    if not result.cautions:
        return []
    parts: list[RenderableType] = [Text("Catatan tentang jawabanmu", style="bold yellow")]
    for caution in result.cautions:
        parts.append(Padding(Text(f"! {caution_text(caution)}", style="yellow"), (0, 0, 0, 2)))
        for a, b in caution.pairs:
            pair = Table.grid(padding=(0, 1))
            pair.add_column(style="dim")
            pair.add_column(style="dim")
            pair.add_row("•", Text(a.text))
            pair.add_row("↔", Text(b.text))
            parts.append(Padding(pair, (0, 0, 0, 4)))
    return [*parts, Text()]
