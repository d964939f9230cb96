"""Write scored respondents as they come: CSV or JSON results, and a summary of counters.

`score_responses` drains a `batch.Responses` into one of the writers; nothing is held per row,
so the output side runs in the same memory for a million rows as for ten.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from kariersosial.core.models import Catalog
from kariersosial.io.batch import Problem, Respondent, Responses
from kariersosial.io.escaping import spreadsheet_cell

Format = Literal["csv", "json"]
LISTED_PROBLEMS = 20  # problems kept for the report; the rest are only counted
CAUTION_LABELS = {
    "straight_lining": "jawaban hampir sama semua",
    "agrees_with_all": "setuju dengan hampir semua",
    "many_skips": "banyak yang dilewati",
    "contradiction": "ada jawaban yang bertentangan",
}
YES_NO = {True: "ya", False: "tidak"}


class Sink(Protocol):
    def write(self, text: str, /) -> object: ...


@dataclass
class Summary:
    """Counters only, so that the summary of a million rows is as small as that of ten."""

    roles: tuple[tuple[str, str], ...]  # (id, name) in catalogue order
    scored: int = 0
    skipped: int = 0
    nothing_fits: int = 0
    not_decisive: int = 0
    not_utf8: int = 0  # rows whose name had bytes that are not UTF-8 (shown as �)
    first: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)  # the first LISTED_PROBLEMS

    def add(self, item: Respondent | Problem) -> None:
        if item.name and "\ufffd" in item.name:
            self.not_utf8 += 1
        if isinstance(item, Problem):
            self.skipped += 1
            if len(self.problems) < LISTED_PROBLEMS:
                self.problems.append(item)
            return
        self.scored += 1
        # Three kinds that add up to `scored`: nothing fits well, a top role that is clear,
        # or one that is not (counted under its role and in `not_decisive`).
        if item.ranking.nothing_fits:
            self.nothing_fits += 1
            return
        self.first[item.ranking.fits[0][0].id] += 1
        self.not_decisive += not item.ranking.decisive

    @property
    def unlisted(self) -> int:
        return self.skipped - len(self.problems)

    def as_dict(self) -> dict[str, object]:
        return {
            "scored": self.scored,
            "skipped": self.skipped,
            "roles": [
                {
                    "id": rid,
                    "name": name,
                    "first": self.first[rid],
                    "share": round(self.first[rid] / self.scored, 4) if self.scored else 0.0,
                }
                for rid, name in self.roles
            ],
            "nothing_fits_count": self.nothing_fits,
            "not_decisive_count": self.not_decisive,
            "problems": [{"line": p.line, "reason": p.reason} for p in self.problems],
            "problems_not_listed": self.unlisted,
        }


class CsvResults:
    """One row per respondent: line, name, top role, ranking, each role's fit (0-100), flags.

    Every cell goes through `escaping.spreadsheet_cell`, so no text cell (a name, a role name from a
    counsellor's own catalogue) can run as a formula; `delimiter` is ";" for Excel in
    Indonesian, whose list separator is the semicolon.
    """

    def __init__(self, out: Sink, catalog: Catalog, delimiter: str = ",") -> None:
        self.roles = [r.id for r in catalog.roles]
        self.writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")

    def _row(self, cells: list[object]) -> None:
        self.writer.writerow([spreadsheet_cell(c) for c in cells])

    def start(self) -> None:
        self._row(
            [
                "baris",
                "nama",
                "peran_teratas",
                "nama_peran_teratas",
                "peringkat",
                *self.roles,
                "tegas",
                "tidak_ada_yang_cocok",
                "catatan",
                "dijawab",
                "dilewati",
            ]
        )

    def add(self, person: Respondent) -> None:
        r = person.ranking
        top = r.fits[0][0]
        fits = {role.id: value for role, value in r.fits}
        self._row(
            [
                person.line,
                person.name or "",
                top.id,
                top.name,
                " > ".join(role.id for role, _ in r.fits),
                *(round(fits[rid]) for rid in self.roles),
                YES_NO[r.decisive],
                YES_NO[r.nothing_fits],
                "; ".join(CAUTION_LABELS.get(c.kind, c.kind) for c in r.cautions),
                r.answered,
                r.skipped,
            ]
        )

    def finish(self, summary: Summary) -> None:
        """The summary is not part of a CSV (another shape of row); the CLI shows it."""


class JsonResults:
    """`{"catalog_version", "respondents": [...], "totals": {...}}`, one respondent a line.

    Written piece by piece: the array is opened, each respondent appended as it is scored,
    and the summary closes the object, so no list of results is ever held.
    """

    def __init__(self, out: Sink, catalog: Catalog, columns: object = None) -> None:
        from kariersosial.io.terminal import unicode_stream

        self.out = out
        # \u escapes on a stream that cannot encode every name: still JSON, nothing replaced
        self.ascii_only = not unicode_stream(out)
        self.version = catalog.version
        self.columns = columns  # which column was read as what (header_notes.layout_data)
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{\n  "catalog_version": {json.dumps(self.version)},\n')
        if self.columns is not None:
            self.out.write(f'  "columns": {self._dumps(self.columns)},\n')
        self.out.write('  "respondents": [')

    def add(self, person: Respondent) -> None:
        from kariersosial.words.messages import caution_text, fit_label

        r = person.ranking
        ranking = [
            {
                "rank": rank,
                "role": {"id": role.id, "name": role.name},
                "fit": fit,
                "label": fit_label(fit),
            }
            for rank, (role, fit) in enumerate(r.fits, start=1)
        ]
        item = {
            "line": person.line,
            "name": person.name,
            "top": {k: v for k, v in ranking[0].items() if k != "rank"} if ranking else None,
            "ranking": ranking,
            "decisive": r.decisive,
            "nothing_fits": r.nothing_fits,
            "cautions": [{"kind": c.kind, "message": caution_text(c)} for c in r.cautions],
            "answered": r.answered,
            "skipped": r.skipped,
        }
        self.out.write(("\n    " if self.count == 0 else ",\n    ") + self._dumps(item))
        self.count += 1

    def finish(self, summary: Summary) -> None:
        self.out.write("\n  ],\n" if self.count else "],\n")
        self.out.write(f'  "totals": {self._dumps(summary.as_dict())}\n}}\n')

    def _dumps(self, value: object) -> str:
        return json.dumps(value, ensure_ascii=self.ascii_only)


def score_responses(
    responses: Responses,
    out: Sink,
    fmt: Format = "csv",
    *,
    items: Iterable[Respondent | Problem] | None = None,
    delimiter: str = ",",
) -> Summary:
    """Score every row of `responses` into `out`, one result at a time; the summary at the end.

    `items` replaces the rows as they come (names left out, a report fed on the way).
    """
    catalog = responses.catalog
    writer: CsvResults | JsonResults
    if fmt == "csv":
        writer = CsvResults(out, catalog, delimiter)
    else:
        from kariersosial.io.header_notes import layout_data

        writer = JsonResults(out, catalog, layout_data(responses))
    summary = Summary(tuple((r.id, r.name) for r in catalog.roles))
    writer.start()
    for item in responses if items is None else items:
        if isinstance(item, Respondent):
            writer.add(item)
        summary.add(item)
    writer.finish(summary)
    return summary
