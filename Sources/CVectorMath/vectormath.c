#include "cvectormath.h"

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

enum { W = 16 };
typedef float vf __attribute__((vector_size(64), aligned(4)));
typedef int vi __attribute__((vector_size(64), aligned(4)));

// Macros rather than functions, so they take the instruction set of the function they are used in.
#define splat(s) ((vf){0} + (float)(s))
#define load(p) (*(const vf *)(p))
#define store(p, v) (*(vf *)(p) = (v))

// The body's helpers take and return 64-byte vectors; all are static and always inlined into one instantiation,
// so no vector crosses a call between code built for different instruction sets.
#pragma clang diagnostic ignored "-Wpsabi"
#define VM_INLINE static inline __attribute__((always_inline))

// Polynomial coefficients, highest degree first.
static const float exp_p[] = {
    1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
static const float tanh_p[] = {
    -5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f, 1.33314422036e-1f, -3.33332819422e-1f};
static const float erf_t[] = {
    7.853861353153693e-5f, -8.010193625184903e-4f, 5.188327685732524e-3f, -2.685381193529856e-2f,
    1.128358514861418e-1f, -3.761262582423300e-1f, 1.128379165726710f};
static const float erfc_p[] = {
    2.326819970068386e-2f, -1.387039388740657e-1f, 3.687424674597105e-1f, -5.824733027278666e-1f,
    6.210004621745983e-1f, -4.944515323274145e-1f, 3.404879937665872e-1f, -2.741127028184656e-1f,
    5.638259427386472e-1f};
static const float erfc_r[] = {
    -1.047766399936249e1f, 1.297719955372516e1f, -7.495518717768503f, 2.921019019210786f, -1.015265279202700f,
    4.218463358204948e-1f, -2.820767439740514e-1f, 5.641895067754075e-1f};

#define HORNER(x, c) VM(horner)(x, c, (int)(sizeof(c) / sizeof((c)[0])))

#define VM(name) name##_portable
#include "vectormath_body.h"
#undef VM

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#define VM(name) name##_avx2
#include "vectormath_body.h"
#undef VM
#pragma clang attribute pop

#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#define VM(name) name##_avx512
#include "vectormath_body.h"
#undef VM
#pragma clang attribute pop
#endif

int cvm_supported(int level) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    switch (level) {
    case CVM_PORTABLE: return 1;
    case CVM_AVX2: return __builtin_cpu_supports("avx2") ? 1 : 0;
    case CVM_AVX512: return __builtin_cpu_supports("avx512f") ? 1 : 0;
    default: return 0;
    }
#else
    return level == CVM_PORTABLE;
#endif
}

int cvm_best_level(void) {
    static int best = -1;
    if (best < 0) best = cvm_supported(CVM_AVX512) ? CVM_AVX512 : cvm_supported(CVM_AVX2) ? CVM_AVX2 : CVM_PORTABLE;
    return best;
}

void cvm_map(int level, int function, const float *x, const float *multiplier, float *y, long n) {
#if defined(__x86_64__)
    if (level == CVM_AVX512 && cvm_supported(level)) return map_avx512(function, x, multiplier, y, n);
    if (level == CVM_AVX2 && cvm_supported(level)) return map_avx2(function, x, multiplier, y, n);
#endif
    map_portable(function, x, multiplier, y, n);
}

void cvm_softmax_row(int level, const float *x, float *y, long valid, long cols) {
#if defined(__x86_64__)
    if (level == CVM_AVX512 && cvm_supported(level)) return softmax_row_avx512(x, y, valid, cols);
    if (level == CVM_AVX2 && cvm_supported(level)) return softmax_row_avx2(x, y, valid, cols);
#endif
    softmax_row_portable(x, y, valid, cols);
}
