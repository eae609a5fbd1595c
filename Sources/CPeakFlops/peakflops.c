#include "cpeakflops.h"

#include <math.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

// 16 chains of 16-lane FMAs: Zen 4/5 and Skylake-SP issue two 512-bit FMAs a cycle with 4-cycle latency (8 in flight).
__attribute__((target("avx512f"))) static float run_avx512(long n) {
    const __m512 m = _mm512_set1_ps(0.5f), c = _mm512_set1_ps(1.0f);
    __m512 a0 = _mm512_set1_ps(0.1f), a1 = _mm512_set1_ps(0.2f), a2 = _mm512_set1_ps(0.3f), a3 = _mm512_set1_ps(0.4f);
    __m512 a4 = _mm512_set1_ps(0.5f), a5 = _mm512_set1_ps(0.6f), a6 = _mm512_set1_ps(0.7f), a7 = _mm512_set1_ps(0.8f);
    __m512 a8 = _mm512_set1_ps(0.9f), a9 = _mm512_set1_ps(1.1f), a10 = _mm512_set1_ps(1.2f), a11 = _mm512_set1_ps(1.3f);
    __m512 a12 = _mm512_set1_ps(1.4f), a13 = _mm512_set1_ps(1.5f), a14 = _mm512_set1_ps(1.6f);
    __m512 a15 = _mm512_set1_ps(1.7f);
    for (long i = 0; i < n; i++) {
        a0 = _mm512_fmadd_ps(a0, m, c); a1 = _mm512_fmadd_ps(a1, m, c); a2 = _mm512_fmadd_ps(a2, m, c);
        a3 = _mm512_fmadd_ps(a3, m, c); a4 = _mm512_fmadd_ps(a4, m, c); a5 = _mm512_fmadd_ps(a5, m, c);
        a6 = _mm512_fmadd_ps(a6, m, c); a7 = _mm512_fmadd_ps(a7, m, c); a8 = _mm512_fmadd_ps(a8, m, c);
        a9 = _mm512_fmadd_ps(a9, m, c); a10 = _mm512_fmadd_ps(a10, m, c); a11 = _mm512_fmadd_ps(a11, m, c);
        a12 = _mm512_fmadd_ps(a12, m, c); a13 = _mm512_fmadd_ps(a13, m, c); a14 = _mm512_fmadd_ps(a14, m, c);
        a15 = _mm512_fmadd_ps(a15, m, c);
    }
    __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)),
                             _mm512_add_ps(_mm512_add_ps(a4, a5), _mm512_add_ps(a6, a7)));
    s = _mm512_add_ps(s, _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(a8, a9), _mm512_add_ps(a10, a11)),
                                       _mm512_add_ps(_mm512_add_ps(a12, a13), _mm512_add_ps(a14, a15))));
    return _mm512_reduce_add_ps(s);
}

// 12 chains of 8-lane FMAs (16 registers: 12 accumulators and two constants).
__attribute__((target("avx2,fma"))) static float run_avx2(long n) {
    const __m256 m = _mm256_set1_ps(0.5f), c = _mm256_set1_ps(1.0f);
    __m256 a0 = _mm256_set1_ps(0.1f), a1 = _mm256_set1_ps(0.2f), a2 = _mm256_set1_ps(0.3f), a3 = _mm256_set1_ps(0.4f);
    __m256 a4 = _mm256_set1_ps(0.5f), a5 = _mm256_set1_ps(0.6f), a6 = _mm256_set1_ps(0.7f), a7 = _mm256_set1_ps(0.8f);
    __m256 a8 = _mm256_set1_ps(0.9f), a9 = _mm256_set1_ps(1.1f), a10 = _mm256_set1_ps(1.2f);
    __m256 a11 = _mm256_set1_ps(1.3f);
    for (long i = 0; i < n; i++) {
        a0 = _mm256_fmadd_ps(a0, m, c); a1 = _mm256_fmadd_ps(a1, m, c); a2 = _mm256_fmadd_ps(a2, m, c);
        a3 = _mm256_fmadd_ps(a3, m, c); a4 = _mm256_fmadd_ps(a4, m, c); a5 = _mm256_fmadd_ps(a5, m, c);
        a6 = _mm256_fmadd_ps(a6, m, c); a7 = _mm256_fmadd_ps(a7, m, c); a8 = _mm256_fmadd_ps(a8, m, c);
        a9 = _mm256_fmadd_ps(a9, m, c); a10 = _mm256_fmadd_ps(a10, m, c); a11 = _mm256_fmadd_ps(a11, m, c);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                             _mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(a6, a7)));
    s = _mm256_add_ps(s, _mm256_add_ps(_mm256_add_ps(a8, a9), _mm256_add_ps(a10, a11)));
    float out[8];
    _mm256_storeu_ps(out, s);
    return out[0] + out[1] + out[2] + out[3] + out[4] + out[5] + out[6] + out[7];
}

