"""Times numpy's OpenBLAS SGEMM on the shapes given as arguments, in the output format of
bench/gemm-driver's GEMMBench (one line per shape and thread count):
`openblas <M>x<K>x<N> <NN|TN|NT|TT> threads <t> gflops <g> seconds <s>`, the median over
repetitions of the time per call. Prints which OpenBLAS kernel (core type) numpy uses first.

Run it through bench/gemm.sh, which clears OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (they
slow current numpy) for this command only.
Usage: python3 bench/gemm_openblas.py [--repetitions 15] [--threads 1,2] 64x784x800:NN ...
"""
import argparse
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits


def parse(text):
    dims, _, flags = text.partition(":")
    m, k, n = (int(x) for x in dims.split("x"))
    flags = flags or "NN"
    return m, k, n, flags[0] == "T", flags[1] == "T"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repetitions", type=int, default=15)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("shapes", nargs="+")
    args = parser.parse_args()
    for pool in threadpool_info():
        if pool.get("internal_api") == "openblas":
            print(f"# numpy {np.__version__}, OpenBLAS {pool.get('version')}, "
                  f"kernel {pool.get('architecture')}, threading {pool.get('threading_layer')}, "
                  f"max threads {pool.get('num_threads')}")
    rng = np.random.default_rng(1)
    for text in args.shapes:
        m, k, n, ta, tb = parse(text)
        # Stored layouts as regsim sees them; .T views make numpy pass the transpose flags.
        a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
        b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
        opa, opb = (a.T if ta else a), (b.T if tb else b)
        c = np.zeros((m, n), dtype=np.float32)
        flops = 2.0 * m * n * k
        name = f"{m}x{k}x{n} {'T' if ta else 'N'}{'T' if tb else 'N'}"
        for threads in (int(t) for t in args.threads.split(",")):
            with threadpool_limits(limits=threads, user_api="blas"):
                batch = max(1, int(0.02 * 50e9 / flops))
                for _ in range(batch):
                    np.matmul(opa, opb, out=c)
                times = []
                for _ in range(args.repetitions):
                    start = time.perf_counter()
                    for _ in range(batch):
                        np.matmul(opa, opb, out=c)
                    times.append((time.perf_counter() - start) / batch)
                median = sorted(times)[len(times) // 2]
                print(f"openblas {name} threads {threads} gflops {flops / median / 1e9} "
                      f"seconds {median}")


if __name__ == "__main__":
    main()
