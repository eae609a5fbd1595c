// The element-wise kernels' body, included once per instruction set by vectormath.c with VM(name) naming the
// instantiation (and a target attribute pushed around the include). Vectors are always 16 floats (GCC/Clang
// vector extensions); FP contraction is off, so every level computes exactly the same values.
//
// exp: Cephes `expf` (S. L. Moshier, Methods and Programs for Mathematical Functions, 1989; the polynomial of
// sse_mathfun's exp_ps): x = n·ln 2 + r with a two-constant Cody–Waite reduction, |r| ≤ ½ ln 2, and
// eʳ ≈ 1 + r + r²·P(r) with a degree-5 P; 2ⁿ applied in two exact halves, so the result overflows to +inf only
// when eˣ does (x > 88.72), rounds once into the denormals (down to −103.97) and is +0 below.
// tanh: Cephes `tanhf`: x + x³·P(x²) (degree-4 P) for |x| < 0.625, else 1 − 2/(e²ˣ + 1), |x| capped at 10.
// erf: Cephes `erff`/`erfcf` (ndtrf.c; XLA's f32 erf uses the same coefficients): x·T(x²) (degree 6) for
// |x| < 1, else 1 − e^(−x²)·(1/|x|)·P(1/x²) with P of degree 8 on [1, 2) and 7 from 2 on; |x| capped at 10.
// The odd functions copy the sign bit of x onto the result; NaN in gives NaN out.
// gelu: ½x(1 + erf(x/√2)); gelu-tanh (GPT-2's gelu_new): ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³); silu: x/(1 + e⁻ˣ).

/// c[0]·xⁿ⁻¹ + … + c[n−1] by Horner's rule (a − c and a + (−c) round alike, so signs live in the table).
VM_INLINE vf VM(horner)(vf x, const float *c, int n) {
    vf p = splat(c[0]);
    for (int i = 1; i < n; i++) p = p * x + c[i];
    return p;
}

VM_INLINE vf VM(sel)(vi m, vf a, vf b) { return (vf)((m & (vi)a) | (~m & (vi)b)); }

VM_INLINE vf VM(exp)(vf x) {
    vi nan = x != x;
    vf v = VM(sel)(nan, splat(0), x);
    v = VM(sel)(v > 88.8f, splat(88.8f), v);
    v = VM(sel)(v < -104.0f, splat(-104.0f), v);
    const float shifter = 12582912.0f;  // 1.5·2²³: adding it rounds to an integer held in the low mantissa bits
    vf t = v * 1.4426950408889634f + shifter;
    vf n = t - shifter;
    vi ni = (vi)t - 0x4B400000;
    vf r = (v - n * 0.693359375f) - n * -2.1219444005469058e-4f;
    vf p = HORNER(r, exp_p);
    vf y = p * (r * r) + r + 1.0f;
    vi n1 = ni >> 1, n2 = ni - n1;  // each in [−75, 65]: both scales are normal numbers
    vf s1 = (vf)((n1 + 127) << 23), s2 = (vf)((n2 + 127) << 23);
    return VM(sel)(nan, x, y * s1 * s2);
}

/// |x| capped at 10 (NaN stays NaN), and the sign bits of x.
VM_INLINE vf VM(odd_magnitude)(vf x, vi *sign) {
    vi mask = (vi){0} + (-2147483647 - 1);  // the sign bit (splat(-0.0f) would be 0 + −0 = +0)
    *sign = (vi)x & mask;
    vf a = (vf)((vi)x & ~mask);
    return VM(sel)(a > 10.0f, splat(10.0f), a);
}

VM_INLINE vf VM(tanh)(vf x) {
    vi sign;
    vf a = VM(odd_magnitude)(x, &sign);
    vf z = a * a;
    vf p = HORNER(z, tanh_p);
    vf small = p * z * a + a;
    vf large = 1.0f - 2.0f / (VM(exp)(a + a) + 1.0f);
    vf r = VM(sel)(a < 0.625f, small, large);
    return VM(sel)(x != x, x, (vf)((vi)r | sign));
}

