#ifndef PADAN_CXXHASH_SHIM_H
#define PADAN_CXXHASH_SHIM_H

// Inline the whole of xxHash into every translation unit that includes it, so the compiler can
// specialize XXH3 for short keys. With XXH_INLINE_ALL the public names become macros, which Swift
// cannot call; the static inline wrappers below give Swift a function it can see and inline.
#define XXH_INLINE_ALL
#include <xxhash.h>
#include <stddef.h>
#include <stdint.h>

/// XXH3 64-bit hash of `length` bytes at `data`.
static inline uint64_t padan_xxh3_64(const void *data, size_t length) {
    return XXH3_64bits(data, length);
}

/// XXH3 64-bit hash of `length` bytes at `data` with a seed (used to separate blocking rules).
static inline uint64_t padan_xxh3_64_seeded(const void *data, size_t length, uint64_t seed) {
    return XXH3_64bits_withSeed(data, length, seed);
}

#endif
