/* account_fields.h — the one list of an account's fields (the table accounts, its id
 * aside). The members of the account as read (account, account.h) and of what the
 * accounts' one writer stores (account_fields), the writer's SQL and binds
 * (account_rows_insert, account_rows_update in account.c), the reading of an account
 * row (account_get, account_list_all), the CSV columns of import (transfer.c) and
 * export (transfer_export.c) with the values they compare and write, the options of
 * `empirie admin add-account` and `admin set-role` with their help, the columns of
 * `empirie admin accounts` and the public/private classification of public copies all
 * come from ACCOUNT_FIELDS.
 *
 * F(name, kind, column, csv, aliases, sql, opt, option, val, arg, help, label, pub, priv)
 *   name     the CSV header (English); for a TOWN the account as read also has
 *            name##_name, the town's name
 *   kind     LOGIN (the key: 1–64 letters, digits and . _ - @ +, account_login_valid;
 *            the writer finds the row by it), NAME (a line of text, not empty; the
 *            login when not given), ROLE (one of role_keys), TOWN (a town of the
 *            directory by its name, stored as its id), NETWORK (a network by its
 *            number, stored as its id), TIME (set when the row is made, then kept),
 *            FLAG (0 or 1: a bool member; yes/no, tak/nie in a CSV file)
 *   column   the column of accounts, and the member of both structs
 *   csv      1: a column of import and export, aliases the other headers accepted on
 *            import ('|'-separated, folded, Polish first), sql its value over accounts
 *            a, cities c and networks n as the export writes it and the import
 *            compares it; 0: not in the CSV files (rows with csv 1 come first, in the
 *            order of the columns)
 *   opt      NO: not an option; ADD: an option of `admin add-account`; BOTH: of
 *            add-account and of `admin set-role`. option its name (--option), val
 *            what getopt returns (a letter: the short form too), arg its value's
 *            name and help its help (N_(); "%s" is filled with the words it takes)
 *   label    N_(): the header of its column in `empirie admin accounts` (in the
 *            list's order); NULL: not shown there
 *   pub      1: a public copy carries it; 0: it does not, and priv is what the copy
 *            holds instead (SQL over the source row s; NULL: nothing)
 * What stays by hand: the checks of the values and the town's and network's lookups
 * in account_add and account_set_role (account.c; the import's, account_check in
 * transfer.c, go by the kinds, the rules written there once for each kind), the
 * operands of the admin subcommands (the login of add-account, set-role's role) and
 * `admin expert`, which sets the flag alone. Accounts do not travel in sync files
 * (their lines name an author by login only), are not searched, and have no card:
 * the application shows the name and role of the one using it (ui_chrome.c), so
 * there is no "synced", "searchable" or card column. A new field is one row here, a
 * migration step (schema.c), its translations (po/pl.po) and its check where the
 * value is given. */
#ifndef EMPIRIE_CORE_ACCOUNT_FIELDS_H
#define EMPIRIE_CORE_ACCOUNT_FIELDS_H

#include "core/fields.h"

#define ACCOUNT_FIELDS(F)                                                                      \
	F(login, LOGIN, login, 1, "", "a.login", NO, NULL, 0, NULL, NULL, N_("login"), 0,      \
	  "'autor-' || s.id")                                                                  \
	F(display_name, NAME, display_name, 1, "nazwa|imie i nazwisko|name", "a.display_name", \
	  ADD, "name", 'n', N_("NAME"), N_("the name shown (default: the login)"), N_("name"), \
	  1, NULL)                                                                             \
	F(role, ROLE, role, 1, "rola", "a.role", ADD, "role", 'r', N_("ROLE"),                 \
	  N_("%s (default member)"), N_("role"), 0, "'guest'")                                 \
	F(city, TOWN, city_id, 1, "miasto|town", "COALESCE(c.name, '')", BOTH, "city", 'c',    \
	  N_("TOWN"), N_("the account's town"), N_("town"), 1, NULL)                           \
	F(network, NETWORK, network_id, 1, "siec", "COALESCE(n.number, '')", BOTH, "network",  \
	  'w', N_("N"), N_("the network a coordinator or expert answers for"), NULL, 0, NULL)  \
	F(expert, FLAG, expert, 1, "ekspert", "CASE WHEN a.expert THEN 'yes' ELSE 'no' END",   \
	  NO, NULL, 0, NULL, NULL, NULL, 0, "0")                                               \
	F(created_at, TIME, created_at, 0, "", "", NO, NULL, 0, NULL, NULL, NULL, 0, "''")

