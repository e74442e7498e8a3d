#include "optrace_math.h"

#include <stdio.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/* The scalar form lane by lane, and the eight-lane form (optrace_exp8, which sweeps inline in their tape)
   compiled for AVX2. AVX2 brings no fused multiply-add (that is the separate FMA feature) and contraction is
   off, so both run the same IEEE operations and return the same bits; the tests compare them, and a release
   build compiled for Haswell runs the AVX2 compilation of optrace_exp8 in every sweep. */
static void optrace_exp_lanes_baseline(const double *x, double *out, long n) {
    for (long i = 0; i < n; i++) out[i] = optrace_exp_inline(x[i]);
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("avx2")))
static void optrace_exp_lanes_avx2(const double *x, double *out, long n) {
    long i = 0;
    for (; i + 8 <= n; i += 8) optrace_exp8(x + i, out + i);
    for (; i < n; i++) out[i] = optrace_exp_inline(x[i]);
}

typedef void (*optrace_exp_kernel)(const double *, double *, long);

static optrace_exp_kernel optrace_exp_choose(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? optrace_exp_lanes_avx2 : optrace_exp_lanes_baseline;
}

void optrace_exp_lanes(const double *x, double *out, long n) {
    static optrace_exp_kernel kernel = 0;
    optrace_exp_kernel k = __atomic_load_n(&kernel, __ATOMIC_RELAXED);
    if (!k) {
        k = optrace_exp_choose();
        __atomic_store_n(&kernel, k, __ATOMIC_RELAXED);
    }
    k(x, out, n);
}

int optrace_exp_uses_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}
#else
void optrace_exp_lanes(const double *x, double *out, long n) { optrace_exp_lanes_baseline(x, out, n); }

int optrace_exp_uses_avx2(void) { return 0; }
#endif

void optrace_exp_lanes_portable(const double *x, double *out, long n) { optrace_exp_lanes_baseline(x, out, n); }

int optrace_format_double(char *buffer, unsigned long size, const char *format, double v) {
    return snprintf(buffer, size, format, v);
}
