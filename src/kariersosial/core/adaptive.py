"""The short quiz: open with each role's core, then ask what best separates the roles still in
contention, and stop once the statements not yet asked could no longer plausibly change the top
role (stochastic curtailment). Pure and deterministic: decisions depend only on the answers."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property

from kariersosial.core.fit import NOTHING_FITS_BELOW
from kariersosial.core.models import Question
from kariersosial.core.scoring import MIN_ANSWERED, Scorer

MIN_QUESTIONS = 8  # never stop early before this many answered statements
MAX_QUESTIONS = 20  # the short quiz never asks more than this
SETTLED = 0.8  # stop when the full bank would give the same top role this often
DRAWS = 48  # simulated completions of the unasked statements per check
COVERAGE = 0.3  # each role's fit must rest on dimensions holding this share of its weight
TYPICAL_LENGTH = 12  # the median length measured by benchmarks/simulate.py; the intro says it
Answers = Mapping[str, int | None]


class Adaptive:
    """Chooses statements and decides when to stop, for one catalogue."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.catalog = scorer.catalog

    @cached_property
    def expected(self) -> dict[str, dict[str, float]]:
        """Statement id -> role id -> the role archetype's expected answer."""
        by_role = self.scorer.patterns.expected
        return {
            q.id: {r.id: by_role[r.id][q.id] for r in self.catalog.roles}
            for q in self.catalog.questions
        }

    @cached_property
    def opening(self) -> tuple[str, ...]:
        """Each role's most distinctive "Saya senang …" statement, in catalogue role order.

        Concrete, positively framed, and together they touch every role's core, so no role can
        lead without a statement about its core having been asked. Then the statement all roles
        agree with most (the shared core of the field), so that the overall level is measured
        and someone uninterested in all of it is told so.
        """
        chosen: list[str] = []
        distinct = self.scorer.patterns.distinct
        singles = [q for q in self.catalog.questions if q.form == "single"]
        for role in self.catalog.roles:
            free = [q for q in singles if q.id not in chosen]
            if free:
                best = max(free, key=lambda q: (distinct[role.id][q.id], -singles.index(q)))
                chosen.append(best.id)
        free = [q for q in singles if q.id not in chosen]
        if free:
            roles = [r.id for r in self.catalog.roles]

            def shared(q: Question) -> float:
                values = [self.expected[q.id][r] for r in roles]
                return sum(values) / len(values) - (max(values) - min(values))

            chosen.append(max(free, key=shared).id)
        return tuple(chosen)

    def fits(self, answers: Answers) -> list[tuple[float, str]]:
        """(fit, role id) for the answers so far, best first; empty before any answer."""
        given = self.scorer.valid(answers)
        if not given:
            return []
        # the scorer's own order, so "leads" means shown first
        return [(value, role.id) for role, value in self.scorer.sorted_fits(given)]

    def belief(self, answers: Answers) -> dict[str, float]:
        """How likely each role is to be the one whose pattern the answers follow (sums to 1).

        The profile likelihood of a linear fit of the centred answers to each role's pattern:
        proportional to (1 - r^2)^(-(n-2)/2) for a positive pattern match r, flat otherwise.
        """
        given = self.scorer.valid(answers)
        roles = [r.id for r in self.catalog.roles]
        if len(given) < 3:
            return dict.fromkeys(roles, 1 / len(roles))
        shapes = dict((role.id, value) for role, value in self.scorer.shapes(given).patterns)
        logs = {
            rid: -(len(given) - 2) / 2 * math.log(max(1e-6, 1 - max(0.0, shapes[rid]) ** 2))
            for rid in roles
        }
        top = max(logs.values())
        weights = {rid: math.exp(v - top) for rid, v in logs.items()}
        total = sum(weights.values())
        return {rid: w / total for rid, w in weights.items()}

    def coverage(self, answers: Answers) -> dict[str, float]:
        """Role id -> the share of its dimension weight that the answers measure."""
        measured = {
            m.dimension
            for qid, a in self.scorer.valid(answers).items()
            for m in self.catalog.question(qid).loadings
        }
        return {
            r.id: sum(w.weight for w in r.weights if w.dimension in measured)
            / sum(w.weight for w in r.weights)
            for r in self.catalog.roles
        }

    def next_question(self, answers: Answers, asked: Sequence[str]) -> str | None:
        """The next statement to ask, or None when the ranking is settled or the bank is used up."""
        if self.finished(answers, asked):
            return None
        for qid in self.opening:
            if qid not in asked:
                return qid
        coverage = self.coverage(answers)
        thinnest = min(coverage, key=lambda rid: coverage[rid])
        if coverage[thinnest] < COVERAGE:
            return self._best(asked, lambda q: self._new_evidence(q, thinnest, answers))
        belief = self.belief(answers)
        roles = list(belief)
        pairs = [(a, b, belief[a] * belief[b]) for i, a in enumerate(roles) for b in roles[i + 1 :]]
        return self._best(asked, lambda q: self._separation(q, pairs))

    def _best(self, asked: Sequence[str], gain: Callable[[Question], float]) -> str | None:
        """The unasked statement with the highest gain (the first one on a tie)."""
        best: tuple[float, str] | None = None
        for q in self.catalog.questions:
            if q.id not in asked and (best is None or gain(q) > best[0]):
                best = (gain(q), q.id)
        return best[1] if best else None

    def _separation(self, question: Question, pairs: list[tuple[str, str, float]]) -> float:
        """How far apart the archetypes of each pair of roles would answer, weighted."""
        by_role = self.expected[question.id]
        return sum(w * (by_role[a] - by_role[b]) ** 2 for a, b, w in pairs)

    def _new_evidence(self, question: Question, role_id: str, answers: Answers) -> float:
        """The weight of the role's dimensions this statement would measure for the first time."""
        measured = {
            m.dimension
            for qid in self.scorer.valid(answers)
            for m in self.catalog.question(qid).loadings
        }
        role = self.catalog.role(role_id)
        return sum(
            role.weight_of(m.dimension) for m in question.loadings if m.dimension not in measured
        )

    def clearly_nothing_fits(self, answers: Answers) -> bool:
        """Even the best role is far below the "nothing fits" line: more will not change that."""
        given = self.scorer.valid(answers)
        if len(given) < MIN_ANSWERED:
            return False
        return self.scorer.rank(given).fits[0][1] < NOTHING_FITS_BELOW - 10

    def settled(self, answers: Answers, asked: Sequence[str]) -> float:
        """How often the full bank would name today's leader, over plausible completions.

        The unasked statements are answered as the person would if their pattern were each role
        in proportion to `belief`, with their own scale use and their own inconsistency.
        """
        given = self.scorer.valid({q: answers.get(q) for q in asked})
        rest = [q.id for q in self.catalog.questions if q.id not in asked]
        if not rest:
            return 1.0
        if len(given) < MIN_ANSWERED:
            return 0.0
        shapes = self.scorer.shapes(given)
        leader, match = shapes.patterns[0]
        ids = list(given)
        xs = [given[q] for q in ids]
        mean = sum(xs) / len(xs)
        spread = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))
        belief = self.belief(given)
        roles = list(belief)
        cumulative = []
        running = 0.0
        for rid in roles:
            running += belief[rid]
            cumulative.append(running)
        rng = random.Random(repr(sorted(given.items())))
        noise = spread * math.sqrt(max(0.2, 1 - match**2))
        pattern = self.expected
        # per role: the centre of its pattern over what was asked, and the person's slope on it
        fitted = {
            rid: (
                sum(pattern[q][rid] for q in ids) / len(ids),
                self._slope(xs, [pattern[q][rid] for q in ids]),
            )
            for rid in roles
        }
        same = 0
        for _ in range(DRAWS):
            pick = rng.random() * running
            rid = next(r for r, c in zip(roles, cumulative, strict=True) if pick <= c)
            centre, slope = fitted[rid]
            full = dict(given)
            for q in rest:
                guess = mean + slope * (pattern[q][rid] - centre) + rng.gauss(0, noise)
                full[q] = min(5, max(1, round(guess)))
            same += self.scorer.shapes(full).patterns[0][0].id == leader.id
        return same / DRAWS

    @staticmethod
    def _slope(xs: Sequence[int], es: Sequence[float]) -> float:
        """The person's answers regressed on a pattern; at least a little positive."""
        n = len(xs)
        mx, me = sum(xs) / n, sum(es) / n
        see = sum((e - me) ** 2 for e in es)
        if see <= 1e-12:
            return 1.0
        slope = sum((x - mx) * (e - me) for x, e in zip(xs, es, strict=True)) / see
        return max(0.5, slope)

    def finished(self, answers: Answers, asked: Sequence[str]) -> bool:
        """Stop when the full bank could no longer plausibly name another top role."""
        answered = len(self.scorer.valid(answers))
        if len(asked) >= len(self.catalog.questions):
            return True
        if answered < MIN_ANSWERED:
            return False  # skips tell nothing: keep asking until enough is answered
        if len(asked) >= MAX_QUESTIONS:
            return True
        if answered < MIN_QUESTIONS:
            return False
        if min(self.coverage(answers).values()) < COVERAGE:
            return False
        if self.clearly_nothing_fits(answers):
            return True
        return self.settled(answers, asked) >= SETTLED


def walk(adaptive: Adaptive, answers: Answers) -> list[str]:
    """The statements the short quiz would ask someone whose answers are all known already."""
    asked: list[str] = []
    while (qid := adaptive.next_question({q: answers.get(q) for q in asked}, asked)) is not None:
        asked.append(qid)
    return asked
