/* directory.h — the networks, their member towns and meetings (read side). */
#ifndef EMPIRIE_CORE_DIRECTORY_H
#define EMPIRIE_CORE_DIRECTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/city_fields.h"

typedef struct {
	int64_t id;
	int number;
	char *theme, *code, *name_en, *goals, *coordinators, *source;
	bool leaders_only;
	int city_count, thread_count, meeting_count;
	int64_t post_count, unread; /* unread posts for the account asking */
} network;

typedef struct {
	network *items;
	size_t n;
} network_list;

/* The networks the account may see, by number, with its unread counts. */
status directory_networks(db *d, const account *a, network_list *out, error *e);
/* One network by number; ST_NOTFOUND also when the account may not see it. */
status directory_network(db *d, const account *a, int number, network *out, error *e);
void network_clear(network *n);
void network_list_free(network_list *l);
/* Unread posts in all networks the account may see (the title line's count). */
int64_t directory_unread_total(db *d, const account *a, error *e);
/* The unread count of each network the account sees, alone (no counts of towns and
 * meetings: what a post changes, cheap enough to take for every post elsewhere).
 * Calls fn for each; the total unread through *total (may be NULL). */
typedef void (*network_unread_fn)(void *arg, int64_t network_id, int64_t unread);
status directory_networks_unread(db *d, const account *a, network_unread_fn fn, void *arg,
                                 int64_t *total, error *e);

/* A town as read: its fields as city_fields.h lists them. */
typedef struct {
	int64_t id;
	CITY_FIELDS(CITY_MEMBER_)
	char *basis; /* membership basis when listed for a network, else "" */
} city;

typedef struct {
	city *items;
	size_t n;
} city_list;

/* What city_fields.h says of each field, at run time. */
typedef enum { CK_KEY, CK_WORD, CK_LINE, CK_FLAG } city_kind;
typedef struct {
	const char *name;      /* member, column, CSV header */
	city_kind kind;
	const char *aliases;   /* other CSV headers, folded, '|'-separated */
	const char *label;     /* N_(): on the card; NULL: no line of its own */
	field_card card;
	bool pub;              /* copied into public copies */
	bool search;           /* indexed */
	const char *const *words; /* a WORD's known words, NULL-terminated; else NULL */
	const char *refusal;   /* N_(): a WORD's message for another value ("%s" it) */
	size_t at;             /* offsetof in city */
	size_t in_at;          /* offsetof in city_fields */
} city_field_info;
extern const city_field_info city_field_list[CITY_NFIELDS];
/* Field i of t as text (never NULL; a FLAG "1" or "0"). */
const char *city_value(const city *t, int i);
/* What is wrong with v, a cell of a towns' import (transfer.c), as a value of field f,
 * by its kind (city_fields.h): a KEY must not be empty; a WORD must be one of its words
 * (*stored: the list's spelling; NULL when v is empty and that is not one of them: the
 * cell says nothing); a FLAG yes or no, Polish or English, or 1/0 (*stored: "1" or "0");
 * a LINE is any text (*stored: v). NULL when v is fine, else the message, translated,
 * naming v by its one "%s" (the KEY's does not name it). */
const char *city_value_fault(const city_field_info *f, const char *v, const char **stored);
/* The sixteen voivodeships (the known words of the list's voivodeship, less the empty
 * one), NULL at the end, and how many. */
const char *const *city_voivodeships(size_t *n);
/* The voivodeship v names, in any case, with or without Polish letters, as the list
 * spells it; NULL when none. */
const char *city_voivodeship_of(const char *v);

/* Towns in Polish alphabetical order: members of network `number` (0 = every town),
 * `limit` rows from `offset` (the list window). *total (may be NULL) gets the count. */
status directory_cities(db *d, const account *a, int number, size_t offset, size_t limit,
                        city_list *out, size_t *total, error *e);
/* One town by exact name, or by case- and diacritic-blind name when no exact match. */
status directory_city(db *d, const char *name, city *out, error *e);
/* The same, and also a name in another case ("w Kędzierzynie-Koźlu" → "kedzierzynie-kozlu"
 * finds Kędzierzyn-Koźle) or the unique beginning of one ("kedzierzyn"); the error
 * names the nearest town when none is found. For what people type to find a town. */
status directory_city_find(db *d, const char *name, city *out, error *e);
status directory_city_by_id(db *d, int64_t id, city *out, error *e);
void city_clear(city *c);
void city_list_free(city_list *l);

/* The networks a town belongs to (only those the account may see). */
status directory_city_networks(db *d, const account *a, int64_t city_id, network_list *out,
                               error *e);

/* Translated labels for stored keys. */
const char *directory_basis_label(const char *basis);
const char *directory_status_label(const char *status);

/* A town's stored fields, for its one writer (core modules that check their own rules:
 * imports, the bundled directory, the generator; inside their transaction). */
typedef struct {
	CITY_FIELDS(CITY_IN_MEMBER_) /* text: NULL is empty */
	bool create;      /* a new town: refused when its name is taken */
	bool unindexed;   /* the caller fills the search index in bulk afterwards */
} city_fields;
/* Set every field of f from its text, in the list's order (a FLAG: "1" is set, anything
 * else not); the texts are borrowed. For the CSV readers (seed, import). */
void city_fields_set(city_fields *f, const char *const v[CITY_NFIELDS]);
/* Add the town (create: only if its name is free), or replace the one of that name;
 * *id (may be NULL) gets its id. */
status directory_rows_city(db *d, const city_fields *c, int64_t *id, error *e);

#endif
