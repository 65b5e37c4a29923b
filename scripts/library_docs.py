#!/usr/bin/env python3
"""Regenerates docs/library.md from the built-in library (stdlib only).

data/library.yaml is the single source of truth; this script reads it through
`adcov library --format json` (so the page shows exactly what the binary uses)
and writes the tables, the "Ranges" rules, the "Estimates and why" list (value,
range and reasoning of every estimate) and the citations.

Usage: python3 scripts/library_docs.py [--adcov build/adcov]
"""
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SYSTEM_KEYS = ["role", "radar.range_km", "radar.height_m", "radar.min_elevation_deg", "radar.rcs_ref_m2",
               "radar.scan_s", "radar.sector_deg", "radar.band", "radar.kind", "radar.max_alt_m",
               "engagement.min_range_km", "engagement.max_range_km", "engagement.min_alt_m",
               "engagement.max_alt_m", "interceptor.speed_mps", "interceptor.cost_usd", "magazine",
               "reload_s", "fire_channels", "reaction_s", "pk.drone", "pk.cruise", "pk.ballistic",
               "doctrine.shots_per_engagement", "doctrine.max_engagements", "engage_on_remote",
               "decoy_discrimination_s"]
THREAT_KEYS = ["class", "speed_mps", "altitude_m", "rcs_m2", "rcs_band_factor", "cost_usd", "decoy",
               "gnss_susceptibility"]


def get(obj, key):
    for part in key.split("."):
        obj = obj[part]
    return obj


def fmt(v, money=False):
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, str):
        return v
    if v is None:
        return "—"
    if isinstance(v, dict):
        return ", ".join(f"{k} ×{fmt(x)}" for k, x in v.items()) or "—"
    if money:
        return f"{v:,.0f}"
    return f"{v:g}"


def src(s):
    return ", ".join("E" if x.strip() == "estimate" else f"[{x.strip()}]" for x in s.split(","))


def cell(t, key, money=False):
    if key not in t["sources"]:  # not a parameter of this entry (e.g. a band factor never set)
        return fmt(get(t, key), money)
    return f"{fmt(get(t, key), money)} {src(t['sources'][key])}"


def range_text(t, key):
    """The estimate's plausible band, "0.75–0.97"; per entry for a map ("vhf ×1.5–6"); "" for a word."""
    money = key.endswith("cost_usd")
    ranges = t.get("ranges", {})
    if key in ranges:
        lo, hi = ranges[key]
        return f"{fmt(lo, money)}–{fmt(hi, money)}"
    parts = []
    for k, (lo, hi) in ranges.items():
        if k.startswith(key + "."):
            entry = k[len(key) + 1:]
            times = "×" if key == "rcs_band_factor" else ""
            parts.append(f"{entry} {times}{fmt(lo)}–{fmt(hi)}")
    return ", ".join(parts)


def rcs_cell(t):
    a = t.get("rcs_aspects")
    value = f"{fmt(a['front'])} / {fmt(a['side'])} / {fmt(a['tail'])}" if a else fmt(t["rcs_m2"])
    return f"{value} {src(t['sources']['rcs_m2'])}"


