/* account.h — who is acting, and what each role may do. Permissions are decided here,
 * in the core, so every caller (TUI, CLI, sync) gets the same answer. */
#ifndef EMPIRIE_CORE_ACCOUNT_H
#define EMPIRIE_CORE_ACCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account_fields.h"
#include "core/db.h"

typedef enum { ROLE_GUEST, ROLE_MEMBER, ROLE_LEADER, ROLE_COORDINATOR, ROLE_ADMIN } role;

/* The account as read: its fields (account_fields.h): login, display_name, role,
 * city_id (0 when none: ZMP staff, network accounts) and city_name ("" when none),
 * network_id (coordinators: the network moderated; experts: the network they answer
 * for; 0 = all networks), expert (one of ZMP's experts: answers feedback requests,
 * feedback.h). */
typedef struct {
	int64_t id;          /* 0 for a guest that has no row */
	ACCOUNT_FIELDS(ACCOUNT_RD_MEMBER_)
} account;

/* The list's rows at run time (account_fields.h says what each column means). */
typedef enum { AK_LOGIN, AK_NAME, AK_ROLE, AK_TOWN, AK_NETWORK, AK_FLAG, AK_TIME } account_kind;
typedef enum { AO_NO, AO_ADD, AO_BOTH } account_opt;
typedef struct {
	const char *name;
	account_kind kind;
	const char *column;
	bool csv;
	const char *aliases;
	account_opt opt;
	const char *option;  /* the option's name (opt not AO_NO) */
	int val;             /* what getopt returns for it */
	const char *label;   /* N_(): its column in `admin accounts`; NULL: not there */
	bool pub;
} account_field_info;
extern const account_field_info account_field_list[ACCOUNT_NFIELDS];
/* Field i of a as `admin accounts` shows it (the role's key, the town's name, a flag as
 * yes or no); NULL for a field not read as text (the network, created_at). */
const char *account_value(const account *a, int i);

/* Look up login; ST_NOTFOUND when there is no such account. */
status account_get(db *d, const char *login, account *out, error *e);
/* Look up login, or make *out an unsaved guest of that name when it is unknown. */
status account_resolve(db *d, const char *login, account *out, error *e);
void account_clear(account *a);

/* Stable English keys used in the database and on the command line: the one table of
 * them, in role's order, NULL at the end (role_parse() reads it, so do the CLI's
 * messages, help and completion). */
extern const char *const role_keys[];
const char *role_key(role r);
/* Parse a key; -1 when unknown. */
int role_parse(const char *key);
/* Translated name of a role for display. */
const char *role_label(role r);

/* Whether login is acceptable: 1–64 bytes of letters, digits and . _ - @ + (any
 * non-ASCII UTF-8 letter too), so it is safe in mail headers, audit lines and paths. */
bool account_login_valid(const char *login);

/* Add an account (admins only, or any caller when `actor` is NULL: used at creation
 * of the database). city may be NULL/"", network_number 0 for none. */
status account_add(db *d, const account *actor, const char *login, const char *display_name,
                   role r, const char *city, int network_number, error *e);

/* Change an account's role (and town / moderated network when given: city NULL keeps
 * it, "" clears it; network_number -1 keeps, 0 clears). Administrators only; audited. */
status account_set_role(db *d, const account *actor, const char *login, role r,
                        const char *city, int network_number, error *e);

/* Add or remove a town's membership of a network (basis "added"). Administrators and
 * the network's coordinators; audited. */
status membership_set(db *d, const account *actor, int network_number, const char *city,
                      bool member, error *e);

/* Name login one of ZMP's experts, or no longer (administrators only; audited). A flag,
 * not a role: see schema step 11. */
status account_set_expert(db *d, const account *actor, const char *login, bool expert, error *e);

typedef struct {
	account *items;
	size_t n;
} account_list;
status account_list_all(db *d, const account *actor, account_list *out, error *e);
void account_list_free(account_list *l);

/* Permissions. `leaders_only` and the membership check come from the network. */
bool perm_can_see_network(const account *a, int64_t network_id, bool leaders_only);
/* Whether a may start threads or reply in the network; on no, *e says why. */
status perm_check_post(db *d, const account *a, int64_t network_id, bool leaders_only, error *e);
bool perm_can_moderate(const account *a, int64_t network_id);
/* Whether a may add and change the meetings of network `number`: its coordinators and
 * administrators (who see it). */
bool perm_can_edit_meetings(db *d, const account *a, int number);
/* Whether a may change the practice practice_id of town city_id (0, 0: whether a may
 * add practices at all). Members and leaders: their own town's; coordinators: any shown
 * in their network, and their own town's; admins: all. */
bool perm_can_edit_practice(db *d, const account *a, int64_t practice_id, int64_t city_id);
/* Whether a may record for town city_id: members and leaders for their own town,
 * coordinators for towns in the network they coordinate (every town when they
 * coordinate all) and their own, administrators for any. */
bool perm_can_record_uptake(db *d, const account *a, int64_t city_id);
/* Whether a may record some town's uptake of a practice of town practice_city_id: a
 * member or leader for its own town (never the practice's own), a coordinator or an
 * administrator for the towns it answers for. */
bool perm_can_record_uptake_of(db *d, const account *a, int64_t practice_city_id);

/* The rows' one writer, for core modules that check their own rules (imports, the
 * bundled directory, the generator) inside their transaction: the fields of
 * account_fields.h; role: role_key(), an id 0: none, created_at NULL: now. */
typedef struct {
	ACCOUNT_FIELDS(ACCOUNT_IN_MEMBER_)
} account_fields;
/* *duplicate: an account with that login is there already (nothing stored). */
status account_rows_insert(db *d, const account_fields *f, bool *duplicate, int64_t *id,
                           error *e);
/* Everything but the login and the creation time, for the account with f->login. */
status account_rows_update(db *d, const account_fields *f, error *e);
/* A town in a network; one already there keeps its basis and source unless replace. */
status membership_rows_put(db *d, int64_t network_id, int64_t city_id, const char *basis,
                           const char *source, bool replace, bool *changed, error *e);

#endif
