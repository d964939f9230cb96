"""Linear time for hostile input: the steps that were quadratic, before and after.

    python benchmarks/reading.py

Prints seconds per input size for the old Google Forms grid pattern and its linear
replacement (a header title of N "[" characters), for the JSON depth scan on N escaped quotes,
and for listing the problems of an answers file of N duplicate lines. Doubling N should double
the time of a linear step and quadruple that of a quadratic one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from kariersosial.catalog.load import load_catalog
from kariersosial.core.errors import UsageError
from kariersosial.io.answers import parse_answers
from kariersosial.io.batch import statement_id
from kariersosial.io.safe_json import too_deep

OLD_GRID = re.compile(r"\[([^\]]*)\]\s*$")  # what batch.statement_id used before


def seconds(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> None:
    ids = {"p01": "p01"}
    print("header title of N '[' (one column)")
    for n in (5_000, 10_000, 20_000):
        title = "[" * n
        old = seconds(lambda t=title: OLD_GRID.search(t))
        new = seconds(lambda t=title: statement_id(t, ids))
        print(f"  N={n:>7}: lama {old:7.3f} s   baru {new:7.4f} s")
    for n in (100_000, 1_000_000):
        title = "[" * n
        print(f"  N={n:>7}: baru {seconds(lambda t=title: statement_id(t, ids)):7.4f} s")

    print("JSON depth scan over N escaped quotes")
    for n in (100_000, 200_000, 400_000):
        text = '["' + '\\"' * n + "]"
        print(f"  N={n:>7}: {seconds(lambda t=text: too_deep(t)):7.4f} s")

    print("answers file of N duplicate lines (parse and build the message)")
    catalog = load_catalog()
    for n in (10_000, 20_000, 40_000):
        text = "p01=4\n" * n

        def parse(t: str = text) -> None:
            try:
                parse_answers(t, catalog, "x")
            except UsageError as exc:
                assert exc.message.count("\n") == 21

        print(f"  N={n:>7}: {seconds(parse):7.4f} s")


if __name__ == "__main__":
    main()
