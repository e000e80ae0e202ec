// GEMM kernels: being written.
