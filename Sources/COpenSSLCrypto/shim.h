#ifndef PADAN_COPENSSL_SHIM_H
#define PADAN_COPENSSL_SHIM_H

// SHA-256 and HMAC-SHA256 from the system's OpenSSL libcrypto (Debian: libssl-dev), for the
// checksums in summary.json and the pseudonyms of NIK and KK. Only the EVP digest and one-shot
// HMAC functions are used, which OpenSSL 1.1 and 3 both carry.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#endif
