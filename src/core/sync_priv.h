/* sync_priv.h — what the sync files share (sync.c, sync_format.c, sync_export.c and the
 * sync_apply*.c applier): the file's magic line, the applier's state and the helpers
 * the appliers of each kind of change use. Never included outside core/. */
#ifndef EMPIRIE_CORE_SYNC_PRIV_H
#define EMPIRIE_CORE_SYNC_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db_priv.h"
#include "core/error.h"
#include "core/forum_rows.h"
#include "core/sync.h"
#include "i18n.h"

#define SYNC_MAGIC "EMPIRIE-SYNC 2\n"
#define SYNC_MAGIC_OLD "EMPIRIE-SYNC 1\n"

/* ---- the store (sync.c) ---- */

/* The integer sql selects (bound to bind where it has a "?"): *out is dflt only when sql
 * selects nothing (or NULL); a statement that cannot be made or run (memory, the store)
 * is an error, never taken for the default. */
status sync_query_int(db *d, const char *sql, int64_t bind, int64_t dflt, int64_t *out,
                      error *e);
/* A meta value (newly allocated; NULL: not set), a failed read an error (db_meta_read). */
status sync_meta_get(db *d, const char *key, char **out, error *e);
status sync_meta_set_int(db *d, const char *key, int64_t v, error *e);
/* This copy's number; 0 on the home database. */
status sync_own_site(db *d, int64_t *site, error *e);

/* ---- reading a file (sync_format.c) ---- */

/* The whole of a sync file, NUL-terminated, within the size of a sync file. */
status sync_read_file(const char *path, char **out, size_t *len, error *e);
/* The header names another database's family (said before the signature is checked). */
bool sync_of_another_family(db *d, const char *data, size_t len);

/* ---- applying (sync_apply.c) ---- */

/* A line of the file, read before the write lock is taken (sync_stage): its top-level
 * fields in the order written. s is a text's value, or an array's JSON. */
typedef enum { SF_NULL, SF_INT, SF_TEXT, SF_ARRAY, SF_OTHER } sync_field_type;
typedef struct {
	char *key;
	sync_field_type type;
	int64_t i;
	char *s;
} sync_field;
typedef struct {
	sync_field *f;
	size_t n;
	bool bad;     /* not valid JSON */
	bool crowded; /* more than SYNC_LINE_FIELDS fields: none kept */
} sync_line;
/* No change has more than about 20 fields: a line with more is refused (staged, each
 * field would cost tens of bytes for the few it takes in the file). */
#define SYNC_LINE_FIELDS 64

typedef struct {
	db *d;
	const account *me;
	int64_t file_site;      /* the site the file says it comes from */
	int64_t signer;         /* the copy whose secret signed it */
	char *owner;            /* home: the account that copy was issued to (NULL: shared) */
	int64_t file_schema;    /* the schema the file was written with */
	bool home;              /* the receiving side is the home database */
	int64_t here;           /* and its copy number (0: home) */
	const char *file;
	char sum[65];
	int64_t line;
	const char *text;       /* the op's JSON */
	const sync_line *cur;   /* and its fields (staged) */
	sync_line *lines;       /* every line from the header on, staged */
	size_t n_lines;
	sync_result *r;
	sync_conflict_fn fn;
	void *ctx;
	char now[32];
	/* Conflicts are told to fn only after the commit: a file refused whole settled
	 * nothing. */
	struct told {
		int64_t line;
		char *what, *outcome;
	} *told;
	size_t n_told, cap_told;
	/* Threads this file locked: its own posts in them are no replies "written while the
	 * thread was locked" (a coordinator's offline lock comes before the replies it
	 * follows in the file, as threads come before posts). */
	int64_t *locked_by_file;
	size_t n_locked, cap_locked;
	/* New threads of this file: each must get its first post from the file too. */
	struct new_thread {
		int64_t id, line;
	} *new_threads;
	size_t n_new, cap_new;
	sync_limits lim;
	char client[160];       /* the audit's "from where": the copy and who applied it */
	/* A check that answers yes or no (sync_may_moderate_as) and could not tell, memory
	 * or the store failing: the line is finished as if "no", then the apply fails. */
	status failed;
	error failure;
} applier;

/* A field of the current op: $.name as int or text. Typed strictly. */
typedef struct {
	bool present;
	bool is_int;
	int64_t i;
	char *s;
} jval;

/* Read every line from the header (line 2) to the last change before anything is
 * written: the JSON is taken apart outside the write lock, once (sync_format.c). */
status sync_stage(applier *ap, const char *data, int64_t end, error *e);
void sync_stage_free(applier *ap);

/* The fields of the current line (sync_format.c). */
status sync_jget(applier *ap, const char *name, jval *v, error *e);
/* The JSON of the current line's array field name, NULL when it is not an array. */
const char *sync_line_array(const applier *ap, const char *name);
status sync_need_int(applier *ap, const char *name, int64_t min, int64_t *out, error *e);
status sync_need_id(applier *ap, const char *name, int64_t min, int64_t *out, error *e);
status sync_get_text(applier *ap, const char *name, bool required, char **out, error *e);
status sync_need_time(applier *ap, const char *name, bool required, char **out, error *e);
status sync_check_field(applier *ap, const char *name, const char *v, size_t max,
                        bool multiline, error *e);
void sync_cap_time(const applier *ap, char **t);

/* Who made a change, what it conflicts with, when a flag last changed (sync_apply.c). */
status sync_audit(applier *ap, const char *login, const char *action, const char *object,
                  int64_t id, const char *before, const char *after, error *e);
status sync_conflict(applier *ap, const char *what, const char *outcome, error *e);
const char *sync_kept_aside(void);
status sync_actor_for(applier *ap, const char *login, account *out, bool *ok, error *e);
bool sync_may_moderate_as(applier *ap, const char *login, int64_t network_id);
status sync_id_in_file_range(applier *ap, int64_t id, bool *in, error *e);
/* Is a refusal of perm_check_post a judgment on the line (a conflict), rather than a
 * failure to judge (memory, the store: the apply fails)? */
bool sync_refusal_is_judgment(status s);
status sync_note_locked_by_file(applier *ap, int64_t thread_id, error *e);
status sync_note_new_thread(applier *ap, int64_t thread_id, error *e);
bool sync_locked_by_file(const applier *ap, int64_t thread_id);
/* When a flag was last changed here, into *at (NULL: not since the copy was taken). */
status sync_change_time(applier *ap, int64_t id, int col, char **at, error *e);
status sync_set_change_time(applier *ap, int64_t id, int col, const char *at, const char *by,
                            error *e);
bool sync_flag_taken(const applier *ap, const char *in_at, const char *our_at, bool in);
const char *sync_later_time(const char *a, const char *b);
status sync_note_draft_deleted(applier *ap, int64_t account_id, const char *kind,
                               int64_t target, const char *deleted, error *e);

typedef struct {
	bool exists;
	int64_t network_id;
	bool locked, pinned, leaders_only;
	char *title;
} thread_row;

status sync_load_thread(applier *ap, int64_t id, thread_row *t, error *e);

/* The changes of each kind, one line each (sync_apply_thread.c, sync_apply_post.c,
 * sync_apply_records.c). */
status sync_apply_thread(applier *ap, error *e);
status sync_apply_accept(applier *ap, error *e);
status sync_apply_post(applier *ap, error *e);
status sync_apply_read(applier *ap, error *e);
status sync_apply_draft(applier *ap, error *e);
status sync_apply_uptake(applier *ap, error *e);

#endif
