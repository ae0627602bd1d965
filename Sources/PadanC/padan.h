/*
 * padan.h: the C interface of Padan, the record-linkage engine (library libPadanC).
 *
 * Tables and results are opaque handles. Every function returns PADAN_OK (0) or an error code;
 * where it takes `char **error`, a failure stores there a message the caller frees with
 * padan_string_free (pass NULL to get none). Strings are UTF-8 and NUL-terminated.
 *
 * Handles are checked on every call: a handle that was never made, or was already freed, gives
 * PADAN_E_HANDLE, never a crash. Tables and results do not change once made, so any number of
 * threads may use them at once; a handle must not be freed while another thread uses it.
 */
#ifndef PADAN_H
#define PADAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    PADAN_OK = 0,
    PADAN_E_INPUT = 1,    /* the data cannot be read as a list (no identity column, no rows, ...) */
    PADAN_E_USAGE = 2,    /* a bad argument or configuration */
    PADAN_E_LIMIT = 3,    /* a configured limit was passed */
    PADAN_E_HANDLE = 4,   /* not a live handle of the expected kind */
    PADAN_E_INTERNAL = 5  /* a bug in Padan: please report it */
};

enum {
    PADAN_LINK_AND_DEDUPE = 0, /* across lists and within each (padan link) */
    PADAN_LINK = 1,            /* across lists only (padan link --no-dedupe) */
    PADAN_DEDUPE = 2           /* within each list only (padan dedupe) */
};

typedef struct padan_table padan_table;
typedef struct padan_result padan_result;

/* Padan's version, e.g. "0.2.0" (a static string: do not free). */
const char *padan_version(void);

/* A table from `columns` columns of `rows` values each: column c's name is column_names[c], and
 * its value in row r is values[c * rows + r] (NULL for a blank). Read exactly as a file with that
 * header and those rows: roles from the column names, rows that are not people rejected. */
int padan_table_create(const char *name, int32_t columns, const char *const *column_names, int64_t rows,
                       const char *const *values, padan_table **out, char **error);

/* A table from `columns` string columns in Arrow's layout, read as padan_table_create reads values.
 * Column c's value in row r is the UTF-8 bytes data[c][offsets[c][r] .. offsets[c][r + 1]]: offsets[c]
 * holds rows + 1 int32 offsets, not going down (offsets[c][0] may be above 0, as in a sliced array).
 * validity may be NULL, or validity[c] NULL, for a column without nulls; else bit r of validity[c]
 * (least significant bit first, as Arrow's) is 0 where row r is null, a blank. An empty value is a
 * blank too. data[c] may be NULL when the column has no bytes. Padan copies what it reads: the
 * buffers may be freed after the call. Offsets are checked (PADAN_E_USAGE when they go down or
 * start below 0); that the buffers are as long as the offsets say is the caller's promise. */
int padan_table_create_arrow(const char *name, int32_t columns, const char *const *column_names, int64_t rows,
                             const int32_t *const *offsets, const uint8_t *const *data,
                             const uint8_t *const *validity, padan_table **out, char **error);

/* A table read from a file (CSV, .xlsx, .ods, HTML), as padan link reads it. */
int padan_table_read(const char *path, padan_table **out, char **error);

/* The table's rows read (not counting rejected ones); -1 for a bad handle. */
int64_t padan_table_rows(const padan_table *table);

/* What padan inspect says about the table (JSON: name, rows, roles, rejected rows, warnings). */
int padan_table_describe(const padan_table *table, char **json, char **error);

int padan_table_free(padan_table *table);

/* Links `count` tables (at least two for PADAN_LINK) with a configuration in YAML (the text of a
 * padan.yaml; NULL or "" for the defaults). */
int padan_link(const padan_table *const *tables, int32_t count, int32_t scope, const char *config_yaml,
               padan_result **out, char **error);

/* The result as padan link writes it: links.csv, clusters.csv, and summary.json's counts. */
int padan_result_links_csv(const padan_result *result, char **csv, char **error);
int padan_result_clusters_csv(const padan_result *result, char **csv, char **error);
int padan_result_summary_json(const padan_result *result, char **json, char **error);

int padan_result_free(padan_result *result);

/* A link spread over a cluster (the Python package's Spark path; Guides/Scale.md). The engine
 * does the shuffles and the counts over all records between these calls; each call does one
 * partition's share, and gives for its records what padan_link over all of them gives.
 * Arrays are allocated by the caller; "per record" means in table order (for several tables,
 * list after list). Thread-safe: calls share nothing. */

