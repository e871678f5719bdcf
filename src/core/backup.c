/* backup.c — see backup.h. Both directions use SQLite's online backup API in one step:
 * reading the source in a single read transaction (a WAL reader never stops a writer,
 * so people keep posting), and writing the destination in a single write transaction
 * that takes the database's ordinary locks. Restoring therefore needs no one to leave:
 * the open sessions wait for that one commit like for any other writer, then find the
 * restored contents (their data_version changes) — never a file swapped under their
 * open -wal and -shm, which is what a rename over the live file would do. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/backup.h"
#include "core/changes.h"
#include "core/check.h"
#include "core/db_priv.h"
#include "core/safefile.h"
#include "i18n.h"

/* How long a restore waits for the sessions' writes to let it in: longer than one
 * writer waits, since it is one big transaction an administrator asked for. */
#define RESTORE_WAIT_MS (3 * DB_WAIT_MS)

/* Copy every page of src into dst, waiting while another connection holds dst's lock. */
static status copy_pages(sqlite3 *src, sqlite3 *dst, const char *shown, error *e)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return err_set(e, ST_IO, _("%s: the copy could not be made (%s)"), shown,
		               sqlite3_errmsg(dst));
	int rc, waited = 0;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= RESTORE_WAIT_MS)
			break;
		sqlite3_sleep(20);
		waited += 20;
	}
	int fin = sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE && fin == SQLITE_OK)
		return ST_OK;
	if (rc == SQLITE_DONE)
		rc = fin;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return err_set(e, ST_BUSY, _("%s: the database stayed busy; nothing was changed, try "
		                             "again in a moment"), shown);
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return err_set(e, ST_CORRUPT, _("%s is damaged or not a database (%s)"), shown,
		               sqlite3_errstr(rc));
	return err_set(e, ST_IO, _("%s: the copy could not be made (%s)"), shown, sqlite3_errstr(rc));
}

static int64_t count(db *d, const char *sql)
{
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	int64_t n = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return n;
}

/* The checks of `empirie check` on the copy c; shown names it in the message. */
static status verify(db *c, const char *shown, backup_info *info, error *e)
{
	check_report r;
	status s = check_database(c, &r, e);
	if (s != ST_OK)
		return s;
	if (r.n) {
		s = err_set(e, ST_CORRUPT,
		            ngettext("%s failed the checks of 'empirie check' (%zu problem: %s); nothing "
		                     "was written",
		                     "%s failed the checks of 'empirie check' (%zu problems, the first: "
		                     "%s); nothing was written", r.n),
		            shown, r.n, r.problems[0]);
	}
	check_report_free(&r);
	if (s == ST_OK && info) {
		info->posts = count(c, "SELECT count(*) FROM posts");
		info->accounts = count(c, "SELECT count(*) FROM accounts");
	}
	return s;
}

/* Whether the backup's schema (upgraded) is exactly this program's, as in the database in
 * use: a crafted file could carry a trigger or a view of its own that would go on running
 * in the live database after the restore (making someone an administrator on the next
 * post). Tables, indexes, triggers and views compared by name and definition. */
static status same_schema(db *live, db *copy, const char *shown, error *e)
{
	static const char sql[] = "SELECT type, name, coalesce(sql, '') FROM sqlite_schema"
	                          " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";
	sqlite3_stmt *a = NULL, *b = NULL;
	status s = ST_OK;
	if (sqlite3_prepare_v2(db_handle(live), sql, -1, &a, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db_handle(copy), sql, -1, &b, NULL) != SQLITE_OK)
		s = err_set(e, ST_IO, _("%s: cannot read the backup (%s)"), shown,
		            sqlite3_errmsg(db_handle(a ? copy : live)));
	while (s == ST_OK) {
		int ra = sqlite3_step(a), rb = sqlite3_step(b);
		if (ra == SQLITE_DONE && rb == SQLITE_DONE)
			break;
		bool same = ra == SQLITE_ROW && rb == SQLITE_ROW;
		for (int i = 0; same && i < 3; i++)
			same = strcmp((const char *)sqlite3_column_text(a, i),
			              (const char *)sqlite3_column_text(b, i)) == 0;
		if (!same) {
			const char *name = rb == SQLITE_ROW ? (const char *)sqlite3_column_text(b, 1)
			                 : ra == SQLITE_ROW ? (const char *)sqlite3_column_text(a, 1) : "?";
			s = err_set(e, ST_INVALID, _("%s is not an empirie database as this version makes "
			                             "them (\"%s\" differs); nothing was changed"),
			            shown, name ? name : "?");
		}
	}
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	return s;
}

