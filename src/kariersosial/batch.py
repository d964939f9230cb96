"""Score a whole class at once: a responses CSV in, one result per respondent out.

Everything streams. `Responses` reads the header, then yields one scored respondent (or one
problem) per row as the rows are read; the writers write each result as it comes, and
`Summary` keeps only counters and the first few problems. A file of a million rows therefore
runs in the same memory as a file of ten. No typer or rich here: the CLI draws the summary.

The responses file is what a counsellor gets from a spreadsheet or a form:

* a header row; the respondent's name is the column called `nama`, `name` or `id` (or one
  starting with "nama", e.g. "Nama lengkap"), else the first column;
* one column per statement, titled with its id (`p01`), or starting with its id
  (`p01 Saya senang …`, as `kariersosial form --format csv` writes), or a Google Forms grid
  row (`Seberapa setuju kamu? [p01 Saya senang …]`); other columns (a timestamp, the class)
  are ignored;
* answers as 1–5 or the Indonesian labels ("Setuju", case-insensitive); empty = skipped;
* separated by commas, semicolons (Excel with Indonesian regional settings) or tabs: the
  header decides.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Literal, Protocol

from kariersosial.answers import parse_answer
from kariersosial.errors import UsageError
from kariersosial.models import Catalog
from kariersosial.scoring import MIN_ANSWERED, Ranking, Scorer

Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")
DELIMITERS = (",", ";", "\t")
LISTED_PROBLEMS = 20  # problems kept for the report; the rest are only counted
SHOWN_BAD_VALUES = 3  # invalid answers quoted per row
HEADER_LINES = 50  # a header row spans at most this many lines (titles with line breaks)
ANSWER_CACHE = 1024  # distinct cell texts remembered (answers repeat: "4", "Setuju", "")
# Cells a spreadsheet would run as a formula; a leading apostrophe keeps them text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CAUTION_LABELS = {
    "straight_lining": "jawaban hampir sama semua",
    "many_skips": "banyak yang dilewati",
    "contradiction": "ada jawaban yang bertentangan",
}
YES_NO = {True: "ya", False: "tidak"}


class Sink(Protocol):
    def write(self, text: str, /) -> object: ...


@dataclass(frozen=True, slots=True)
class Layout:
    """What the header row says: where the name is and which column holds which statement."""

    width: int
    name_column: int | None
    statements: tuple[tuple[int, str], ...]  # (column index, statement id), in header order
    ignored: tuple[str, ...]  # the other columns' titles, as written
    delimiter: str


@dataclass(frozen=True, slots=True)
class Respondent:
    line: int  # where the row starts in the file (the header is line 1)
    name: str | None
    ranking: Ranking


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    name: str | None
    reason: str


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
        self.first[item.ranking.fits[0][0].id] += 1
        self.nothing_fits += item.ranking.nothing_fits
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
            "nothing_fits": self.nothing_fits,
            "not_decisive": self.not_decisive,
            "problems": [{"line": p.line, "reason": p.reason} for p in self.problems],
            "problems_not_listed": self.unlisted,
        }


def statement_id(title: str, ids: Mapping[str, str]) -> str | None:
    """The statement a column title names, or None. `ids` maps casefolded ids to ids."""
    text = title.strip().lstrip("\ufeff")
    candidates = [text]
    grid = re.search(r"\[([^\]]*)\]\s*$", text)  # Google Forms grid: "Judul [baris]"
    if grid:
        candidates.insert(0, grid.group(1))
    for candidate in candidates:
        token = re.match(r"[\w-]+", candidate.strip().casefold())
        if token and token.group() in ids:
            return ids[token.group()]
    return None


def header_hint(catalog: Catalog) -> str:
    first = [q.id for q in catalog.questions[:2]]
    example = catalog.questions[0].text.split()[:3] if catalog.questions else []
    return (
        "Baris pertama harus berisi kolom nama (berjudul nama, name, atau id) lalu satu kolom "
        f"per pernyataan, berjudul ID-nya ({', '.join(first)}, …) atau diawali ID-nya (misalnya "
        f"'{first[0] if first else 'p01'} {' '.join(example)} …'). Buat templatnya dengan "
        "`kariersosial form --format csv`."
    )


def read_layout(header: list[str], delimiter: str, catalog: Catalog, source: str) -> Layout:
    ids = {q.id.casefold(): q.id for q in catalog.questions}
    statements: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for column, title in enumerate(header):
        qid = statement_id(title, ids)
        if qid is None:
            continue
        if qid in seen:
            raise UsageError(
                f"Baris judul {source}: pernyataan {qid} punya lebih dari satu kolom "
                f"(kolom {seen[qid] + 1} dan {column + 1}).",
                "Hapus atau ganti judul salah satunya; tiap pernyataan cukup satu kolom.",
            )
        seen[qid] = column
        statements.append((column, qid))
    if not statements:
        titles = ", ".join(t.strip() for t in header if t.strip())[:200]
        found = f" Judul kolom yang ada: {titles}." if titles else ""
        raise UsageError(
            f"Baris judul {source} tidak punya kolom pernyataan.{found}", header_hint(catalog)
        )
    name_column = _name_column(header, set(seen.values()))
    ignored = tuple(
        t.strip() or f"kolom {i + 1}"
        for i, t in enumerate(header)
        if i != name_column and i not in seen.values()
    )
    return Layout(len(header), name_column, tuple(statements), ignored, delimiter)


def _name_column(header: list[str], statement_columns: set[int]) -> int | None:
    """`nama`, `name`, a title starting with "nama", `id`, in that order; else the first."""
    titles = [t.strip().lstrip("\ufeff").casefold() for t in header]
    wanted: list[Callable[[str], bool]] = [
        lambda t: t == "nama",
        lambda t: t == "name",
        lambda t: re.match(r"nama\b", t) is not None,
        lambda t: t == "id",
    ]
    for matches in wanted:
        for i, title in enumerate(titles):
            if matches(title) and i not in statement_columns:
                return i
    return None if 0 in statement_columns else 0


class Responses:
    """A responses CSV after its header row; iterate for each row's result, read as you go.

    `lines` is any iterable of text lines (an open file, stdin, a generator); the header is
    read here, so a file that cannot be scored at all fails before any output is written.
    """

    def __init__(self, catalog: Catalog, lines: Iterable[str], source: str) -> None:
        self.catalog = catalog
        self.source = source
        lines = iter(lines)
        header_text = _first_record(lines)
        if not header_text.strip():
            raise UsageError(
                f"Berkas {source} kosong: tidak ada baris judul maupun jawaban.",
                header_hint(catalog),
            )
        delimiter = _delimiter(header_text, catalog)
        self.reader = csv.reader(chain([header_text], lines), delimiter=delimiter)
        try:
            header = next(self.reader)
        except csv.Error:  # an opening quote never closed swallows the file into one title
            raise UsageError(
                f'Baris judul {source} tidak bisa dibaca: ada tanda kutip (") yang tidak ditutup.',
                header_hint(catalog),
            ) from None
        self.layout = read_layout(header, delimiter, catalog, source)
        self.scorer = Scorer(catalog)
        self._answers: dict[str, tuple[int | None, bool]] = {}

    @property
    def missing(self) -> tuple[str, ...]:
        """Statements of the catalogue that have no column (they count as not asked)."""
        present = {qid for _, qid in self.layout.statements}
        return tuple(q.id for q in self.catalog.questions if q.id not in present)

    def _parse(self, cell: str) -> tuple[int | None, bool]:
        found = self._answers.get(cell)
        if found is None:
            found = parse_answer(cell)
            if len(self._answers) < ANSWER_CACHE:
                self._answers[cell] = found
        return found

    def __iter__(self) -> Iterator[Respondent | Problem]:
        layout, reader, rank, parse = self.layout, self.reader, self.scorer.rank, self._parse
        known = self._answers  # most cells are found here; `parse` only for new texts
        last = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # e.g. a field over the csv module's size limit
                line, last = last + 1, reader.line_num
                yield Problem(line, None, _csv_problem(exc))
                continue
            line, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines and the empty rows spreadsheets add at the end
            name = None
            if layout.name_column is not None and layout.name_column < len(row):
                name = row[layout.name_column].strip() or None
            if len(row) != layout.width:
                yield Problem(
                    line,
                    name,
                    f"ada {len(row)} kolom, padahal baris judul punya {layout.width} kolom",
                )
                continue
            answers: dict[str, int | None] = {}
            bad: list[str] = []
            for column, qid in layout.statements:
                value, ok = known.get(row[column]) or parse(row[column])
                if ok:
                    answers[qid] = value
                else:
                    bad.append(f"{qid} {_show(row[column])}")
            if bad:
                listed = ", ".join(bad[:SHOWN_BAD_VALUES])
                more = (
                    f" dan {len(bad) - SHOWN_BAD_VALUES} lagi"
                    if len(bad) > SHOWN_BAD_VALUES
                    else ""
                )
                yield Problem(
                    line,
                    name,
                    f"jawaban tidak sah: {listed}{more} (pakai 1-5 atau label seperti 'Setuju')",
                )
                continue
            ranking = rank(answers)
            if ranking.status != "ok":
                reason = (
                    "tidak ada jawaban yang bisa dinilai (semua kosong)"
                    if ranking.answered == 0
                    else f"jawaban terlalu sedikit: {ranking.answered}, minimal {MIN_ANSWERED}"
                )
                yield Problem(line, name, reason)
                continue
            yield Respondent(line, name, ranking)


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"ada sel yang terlalu panjang (lebih dari {csv.field_size_limit()} karakter)"
    return f"baris tidak bisa dibaca sebagai CSV ({exc})"


def _show(cell: str) -> str:
    text = " ".join(cell.split())
    return repr(text if len(text) <= 20 else text[:19] + "…")


def _first_record(lines: Iterator[str]) -> str:
    """The header row's text: one line, or more when a quoted title spans lines."""
    text = ""
    for count, line in enumerate(lines, start=1):
        text += line
        if text.count('"') % 2 == 0 or count == HEADER_LINES:
            break
    return text


