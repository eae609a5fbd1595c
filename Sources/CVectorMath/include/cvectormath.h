#ifndef CVECTORMATH_H
#define CVECTORMATH_H

#ifdef __cplusplus
extern "C" {
#endif

/// The instruction sets the element-wise kernels are built for: the same source instantiated three times.
/// Every level computes with 16-lane vectors, in the same order and without fused multiply-adds, so all levels
/// give bit-identical results; a wider level only needs fewer instructions.
enum cvm_level { CVM_PORTABLE = 0, CVM_AVX2 = 1, CVM_AVX512 = 2 };

/// The element-wise functions `cvm_map` applies.
enum cvm_function { CVM_EXP = 0, CVM_TANH = 1, CVM_ERF = 2, CVM_GELU = 3, CVM_GELU_TANH = 4, CVM_SILU = 5 };

/// 1 when this CPU can run `level`.
int cvm_supported(int level);

/// The widest level this CPU runs.
int cvm_best_level(void);

/// y[i] = f(x[i]) (times multiplier[i] when `multiplier` is not NULL) for i < n, at `level`.
void cvm_map(int level, int function, const float *x, const float *multiplier, float *y, long n);

/// Softmax of the first `valid` entries of a row of `cols` (max subtracted first); entries from `valid` on are 0.
void cvm_softmax_row(int level, const float *x, float *y, long valid, long cols);

#ifdef __cplusplus
}
#endif

#endif
