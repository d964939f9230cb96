"""The pieces of the class report as HTML strings: overview, table rows, groups, student pages.

Pure functions of plain data; `class_report` streams them into one file. Every text is
html-escaped; the charts are `charts.bar_chart` with their text alternatives; each student's
page is the very report `kariersosial export` gives (`report_html.body_parts`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from kariersosial.io.charts import Bar, Line, bar_chart
from kariersosial.io.class_groups import NOTHING_FITS_NAME, ClassTotals, Student
from kariersosial.io.report import Report, date_text
from kariersosial.io.report_html import body_parts

TITLE = "Laporan kelas kariersosial"
CSS = """
section.student { break-before: page; page-break-before: always; }
/* about one printed page a student: the same report, set tighter */
@media print {
  section.student { font-size: 9pt; line-height: 1.3; }
  section.student h1 { font-size: 1.4em; }
  section.student h2 { margin: .6em 0 .25em; }
  section.student h4 { margin: .4em 0 .1em; }
  section.student .role { padding: .3em .7em; margin: .4em 0; }
  section.student th, section.student td { padding: .1em .4em; }
  section.student li { margin: .05em 0; }
  section.student .disclaimer { margin-top: .8em; }
}
.class-table td, .class-table th { font-size: .92em; }
.class-table tr.group th { background: #f1f1f1; border-bottom: 1px solid #888; }
.class-table tr.group th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
ul.counts { list-style: none; padding-left: 0; }
ul.names { padding-left: 0; margin: .2em 0 .9em; }
ul.names li { display: inline-block; margin: 0 1.2em .2em 0; }
.who { margin: 0 0 .6em; color: #444; }
""".strip()
ROLE_CHART = "Peran teratas tiap siswa (jumlah siswa)"
PROFILE_CHART = "Profil rata-rata kelas per dimensi minat (0–100, 50 = netral)"
e = html.escape


@dataclass(frozen=True)
class Overview:
    source: str
    created: str  # ISO time the report was made
    catalog_version: str
    scored: int
    skipped: int
    roles: Sequence[tuple[str, str, int]]  # (id, name, students whose top role it is)
    nothing_fits: int
    not_decisive: int
    totals: ClassTotals
    anonymous: bool
    problems: Sequence[tuple[int, str]]  # (line, reason) of the first rows not scored
    unlisted: int


def _share(count: int, total: int) -> str:
    return f"{100 * count / total:.0f}%" if total else "0%"


def _figure(chart: str, caption: str) -> list[str]:
    return ["<figure>", chart, f"<figcaption>{e(caption)}</figcaption>", "</figure>"]


def overview(o: Overview) -> list[str]:
    """Title, facts, the class at a glance and its average profile."""
    facts = [
        ("Berkas jawaban", o.source),
        ("Dibuat", date_text(o.created)),
        ("Dinilai", f"{o.scored} siswa"),
        ("Tidak dinilai", f"{o.skipped} baris"),
        ("Versi katalog peran", o.catalog_version),
    ]
    if o.anonymous:
        facts.append(("Nama", "tidak ditampilkan (--anonim): siswa disebut dengan nomor barisnya"))
    out = [f"<h1>{e(TITLE)}</h1>", '<dl class="facts">']
    out += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in facts]
    out += ["</dl>", "<h2>Kelas sekilas</h2>"]
    bars = [
        Bar(name, count, f"{count} siswa · {_share(count, o.scored)}") for _, name, count in o.roles
    ]
    bars.append(
        Bar(
            NOTHING_FITS_NAME,
            o.nothing_fits,
            f"{o.nothing_fits} siswa · {_share(o.nothing_fits, o.scored)}",
            "muted",
        )
    )
    summary = (
        "Jumlah siswa yang peran teratasnya tiap peran, dan yang belum cocok dengan peran mana pun"
    )
    out += _figure(
        bar_chart(ROLE_CHART, bars, scale=max([1, *(b.value for b in bars)]), summary=summary),
        f"{ROLE_CHART}. {summary}.",
    )
    out += [
        '<ul class="counts">',
        f"<li><strong>{o.nothing_fits}</strong> siswa: belum ada peran yang benar-benar cocok "
        "(semua angka kecocokan di bawah 50).</li>",
        f"<li><strong>{o.not_decisive}</strong> siswa: hasilnya belum tegas (dua peran teratas "
        "berselisih tipis); mereka ada di kelompok “belum tegas” di bawah.</li>",
        f"<li><strong>{o.totals.cautioned}</strong> siswa: ada catatan tentang jawabannya "
        "(hampir sama semua, banyak yang dilewati, atau saling bertentangan).</li>",
        "</ul>",
    ]
    if o.problems:
        out += [f"<h3>Baris yang tidak dinilai ({o.skipped})</h3>", "<ul>"]
        out += [f"<li>Baris {line}: {e(reason)}</li>" for line, reason in o.problems]
        if o.unlisted:
            out.append(f"<li>… dan {o.unlisted} baris lain</li>")
        out.append("</ul>")
    profile = o.totals.average_profile()
    if profile:
        summary = "Rata-rata minat siswa pada tiap dimensi minat, dari yang paling diminati"
        areas = [Bar(name, value, f"{value:.0f}") for name, value in profile]
        out += ["<h2>Profil rata-rata kelas</h2>"]
        out += _figure(
            bar_chart(PROFILE_CHART, areas, lines=(Line(50, "netral"),), summary=summary),
            f"{PROFILE_CHART}. {summary}.",
        )
    return out


TABLE_HEAD = [
    "<h2>Semua siswa, dikelompokkan menurut peran teratas</h2>",
    '<p class="small">Nama siswa menuju halamannya sendiri di bagian akhir laporan.</p>',
    '<table class="class-table">',
    '<thead><tr><th class="num">No.</th><th>Siswa</th><th>Peran teratas</th>'
    "<th>Peran kedua</th><th>Catatan</th></tr></thead>",
    "<tbody>",
]
TABLE_END = ["</tbody>", "</table>"]


def group_row(name: str, count: int) -> str:
    return f'<tr class="group"><th colspan="5">{e(name)} ({count} siswa)</th></tr>'


def table_row(s: Student) -> str:
    second = f"{e(s.second[1])} ({s.second[2]})" if s.second else "—"
    return (
        f'<tr><td class="num">{s.number}</td><td><a href="#{s.anchor}">{e(s.name)}</a></td>'
        f"<td>{e(s.top[1])} ({s.top[2]})</td><td>{second}</td>"
        f"<td>{e('; '.join(s.flags()))}</td></tr>"
    )


GROUPS_HEAD = [
    "<h2>Kelompok untuk bimbingan kelompok</h2>",
    '<p class="small">Siswa dengan peran teratas yang sama, lalu siswa yang hasilnya belum '
    "tegas di antara dua peran: bahas kedua peran itu bersama mereka "
    "(<code>kariersosial compare</code> membantu).</p>",
]


def group_heading(name: str, count: int) -> str:
    return f"<h3>{e(name)} ({count} siswa)</h3>"


def pair_heading(first: str, second: str, count: int) -> str:
    return f"<h3>Belum tegas antara {e(first)} dan {e(second)} ({count} siswa)</h3>"


def name_item(s: Student) -> str:
    """One name in a group's list; the lists are written a name at a time as rows stream by."""
    return f'<li><a href="#{s.anchor}">{e(s.name)}</a></li>'


def student_page(s: Student, report: Report) -> str:
    body = body_parts(report, heading=s.name, compact=True)
    who = f"Siswa nomor {s.number} · baris {s.line} di berkas jawaban"
    return "\n".join(
        [
            f'<section class="student" id="{s.anchor}">',
            body[0],
            f'<p class="who">{e(who)}</p>',
            *body[1:],
            "</section>",
        ]
    )
