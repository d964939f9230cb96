"""Score a whole class at once: a responses CSV in, one result per respondent out.

This module reads; `batch_output` writes. Everything streams: `Responses` reads the header,
then yields one scored respondent (or one problem) per row as the rows are read; the writers
write each result as it comes, and `Summary` keeps only counters and the first few problems.
A file of a million rows therefore runs in the same memory as a file of ten. No typer or rich
here: the CLI draws the summary.

The responses file is what a counsellor gets from a spreadsheet or a form:

* a header row; the respondent's name is the column called `nama`, `name` or `id` (or one
  starting with "nama", e.g. "Nama lengkap"), else the first column;
* one column per statement, titled with its id (`p01`), or starting with its id
  (`p01 Saya senang …`, as `kariersosial form --format csv` writes), or with the statement's
  text, or a Google Forms grid row (`Seberapa setuju kamu? [Saya senang …]`): see
  `forms_header`; a title repeated word for word is one statement (the first column, the
  next where it is empty); other columns (the timestamp, an email, the class) are ignored;
* answers as 1–5 or the Indonesian labels ("Setuju", case-insensitive); empty = skipped;
* separated by commas, semicolons (Excel with Indonesian regional settings) or tabs: the
  header decides.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

from kariersosial.core.errors import Fact, UsageError
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import MIN_ANSWERED, Ranking, Scorer
from kariersosial.io.answers import parse_answer
from kariersosial.io.forms_header import Statements, is_email, is_timestamp, match, statements

DELIMITERS = (",", ";", "\t")
SHOWN_BAD_VALUES = 3  # invalid answers quoted per row
HEADER_LINES = 50  # a header row spans at most this many lines (titles with line breaks)
ANSWER_CACHE = 1024  # distinct cell texts remembered (answers repeat: "4", "Setuju", "")


@dataclass(frozen=True, slots=True)
class Layout:
    """What the header row says: where the name is and which column holds which statement."""

    width: int
    name_column: int | None
    statements: tuple[tuple[int, str], ...]  # (column index, statement id), in header order
    ignored: tuple[str, ...]  # the other columns' titles, as written
    delimiter: str
    # how each statement column was recognised: (column, title, statement id, "id" or "teks")
    recognised: tuple[tuple[int, str, str, str], ...] = ()
    repeats: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # same title again
    timestamp_column: int | None = None
    email_columns: tuple[int, ...] = ()
    titles: tuple[str, ...] = ()  # every column's title, stripped


@dataclass(frozen=True, slots=True)
class Respondent:
    line: int  # where the row starts in the file (the header is line 1)
    name: str | None
    ranking: Ranking
    answers: Mapping[str, int | None] = field(default_factory=dict)  # in header order
    submitted: str | None = None  # the form's timestamp cell, as written


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    name: str | None
    reason: str


def statement_id(title: str, ids: Mapping[str, str]) -> str | None:
    """The statement a column title names by its id, or None. `ids`: casefolded id -> id."""
    found = match(title, Statements(ids, {}))
    return found[0] if found else None


def header_facts(catalog: Catalog) -> dict[str, Fact]:
    """What the hint about a header row needs: the first ids, and how the first text starts."""
    first = tuple(q.id for q in catalog.questions[:2])
    example = catalog.questions[0].text.split()[:3] if catalog.questions else []
    return {"first_ids": first, "example": " ".join(example)}


def read_layout(header: list[str], delimiter: str, catalog: Catalog, source: str) -> Layout:
    known = statements(catalog)
    found: list[tuple[int, str]] = []
    recognised: list[tuple[int, str, str, str]] = []
    seen: dict[str, int] = {}
    repeats: dict[int, tuple[int, ...]] = {}
    for column, title in enumerate(header):
        hit = match(title, known)
        if hit is None:
            continue
        qid, how = hit
        if qid in seen:
            first = seen[qid]
            if title.strip() == header[first].strip():  # Forms repeats a duplicated question
                repeats[first] = (*repeats.get(first, ()), column)
                continue
            raise UsageError(
                "statement_column_twice", source=source, qid=qid, first=first + 1, again=column + 1
            )
        seen[qid] = column
        found.append((column, qid))
        recognised.append((column, title.strip(), qid, how))
    if not found:
        titles = ", ".join(t.strip() for t in header if t.strip())[:200]
        raise UsageError(
            "no_statement_columns", source=source, titles=titles, **header_facts(catalog)
        )
    stamp = next((i for i, t in enumerate(header) if is_timestamp(t)), None)
    emails = tuple(i for i, t in enumerate(header) if is_email(t))
    used = set(seen.values()) | {c for more in repeats.values() for c in more}
    never_names = used | set(emails) | ({stamp} if stamp is not None else set())
    name_column = _name_column(header, never_names)
    ignored = tuple(
        t.strip() or f"kolom {i + 1}"
        for i, t in enumerate(header)
        if i != name_column and i not in used and i != stamp  # the stamp dates each page
    )
    return Layout(
        len(header),
        name_column,
        tuple(found),
        ignored,
        delimiter,
        tuple(recognised),
        repeats,
        stamp,
        emails,
        tuple(t.strip().lstrip("\ufeff") for t in header),
    )


def _name_column(header: list[str], statement_columns: set[int]) -> int | None:
    """`nama`, `name`, a title starting with "nama", `id`, in that order; else the first
    (unless it is a statement, the timestamp or an email: those never name anyone)."""
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
            raise UsageError("responses_empty", source=source, **header_facts(catalog))
        delimiter = _delimiter(header_text, catalog)
        self.reader = csv.reader(chain([header_text], lines), delimiter=delimiter)
        try:
            header = next(self.reader)
        except csv.Error:  # an opening quote never closed swallows the file into one title
            raise UsageError(
                "header_unclosed_quote", source=source, **header_facts(catalog)
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
        repeats, stamp = layout.repeats, layout.timestamp_column
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
                cell = row[column]
                if repeats and column in repeats and not cell.strip():
                    cell = next((row[c] for c in repeats[column] if row[c].strip()), cell)
                value, ok = known.get(cell) or parse(cell)
                if ok:
                    answers[qid] = value
                else:
                    bad.append(f"{qid} {_show(cell)}")
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
            submitted = row[stamp].strip() or None if stamp is not None else None
            yield Respondent(line, name, ranking, answers, submitted)


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
    known = statements(catalog)

    def columns(delimiter: str) -> int:
        try:
            rows = csv.reader(header_text.splitlines(keepends=True), delimiter=delimiter)
            return sum(match(c, known) is not None for c in next(rows, []))
        except csv.Error:
            return 0

    return max(DELIMITERS, key=columns)  # max keeps the first of equals
