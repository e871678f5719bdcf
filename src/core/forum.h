/* forum.h — threads, posts (a reply tree), read state and drafts. */
#ifndef EMPIRIE_CORE_FORUM_H
#define EMPIRIE_CORE_FORUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

typedef struct {
	int64_t id, network_id, meeting_id;
	int network_number;
	char *title, *author, *created_at, *last_post_at;
	int64_t post_count, unread;
	bool locked, pinned;
	int request; /* a feedback request (feedback.h): 0 not one, 1 open, 2 solved */
	/* NULL when last_post_at is a real time. Else the thread is a meeting's, seeded with
	 * a placeholder date (its sources give no full date): show this text, what is
	 * known of the date, instead; last_post_at then only orders the list. */
	char *date_text;
} thread;

typedef struct {
	thread *items;
	size_t n;
} thread_list;

/* A position in a network's thread list (newest activity first). */
typedef struct {
	int pinned;            /* pinned threads come first */
	char last_post_at[32];
	int64_t id;
} thread_key;

void thread_key_of(const thread *t, thread_key *k);

/* Up to `limit` threads of network_id after `from` (NULL: from the top) in list order,
 * or before it when `backwards` (then still returned in list order). */
status forum_threads_page(db *d, const account *a, int64_t network_id, const thread_key *from,
                          bool backwards, size_t limit, thread_list *out, error *e);
/* 0-based position of key in the network's list (for "12/340" and scrollbars). */
int64_t forum_thread_position(db *d, int64_t network_id, const thread_key *k);
/* The orders of a thread list; pinned threads come first in each. */
typedef enum {
	TSORT_ACTIVITY, /* newest post first (the paged order above) */
	TSORT_CREATED,  /* newest thread first */
	TSORT_TITLE,    /* by title, Polish alphabetical order */
	TSORT_UNREAD,   /* threads with unread posts first, then by activity */
	TSORT__COUNT
} thread_sort;
/* Every thread of network_id in the order asked, for lists that are sorted or limited
 * (search_keep_titled() limits it by words of the titles): linear in the network's
 * threads. */
status forum_threads_view(db *d, const account *a, int64_t network_id, thread_sort sort,
                          thread_list *out, error *e);
status forum_thread(db *d, const account *a, int64_t id, thread *out, error *e);
/* The threads among ids (n of them, kept in that order) the account may see, each read
 * as forum_thread reads it: one the account may not see, or that is gone, is left out;
 * any other failure (memory, the store) fails the whole list. The one answer to "which
 * of these threads may a see" for links from practices and take-ups. */
status forum_visible_threads(db *d, const account *a, const int64_t *ids, size_t n,
                             thread_list *out, error *e);
void thread_clear(thread *t);
void thread_list_free(thread_list *l);

typedef struct {
	int64_t id, thread_id, parent_id, author_id;
	char *author, *author_login, *author_city, *body, *created_at, *edited_at;
	int depth;     /* 0 for the first post */
	bool unread, hidden;   /* hidden: by a coordinator; body is "" unless you may see it */
	char *hidden_reason;
	unsigned char *path; /* reading-order key (opaque) */
	size_t path_len;
	char *date_text; /* as in thread: NULL, or what is known of a placeholder created_at */
} post;

typedef struct {
	post *items;
	size_t n;
} post_list;

/* Posts of a thread in reading order (replies under what they answer): up to limit
 * after `from` (NULL: from the start), or before it when backwards. */
status forum_posts_page(db *d, const account *a, int64_t thread_id, const post *from,
                        bool backwards, size_t limit, post_list *out, error *e);
status forum_post(db *d, const account *a, int64_t post_id, post *out, error *e);
/* 0-based position of p in its thread's reading order. */
int64_t forum_post_position(db *d, const post *p);
/* How many posts answer p, directly or further down (its sub-thread without it): an
 * index range, as long as the answer. */
