// zlib: gzip for upload bodies (the client compresses, the results server inflates).
#include <zlib.h>

static inline int pb_deflate_init_gzip(z_stream *s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int pb_inflate_init_gzip(z_stream *s) { return inflateInit2(s, 15 + 16); }