// AVX without FMA: 6 multiply chains and 6 add chains (the two units run side by side).
__attribute__((target("avx"))) static float run_avx(long n) {
    const __m256 m = _mm256_set1_ps(0.99999994f), c = _mm256_set1_ps(1.0f);
    __m256 x0 = _mm256_set1_ps(1.0f), x1 = _mm256_set1_ps(1.1f), x2 = _mm256_set1_ps(1.2f);
    __m256 x3 = _mm256_set1_ps(1.3f), x4 = _mm256_set1_ps(1.4f), x5 = _mm256_set1_ps(1.5f);
    __m256 y0 = _mm256_setzero_ps(), y1 = _mm256_setzero_ps(), y2 = _mm256_setzero_ps();
    __m256 y3 = _mm256_setzero_ps(), y4 = _mm256_setzero_ps(), y5 = _mm256_setzero_ps();
    for (long i = 0; i < n; i++) {
        x0 = _mm256_mul_ps(x0, m); y0 = _mm256_add_ps(y0, c); x1 = _mm256_mul_ps(x1, m); y1 = _mm256_add_ps(y1, c);
        x2 = _mm256_mul_ps(x2, m); y2 = _mm256_add_ps(y2, c); x3 = _mm256_mul_ps(x3, m); y3 = _mm256_add_ps(y3, c);
        x4 = _mm256_mul_ps(x4, m); y4 = _mm256_add_ps(y4, c); x5 = _mm256_mul_ps(x5, m); y5 = _mm256_add_ps(y5, c);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(x0, x1), _mm256_add_ps(x2, x3)), _mm256_add_ps(x4, x5));
    s = _mm256_add_ps(s, _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(y0, y1), _mm256_add_ps(y2, y3)),
                                       _mm256_add_ps(y4, y5)));
    float out[8];
    _mm256_storeu_ps(out, s);
    return out[0] + out[1] + out[2] + out[3] + out[4] + out[5] + out[6] + out[7];
}

// SSE: 8 multiply chains and 8 add chains of 4 lanes (16 registers, constants from memory).
__attribute__((target("sse2"))) static float run_sse(long n) {
    const __m128 m = _mm_set1_ps(0.99999994f), c = _mm_set1_ps(1.0f);
    __m128 x0 = _mm_set1_ps(1.0f), x1 = _mm_set1_ps(1.1f), x2 = _mm_set1_ps(1.2f), x3 = _mm_set1_ps(1.3f);
    __m128 x4 = _mm_set1_ps(1.4f), x5 = _mm_set1_ps(1.5f), x6 = _mm_set1_ps(1.6f);
    __m128 y0 = _mm_setzero_ps(), y1 = _mm_setzero_ps(), y2 = _mm_setzero_ps(), y3 = _mm_setzero_ps();
    __m128 y4 = _mm_setzero_ps(), y5 = _mm_setzero_ps(), y6 = _mm_setzero_ps();
    for (long i = 0; i < n; i++) {
        x0 = _mm_mul_ps(x0, m); y0 = _mm_add_ps(y0, c); x1 = _mm_mul_ps(x1, m); y1 = _mm_add_ps(y1, c);
        x2 = _mm_mul_ps(x2, m); y2 = _mm_add_ps(y2, c); x3 = _mm_mul_ps(x3, m); y3 = _mm_add_ps(y3, c);
        x4 = _mm_mul_ps(x4, m); y4 = _mm_add_ps(y4, c); x5 = _mm_mul_ps(x5, m); y5 = _mm_add_ps(y5, c);
        x6 = _mm_mul_ps(x6, m); y6 = _mm_add_ps(y6, c);
    }
    __m128 s = _mm_add_ps(_mm_add_ps(_mm_add_ps(x0, x1), _mm_add_ps(x2, x3)), _mm_add_ps(_mm_add_ps(x4, x5), x6));
    s = _mm_add_ps(s, _mm_add_ps(_mm_add_ps(_mm_add_ps(y0, y1), _mm_add_ps(y2, y3)), _mm_add_ps(_mm_add_ps(y4, y5), y6)));
    float out[4];
    _mm_storeu_ps(out, s);
    return out[0] + out[1] + out[2] + out[3];
}

int cpeak_supported(int isa) {
    __builtin_cpu_init();
    switch (isa) {
    case CPEAK_SSE: return __builtin_cpu_supports("sse2") ? 1 : 0;
    case CPEAK_AVX: return __builtin_cpu_supports("avx") ? 1 : 0;
    case CPEAK_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
    case CPEAK_AVX512: return __builtin_cpu_supports("avx512f") ? 1 : 0;
    default: return 0;
    }
}

long cpeak_flops_per_iteration(int isa) {
    switch (isa) {
    case CPEAK_SSE: return 14 * 4;
    case CPEAK_AVX: return 12 * 8;
    case CPEAK_AVX2: return 12 * 8 * 2;
    case CPEAK_AVX512: return 16 * 16 * 2;
    default: return 0;
    }
}

float cpeak_run(int isa, long iterations) {
    if (!cpeak_supported(isa)) return NAN;
    switch (isa) {
    case CPEAK_SSE: return run_sse(iterations);
    case CPEAK_AVX: return run_avx(iterations);
    case CPEAK_AVX2: return run_avx2(iterations);
    case CPEAK_AVX512: return run_avx512(iterations);
    default: return NAN;
    }
}

#else

int cpeak_supported(int isa) { (void)isa; return 0; }
long cpeak_flops_per_iteration(int isa) { (void)isa; return 0; }
float cpeak_run(int isa, long iterations) { (void)isa; (void)iterations; return NAN; }

#endif