VM_INLINE vf VM(erf)(vf x) {
    vi sign;
    vf a = VM(odd_magnitude)(x, &sign);
    vf z = a * a;
    vf t = HORNER(z, erf_t);
    vf small = a * t;
    vf q = 1.0f / a, w = q * q;
    vf p = HORNER(w, erfc_p);
    vf rr = HORNER(w, erfc_r);
    p = VM(sel)(a < 2.0f, p, rr);
    vf large = 1.0f - VM(exp)(-z) * q * p;
    vf r = VM(sel)(a < 1.0f, small, large);
    r = VM(sel)(r > 1.0f, splat(1.0f), r);
    return VM(sel)(x != x, x, (vf)((vi)r | sign));
}

VM_INLINE vf VM(apply)(int f, vf x) {
    switch (f) {
    case CVM_EXP: return VM(exp)(x);
    case CVM_TANH: return VM(tanh)(x);
    case CVM_ERF: return VM(erf)(x);
    case CVM_GELU: return 0.5f * x * (1.0f + VM(erf)(x * 0.70710678118654752f));
    // ½x(1 + tanh u) = x/(1 + e^(−2u)): one exp and one division, and no 1 + tanh cancellation for negative x.
    case CVM_GELU_TANH: return x / (1.0f + VM(exp)(-1.5957691216057307f * (x + 0.044715f * x * x * x)));
    default: return x / (1.0f + VM(exp)(-x));  // CVM_SILU
    }
}

/// Whole vectors, then the tail through the same function (padded lanes computed and dropped), so an element's
/// result never depends on where it sits. The function is a constant in each loop after inlining.
VM_INLINE void VM(map_with)(int f, const float *x, const float *m, float *y, long n) {
    long i = 0;
    for (; i + W <= n; i += W) {
        vf v = VM(apply)(f, load(x + i));
        store(y + i, m ? v * load(m + i) : v);
    }
    if (i < n) {
        float in[W] = {0}, out[W];
        for (long k = 0; k < n - i; k++) in[k] = x[i + k];
        store(out, VM(apply)(f, load(in)));
        for (long k = 0; k < n - i; k++) y[i + k] = m ? out[k] * m[i + k] : out[k];
    }
}

static void VM(map)(int f, const float *x, const float *m, float *y, long n) {
    switch (f) {
    case CVM_EXP: VM(map_with)(CVM_EXP, x, m, y, n); break;
    case CVM_TANH: VM(map_with)(CVM_TANH, x, m, y, n); break;
    case CVM_ERF: VM(map_with)(CVM_ERF, x, m, y, n); break;
    case CVM_GELU: VM(map_with)(CVM_GELU, x, m, y, n); break;
    case CVM_GELU_TANH: VM(map_with)(CVM_GELU_TANH, x, m, y, n); break;
    default: VM(map_with)(CVM_SILU, x, m, y, n); break;
    }
}

static void VM(softmax_row)(const float *x, float *y, long valid, long cols) {
    long whole = valid - valid % W, j;
    vf mv = splat(-__builtin_inff());
    for (j = 0; j < whole; j += W) {
        vf v = load(x + j);
        mv = VM(sel)(v > mv, v, mv);
    }
    float mx = -__builtin_inff();
    for (int k = 0; k < W; k++) mx = mv[k] > mx ? mv[k] : mx;
    for (j = whole; j < valid; j++) mx = x[j] >= mx ? x[j] : mx;
    // The padded lanes of the tail are −inf and add exact zeros.
    vf sv = splat(0);
    for (j = 0; j < whole; j += W) {
        vf e = VM(exp)(load(x + j) - mx);
        store(y + j, e);
        sv += e;
    }
    if (whole < valid) {
        float in[W], out[W];
        for (int k = 0; k < W; k++) in[k] = whole + k < valid ? x[whole + k] : -__builtin_inff();
        vf e = VM(exp)(load(in) - mx);
        store(out, e);
        for (long k = 0; k < valid - whole; k++) y[whole + k] = out[k];
        sv += e;
    }
    float sum = 0;
    for (int k = 0; k < W; k++) sum += sv[k];
    float inv = 1.0f / sum;
    for (j = 0; j < valid; j++) y[j] *= inv;
    for (j = valid; j < cols; j++) y[j] = 0;
}
