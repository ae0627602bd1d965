#ifndef PADAN_CZLIB_SHIM_H
#define PADAN_CZLIB_SHIM_H

// zlib's deflate, for the zip parts of the workbooks Padan writes. deflateInit2 is a macro (it
// passes the library's version and struct size); the static inline wrapper gives Swift a function.
#include <zlib.h>
#include <stdint.h>

/// Starts a raw deflate stream (no zlib or gzip wrapper, as zip entries store it) at `level`.
static inline int padan_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
