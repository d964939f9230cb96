"""Simulated respondents for measuring how well the quiz tells the roles apart (pure, seeded)."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from kariersosial.core.expected import expected_answer, interests
from kariersosial.core.models import Catalog, Question, Role
from kariersosial.core.scoring import Result, Scorer

LOW_INTEREST = 0.15  # the catalogue model's uninterested person: low on every dimension


def role_interest(catalog: Catalog, role: Role) -> dict[str, float]:
    """The interests (0..1) of someone whose preferences follow the role's cited weights."""
    return interests(catalog)[role.id]


@dataclass(frozen=True)
class NoiseLevel:
    name: str
    answer_sd: float  # Gaussian noise on each answer, in scale points
    person_sd: float  # how far one person's interests stray from the role's profile


NOISE_LEVELS = (
    NoiseLevel("rendah", 0.5, 0.05),
    NoiseLevel("sedang", 1.0, 0.10),
    NoiseLevel("tinggi", 1.5, 0.15),
)


def blend(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    return {k: (a[k] + b[k]) / 2 for k in a}


def person(interest: Mapping[str, float], rng: random.Random, sd: float) -> dict[str, float]:
    return {k: min(1.0, max(0.0, v + rng.gauss(0, sd))) for k, v in interest.items()}


def respond(
    catalog: Catalog, interest: Mapping[str, float], rng: random.Random, sd: float
) -> dict[str, int | None]:
    """Answers to every statement: the expected answer plus noise, rounded onto the scale."""
    return {
        q.id: min(5, max(1, round(expected_answer(q, interest) + rng.gauss(0, sd))))
        for q in catalog.questions
    }


@dataclass
class Tally:
    """Top-1 and top-2 hits per true role, and the confusion matrix of true vs top-1."""

    roles: Sequence[str]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    top2: dict[str, int] = field(default_factory=dict)

    def add(self, true_role: str, ranking: Sequence[str]) -> None:
        row = self.confusion.setdefault(true_role, dict.fromkeys(self.roles, 0))
        row[ranking[0]] += 1
        self.top2[true_role] = self.top2.get(true_role, 0) + (true_role in ranking[:2])

    def count(self, role: str) -> int:
        return sum(self.confusion.get(role, {}).values())

    def top1_rate(self, role: str | None = None) -> float:
        roles = [role] if role else list(self.confusion)
        hits = sum(self.confusion.get(r, {}).get(r, 0) for r in roles)
        return hits / max(1, sum(self.count(r) for r in roles))

    def top2_rate(self, role: str | None = None) -> float:
        roles = [role] if role else list(self.confusion)
        return sum(self.top2.get(r, 0) for r in roles) / max(1, sum(self.count(r) for r in roles))


def ranking_ids(result: Result) -> list[str]:
    return [f.role.id for f in result.ranking]


@dataclass
class Report:
    level: NoiseLevel
    tally: Tally
    nothing_fits_rate: float  # uninterested people told that no role fits
    mixed_rate: float  # mixed people whose two source roles are the top two


def simulate(
    catalog: Catalog,
    people: int = 200,
    seed: int = 2026,
    levels: Sequence[NoiseLevel] = NOISE_LEVELS,
    scorer: Scorer | None = None,
    answer: Callable[[dict[str, int | None]], Result] | None = None,
) -> list[Report]:
    """Score `people` simulated respondents per role (and mixed, uninterested) at each level."""
    scorer = scorer or Scorer(catalog)
    score = answer or scorer.score
    ids = [r.id for r in catalog.roles]
    reports = []
    for level in levels:
        rng = random.Random(f"{seed}-{level.name}")
        tally = Tally(ids)
        for role in catalog.roles:
            base = role_interest(catalog, role)
            for _ in range(people):
                given = respond(catalog, person(base, rng, level.person_sd), rng, level.answer_sd)
                tally.add(role.id, ranking_ids(score(given)))
        flat = {d.id: LOW_INTEREST for d in catalog.dimensions}
        told = sum(
            score(
                respond(catalog, person(flat, rng, level.person_sd), rng, level.answer_sd)
            ).nothing_fits
            for _ in range(people)
        )
        pairs = [(a, b) for i, a in enumerate(catalog.roles) for b in catalog.roles[i + 1 :]]
        mixed_hits = 0
        per_pair = max(1, people // len(pairs))
        for a, b in pairs:
            mix = blend(role_interest(catalog, a), role_interest(catalog, b))
            for _ in range(per_pair):
                given = respond(catalog, person(mix, rng, level.person_sd), rng, level.answer_sd)
                mixed_hits += set(ranking_ids(score(given))[:2]) == {a.id, b.id}
        reports.append(Report(level, tally, told / people, mixed_hits / (per_pair * len(pairs))))
    return reports


def item_spread(catalog: Catalog) -> list[tuple[Question, float, dict[str, float]]]:
    """Each statement's expected answer per role, and its spread (max - min) across roles."""
    rows = []
    for q in catalog.questions:
        by_role = {r.id: expected_answer(q, role_interest(catalog, r)) for r in catalog.roles}
        rows.append((q, max(by_role.values()) - min(by_role.values()), by_role))
    return rows


def pair_separation(catalog: Catalog) -> list[tuple[str, str, float]]:
    """Distance between two roles' expected answer patterns (RMS over statements), lowest first."""
    spreads = item_spread(catalog)
    out = []
    for i, a in enumerate(catalog.roles):
        for b in catalog.roles[i + 1 :]:
            sq = [(row[2][a.id] - row[2][b.id]) ** 2 for row in spreads]
            out.append((a.id, b.id, (sum(sq) / len(sq)) ** 0.5))
    return sorted(out, key=lambda t: t[2])


@dataclass
class QuickReport:
    level: NoiseLevel
    asked: list[int]  # statements asked, one entry per simulated person
    agreement: float  # the short quiz's top role equals the full bank's top role
    top1: float  # the short quiz's top role is the person's true role


def simulate_quick(
    catalog: Catalog,
    people: int = 200,
    seed: int = 2026,
    levels: Sequence[NoiseLevel] = NOISE_LEVELS,
) -> list[QuickReport]:
    """Run the adaptive quiz on simulated people who would answer every statement."""
    from kariersosial.core.adaptive import Adaptive, walk

    scorer = Scorer(catalog)
    adaptive = Adaptive(scorer)
    reports = []
    for level in levels:
        rng = random.Random(f"{seed}-quick-{level.name}")
        asked: list[int] = []
        agree = hits = 0
        for role in catalog.roles:
            base = role_interest(catalog, role)
            for _ in range(people):
                full = respond(catalog, person(base, rng, level.person_sd), rng, level.answer_sd)
                short = walk(adaptive, full)
                quick_top = ranking_ids(scorer.score({q: full[q] for q in short}))[0]
                agree += quick_top == ranking_ids(scorer.score(full))[0]
                hits += quick_top == role.id
                asked.append(len(short))
        n = len(asked)
        reports.append(QuickReport(level, asked, agree / n, hits / n))
    return reports