def main():
    adcov = sys.argv[sys.argv.index("--adcov") + 1] if "--adcov" in sys.argv else os.path.join(ROOT, "build", "adcov")
    lib = json.loads(subprocess.run([adcov, "library", "--format", "json"], check=True,
                                    capture_output=True, text=True).stdout)
    d = ["# Built-in library", "",
         "`adcov library` lists these types; scenarios name them by id (`systems:` / `threats:` may override "
         "or derive from them with `base:`). The values live in [`data/library.yaml`](../data/library.yaml), "
         "which is compiled into the binary; this page is generated from it by `scripts/library_docs.py`. "
         "**They are coarse public planning figures, not targeting data**: many are marketing maxima or "
         "official claims, and every value missing from public sources is an explicit estimate (marked **E**, "
         "reasoning below).", "",
         "Source keys in brackets refer to the citation list at the end, copied from "
         "`shared/reference/systems_and_threats.md`. `E` = estimate. A cell such as `60 [P3], E` means a "
         "sourced figure adjusted by our reasoning. Values marked *calibrated* were tuned so that "
         "`ukraine-2025-baseline` reproduces the 2025 record (docs/calibration.md).", "",
         "Model conventions: `radar.range_km` is against a target of `rcs_ref_m2` (1 m² throughout, scaled by "
         "`(rcs/rcs_ref)^(1/4)`); `interceptor.speed_mps` is a *mean* fly-out speed (time of flight = range / "
         "speed), so it is below the published peak; for guns (Gepard, Skynex, mobile fire groups) one "
         "\"interceptor\" is one burst and `magazine` counts bursts; `radar.min_elevation_deg` is measured from "
         "the antenna's local horizontal, so a negative value lets a mast-mounted radar look down to the "
         "geometric horizon (docs/coverage.md). `radar.scan_s` is the time between looks; `radar.sector_deg` "
         "the arc the radar sees, centred on the battery's `azimuth_deg` (sector radars such as Patriot and "
         "S-300 need it pointed at the threat axis); `radar.band` selects a threat's `rcs_band_factor`; "
         "`engage_on_remote` (\"fires on remote track\") lets a battery fire on another sensor's track under "
         "`c2.mode: integrated` (active/IR seeker or operator-guided; semi-active and track-via-missile "
         "systems cannot). `decoy_discrimination_s` (\"recognises decoy after s\") is how long a battery tracks a "
         "decoy before it recognises it and stops engaging it, or `never`; `gnss_susceptibility` is the chance that a "
         "threat entering a GNSS-denial zone of strength 1 loses its way (docs/scenario.md, `ew:`).", "",
         "## Systems", "",
         "Shooters: they detect with their own radar (or sights) and fire.", "",
         "| id | name | radar km | radar height m | min elev deg | scan s | sector deg | band "
         "| engagement km (min–max) | altitude m (min–max) "
         "| interceptor m/s | cost USD | magazine | reload s | channels | reaction s "
         "| pk drone / cruise / ballistic | shots × engagements | fires on remote track | recognises decoy after s |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    shooters = [s for s in lib["systems"] if s.get("role", "shooter") == "shooter"]
    sensors = [s for s in lib["systems"] if s.get("role", "shooter") == "sensor"]
    for s in shooters:
        d.append(f"| `{s['id']}` | {s['name']} | {cell(s, 'radar.range_km')} | {cell(s, 'radar.height_m')} | "
                 f"{cell(s, 'radar.min_elevation_deg')} | {cell(s, 'radar.scan_s')} | {cell(s, 'radar.sector_deg')} | "
                 f"{cell(s, 'radar.band')} | {cell(s, 'engagement.min_range_km')} – "
                 f"{cell(s, 'engagement.max_range_km')} | {cell(s, 'engagement.min_alt_m')} – "
                 f"{cell(s, 'engagement.max_alt_m')} | {cell(s, 'interceptor.speed_mps')} | "
                 f"{cell(s, 'interceptor.cost_usd', True)} | {cell(s, 'magazine')} | {cell(s, 'reload_s')} | "
                 f"{cell(s, 'fire_channels')} | {cell(s, 'reaction_s')} | {cell(s, 'pk.drone')} / "
                 f"{cell(s, 'pk.cruise')} / {cell(s, 'pk.ballistic')} | "
                 f"{cell(s, 'doctrine.shots_per_engagement')} × {cell(s, 'doctrine.max_engagements')} | "
                 f"{cell(s, 'engage_on_remote')} | {cell(s, 'decoy_discrimination_s')} |")
    d += ["", "## Sensors", "",
          "`role: sensor`: they detect and, through `c2:`, cue batteries; they never fire, so they have no "
          "envelope, interceptor, magazine or pk. An acoustic node (`radar.kind: acoustic`) hears drones within "
          "its range and below `radar.max_alt_m`, with no line of sight or RCS; an airborne early-warning "
          "aircraft's `radar.height_m` is its patrol altitude (a battery's `height_m` overrides it) and its "
          "elevation floor is negative so that it looks down.", "",
          "| id | name | kind | range km | height m | min elev deg | RCS ref m² | scan s | sector deg | band "
          "| max altitude heard m |",
          "|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in sensors:
        acoustic = s["radar"].get("kind") == "acoustic"
        na = "—"
        d.append(f"| `{s['id']}` | {s['name']} | {s['radar'].get('kind', 'radar')} | {cell(s, 'radar.range_km')} | "
                 f"{cell(s, 'radar.height_m')} | {na if acoustic else cell(s, 'radar.min_elevation_deg')} | "
                 f"{na if acoustic else cell(s, 'radar.rcs_ref_m2')} | {cell(s, 'radar.scan_s')} | "
                 f"{cell(s, 'radar.sector_deg')} | {na if acoustic else cell(s, 'radar.band')} | "
                 f"{cell(s, 'radar.max_alt_m') if acoustic else na} |")
    d += ["", "## Threats", "",
          "RCS is one number, or front / side / tail where it varies with aspect (coverage maps use the front). "
          "A band factor multiplies the RCS that radars of that band see (bands not named: ×1).", "",
          "| id | name | class | speed m/s | altitude m (AGL; ballistic: apogee) | RCS m² | band factor "
          "| cost USD | decoy | GNSS susceptibility |",
          "|---|---|---|---|---|---|---|---|---|---|"]
    for t in lib["threats"]:
        d.append(f"| `{t['id']}` | {t['name']} | {cell(t, 'class')} | {cell(t, 'speed_mps')} | "
                 f"{cell(t, 'altitude_m')} | {rcs_cell(t)} | {cell(t, 'rcs_band_factor')} | "
                 f"{cell(t, 'cost_usd', True)} | {cell(t, 'decoy')} | {cell(t, 'gnss_susceptibility')} |")
    d += ["", "## Ranges", "",
          "Every numeric estimate carries a range `[lo, hi]` (`ranges:` in `data/library.yaml`, `ranges` in "
          "`adcov library --format json`): the band the value could plausibly take given public knowledge, with "
          "lo ≤ value ≤ hi and each end a value the parameter itself accepts (probabilities in [0, 1], counts "
          "whole and ≥ 1, `sector_deg` in (0, 360]). It is the band an uncertainty analysis draws the value from. "
          "The reason for each band closes the estimate's line below (\"…; range lo-hi: …\"). A band of zero "
          "width marks a value that is structural, not uncertain: a pk of 0 against ballistic missiles for a "
          "system that cannot engage them, 360° for a rotating radar's sector, one fire channel for one turret.", "",
          "Word-valued estimates (`role`, `radar.band`, `engage_on_remote`, `decoy_discrimination_s: never`) have "
          "no range; a numeric `decoy_discrimination_s` does. A map-valued estimate is ranged per entry, under the "
          "key its sweep path uses: `rcs_band_factor.vhf` for a band factor, `rcs_m2.front` / `.side` / `.tail` "
          "for an aspect RCS. The loader refuses a numeric estimate without a range, a range for a sourced value "
          "or a word, lo > hi, and a value outside its range. A scenario that overrides a value drops that range "
          "(the value is then the scenario's choice, not the library's estimate); a scenario's own type may give "
          "`ranges:` for any numeric parameter ([scenario.md](scenario.md)).", ""]
    d += ["## Estimates and why", "",
          "No public single-shot Pk, fire-channel count or reload time was found for most systems, and no RCS "
          "for any threat (see the reference's *Gaps*). \"Reference knowledge\" marks Wikipedia-level figures "
          "the reference flags `(R)`: not retrieved, to verify before relying on them. Each line gives the value, "
          "its range and the reasoning for both. Every system's `radar.rcs_ref_m2` = 1, range 1–5 (public ranges "
          "are quoted against targets from 1 m² to fighter size) unless listed below.", ""]
    for kind, items, keys in (("system", lib["systems"], SYSTEM_KEYS), ("threat", lib["threats"], THREAT_KEYS)):
        for t in items:
            rows = [k for k in keys if "estimate" in t["sources"].get(k, "")
                    and not (k == "radar.rcs_ref_m2" and t["radar"]["rcs_ref_m2"] == 1
                             and t["ranges"].get(k) == [1, 5])]
            if not rows:
                continue
            d += [f"### `{t['id']}` ({t['name']})", ""]
            for k in rows:
                money = k.endswith("cost_usd")
                band = range_text(t, k)
                shown = f"{fmt(get(t, k), money)} (range {band})" if band else fmt(get(t, k), money)
                d.append(f"- `{k}` = {shown}: {t['why'].get(k, '')}")
            d.append("")
    d += ["## Sources", "",
          "Copied from `shared/reference/systems_and_threats.md` (compiled from stored copies of public pages; "
          "see its legend for `(C)` contested and `(R)` reference-knowledge marks).", ""]
    d += [f"- [{k}] {v}" for k, v in lib["citations"].items()]
    with open(os.path.join(ROOT, "docs", "library.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(d) + "\n")


if __name__ == "__main__":
    main()
