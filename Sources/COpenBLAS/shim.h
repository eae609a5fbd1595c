// OpenBLAS's CBLAS interface plus its introspection calls (openblas_get_config & co).
#include <cblas.h>
