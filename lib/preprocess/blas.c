/*
 * blas.c -- OpenBLAS through dlopen (see blas.h for why).
 */
#include "blas.h"

#include <dlfcn.h>
#include <string.h>

/* The SONAME first (what libopenblas0 installs); the development link
 * as a second chance on systems that only have that. */
static const char *const blas_names[] = {"libopenblas.so.0",
                                         "libopenblas.so"};

/* dlsym returns an object pointer; ISO C has no conversion to a function
 * pointer, POSIX guarantees the representation: copy the bytes. */
static int find(void *lib, const char *name, void *fn, size_t size)
{
    void *sym = dlsym(lib, name);
    if (sym == NULL || size != sizeof sym)
        return 0;
    memcpy(fn, &sym, size);
    return 1;
}

int po__blas_open(po__blas *blas)
{
    memset(blas, 0, sizeof *blas);
    void *lib = NULL;
    for (size_t i = 0; lib == NULL && i < sizeof blas_names / sizeof *blas_names; i++)
        lib = dlopen(blas_names[i], RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (lib == NULL)
        return 0;
    if (!find(lib, "cblas_idamax", &blas->idamax, sizeof blas->idamax) ||
        !find(lib, "cblas_idamin", &blas->idamin, sizeof blas->idamin) ||
        !find(lib, "cblas_dscal", &blas->dscal, sizeof blas->dscal) ||
        !find(lib, "cblas_dgemm", &blas->dgemm, sizeof blas->dgemm)) {
        dlclose(lib);
        memset(blas, 0, sizeof *blas);
        return 0;
    }
    blas->lib = lib;
    return 1;
}

void po__blas_close(po__blas *blas)
{
    if (blas->lib != NULL)
        dlclose(blas->lib);
    memset(blas, 0, sizeof *blas);
}
