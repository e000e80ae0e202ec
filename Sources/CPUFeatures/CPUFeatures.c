#include "CPUFeatures.h"

// Package.swift defines REGSIM_KERNEL_CPU (the -march of the kernels) and, for x86-64-v3
// and v4, REGSIM_KERNELS_NEED_AVX2_FMA. This file itself is compiled for the baseline, so
// it runs on any processor; cpuid goes through the compiler's builtins.
#ifndef REGSIM_KERNEL_CPU
#define REGSIM_KERNEL_CPU ""
#endif

const char *regsim_missing_instructions(void) {
#if defined(__x86_64__) && defined(REGSIM_KERNELS_NEED_AVX2_FMA)
    __builtin_cpu_init();
    int avx2 = __builtin_cpu_supports("avx2");
    int fma = __builtin_cpu_supports("fma");
    if (!avx2 && !fma) return "AVX2 and FMA";
    if (!avx2) return "AVX2";
    if (!fma) return "FMA";
#endif
    return 0;
}

const char *regsim_kernel_target_cpu(void) {
    return REGSIM_KERNEL_CPU;
}
