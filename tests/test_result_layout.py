"""What a person reads, rendered at real widths: the review table and the result screen."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from kariersosial.answers import SCALE_LABELS
from kariersosial.models import Catalog
from kariersosial.render import answers_table


def rendered(thing: object, width: int) -> str:
    console = Console(width=width, record=True, no_color=True, file=io.StringIO())
    console.print(thing)
    return console.export_text()


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_the_review_table_shows_every_statement_whole_at_any_width(
    catalog: Catalog, width: int
) -> None:
    asked = [q.id for q in catalog.questions]
    answers: dict[str, int | None] = {
        qid: (None if n % 7 == 0 else n % 5 + 1) for n, qid in enumerate(asked)
    }
    screen = rendered(answers_table(catalog, asked, answers), width)

    lines = screen.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in screen, "a statement or an answer was cut short"
    header = next(line for line in lines if "Pernyataan" in line)
    start, end = header.index("Pernyataan"), header.index("Jawaban")
    rows: list[str] = []
    for line in lines[lines.index(header) + 2 :]:
        if "STS =" in line:
            break  # the legend under the table
        if line[:start].strip().isdigit():
            rows.append("")
        if rows and line.strip():
            rows[-1] += " " + line[start:end]
    assert [" ".join(row.split()) for row in rows] == [
        " ".join(catalog.question(qid).text.split()) for qid in asked
    ]


def test_narrow_reviews_abbreviate_the_answers_and_explain_the_abbreviations(
    catalog: Catalog,
) -> None:
    asked = [q.id for q in catalog.questions[:5]]
    answers: dict[str, int | None] = dict(zip(asked, [1, 2, 3, 4, 5], strict=True))
    narrow = rendered(answers_table(catalog, asked, answers), 60)
    wide = rendered(answers_table(catalog, asked, answers), 120)

    assert "STS = sangat tidak setuju" in narrow and "SS = sangat setuju" in narrow
    for label in SCALE_LABELS.values():
        assert label in wide
    assert "STS =" not in wide
