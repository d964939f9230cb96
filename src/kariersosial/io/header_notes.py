"""What `score` read from the header row, told back: as short lines for stderr, or as data.

A counsellor exporting a Google Form cannot see how each long question title was read, so
the notes say which column became which statement (by its id or by its text), which repeated
title was used, and which columns were left out. Pure: the CLI prints, the JSON output embeds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kariersosial.io.batch import Responses

SHOWN = 6  # columns named per note line; the rest are counted


def layout_data(responses: Responses) -> dict[str, Any]:
    """Every column and what it was read as (the `columns` object of `score --format json`)."""
    layout = responses.layout
    header = _titles(responses)

    def column(index: int | None) -> dict[str, Any] | None:
        return None if index is None else {"column": index + 1, "title": header.get(index, "")}

    return {
        "respondent_name": column(layout.name_column),
        "timestamp": column(layout.timestamp_column),
        "email": [column(i) for i in layout.email_columns],
        "statements": [
            {"column": c + 1, "title": title, "id": qid, "by": "id" if how == "id" else "text"}
            for c, title, qid, how in layout.recognised
        ],
        "repeated": [
            {
                "id": dict(layout.statements)[first],
                "used": first + 1,
                "when_empty": [c + 1 for c in more],
            }
            for first, more in layout.repeats.items()
        ],
        "ignored": list(layout.ignored),
        "missing": list(responses.missing),
    }


def _titles(responses: Responses) -> dict[int, str]:
    return dict(enumerate(responses.layout.titles))


def recognition_lines(responses: Responses) -> list[str]:
    """A few lines: how the statements were found, the name, the time and email, repeats."""
    layout = responses.layout
    header = _titles(responses)
    by_text = [(c, qid) for c, _, qid, how in layout.recognised if how != "id"]
    count = len(layout.recognised)
    how = f"{count - len(by_text)} dari ID-nya, {len(by_text)} dari teksnya" if by_text else ""
    lines = [f"Kolom pernyataan dikenali: {count}" + (f" ({how})." if how else ".")]
    if by_text:
        shown = ", ".join(f"kolom {c + 1} = {qid}" for c, qid in by_text[:SHOWN])
        more = f", … ({len(by_text) - SHOWN} lagi)" if len(by_text) > SHOWN else ""
        lines.append(f"Dikenali dari teks pernyataannya: {shown}{more}.")
    known = []
    if layout.name_column is not None:
        known.append(f"nama = kolom {layout.name_column + 1} ({header.get(layout.name_column)})")
    if layout.timestamp_column is not None:
        stamp = layout.timestamp_column
        known.append(f"waktu isi = kolom {stamp + 1} ({header.get(stamp)})")
    if layout.email_columns:
        known.append("email = kolom " + ", ".join(str(c + 1) for c in layout.email_columns))
    if layout.timestamp_column is not None or layout.email_columns:
        lines.append("Kolom formulir: " + "; ".join(known) + ". Email tidak pernah ditulis.")
    statement_of = dict(layout.statements)
    for first, again in layout.repeats.items():
        others = ", ".join(str(c + 1) for c in again)
        lines.append(
            f"Judul kolom {first + 1} ({statement_of[first]}) muncul lagi di kolom {others}: "
            f"dipakai kolom {first + 1}; bila kosong, kolom {others}."
        )
    return lines
