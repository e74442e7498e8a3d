#ifndef OPTRACE_MATH_H
#define OPTRACE_MATH_H

/* e^x by one fixed sequence of IEEE double operations (no fused multiply-add), so that the scalar
   function and every lane of the batched one return the same bits. Within 1 ulp of the correctly
   rounded result; +inf above 709.78..., 0 below -745.13..., NaN stays NaN. */
double optrace_exp(double x);

/* out[i] = optrace_exp(x[i]) for i < n, bit for bit. */
void optrace_exp_lanes(const double *x, double *out, long n);

#endif