/* Put the written file's pages on disk before it gets its name. */
static status sync_file(const char *path, const char *shown, error *e)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		int err = errno;
		if (fd >= 0)
			close(fd);
		return err_set(e, ST_IO, _("%s: cannot write the file: %s"), shown, strerror(err));
	}
	close(fd);
	return ST_OK;
}

/* A copy of d at tmp (an empty file of ours): pages, then one self-contained file in
 * rollback-journal mode; verified when info_or_check is asked for. */
static status write_copy(db *d, const char *tmp, const char *shown, bool check,
                         backup_info *info, error *e)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	status s = rc == SQLITE_OK ? copy_pages(db_handle(d), dst, shown, e)
	                           : err_set(e, ST_IO, _("%s: the copy could not be made (%s)"), shown,
	                                     sqlite3_errstr(rc));
	sqlite3_close_v2(dst);
	if (s != ST_OK)
		return s;
	db *c = NULL;
	if ((s = db_open(&c, tmp, 0, NULL, e)) != ST_OK)
		return s;
	if (check)
		s = verify(c, shown, info, e);
	if (s == ST_OK)
		s = db_exec(c, "PRAGMA journal_mode = DELETE", shown, e);
	db_close(&c);
	return s == ST_OK ? sync_file(tmp, shown, e) : s;
}

static status refuse_link(const char *path, error *e)
{
	struct stat sb;
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
		return err_set(e, ST_IO, _("%s is a symbolic link; it is not followed, give the file "
		                           "itself"), path);
	return ST_OK;
}

status backup_write(db *d, const account *a, const char *path, backup_info *info, error *e)
{
	struct stat sb;
	if (info)
		memset(info, 0, sizeof *info);
	if (a->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator may take a backup (it holds "
		                               "everything, drafts and the audit log too)"));
	status s = refuse_link(path, e);
	if (s != ST_OK)
		return s;
	safefile f;
	if ((s = safefile_open(&f, path, true, e)) != ST_OK)
		return s;
	if ((s = safefile_close_fd(&f, e)) == ST_OK)
		s = write_copy(d, f.tmp, path, true, info, e);
	if (s == ST_OK)
		s = safefile_commit(&f, true, e);
	else
		safefile_abort(&f);
	if (s == ST_OK && info && stat(path, &sb) == 0)
		info->bytes = (int64_t)sb.st_size;
	if (s == ST_OK && !db_is_readonly(d)) {
		error ignore;
		if (db_begin(d, &ignore) == ST_OK) {
			if (audit_append(d, a, "backup", "database", 0, NULL, path, &ignore) == ST_OK)
				db_commit(d, &ignore);
			else
				db_rollback(d);
		}
	}
	return s;
}

/* The current contents of d kept aside as "PATH.replaced-TIME" (a new name each time). */
static status keep_aside(db *d, char **aside, error *e)
{
	char stamp[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	size_t n = strlen(db_path(d)) + 64;
	char *name = malloc(n);
	if (!name)
		return err_oom(e);
	struct stat sb;
	snprintf(name, n, "%s.replaced-%s", db_path(d), stamp);
	for (int i = 2; lstat(name, &sb) == 0 && i < 1000; i++)
		snprintf(name, n, "%s.replaced-%s-%d", db_path(d), stamp, i);
	safefile f;
	status s = safefile_open(&f, name, true, e);
	if (s == ST_OK && (s = safefile_close_fd(&f, e)) == ST_OK)
		s = write_copy(d, f.tmp, name, false, NULL, e);
	if (s == ST_OK)
		s = safefile_commit(&f, true, e);
	else if (f.tmp)
		safefile_abort(&f);
	if (s == ST_OK)
		*aside = name;
	else
		free(name);
	return s;
}

/* Whether file is an SQLite file stamped as ours (not yet whether it is sound). */
static status backup_is_ours(const char *file, error *e)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int app = -1;
	int rc = sqlite3_open_v2(file, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK &&
	    (rc = sqlite3_prepare_v2(h, "SELECT application_id FROM pragma_application_id", -1, &st,
	                             NULL)) == SQLITE_OK &&
	    (rc = sqlite3_step(st)) == SQLITE_ROW)
		app = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close_v2(h);
	if (app == EMPIRIE_APPLICATION_ID)
		return ST_OK;
	if (app >= 0)
		return err_set(e, ST_INVALID, _("%s is an SQLite database of another program, not an "
		                                "empirie backup; nothing was changed"), file);
	return err_set(e, ST_INVALID, _("%s is not an empirie backup (%s); nothing was changed"),
	               file, sqlite3_errstr(rc));
}

