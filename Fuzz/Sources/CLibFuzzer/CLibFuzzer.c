// SwiftPM needs one source file in a C target; the header declares libFuzzer's driver, which
// `-sanitize=fuzzer` links in.
#include "CLibFuzzer.h"
