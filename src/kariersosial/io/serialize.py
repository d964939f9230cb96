"""Plain dicts for `--json`: stable field names, built only from the models."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from kariersosial.core.models import SECTIONS, Catalog, Question, Quote, Role
from kariersosial.core.scoring import Result, TraitEvidence
from kariersosial.words.messages import caution_text, fit_label

STRESSED = 0.8  # a role's weight on a dimension from which its text counts as stressing it


def quote(q: Quote) -> dict[str, str]:
    return {"sentence": q.sentence, "quote": q.text}


def role_summary(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "name": role.name,
        "summary": role.summary,
        "aliases": list(role.aliases),
    }


def role_profile(catalog: Catalog, role: Role) -> dict[str, Any]:
    return {
        **role_summary(role),
        "sections": {s: [x.text for x in role.section(s)] for s in SECTIONS},
        "traits": [
            {"id": t.id, "label": t.label, "polarity": t.polarity, **quote(t.source)}
            for t in role.traits
        ],
        "misconceptions": [
            {"myth": quote(m.myth), "reality": [quote(q) for q in m.reality]}
            for m in role.misconceptions
        ],
        "differences": differences(catalog, role),
        "dimensions": [
            {"id": w.dimension, "name": catalog.dimension(w.dimension).name, "weight": w.weight}
            for w in role.weights
        ],
        "catalog_version": catalog.version,
    }


def answer_row(question_id: str, statement: str, value: int | None) -> dict[str, Any]:
    """One answer, as `quiz` and `history show` list them (an answers file may be this list)."""
    return {
        "id": question_id,
        "statement": statement,
        "answer": value,
        "label": answer_label(value),
    }


def answer_label(value: int | None) -> str:
    from kariersosial.io.answers import SCALE_LABELS, SKIPPED_LABEL

    return SKIPPED_LABEL if value is None else SCALE_LABELS.get(value, str(value))


def role_ref(role: Role) -> dict[str, str]:
    """A role named inside another object: always its id and its name."""
    return {"id": role.id, "name": role.name}


def differences(catalog: Catalog, role: Role) -> list[dict[str, Any]]:
    """How the role's text sets it apart from each similar profession, quote by quote."""
    return [
        {
            "profession": {"id": d.profession, "name": catalog.profession(d.profession).name},
            "quotes": [quote(q) for q in d.quotes],
        }
        for d in role.differences
    ]


def question(catalog: Catalog, q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text,
        "measures": [
            {
                "dimension": m.dimension,
                "name": catalog.dimension(m.dimension).name,
                "direction": m.direction,
                "weight": m.weight,
            }
            for m in q.loadings
        ],
        "traits": [
            {
                "trait": k.trait,
                "role": role_ref(catalog.role(catalog.trait(k.trait).role)),
                "label": catalog.trait(k.trait).label,
                "direction": k.direction,
            }
            for k in q.traits
        ],
        "source": quote(q.source),
    }


def _evidence(e: TraitEvidence) -> dict[str, Any]:
    return {
        "trait": e.trait.id,
        "label": e.trait.label,
        "strength": round(e.strength, 3),
        **quote(e.trait.source),
    }


def result(
    catalog: Catalog, res: Result, answers: Mapping[str, int | None], mode: str = "full"
) -> dict[str, Any]:
    """The whole result as data: ranking, evidence with quotes, cautions and the answers."""
    myth = res.misconception
    return {
        "status": res.status,
        "mode": mode,
        "catalog_version": catalog.version,
        "answered": res.answered,
        "skipped": res.skipped,
        "total": res.total,
        "decisive": res.decisive,
        "lead_in_standard_errors": round(res.lead, 2) if math.isfinite(res.lead) else None,
        "nothing_fits": res.nothing_fits,
        "interest": res.interest,
        "ranking": [
            {
                "rank": f.rank,
                "role": role_ref(f.role),
                "fit": f.fit,
                "pattern": round(f.pattern, 3),
                "label": fit_label(f.fit),
                "matches": [_evidence(e) for e in f.matches],
                "warnings": [_evidence(e) for e in f.warnings],
            }
            for f in res.ranking
        ],
        "misconception": None
        if myth is None or res.top is None
        else {
            "role": role_ref(res.top.role),
            "myth": quote(myth.myth),
            "reality": [quote(q) for q in myth.reality],
        },
        "adjacent": [
            {
                "profession": {"id": a.profession.id, "name": a.profession.name},
                "fit": round(a.fit),
                "role": role_ref(a.role),
                "quotes": [quote(q) for q in a.quotes],
            }
            for a in res.adjacent
        ],
        "cautions": [
            {
                "kind": c.kind,
                "message": caution_text(c),
                "questions": list(c.questions),
                "pairs": [[a.id, b.id] for a, b in c.pairs],
            }
            for c in res.cautions
        ],
        "profile": {
            d.id: {
                "name": d.name,
                "interest": round(100 * res.profile[d.id]),
                "stressed_by": [r.id for r in catalog.roles if r.weight_of(d.id) >= STRESSED],
            }
            for d in catalog.dimensions
            if d.id in res.profile
        },
        "answers": [answer_row(q.id, q.text, answers.get(q.id)) for q in catalog.questions],
    }