status backup_restore(db *d, const account *a, const char *file, char **aside,
                      backup_info *info, error *e)
{
	struct stat sb, live;
	*aside = NULL;
	if (info)
		memset(info, 0, sizeof *info);
	if (a->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator may restore the database from a "
		                               "backup"));
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("This database is open read-only; changes cannot be saved"));
	status s = refuse_link(file, e);
	if (s != ST_OK)
		return s;
	if (stat(file, &sb) != 0)
		return err_set(e, ST_IO, _("%s: cannot read the backup: %s"), file, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return err_set(e, ST_INVALID, _("%s is not a regular file"), file);
	if (stat(db_path(d), &live) == 0 && live.st_dev == sb.st_dev && live.st_ino == sb.st_ino)
		return err_set(e, ST_INVALID, _("%s is the database in use itself, not a backup of it"),
		               file);
	if ((s = backup_is_ours(file, e)) != ST_OK)
		return s;
	/* The backup copied beside the live file (the same disk), upgraded if older, checked. */
	safefile f;
	if ((s = safefile_open(&f, db_path(d), false, e)) != ST_OK)
		return s;
	s = safefile_close_fd(&f, e);
	sqlite3 *src = NULL, *dst = NULL;
	if (s == ST_OK) {
		int rc = sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_open_v2(f.tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
		s = rc == SQLITE_OK ? copy_pages(src, dst, file, e)
		                    : err_set(e, ST_IO, _("%s: cannot read the backup (%s)"), file,
		                              sqlite3_errstr(rc));
	}
	sqlite3_close_v2(src);
	sqlite3_close_v2(dst);
	db *c = NULL;
	if (s == ST_OK)
		s = db_open(&c, f.tmp, 0, NULL, e);
	if (s == ST_OK)
		s = verify(c, file, info, e);
	if (s == ST_OK)
		s = same_schema(d, c, file, e);
	/* Pages go into the live WAL file as they are: the sizes must agree. */
	if (s == ST_OK && count(c, "PRAGMA page_size") != count(d, "PRAGMA page_size"))
		s = err_set(e, ST_INVALID, _("%s has another page size than the database in use; "
		                             "nothing was changed"), file);
	int64_t seen = changes_latest(d); /* what the open sessions may have read up to */
	if (s == ST_OK)
		s = keep_aside(d, aside, e);
	if (s == ST_OK)
		s = copy_pages(db_handle(c), db_handle(d), db_path(d), e);
	db_close(&c);
	safefile_abort(&f);
	if (s != ST_OK && *aside) {
		unlink(*aside); /* nothing was replaced: nothing to keep */
		free(*aside);
		*aside = NULL;
	}
	if (s != ST_OK)
		return s;
	/* The restored file says who restored it from where (the account by login: its id
	 * may mean someone else in the backup). */
	account who = *a;
	who.id = 0;
	error ignore;
	if (db_begin(d, &ignore) == ST_OK) {
		/* The backup's change numbers may be below what the open sessions read last:
		 * they would see no change and keep showing the replaced contents. */
		if (changes_everything(d, seen, &ignore) == ST_OK &&
		    audit_append(d, &who, "restore", "database", 0, *aside, file, &ignore) == ST_OK)
			db_commit(d, &ignore);
		else
			db_rollback(d);
	}
	return ST_OK;
}