/* ACCOUNT_F_login, ACCOUNT_F_display_name, …: a field's place in the list. */
#define ACCOUNT_F_ENUM(name, ...) ACCOUNT_F_##name,
enum { ACCOUNT_FIELDS(ACCOUNT_F_ENUM) ACCOUNT_NFIELDS };
#undef ACCOUNT_F_ENUM

/* x when the field is in the CSV files (csv 1), nothing when not. */
#define ACCOUNT_IF_CSV_1(x) x
#define ACCOUNT_IF_CSV_0(x)
/* ACCOUNT_NCSV: how many columns the CSV files have (the first fields of the list). */
#define ACCOUNT_CSV_ENUM_1(name) ACCOUNT_CSV_##name,
#define ACCOUNT_CSV_ENUM_0(name)
#define ACCOUNT_CSV_ENUM_(name, kind, column, csv, ...) ACCOUNT_CSV_ENUM_##csv(name)
enum { ACCOUNT_FIELDS(ACCOUNT_CSV_ENUM_) ACCOUNT_NCSV };

/* The CSV columns as read over accounts a (export, and the import's comparison):
 * "a.login AS login, a.display_name AS display_name, …" — the LOGIN first, the others
 * each after a comma. */
#define ACCOUNT_CSV_SEL_LOGIN(name, sql) sql " AS " #name
#define ACCOUNT_CSV_SEL_OTHER(name, sql) ", " sql " AS " #name
#define ACCOUNT_CSV_SEL_NAME ACCOUNT_CSV_SEL_OTHER
#define ACCOUNT_CSV_SEL_ROLE ACCOUNT_CSV_SEL_OTHER
#define ACCOUNT_CSV_SEL_TOWN ACCOUNT_CSV_SEL_OTHER
#define ACCOUNT_CSV_SEL_NETWORK ACCOUNT_CSV_SEL_OTHER
#define ACCOUNT_CSV_SEL_FLAG ACCOUNT_CSV_SEL_OTHER
#define ACCOUNT_CSV_SEL_TIME ACCOUNT_CSV_SEL_OTHER
#define ACCOUNT_CSV_SEL_(name, kind, column, csv, aliases, sql, ...) \
	ACCOUNT_IF_CSV_##csv(ACCOUNT_CSV_SEL_##kind(name, sql))
#define ACCOUNT_CSV_SELECT ACCOUNT_FIELDS(ACCOUNT_CSV_SEL_)
#define ACCOUNT_CSV_FROM                                                \
	" FROM accounts a LEFT JOIN cities c ON c.id = a.city_id"       \
	" LEFT JOIN networks n ON n.id = a.network_id"

/* m(column) for the columns the writer's UPDATE sets: all but the LOGIN, by which it
 * finds the row, and the TIME, kept as it was made. */
#define ACCOUNT_IF_SET_LOGIN(m, c)
#define ACCOUNT_IF_SET_NAME(m, c) m(c)
#define ACCOUNT_IF_SET_ROLE(m, c) m(c)
#define ACCOUNT_IF_SET_TOWN(m, c) m(c)
#define ACCOUNT_IF_SET_NETWORK(m, c) m(c)
#define ACCOUNT_IF_SET_FLAG(m, c) m(c)
#define ACCOUNT_IF_SET_TIME(m, c)
#define ACCOUNT_IF_SET(kind, m, c) ACCOUNT_IF_SET_##kind(m, c)

