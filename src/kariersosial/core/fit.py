"""The fit figure: a pattern match and an interest level made one number, and its labels.

Pure arithmetic, no catalogue: see docs/model-kecocokan.md for what the number means.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

LEAD_Z = 1.0  # a lead is decisive from one standard error of the difference, as in Holland SDS
VERY_WELL = 75  # fits from here up are "sangat cocok"
FITS_WELL = 62  # a fit from here up is shown as "cocok"
NOTHING_FITS_BELOW = 50  # when even the best role is below this, say that none fits well


LEVEL_FLOOR = 0.2  # overall interest (0..1) at or below which nothing counts: about "Tidak setuju"
LEVEL_FULL = 0.7  # overall interest from which the level counts fully: about "Setuju"


def level(interest: float) -> float:
    """0..1: how far the overall interest goes from "tidak setuju" to "setuju" on average."""
    return min(1.0, max(0.0, (interest - LEVEL_FLOOR) / (LEVEL_FULL - LEVEL_FLOOR)))


def fit_value(interest: float, pattern: float) -> int:
    """0..100: the interest level times the square root of the pattern match mapped to 0..1."""
    return round(100 * level(interest) * math.sqrt(max(0.0, (1 + pattern) / 2)))


def correlation(xs: Sequence[float], ds: Sequence[float]) -> float:
    """Pearson correlation; 0 when either side does not vary."""
    return correlation_of(centred(xs), centred(ds))


Side = tuple[list[float], float]  # one side of a correlation: deviations from the mean, and
# the sum of their squares


def centred(values: Sequence[float]) -> Side:
    """`values` as one side of a correlation, computed once for many correlations."""
    if not values:
        return [], 0.0
    mean = sum(values) / len(values)
    deviations = [v - mean for v in values]
    return deviations, sum(d**2 for d in deviations)


def correlation_of(a: Side, b: Side) -> float:
    """The Pearson correlation of two `centred` sides (of the same length); 0 when either side
    does not vary."""
    (da, saa), (db, sbb) = a, b
    if len(da) < 2 or saa <= 1e-12 or sbb <= 1e-12:
        return 0.0
    return sum(x * d for x, d in zip(da, db, strict=True)) / math.sqrt(saa * sbb)


def lead_in_errors(first: float, second: float, between: float, answered: int) -> float:
    """How many standard errors the first pattern match leads the second.

    Both are correlations of the same answers with two role patterns that correlate `between`
    with each other; the error of their difference is |u1 - u2| * sqrt((1 - r1^2) / (n - 2)).
    """
    if answered <= 2:
        return 0.0
    distance = math.sqrt(max(0.0, 2 - 2 * between))
    error = distance * math.sqrt(max(1e-9, 1 - first**2) / (answered - 2))
    return (first - second) / error if error > 0 else math.inf
