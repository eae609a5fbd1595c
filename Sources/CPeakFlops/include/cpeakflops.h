// Peak fp32 arithmetic loops, one per instruction set (independent accumulator chains, nothing but FMAs or
// multiplies and adds in the loop). Each returns a value that depends on every operation, so none is removed.
#ifndef CPEAKFLOPS_H
#define CPEAKFLOPS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Instruction sets, as `VectorISA` orders them.
enum cpeak_isa { CPEAK_SSE = 0, CPEAK_AVX = 1, CPEAK_AVX2 = 2, CPEAK_AVX512 = 3 };

/// 1 when this CPU (and the OS) can run the loop of `isa`, else 0.
int cpeak_supported(int isa);

/// FLOPs one iteration of the loop of `isa` performs (an FMA is two).
long cpeak_flops_per_iteration(int isa);

/// Runs `iterations` iterations of the loop of `isa`; returns a sum of its accumulators (NaN when unsupported).
float cpeak_run(int isa, long iterations);

#ifdef __cplusplus
}
#endif

#endif
