#ifndef OPTRACE_MATH_H
#define OPTRACE_MATH_H

#include <stdint.h>
#include <string.h>

/* e^x by one fixed sequence of IEEE double operations (no fused multiply-add), so that the scalar
   function and every lane of the batched one return the same bits. Within 1 ulp of the correctly
   rounded result; +inf above 709.78..., 0 below -745.13..., NaN stays NaN. The scalar form is inline
   so that the tape's interpreter pays no call for it. */

/* Every product and sum below is rounded on its own: contracting a*b+c into one fused operation
   would make results depend on the instruction set the compiler picks. */
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/* 2^(j/128) for j = 0...127: the nearest double (hi) and the relative remainder (v - hi)/hi (tail),
   from exact integer roots. */
static const uint64_t optrace_exp_table[128][2] = {
    {0x3ff0000000000000ULL, 0x0000000000000000ULL},
    {0x3ff0163da9fb3335ULL, 0x3c9b3b4f1a88bf6eULL},
    {0x3ff02c9a3e778061ULL, 0xbc7160139cd8dc5dULL},
    {0x3ff04315e86e7f85ULL, 0xbc905e7a108766d1ULL},
    {0x3ff059b0d3158574ULL, 0x3c8cd2523567f613ULL},
    {0x3ff0706b29ddf6deULL, 0xbc8bce8023f98efaULL},
    {0x3ff0874518759bc8ULL, 0x3c60f74e61e6c861ULL},
    {0x3ff09e3ecac6f383ULL, 0x3c90a3e45b33d399ULL},
    {0x3ff0b5586cf9890fULL, 0x3c979aa65d837b6dULL},
    {0x3ff0cc922b7247f7ULL, 0x3c8eb51a92fdeffcULL},
    {0x3ff0e3ec32d3d1a2ULL, 0x3c3ebe3d702f9cd1ULL},
    {0x3ff0fb66affed31bULL, 0xbc6a033489906e0bULL},
    {0x3ff11301d0125b51ULL, 0xbc9556522a2fbd0eULL},
    {0x3ff12abdc06c31ccULL, 0xbc5080ef8c4eea55ULL},
    {0x3ff1429aaea92de0ULL, 0xbc91c923b9d5f416ULL},
    {0x3ff15a98c8a58e51ULL, 0x3c80d3e3e95c55afULL},
    {0x3ff172b83c7d517bULL, 0xbc801b15eaa59348ULL},
    {0x3ff18af9388c8deaULL, 0xbc8f1ff055de323dULL},
    {0x3ff1a35beb6fcb75ULL, 0x3c8b898c3f1353bfULL},
    {0x3ff1bbe084045cd4ULL, 0xbc96d99c7611eb26ULL},
    {0x3ff1d4873168b9aaULL, 0x3c9aecf73e3a2f60ULL},
    {0x3ff1ed5022fcd91dULL, 0xbc8fe782cb86389dULL},
    {0x3ff2063b88628cd6ULL, 0x3c8a6f4144a6c38dULL},
    {0x3ff21f49917ddc96ULL, 0x3c807a05b0e4047dULL},
    {0x3ff2387a6e756238ULL, 0x3c968efde3a8a894ULL},
    {0x3ff251ce4fb2a63fULL, 0x3c875e18f274487dULL},
    {0x3ff26b4565e27cddULL, 0x3c80472b981fe7f2ULL},
    {0x3ff284dfe1f56381ULL, 0xbc96b87b3f71085eULL},
    {0x3ff29e9df51fdee1ULL, 0x3c82f7e16d09ab31ULL},
    {0x3ff2b87fd0dad990ULL, 0xbc3d219b1a6fbffaULL},
    {0x3ff2d285a6e4030bULL, 0x3c8b3782720c0ab4ULL},
    {0x3ff2ecafa93e2f56ULL, 0x3c6e149289cecb8fULL},
    {0x3ff306fe0a31b715ULL, 0x3c834d754db0abb6ULL},
    {0x3ff32170fc4cd831ULL, 0x3c864201e2ac744cULL},
    {0x3ff33c08b26416ffULL, 0x3c8fdd395dd3f84aULL},
    {0x3ff356c55f929ff1ULL, 0xbc86a3803b8e5b04ULL},
    {0x3ff371a7373aa9cbULL, 0xbc924aedcc4b5068ULL},
    {0x3ff38cae6d05d866ULL, 0xbc9907f81b512d8eULL},
    {0x3ff3a7db34e59ff7ULL, 0xbc71d1e83e9436d2ULL},
    {0x3ff3c32dc313a8e5ULL, 0xbc991919b3ce1b15ULL},
    {0x3ff3dea64c123422ULL, 0x3c859f48a72a4c6dULL},
    {0x3ff3fa4504ac801cULL, 0xbc9312607a28698aULL},
    {0x3ff4160a21f72e2aULL, 0xbc58a78f4817895bULL},
    {0x3ff431f5d950a897ULL, 0xbc7c2c9b67499a1bULL},
    {0x3ff44e086061892dULL, 0x3c4363ed60c2ac11ULL},
    {0x3ff46a41ed1d0057ULL, 0x3c9666093b0664efULL},
    {0x3ff486a2b5c13cd0ULL, 0x3c6ecce1daa10379ULL},
    {0x3ff4a32af0d7d3deULL, 0x3c93ff8e3f0f1230ULL},
    {0x3ff4bfdad5362a27ULL, 0x3c7690cebb7aafb0ULL},
    {0x3ff4dcb299fddd0dULL, 0x3c931dbdeb54e077ULL},
    {0x3ff4f9b2769d2ca7ULL, 0xbc8f94340071a38eULL},
    {0x3ff516daa2cf6642ULL, 0xbc87deccdc93a349ULL},
    {0x3ff5342b569d4f82ULL, 0xbc78dec6bd0f385fULL},
    {0x3ff551a4ca5d920fULL, 0xbc861246ec7b5cf6ULL},
    {0x3ff56f4736b527daULL, 0x3c93350518fdd78eULL},
    {0x3ff58d12d497c7fdULL, 0x3c7b98b72f8a9b05ULL},
    {0x3ff5ab07dd485429ULL, 0x3c9063e1e21c5409ULL},
    {0x3ff5c9268a5946b7ULL, 0x3c34c7855019c6eaULL},
    {0x3ff5e76f15ad2148ULL, 0x3c9432e62b64c035ULL},
    {0x3ff605e1b976dc09ULL, 0xbc8ce44a6199769fULL},
    {0x3ff6247eb03a5585ULL, 0xbc8c33c53bef4da8ULL},
    {0x3ff6434634ccc320ULL, 0xbc845378892be9aeULL},
    {0x3ff6623882552225ULL, 0xbc93cedd78565858ULL},
    {0x3ff68155d44ca973ULL, 0x3c5710aa807e1964ULL},
    {0x3ff6a09e667f3bcdULL, 0xbc93b3efbf5e2228ULL},
    {0x3ff6c012750bdabfULL, 0xbc6a12ad8734b982ULL},
    {0x3ff6dfb23c651a2fULL, 0xbc6367efb86da9eeULL},
    {0x3ff6ff7df9519484ULL, 0xbc80dc3d54e08851ULL},
    {0x3ff71f75e8ec5f74ULL, 0xbc781f647e5a3ecfULL},
    {0x3ff73f9a48a58174ULL, 0xbc86ee4ac08b7db0ULL},
    {0x3ff75feb564267c9ULL, 0xbc8619321e55e68aULL},
    {0x3ff780694fde5d3fULL, 0x3c909ccb5e09d4d3ULL},
    {0x3ff7a11473eb0187ULL, 0xbc7b32dcb94da51dULL},
    {0x3ff7c1ed0130c132ULL, 0x3c94ecfd5467c06bULL},
    {0x3ff7e2f336cf4e62ULL, 0x3c65ebe1abd66c55ULL},
    {0x3ff80427543e1a12ULL, 0xbc88a1c52fb3cf42ULL},
    {0x3ff82589994cce13ULL, 0xbc9369b6f13b3734ULL},
    {0x3ff8471a4623c7adULL, 0xbc805e843a19ff1eULL},
    {0x3ff868d99b4492edULL, 0xbc94d450d872576eULL},
    {0x3ff88ac7d98a6699ULL, 0x3c90ad675b0e8a00ULL},
    {0x3ff8ace5422aa0dbULL, 0x3c8db72fc1f0eab4ULL},
    {0x3ff8cf3216b5448cULL, 0xbc65b6609cc5e7ffULL},
    {0x3ff8f1ae99157736ULL, 0x3c7bf68359f35f44ULL},
    {0x3ff9145b0b91ffc6ULL, 0xbc93091fa71e3d83ULL},
    {0x3ff93737b0cdc5e5ULL, 0xbc5da9b88b6c1e29ULL},
    {0x3ff95a44cbc8520fULL, 0xbc6c23f97c90b959ULL},
    {0x3ff97d829fde4e50ULL, 0xbc92434322f4f9aaULL},
    {0x3ff9a0f170ca07baULL, 0xbc85ca6cd7668e4bULL},
    {0x3ff9c49182a3f090ULL, 0x3c71affc2b91ce27ULL},
    {0x3ff9e86319e32323ULL, 0x3c6dd235e10a73bbULL},
    {0x3ffa0c667b5de565ULL, 0xbc87c50422622263ULL},
    {0x3ffa309bec4a2d33ULL, 0x3c8b1c86e3e231d5ULL},
    {0x3ffa5503b23e255dULL, 0xbc91bbd1d3bcbb15ULL},
    {0x3ffa799e1330b358ULL, 0x3c90cc319cee31d2ULL},
    {0x3ffa9e6b5579fdbfULL, 0x3c8469846e735ab3ULL},
    {0x3ffac36bbfd3f37aULL, 0xbc82dfcd978e9db4ULL},
    {0x3ffae89f995ad3adULL, 0x3c8c1a7792cb3387ULL},
    {0x3ffb0e07298db666ULL, 0xbc907b8f4ad1d9faULL},
    {0x3ffb33a2b84f15fbULL, 0xbc55c3d956dcaebaULL},
    {0x3ffb59728de5593aULL, 0xbc90a40e3da6f640ULL},
    {0x3ffb7f76f2fb5e47ULL, 0xbc68d6f438ad9334ULL},
    {0x3ffba5b030a1064aULL, 0xbc91eee26b588a35ULL},
    {0x3ffbcc1e904bc1d2ULL, 0x3c74ffd70a5fddcdULL},
    {0x3ffbf2c25bd71e09ULL, 0xbc91bdfbfa9298acULL},
    {0x3ffc199bdd85529cULL, 0x3c736eae30af0cb3ULL},
    {0x3ffc40ab5fffd07aULL, 0x3c8ee3325c9ffd94ULL},
    {0x3ffc67f12e57d14bULL, 0x3c84e08fd10959acULL},
    {0x3ffc8f6d9406e7b5ULL, 0x3c63cdaf384e1a67ULL},
    {0x3ffcb720dcef9069ULL, 0x3c676b2c6c921968ULL},
    {0x3ffcdf0b555dc3faULL, 0xbc808a1883ccb5d2ULL},
    {0x3ffd072d4a07897cULL, 0xbc8fad5d3ffffa6fULL},
    {0x3ffd2f87080d89f2ULL, 0xbc900dae3875a949ULL},
    {0x3ffd5818dcfba487ULL, 0x3c74a385a63d07a7ULL},
    {0x3ffd80e316c98398ULL, 0xbc82919e2040220fULL},
    {0x3ffda9e603db3285ULL, 0x3c8e5a50d5c192acULL},
    {0x3ffdd321f301b460ULL, 0x3c843a59ac016b4bULL},
    {0x3ffdfc97337b9b5fULL, 0xbc82d52107b43e1fULL},
    {0x3ffe264614f5a129ULL, 0xbc892ab93b470dc9ULL},
    {0x3ffe502ee78b3ff6ULL, 0x3c74b604603a88d3ULL},
    {0x3ffe7a51fbc74c83ULL, 0x3c83c5ec519d7271ULL},
    {0x3ffea4afa2a490daULL, 0xbc8ff7128fd391f0ULL},
    {0x3ffecf482d8e67f1ULL, 0xbc8dae98e223747dULL},
    {0x3ffefa1bee615a27ULL, 0x3c8ec3bc41aa2008ULL},
    {0x3fff252b376bba97ULL, 0x3c842b94c3a9eb32ULL},
    {0x3fff50765b6e4540ULL, 0x3c8a64a931d185eeULL},
    {0x3fff7bfdad9cbe14ULL, 0xbc8e37bae43be3edULL},
    {0x3fffa7c1819e90d8ULL, 0x3c77893b4d91cd9dULL},
    {0x3fffd3c22b8f71f1ULL, 0x3c5305c14160cc89ULL},
};

