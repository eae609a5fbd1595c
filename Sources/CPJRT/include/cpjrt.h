// portbench's PJRT declarations (pjrt_subset.h, no external header) plus a loader shim.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pjrt_subset.h"

/// dlopen()s a PJRT plugin and calls its GetPjrtApi(); on failure returns NULL and writes the reason into `error`.
const PJRT_Api *pb_pjrt_load(const char *path, char *error, size_t error_size);
