"""How well does kariersosial tell its five roles apart? Simulated respondents, fixed seed.

Two respondent models:
- the independent expert key (benchmarks/expert_key.json, written blind to the weights), drawn
  with a graded response model in five answering styles: this measures validity;
- the catalogue's own weights: this measures consistency only (the scoring wrote the answers).

Run: python benchmarks/simulate.py [--people 200] [--seed 2026] [--data roles.json] [--fast]
Method and current figures: docs/pengukuran.md
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from legacy_fit import LegacyModel

from kariersosial.catalog.load import load_catalog
from kariersosial.core.errors import UsageError
from kariersosial.core.expert_sim import (
    NOISES,
    STYLES,
    AnswerSet,
    Key,
    Model,
    Outcome,
    StyleReport,
    evaluate,
    read_key,
)
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import Scorer
from kariersosial.core.simulation import (
    Report,
    item_spread,
    pair_separation,
    simulate,
    simulate_quick,
)
from kariersosial.words.messages import words

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


KEY_FILES = {
    "A": Path(__file__).with_name("expert_key.json"),
    "B": Path(__file__).with_name("expert_key_b.json"),
}
TARGETS = (
    ("top-1, semua", "≥ 92%"),
    ("top-1, tiap peran", "≥ 88%"),
    ("top-1 berubah karena +1", "≤ 8%"),
    ("hasil tegas yang benar", "≥ 97%"),
    ("satu-peran diberi hasil tegas", "≥ 60%"),
    ("tak berminat → tidak ada yang cocok", "≥ 95%"),
    ("berminat → tidak ada yang cocok", "≤ 1%"),
    ("setengah-setengah → keduanya di top-2", "≥ 70%"),
)


def current_model(catalog: Catalog) -> Model:
    scorer = Scorer(catalog)

    def model(answers: AnswerSet) -> Outcome:
        r = scorer.rank(answers)
        return Outcome(tuple(role.id for role, _ in r.fits), r.decisive, r.nothing_fits)

    return model


def pct(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     –"


def style_table(catalog: Catalog, title: str, reports: list[StyleReport]) -> None:
    print(title)
    cols = "".join(f"{r.style.name:>14}" for r in reports)
    print(f"{'':<40}{cols}")
    for role in catalog.roles:
        cells = "".join(
            f"{pct(t.top1, t.people)}/{pct(t.top2, t.people).strip():>6}"
            for t in (r.roles[role.id] for r in reports)
        )
        print(f"{'top-1/top-2 ' + short(role.id):<40}{cells}")
    rows = [
        ("top-1/top-2 semua", lambda r: f"{pct(r.total().top1, r.total().people)}/"
         f"{pct(r.total().top2, r.total().people).strip():>6}"),
        ("top-1 berubah karena +1", lambda r: pct(r.total().changed_by_shift, r.total().people)),
        ("hasil tegas (satu-peran)", lambda r: pct(r.total().decisive, r.total().people)),
        ("hasil tegas yang benar", lambda r: pct(r.total().decisive_right, r.total().decisive)),
        ("tak berminat → tidak ada yang cocok", lambda r: pct(r.uninterested_told, r.uninterested)),
        ("berminat → tidak ada yang cocok",
         lambda r: pct(r.total().nothing_fits, r.total().people)),
        ("setengah-setengah → keduanya di top-2", lambda r: pct(r.halfway_both, r.halfway)),
    ]  # fmt: skip
    for name, cell in rows:
        print(f"{name:<40}" + "".join(f"{cell(r):>14}" for r in reports))
    worst = min((t.top1 / t.people, short(rid)) for rid, t in reports[0].roles.items() if t.people)
    print(f"{'top-1 peran terendah (biasa)':<40}{worst[1]:>8} {worst[0]:.1%}")
    print()


def expert(
    catalog: Catalog, key: Key, people: int, seed: int, fast: bool, name: str = "kunci"
) -> None:
    roles = [r.id for r in catalog.roles]
    missing = [q.id for q in catalog.questions if q.id not in key[roles[0]]]
    if missing:
        print(f"kunci ahli tidak mencakup {', '.join(missing)}: bagian ini dilewati\n")
        return
    medium = NOISES[1]
    models = [("model sekarang (pola + minat)", current_model(catalog))]
    models.append(("model lama (rata-rata berbobot, selisih 5 poin)", LegacyModel(catalog)))
    print(f"== Validitas: responden dari kunci ahli independen ({name}) ==")
    print(f"derau {medium.name}: skala logistik {medium.scale}, simpangan pribadi "
          f"{medium.person_sd} poin per pernyataan; {people} orang per peran per gaya")  # fmt: skip
    print()
    for name, model in models:
        reports = [evaluate(key, roles, model, medium, s, people, seed) for s in STYLES]
        style_table(catalog, f"-- {name} --", reports)
        if fast:
            break
    print("Target (derau sedang): " + "; ".join(f"{n} {t}" for n, t in TARGETS))
    print()
    if fast:
        return
    print("Ketepatan menurut tingkat derau (gaya biasa, model sekarang)")
    model = models[0][1]
    for noise in NOISES:
        r = evaluate(key, roles, model, noise, STYLES[0], people, seed)
        t = r.total()
        per_role = " ".join(
            f"{short(rid)} {v.top1 / v.people:.0%}" for rid, v in r.roles.items() if v.people
        )
        print(f"  {noise.name:<8} top-1 {pct(t.top1, t.people)}  tegas {pct(t.decisive, t.people)}"
              f"  benar bila tegas {pct(t.decisive_right, t.decisive)}  ({per_role})")  # fmt: skip
    print()


def quick_expert(catalog: Catalog, key: Key, people: int, seed: int) -> None:
    """The short quiz on respondents from the key, against the full bank for the same people."""
    from kariersosial.core.adaptive import Adaptive, walk
    from kariersosial.core.expert_sim import UNINTERESTED, draw

    scorer = Scorer(catalog)
    adaptive = Adaptive(scorer)
    medium = NOISES[1]
    rng = random.Random(f"{seed}-quick-expert")
    lengths: list[int] = []
    agree: dict[str, list[bool]] = {}
    decisive_agree: list[bool] = []
    for role in catalog.roles:
        for _ in range(people):
            full = draw(key[role.id], rng, medium, STYLES[0])
            asked = walk(adaptive, full)
            lengths.append(len(asked))
            whole = scorer.rank(full)
            short_top = scorer.rank({q: full[q] for q in asked}).fits[0][0].id
            same = short_top == whole.fits[0][0].id
            agree.setdefault(role.id, []).append(same)
            if whole.decisive:
                decisive_agree.append(same)
    told = [
        scorer.rank({q: f[q] for q in walk(adaptive, f)}).nothing_fits
        for f in (draw(key[UNINTERESTED], rng, medium, STYLES[0]) for _ in range(people))
    ]
    every = [x for v in agree.values() for x in v]
    lengths.sort()
    bank = len(catalog.questions)
    print(f"Kuis singkat pada responden kunci (derau sedang, gaya biasa, {people} orang per peran)")
    print(f"  pernyataan: median {statistics.median(lengths):.0f}, persentil ke-95 "
          f"{lengths[int(0.95 * (len(lengths) - 1))]}, maks {lengths[-1]}; seluruh bank "
          f"{sum(n == bank for n in lengths) / len(lengths):.1%}")  # fmt: skip
    print(
        f"  top-1 sama dengan bank lengkap: {sum(every) / len(every):.1%} ("
        + ", ".join(f"{short(r)} {sum(v) / len(v):.0%}" for r, v in agree.items())
        + f"); bila bank lengkap tegas: {sum(decisive_agree) / max(1, len(decisive_agree)):.1%}"
    )
    print(f"  tak berminat → tidak ada yang cocok: {sum(told) / len(told):.1%}")
    print(
        "  target: median ≤ 12, persentil ke-95 ≤ 20, seluruh bank ≤ 5%, sama top-1 ≥ 95% "
        "(tiap peran ≥ 90%), tak berminat ≥ 95%"
    )
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200, help="orang per peran (bawaan 200)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--data", help="berkas katalog lain")
    parser.add_argument("--key", action="append", help="berkas kunci ahli (bawaan: A dan B)")
    parser.add_argument("--fast", action="store_true", help="hanya model sekarang, derau sedang")
    parser.add_argument(
        "--catalogue-quick",
        action="store_true",
        help="juga kuis singkat pada responden model katalog (lambat)",
    )
    args = parser.parse_args(argv)
    catalog = load_catalog(args.data)
    started = time.perf_counter()
    print(f"katalog {catalog.version}, {len(catalog.questions)} pernyataan, "
          f"{args.people} orang per peran per tingkat derau, benih {args.seed}\n")  # fmt: skip
    keys = {Path(k).stem: Path(k) for k in args.key} if args.key else KEY_FILES
    for name, file in keys.items():
        print(f"######## kunci {name}: {file.name} ########\n")
        try:
            key = read_key(json.loads(file.read_text("utf-8")))
        except UsageError as exc:
            said = words(exc)
            raise SystemExit(f"{file}: {said.message}\n{said.hint}") from None
        except (OSError, ValueError) as exc:  # unreadable, or not JSON
            raise SystemExit(f"{file}: kunci ahli tidak bisa dibaca ({exc})") from None
        expert(catalog, key, args.people, args.seed, args.fast, f"benchmarks/{file.name}")
        quick_people = max(20, args.people // 5) if args.fast else max(4, args.people // 2)
        quick_expert(catalog, key, quick_people, args.seed)
    if args.fast:
        return 0
    print("== Responden dari bobot dimensi katalog (pembanding lama, bukan ukuran validitas) ==\n")
    reports = simulate(catalog, args.people, args.seed)
    accuracy_table(catalog, reports)
    for report in reports:
        confusion(catalog, report)
    items(catalog)
    if args.catalogue_quick:
        quick(catalog, args.people, args.seed)
    print("target lama (konsistensi, derau sedang): top-1 ≥ 90% tiap peran, tak berminat ≥ 95%")
    print(f"selesai dalam {time.perf_counter() - started:.1f} detik")
    return 0


if __name__ == "__main__":
    sys.exit(main())
