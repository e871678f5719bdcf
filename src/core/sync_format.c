/* sync_format.c — the sync file (sync.h; the rules for people in doc/SYNC.md).
 *
 * File format (UTF-8 text, one record per line):
 *   EMPIRIE-SYNC 2
 *   {"family":"…","site":3,"schema":7,"created_at":"…","since":12,"upto":40}
 *   {"op":"thread",…}        one line per change
 *   END <number of change lines>
 *   SIGN <copy> <HMAC-SHA-256 of every byte up to here with that copy's secret, hex>
 * A copy's file has one SIGN line (its own); the home database's one per copy it may
 * go to (synckey.h).
 *
 * JSON is written and read by SQLite's JSON functions, through prepared statements.
 * Here: the file's shape and signature, reading it, its limits and the fields of its
 * lines. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/db_priv.h"
#include "core/forum.h"
#include "core/lemma.h"
#include "core/sync.h"
#include "core/sync_priv.h"
#include "core/synckey.h"
#include "i18n.h"
#include "text/utf8.h"

#define SYNC_MAX_FILE (512L * 1024 * 1024)

/* ---- reading a file ---- */

/* The file's shape, from its end: one or more SIGN lines, before them "END count",
 * and count change lines after the magic line and the header. The signature checked is
 * want's (a copy: its own), or with want < 0 the first (the home database: the one copy
 * that wrote it), with the secret key_fn gives for that copy. */
status sync_file_verify(const char *data, size_t len, const char *name, int64_t want,
                        sync_key_fn key_fn, void *key_ctx, sync_file_shape *out, error *e)
{
	memset(out, 0, sizeof *out);
	size_t ml = strlen(SYNC_MAGIC);
	if (len >= ml && memcmp(data, SYNC_MAGIC_OLD, ml) == 0)
		return err_set(e, ST_INVALID, _("%s: written by an empirie from before sync files "
		                                "were signed; export it again with this version; "
		                                "nothing was applied"), name);
	if (len < ml || memcmp(data, SYNC_MAGIC, ml) != 0)
		return err_set(e, ST_INVALID, _("%s:1: not an empirie sync file (it must begin with "
		                                "\"EMPIRIE-SYNC 2\")"), name);
	if (memchr(data, '\0', len))
		return err_set(e, ST_INVALID, _("%s: the file holds a NUL byte: it is damaged; nothing "
		                                "was applied"), name);
	int64_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += data[i] == '\n';
	if (data[len - 1] != '\n')
		return err_set(e, ST_INVALID, _("%s:%lld: the file is cut short (its last line is not "
		                                "complete); nothing was applied"), name,
		               (long long)lines + 1);
	/* SIGN lines, from the last one up. */
	size_t end = len; /* the end of the part not yet looked at */
	int64_t n_sign = 0, sign_site = -1;
	char sign_mac[65] = "";
	for (;;) {
		size_t b = end - 1;
		while (b > 0 && data[b - 1] != '\n')
			b--;
		if (end - b < 5 || memcmp(data + b, "SIGN ", 5) != 0)
			break;
		char line[128];
		long long site = -1;
		char mac[65] = "";
		int used = 0;
		if (end - b >= sizeof line || (memcpy(line, data + b, end - b), line[end - b] = '\0',
		    sscanf(line, "SIGN %lld %64[0-9a-f]%n", &site, mac, &used) != 2) ||
		    strlen(mac) != 64 || line[used] != '\n' || site < 0 || site > FORUM_SITE_MAX ||
		    ++n_sign > FORUM_SITE_MAX + 1)
			return err_set(e, ST_INVALID, _("%s:%lld: a damaged signature line; nothing was "
			                                "applied"), name, (long long)(lines - n_sign));
		/* Lines are read from the end: the first SIGN line is the last one seen. */
		if (want < 0 || site == want) {
			sign_site = site;
			memcpy(sign_mac, mac, sizeof mac);
		}
		end = b;
		if (end == 0)
			break;
	}
	int64_t end_line = lines - n_sign; /* the number of the END line */
	if (n_sign == 0)
		return err_set(e, ST_INVALID, _("%s:%lld: the file is cut short or not signed: it does "
		                                "not end with its signature (\"SIGN copy key\"); "
		                                "nothing was applied"), name, (long long)lines);
	size_t b = end ? end - 1 : 0;
	while (b > 0 && data[b - 1] != '\n')
		b--;
	char last[64];
	long long count = -1;
	int used = 0;
	if (end == 0 || end - b >= sizeof last ||
	    (memcpy(last, data + b, end - b), last[end - b] = '\0',
	     sscanf(last, "END %lld%n", &count, &used) != 1) || last[used] != '\n')
		return err_set(e, ST_INVALID, _("%s:%lld: the file is cut short or damaged: the line "
		                                "before its signature is not the end line (\"END "
		                                "count\"); nothing was applied"), name,
		               (long long)end_line);
	if (sign_site < 0)
		return err_set(e, ST_INVALID, _("%s: the file is not meant for this copy (it is not "
		                                "signed for copy %lld); nothing was applied"), name,
		               (long long)want);
	unsigned char key[SYNC_KEY_LEN];
	status s = key_fn(key_ctx, sign_site, key, e);
	if (s != ST_OK)
		return s;
	char mac[65];
	synckey_mac_hex(key, data, end, mac);
	memset(key, 0, sizeof key);
	if (!synckey_mac_equal(mac, sign_mac))
		return err_set(e, ST_INVALID, _("%s: the signature does not match copy %lld's key: the "
		                                "file was changed or damaged after it was written, or "
		                                "not written there; nothing was applied"), name,
		               (long long)sign_site);
	/* Lines: magic, header, ops..., END. */
	if (end_line < 3 || count != end_line - 3)
		return err_set(e, ST_INVALID, ngettext("%s: the end line counts %lld change but the file "
		                                         "holds %lld; nothing was applied",
		                                         "%s: the end line counts %lld changes but the file "
		                                         "holds %lld; nothing was applied",
		                                         (unsigned long)count), name, count,
		               (long long)(end_line < 3 ? 0 : end_line - 3));
	out->first_op = 3;
	out->n_ops = count;
	out->signed_len = end;
	out->signer = sign_site;
	return ST_OK;
}

