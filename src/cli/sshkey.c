/* sshkey.c — see sshkey.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/sshkey.h"
#include "core/account.h"
#include "core/sha256.h"
#include "i18n.h"

static const char *const key_types[] = {
	"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
	"ssh-rsa", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
};

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

/* Strict base64 (padding required, nothing else allowed); returns the decoded length or
 * -1. out must hold len / 4 * 3 bytes. */
static long b64_decode(const char *s, size_t len, unsigned char *out)
{
	if (len == 0 || len % 4)
		return -1;
	long n = 0;
	for (size_t i = 0; i < len; i += 4) {
		int v[4], pad = 0;
		for (int j = 0; j < 4; j++) {
			unsigned char c = (unsigned char)s[i + j];
			if (c == '=' && i + 4 == len && j >= 2) {
				v[j] = 0;
				pad++;
			} else if (pad || (v[j] = b64_value(c)) < 0) {
				return -1;
			}
		}
		uint32_t w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
		out[n++] = (unsigned char)(w >> 16);
		if (pad < 2)
			out[n++] = (unsigned char)(w >> 8);
		if (pad < 1)
			out[n++] = (unsigned char)w;
	}
	return n;
}

static void b64_encode_nopad(const unsigned char *in, size_t n, char *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t w = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) |
		             (i + 2 < n ? in[i + 2] : 0);
		out[o++] = tab[w >> 18 & 63];
		out[o++] = tab[w >> 12 & 63];
		if (i + 1 < n)
			out[o++] = tab[w >> 6 & 63];
		if (i + 2 < n)
			out[o++] = tab[w & 63];
	}
	out[o] = '\0';
}

static bool known_type(const char *t, size_t n)
{
	for (size_t i = 0; i < sizeof key_types / sizeof key_types[0]; i++)
		if (strlen(key_types[i]) == n && memcmp(key_types[i], t, n) == 0)
			return true;
	return false;
}

void sshkey_clear(sshkey *k)
{
	free(k->base64);
	memset(k, 0, sizeof *k);
}

bool sshkey_parse(const char *text, sshkey *out, const char **why)
{
	memset(out, 0, sizeof *out);
	size_t len = strlen(text);
	if (len && text[len - 1] == '\n')
		len--;
	if (len && text[len - 1] == '\r')
		len--;
	/* What people send instead of the one line: say what it is and what to ask for. */
	if (strncmp(text, "---- BEGIN SSH2 PUBLIC KEY", 26) == 0) {
		*why = N_("this is a public key in the SSH2 format that PuTTYgen saves: convert it "
		          "with ssh-keygen -i -f FILE, or take PuTTYgen's one line \"Public key for "
		          "pasting into OpenSSH authorized_keys file\"");
		return false;
	}
	if (strstr(text, "PRIVATE KEY-----") || strncmp(text, "PuTTY-User-Key-File-", 20) == 0) {
		*why = N_("this is a private key, which must never leave its owner: ask for the public "
		          "key (the .pub file, one line)");
		return false;
	}
	/* Options first (the usual smuggling: command="...",no-pty ssh-ed25519 ...). */
	size_t first = strspn(text, " ");
	size_t first_n = strcspn(text + first, " \n");
	if (first + first_n <= len && (memchr(text + first, '=', first_n) || memchr(text + first, ',', first_n))) {
		*why = N_("the key starts with options; give the public key only");
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n' || c == '\r') {
			*why = N_("give one key: the text has more than one line");
			return false;
		}
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '\\') {
			*why = N_("the key contains a control character, a quote or a backslash");
			return false;
		}
	}
	const char *p = text, *end = text + len;
	while (p < end && *p == ' ')
		p++;
	const char *t = p;
	while (p < end && *p != ' ')
		p++;
	size_t tn = (size_t)(p - t);
	if (!known_type(t, tn)) {
		*why = N_("unknown key type: use ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa or a "
		          "security key (sk-...)");
		return false;
	}
	while (p < end && *p == ' ')
		p++;
	const char *b = p;
	while (p < end && *p != ' ')
		p++;
	size_t bn = (size_t)(p - b);
	unsigned char *blob = malloc(bn / 4 * 3 + 3);
	if (!blob) {
		*why = N_("Out of memory");
		return false;
	}
	long n = bn ? b64_decode(b, bn, blob) : -1;
	bool ok = false;
	if (n < 4) {
		*why = N_("the key's base64 text does not decode");
	} else {
		uint32_t l = (uint32_t)blob[0] << 24 | (uint32_t)blob[1] << 16 | (uint32_t)blob[2] << 8 | blob[3];
		if (l != tn || (long)l + 4 > n || memcmp(blob + 4, t, tn) != 0 || (long)l + 4 == n)
			*why = N_("the key's data is not a key of the type it names");
		else
			ok = true;
	}
	if (ok) {
		memcpy(out->type, t, tn);
		out->type[tn] = '\0';
		unsigned char d[32];
		sha256_ctx c;
		sha256_init(&c);
		sha256_update(&c, blob, (size_t)n);
		sha256_final(&c, d);
		memcpy(out->fingerprint, "SHA256:", 7);
		b64_encode_nopad(d, sizeof d, out->fingerprint + 7);
		if (!(out->base64 = strndup(b, bn))) {
			*why = N_("Out of memory");
			ok = false;
		}
	}
	free(blob);
	return ok;
}

