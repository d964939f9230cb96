"""How well does kariersosial tell its five roles apart? Simulated respondents, fixed seed.

Run: python benchmarks/simulate.py [--people 200] [--seed 2026] [--data roles.json]
Method and current figures: docs/pengukuran.md
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from kariersosial.catalog import load_catalog
from kariersosial.models import Catalog
from kariersosial.simulation import (
    Report,
    item_spread,
    pair_separation,
    simulate,
    simulate_quick,
)

FLAT_ITEM = 0.5  # a statement whose expected answer moves less than this across roles


def short(role_id: str) -> str:
    return "".join(part[0] for part in role_id.split("-")).upper()


def accuracy_table(catalog: Catalog, reports: list[Report]) -> None:
    print("Ketepatan peringkat (top-1 / top-2) per peran dan tingkat derau")
    header = f"{'peran':<40}" + "".join(f"{r.level.name:>16}" for r in reports)
    print(header)
    for role in catalog.roles:
        cells = "".join(
            f"{r.tally.top1_rate(role.id):>9.1%} /{r.tally.top2_rate(role.id):>5.0%}"
            for r in reports
        )
        print(f"{role.name:<40}{cells}")
    overall = "".join(f"{r.tally.top1_rate():>9.1%} /{r.tally.top2_rate():>5.0%}" for r in reports)
    print(f"{'semua':<40}{overall}")
    print(f"{'tak berminat → “tidak ada yang cocok”':<40}"
          + "".join(f"{r.nothing_fits_rate:>16.1%}" for r in reports))  # fmt: skip
    print(f"{'campuran → dua peran asal di top-2':<40}"
          + "".join(f"{r.mixed_rate:>16.1%}" for r in reports))  # fmt: skip
    print()


def confusion(catalog: Catalog, report: Report) -> None:
    ids = [r.id for r in catalog.roles]
    print(f"Matriks kebingungan, derau {report.level.name} (baris: peran sebenarnya, kolom: top-1)")
    print(f"{'':<6}" + "".join(f"{short(i):>6}" for i in ids))
    for true in ids:
        row = report.tally.confusion[true]
        print(f"{short(true):<6}" + "".join(f"{row[i]:>6}" for i in ids))
    print("  " + ", ".join(f"{short(r.id)} = {r.name}" for r in catalog.roles))
    print()


def items(catalog: Catalog) -> None:
    print("Analisis butir: rentang jawaban yang diharapkan antar-peran (skala 1–5)")
    for q, spread, by_role in sorted(item_spread(catalog), key=lambda row: row[1]):
        flag = "  ← tidak membedakan peran" if spread < FLAT_ITEM else ""
        high = max(by_role, key=lambda rid: by_role[rid])
        print(f"  {q.id} {spread:4.2f} tertinggi {short(high):<5} {q.text[:58]}{flag}")
    print()
    print("Jarak antar-pasangan peran (RMS selisih jawaban yang diharapkan; kecil = mirip)")
    for a, b, distance in pair_separation(catalog):
        print(f"  {short(a):>5} – {short(b):<5} {distance:.2f}")
    print()


def quick(catalog: Catalog, people: int, seed: int) -> None:
    print("Kuis singkat (adaptif) dibanding bank lengkap")
    print(f"{'derau':<10}{'median':>8}{'rata2':>8}{'maks':>6}{'sama top-1':>12}{'top-1 benar':>13}")
    for r in simulate_quick(catalog, people, seed):
        print(
            f"{r.level.name:<10}{statistics.median(r.asked):>8.0f}{statistics.mean(r.asked):>8.1f}"
            f"{max(r.asked):>6}{r.agreement:>12.1%}{r.top1:>13.1%}"
        )
    print("  target (derau sedang): median ≤ 12 pernyataan, sama top-1 ≥ 95%")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200, help="orang per peran (bawaan 200)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--data", help="berkas katalog lain")
    args = parser.parse_args(argv)
    catalog = load_catalog(args.data)
    started = time.perf_counter()
    print(f"katalog {catalog.version}, {len(catalog.questions)} pernyataan, "
          f"{args.people} orang per peran per tingkat derau, benih {args.seed}\n")  # fmt: skip
    reports = simulate(catalog, args.people, args.seed)
    accuracy_table(catalog, reports)
    for report in reports:
        confusion(catalog, report)
    items(catalog)
    quick(catalog, args.people, args.seed)
    print("target (derau sedang): top-1 ≥ 90% tiap peran, top-2 ≥ 98%, tak berminat ≥ 95%")
    print(f"selesai dalam {time.perf_counter() - started:.1f} detik")
    return 0


if __name__ == "__main__":
    sys.exit(main())
