"""Respondents drawn from an independent expert key, to measure validity, not consistency.

The key (benchmarks/expert_key.json) gives, per statement, the expected answer of a typical
good-fit person of each role, written from the source texts by a reader who never saw the
catalogue's weights. Answers are drawn with a graded response model (a logistic cumulative
link with one discrimination for all statements) and an answering style. Pure and seeded.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kariersosial.core.errors import UsageError

UNINTERESTED = "tidak-berminat"  # the key's column for someone not interested at all
CUTS = (1.5, 2.5, 3.5, 4.5)  # category boundaries on the latent 1..5 line

Key = Mapping[str, Mapping[str, float]]  # column -> statement id -> expected answer
AnswerSet = dict[str, int | None]


@dataclass(frozen=True, slots=True)
class Style:
    """How a person uses the scale, whatever they prefer."""

    name: str
    shift: float = 0.0  # added to every latent answer (agreeing readily: > 0)
    stretch: float = 1.0  # distance from the middle multiplied (extreme > 1, middle < 1)
    skip: float = 0.0  # share of statements skipped at random


STYLES = (
    Style("biasa"),
    Style("mudah setuju", shift=0.8),
    Style("ekstrem", stretch=1.8),
    Style("tengah", stretch=0.45),
    Style("melewati 20%", skip=0.2),
)


@dataclass(frozen=True, slots=True)
class Noise:
    name: str
    scale: float  # logistic scale of the answer noise (discrimination a = 1 / scale)
    person_sd: float  # how far one person's expected answers stray from their role's, per item


NOISES = (
    Noise("rendah", 0.3, 0.2),
    Noise("sedang", 0.4, 0.3),
    Noise("tinggi", 0.55, 0.45),
)


def read_key(raw: Any) -> Key:
    """The columns of a parsed expert key file, checked; raises UsageError when malformed."""
    if not isinstance(raw, dict) or not isinstance(raw.get("statements"), dict):
        raise UsageError("expert_key_malformed", where="", problem="no_statements")
    columns = raw.get("columns")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise UsageError("expert_key_malformed", where="", problem="no_columns")
    key: dict[str, dict[str, float]] = {c: {} for c in columns}
    for qid, entry in raw["statements"].items():
        expected = entry.get("expected") if isinstance(entry, dict) else None
        if not isinstance(expected, dict):
            raise UsageError("expert_key_malformed", where=str(qid), problem="no_expected")
        for column in columns:
            value = expected.get(column)
            if not isinstance(value, int | float) or not 1 <= value <= 5:
                where = f"{qid}.{column}"
                raise UsageError("expert_key_malformed", where=where, problem="not_1_to_5")
            key[column][qid] = float(value)
    return key


def blend(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    """A person halfway between two columns of the key."""
    return {q: (a[q] + b[q]) / 2 for q in a}


def draw(
    expected: Mapping[str, float], rng: random.Random, noise: Noise, style: Style
) -> AnswerSet:
    """One person's answers: their own expected answers, the style, then the response model."""
    answers: AnswerSet = {}
    for qid, mean in expected.items():
        own = mean + rng.gauss(0, noise.person_sd)
        u = min(max(rng.random(), 1e-12), 1 - 1e-12)
        own += noise.scale * math.log(u / (1 - u))
        # the style moves the person's category thresholds, so it scales the noise as well
        latent = 3 + style.stretch * (own - 3) + style.shift
        answer = 1 + sum(latent > cut for cut in CUTS)
        answers[qid] = None if style.skip and rng.random() < style.skip else answer
    return answers


def shifted(answers: Mapping[str, int | None], by: int = 1) -> AnswerSet:
    """The same answers, each moved `by` points and kept on the scale (skips stay skips)."""
    return {q: None if a is None else min(5, max(1, a + by)) for q, a in answers.items()}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a scoring model says about one set of answers."""

    ranking: tuple[str, ...]  # role ids, best first (empty when too few answers)
    decisive: bool
    nothing_fits: bool


Model = Callable[[AnswerSet], Outcome]


@dataclass
class RoleTally:
    people: int = 0
    top1: int = 0
    top2: int = 0
    changed_by_shift: int = 0
    decisive: int = 0
    decisive_right: int = 0
    nothing_fits: int = 0


@dataclass
class StyleReport:
    noise: Noise
    style: Style
    roles: dict[str, RoleTally] = field(default_factory=dict)
    uninterested: int = 0
    uninterested_told: int = 0
    halfway: int = 0
    halfway_both: int = 0

    def total(self) -> RoleTally:
        out = RoleTally()
        for t in self.roles.values():
            for name in vars(out):
                setattr(out, name, getattr(out, name) + getattr(t, name))
        return out


def evaluate(
    key: Key,
    roles: Sequence[str],
    model: Model,
    noise: Noise,
    style: Style,
    people: int = 200,
    seed: int = 2026,
) -> StyleReport:
    """Draw `people` per role (and uninterested, halfway) and tally what the model says."""
    rng = random.Random(f"{seed}-{noise.name}-{style.name}")
    report = StyleReport(noise, style)
    for role in roles:
        tally = report.roles.setdefault(role, RoleTally())
        for _ in range(people):
            answers = draw(key[role], rng, noise, style)
            out = model(answers)
            if not out.ranking:
                continue
            tally.people += 1
            right = out.ranking[0] == role
            tally.top1 += right
            tally.top2 += role in out.ranking[:2]
            tally.decisive += out.decisive
            tally.decisive_right += out.decisive and right
            tally.nothing_fits += out.nothing_fits
            moved = model(shifted(answers))
            tally.changed_by_shift += bool(moved.ranking) and moved.ranking[0] != out.ranking[0]
    if UNINTERESTED in key:
        for _ in range(people):
            report.uninterested += 1
            report.uninterested_told += model(
                draw(key[UNINTERESTED], rng, noise, style)
            ).nothing_fits
    pairs = list(_pairs(roles))
    per_pair = max(1, people // len(pairs)) if pairs else 0
    for a, b in pairs:
        mix = blend(key[a], key[b])
        for _ in range(per_pair):
            out = model(draw(mix, rng, noise, style))
            report.halfway += 1
            report.halfway_both += set(out.ranking[:2]) == {a, b}
    return report


def _pairs(roles: Sequence[str]) -> Iterable[tuple[str, str]]:
    for i, a in enumerate(roles):
        for b in roles[i + 1 :]:
            yield a, b
