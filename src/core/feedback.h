/* feedback.h — feedback requests ("prośba o opinię", issue 22): a town asks its
 * networks' coordinators and ZMP's experts for an opinion on one of its actions or
 * projects. A request is a forum thread (with its posts as the answers) plus what
 * makes it a request: the asking town, what it wants assessed, and the answer the town
 * marked as the one that helped, which closes it.
 *
 * Roles: a member of a town that belongs to the network asks; whoever may write in the
 * network answers, and so do the experts who answer for the network (an account flag,
 * see account_set_expert); only the asking town's own members mark the answer that
 * helped. An answer is a post by someone from outside the asking town; the town's own
 * posts in the thread are follow-ups, not answers. */
#ifndef EMPIRIE_CORE_FEEDBACK_H
#define EMPIRIE_CORE_FEEDBACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/feedback_fields.h"

/* What a request may name for assessment: one line's worth, in bytes. */
#define FEEDBACK_ASSESS_MAX 1000

typedef struct {
	int64_t thread_id, network_id, city_id;
	int network_number;
	char *title, *city, *author, *assess;
	char *practice;        /* the linked practice's key, "" when none */
	char *created_at;
	char *first_answer_at; /* "" when nobody has answered yet */
	int64_t answers;       /* visible posts by people from outside the asking town */
	int64_t accepted_post; /* 0 while open */
	char *accepted_at;     /* "" while open */
	char *helper, *helper_city; /* author of the accepted answer and their town ("" if none) */
	int64_t seconds_to_first; /* -1 when not answered */
	int64_t seconds_to_accept; /* -1 while open */
} feedback_request;

typedef struct {
	feedback_request *items;
	size_t n;
} feedback_list;

typedef struct {
	int network;     /* network number; 0: every network the account may see */
	bool open_only;  /* only requests no answer has closed yet */
	bool mine;       /* only the networks the account answers for (feedback_answers_for) */
} feedback_filter;

/* Whether a answers the requests of the network: its coordinators and the experts
 * who answer for it. */
bool feedback_answers_for(const account *a, int64_t network_id);

/* Start a request in network `number`: the thread (title, first post body), linked to
 * the town's practice practice_id (0: none), naming what to assess ("" or NULL: not
 * said). One transaction, audited. */
status feedback_ask(db *d, const account *a, int number, const char *title, const char *body,
                    const char *assess, int64_t practice_id, int64_t *thread_id, error *e);

/* Mark post_id, an answer in a request thread, as the one that helped; this closes the
 * request (marking another answer later moves the mark). The asking town's members
 * only; audited. */
status feedback_accept(db *d, const account *a, int64_t post_id, error *e);

/* The request that thread_id is; ST_NOTFOUND when the thread is not one (or is in a
 * network the account cannot see). */
status feedback_get(db *d, const account *a, int64_t thread_id, feedback_request *out, error *e);

/* Requests the account may see that match f, the oldest first. */
status feedback_list_get(db *d, const account *a, const feedback_filter *f, feedback_list *out,
                         error *e);
void feedback_request_clear(feedback_request *r);
void feedback_list_free(feedback_list *l);

/* How many open requests wait in the networks a answers for (0 for anyone else). */
int64_t feedback_waiting(db *d, const account *a);

/* Figures over the requests of network number `number` (0: every network the account may see),
 * those started between from and to inclusive (ISO dates or times, compared as a
 * prefix; NULL: unbounded). Medians in seconds, -1 when there is nothing to take
 * the median of; of an even count, the mean of the middle two (rounded down). */
typedef struct {
	int64_t requests, open, answered, accepted;
	int64_t median_first_s;   /* from the request to its first answer (answered ones) */
	int64_t median_accept_s;  /* from the request to the accepted answer (closed ones) */
} feedback_figures;
status feedback_stats(db *d, const account *a, int number, const char *from, const char *to,
                      feedback_figures *out, error *e);

/* A duration for people: "3 dni 4 godz.", "25 min" (translated, plural forms). */
void feedback_duration(int64_t seconds, char *buf, size_t n);

/* The request rows' writes, for core modules that check rights of their own (sync.c)
 * inside their transaction: a new request (its key and REQUEST fields; one already
 * there is kept) and the answer that helped (its ACCEPT fields, by thread_id). The row:
 * the columns of feedback_fields.h (thread_id, city_id, assess, accepted_post,
 * accepted_by: the account's id, accepted_at); a text NULL: empty. */
#define FEEDBACK_ROW_ID_(c) int64_t c;
#define FEEDBACK_ROW_TEXT_(c) const char *c;
#define FEEDBACK_ROW_MEMBER_(name, column, pub, line, key, sync_sql, type, ...) \
	FEEDBACK_AS_##type(FEEDBACK_ROW_ID_, FEEDBACK_ROW_TEXT_, column)
typedef struct {
	FEEDBACK_FIELDS(FEEDBACK_ROW_MEMBER_)
} feedback_row;
status feedback_rows_request(db *d, const feedback_row *r, error *e);
status feedback_rows_accept(db *d, const feedback_row *r, error *e);

#endif