static inline uint64_t optrace_bits_of(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static inline double optrace_double_of(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

/* x = (128k + j)·ln2/128 + r with |r| <= ln2/256 (ln2/128 split so that kd*ln2_hi is exact), then
   e^x = 2^k · 2^(j/128) · e^r, e^r − 1 by its Taylor polynomial of degree 5 (truncation < 6e-19), and 2^k
   applied in two exact halves so that a subnormal result is rounded once. */
static inline double optrace_exp_inline(double x) {
    const double upper = 709.8, lower = -745.2;
    const double inv_ln2_n = 184.6649652337873;        /* 128 / ln 2 */
    const double shift = 6755399441055744.0;           /* 1.5·2^52: adding it rounds to an integer */
    const double ln2_hi_n = 0x1.62e42ff000000p-8;      /* ln2/128 to 32 bits */
    const double ln2_lo_n = -0x1.718432a1b0e26p-42;    /* the rest */
    double xc = x > upper ? upper : x;                 /* NaN passes both tests unchanged */
    xc = xc < lower ? lower : xc;
    double kd = xc * inv_ln2_n + shift;
    uint64_t ki = optrace_bits_of(kd) - 0x4338000000000000ULL;  /* 128k + j, two's complement */
    kd = kd - shift;
    double r = (xc - kd * ln2_hi_n) - kd * ln2_lo_n;
    uint64_t j = ki & 127;
    int64_t k = (int64_t)ki >> 7;
    int64_t k1 = k >> 1, k2 = k - k1;
    /* 2^(j/128)·2^k1, exact: k1 only moves the exponent, which stays normal for |x| within the clamp. */
    double scale = optrace_double_of(optrace_exp_table[j][0] + ((uint64_t)k1 << 52));
    double tail = optrace_double_of(optrace_exp_table[j][1]);
    double r2 = r * r;
    double p = tail + r + r2 * (0.5 + r * 0.16666666666666666) + r2 * r2 * (0.041666666666666664 + r * 0.008333333333333333);
    double v = scale + scale * p;
    /* One rounding into the subnormal range, if any. A NaN argument gives r = NaN and so a NaN here. */
    return v * optrace_double_of((uint64_t)(k2 + 1023) << 52);
}

/* out[i] = the correctly rounded square root of x[i], i < 8, as one vector instruction (sqrt is exact IEEE, so
   each lane equals the scalar root; no errno, NaN for a negative lane). Swift's SIMD squareRoot() goes lane
   by lane through the C library. */
typedef double optrace_double8 __attribute__((ext_vector_type(8)));
static inline void optrace_sqrt8(const double *x, double *out) {
    optrace_double8 v;
    __builtin_memcpy(&v, x, sizeof v);
    v = __builtin_elementwise_sqrt(v);
    __builtin_memcpy(out, &v, sizeof v);
}

typedef long long optrace_int8 __attribute__((ext_vector_type(8)));
typedef unsigned long long optrace_uint8 __attribute__((ext_vector_type(8)));
typedef unsigned long long optrace_uint4 __attribute__((ext_vector_type(4)));
typedef unsigned long long optrace_uint2 __attribute__((ext_vector_type(2)));

/* out[i] = optrace_exp_inline(x[i]) for eight lanes, bit for bit: the same operations in the same order on
   vectors, inline in the caller and compiled for the instruction set of the build (scripts/build-release
   targets Haswell where the machine has AVX2), so a sweep's tape pays no call for it. Selects are bit
   operations (NaN compares false, as in the scalar form), shifts and additions of the exponent bits are on
   unsigned lanes (the scalar form's uint64_t arithmetic), and the table is read a row per lane. Always inlined,
   even unoptimised, so the AVX2 loop in optrace_math.c (which the tests run) compiles it for AVX2. */
__attribute__((always_inline)) static inline void optrace_exp8(const double *x, double *out) {
    const double upper = 709.8, lower = -745.2;
    const double inv_ln2_n = 184.6649652337873;
    const double shift = 6755399441055744.0;
    const double ln2_hi_n = 0x1.62e42ff000000p-8;
    const double ln2_lo_n = -0x1.718432a1b0e26p-42;
    optrace_double8 v;
    __builtin_memcpy(&v, x, sizeof v);
    optrace_uint8 above = (optrace_uint8)(v > upper), below;
    optrace_uint8 bits = ((optrace_uint8)v & ~above) | ((optrace_uint8)(optrace_double8)upper & above);
    optrace_double8 xc = (optrace_double8)bits;
    below = (optrace_uint8)(xc < lower);
    bits = ((optrace_uint8)xc & ~below) | ((optrace_uint8)(optrace_double8)lower & below);
    xc = (optrace_double8)bits;
    optrace_double8 kd = xc * inv_ln2_n + shift;
    optrace_uint8 ki = (optrace_uint8)kd - 0x4338000000000000ULL;
    kd = kd - shift;
    optrace_double8 r = (xc - kd * ln2_hi_n) - kd * ln2_lo_n;
    optrace_uint8 j = ki & 127;
    optrace_int8 k = (optrace_int8)ki >> 7;
    optrace_int8 k1 = k >> 1, k2 = k - k1;
    /* Each lane's table row (2^(j/128) and its remainder) in one 16-byte load; the rows are then split into the
       heads and the tails by two shuffles per four lanes, instead of two 8-byte loads and inserts per lane. */
    optrace_uint2 row[8];
    for (int i = 0; i < 8; i++) __builtin_memcpy(&row[i], optrace_exp_table[j[i]], sizeof row[i]);
    optrace_uint4 r02 = __builtin_shufflevector(row[0], row[2], 0, 1, 2, 3);
    optrace_uint4 r13 = __builtin_shufflevector(row[1], row[3], 0, 1, 2, 3);
    optrace_uint4 r46 = __builtin_shufflevector(row[4], row[6], 0, 1, 2, 3);
    optrace_uint4 r57 = __builtin_shufflevector(row[5], row[7], 0, 1, 2, 3);
    optrace_uint4 head_lo = __builtin_shufflevector(r02, r13, 0, 4, 2, 6), tail_lo = __builtin_shufflevector(r02, r13, 1, 5, 3, 7);
    optrace_uint4 head_hi = __builtin_shufflevector(r46, r57, 0, 4, 2, 6), tail_hi = __builtin_shufflevector(r46, r57, 1, 5, 3, 7);
    optrace_uint8 head = __builtin_shufflevector(head_lo, head_hi, 0, 1, 2, 3, 4, 5, 6, 7);
    optrace_uint8 tail_bits = __builtin_shufflevector(tail_lo, tail_hi, 0, 1, 2, 3, 4, 5, 6, 7);
    optrace_double8 scale = (optrace_double8)(head + ((optrace_uint8)k1 << 52));
    optrace_double8 tail = (optrace_double8)tail_bits;
    optrace_double8 r2 = r * r;
    optrace_double8 p = tail + r + r2 * (0.5 + r * 0.16666666666666666) + r2 * r2 * (0.041666666666666664 + r * 0.008333333333333333);
    optrace_double8 e = scale + scale * p;
    e = e * (optrace_double8)((optrace_uint8)(k2 + 1023) << 52);
    __builtin_memcpy(out, &e, sizeof e);
}

/* out[i] = optrace_exp_inline(x[i]) for i < n, bit for bit: eight lanes at a time through optrace_exp8
   compiled for AVX2 where the processor has it (the tests compare it with the scalar form). */
void optrace_exp_lanes(const double *x, double *out, long n);

/* The same, always with the baseline instruction set (for tests that compare the two). */
void optrace_exp_lanes_portable(const double *x, double *out, long n);

/* 1 when optrace_exp_lanes runs its AVX2 form. */
int optrace_exp_uses_avx2(void);

/* snprintf(buffer, size, format, v) for a format with one double conversion (Swift cannot call the variadic
   snprintf, and withVaList's dynamic casts cost more than the formatting). */
int optrace_format_double(char *buffer, unsigned long size, const char *format, double v);

#endif
