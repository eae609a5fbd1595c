#include "creadstream.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum { AHEAD = 1024 };  // floats prefetched ahead of the loads (4 KiB)

// One read loop, instantiated per instruction set: vectors of BYTES bytes (GCC/Clang vector extensions, unaligned),
// four independent accumulators, a prefetch AHEAD floats on, and a scalar tail.
#define PB_READ_SUM(NAME, TARGET, BYTES)                                                                           \
    typedef float NAME##_vector __attribute__((vector_size(BYTES), aligned(4)));                                   \
    TARGET static float NAME(const float *p, long n) {                                                             \
        enum { W = (BYTES) / 4 };                                                                                  \
        NAME##_vector a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};                                                      \
        long i = 0;                                                                                                \
        for (; i + 4 * W <= n; i += 4 * W) {                                                                       \
            _mm_prefetch((const char *)(p + i + AHEAD), _MM_HINT_T0);                                              \
            a0 += *(const NAME##_vector *)(p + i);                                                                 \
            a1 += *(const NAME##_vector *)(p + i + W);                                                             \
            a2 += *(const NAME##_vector *)(p + i + 2 * W);                                                         \
            a3 += *(const NAME##_vector *)(p + i + 3 * W);                                                         \
        }                                                                                                          \
        NAME##_vector lanes = (a0 + a1) + (a2 + a3);                                                               \
        float s = 0;                                                                                               \
        for (int k = 0; k < W; k++) s += lanes[k];                                                                 \
        for (; i < n; i++) s += p[i];                                                                              \
        return s;                                                                                                  \
    }

PB_READ_SUM(sum_avx512, __attribute__((target("avx512f"))), 64)
PB_READ_SUM(sum_avx, __attribute__((target("avx"))), 32)
PB_READ_SUM(sum_sse, , 16)

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
