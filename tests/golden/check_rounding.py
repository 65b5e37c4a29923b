#!/usr/bin/env python3
"""Checks that a rounded golden CSV differs from the unrounded one only in precision (issue 15).

usage: check_rounding.py OLD.csv NEW.csv

Every column of OLD must be in NEW with as many rows; each NEW number must have at most the
decimals sweep.csv writes for its column (src/report/sweep_outputs.cpp) and equal the OLD number
rounded to them. Exit 1 naming the first cell that does not.
"""
import csv
import sys


def decimals(column):
    if column.endswith("_mean"):
        return 2
    if column.endswith("_usd"):
        return 0
    if column.endswith("_rate") or column.startswith(("ci95_", "covered_fraction_")):
        return 4
    return None  # axis values and counts: unchanged


def main(old_path, new_path):
    old = list(csv.DictReader(open(old_path)))
    new = list(csv.DictReader(open(new_path)))
    if len(old) != len(new):
        sys.exit(f"{new_path}: {len(new)} rows, {old_path} has {len(old)}")
    checked = 0
    for i, (o, n) in enumerate(zip(old, new)):
        for col, ov in o.items():
            nv = n.get(col)
            d = decimals(col)
            if d is None:
                ok = nv == ov or float(nv) == float(ov)
            else:
                # %.17g in OLD reads back to the double the program rounded; fixed-point rounding of that
                # double (Python's format is correctly rounded, as {fmt}'s) gives the expected digits.
                want = float(format(float(ov), f".{d}f"))
                places = len(nv.split(".")[1]) if "." in nv else 0
                ok = nv is not None and places <= d and float(nv) == want
            if not ok:
                sys.exit(f"row {i + 1} column {col}: {ov} -> {nv} is not a rounding to {d} decimals")
            checked += 1
    print(f"{new_path}: {checked} numbers agree with {old_path} to the rounding")


if __name__ == "__main__":
    main(*sys.argv[1:3])
