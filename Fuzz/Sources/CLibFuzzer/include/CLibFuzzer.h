#ifndef PADAN_CLIBFUZZER_H
#define PADAN_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from the compiler-rt library that `-sanitize=fuzzer` links. Each fuzzer's
/// main.swift calls it instead of relying on libFuzzer's own `main`: SwiftPM renames an
/// executable target's entry point to `<Target>_main` and aliases `main` to it at link time, so
/// libFuzzer's `main` is never linked in (see Fuzz/README.md).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
