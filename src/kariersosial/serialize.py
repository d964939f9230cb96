"""Plain dicts for `--json`: stable field names, built only from the models."""

from __future__ import annotations

from typing import Any

from kariersosial.models import SECTIONS, Catalog, Question, Quote, Role


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
            {"myth": m.myth.text, "reality": [q.text for q in m.reality]}
            for m in role.misconceptions
        ],
        "differences": [
            {
                "profession": {"id": d.profession, "name": catalog.profession(d.profession).name},
                "quotes": [q.text for q in d.quotes],
            }
            for d in role.differences
        ],
        "dimensions": {w.dimension: w.weight for w in role.weights},
        "catalog_version": catalog.version,
    }


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
                "role": catalog.trait(k.trait).role,
                "label": catalog.trait(k.trait).label,
                "direction": k.direction,
            }
            for k in q.traits
        ],
        "source": quote(q.source),
    }
