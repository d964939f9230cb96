"""The fit formula before the 2026.12 model, kept only as the benchmark's comparison row.

Fit = the person's 0..1 interest per dimension (a weighted mean of raw answers), averaged with
the role's weights; "decisive" = a lead of 5 points; "nothing fits" = the best below 55.
It reads the level of the answers, so answering style moves it.
"""

from __future__ import annotations

from kariersosial.core.expert_sim import AnswerSet, Outcome
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import Scorer

TIE_MARGIN = 5.0
NOTHING_FITS_BELOW = 55.0


class LegacyModel:
    def __init__(self, catalog: Catalog) -> None:
        self.scorer = Scorer(catalog)
        self.weights = {r.id: {w.dimension: w.weight for w in r.weights} for r in catalog.roles}
        self.order = [r.id for r in catalog.roles]

    def __call__(self, answers: AnswerSet) -> Outcome:
        given = self.scorer.valid(answers)
        if len(given) < 6:
            return Outcome((), False, False)
        profile = self.scorer.profile(given)
        fits = []
        for order, rid in enumerate(self.order):
            weights = self.weights[rid]
            total = sum(w for d, w in weights.items() if d in profile)
            value = 100 * sum(w * profile[d] for d, w in weights.items() if d in profile) / total
            fits.append((-round(value, 9), order, rid, value))
        fits.sort()
        top, second = fits[0][3], fits[1][3]
        ranking = tuple(rid for _, _, rid, _ in fits)
        return Outcome(ranking, top - second >= TIE_MARGIN, top < NOTHING_FITS_BELOW)