/* The configuration as the partitioned path needs it, JSON: rules and comparisons (names, in
 * order), threshold, review_threshold, max_block_pairs, max_cluster_size, frequency_kinds, and the
 * bounds the engine's counts use: shared_nik_people (records a NIK needs before it can be shared)
 * and family_max_size (the largest KK group the families' counts take).
 * PADAN_USAGE for settings a partitioned run cannot honour (one_to_one, term-frequency
 * comparisons), naming the setting. */
int padan_config_describe(const char *config_yaml, char **json, char **error);

/* Per record of a partition of one list, what the shared-NIK test reads: the NIK as a number (0
 * unless valid or possibly zeroed by Excel), the birth date (yyyymmdd, 0 none) and a key of the
 * first name (0 none). A NIK carried by 3 or more unrelated records of a list (neither birth date
 * nor first-name key equal to one already counted, in row order) is shared. */
int padan_partition_nik_evidence(const padan_table *table, const char *config_yaml, uint64_t *nik,
                                 int32_t *birth_date, uint64_t *first_name, char **error);

/* Whether the `count` records of one list carrying one NIK (their birth dates and first-name keys
 * from padan_partition_nik_evidence, in row order) make it shared: *shared is 1 or 0. */
int padan_partition_shared_nik(int32_t count, const int32_t *birth_date, const uint64_t *first_name,
                               int32_t *shared, char **error);

/* Per record of a partition of one list, with shared_nik[r] != 0 where its NIK is shared:
 * rule_keys[k * rows + r] for each blocking rule k (0: no key), frequency_keys[k * rows + r] for
 * each frequency kind (name, NIK prefix, NIK suffix, birth date; 0: none), and for the families'
 * twin rate the family key (0: not counted), birth date and first-name key. */
int padan_partition_keys(const padan_table *table, const char *config_yaml, const uint8_t *shared_nik,
                         uint64_t *rule_keys, uint64_t *frequency_keys, uint64_t *family, int32_t *birth_date,
                         uint64_t *first_name, char **error);

/* Per record, in table order, the key fields links.csv shows beside its id, JSON: an object with
 * one array of strings per role (name, nik, birth_date, village), "" where the list has no such
 * column. A column Padan derives (a name joined from parts, a birth date split from a TTL column)
 * gives the derived value, as in links.csv. */
int padan_table_key_fields(const padan_table *table, char **json, char **error);

/* The pairs blocking rule `rule` adds to the earlier rules among `count` tables (a partition's
 * records of each list, holding whole blocks of that rule), scored with model_json (a
 * model.json): CSV of those at or above the review threshold, records as (list, row) in the
 * partition. Per record: shared_nik; counts[k * records + r], how many records of the whole run
 * carry its frequency key k (0 none); earlier[j * records + r], rule j's key for j < rule (0 where
 * none or its block was too large). frequencies: total records (at least those given), mean name
 * frequency, over families (a KK on at most family_max_size records) the pairs of members with
 * different first-name keys and those of them born on one day, then the mean count of each
 * frequency kind (positive); other values are PADAN_USAGE. The arrays' lengths cannot be checked: each must hold what is said. */
int padan_partition_pairs(const padan_table *const *tables, int32_t count, int32_t scope, const char *config_yaml,
                          const char *model_json, const uint8_t *shared_nik, const int32_t *counts,
                          const double *frequencies, int32_t rule, const uint64_t *earlier, char **pairs_csv,
                          char **error);

/* The model one machine's trainer estimates from `count` tables holding a uniform random sample
 * of each list's records (all of them for a list that small), as model.json text: shared_nik,
 * counts and frequencies as for padan_partition_pairs, from the whole body of records (so the
 * frequency scales and the NIKs' neighbourhoods are those the model scores with). Every estimate
 * is a share of pairs, which a uniform sample of records keeps; with every record given, the
 * model is padan_link's. */
int padan_partition_train(const padan_table *const *tables, int32_t count, int32_t scope, const char *config_yaml,
                          const uint8_t *shared_nik, const int32_t *counts, const double *frequencies,
                          char **model_json, char **error);

/* The id of a cluster whose first member (smallest list name, then smallest id) is record_id of
 * list_name, as clusters.csv gives it. */
int padan_cluster_id(const char *list_name, const char *record_id, char **id, char **error);

/* Frees a string Padan returned. NULL is allowed. */
void padan_string_free(char *string);

#ifdef __cplusplus
}
#endif

#endif
