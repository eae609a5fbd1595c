#include "creadstream.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum { AHEAD = 1024 };  // floats prefetched ahead of the loads (4 KiB)

__attribute__((target("avx512f"))) static float sum_avx512(const float *p, long n) {
    __m512 a0 = _mm512_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    long i = 0;
    for (; i + 64 <= n; i += 64) {
        _mm_prefetch((const char *)(p + i + AHEAD), _MM_HINT_T0);
        a0 = _mm512_add_ps(a0, _mm512_loadu_ps(p + i));
        a1 = _mm512_add_ps(a1, _mm512_loadu_ps(p + i + 16));
        a2 = _mm512_add_ps(a2, _mm512_loadu_ps(p + i + 32));
        a3 = _mm512_add_ps(a3, _mm512_loadu_ps(p + i + 48));
    }
    float s = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)));
    for (; i < n; i++) s += p[i];
    return s;
}

__attribute__((target("avx"))) static float sum_avx(const float *p, long n) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    long i = 0;
    for (; i + 32 <= n; i += 32) {
        _mm_prefetch((const char *)(p + i + AHEAD), _MM_HINT_T0);
        a0 = _mm256_add_ps(a0, _mm256_loadu_ps(p + i));
        a1 = _mm256_add_ps(a1, _mm256_loadu_ps(p + i + 8));
        a2 = _mm256_add_ps(a2, _mm256_loadu_ps(p + i + 16));
        a3 = _mm256_add_ps(a3, _mm256_loadu_ps(p + i + 24));
    }
    float t[8], s = 0;
    _mm256_storeu_ps(t, _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
    for (int k = 0; k < 8; k++) s += t[k];
    for (; i < n; i++) s += p[i];
    return s;
}

static float sum_sse(const float *p, long n) {
    __m128 a0 = _mm_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        _mm_prefetch((const char *)(p + i + AHEAD), _MM_HINT_T0);
        a0 = _mm_add_ps(a0, _mm_loadu_ps(p + i));
        a1 = _mm_add_ps(a1, _mm_loadu_ps(p + i + 4));
        a2 = _mm_add_ps(a2, _mm_loadu_ps(p + i + 8));
        a3 = _mm_add_ps(a3, _mm_loadu_ps(p + i + 12));
    }
    float t[4], s = 0;
    _mm_storeu_ps(t, _mm_add_ps(_mm_add_ps(a0, a1), _mm_add_ps(a2, a3)));
    for (int k = 0; k < 4; k++) s += t[k];
    for (; i < n; i++) s += p[i];
    return s;
}

static int level(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 2;
    if (__builtin_cpu_supports("avx")) return 1;
    return 0;
}

float creadstream_sum(const float *p, long n) {
    switch (level()) {
    case 2: return sum_avx512(p, n);
    case 1: return sum_avx(p, n);
    default: return sum_sse(p, n);
    }
}

const char *creadstream_isa(void) {
    static const char *names[] = {"sse", "avx", "avx512"};
    return names[level()];
}
#else
float creadstream_sum(const float *p, long n) {
    float s = 0;
    for (long i = 0; i < n; i++) s += p[i];
    return s;
}
const char *creadstream_isa(void) { return "scalar"; }
#endif