int64_t forum_replies_count(db *d, const post *p);
/* p is as deep as a reply path goes (16 levels) and has replies: they are shown beside
 * it, in the order written, not under it, so there is no sub-thread of p to collapse. */
bool forum_replies_beside(db *d, const post *p);
/* The key that sorts after p's whole sub-thread: a post with it as `from` makes
 * forum_posts_page go on past the sub-thread (a collapsed one). out->path is newly
 * allocated; false when memory runs out. */
bool forum_after_subthread(const post *p, size_t path_len, post *out);
void post_clear(post *p);
void post_list_free(post_list *l);
/* A copy of *p (deep); ST_INTERNAL when memory runs out. */
status post_copy(const post *p, post *out, error *e);

/* Writing: each is one short transaction, with an audit entry. */
status forum_new_thread(db *d, const account *a, int number, const char *title,
                        const char *body, int64_t *thread_id, error *e);
/* The same, linked to the meeting the thread is about and/or the good practice it asks
 * about (0: none), in the same transaction. */
status forum_new_thread_linked(db *d, const account *a, int number, const char *title,
                               const char *body, int64_t meeting_id, int64_t practice_id,
                               int64_t *thread_id, error *e);
/* Reply to post parent_id (0: to the thread's first post) of thread_id. */
status forum_reply(db *d, const account *a, int64_t thread_id, int64_t parent_id,
                   const char *body, int64_t *post_id, error *e);
status forum_edit_post(db *d, const account *a, int64_t post_id, const char *body, error *e);

/* Mark the thread read up to (and including) post id upto (0: all of it). */
status forum_mark_read(db *d, const account *a, int64_t thread_id, int64_t upto, error *e);
/* The next thread with unread posts: first in network_id after `after` (NULL = top),
 * then in the following networks (wrapping). *thread_id 0 when none. */
status forum_next_unread(db *d, const account *a, int64_t network_id, const thread_key *after,
                         int64_t *thread_id, error *e);

/* Drafts: one per account × kind × target (network id for "thread", post id for
 * "reply" and "edit", thread id for a reply to a whole thread). */
typedef struct {
	char *title, *body, *updated_at;
} draft;
status draft_save(db *d, const account *a, const char *kind, int64_t target,
                  const char *title, const char *body, error *e);
/* ST_NOTFOUND when there is none. */
status draft_load(db *d, const account *a, const char *kind, int64_t target, draft *out,
                  error *e);
status draft_delete(db *d, const account *a, const char *kind, int64_t target, error *e);
void draft_clear(draft *dr);
/* How many drafts the account has kept (unsent text of any kind); 0 for guests. */
status draft_count(db *d, const account *a, int64_t *n, error *e);

/* Moderation (coordinators of the thread's network, administrators), with the reason
 * kept in the audit log. */
typedef enum { MOD_LOCK, MOD_UNLOCK, MOD_PIN, MOD_UNPIN } mod_action;
status forum_moderate_thread(db *d, const account *a, int64_t thread_id, mod_action act,
                             const char *reason, error *e);
status forum_hide_post(db *d, const account *a, int64_t post_id, bool hide, const char *reason,
                       error *e);

/* Limits on what a person may write. */
#define FORUM_TITLE_MAX 200    /* bytes */
#define FORUM_BODY_MAX 65536   /* bytes */
/* A draft holds what could be sent from it: a post's text for "thread", "reply" and
 * "edit"; a practice or meeting record (up to 13 fields of 8 KiB, with their labels)
 * for "practice" and "meeting". */
#define DRAFT_RECORD_MAX (2 * FORUM_BODY_MAX) /* bytes */

/* Check a draft against the limits (the same for the application, the CLI and sync). */
status draft_validate(const char *kind, const char *title, const char *body, error *e);

/* Check title/body: non-empty after trimming, valid UTF-8, within limits. */
status forum_validate_text(const char *title, const char *body, error *e);

#endif
