// The PJRT C API header fetched by ci/install-pjrt.sh (never committed), plus a loader shim.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../../.cache/pjrt/include/pjrt_c_api.h"

/// dlopen()s a PJRT plugin and calls its GetPjrtApi(); on failure returns NULL and writes the reason into `error`.
const PJRT_Api *pb_pjrt_load(const char *path, char *error, size_t error_size);
