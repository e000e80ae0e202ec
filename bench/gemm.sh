#!/bin/bash
# GEMM benchmark: regsim's Kernels (GEMM.multiply) against numpy's OpenBLAS, on the MLP's
# products and 2048³, 1 and 2 threads, in GFLOP/s.
#
#   bench/gemm.sh                  # from the repository root; about 3 minutes
#   ROUNDS=5 REPETITIONS=15 bench/gemm.sh 64x784x800:NN 784x64x800:TN   # other shapes
#
# Shapes are M×K×N (C is M×N, the sum runs over K) with the stored layouts: NN is X·W,
# TN is Xᵀ·dZ (A stored K×M), NT is dZ·Wᵀ (B stored N×K). The Swift side is built in release
# mode by bench/gemm-driver (its own package; Sources/Kernels is a symlink to ours, built
# with the same flags). Each round runs regsim's driver and then numpy, alternately, so both
# see the same machine load; each reports the median time per call over REPETITIONS timed
# batches. The table gives the median over rounds of those medians, and the median over
# rounds of the ratio regsim / OpenBLAS measured back to back (shape by shape, so both
# sides of a ratio see the same machine state). The machine is shared (its speed swings by
# up to 1.7× from minute to minute), so trust the ratios more than the GFLOP/s.
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are cleared for the numpy command only (they slow
# current numpy's OpenBLAS); threadpoolctl (pip) sets its thread count and names its kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
REPETITIONS=${REPETITIONS:-11}
if [ $# -gt 0 ]; then SHAPES=("$@"); else
    SHAPES=(64x784x800:NN 64x800x10:NN 128x800x800:NN 64x784x128:NN 64x128x10:NN
            784x64x800:TN 64x800x784:NT 2048x2048x2048:NN)
fi
python3 -c "import threadpoolctl" 2>/dev/null || pip install --quiet threadpoolctl
swift build -c release --package-path bench/gemm-driver 2>&1 | tail -1
driver=bench/gemm-driver/.build/release/GEMMBench
# The kernel must be AVX2 + FMA code (Package.swift's -march=x86-64-v3), not SSE2.
echo "# vfmadd instructions in the driver: $(objdump -d "$driver" | grep -c vfmadd)"
log=$(mktemp)
for round in $(seq "$ROUNDS"); do
    for shape in "${SHAPES[@]}"; do
        "$driver" --repetitions "$REPETITIONS" "$shape" >>"$log"
        env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
            python3 bench/gemm_openblas.py --repetitions "$REPETITIONS" "$shape" >>"$log"
    done
done
grep -m1 '^# numpy' "$log" || true
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
def median(name, shape, threads):
    return statistics.median(runs[(name, shape, threads)])
def ratio(shape, threads):  # paired round by round
    pairs = zip(runs[("regsim", shape, threads)], runs[("openblas", shape, threads)])
    return statistics.median(r / o for r, o in pairs)
print(f"{'M×K×N':<20}{'regsim 1':>10}{'regsim 2':>10}{'OpenBLAS 1':>12}{'OpenBLAS 2':>12}"
      f"{'ratio 1':>9}{'ratio 2':>9}")
for shape in shapes:
    cells = [median(name, shape, t) for name in ("regsim", "openblas") for t in ("1", "2")]
    print(f"{shape:<20}{cells[0]:>10.1f}{cells[1]:>10.1f}{cells[2]:>12.1f}{cells[3]:>12.1f}"
          f"{ratio(shape, '1'):>9.2f}{ratio(shape, '2'):>9.2f}")
rounds = len(next(iter(runs.values())))
print(f"GFLOP/s, median of {rounds} rounds; ratio = regsim / OpenBLAS, median of paired rounds")
PY
rm -f "$log"
