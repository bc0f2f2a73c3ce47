/*
 * rng.c -- xoshiro256** seeded through splitmix64, normal deviates by
 * Marsaglia's polar method, and the format's uncertainty factors.
 *
 * Both generators follow the published algorithms of Blackman and Vigna
 * (prng.di.unimi.it); tests/test_rng.c checks their published outputs.
 */
#include "rng.h"

#include <math.h>
#include <stddef.h>

/* Bit-identical deviates across machines need a*b+c rounded twice, as
 * written.  gcc in ISO C mode (-std=c11) never contracts; clang may, and
 * obeys the standard pragma (which gcc does not know, hence the guard). */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

uint64_t po__mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

uint64_t po__splitmix64(uint64_t *state)
{
    *state += UINT64_C(0x9e3779b97f4a7c15);
    return po__mix64(*state);
}

/* parent ^ mix(key + c) is a bijection in key for a fixed parent (and in
 * parent for a fixed key); the outer mix keeps ids of neighbouring keys
 * far apart, so the splitmix64 sequences started from them do not
 * overlap. */
uint64_t po__rng_stream(uint64_t parent, uint64_t key)
{
    return po__mix64(parent ^ po__mix64(key + UINT64_C(0x9e3779b97f4a7c15)));
}

uint64_t po__rng_hash_name(const char *name)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325); /* FNV-1a 64 offset basis */
    if (name != NULL) {
        for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
            h ^= *p;
            h *= UINT64_C(0x100000001b3); /* FNV-1a 64 prime */
        }
    }
    return po__mix64(h);
}

po_status po__rng_seed(po__rng *rng, uint64_t seed, uint64_t stream)
{
    if (rng == NULL)
        return PO_EINVAL;
    uint64_t sm = po__rng_stream(seed, stream);
    /* Four consecutive splitmix64 outputs are four images of distinct
     * inputs under a bijection, so they are never all zero. */
    for (int i = 0; i < 4; i++)
        rng->s[i] = po__splitmix64(&sm);
    rng->spare = 0.0;
    rng->has_spare = 0;
    return PO_OK;
}

po_status po__rng_set_state(po__rng *rng, const uint64_t state[4])
{
    if (rng == NULL || state == NULL)
        return PO_EINVAL;
    if ((state[0] | state[1] | state[2] | state[3]) == 0)
        return PO_EINVAL;
    for (int i = 0; i < 4; i++)
        rng->s[i] = state[i];
    rng->spare = 0.0;
    rng->has_spare = 0;
    return PO_OK;
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t po__rng_next_u64(po__rng *rng)
{
    uint64_t *s = rng->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double po__rng_uniform(po__rng *rng)
{
    /* The high bits of xoshiro256** are its best ones. */
    return (double)(po__rng_next_u64(rng) >> 11) * 0x1.0p-53;
}

/* log(x) = e*ln2 + log(1+f) with x = (1+f)*2^e, 1+f in [sqrt(1/2),
 * sqrt(2)).  With s = f/(2+f), log(1+f) = 2*atanh(s) = 2s + s*R where
 * R = 2s^2/3 + 2s^4/5 + ... (Taylor series; |s| <= 0.1716, so the terms
 * after s^22 are below 2^-60 relative), rearranged so the exact f carries
 * most of the value: log(1+f) = f - (f*f/2 - s*(f*f/2 + R)).  ln2 is split
 * into a 42-bit head (times e is exact for |e| <= 1075) and a tail. */
double po__rng_log(double x)
{
    static const double ln2_hi = 0x1.62e42fefa38p-1;
    static const double ln2_lo = 0x1.ef35793c7673p-45;
    if (!(x > 0.0) || isinf(x))
        return NAN;
    int e;
    double m = frexp(x, &e); /* exact: x = m * 2^e, m in [0.5, 1) */
    if (m < 0x1.6a09e667f3bcdp-1) { /* sqrt(1/2) */
        m *= 2.0;
        e -= 1;
    }
    const double f = m - 1.0; /* exact (Sterbenz) */
    const double s = f / (2.0 + f);
    const double z = s * s;
    double r = 2.0 / 23.0;
    for (int k = 10; k >= 1; k--)
        r = 2.0 / (2 * k + 1) + z * r;
    r *= z;
    const double hfsq = 0.5 * f * f;
    const double de = (double)e;
    return de * ln2_hi - ((hfsq - (s * (hfsq + r) + de * ln2_lo)) - f);
}

double po__rng_normal(po__rng *rng)
{
    if (rng->has_spare) {
        rng->has_spare = 0;
        return rng->spare;
    }
    double u, v, q;
    do {
        u = 2.0 * po__rng_uniform(rng) - 1.0; /* exact: [-1, 1) */
        v = 2.0 * po__rng_uniform(rng) - 1.0;
        q = u * u + v * v;
    } while (q >= 1.0 || q == 0.0);
    const double m = sqrt(-2.0 * po__rng_log(q) / q);
    rng->spare = v * m;
    rng->has_spare = 1;
    return u * m;
}

po_status po__dist_check(const po__dist *dist)
{
    if (dist == NULL)
        return PO_EINVAL;
    switch (dist->kind) {
    case PO__DIST_NONE:
        return PO_OK;
    case PO__DIST_REL_SD:
    case PO__DIST_REL_RANGE:
        break;
    default:
        return PO_EINVAL;
    }
    if (isnan(dist->param))
        return PO_ENAN;
    if (isinf(dist->param))
        return PO_EINF;
    if (dist->param < 0.0)
        return PO_EINVAL;
    if (dist->kind == PO__DIST_REL_RANGE && dist->param > 1.0)
        return PO_EINVAL;
    return PO_OK;
}

po_status po__rng_factor(po__rng *rng, const po__dist *dist, double *factor)
{
    if (rng == NULL || factor == NULL)
        return PO_EINVAL;
    po_status st = po__dist_check(dist);
    if (st != PO_OK)
        return st;
    double f = 1.0;
    if (dist->kind == PO__DIST_REL_SD) {
        f = 1.0 + dist->param * po__rng_normal(rng);
        if (f < 0.0)
            f = 0.0;
    } else if (dist->kind == PO__DIST_REL_RANGE) {
        f = 1.0 + dist->param * (2.0 * po__rng_uniform(rng) - 1.0);
    }
    *factor = f;
    return PO_OK;
}

uint64_t po__rng_factor_stream(uint64_t scenario, po_unc_param param,
                               const char *name, uint64_t period)
{
    uint64_t k = po__rng_stream(scenario, (uint64_t)param);
    k = po__rng_stream(k, po__rng_hash_name(name));
    return po__rng_stream(k, period);
}

po_status po__rng_draw_factor(uint64_t seed, uint64_t scenario,
                              po_unc_param param, const char *name,
                              uint64_t period, const po__dist *dist,
                              double *factor)
{
    if (name == NULL)
        return PO_EINVAL;
    po__rng rng;
    po__rng_seed(&rng, seed, po__rng_factor_stream(scenario, param, name, period));
    return po__rng_factor(&rng, dist, factor);
}
