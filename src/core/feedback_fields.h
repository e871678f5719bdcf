/* feedback_fields.h — the one list of what makes a thread a feedback request
 * (feedback.h): the columns of feedback_requests. Their keys on sync lines (written in
 * sync_export.c, read in sync_apply_thread.c) and the public copy's classification
 * (publicity.c) come from FEEDBACK_FIELDS. The thread itself (title, network, the
 * linked practice) is a thread's, and travels as one.
 *
 * F(name, column, pub, line, key, sync_sql)
 *   column   in feedback_requests
 *   pub      1: a public copy carries it; 0: it holds NULL there
 *   line     REQUEST: in the "request" object of the thread's line; ACCEPT: on the
 *            "accept" line of the answer that helped
 *   key      its key there, sync_sql its value, over feedback_requests r, cities c
 *            (the asking town) and accounts a (who marked the answer)
 * Rows are in the order of the keys on each line. */
#ifndef EMPIRIE_CORE_FEEDBACK_FIELDS_H
#define EMPIRIE_CORE_FEEDBACK_FIELDS_H

#define FEEDBACK_FIELDS(F)                                                        \
	F(thread, "thread_id", 1, ACCEPT, "thread", "r.thread_id")                \
	F(town, "city_id", 1, REQUEST, "town", "c.name")                          \
	F(assess, "assess", 1, REQUEST, "assess", "r.assess")                     \
	F(accepted_post, "accepted_post", 1, ACCEPT, "post", "r.accepted_post")   \
	F(accepted_by, "accepted_by", 0, ACCEPT, "by", "a.login")                 \
	F(accepted_at, "accepted_at", 1, ACCEPT, "at", "r.accepted_at")

/* FEEDBACK_F_thread, …: a field's place in the list. */
#define FEEDBACK_F_ENUM_(name, ...) FEEDBACK_F_##name,
enum { FEEDBACK_FIELDS(FEEDBACK_F_ENUM_) FEEDBACK_NFIELDS };
#undef FEEDBACK_F_ENUM_

#define FEEDBACK_ON_REQUEST_REQUEST(...) __VA_ARGS__
#define FEEDBACK_ON_REQUEST_ACCEPT(...)
#define FEEDBACK_ON_ACCEPT_REQUEST(...)
#define FEEDBACK_ON_ACCEPT_ACCEPT(...) __VA_ARGS__

/* FEEDBACK_R_town, …: a field's place in the request object. */
#define FEEDBACK_R_ENUM_(name, column, pub, line, ...) FEEDBACK_ON_REQUEST_##line(FEEDBACK_R_##name, )
enum { FEEDBACK_FIELDS(FEEDBACK_R_ENUM_) FEEDBACK_NREQUEST };
#undef FEEDBACK_R_ENUM_

/* The request object's paths and values for json_set('{}' …), each with a leading
 * comma (so the object's keys come in the list's order). */
#define FEEDBACK_REQUEST_SET_(name, column, pub, line, key, sync_sql) \
	FEEDBACK_ON_REQUEST_##line(", '$." key "', " sync_sql)
#define FEEDBACK_REQUEST_SET FEEDBACK_FIELDS(FEEDBACK_REQUEST_SET_)

/* Each request field of the line in ?1 as two columns: its value and its JSON type. */
#define FEEDBACK_REQUEST_GET_(name, column, pub, line, key, sync_sql)                      \
	FEEDBACK_ON_REQUEST_##line(", json_extract(?1, '$.request." key "'),"             \
	                           " json_type(?1, '$.request." key "')")
#define FEEDBACK_REQUEST_GET FEEDBACK_FIELDS(FEEDBACK_REQUEST_GET_)

/* The accept line's keys and values, each with a leading comma, for json_object(). */
#define FEEDBACK_ACCEPT_PAIR_(name, column, pub, line, key, sync_sql) \
	FEEDBACK_ON_ACCEPT_##line(", '" key "', " sync_sql)
#define FEEDBACK_ACCEPT_PAIRS FEEDBACK_FIELDS(FEEDBACK_ACCEPT_PAIR_)

#endif
