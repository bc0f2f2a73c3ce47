/*
 * blas.h -- OpenBLAS, loaded when a caller has enough work for it.
 *
 * Linking OpenBLAS makes every process that loads libprocopt pay its
 * start-up (CPU detection, buffers, a thread pool) whether or not a BLAS
 * routine ever runs: 1.4 ms per process on this machine (hyperfine: an
 * empty program 0.7 ms, the same linked with -lopenblas 2.1 ms), more than
 * glpsol needs to read and solve afiro (1.2 ms).  Most solves never reach
 * the sizes where BLAS kernels win, so the library opens OpenBLAS with
 * dlopen only when a caller has that much work, and runs its plain loops
 * when OpenBLAS cannot be opened.
 *
 * No state outlives a call: each user opens a po__blas, uses it and closes
 * it.  The library is opened with RTLD_NODELETE, so closing it never
 * unloads it and only the first open in a process pays the start-up.
 * dlopen, dlsym and dlclose are thread-safe.
 */
#ifndef PO_BLAS_H
#define PO_BLAS_H

#include <cblas.h>

typedef CBLAS_INDEX (*po__blas_iamax_fn)(blasint n, const double *x,
                                         blasint incx);
typedef void (*po__blas_scal_fn)(blasint n, double alpha, double *x,
                                 blasint incx);
typedef void (*po__blas_gemm_fn)(enum CBLAS_ORDER order,
                                 enum CBLAS_TRANSPOSE transa,
                                 enum CBLAS_TRANSPOSE transb, blasint m,
                                 blasint n, blasint k, double alpha,
                                 const double *a, blasint lda,
                                 const double *b, blasint ldb, double beta,
                                 double *c, blasint ldc);

typedef struct po__blas {
    void *lib; /* dlopen handle; NULL when OpenBLAS is not open */
    po__blas_iamax_fn idamax, idamin;
    po__blas_scal_fn dscal;
    po__blas_gemm_fn dgemm;
} po__blas;

/* Opens OpenBLAS and finds every routine above: 1 on success; 0 (and
 * blas->lib NULL) when the library or a routine is missing, so that the
 * caller uses its loops. */
int po__blas_open(po__blas *blas);

/* Closes what po__blas_open opened (a no-op after a failed open). */
void po__blas_close(po__blas *blas);

#endif
