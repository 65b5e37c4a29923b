#!/usr/bin/env bash
# MPI build only (tests/CMakeLists.txt): `mpirun -n P adcov run|coverage|simulate|sweep|uncertainty`
# writes byte-identical outputs to one process (docs/engagement.md, "Beyond one machine"), rank 0 alone prints, and bad input exits 2 on every rank.
# Usage: mpi_exact.sh MPIEXEC ADCOV WORKDIR
set -euo pipefail
mpiexec=$1 adcov=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
mpirun() { "$mpiexec" --allow-run-as-root --oversubscribe -n "$1" "${@:2}"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > small.yaml <<'YAML'
name: small
seed: 9
terrain: { flat: 120 }
region: { bbox: [30.2, 50.2, 30.9, 50.7] }
resolution_m: 1000
batteries:
  - { id: b-nasams, system: nasams, operator: ukraine, position: [30.50, 50.45] }
  - { id: b-gepard, system: gepard, operator: allied:DE, position: [30.60, 50.42] }
salvos:
  - id: wave
    threat: shahed136
    count: 10
    launch: [31.6, 50.9]
    target: [30.52, 50.45]
    start_s: 0
    interval_s: 30
  - id: area
    threat: shahed136
    count: 8
    launch_area: { center: [31.5, 50.3], radius_km: 15 }
    target: [30.7, 50.5]
    route: least_exposure  # planned by every rank for itself (issue 16)
    start_s: 60
    interval_s: 20
coverage: { altitudes_m: [100, 1000], floor: true, threat: shahed136 }
simulation: { trials: 61 }
uncertainty: { samples: 4, trials: 10, parameters: library }
sweep:
  - { set: "batteries[b-nasams].magazine", values: [2, 6] }
  - { set: "salvos[wave].count", values: [10, 20, 30] }
YAML

# Byte-identical, except report.html's provenance lines (class "provenance":
# the time it was written and the command line, which name other folders).
same() {
  case "$1" in
    *.html) cmp <(grep -v 'class="muted provenance"' "$1") <(grep -v 'class="muted provenance"' "$2") ;;
    *) cmp "$1" "$2" ;;
  esac
}

# run: one process, then 2 and 3 ranks (61 trials: uneven shares).
"$adcov" run small.yaml -o one -q > one.out
for p in 2 3; do
  mpirun "$p" "$adcov" run small.yaml -o "mpi$p" -q > "mpi$p.out"
  for f in summary.json trials.csv; do
    cmp "one/$f" "mpi$p/$f" || fail "run -n $p: $f differs"
  done
  (cd one && ls) > one.list
  (cd "mpi$p" && ls) > "mpi$p.list"
  cmp one.list "mpi$p.list" || fail "run -n $p: other files"
  for f in $(cat one.list); do same "one/$f" "mpi$p/$f" || fail "run -n $p: $f differs"; done
  [ "$(grep -c '^== small' "mpi$p.out")" = 1 ] || fail "run -n $p: not printed once"
done
[ "$(wc -l < one/trials.csv)" = 62 ] || fail "trials.csv rows"

# coverage: the batteries and the map files split over 2 and 3 ranks (3: one rank folds none; the other ranks
# write their map files into rank 0's folder, which must hold no leftover temporary: ls -A); without the
# least-exposure salvo, whose routes keep coverage on one process (checked after).
sed '/route: least_exposure/d' small.yaml > cover.yaml
"$adcov" coverage cover.yaml -o cov1 -q > cov1.out
for p in 2 3; do
  mpirun "$p" "$adcov" coverage cover.yaml -o "cov$p" -q > "cov$p.out"
  (cd cov1 && ls -A) > cov1.list
  (cd "cov$p" && ls -A) > "cov$p.list"
  cmp cov1.list "cov$p.list" || fail "coverage -n $p: other files"
  for f in $(cat cov1.list); do same "cov1/$f" "cov$p/$f" || fail "coverage -n $p: $f differs"; done
  sed "s/cov$p/cov1/" "cov$p.out" | cmp cov1.out - || fail "coverage -n $p: printed differently (or more than once)"
done
# With the least-exposure salvo, coverage stays on rank 0; the others open the folder with it and stop.
"$adcov" coverage small.yaml -o rcov1 -q > /dev/null
mpirun 2 "$adcov" coverage small.yaml -o rcov2 -q > /dev/null
(cd rcov1 && ls -A) > rcov1.list
(cd rcov2 && ls -A) > rcov2.list
cmp rcov1.list rcov2.list || fail "routed coverage -n 2: other files"
for f in $(cat rcov1.list); do same "rcov1/$f" "rcov2/$f" || fail "routed coverage -n 2: $f differs"; done

# simulate
"$adcov" simulate small.yaml -o sim1 -q --trials 40 > /dev/null
mpirun 2 "$adcov" simulate small.yaml -o sim2 -q --trials 40 > /dev/null
for f in summary.json trials.csv; do cmp "sim1/$f" "sim2/$f" || fail "simulate: $f differs"; done

# sweep: 6 points round-robin over 2 and 4 ranks.
"$adcov" sweep small.yaml -o sw1 -q --trials 30 > /dev/null
for p in 2 4; do
  mpirun "$p" "$adcov" sweep small.yaml -o "sw$p" -q --trials 30 > /dev/null
  cmp sw1/sweep.csv "sw$p/sweep.csv" || fail "sweep -n $p: sweep.csv differs"
  cmp sw1/sweep.png "sw$p/sweep.png" || fail "sweep -n $p: sweep.png differs"
done

# uncertainty: the model runs round-robin over 2 and 3 ranks.
"$adcov" uncertainty small.yaml -o unc1 -q > /dev/null
for p in 2 3; do
  mpirun "$p" "$adcov" uncertainty small.yaml -o "unc$p" -q > /dev/null
  for f in uncertainty.csv sensitivity.csv summary.json tornado.png uncertainty_fan.png report.html; do
    same "unc1/$f" "unc$p/$f" || fail "uncertainty -n $p: $f differs"
  done
done

# Bad input: exit 2 from every rank, the message once.
printf 'name: bad\nresolutoin: 5\n' > bad.yaml
set +e
mpirun 2 "$adcov" run bad.yaml -o bad -q > bad.out 2> bad.err
rc=$?
set -e
[ "$rc" = 2 ] || fail "bad input: exit $rc, expected 2"
[ ! -e bad ] || fail "bad input: output written"
[ "$(grep -c 'bad.yaml' bad.err)" -ge 1 ] || fail "bad input: no message"
echo "mpi_exact: OK"
