"""The short quiz: ask the statement that best separates the roles still in contention, and stop
once the leading role's lead is decisive and stable. Pure: decisions depend only on the answers."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property

from kariersosial.models import Question
from kariersosial.scoring import MIN_ANSWERED, NOTHING_FITS_BELOW, Scorer

MIN_QUESTIONS = 8  # never stop before this many statements
CERTAINTY = 0.99  # stop when one role's archetype explains the answers this much better
SD = 1.2  # spread of real answers around an archetype's expected answer, in scale points
COVERAGE = 0.3  # each role's fit must rest on dimensions holding this share of its weight
LONG_ENOUGH = 20  # from here, stop once the leader has not changed for STEADY answers
STEADY = 4


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

    def fits(self, answers: Mapping[str, int | None]) -> list[tuple[float, str]]:
        """(fit, role id) for the answers so far, best first; empty before any answer."""
        given = self.scorer.valid(answers)
        if not given:
            return []
        # the scorer's own order, so "leads" means shown first
        return [(value, role.id) for role, value in self.scorer.sorted_fits(given)]

    def belief(self, answers: Mapping[str, int | None]) -> dict[str, float]:
        """How likely each role's archetype is to have given these answers (sums to 1).

        Both the answers and the archetypes are taken relative to their own mean, so that
        someone who simply agrees more readily is read the same way.
        """
        given = self.scorer.valid(answers)
        n = max(1, len(given))
        mean = sum(given.values()) / n
        logs = {}
        for r in self.catalog.roles:
            expected = {q: self.expected[q][r.id] for q in given}
            centre = sum(expected.values()) / n
            logs[r.id] = -sum(
                ((a - mean) - (expected[q] - centre)) ** 2 for q, a in given.items()
            ) / (2 * SD**2)
        top = max(logs.values())
        weights = {rid: math.exp(v - top) for rid, v in logs.items()}
        total = sum(weights.values())
        return {rid: w / total for rid, w in weights.items()}

    def coverage(self, answers: Mapping[str, int | None]) -> dict[str, float]:
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

    def next_question(self, answers: Mapping[str, int | None], asked: Sequence[str]) -> str | None:
        """The next statement to ask, or None when the ranking is settled or the bank is used up."""
        if self.finished(answers, asked):
            return None
        belief = self.belief(answers)
        likeliest = max(belief, key=lambda rid: belief[rid])
        if len(self.scorer.valid(answers)) >= MIN_ANSWERED and belief[likeliest] >= CERTAINTY:
            # the likeliest role is known: gather what the result still needs to agree with it
            coverage = self.coverage(answers)
            thinnest = min(coverage, key=lambda rid: coverage[rid])
            if coverage[thinnest] < COVERAGE:
                return self._best(asked, lambda q: self._new_evidence(q, thinnest, answers))
            leader = self.fits(answers)[0][1]
            if leader != likeliest:
                pairs = [(likeliest, leader, 1.0)]
                return self._best(asked, lambda q: self._separation(q, pairs))
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

    def _new_evidence(
        self, question: Question, role_id: str, answers: Mapping[str, int | None]
    ) -> float:
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

    def certain(self, answers: Mapping[str, int | None]) -> bool:
        """The scorer's own verdict is settled: a decisive lead, or clearly nothing fits."""
        given = self.scorer.valid(answers)
        if len(given) < MIN_ANSWERED:
            return False
        ranking = self.scorer.rank(given)
        if ranking.fits[0][1] < NOTHING_FITS_BELOW - 10:
            return True  # nothing fits, and more statements will not change that
        return ranking.decisive

    def finished(self, answers: Mapping[str, int | None], asked: Sequence[str]) -> bool:
        """Stop when the ranking is settled and every role's fit rests on enough evidence."""
        if len(asked) >= len(self.catalog.questions):
            return True
        if len(asked) >= LONG_ENOUGH and self._steady(answers, asked):
            return True  # still not decisive, but more statements are not moving the leader
        if len(asked) < MIN_QUESTIONS or not self.certain(answers):
            return False
        if min(self.coverage(answers).values()) < COVERAGE:
            return False
        # stable: the answers before the last one already named the same leader
        before = {qid: answers.get(qid) for qid in asked[:-1]}
        return self.certain(before) and self.fits(before)[0][1] == self.fits(answers)[0][1]

    def _steady(self, answers: Mapping[str, int | None], asked: Sequence[str]) -> bool:
        """The leader was the same after each of the last STEADY answers."""
        leaders = set()
        for k in range(len(asked) - STEADY + 1, len(asked) + 1):
            fits = self.fits({qid: answers.get(qid) for qid in asked[:k]})
            if not fits:
                return False
            leaders.add(fits[0][1])
        return len(leaders) == 1


def walk(adaptive: Adaptive, answers: Mapping[str, int | None]) -> list[str]:
    """The statements the short quiz would ask someone whose answers are all known already."""
    asked: list[str] = []
    while (qid := adaptive.next_question({q: answers.get(q) for q in asked}, asked)) is not None:
        asked.append(qid)
    return asked
