#ifndef REGSIM_CPU_FEATURES_H
#define REGSIM_CPU_FEATURES_H

/// The instructions the kernels were compiled for that this processor lacks ("AVX2",
/// "FMA", "AVX2 and FMA"), or 0 when it has them all (always 0 on a build that needs none).
const char *regsim_missing_instructions(void);

/// The processor the kernels were compiled for ("x86-64-v3"), or "" for the baseline.
const char *regsim_kernel_target_cpu(void);

#endif
