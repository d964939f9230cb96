"""Rich output for people: role tables and profiles. Results go to stdout, errors to stderr."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from kariersosial.core.models import Catalog, Quote, Role, Section, Sentence, mid_sentence
from kariersosial.words.texts import MYTH_LABEL, QUOTE_NOTE, REALITY_LABEL

SECTION_TITLES: dict[Section, str] = {
    "tugas": "Tugas dan pekerjaan",
    "cocok": "Cocok untukmu jika…",
    "tidak_cocok": "Kurang cocok jika…",
    "miskonsepsi": "Anggapan keliru dan kenyataannya",
    "realita": "Kenyataannya",
    "perbedaan": "Perbedaan dengan profesi yang mirip",
}


@cache
def stdout() -> Console:
    return _console(stderr=False)


@cache
def stderr() -> Console:
    return _console(stderr=True)


def _console(*, stderr: bool) -> Console:
    from kariersosial.io.terminal import MIN_WIDTH, console_environ

    # no emoji codes: ":x:" in a catalogue text is shown as written
    console = Console(stderr=stderr, highlight=False, emoji=False, _environ=console_environ())
    if console.width < MIN_WIDTH:  # a width nothing readable fits in: wrap as if wider
        console.width = MIN_WIDTH
    return console


def quoted(text: str, style: str = "italic") -> Text:
    return Text(f"“{text}”", style=style)


def quote_block(quotes: Iterable[str | Quote | Sentence], indent: int = 2) -> Padding:
    lines = [quoted(q if isinstance(q, str) else q.text) for q in quotes]
    return Padding(Group(*lines), (0, 0, 0, indent))


def heading(title: str) -> Text:
    return Text(title, style="bold cyan")


def role_profile(catalog: Catalog, role: Role) -> RenderableType:
    header = Group(
        Text(role.summary),
        Text(f"ID: {role.id}", style="dim"),
    )
    parts: list[RenderableType] = [
        Panel(header, title=Text(role.name, style="bold"), title_align="left", border_style="cyan"),
    ]
    for section in ("tugas", "cocok", "tidak_cocok"):
        parts += [heading(SECTION_TITLES[section]), quote_block(role.section(section)), Text()]
    parts.append(heading(SECTION_TITLES["miskonsepsi"]))
    for myth in role.misconceptions:
        parts.append(Padding(_misconception(myth.myth, myth.reality), (0, 0, 1, 2)))
    parts.append(heading(SECTION_TITLES["perbedaan"]))
    for diff in role.differences:
        name = mid_sentence(catalog.profession(diff.profession).name)
        parts += [Padding(Text(f"Dibandingkan dengan {name}:", style="bold"), (0, 0, 0, 2))]
        parts += [quote_block(diff.quotes, indent=4), Text()]
    parts.append(Text(QUOTE_NOTE, style="dim"))
    return Group(*parts)


def _misconception(myth: Quote, reality: tuple[Quote, ...]) -> Group:
    return Group(
        Text(f"✗ {MYTH_LABEL}", style="bold red"),
        quote_block([myth]),
        Text(f"✓ {REALITY_LABEL}", style="bold green"),
        quote_block(reality),
    )
