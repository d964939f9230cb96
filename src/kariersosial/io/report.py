"""Reports a student can keep or share with a counsellor: Markdown, HTML and JSON as strings.

Every builder is a pure function of a `Report`, which holds the result as plain data (the shape
`serialize.result` gives), so a fresh result and one read back from the history read alike.
Markdown and JSON are built here, HTML in `report_html` from the same shared text helpers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kariersosial.io.escaping import md_escape
from kariersosial.io.report_picture import text_bar
from kariersosial.io.serialize import answer_label, answer_row
from kariersosial.words.messages import fit_label
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
    nothing_fits_text,
    undecided_text,
)

if TYPE_CHECKING:
    from kariersosial.core.models import Catalog
    from kariersosial.core.saved import Record
    from kariersosial.core.scoring import Result

MODES = {"quick": "kuis singkat", "full": "kuis lengkap"}
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
TITLE = "Hasil kuis kariersosial"
TOO_FEW = (
    "Jawabanmu baru {answered}, terlalu sedikit untuk menilai kecocokan. Jawab lebih banyak "
    "pernyataan, lalu coba lagi."
)


@dataclass(frozen=True)
class Report:
    created: str  # ISO 8601
    mode: str
    catalog_version: str
    result: Mapping[str, Any]  # as serialize.result() gives it
    answers: tuple[tuple[str, str, int | None], ...]  # (statement id, statement text, answer)
    number: int | None = None  # the number in the history, when saved
    note: str | None = None  # e.g. that the catalogue has changed since


def from_result(
    catalog: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    created: str,
    number: int | None = None,
) -> Report:
    from kariersosial.io.serialize import result

    known = {q.id for q in catalog.questions}
    return Report(
        created,
        mode,
        catalog.version,
        result(catalog, res, answers, mode),
        tuple((q, catalog.question(q).text, v) for q, v in answers.items() if q in known),
        number,
    )


def from_record(record: Record, catalog: Catalog) -> Report:
    """A saved result: scored again with this catalogue, or as stored if the catalogue changed."""
    answers = tuple((a.question_id, a.statement, a.value) for a in record.answers)
    common = (record.created, record.mode, record.catalog_version)
    if record.catalog_version == catalog.version:
        from kariersosial.core.scoring import score
        from kariersosial.io.serialize import result

        given = record.answer_map()
        data = result(catalog, score(catalog, given), given, record.mode)
        return Report(*common, data, answers, record.id)
    stored: Mapping[str, Any] = record.detail or {
        "status": record.status,
        "ranking": [
            {
                "rank": f.rank,
                "role": {"id": f.role_id, "name": f.role_name},
                "fit": round(f.fit),
                "label": fit_label(f.fit),
                "matches": [],
                "warnings": [],
            }
            for f in record.ranking
        ],
    }
    return Report(*common, stored, answers, record.id, catalog_changed(record, catalog))


def catalog_changed(record: Record, catalog: Catalog) -> str:
    return (
        f"Hasil ini dihitung dengan katalog peran versi {record.catalog_version}, sedangkan "
        f"katalog yang sekarang versi {catalog.version}. Yang ditampilkan adalah hasil yang "
        "tersimpan saat itu."
    )


def date_text(iso: str) -> str:
    """'5 November 2026, pukul 14.05' (the time as it was where the quiz was taken)."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}, pukul {when:%H.%M}"


def short_date(iso: str) -> str:
    """'05-11-2026 14.05', for the history table."""
    try:
        return f"{datetime.fromisoformat(iso):%d-%m-%Y %H.%M}"
    except ValueError:
        return iso


# --- the text every format shares ---------------------------------------------------------------


def fact_rows(report: Report) -> list[tuple[str, str]]:
    res = report.result
    facts = [("Tanggal", date_text(report.created))]
    if report.number is not None:
        facts.append(("Nomor di riwayat", str(report.number)))
    facts.append(("Jenis kuis", MODES.get(report.mode, report.mode)))
    if "answered" in res:
        shown = res["answered"] + res.get("skipped", 0)
        text = f"{res['answered']} dari {shown} pernyataan"
        if res.get("skipped"):
            text += f" ({res['skipped']} dilewati)"
        facts.append(("Dijawab", text))
    facts.append(("Versi katalog peran", report.catalog_version))
    return facts


def verdict_text(res: Mapping[str, Any]) -> str | None:
    ranking = res.get("ranking") or []
    if not ranking:
        return None
    top = ranking[0]
    if res.get("nothing_fits"):
        return nothing_fits_text(round(top["fit"]))
    if res.get("decisive") is False and len(ranking) > 1:
        shown = [(f["role"]["name"], round(f["fit"])) for f in ranking]
        return undecided_text(shown, int(res.get("answered") or 0))
    return f"Paling cocok untukmu: {top['role']['name']}."


