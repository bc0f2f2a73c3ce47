/*
 * rng.h -- seeded, reproducible random numbers for scenario sampling.
 *
 * xoshiro256** (Blackman and Vigna, 2018) seeded through splitmix64.  A
 * generator is a plain caller-owned struct: no allocation, no global state,
 * one generator per thread.  Independent streams come from hashing keys
 * (scenario, kind, name, period) into the seed, never from a shared
 * generator, so a draw depends only on its keys: not on thread count,
 * evaluation order, or which other names are uncertain.
 *
 * Reproducibility: the integer outputs and po__rng_uniform are exact.
 * po__rng_normal uses only +, -, *, / and sqrt (all correctly rounded by
 * IEEE 754) and a logarithm of our own built from those operations, so the
 * deviates are bit-identical on every IEEE 754 binary64 machine that
 * evaluates doubles in double precision (FLT_EVAL_METHOD 0: every x86-64
 * and ARM64 target) as long as the compiler does not fuse a*b+c into an
 * FMA; rng.c forbids that contraction.
 */
#ifndef PO_RNG_H
#define PO_RNG_H

#include <stdint.h>

#include "procopt.h"

typedef struct po__rng {
    uint64_t s[4];  /* xoshiro256** state; never all zero */
    double spare;   /* the second deviate of the last polar pair */
    int has_spare;
} po__rng;

/* One step of splitmix64 (Vigna's splitmix64.c): advances *state by the
 * golden-ratio increment and returns the mixed value. */
uint64_t po__splitmix64(uint64_t *state);

/* splitmix64's output function alone: a bijection of the 64-bit integers
 * that scatters nearby inputs. */
uint64_t po__mix64(uint64_t z);

/* A stream id from a parent id and one more key.  Chain it to name a
 * stream by several keys, e.g.
 *   po__rng_stream(po__rng_stream(po__rng_stream(scenario, kind),
 *                                 po__rng_hash_name(name)), period).
 * For a fixed parent, distinct keys give distinct ids. */
uint64_t po__rng_stream(uint64_t parent, uint64_t key);

/* 64-bit hash of a NUL-terminated name (FNV-1a, then po__mix64), so a
 * name's draws do not depend on where it sits in the model file.  NULL
 * hashes like "". */
uint64_t po__rng_hash_name(const char *name);

/* Seed `rng` for stream `stream` of seed `seed`: the four state words are
 * the first four splitmix64 outputs from po__rng_stream(seed, stream).
 * PO_EINVAL when rng is NULL. */
po_status po__rng_seed(po__rng *rng, uint64_t seed, uint64_t stream);

/* Set the raw xoshiro256** state (for reference tests).  PO_EINVAL when
 * rng or state is NULL or the state is all zero (a fixed point). */
po_status po__rng_set_state(po__rng *rng, const uint64_t state[4]);

/* The next 64 random bits.  rng must have been seeded. */
uint64_t po__rng_next_u64(po__rng *rng);

/* Uniform in [0, 1): the top 53 bits times 2^-53, every value a multiple
 * of 2^-53 (exact, no rounding). */
double po__rng_uniform(po__rng *rng);

/* Standard normal deviate (mean 0, sd 1), Marsaglia's polar method; the
 * second deviate of each pair is kept for the next call. */
double po__rng_normal(po__rng *rng);

/* Natural logarithm of x > 0, finite, built from correctly rounded
 * arithmetic only (so identical on every IEEE 754 machine); error below
 * 2 ulp.  NaN for x <= 0, NaN or infinite x.  Exposed for tests. */
double po__rng_log(double x);

/* The multiplicative factors of the process format's `uncertainty` block. */
typedef enum po__dist_kind {
    PO__DIST_NONE = 0,  /* factor 1, no draw */
    PO__DIST_REL_SD,    /* {"rel_sd": s}: normal, mean 1, sd s, floored at 0 */
    PO__DIST_REL_RANGE  /* {"rel_range": r}: uniform in [1-r, 1+r) */
} po__dist_kind;

typedef struct po__dist {
    po__dist_kind kind;
    double param; /* s or r */
} po__dist;

/* PO_OK when dist is usable: kind known; param finite (PO_ENAN, PO_EINF)
 * and >= 0; for rel_range also <= 1, since a wider range would give
 * negative demands, prices or capacities (PO_EINVAL). */
po_status po__dist_check(const po__dist *dist);

/* Draw one factor.  A zero spread still consumes its draw, so changing one
 * spread never shifts the other draws of a shared stream; it returns
 * exactly 1.  PO_EINVAL for NULL arguments, otherwise po__dist_check's
 * status; *factor is written only on PO_OK. */
po_status po__rng_factor(po__rng *rng, const po__dist *dist, double *factor);

/* The stream of one uncertain number: `param` is the public po_unc_param
 * (demand, price, buy_cost, cost, capacity; its values are ABI, so they
 * never change and neither do the draws of a seed):
 *   po__rng_stream(po__rng_stream(po__rng_stream(scenario, param),
 *                                 po__rng_hash_name(name)), period). */
uint64_t po__rng_factor_stream(uint64_t scenario, po_unc_param param,
                               const char *name, uint64_t period);

/* The factor of one uncertain number in one scenario: seeds a generator
 * on po__rng_factor_stream(...) of `seed` and draws once.  This is how the
 * scenario driver draws every factor, so that each depends on its keys
 * only.  Errors as po__rng_factor (PO_EINVAL also for a NULL name). */
po_status po__rng_draw_factor(uint64_t seed, uint64_t scenario,
                              po_unc_param param, const char *name,
                              uint64_t period, const po__dist *dist,
                              double *factor);

#endif
