#!/usr/bin/env python3
"""Regenerates docs/scenarios/<name>.md from `adcov run` outputs (stdlib only).

For each shipped scenario: runs `adcov run` into out/docs/<name>/, then writes a
page with the scenario's question (its header comment), the coverage and
interception figures from summary.json and two pictures (a coverage map and the
floor map) copied to docs/scenarios/img/. Hand-written notes after MARKER in an
existing page are kept. Also writes docs/calibration.md's
table (simulated vs the 2025 record per class) for ukraine-2025-baseline.

Usage: python3 scripts/scenario_docs.py [--adcov build/adcov] [--trials N] [--only NAME]
"""
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SCENARIOS = ["kyiv-night-raid", "kyiv-least-exposure", "ukraine-2025-baseline", "western-air-shield",
             "reassurance-force", "odesa-black-sea", "kharkiv-frontline"]
# Text from this line to the end of a page is hand-written and kept as it is.
MARKER = "<!-- hand-written notes: kept by scripts/scenario_docs.py -->"
# The 2025 record per class (scripts/record_rates.py): destroyed %, lost %;
# and the bands of tests/apps/calibration_test.cpp: destroyed (lo, hi) and
# lost to EW (lo, hi) or None where the test does not check it.
RECORD_2025 = {"drone": (67.6, 18.6), "cruise": (81.2, 0.8), "ballistic": (24.6, 5.3)}
BANDS = {"drone": ((60.0, 75.0), (13.0, 25.0)), "cruise": ((78.2, 85.0), None),
         "ballistic": ((23.6, 30.9), None)}


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def header(path):
    lines = []
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            break
        lines.append(line[1:].rstrip("\n")[1:] if line.startswith("# ") else line[1:].rstrip("\n"))
    return "\n".join(lines).strip()


def pct(x):
    return f"{100 * x:.1f} %"


def rate_row(name, r):
    return (f"| {name} | {r['launched']} | {r['intercepted_mean']:.2f} | {pct(r['interception_rate'])} "
            f"| {pct(r['ci95'][0])} – {pct(r['ci95'][1])} |")


def page(name, s, out_dir, img_dir):
    lines = [f"# Scenario `{name}`", "", "```", header(os.path.join(ROOT, "scenarios", name + ".yaml")), "```", "",
             f"Run: `adcov run scenarios/{name}.yaml` (seed {s['seed']}, {s['trials']} trials).", ""]
    terrain = s.get("terrain", {})
    if terrain:
        lines += [f"Terrain: {terrain.get('description', '')}", ""]
    lines += ["## Coverage", "", "| altitude | covered km² | of region | marginal ukraine | marginal allied | marginal contractor |",
              "|---|---|---|---|---|---|"]
    for c in s["coverage"]:
        m = c.get("marginal_by_operator", {})
        lines.append(f"| {c['altitude_m']:g} m | {c['covered_km2']:,.0f} | {pct(c['covered_fraction'])} | "
                     f"{m.get('ukraine', 0):,.0f} | {m.get('allied', 0):,.0f} | {m.get('contractor', 0):,.0f} |")
        if "protect" in c:
            lines.append(f"| ↳ protect zone | {c['protect']['covered_km2']:,.0f} | {pct(c['protect']['covered_fraction'])} | | | |")
    alts = [c["altitude_m"] for c in s["coverage"]]
    pick = 500 if 500 in alts else alts[0]
    cov_png = f"coverage_{pick:g}m.png"
    os.makedirs(img_dir, exist_ok=True)
    shutil.copy(os.path.join(out_dir, cov_png), os.path.join(img_dir, f"{name}-{cov_png}"))
    lines += ["", f"![coverage at {pick:g} m](img/{name}-{cov_png})", ""]
    if os.path.exists(os.path.join(out_dir, "floor.png")):
        shutil.copy(os.path.join(out_dir, "floor.png"), os.path.join(img_dir, f"{name}-floor.png"))
        lines += [f"![coverage floor](img/{name}-floor.png)", ""]
    e = s["engagement"]
    lines += ["## Interceptions", "", "| group | launched | intercepted (mean) | rate | 95 % CI |", "|---|---|---|---|---|",
              rate_row("**overall**", e["overall"])]
    lines += [rate_row(f"class {k}", v) for k, v in sorted(e["by_class"].items())]
    lines += [rate_row(f"threat {k}", v) for k, v in sorted(e["by_threat"].items())]
    lines += [rate_row(f"salvo {k}", v) for k, v in sorted(e["by_salvo"].items())]
    ops = e.get("by_operator", {})
    if ops:
        lines += ["", "| operator group | interceptions made | marginal interceptions | rate without it |", "|---|---|---|---|"]
        for k, v in sorted(ops.items()):
            lines.append(f"| {k} | {v.get('interceptions_mean', 0):.2f} | {v.get('marginal_interceptions', 0):.2f} | "
                         f"{pct(v.get('rate_without', 0))} |")
    cost = e.get("cost_usd", {})
    lines += ["", f"Interceptors fired per trial: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(e["interceptors_fired"].items()) if v > 0) + ".",
              f"Mean cost per night: interceptors ${cost.get('interceptors', 0):,.0f}, threats destroyed ${cost.get('threats_destroyed', 0):,.0f}.", ""]
    return "\n".join(lines) + "\n"


