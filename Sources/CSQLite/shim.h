#ifndef PADAN_CSQLITE_SHIM_H
#define PADAN_CSQLITE_SHIM_H

// The system's SQLite (Debian: libsqlite3-dev), for the register: WAL mode, transactions and
// PRAGMA integrity_check. SQLITE_TRANSIENT is a cast macro Swift cannot import, so it is given
// here as a function.
#include <sqlite3.h>

static inline sqlite3_destructor_type padan_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
