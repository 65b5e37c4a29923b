#!/usr/bin/env python3
"""Per-class interception rates by year from the public record (stdlib only).

Reads data/attacks/missile_attacks_daily.csv (Ukrainian Air Force bulletins,
aggregated by P. Ivaniuk; see data/attacks/SOURCE.md) and prints, for each
adcov threat class (drone, cruise, ballistic) and year, the launched count
and three rates:
  destroyed_pct       = destroyed / launched
  incl_lost_pct       = (destroyed + not_reach_goal) / launched
  lost_pct            = not_reach_goal / launched
not_reach_goal counts drones "lost" to electronic warfare or that otherwise did
not reach a target (UAF's "locationally lost"). A simulated interception rate
is compared with destroyed_pct, a simulated lost_ew_rate (GNSS-denial zones)
with lost_pct (docs/calibration.md).

Class mapping (the models of the record, as they are spelled there):
  drone     = Shahed-136/131 (the UAF bulletins count Gerbera-type decoys in it)
  cruise    = Kh-101/Kh-555, Kalibr and their mixed rows (the record's
              main cruise-missile family)
  ballistic = Iskander-M, KN-23, Kinzhal, their mixed rows, "Ballistic Missile", Zircon
Iskander-K (ground-launched), Kh-59/69 and Kh-22/32 are kept apart (their own lines) because they are
air-launched tactical/anti-ship weapons with very different rates.

Usage: python3 scripts/record_rates.py [CSV] [--variant all_sources|national_only]
"""
import collections
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "data", "attacks", "missile_attacks_daily.csv")
REGIONAL = {"PvKPivden", "pvkshid", "PvkZahid", "PvkCenter"}

CLASSES = {
    "drone": {"Shahed-136/131"},
    "cruise": {
        "X-101/X-555", "Kalibr", "X-101/X-555 and Kalibr", "X-101/X-555 and Kalibr and X-59/X-69",
        "X-101/X-555 and Iskander-K", "X-101/X-555 and Kalibr and Iskander-K",
        "X-101/X-555 and Kalibr and X-22", "Iskander-K and Kalibr",
        "X-101/X-555 and Kalibr and Iskander-K and X-59"},
    "ballistic": {
        "Iskander-M", "Iskander-M/KN-23", "KN-23", "X-47 Kinzhal", "X-47 Kinzhal and Iskander-M",
        "X-47 Kinzhal and Iskander-M/KN-23", "C-300 and Iskander-M", "C-400 and Iskander-M",
        "C-300/C-400 and Iskander-M", "Ballistic Missile", "3M22 Zircon"},
    "iskander_k": {"Iskander-K"},
    "kh59_kh69": {"X-59/X-69", "X-59", "X-69", "X-59MK2"},
    "kh22_kh32": {"X-22", "X-22 and X-32"},
}


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return 0.0


def rates(path, variant="all_sources"):
    """{(class, year): [rows, launched, destroyed, not_reach_goal]}"""
    agg = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if variant == "national_only" and r["source"].split("/")[0] in REGIONAL:
                continue
            for cls, models in CLASSES.items():
                if r["model"] in models:
                    for period in (r["time_start"][:4], "all"):
                        a = agg[(cls, period)]
                        a[0] += 1
                        a[1] += num(r["launched"])
                        a[2] += num(r["destroyed"])
                        a[3] += num(r["not_reach_goal"])
    return agg


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    variant = "national_only" if "--variant=national_only" in argv or "national_only" in argv else "all_sources"
    path = next((a for a in args if a.endswith(".csv")), DEFAULT)
    agg = rates(path, variant)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["class", "year", "rows", "launched", "destroyed", "not_reach_goal",
                "destroyed_pct", "incl_lost_pct", "lost_pct"])
    for cls in CLASSES:
        for p in sorted({p for (c, p) in agg if c == cls}, key=lambda p: (p == "all", p)):
            n, L, D, N = agg[(cls, p)]
            if L:
                w.writerow([cls, p, n, int(L), int(D), int(N),
                            f"{100 * D / L:.1f}", f"{100 * (D + N) / L:.1f}", f"{100 * N / L:.1f}"])


if __name__ == "__main__":
    main(sys.argv)