/* The accounts' one writer (account.c): each field is the named parameter of its
 * column (":display_name"), bound from the struct account_fields. */
#define ACCOUNT_COL_(name, kind, column, ...) FIELD_COL_NAME_(column)
#define ACCOUNT_PARAM_(name, kind, column, ...) FIELD_PARAM_(column)
#define ACCOUNT_ASSIGN_(c) ", " #c " = :" #c
#define ACCOUNT_ASSIGN_SET_(name, kind, column, ...) ACCOUNT_IF_SET(kind, ACCOUNT_ASSIGN_, column)
#define ACCOUNT_INSERT_SQL                                                                 \
	"INSERT INTO accounts(id" ACCOUNT_FIELDS(ACCOUNT_COL_) ") VALUES (NULL" ACCOUNT_FIELDS( \
		ACCOUNT_PARAM_) ")"
#define ACCOUNT_UPDATE_SQL \
	"UPDATE accounts SET login = :login" ACCOUNT_FIELDS(ACCOUNT_ASSIGN_SET_) " WHERE login = :login"

/* Members of what the writer stores (account_fields): text given, an id (0: none) or
 * a flag. */
#define ACCOUNT_IN_TEXT_(c) const char *c;
#define ACCOUNT_IN_ID_(c) int64_t c;
#define ACCOUNT_IN_FLAG_(c) bool c;
#define ACCOUNT_IN_LOGIN ACCOUNT_IN_TEXT_
#define ACCOUNT_IN_NAME ACCOUNT_IN_TEXT_
#define ACCOUNT_IN_ROLE ACCOUNT_IN_TEXT_ /* role_key() */
#define ACCOUNT_IN_TOWN ACCOUNT_IN_ID_
#define ACCOUNT_IN_NETWORK ACCOUNT_IN_ID_
#define ACCOUNT_IN_FLAG ACCOUNT_IN_FLAG_
#define ACCOUNT_IN_TIME ACCOUNT_IN_TEXT_ /* NULL: now */
#define ACCOUNT_IN_MEMBER_(name, kind, column, ...) ACCOUNT_IN_##kind(column)

/* Members of the account as read: text owned, the role, the town's id and name ("" when
 * none), the network's id, the flag; a TIME is not read. */
#define ACCOUNT_RD_LOGIN(name, c) char *c;
#define ACCOUNT_RD_NAME(name, c) char *c;
#define ACCOUNT_RD_ROLE(name, c) role c;
#define ACCOUNT_RD_TOWN(name, c) int64_t c; char *name##_name;
#define ACCOUNT_RD_NETWORK(name, c) int64_t c;
#define ACCOUNT_RD_FLAG(name, c) bool c;
#define ACCOUNT_RD_TIME(name, c)
#define ACCOUNT_RD_MEMBER_(name, kind, column, ...) ACCOUNT_RD_##kind(name, column)

/* The columns of an account as read, after a.id, over accounts a and cities c. */
#define ACCOUNT_SEL_LOGIN(c) ", a." #c
#define ACCOUNT_SEL_NAME(c) ", a." #c
#define ACCOUNT_SEL_ROLE(c) ", a." #c
#define ACCOUNT_SEL_TOWN(c) ", COALESCE(a." #c ", 0), COALESCE(c.name, '')"
#define ACCOUNT_SEL_NETWORK(c) ", COALESCE(a." #c ", 0)"
#define ACCOUNT_SEL_FLAG(c) ", a." #c
#define ACCOUNT_SEL_TIME(c)
#define ACCOUNT_SEL_(name, kind, column, ...) ACCOUNT_SEL_##kind(column)
#define ACCOUNT_SELECT                             \
	"SELECT a.id" ACCOUNT_FIELDS(ACCOUNT_SEL_) \
	" FROM accounts a LEFT JOIN cities c ON c.id = a.city_id"

#endif