status sync_read_file(const char *path, char **out, size_t *len, error *e)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, ST_IO, _("%s: cannot open: %s"), path, strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, ST_IO, _("%s is not a regular file"), path);
	}
	if (sb.st_size > SYNC_MAX_FILE) {
		close(fd);
		return err_set(e, ST_INVALID, _("%s is too large for a sync file"), path);
	}
	size_t n = (size_t)sb.st_size;
	char *buf = malloc(n + 1);
	if (!buf) {
		close(fd);
		return err_oom(e);
	}
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got == 0) {
		free(buf);
		return err_set(e, ST_INVALID, _("%s is empty: not a sync file"), path);
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return ST_OK;
}

/* A file of another database would fail its signature (no copy of this one wrote it):
 * its header says so more helpfully, read before the signature is checked. */
bool sync_of_another_family(db *d, const char *data, size_t len)
{
	static const char sql[] = "SELECT json_extract(?1, '$.family') WHERE json_valid(?1)";
	size_t ml = strlen(SYNC_MAGIC);
	if (len <= ml || memcmp(data, SYNC_MAGIC, ml) != 0)
		return false;
	const char *h = data + ml, *nl = memchr(h, '\n', len - ml);
	if (!nl)
		return false;
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, h, (int)(nl - h), SQLITE_STATIC);
	bool other = false;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
		/* Unreadable here: not said to be another's (the header's check says why). */
		char *mine;
		if (db_meta_read(d, "family", &mine, "", NULL) == ST_OK)
			other = !mine || strcmp(mine, (const char *)sqlite3_column_text(st, 0)) != 0;
		free(mine);
	}
	sqlite3_reset(st);
	return other;
}

/* ---- limits ---- */

/* The limits of one file (doc/SYNC.md): meta 'sync_max_changes', 'sync_max_bytes',
 * 'sync_max_depth' and 'sync_max_drafts' where set, else these defaults. */
static status limit_of(db *d, const char *key, int64_t dflt, int64_t *out, error *e)
{
	char *v;
	status s = sync_meta_get(d, key, &v, e);
	long long n = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	*out = n > 0 ? (int64_t)n : dflt;
	return s;
}

status sync_limits_get(db *d, sync_limits *out, error *e)
{
	const struct {
		const char *key;
		int64_t dflt, *to;
	} limits[] = {
		{ "sync_max_changes", SYNC_DEFAULT_MAX_CHANGES, &out->changes },
		{ "sync_max_bytes", SYNC_DEFAULT_MAX_BYTES, &out->bytes },
		{ "sync_max_depth", SYNC_DEFAULT_MAX_DEPTH, &out->depth },
		{ "sync_max_drafts", SYNC_DEFAULT_MAX_DRAFTS, &out->drafts },
	};
	status s = ST_OK;
	for (size_t i = 0; s == ST_OK && i < sizeof limits / sizeof limits[0]; i++)
		s = limit_of(d, limits[i].key, limits[i].dflt, limits[i].to, e);
	return s;
}

