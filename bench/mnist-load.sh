#!/usr/bin/env bash
# How long regsim takes to have MNIST ready, on this machine, in one run.
#
#   bash bench/mnist-load.sh [REPETITIONS] [REGSIM...]   (default 7 and .build/release/regsim)
#   bash bench/mnist-load.sh 5 /tmp/regsim-before .build/release/regsim
#
# Seconds of whole processes (start-up included), wall and CPU (user + system: steadier when
# other work shares the cores), the median and range over the repetitions, taking turns
# between the programs named (e.g. an older build and this one):
#   data100 warm  `data mnist 100` piped into the REPL (as lessons 1, 8 and 9 start), with the
#                 state folder's cache of verified files filled by an earlier run
#   data100 cold  the same with an empty state folder (every file hashed)
#   train         `regsim train --subset 100 --hidden 10 --epochs 1`: all of MNIST read and split,
#                 100 images trained and 10,000 validated (the cache warm)
#   run100000     `run 100000` piped into the REPL: the default network, 100,000 updates
# CASES="data100-warm train" runs only those. Each run gets its own XDG_STATE_HOME in a temporary folder (the cache lives there), so
# the learner's own state is never touched. The machine is shared: compare programs within
# one run of this script, never across runs.
set -euo pipefail
unset REGSIM_MNIST_CACHE  # the cache goes to each run's XDG_STATE_HOME
cd "$(dirname "$0")/.."
repetitions=${1:-7}
shift || true
programs=("$@")
if [ ${#programs[@]} -eq 0 ]; then
    echo "+ swift build -c release --product regsim"
    swift build -c release --product regsim 2>&1 | tail -1
    programs=(.build/release/regsim)
fi
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

# seconds PROGRAM CASE INDEX: one timed run; prints "wall cpu" (cpu = user + system seconds)
seconds() {
    local program=$1 case=$2 home="$state/warm-$3" times
    mkdir -p "$home"
    times=$(mktemp)
    case $case in
        data100-warm) echo "data mnist 100" | XDG_STATE_HOME=$home /usr/bin/time -o "$times" -f "%e %U %S" "$program" > /dev/null ;;
        data100-cold) rm -rf "$state/cold"; mkdir -p "$state/cold"
                      echo "data mnist 100" | XDG_STATE_HOME=$state/cold /usr/bin/time -o "$times" -f "%e %U %S" "$program" > /dev/null ;;
        train) XDG_STATE_HOME=$home /usr/bin/time -o "$times" -f "%e %U %S" "$program" train --subset 100 --hidden 10 --epochs 1 > /dev/null ;;
        run100000) echo "run 100000" | XDG_STATE_HOME=$home /usr/bin/time -o "$times" -f "%e %U %S" "$program" > /dev/null ;;
    esac
    awk '{printf "%s/%.2f", $1, $2 + $3}' "$times"
    rm -f "$times"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for index in "${!programs[@]}"; do  # fill each program's cache once
    echo "data mnist 100" | XDG_STATE_HOME="$state/warm-$index" "${programs[$index]}" > /dev/null
done
for case in ${CASES:-data100-warm data100-cold train run100000}; do
    declare -A times=()
    for repetition in $(seq 1 "$repetitions"); do
        for index in "${!programs[@]}"; do
            times[$index]+="$(seconds "${programs[$index]}" "$case" "$index") "
        done
    done
    for index in "${!programs[@]}"; do
        python3 - "$case" "${programs[$index]}" "${times[$index]}" <<'PY'
import statistics, sys
case, program = sys.argv[1], sys.argv[2]
pairs = [[float(x) for x in run.split("/")] for run in sys.argv[3].split()]
wall, cpu = [p[0] for p in pairs], [p[1] for p in pairs]
print(f"{case:<13} {program:<32} wall median {statistics.median(wall):.2f} s ({min(wall):.2f}–{max(wall):.2f}), "
      f"cpu median {statistics.median(cpu):.2f} s ({min(cpu):.2f}–{max(cpu):.2f}), {len(pairs)} runs")
PY
    done
    unset times
done
