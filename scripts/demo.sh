#!/usr/bin/env bash
# Command 1 of the README: install everything, build, run the default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/adcov run scenarios/kyiv-night-raid.yaml "$@"
