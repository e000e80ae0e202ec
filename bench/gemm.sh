#!/bin/bash
# GEMM benchmark: regsim's Kernels (GEMM.multiply) against numpy's OpenBLAS, on the MLP's
# products and 2048³, 1 and 2 threads, in GFLOP/s.
#
#   bench/gemm.sh                  # from the repository root; about 2 minutes
#   ROUNDS=5 REPETITIONS=15 bench/gemm.sh 64x784x800:NN 784x64x800:TN   # other shapes
#
# Shapes are M×K×N (C is M×N, the sum runs over K) with the stored layouts: NN is X·W,
# TN is Xᵀ·dZ (A stored K×M), NT is dZ·Wᵀ (B stored N×K). The Swift side is built in release
# mode by bench/gemm-driver (its own package; Sources/Kernels is a symlink to ours, built
# with the same flags). Each round runs regsim's driver and then numpy, alternately, so both
# see the same machine load; each reports the median time per call over REPETITIONS timed
# batches. The table gives the median over rounds of those medians (and the ratio
# regsim / OpenBLAS); the machine is shared, so expect ±15 %.
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are cleared for the numpy command only (they slow
# current numpy's OpenBLAS); threadpoolctl (pip) sets its thread count and names its kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
REPETITIONS=${REPETITIONS:-11}
if [ $# -gt 0 ]; then SHAPES=("$@"); else
    SHAPES=(64x784x800:NN 64x800x10:NN 128x800x800:NN 64x784x128:NN 64x128x10:NN
            784x64x800:TN 64x800x784:NT 2048x2048x2048:NN)
fi
python3 -c "import threadpoolctl" 2>/dev/null || pip install --quiet threadpoolctl
swift build -c release --package-path bench/gemm-driver 2>&1 | tail -1
driver=bench/gemm-driver/.build/release/GEMMBench
log=$(mktemp)
for round in $(seq "$ROUNDS"); do
    "$driver" --repetitions "$REPETITIONS" "${SHAPES[@]}" >>"$log"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        python3 bench/gemm_openblas.py --repetitions "$REPETITIONS" "${SHAPES[@]}" >>"$log"
done
grep -m1 '^#' "$log" || true
python3 - "$log" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
shapes = []
for line in open(sys.argv[1]):
    if line.startswith("#"):
        continue
    fields = line.split()
    name, shape, threads, gflops = fields[0], f"{fields[1]} {fields[2]}", fields[4], float(fields[6])
    runs[(name, shape, threads)].append(gflops)
    if shape not in shapes:
        shapes.append(shape)
median = lambda key: statistics.median(runs[key]) if runs[key] else float("nan")
print(f"{'M×K×N':<20}{'regsim 1':>10}{'regsim 2':>10}{'OpenBLAS 1':>12}{'OpenBLAS 2':>12}{'ratio 1':>9}{'ratio 2':>9}")
for shape in shapes:
    r1, r2 = median(("regsim", shape, "1")), median(("regsim", shape, "2"))
    o1, o2 = median(("openblas", shape, "1")), median(("openblas", shape, "2"))
    print(f"{shape:<20}{r1:>10.1f}{r2:>10.1f}{o1:>12.1f}{o2:>12.1f}{r1 / o1:>9.2f}{r2 / o2:>9.2f}")
print(f"GFLOP/s, median of {len(next(iter(runs.values())))} rounds; ratio = regsim / OpenBLAS")
PY
rm -f "$log"