def _delimiter(header_text: str, catalog: Catalog) -> str:
    """The separator that makes the most statement columns out of the header (',' on ties)."""
    ids = {q.id.casefold(): q.id for q in catalog.questions}

    def columns(delimiter: str) -> int:
        try:
            rows = csv.reader(header_text.splitlines(keepends=True), delimiter=delimiter)
            return sum(statement_id(c, ids) is not None for c in next(rows, []))
        except csv.Error:
            return 0

    return max(DELIMITERS, key=columns)  # max keeps the first of equals


class CsvResults:
    """One row per respondent: line, name, top role, ranking, each role's fit (0-100), flags."""

    def __init__(self, out: Sink, catalog: Catalog) -> None:
        self.roles = [r.id for r in catalog.roles]
        self.writer = csv.writer(out, lineterminator="\n")

    def start(self) -> None:
        self.writer.writerow(
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
        name = person.name or ""
        if name.startswith(FORMULA_START):
            name = "'" + name
        self.writer.writerow(
            [
                person.line,
                name,
                top.id,
                top.name,
                " > ".join(role.id for role, _ in r.fits),
                *(f"{fits[rid]:.0f}" for rid in self.roles),
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
    """`{"catalog_version", "respondents": [...], "summary": {...}}`, one respondent a line.

    Written piece by piece: the array is opened, each respondent appended as it is scored,
    and the summary closes the object, so no list of results is ever held.
    """

    def __init__(self, out: Sink, catalog: Catalog) -> None:
        self.out = out
        self.version = catalog.version
        self.roles = [r.id for r in catalog.roles]
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{\n  "catalog_version": {json.dumps(self.version)},\n')
        self.out.write('  "respondents": [')

    def add(self, person: Respondent) -> None:
        r = person.ranking
        top = r.fits[0][0]
        fits = {role.id: round(value, 1) for role, value in r.fits}
        item = {
            "line": person.line,
            "name": person.name,
            "top": {"id": top.id, "name": top.name},
            "ranking": [role.id for role, _ in r.fits],
            "fits": {rid: fits[rid] for rid in self.roles},
            "decisive": r.decisive,
            "nothing_fits": r.nothing_fits,
            "cautions": [c.kind for c in r.cautions],
            "answered": r.answered,
            "skipped": r.skipped,
        }
        self.out.write(("\n    " if self.count == 0 else ",\n    ") + _dumps(item))
        self.count += 1

    def finish(self, summary: Summary) -> None:
        self.out.write("\n  ],\n" if self.count else "],\n")
        self.out.write(f'  "summary": {_dumps(summary.as_dict())}\n}}\n')


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def score_responses(responses: Responses, out: Sink, fmt: Format = "csv") -> Summary:
    """Score every row of `responses` into `out`, one result at a time; the summary at the end."""
    catalog = responses.catalog
    writer = CsvResults(out, catalog) if fmt == "csv" else JsonResults(out, catalog)
    summary = Summary(tuple((r.id, r.name) for r in catalog.roles))
    writer.start()
    for item in responses:
        if isinstance(item, Respondent):
            writer.add(item)
        summary.add(item)
    writer.finish(summary)
    return summary