bool sshkey_safe_word(const char *s)
{
	if (!s || !*s)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x21 || *p == 0x7f || strchr("\"'\\`$;&|<>()*?[]{}~!#", *p))
			return false;
	return true;
}

char *sshkey_line(const sshkey *k, const char *program, const char *config, const char *login)
{
	size_t n = strlen(program) + (config ? strlen(config) : 0) + 2 * strlen(login) +
	           strlen(k->type) + strlen(k->base64) + 96;
	char *line = malloc(n);
	if (!line)
		return NULL;
	snprintf(line, n, "restrict,pty,command=\"%s%s%s --restricted --as %s\" %s %s %s\n", program,
	         config ? " --config " : "", config ? config : "", login, k->type, k->base64, login);
	return line;
}

/* Whether cmd (n bytes) is exactly what sshkey_line writes: PROGRAM [--config FILE]
 * --restricted --as LOGIN, each a safe word, PROGRAM and FILE full paths. Any other
 * command (a shell, an option more or less) is not ours. Sets the login's place. */
static bool our_command(const char *cmd, size_t n, const char **login, size_t *login_n)
{
	char *c = strndup(cmd, n);
	if (!c)
		return false;
	char *w[7];
	size_t k = 0;
	bool ok = true;
	for (char *save = NULL, *t = strtok_r(c, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		if (k == sizeof w / sizeof w[0]) {
			ok = false;
			break;
		}
		w[k++] = t;
	}
	size_t i = 1;
	ok = ok && (k == 4 || k == 6) && w[0][0] == '/' && sshkey_safe_word(w[0]);
	if (ok && k == 6) {
		ok = strcmp(w[1], "--config") == 0 && w[2][0] == '/' && sshkey_safe_word(w[2]);
		i = 3;
	}
	ok = ok && strcmp(w[i], "--restricted") == 0 && strcmp(w[i + 1], "--as") == 0 &&
	     sshkey_safe_word(w[i + 2]) && account_login_valid(w[i + 2]);
	if (ok) {
		*login = cmd + (w[i + 2] - c);
		*login_n = strlen(w[i + 2]);
	}
	/* the words must have been separated by single spaces, as written */
	ok = ok && *login + *login_n == cmd + n && (size_t)(w[k - 1] - c) + strlen(w[k - 1]) == n;
	for (size_t j = 1; ok && j < k; j++)
		ok = w[j] == w[j - 1] + strlen(w[j - 1]) + 1;
	free(c);
	return ok;
}

bool sshkey_line_parse(const char *line, char **login, sshkey *key)
{
	static const char head[] = "restrict,pty,command=\"";
	*login = NULL;
	memset(key, 0, sizeof *key);
	if (strncmp(line, head, sizeof head - 1) != 0)
		return false;
	const char *cmd = line + sizeof head - 1, *q = strchr(cmd, '"'), *as;
	size_t as_n;
	if (!q || !our_command(cmd, (size_t)(q - cmd), &as, &as_n))
		return false;
	if (!(*login = strndup(as, as_n)))
		return false;
	const char *rest = q + 1;
	while (*rest == ' ')
		rest++;
	if (!sshkey_parse(rest, key, &(const char *){ NULL })) {
		free(*login);
		*login = NULL;
		return false;
	}
	return true;
}