/* ---- the fields of a line: $.name of the current op, typed strictly ---- */

static sync_field_type field_type(const char *t)
{
	if (!t || strcmp(t, "null") == 0)
		return SF_NULL;
	if (strcmp(t, "integer") == 0)
		return SF_INT;
	if (strcmp(t, "text") == 0)
		return SF_TEXT;
	if (strcmp(t, "array") == 0)
		return SF_ARRAY;
	return SF_OTHER;
}

/* One line's top-level fields; a line that is not JSON is marked bad and refused when
 * the apply reaches it (so errors come in the order of the file). */
static status stage_line(db *d, const char *p, size_t len, sync_line *out, error *e)
{
	static const char sql[] =
		"SELECT key, type, value FROM json_each(?1) WHERE json_type(?1) = 'object'";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, p, (int)len, SQLITE_STATIC);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == SYNC_LINE_FIELDS) {
			out->crowded = true;
			break;
		}
		if (db_grow((void **)&out->f, &cap, out->n, sizeof *out->f)) {
			s = err_oom(e);
			break;
		}
		sync_field *f = &out->f[out->n];
		memset(f, 0, sizeof *f);
		f->type = field_type((const char *)sqlite3_column_text(st, 1));
		f->key = db_col_dup(st, 0);
		if (f->type == SF_INT)
			f->i = sqlite3_column_int64(st, 2);
		else if (f->type == SF_TEXT || f->type == SF_ARRAY)
			f->s = db_col_dup(st, 2);
		out->n++;
		if (!f->key || ((f->type == SF_TEXT || f->type == SF_ARRAY) && !f->s)) {
			s = err_oom(e);
			break;
		}
	}
	if (out->crowded) {
		for (size_t k = 0; k < out->n; k++)
			free(out->f[k].key), free(out->f[k].s);
		free(out->f);
		out->f = NULL;
		out->n = 0;
	} else if (s == ST_OK && rc == SQLITE_NOMEM) {
		s = err_oom(e);
	} else if (s == ST_OK && rc != SQLITE_DONE) {
		out->bad = true;
	}
	sqlite3_reset(st);
	return s;
}

status sync_stage(applier *ap, const char *data, int64_t end, error *e)
{
	const char *p = data + strlen(SYNC_MAGIC);
	size_t n = end > 2 ? (size_t)(end - 2) : 0;
	ap->lines = n ? calloc(n, sizeof *ap->lines) : NULL;
	if (n && !ap->lines)
		return err_oom(e);
	ap->n_lines = n;
	for (size_t i = 0; i < n; i++) {
		const char *nl = strchr(p, '\n');
		status s = stage_line(ap->d, p, (size_t)(nl - p), &ap->lines[i], e);
		if (s != ST_OK)
			return s;
		/* The dictionary, if a text needs it, is loaded here too (lemma.h). */
		for (size_t k = 0; k < ap->lines[i].n; k++) {
			const sync_field *f = &ap->lines[i].f[k];
			if (f->type == SF_TEXT && (strcmp(f->key, "body") == 0 || strcmp(f->key, "title") == 0))
				lemma_prepare(db_lemmatizer(ap->d), f->s);
		}
		p = nl + 1;
	}
	return ST_OK;
}

void sync_stage_free(applier *ap)
{
	for (size_t i = 0; i < ap->n_lines; i++) {
		for (size_t k = 0; k < ap->lines[i].n; k++)
			free(ap->lines[i].f[k].key), free(ap->lines[i].f[k].s);
		free(ap->lines[i].f);
	}
	free(ap->lines);
	ap->lines = NULL;
	ap->n_lines = 0;
	ap->cur = NULL;
}

/* The first field of that name (as $.name finds it). */
static const sync_field *line_field(const sync_line *l, const char *name)
{
	for (size_t k = 0; l && k < l->n; k++)
		if (strcmp(l->f[k].key, name) == 0)
			return &l->f[k];
	return NULL;
}

const char *sync_line_array(const applier *ap, const char *name)
{
	const sync_field *f = line_field(ap->cur, name);
	return f && f->type == SF_ARRAY ? f->s : NULL;
}

