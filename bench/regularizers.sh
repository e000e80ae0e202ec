#!/usr/bin/env bash
# The MNIST numbers the README quotes for the regularizers beyond L1 and L2, from a clean
# checkout: one long dropout + max-norm run, and one `experiment --compare` table.
#
#   bash bench/regularizers.sh [dropout|dropout-all|compare|all]     (default all)
#
# dropout: 784-1024-1024-10, inverted dropout 0.5 on the hidden units and 0.2 on the pixels,
#          max-norm 3 on every unit's incoming weights, SGD η = 0.05 × 0.98 per epoch with
#          momentum 0.9, batch 64, 100 epochs, seed 1 (about 10 s an epoch on 2 cores).
# dropout-all: the same settings trained on all 60,000 training images (--validation 0): the
#          settings were chosen on the 50,000/10,000 split above, then retrained on everything.
# compare: the same network for 10 epochs each under none, L2 1e-4, dropout 0.5,
#          dropout 0.5 + max-norm 3 and batch norm (SGD η = 0.05, momentum 0.9).
# dropout and compare train on the first 50,000 training images (the last 10,000 validate);
# nothing is chosen on the test set; each prints the test accuracy at the end; logs go to
# bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

echo "+ swift build -c release --product regsim"
swift build -c release --product regsim 2>&1 | tail -1
regsim=.build/release/regsim
mkdir -p bench/results
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"

if [[ $what == dropout || $what == all ]]; then
    command=("$regsim" train --hidden 1024,1024 --dropout 0.5 --input-dropout 0.2 --max-norm 3
             --lr 0.05 --momentum 0.9 --lr-decay 0.98 --epochs 100 --batch 64 --seed 1
             --metrics bench/results/dropout.csv)
    echo "+ ${command[*]}"
    /usr/bin/time -f "wall time %e s" "${command[@]}" 2>&1 | tee bench/results/dropout.log | grep -v '^epoch '
fi

if [[ $what == dropout-all || $what == all ]]; then
    command=("$regsim" train --hidden 1024,1024 --dropout 0.5 --input-dropout 0.2 --max-norm 3
             --lr 0.05 --momentum 0.9 --lr-decay 0.98 --epochs 100 --batch 64 --seed 1 --validation 0
             --metrics bench/results/dropout-all.csv)
    echo "+ ${command[*]}"
    /usr/bin/time -f "wall time %e s" "${command[@]}" 2>&1 | tee bench/results/dropout-all.log | grep -v '^epoch '
fi

if [[ $what == compare || $what == all ]]; then
    command=("$regsim" experiment --hidden 1024,1024 --epochs 10 --lr 0.05 --momentum 0.9 --batch 64 --seed 1
             --out bench/results/compare
             --compare "none; l2 1e-4; dropout 0.5; dropout 0.5 max-norm 3; batchnorm")
    echo "+ ${command[*]}"
    /usr/bin/time -f "wall time %e s" "${command[@]}" 2>&1 | tee bench/results/compare.log | grep -v ': epoch '
fi
