"""Two saved results of one person side by side: what changed in the ranking and the answers.

Built from two `report.Report`s (a saved result scored again, as `history show` does), so
the numbers are those the person saw; plain data in the vocabulary of `history show --json`.
Pure: no I/O, no rich. The history stores no identity, so nothing here can check that both
results are the same person's; the command's help says what it is meant for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kariersosial.io.report import Report, verdict_text
from kariersosial.io.serialize import answer_label

NOT_ASKED = "tidak ditanyakan"
SAME_PERSON = (
    "Perbandingan ini dimaksudkan untuk dua hasil dari orang yang sama; kariersosial tidak "
    "menyimpan siapa yang mengisi kuis."
)


def _side(report: Report) -> dict[str, Any]:
    res = report.result
    ranking = res.get("ranking") or []
    top = ranking[0] if ranking else None
    return {
        "number": report.number,
        "created": report.created,
        "mode": report.mode,
        "catalog_version": report.catalog_version,
        "status": res.get("status"),
        "answered": res.get("answered"),
        "decisive": res.get("decisive"),
        "nothing_fits": res.get("nothing_fits"),
        "verdict": verdict_text(res),
        "top": None
        if top is None
        else {"role": dict(top["role"]), "fit": top["fit"], "label": top["label"]},
    }


def _place(fit: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if fit is None:
        return None
    return {"rank": fit["rank"], "fit": fit["fit"], "label": fit["label"]}


def _answer(value: int | None, asked: bool) -> dict[str, Any]:
    return {"answer": value, "label": answer_label(value) if asked else NOT_ASKED}


def compare_results(before: Report, after: Report) -> dict[str, Any]:
    """Ranking before → after with each role's fit change, and every statement's answers,
    the ones that moved most first."""
    old = {f["role"]["id"]: f for f in before.result.get("ranking") or []}
    new = {f["role"]["id"]: f for f in after.result.get("ranking") or []}
    order = [*new, *(rid for rid in old if rid not in new)]
    ranking = []
    for rid in order:
        a, b = old.get(rid), new.get(rid)
        role = (b or a or {}).get("role", {"id": rid, "name": rid})
        change = round(b["fit"] - a["fit"], 1) if a and b else None
        ranking.append(
            {"role": dict(role), "before": _place(a), "after": _place(b), "change": change}
        )
    first = {qid: (text, value) for qid, text, value in before.answers}
    second = {qid: (text, value) for qid, text, value in after.answers}
    answers = []
    for position, qid in enumerate([*second, *(q for q in first if q not in second)]):
        text = (second.get(qid) or first[qid])[0]
        a_value = first[qid][1] if qid in first else None
        b_value = second[qid][1] if qid in second else None
        moved = b_value - a_value if a_value is not None and b_value is not None else None
        answers.append(
            (
                -abs(moved or 0),
                position,
                {
                    "id": qid,
                    "statement": text,
                    "before": _answer(a_value, qid in first),
                    "after": _answer(b_value, qid in second),
                    "change": moved,
                },
            )
        )
    answers.sort(key=lambda item: item[:2])
    both = [a for _, _, a in answers if a["change"] is not None]
    old_top, new_top = _side(before)["top"], _side(after)["top"]
    return {
        "before": _side(before),
        "after": _side(after),
        "same_top": None
        if old_top is None or new_top is None
        else old_top["role"]["id"] == new_top["role"]["id"],
        "ranking": ranking,
        "answered_in_both": len(both),
        "moved": sum(1 for a in both if a["change"]),
        "answers": [a for _, _, a in answers],
        "note": SAME_PERSON,
    }
