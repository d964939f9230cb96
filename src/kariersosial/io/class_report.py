"""`score --report`: one HTML file for the whole class, built while the rows stream by.

The overview needs the totals, which are known only after the last row; so each student's
table row, group entry and page is written to a temporary spool file as the student is
scored, and the file is assembled at the end: overview, then the spools in order. Nothing
per student stays in memory, so a class of any size builds in the same memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from kariersosial.io import class_report_html as page
from kariersosial.io.batch import Problem, Respondent, Responses
from kariersosial.io.batch_output import Sink, Summary
from kariersosial.io.class_groups import NOTHING_FITS, NOTHING_FITS_NAME, ClassTotals, student
from kariersosial.io.forms_header import timestamp_iso
from kariersosial.io.report import from_result
from kariersosial.io.report_html import page as html_page
from kariersosial.words.texts import DISCLAIMER

CHUNK = 1 << 16


class Spools:
    """Temporary files by name, opened when first written; all deleted when closed."""

    def __init__(self) -> None:
        self.files: dict[str, IO[str]] = {}
        self.counts: dict[str, int] = {}

    def write(self, key: str, text: str) -> None:
        spool = self.files.get(key)
        if spool is None:
            # closed in close(), whatever happens: the CLI calls it in a finally
            spool = self.files[key] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        spool.write(text + "\n")
        self.counts[key] = self.counts.get(key, 0) + 1

    def copy(self, key: str, out: Sink) -> None:
        spool = self.files.get(key)
        if spool is None:
            return
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            out.write(chunk)

    def close(self) -> None:
        for spool in self.files.values():
            spool.close()
        self.files.clear()


class ClassReport:
    """Feed it the rows (`feed`), then `write` the whole report once the summary is known."""

    def __init__(self, responses: Responses, source: str, created: str, anonymous: bool) -> None:
        self.responses = responses
        self.catalog = responses.catalog
        self.source = source
        self.created = created
        self.anonymous = anonymous
        self.mode = "quick" if responses.missing else "full"
        self.totals = ClassTotals()
        self.spools = Spools()
        self.pair_names: dict[tuple[str, str], tuple[str, str]] = {}
        self.order = {role.id: i for i, role in enumerate(self.catalog.roles)}

    def feed(self, items: Iterable[Respondent | Problem]) -> Iterator[Respondent | Problem]:
        """The same rows, each added to the report on the way through."""
        for number, item in enumerate(items, start=1):
            if isinstance(item, Respondent):
                self.add(number, item)
            yield item

    def add(self, number: int, person: Respondent) -> None:
        from kariersosial.io.serialize import result

        cat = self.catalog
        answers = {q.id: person.answers[q.id] for q in cat.questions if q.id in person.answers}
        scored = self.responses.scorer.score(answers)
        res = result(cat, scored, answers, self.mode)
        self.totals.add(res)
        s = student(number, person.line, person.name or f"Baris {person.line}", res)
        created = (timestamp_iso(person.submitted) if person.submitted else None) or self.created
        rep = from_result(cat, scored, answers, self.mode, created)
        self.spools.write(f"table:{s.group}", page.table_row(s))
        self.spools.write(f"group:{s.group}", page.name_item(s))
        if s.pair is not None:
            a, b = sorted(s.pair, key=self.order.__getitem__)  # the catalogue's order
            names = {s.top[0]: s.top[1]}
            if s.second:
                names[s.second[0]] = s.second[1]
            self.pair_names[(a, b)] = (names[a], names[b])
            self.spools.write(f"pair:{a}|{b}", page.name_item(s))
        self.spools.write("pages", page.student_page(s, rep))

    def write(self, out: Sink, summary: Summary) -> None:
        groups = [(rid, name) for rid, name in summary.roles]
        groups.append((NOTHING_FITS, NOTHING_FITS_NAME))
        counts = {**summary.first, NOTHING_FITS: summary.nothing_fits}
        overview = page.Overview(
            self.source,
            self.created,
            self.catalog.version,
            summary.scored,
            summary.skipped,
            [(rid, name, summary.first[rid]) for rid, name in summary.roles],
            summary.nothing_fits,
            summary.not_decisive,
            self.totals,
            self.anonymous,
            [(p.line, p.reason) for p in summary.problems],
            summary.unlisted,
        )
        head, tail = html_page(page.TITLE, ["\0"], page.CSS).split("\0")
        out.write(head)
        out.write("\n".join(page.overview(overview)) + "\n")
        out.write("\n".join(page.TABLE_HEAD) + "\n")
        for key, name in groups:
            if counts.get(key):
                out.write(page.group_row(name, counts[key]) + "\n")
                self.spools.copy(f"table:{key}", out)
        out.write("\n".join(page.TABLE_END) + "\n")
        out.write("\n".join(page.GROUPS_HEAD) + "\n")
        for key, name in groups:
            if counts.get(key):
                self._names(out, page.group_heading(name, counts[key]), f"group:{key}")
        pairs = sorted(self.pair_names.items(), key=lambda p: [self.order[r] for r in p[0]])
        for (a, b), (first, second) in pairs:
            key = f"pair:{a}|{b}"
            self._names(out, page.pair_heading(first, second, self.spools.counts[key]), key)
        out.write(f'<p class="disclaimer">{page.e(DISCLAIMER)}</p>\n')
        self.spools.copy("pages", out)
        out.write(tail)

    def _names(self, out: Sink, heading: str, key: str) -> None:
        out.write(heading + '\n<ul class="names">\n')
        self.spools.copy(key, out)
        out.write("</ul>\n")

    def close(self) -> None:
        self.spools.close()
