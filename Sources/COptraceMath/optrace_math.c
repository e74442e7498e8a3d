#include "optrace_math.h"

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

void optrace_exp_lanes(const double *x, double *out, long n) {
    for (long i = 0; i < n; i++) out[i] = optrace_exp_inline(x[i]);
}
