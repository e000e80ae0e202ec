#!/usr/bin/env bash
# regsim's Float GEMM against OpenBLAS (numpy's) on the MLP's products, 1 and 2 threads.
#
#   bash bench/gemm.sh [REPETITIONS]     (default 15)
#
# Shapes (M×K×N, N/T = A or B transposed): forward 64×784×800, 64×784×128, 128×800×800;
# backward dW = Xᵀ·dZ 784×64×800 (TN) and dX = dZ·Wᵀ 64×800×784 (NT); and 2048³.
# Prints GFLOP/s (median time per call) for both, then regsim's share of OpenBLAS.
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are cleared for numpy only: they slow current numpy.
set -euo pipefail
cd "$(dirname "$0")"
repetitions=${1:-15}
shapes=(64x784x800:NN 784x64x800:TN 64x800x784:NT 128x800x800:NN 64x784x128:NN 2048x2048x2048:NN)

python3 -c 'import threadpoolctl' 2>/dev/null || pip install --quiet threadpoolctl
echo "+ swift build -c release (bench/gemm-driver)"
(cd gemm-driver && swift build -c release 2>&1 | tail -1)
ours=$(gemm-driver/.build/release/GEMMBench --repetitions "$repetitions" "${shapes[@]}")
theirs=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 gemm_openblas.py --repetitions "$repetitions" "${shapes[@]}")
echo "$theirs" | grep '^#' || true
python3 - "$ours" "$theirs" <<'PY'
import sys
def table(text):
    rows = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 8 and parts[0] in ("regsim", "openblas"):
            rows[(parts[1], parts[2], parts[4])] = float(parts[6])
    return rows
ours, theirs = table(sys.argv[1]), table(sys.argv[2])
print(f"{'shape':<18}{'threads':>8}{'regsim GFLOP/s':>16}{'OpenBLAS GFLOP/s':>18}{'share':>8}")
for key in sorted(ours):
    shape, flags, threads = key
    other = theirs.get(key)
    share = f"{ours[key] / other:.0%}" if other else "—"
    print(f"{shape + ' ' + flags:<18}{threads:>8}{ours[key]:>16.1f}{(other or float('nan')):>18.1f}{share:>8}")
PY
