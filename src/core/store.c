/* store.c — opening the store: the connection (db.c), then the schema brought up to
 * date and, for a new file, the bundled directory. Above db.c, so that db.c knows
 * nothing of migrations or seeding (schema.c, seed.c). */
#include "config.h"

#include <stdlib.h>

#include "core/db_priv.h"
#include "core/lemma.h"
#include "core/search_index.h"
#include "core/seed.h"
#include "i18n.h"

int db_schema_version(void)
{
	return schema_version_latest();
}

/* A writable store: migrated to this program's schema, the index in step with the
 * dictionary, the bundled directory in a file never filled. */
static status bring_up_to_date(db *d, unsigned flags, bool *created, error *e)
{
	status s = ST_OK;
	if (db_user_version(d) != schema_version_latest()) {
		/* New or older: the steps below index text (the bundled directory, a rebuilt
		 * index); the dictionary is loaded before any of them takes the write lock,
		 * which other sessions wait for. */
		lemma_preload();
		s = schema_migrate(d, e);
	}
	if (s == ST_OK)
		s = search_note_upgrade(d, e);
	char *kind = s == ST_OK ? db_meta_get(d, "kind") : NULL;
	/* A database that has never been filled (new, or killed during its first start)
	 * gets the bundled directory; seeding is one transaction. */
	if (s == ST_OK && !kind && !(flags & DB_OPEN_BARE)) {
		lemma_preload();
		s = seed_bundled(d, e);
		if (s == ST_OK && created)
			*created = true;
	}
	free(kind);
	/* Best effort: an old file that cannot take the practices still opens. */
	if (s == ST_OK && !(flags & DB_OPEN_BARE)) {
		error ignore;
		seed_practices_upgrade(d, &ignore);
	}
	return s;
}

status db_open(db **out, const char *path, unsigned flags, bool *created, error *e)
{
	if (created)
		*created = false;
	bool existed = false;
	db *d = NULL;
	status s = db_connect(&d, path, flags, &existed, e);
	if (s != ST_OK)
		return s;
	if (!db_is_readonly(d))
		s = bring_up_to_date(d, flags, created, e);
	else if (db_user_version(d) != schema_version_latest())
		s = err_set(e, ST_CORRUPT, _("%s: the database has schema version %d but this program "
		                             "reads version %d, and it is open read-only"),
		            path, db_user_version(d), schema_version_latest());
	else
		s = db_session_marks_open(d, e);
	if (s != ST_OK) {
		db_close(&d);
		db_unlink_if_empty(path, existed);
		return s;
	}
	*out = d;
	return ST_OK;
}
