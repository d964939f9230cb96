"""The HTML report: one self-contained page (no links, scripts or fonts) that prints on A4.

Same content and order as the Markdown report; the text both share comes from `report`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from kariersosial.io.charts import CSS as CHART_CSS
from kariersosial.io.charts import Line, bar_chart
from kariersosial.io.report import (
    TITLE,
    TOO_FEW,
    Report,
    caution_pairs,
    date_text,
    explained_fits,
    fact_rows,
    verdict_text,
)
from kariersosial.io.report_picture import (
    FIT_LINES,
    FIT_SUMMARY,
    FIT_TITLE,
    PROFILE_TITLE,
    fit_bars,
    profile_bars,
    profile_summary,
)
from kariersosial.io.serialize import answer_label
from kariersosial.words.texts import (
    DISCLAIMER,
    MATCHES_HEADING,
    MYTH_HEADING,
    MYTH_LABEL,
    QUOTE_NOTE,
    REALITY_LABEL,
    SHOWN_TRAITS,
    adjacent_heading,
    adjacent_lead,
    more_traits_text,
    no_matches_text,
)

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  font-family: "Noto Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 11pt; line-height: 1.5; color: #1b1b1b; background: #fff;
  max-width: 48rem; margin: 2rem auto; padding: 0 1.2rem;
}
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05em; margin: 0 0 .4em; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
h4 { font-size: 1em; margin: .8em 0 .2em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .3em .5em; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #888; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .9em; color: #444; }
.role { border: 1px solid #bbb; border-radius: 6px; padding: .7em 1em; margin: .9em 0; }
/* A role block may run over a page (the first one is often longer than the space left on page
   one); what must not split is a single point with its quote. */
.role li, .role p { break-inside: avoid; page-break-inside: avoid; }
ul { margin: .2em 0 .6em; padding-left: 1.3em; }
li { margin: .15em 0; }
q, .quote { font-style: italic; }
q { quotes: "“" "”"; }
.note { border-left: 4px solid #c98a00; padding: .4em .8em; margin: 1em 0; }
.verdict { font-weight: bold; }
.small { font-size: .9em; color: #444; }
.disclaimer { margin-top: 2em; padding-top: .6em; border-top: 1px solid #bbb; font-size: .95em; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
}
""".strip()


def _figure(chart: str, caption: str) -> list[str]:
    return ["<figure>", chart, f"<figcaption>{html.escape(caption)}</figcaption>", "</figure>"]


def _pictures(res: Mapping[str, Any]) -> list[str]:
    """The fit of every role and the interest per dimension, each with its caption."""
    parts = _figure(
        bar_chart(FIT_TITLE, fit_bars(res), lines=FIT_LINES, summary=FIT_SUMMARY),
        f"{FIT_TITLE}. {FIT_SUMMARY}.",
    )
    areas = profile_bars(res)
    if areas:
        summary = profile_summary(res)
        parts += ["<h2>Gambaran minatmu</h2>"]
        parts += _figure(
            bar_chart(PROFILE_TITLE, areas, lines=(Line(50, "netral"),), summary=summary),
            f"{PROFILE_TITLE}. {summary}.",
        )
    return parts


def to_html(report: Report) -> str:
    title = f"{TITLE} — {date_text(report.created)}"
    return page(title, body_parts(report))