def calibration_table(s):
    lines = ["| class | simulated destroyed | 95 % CI | simulated lost (EW) | record 2025: destroyed | record 2025: lost | test band | inside? |",
             "|---|---|---|---|---|---|---|---|"]
    for cls, (rec_d, rec_l) in RECORD_2025.items():
        r = s["engagement"]["by_class"].get(cls)
        if not r:
            continue
        v = 100 * r["interception_rate"]
        lost = 100 * r.get("lost_ew_rate", 0.0)
        (dlo, dhi), lband = BANDS[cls]
        ok = dlo <= v <= dhi and (lband is None or lband[0] <= lost <= lband[1])
        band = f"{dlo:g}–{dhi:g} %" + (f", lost {lband[0]:g}–{lband[1]:g} %" if lband else "")
        lines.append(f"| {cls} | {v:.1f} % | {100*r['ci95'][0]:.1f} – {100*r['ci95'][1]:.1f} % | {lost:.1f} % | "
                     f"{rec_d} % | {rec_l} % | {band} | {'yes' if ok else 'no'} |")
    return "\n".join(lines) + "\n"


def main():
    adcov = arg("--adcov", os.path.join(ROOT, "build", "adcov"))
    trials = arg("--trials", None)
    docs = os.path.join(ROOT, "docs", "scenarios")
    only = arg("--only", None)
    for name in [only] if only else SCENARIOS:
        out_dir = os.path.join(ROOT, "out", "docs", name)
        cmd = [adcov, "run", os.path.join(ROOT, "scenarios", name + ".yaml"), "-o", out_dir, "--quiet"]
        if trials:
            cmd += ["--trials", trials]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        s = json.load(open(os.path.join(out_dir, "summary.json")))
        os.makedirs(docs, exist_ok=True)
        md = os.path.join(docs, name + ".md")
        kept = ""  # hand-written notes below MARKER survive regeneration
        if os.path.exists(md):
            old = open(md, encoding="utf-8").read()
            if MARKER in old:
                kept = "\n" + old[old.index(MARKER):]
        with open(md, "w", encoding="utf-8") as f:
            f.write(page(name, s, out_dir, os.path.join(docs, "img")) + kept)
        if name == "ukraine-2025-baseline":
            with open(os.path.join(docs, "calibration_table.md"), "w", encoding="utf-8") as f:
                f.write(calibration_table(s))
        print("wrote", os.path.join(docs, name + ".md"))


if __name__ == "__main__":
    main()