def caution_pairs(report: Report, caution: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The statements of each opposite pair a caution names, as the screen lists them."""
    texts = {qid: text for qid, text, _ in report.answers}
    pairs = []
    for pair in caution.get("pairs") or []:
        if len(pair) == 2 and all(q in texts for q in pair):
            pairs.append((texts[pair[0]], texts[pair[1]]))
    return pairs


EXPLAINED = 2  # how many of the top roles get a full explanation, on screen and on paper


def explained_fits(res: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The roles every output explains: the top EXPLAINED, on paper as on screen."""
    return list((res.get("ranking") or [])[:EXPLAINED])


# --- Markdown ----------------------------------------------------------------------------------


def _profile_markdown(res: Mapping[str, Any]) -> list[str]:
    from kariersosial.io.report_picture import PROFILE_TITLE, profile_bars, top_role

    areas = profile_bars(res)
    top = top_role(res)
    if not areas or top is None:
        return []
    out = [
        "## Gambaran minatmu",
        "",
        f"{md_escape(PROFILE_TITLE)}. Tanda ★: dimensi yang ditekankan "
        f"teks peran {md_escape(top['name'])}.",
        "",
    ]
    out += ["| Dimensi minat | Minat | Gambaran |", "|---|---:|---|"]
    for bar in areas:
        star = " ★" if bar.tone == "mark" else ""
        out.append(f"| {md_escape(bar.label)}{star} | {bar.value:.0f} | {text_bar(bar.value)} |")
    return [*out, ""]


def markdown(report: Report) -> str:
    e = md_escape
    res = report.result
    out = [f"# {TITLE}", ""]
    out += [f"- **{label}:** {e(value)}" for label, value in fact_rows(report)]
    out.append("")
    if report.note:
        out += [f"> **Catatan:** {e(report.note)}", ""]
    ranking = res.get("ranking") or []
    if res.get("status") == "not_enough_answers" or not ranking:
        out += [e(TOO_FEW.format(answered=res.get("answered", 0))), ""]
    else:
        out += ["## Peringkat kecocokan (0–100)", ""]
        out += ["| No. | Peran | Kecocokan | Gambaran | Keterangan |", "|---:|---|---:|---|---|"]
        for f in ranking:
            rank, name, label = e(str(f["rank"])), e(f["role"]["name"]), e(f["label"])
            out.append(f"| {rank} | {name} | {f['fit']:.0f} | {text_bar(f['fit'])} | {label} |")
        out.append("")
        verdict = verdict_text(res)
        if verdict:
            out += [e(verdict), ""]
        out += _profile_markdown(res)
    explained = explained_fits(res)
    if explained:
        out += ["## Penjelasan", "", f"_{e(QUOTE_NOTE)}_", ""]
    for f in explained:
        out += [f"### {e(str(f['rank']))}. {e(f['role']['name'])} — {f['fit']:.0f}/100", ""]
        if not f.get("matches"):
            out += [f"_{e(no_matches_text(f['fit']))}_", ""]
        for title, items in (
            (MATCHES_HEADING, f.get("matches") or []),
            ("Perlu kamu perhatikan (ciri orang yang kurang cocok)", f.get("warnings") or []),
        ):
            if items:
                out += [f"**{title}**", ""]
                for item in items[:SHOWN_TRAITS]:
                    out += [f"- {e(item['label'])}  ", f"  “{e(item['quote'])}”"]
                more = more_traits_text(len(items))
                out += [f"- {e(more)}", ""] if more else [""]
        myth = res.get("misconception")
        if f["rank"] == 1 and myth:
            out += [f"**{MYTH_HEADING}**", ""]
            out += [f"- ✗ {MYTH_LABEL} “{e(myth['myth']['quote'])}”"]
            out += [f"- ✓ {REALITY_LABEL} “{e(q['quote'])}”" for q in myth["reality"]]
            out.append("")
        for adj in (res.get("adjacent") or []) if f["rank"] == 1 else []:
            role = adj["role"]["name"]
            own = adj["role"]["id"] == f["role"]["id"]
            out += [f"**{e(adjacent_heading(adj['profession']['name']))}**", ""]
            out += [e(adjacent_lead(role, own)), ""]
            out += [f"- “{e(q['quote'])}”" for q in adj["quotes"]]
            out.append("")
    cautions = res.get("cautions") or []
    if cautions:
        out += ["## Catatan tentang jawabanmu", ""]
        for c in cautions:
            out.append(f"- {e(c['message'])}")
            out += [f"  - “{e(a)}” ↔ “{e(b)}”" for a, b in caution_pairs(report, c)]
        out.append("")
    out += ["## Jawabanmu", ""]
    out += ["| No. | Pernyataan | Jawaban |", "|---:|---|---|"]
    for number, (_, text, value) in enumerate(report.answers, start=1):
        out.append(f"| {number} | {e(text)} | {e(answer_label(value))} |")
    out += ["", "---", "", f"_{e(DISCLAIMER)}_", ""]
    return "\n".join(out)


# --- JSON --------------------------------------------------------------------------------------


def as_data(report: Report) -> dict[str, Any]:
    """The report as plain data (also what `history show --json` prints)."""
    return {
        "number": report.number,
        "created": report.created,
        "mode": report.mode,
        "catalog_version": report.catalog_version,
        "note": report.note,
        "result": {k: v for k, v in report.result.items() if k != "answers"},
        "answers": [answer_row(qid, text, value) for qid, text, value in report.answers],
        "disclaimer": DISCLAIMER,
    }


def to_json(report: Report, *, ascii_only: bool = False) -> str:
    return json.dumps(as_data(report), ensure_ascii=ascii_only, indent=2) + "\n"
