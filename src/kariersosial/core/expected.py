"""What each role's text leads us to expect on every statement, and what sets the roles apart.

Pure: derived from the catalogue's cited weights only. A dimension a role's text does not
mention is "not mentioned", never "not needed": the role borrows the other roles' mean weight
there, so a duty most texts name counts as shared, and one only a single text names stays its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kariersosial.core.models import Catalog, Question, Weight

NEUTRAL = 0.5  # interest in a dimension the text is silent about
STRESS = 0.45  # how far a weight of 1 moves interest above neutral (0.5 + 0.45 = 0.95)


def interest_from(
    weights: Sequence[Weight],
    dimensions: Sequence[str],
    silent: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Interest 0..1 per dimension of someone who is what these cited weights describe.

    `silent` gives the weight to assume where these weights name no dimension (default 0).
    """
    by_dim = {w.dimension: w.weight for w in weights}
    fallback = silent or {}
    return {d: NEUTRAL + STRESS * by_dim.get(d, fallback.get(d, 0.0)) for d in dimensions}


def borrowed(others: Sequence[Sequence[Weight]], dimensions: Sequence[str]) -> dict[str, float]:
    """Per dimension, the mean weight of these profiles (0 where one is silent)."""
    if not others:
        return dict.fromkeys(dimensions, 0.0)
    maps = [{w.dimension: w.weight for w in ws} for ws in others]
    return {d: sum(m.get(d, 0.0) for m in maps) / len(maps) for d in dimensions}


def expected_answer(question: Question, interest: Mapping[str, float]) -> float:
    """The noise-free answer (1..5) of a person with these interests."""
    total = sum(m.weight for m in question.loadings)
    lean = sum(m.direction * m.weight * (2 * interest[m.dimension] - 1) for m in question.loadings)
    return 3 + 2 * lean / total


@dataclass(frozen=True, slots=True)
class Patterns:
    """Per profile (role or similar profession): expected answers and distinctive pattern.

    `distinct[p][q]` is the expected answer minus the five roles' mean on that statement:
    what the profile stresses more (or less) than the roles do on average.
    """

    expected: Mapping[str, Mapping[str, float]]
    distinct: Mapping[str, Mapping[str, float]]


def interests(catalog: Catalog) -> dict[str, dict[str, float]]:
    """Role or profession id -> the interests (0..1) of someone its text describes."""
    dims = [d.id for d in catalog.dimensions]
    role_weights = [r.weights for r in catalog.roles]
    found = {
        r.id: interest_from(
            r.weights, dims, borrowed(role_weights[:i] + role_weights[i + 1 :], dims)
        )
        for i, r in enumerate(catalog.roles)
    }
    for p in catalog.professions:
        found[p.id] = interest_from(p.profile, dims, borrowed(role_weights, dims))
    return found


def patterns(catalog: Catalog) -> Patterns:
    """The catalogue's own expected answers where it lists them, else derived from weights."""
    if catalog.questions and all(q.expected for q in catalog.questions):
        ids = [r.id for r in catalog.roles] + [p.id for p in catalog.professions]
        expected = {
            pid: {q.id: q.expected_of(pid) or 3.0 for q in catalog.questions} for pid in ids
        }
    else:
        expected = {
            pid: {q.id: expected_answer(q, interest) for q in catalog.questions}
            for pid, interest in interests(catalog).items()
        }
    roles = [r.id for r in catalog.roles]
    mean = {q.id: sum(expected[r][q.id] for r in roles) / len(roles) for q in catalog.questions}
    distinct = {
        pid: {qid: value - mean[qid] for qid, value in by_q.items()}
        for pid, by_q in expected.items()
    }
    return Patterns(expected, distinct)