status sync_jget(applier *ap, const char *name, jval *v, error *e)
{
	memset(v, 0, sizeof *v);
	if (!ap->cur || ap->cur->bad)
		return err_set(e, ST_INVALID, _("%s:%lld: the line is not valid JSON; nothing was applied"),
		               ap->file, (long long)ap->line);
	if (ap->cur->crowded)
		return err_set(e, ST_INVALID, ngettext("%s:%lld: more than %d field on the line; "
		                                       "nothing was applied",
		                                       "%s:%lld: more than %d fields on the line; "
		                                       "nothing was applied", SYNC_LINE_FIELDS),
		               ap->file, (long long)ap->line, SYNC_LINE_FIELDS);
	const sync_field *f = line_field(ap->cur, name);
	if (!f || f->type == SF_NULL)
		return ST_OK;
	if (f->type == SF_INT) {
		v->present = v->is_int = true;
		v->i = f->i;
		return ST_OK;
	}
	if (f->type == SF_TEXT) {
		v->present = true;
		v->s = strdup(f->s);
		return v->s ? ST_OK : err_oom(e);
	}
	return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing was "
	                                "applied"), ap->file, (long long)ap->line, name);
}

/* Ids of threads and posts: in some site's range (forum.h), below 2^56, so that no
 * search rowid (id * 4 + kind for these, at most id * 8 + 4 for any record:
 * search_docs.h) can overflow. */
#define SYNC_ID_END (((int64_t)FORUM_SITE_MAX + 1) << FORUM_SITE_SHIFT)

status sync_need_id(applier *ap, const char *name, int64_t min, int64_t *out, error *e)
{
	status s = sync_need_int(ap, name, min, out, e);
	if (s == ST_OK && *out >= SYNC_ID_END)
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is out of range; nothing was "
		                             "applied"), ap->file, (long long)ap->line, name);
	return s;
}

status sync_need_int(applier *ap, const char *name, int64_t min, int64_t *out, error *e)
{
	jval v;
	status s = sync_jget(ap, name, &v, e);
	if (s != ST_OK)
		return s;
	free(v.s);
	if (!v.present || !v.is_int || v.i < min)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is missing or not a valid number; "
		                                "nothing was applied"), ap->file, (long long)ap->line,
		               name);
	*out = v.i;
	return ST_OK;
}

/* Text field; optional ones come back NULL when absent or null. */
status sync_get_text(applier *ap, const char *name, bool required, char **out, error *e)
{
	jval v;
	*out = NULL;
	status s = sync_jget(ap, name, &v, e);
	if (s != ST_OK)
		return s;
	if (v.present && v.is_int)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing was "
		                                "applied"), ap->file, (long long)ap->line, name);
	if (!v.present && required)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is missing; nothing was applied"),
		               ap->file, (long long)ap->line, name);
	*out = v.s;
	return ST_OK;
}

/* A time as written by db_now: 2026-11-28T10:15:00Z. */
static bool time_ok(const char *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (!t || strlen(t) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i])
			return false;
	return true;
}

status sync_need_time(applier *ap, const char *name, bool required, char **out, error *e)
{
	status s = sync_get_text(ap, name, required, out, e);
	if (s == ST_OK && *out && !time_ok(*out)) {
		free(*out);
		*out = NULL;
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is not a time "
		                                "(YYYY-MM-DDThh:mm:ssZ); nothing was applied"),
		               ap->file, (long long)ap->line, name);
	}
	return s;
}

/* A text field within max bytes, valid UTF-8, with no control character (a multi-line
 * one may hold newlines and tabs): what the CLI lets someone type. */
status sync_check_field(applier *ap, const char *name, const char *v, size_t max,
                        bool multiline, error *e)
{
	if (!v)
		return ST_OK;
	size_t n = strlen(v);
	if (n > max)
		return err_set(e, ST_INVALID, ngettext("%s:%lld: field \"%s\" is too long (%zu byte, at most "
		                                       "%zu); nothing was applied",
		                                       "%s:%lld: field \"%s\" is too long (%zu bytes, at most "
		                                       "%zu); nothing was applied", (unsigned long)n),
		               ap->file, (long long)ap->line, name, n, max);
	for (const unsigned char *c = (const unsigned char *)v; *c; c++)
		if ((*c < 0x20 && !(multiline && (*c == '\n' || *c == '\t'))) || *c == 0x7f)
			return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" holds a control character; "
			                                "nothing was applied"), ap->file,
			               (long long)ap->line, name);
	if (!utf8_valid(v, n))
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is not valid UTF-8; nothing was "
		                                "applied"), ap->file, (long long)ap->line, name);
	return ST_OK;
}

/* A time from a file, as the receiver will use it: never later than now here (a time in
 * the future would make a change win against every later one). */
void sync_cap_time(const applier *ap, char **t)
{
	if (*t && strcmp(*t, ap->now) > 0) {
		free(*t);
		*t = strdup(ap->now);
	}
}
