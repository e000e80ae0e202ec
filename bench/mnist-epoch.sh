#!/usr/bin/env bash
# One MNIST training epoch, regsim against PyTorch on CPU and numpy, on this machine, in one run.
#
#   bash bench/mnist-epoch.sh [REPETITIONS]     (default 5)
#
# Same work for both: 50,000 training images (the last 10,000 held out), batch 64,
# SGD with lr 0.1 and no momentum, L2 1e-4 on the weights only (regsim: --penalty l2
# --lambda 1e-4, article convention (λ/2)·Σw², which is PyTorch's weight_decay 1e-4 on the
# weights), 2 threads, for 784-128-10 and 784-800-10. Runs alternate between the two
# programs; each prints the seconds of its training loop (not loading, not validation).
# Prints the median per program and shape, and the ratios regsim/PyTorch and regsim/numpy.
# The roofline beside them: the epoch's FLOPs, 50,000 · (4·(784·H + H·10) + 2·H·10) (forward
# and the two weight gradients of both layers, the input gradient of the second; 128 GFLOP
# for H = 800), at OpenBLAS's two-thread SGEMM rate on 64×784×H measured in the same run
# (bench/gemm_openblas.py); regsim's GFLOP/s and its fraction of that rate are printed.
# numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE cleared (they slow current numpy).
#
# Installs PyTorch's CPU wheel (torch 2.13.0+cpu) from pip's find-links folder if torch is
# missing: the torch on the package index is a CUDA build that fails to import here.
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-5}

python3 -c 'import threadpoolctl' 2>/dev/null || pip install --quiet threadpoolctl
if ! python3 -c 'import torch' 2>/dev/null; then
    wheel=$(ls "$(pip config get global.find-links 2>/dev/null || echo /opt/wheels)"/torch-*+cpu-*.whl | head -1)
    echo "+ pip install --no-deps $wheel"
    pip install --quiet --no-deps "$wheel"
fi

echo "+ swift build -c release --product regsim"
swift build -c release --product regsim 2>&1 | tail -1
regsim=.build/release/regsim
metrics=$(mktemp)
trap 'rm -f "$metrics"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "torch $(python3 -c 'import torch; print(torch.__version__)'), $(swift --version 2>&1 | head -1)"
printf '%-12s %-8s %s\n' shape program "seconds per epoch (each repetition)"
for hidden in 128 800; do
    regsim_times=()
    torch_times=()
    numpy_times=()
    for repetition in $(seq 1 "$repetitions"); do
        "$regsim" train --hidden "$hidden" --epochs 1 --batch 64 --lr 0.1 --momentum 0 \
            --penalty l2 --lambda 1e-4 --threads 2 --seed "$repetition" --metrics "$metrics" > /dev/null
        regsim_times+=("$(tail -1 "$metrics" | awk -F, '{print $NF}')")
        torch_times+=("$(python3 bench/pytorch_epoch.py --hidden "$hidden" --threads 2 --seed "$repetition" \
            --lr 0.1 --weight-decay 1e-4 | awk '{print $2}')")
        numpy_times+=("$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/numpy_epoch.py --hidden "$hidden" \
            --threads 2 --seed "$repetition" --lr 0.1 --weight-decay 1e-4 | awk '{print $2}')")
    done
    printf '%-12s %-8s %s\n' "784-$hidden-10" regsim "${regsim_times[*]}"
    printf '%-12s %-8s %s\n' "784-$hidden-10" pytorch "${torch_times[*]}"
    printf '%-12s %-8s %s\n' "784-$hidden-10" numpy "${numpy_times[*]}"
    roofline=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/gemm_openblas.py --threads 2 \
        --repetitions 9 "64x784x$hidden:NN" | awk '$1 == "openblas" {print $7}')
    python3 - "$hidden" "${regsim_times[*]}" "${torch_times[*]}" "${numpy_times[*]}" "$roofline" <<'PY'
import statistics, sys
hidden = int(sys.argv[1])
ours, torch, numpy = ([float(x) for x in argument.split()] for argument in sys.argv[2:5])
a, b, c = statistics.median(ours), statistics.median(torch), statistics.median(numpy)
print(f"784-{hidden}-10  median regsim {a:.3f} s (fastest {min(ours):.3f}), PyTorch {b:.3f} s (fastest {min(torch):.3f}), "
      f"numpy {c:.3f} s (fastest {min(numpy):.3f}); regsim/PyTorch {a / b:.2f}, regsim/numpy {a / c:.2f}")
flops = 50_000 * (4 * (784 * hidden + hidden * 10) + 2 * hidden * 10)
rate = float(sys.argv[5])
print(f"784-{hidden}-10  {flops / 1e9:.1f} GFLOP per epoch: regsim {flops / a / 1e9:.1f} GFLOP/s, "
      f"{flops / a / 1e9 / rate:.2f} of the two-thread roofline (OpenBLAS {rate:.1f} GFLOP/s on 64x784x{hidden}; "
      f"epoch {a / (flops / rate / 1e9):.2f}x the roofline time)")
PY
done
