/* feedback_fields.h — the one list of what makes a thread a feedback request
 * (feedback.h): the columns of feedback_requests. The stored row (feedback_row: its
 * members, the writers' SQL and binds, feedback.c), their keys on sync lines (written
 * in sync_export.c, read in sync_apply_thread.c) and the public copy's classification
 * (publicity.c) and the options of `empirie ask` (cli_feedback.c) come from
 * FEEDBACK_FIELDS. The thread itself (title, network, the
 * linked practice) is a thread's, and travels as one.
 *
 * F(name, column, pub, line, key, sync_sql, type, opt, val, arg, help)
 *   column   in feedback_requests, and the member of feedback_row
 *   pub      1: a public copy carries it; 0: it holds NULL there
 *   line     REQUEST: in the "request" object of the thread's line; ACCEPT: on the
 *            "accept" line of the answer that helped
 *   key      its key there, sync_sql its value, over feedback_requests r, cities c
 *            (the asking town) and accounts a (who marked the answer)
 *   type     KEY: the row's key (the thread's id), ID: an id, TEXT: a text; a REQUEST
 *            field is stored with the request (feedback_rows_request), an ACCEPT one
 *            with the answer that helped (feedback_rows_accept)
 *   opt      1: an option of `empirie ask` (--name), val its short option, arg its
 *            value's name, help its help (N_())
 * Rows are in the order of the keys on each line. */
#ifndef EMPIRIE_CORE_FEEDBACK_FIELDS_H
#define EMPIRIE_CORE_FEEDBACK_FIELDS_H

#define FEEDBACK_FIELDS(F)                                                                  \
	F(thread, thread_id, 1, ACCEPT, "thread", "r.thread_id", KEY, 0, 0, NULL, NULL)     \
	F(town, city_id, 1, REQUEST, "town", "c.name", ID, 0, 0, NULL, NULL)                \
	F(assess, assess, 1, REQUEST, "assess", "r.assess", TEXT, 1, 'a', N_("TEXT"),       \
	  N_("what you want assessed (one line)"))                                          \
	F(accepted_post, accepted_post, 1, ACCEPT, "post", "r.accepted_post", ID, 0, 0, NULL, \
	  NULL)                                                                             \
	F(accepted_by, accepted_by, 0, ACCEPT, "by", "a.login", ID, 0, 0, NULL, NULL)       \
	F(accepted_at, accepted_at, 1, ACCEPT, "at", "r.accepted_at", TEXT, 0, 0, NULL, NULL)

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
#define FEEDBACK_REQUEST_SET_(name, column, pub, line, key, sync_sql, ...) \
	FEEDBACK_ON_REQUEST_##line(", '$." key "', " sync_sql)
#define FEEDBACK_REQUEST_SET FEEDBACK_FIELDS(FEEDBACK_REQUEST_SET_)

/* Each request field of the line in ?1 as two columns: its value and its JSON type. */
#define FEEDBACK_REQUEST_GET_(name, column, pub, line, key, sync_sql, ...)                 \
	FEEDBACK_ON_REQUEST_##line(", json_extract(?1, '$.request." key "'),"             \
	                           " json_type(?1, '$.request." key "')")
#define FEEDBACK_REQUEST_GET FEEDBACK_FIELDS(FEEDBACK_REQUEST_GET_)

/* The accept line's keys and values, each with a leading comma, for json_object(). */
#define FEEDBACK_ACCEPT_PAIR_(name, column, pub, line, key, sync_sql, ...) \
	FEEDBACK_ON_ACCEPT_##line(", '" key "', " sync_sql)
#define FEEDBACK_ACCEPT_PAIRS FEEDBACK_FIELDS(FEEDBACK_ACCEPT_PAIR_)

/* FEEDBACK_IF_1(x) is x, FEEDBACK_IF_0(x) nothing: for the 0/1 columns. */
#define FEEDBACK_IF_0(...)
#define FEEDBACK_IF_1(...) __VA_ARGS__

/* FEEDBACK_OPT_assess, …: the short option of each field `empirie ask` takes. */
#define FEEDBACK_OPT_ENUM_(name, column, pub, line, key, sync_sql, type, opt, val, ...) \
	FEEDBACK_IF_##opt(FEEDBACK_OPT_##name = val, )
enum { FEEDBACK_FIELDS(FEEDBACK_OPT_ENUM_) FEEDBACK_OPT_END_ };
#undef FEEDBACK_OPT_ENUM_

/* The stored row's members: m_id(column) for an id (the key's too), m_text(column) for
 * a text. */
#define FEEDBACK_AS_KEY(m_id, m_text, c) m_id(c)
#define FEEDBACK_AS_ID(m_id, m_text, c) m_id(c)
#define FEEDBACK_AS_TEXT(m_id, m_text, c) m_text(c)

/* What the writers store, each with a leading comma: the request (the key and the
 * REQUEST fields) as columns and as named parameters (:column), and the answer that
 * helped (the ACCEPT fields but the key) as updates of the row the key names. */
#define FEEDBACK_STORED_REQUEST_KEY(x)
#define FEEDBACK_STORED_REQUEST_ID(x) x
#define FEEDBACK_STORED_REQUEST_TEXT(x) x
#define FEEDBACK_STORED_ACCEPT_KEY(x)
#define FEEDBACK_STORED_ACCEPT_ID(x)
#define FEEDBACK_STORED_ACCEPT_TEXT(x)
#define FEEDBACK_UPDATED_REQUEST_KEY(x)
#define FEEDBACK_UPDATED_REQUEST_ID(x)
#define FEEDBACK_UPDATED_REQUEST_TEXT(x)
#define FEEDBACK_UPDATED_ACCEPT_KEY(x)
#define FEEDBACK_UPDATED_ACCEPT_ID(x) x
#define FEEDBACK_UPDATED_ACCEPT_TEXT(x) x
#define FEEDBACK_IS_KEY_KEY(x) x
#define FEEDBACK_IS_KEY_ID(x)
#define FEEDBACK_IS_KEY_TEXT(x)
#define FEEDBACK_INSERT_COL_(name, column, pub, line, key, sync_sql, type, ...)            \
	FEEDBACK_IS_KEY_##type(", " #column) FEEDBACK_STORED_##line##_##type(", " #column)
#define FEEDBACK_INSERT_PARAM_(name, column, pub, line, key, sync_sql, type, ...)          \
	FEEDBACK_IS_KEY_##type(", :" #column) FEEDBACK_STORED_##line##_##type(", :" #column)
#define FEEDBACK_UPDATE_SET_(name, column, pub, line, key, sync_sql, type, ...) \
	FEEDBACK_UPDATED_##line##_##type(", " #column " = :" #column)
#define FEEDBACK_KEY_WHERE_(name, column, pub, line, key, sync_sql, type, ...) \
	FEEDBACK_IS_KEY_##type(" WHERE " #column " = :" #column)
#define FEEDBACK_INSERT_COLUMNS FEEDBACK_FIELDS(FEEDBACK_INSERT_COL_)
#define FEEDBACK_INSERT_PARAMS FEEDBACK_FIELDS(FEEDBACK_INSERT_PARAM_)
#define FEEDBACK_UPDATE_SETS FEEDBACK_FIELDS(FEEDBACK_UPDATE_SET_)
#define FEEDBACK_KEY_WHERE FEEDBACK_FIELDS(FEEDBACK_KEY_WHERE_)

#endif
