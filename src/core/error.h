/* error.h — errors as values: a status code and a translated, human message. */
#ifndef EMPIRIE_CORE_ERROR_H
#define EMPIRIE_CORE_ERROR_H

typedef enum {
	ST_OK = 0,
	ST_NOTFOUND,  /* the thing named does not exist (or is not visible to the account) */
	ST_INVALID,   /* bad input from the user or a file */
	ST_DENIED,    /* the account may not do this */
	ST_BUSY,      /* the database stayed locked past the busy timeout */
	ST_READONLY,  /* the database is read-only */
	ST_IO,        /* file system trouble: missing directory, unreadable file, disk full */
	ST_CORRUPT,   /* the database file is damaged or not an empire database */
	ST_INTERNAL,  /* a bug or out of memory */
} status;

typedef struct {
	status code;
	char msg[768]; /* translated; may quote user text, so print it through the safe path;
	                  a longer one is cut in the middle with "…" (str_fit) */
} error;

/* Set *e (if e is not NULL) from a printf format that is already translated. */
status err_set(error *e, status code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void err_clear(error *e);
/* ST_INTERNAL with the translated "Out of memory" in *e (if e is not NULL). */
status err_oom(error *e);
/* The status an earlier failure left in *e: its code, ST_INTERNAL when e is NULL or
 * holds none (what a function returns after a callee set *e and returned no status). */
status err_code(const error *e);

#endif
