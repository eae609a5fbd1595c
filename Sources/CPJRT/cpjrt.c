#include "cpjrt.h"
#include <dlfcn.h>
#include <stdio.h>

// pjrt_subset.h declares unused function slots as void *: both must be one pointer wide.
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "function and data pointers differ in size");

const PJRT_Api *pb_pjrt_load(const char *path, char *error, size_t error_size) {
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(error, error_size, "dlopen failed: %s", dlerror());
        return NULL;
    }
    typedef const PJRT_Api *(*GetApi)(void);
    GetApi get = (GetApi)dlsym(handle, "GetPjrtApi");
    if (!get) {
        snprintf(error, error_size, "%s does not export GetPjrtApi", path);
        return NULL;
    }
    const PJRT_Api *api = get();
    if (!api) snprintf(error, error_size, "GetPjrtApi returned NULL");
    return api;
}