def page(title: str, body: list[str], css: str = "") -> str:
    """A whole HTML document around `body`: the report's style, and `css` after it."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        "<style>\n" + "\n".join(part for part in (CSS, CHART_CSS, css) if part) + "\n</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


def body_parts(report: Report, heading: str = TITLE, *, compact: bool = False) -> list[str]:
    """The report's content, from its heading to the disclaimer (a class report reuses it).

    `compact` (a class printed in one go) leaves out the pictures and the list of answers: the
    same ranking, verdict, explanations and cautions, on about one page a student.
    """
    e = html.escape
    res = report.result
    body: list[str] = [f"<h1>{e(heading)}</h1>", '<dl class="facts">']
    body += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in fact_rows(report)]
    body.append("</dl>")
    if report.note:
        body.append(f'<p class="note"><strong>Catatan:</strong> {e(report.note)}</p>')
    ranking = res.get("ranking") or []
    if res.get("status") == "not_enough_answers" or not ranking:
        body.append(f'<p class="note">{e(TOO_FEW.format(answered=res.get("answered", 0)))}</p>')
    else:
        body += [
            "<h2>Peringkat kecocokan (0–100)</h2>",
            "<table>",
            '<thead><tr><th class="num">No.</th><th>Peran</th><th>Kecocokan</th>'
            "<th>Keterangan</th></tr></thead>",
            "<tbody>",
        ]
        for f in ranking:
            body.append(
                f'<tr><td class="num">{e(str(f["rank"]))}</td><td>{e(f["role"]["name"])}</td>'
                f'<td class="num">{f["fit"]:.0f}</td><td>{e(f["label"])}</td></tr>'
            )
        body += ["</tbody>", "</table>"]
        verdict = verdict_text(res)
        if verdict:
            body.append(f'<p class="verdict">{e(verdict)}</p>')
        if not compact:
            body += _pictures(res)
    explained = explained_fits(res)
    if explained:
        body += ["<h2>Penjelasan</h2>", f'<p class="small">{e(QUOTE_NOTE)}</p>']
    for f in explained:
        body += [
            '<section class="role">',
            f"<h3>{e(str(f['rank']))}. {e(f['role']['name'])} — {f['fit']:.0f}/100</h3>",
        ]
        if not f.get("matches"):
            body.append(f'<p class="small">{e(no_matches_text(f["fit"]))}</p>')
        for title, items in (
            (MATCHES_HEADING, f.get("matches") or []),
            ("Perlu kamu perhatikan (ciri orang yang kurang cocok)", f.get("warnings") or []),
        ):
            if items:
                body += [f"<h4>{e(title)}</h4>", "<ul>"]
                body += [
                    f"<li>{e(item['label'])}<br><q>{e(item['quote'])}</q></li>"
                    for item in items[:SHOWN_TRAITS]
                ]
                more = more_traits_text(len(items))
                body += [f'<li class="small">{e(more)}</li>'] if more else []
                body.append("</ul>")
        myth = res.get("misconception")
        if f["rank"] == 1 and myth:
            body += [
                f"<h4>{e(MYTH_HEADING)}</h4>",
                "<ul>",
                f"<li>✗ {e(MYTH_LABEL)} <q>{e(myth['myth']['quote'])}</q></li>",
            ]
            body += [
                f"<li>✓ {e(REALITY_LABEL)} <q>{e(q['quote'])}</q></li>" for q in myth["reality"]
            ]
            body.append("</ul>")
        for adj in (res.get("adjacent") or []) if f["rank"] == 1 else []:
            role = adj["role"]["name"]
            own = adj["role"]["id"] == f["role"]["id"]
            body += [
                f"<h4>{e(adjacent_heading(adj['profession']['name']))}</h4>",
                f"<p>{e(adjacent_lead(role, own))}</p>",
                "<ul>",
            ]
            body += [f"<li><q>{e(q['quote'])}</q></li>" for q in adj["quotes"]]
            body.append("</ul>")
        body.append("</section>")
    cautions = res.get("cautions") or []
    if cautions:
        body += ["<h2>Catatan tentang jawabanmu</h2>", "<ul>"]
        for c in cautions:
            pairs = caution_pairs(report, c)
            inner = "".join(f"<li><q>{e(a)}</q> ↔ <q>{e(b)}</q></li>" for a, b in pairs)
            body.append(f"<li>{e(c['message'])}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
        body.append("</ul>")
    if compact:
        return [*body, f'<p class="disclaimer">{e(DISCLAIMER)}</p>']
    body += [
        "<h2>Jawabanmu</h2>",
        "<table>",
        '<thead><tr><th class="num">No.</th><th>Pernyataan</th><th>Jawaban</th></tr></thead>',
        "<tbody>",
    ]
    for number, (_, text, value) in enumerate(report.answers, start=1):
        body.append(
            f'<tr><td class="num">{number}</td><td>{e(text)}</td>'
            f"<td>{e(answer_label(value))}</td></tr>"
        )
    body += ["</tbody>", "</table>", f'<p class="disclaimer">{e(DISCLAIMER)}</p>']
    return body
