/* test_perm.c — who may change a practice and a network's meetings, and record a town's
 * uptake (the perm_* of account.c, issue 19), role by role: an administrator; a
 * coordinator of one network, of one that also belongs to a town, of all networks, of
 * the leaders' network; a member and a leader with a town and without; a guest; each
 * against a new practice, one shown in the coordinator's network and one that is not,
 * the meetings of an ordinary network, of the leaders' and of one that does not exist. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/practice.h"
#include "tap.h"
#include "unitlib.h"

static char dir[] = "/tmp/empirie-perm.XXXXXX";

/* The integer sql (one integer parameter) selects; 0 when none. */
static int64_t lookup(db *d, const char *sql, int64_t p)
{
	sqlite3_stmt *st;
	int64_t v = 0;
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, p);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static char *town_name(db *d, int64_t id)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db_handle(d), "SELECT name FROM cities WHERE id = ?1", -1, &st,
	                       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = db_col_dup(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A practice of town `town` shown in network `networks` ("" none), saved by admin. */
static int64_t practice_of(db *d, const account *admin, const char *town, const char *networks,
                           const char *title)
{
	practice_fields f = { .city = town, .networks = networks, .theme = "", .title = title };
	int64_t id = 0;
	error e;
	if (practice_save(d, admin, 0, &f, &id, &e) != ST_OK)
		diag("%s: %s", title, e.msg);
	return id;
}

typedef struct {
	const char *who;
	account a;
	/* perm_can_edit_practice: a new one, one shown in network 1 (of town in1), one of
	 * town out1 shown in no network */
	bool add, shown, other;
	/* perm_can_edit_meetings: network 1, 2, the leaders' (8), 99 (none) */
	bool m1, m2, m8, m99;
	/* perm_can_record_uptake: town in1 (of network 1), town out1 (not of it) */
	bool r_in, r_out;
	/* perm_can_record_uptake_of: a practice of town in1, of out1 */
	bool of_in, of_out;
} perm_case;

int main(void)
{
	char path[300];
	db *d = unit_store(dir, "t.db", "2030-01-01T10:00:00Z", path, sizeof path);
	if (!d)
		return 1;
	int64_t n1 = lookup(d, "SELECT id FROM networks WHERE number = ?1", 1);
	int64_t n8 = lookup(d, "SELECT id FROM networks WHERE number = ?1", 8);
	ok(n1 && lookup(d, "SELECT leaders_only FROM networks WHERE id = ?1", n8) == 1,
	   "network 8 is the leaders'");
	/* in1: a town of network 1; out1: a town not of it; neither of the leaders' */
	int64_t in1 = lookup(d, "SELECT min(city_id) FROM memberships m WHERE network_id = ?1"
	                        " AND city_id NOT IN (SELECT city_id FROM memberships x"
	                        "  JOIN networks n ON n.id = x.network_id WHERE n.leaders_only)", n1);
	int64_t out1 = lookup(d, "SELECT min(id) FROM cities WHERE id NOT IN"
	                         " (SELECT city_id FROM memberships x JOIN networks n"
	                         "  ON n.id = x.network_id WHERE x.network_id = ?1 OR n.leaders_only)",
	                      n1);
	char *in_name = town_name(d, in1), *out_name = town_name(d, out1);
	ok(in_name && out_name, "a town of network 1 (%s) and one not of it (%s)",
	   in_name ? in_name : "-", out_name ? out_name : "-");
	account admin;
	unit_admin(d, &admin);
	int64_t shown = practice_of(d, &admin, in_name ? in_name : "", "1", "Pokazana w sieci 1");
	int64_t other = practice_of(d, &admin, out_name ? out_name : "", "", "Niepokazana");
	ok(shown && other, "two practices");
	ok(lookup(d, "SELECT count(*) FROM practice_networks WHERE practice_id = ?1", other) == 0,
	   "the second shown in no network");

	perm_case cases[] = {
		{ "an administrator", { .role = ROLE_ADMIN }, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1 },
		{ "network 1's coordinator", { .role = ROLE_COORDINATOR, .network_id = n1 },
		  1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1 },
		{ "network 1's coordinator of the other town",
		  { .role = ROLE_COORDINATOR, .network_id = n1, .city_id = out1 },
		  1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1 },
		{ "the coordinator of every network", { .role = ROLE_COORDINATOR },
		  1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1 },
		{ "the leaders' network's coordinator", { .role = ROLE_COORDINATOR, .network_id = n8 },
		  1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1 },
		{ "a member of the town of network 1", { .role = ROLE_MEMBER, .city_id = in1 },
		  1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1 },
		{ "a member without a town", { .role = ROLE_MEMBER },
		  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
		{ "a leader of the other town", { .role = ROLE_LEADER, .city_id = out1 },
		  1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0 },
		{ "a leader without a town", { .role = ROLE_LEADER },
		  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
		{ "a guest", { .role = ROLE_GUEST, .city_id = in1 },
		  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const perm_case *c = &cases[i];
		const account *a = &c->a;
		is_int(perm_can_edit_practice(d, a, 0, 0), c->add, "%s: adds practices", c->who);
		is_int(perm_can_edit_practice(d, a, shown, in1), c->shown,
		       "%s: changes the practice shown in network 1", c->who);
		is_int(perm_can_edit_practice(d, a, other, out1), c->other,
		       "%s: changes the other town's, shown in none", c->who);
		is_int(perm_can_edit_meetings(d, a, 1), c->m1, "%s: network 1's meetings", c->who);
		is_int(perm_can_edit_meetings(d, a, 2), c->m2, "%s: network 2's meetings", c->who);
		is_int(perm_can_edit_meetings(d, a, 8), c->m8, "%s: the leaders' meetings", c->who);
		is_int(perm_can_edit_meetings(d, a, 99), c->m99, "%s: no network 99", c->who);
		is_int(perm_can_record_uptake(d, a, in1), c->r_in, "%s: records for %s", c->who,
		       in_name);
		is_int(perm_can_record_uptake(d, a, out1), c->r_out, "%s: records for %s", c->who,
		       out_name);
		is_int(perm_can_record_uptake_of(d, a, in1), c->of_in,
		       "%s: records an uptake of %s's practice", c->who, in_name);
		is_int(perm_can_record_uptake_of(d, a, out1), c->of_out,
		       "%s: records an uptake of %s's practice", c->who, out_name);
	}
	free(in_name), free(out_name);
	account_clear(&admin);
	db_close(&d);
	unit_remove(dir);
	return tap_done();
}
