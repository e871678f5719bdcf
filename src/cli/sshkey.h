/* sshkey.h — OpenSSH public keys for the per-person forced-command lines that
 * `empirie admin add-key` writes: checking a key, its fingerprint, and the line. */
#ifndef EMPIRIE_CLI_SSHKEY_H
#define EMPIRIE_CLI_SSHKEY_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char type[40];      /* "ssh-ed25519", "ecdsa-sha2-nistp256", ... */
	char *base64;       /* the key as written (checked: decodes, embeds `type`) */
	char fingerprint[60]; /* "SHA256:..." as ssh-keygen -l prints it */
} sshkey;

/* Check one public key line, "TYPE BASE64 [COMMENT]" with at most one final newline:
 * a known type, base64 that decodes to a blob starting with that same type, nothing
 * before the type (no options), no control characters or quotes anywhere. On failure
 * returns false and *why is an untranslated N_() message naming the problem. The
 * comment is dropped (the line written carries the login instead). */
bool sshkey_parse(const char *text, sshkey *out, const char **why);
void sshkey_clear(sshkey *k);

/* The authorized_keys line for login (newly allocated, with '\n'):
 * restrict,pty,command="PROGRAM [--config CONFIG] --restricted --as LOGIN" TYPE BASE64 LOGIN
 * config may be NULL. The caller has checked that program, config and login are safe
 * inside the quotes (sshkey_safe_word). */
char *sshkey_line(const sshkey *k, const char *program, const char *config, const char *login);
/* Whether s may stand inside the forced command: no space, quote, backslash, control
 * character or shell metacharacter. */
bool sshkey_safe_word(const char *s);

/* Read back a line written by sshkey_line: the login, type and fingerprint (login
 * newly allocated into *login). false for any other line (comments, hand-made lines). */
bool sshkey_line_parse(const char *line, char **login, sshkey *key);

#endif
