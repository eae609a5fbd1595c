#ifndef CREADSTREAM_H
#define CREADSTREAM_H

#ifdef __cplusplus
extern "C" {
#endif

/// Sum of n floats read in order with the widest loads the CPU has (AVX-512, else AVX, else SSE), four
/// independent accumulators and a software prefetch: the memory-bandwidth probe's inner loop. Narrow loads
/// understate the bandwidth (on a 2-core Xeon, SSE loads reached 14 GB/s where AVX-512 loads reached 27).
float creadstream_sum(const float *p, long n);

/// The instruction set `creadstream_sum` uses here: "avx512", "avx" or "sse".
const char *creadstream_isa(void);

#ifdef __cplusplus
}
#endif

#endif
