/* cli_keys.c — admin add-key, keys and revoke-key: the per-person lines of the SSH
 * keys file, each forcing `empirie --restricted --as LOGIN`. Nobody edits the file by
 * hand: the key is checked, the line is built here, and every change is audited. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_priv.h"
#include "cli/keysfile.h"
#include "cli/sshkey.h"
#include "core/audit.h"
#include "i18n.h"
#include "text/safe.h"
#include "text/strbuf.h"

#define KEY_TEXT_MAX 16384 /* an RSA key of 16384 bits is under 3 KB */

/* Open the database and check that the caller may manage keys and that the keys file
 * is configured by a file that counts. Returns the keys file's path or NULL. */
static const char *keys_setup(cli_ctx *c)
{
	if (cli_open(c) != EXIT_OK)
		return NULL;
	if (c->me.role != ROLE_ADMIN && geteuid() != 0) {
		cli_error(_("Only an administrator (or root) can manage SSH keys"));
		return NULL;
	}
	if (!c->conf.keys_file) {
		cli_error(_("No SSH keys file is configured: set authorized_keys = FILE in %s (and "
		            "AuthorizedKeysFile FILE in sshd_config)"),
		          c->conf.path ? c->conf.path : settings_default_path());
		return NULL;
	}
	/* Stricter than for identity: root writes the file, so only root's own choice of
	 * configuration (a file root or the caller owns) may name it. */
	if (!settings_may_grant(c->conf.owner, c->conf.mode, geteuid())) {
		cli_error(_("%s may not name the SSH keys file: only a file owned by root (or by "
		            "you) that no one else may write counts"), c->conf.path);
		return NULL;
	}
	error e;
	if (keysfile_place_safe(c->conf.keys_file, c->db_owner, &e) != ST_OK) {
		cli_fail(&e);
		return NULL;
	}
	return c->conf.keys_file;
}

static char *read_key_text(const char *file)
{
	FILE *f = file ? fopen(file, "r") : stdin;
	if (!f) {
		cli_error(_("%s: cannot read: %s"), file, strerror(errno));
		return NULL;
	}
	char *buf = malloc(KEY_TEXT_MAX + 1);
	size_t n = buf ? fread(buf, 1, KEY_TEXT_MAX + 1, f) : 0;
	bool err = ferror(f);
	if (file)
		fclose(f);
	if (!buf) {
		cli_error(_("Out of memory"));
		return NULL;
	}
	if (err || n > KEY_TEXT_MAX || memchr(buf, '\0', n)) {
		free(buf);
		cli_error(err ? _("%s: cannot read the key") : _("%s: this is not one public key"),
		          file ? file : _("standard input"));
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

typedef struct {
	const char *path;
	keys_lines *lines;
} keys_write_arg;

static status apply_write(void *arg, error *e)
{
	keys_write_arg *w = arg;
	return keysfile_write(w->path, w->lines, e);
}

static int admin_add_key(cli_ctx *c, int argc, char **argv)
{
	if (argc < 2 || argc > 3)
		return cli_usage("admin", _("add-key needs a LOGIN and, optionally, a FILE with the key "
		                            "(else standard input)"));
	const char *login = argv[1];
	if (!account_login_valid(login) || !sshkey_safe_word(login))
		return cli_usage("admin", _("'%s' is not a valid login"), login);
	char *text = read_key_text(argc == 3 ? argv[2] : NULL);
	if (!text)
		return EXIT_ERR;
	sshkey k;
	const char *why = NULL;
	bool ok = sshkey_parse(text, &k, &why);
	free(text);
	if (!ok)
		return cli_error(_("%s: not accepted: %s"), argc == 3 ? argv[2] : _("standard input"), _(why));
	int rc = EXIT_ERR;
	char program[PATH_MAX], config[PATH_MAX];
	const char *keys = keys_setup(c);
	account who = { 0 };
	error e;
	keys_lines l = { 0 };
	int lock = -1;
	ssize_t pn = readlink("/proc/self/exe", program, sizeof program - 1);
	if (!keys)
		goto out;
	if (pn <= 0 || (program[pn] = '\0', !sshkey_safe_word(program))) {
		cli_error(_("Cannot tell this program's full path, or it has spaces or quotes in it"));
		goto out;
	}
	if (c->config_opt && (!realpath(c->config_opt, config) || !sshkey_safe_word(config))) {
		cli_error(_("%s: the configuration's full path cannot go into the forced command"),
		          c->config_opt);
		goto out;
	}
	if (account_get(c->d, login, &who, &e) != ST_OK) {
		cli_fail(&e);
		goto out;
	}
	if ((lock = keysfile_lock(keys, c->db_owner, &e)) < 0 || keysfile_read(keys, &l, &e) != ST_OK) {
		cli_fail(&e);
		goto out;
	}
	for (size_t i = 0; i < l.n; i++) {
		char *owner;
		sshkey old;
		if (sshkey_line_parse(l.lines[i], &owner, &old)) {
			bool same = strcmp(old.base64, k.base64) == 0;
			if (same)
				cli_error(_("This key is already in %s, for %s"), keys, owner);
			free(owner);
			sshkey_clear(&old);
			if (same)
				goto out;
		} else if (strstr(l.lines[i], k.base64)) {
			cli_error(_("This key is already in %s (line %zu)"), keys, i + 1);
			goto out;
		}
	}
	char *line = sshkey_line(&k, program, c->config_opt ? config : NULL, login);
	if (!line || keys_lines_add(&l, line) != 0) {
		free(line);
		cli_error(_("Out of memory"));
		goto out;
	}
	free(line);
	keys_write_arg w = { keys, &l };
	if (audit_around(c->d, &c->me, "add-key", "account", who.id, NULL, k.fingerprint, apply_write,
	                 &w, &e) != ST_OK) {
		cli_fail(&e);
		goto out;
	}
	safe_fprintf(stdout, _("Added the key %s (%s) for %s to %s.\n"), k.fingerprint, k.type, login, keys);
	rc = EXIT_OK;
out:
	keysfile_unlock(lock);
	keys_lines_free(&l);
	account_clear(&who);
	sshkey_clear(&k);
	return rc;
}

static int admin_keys(cli_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = { N_("login"), N_("key type"), N_("fingerprint") };
	if (argc > 1)
		return cli_usage("admin", _("unexpected argument '%s'"), argv[1]);
	const char *keys = keys_setup(c);
	if (!keys)
		return EXIT_ERR;
	error e;
	keys_lines l;
	if (keysfile_read(keys, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 3);
	for (size_t i = 0; i < l.n; i++) {
		char *login;
		sshkey k;
		if (!sshkey_line_parse(l.lines[i], &login, &k)) {
			/* sshd still honours a line written by hand: never hide one. */
			const char *p = l.lines[i] + strspn(l.lines[i], " \t");
			if (*p != '#' && *p != '\n' && *p != '\r' && *p)
				cli_error(_("%s, line %zu: not a line empirie wrote (it forces no command "
				            "for one login, so its key may get a shell): remove it, or "
				            "add the key with admin add-key"),
				          keys, i + 1);
			continue;
		}
		tsv_field(login, false);
		tsv_field(k.type, false);
		tsv_field(k.fingerprint, true);
		free(login);
		sshkey_clear(&k);
	}
	keys_lines_free(&l);
	return EXIT_OK;
}

static int admin_revoke_key(cli_ctx *c, int argc, char **argv)
{
	if (argc < 2 || argc > 3)
		return cli_usage("admin", _("revoke-key needs a LOGIN and, optionally, the key's "
		                            "fingerprint (SHA256:..., see 'empirie admin keys')"));
	const char *login = argv[1], *fp = argc == 3 ? argv[2] : NULL;
	const char *keys = keys_setup(c);
	if (!keys)
		return EXIT_ERR;
	int rc = EXIT_ERR;
	error e;
	keys_lines l = { 0 }, kept = { 0 };
	account who = { 0 };
	strbuf gone = STRBUF_INIT; /* the fingerprints removed, each after a space */
	size_t n_gone = 0;
	int lock = keysfile_lock(keys, c->db_owner, &e);
	if (lock < 0 || keysfile_read(keys, &l, &e) != ST_OK) {
		cli_fail(&e);
		goto out;
	}
	for (size_t i = 0; i < l.n; i++) {
		char *owner;
		sshkey k;
		bool drop = false;
		if (sshkey_line_parse(l.lines[i], &owner, &k)) {
			drop = strcmp(owner, login) == 0 && (!fp || strcmp(fp, k.fingerprint) == 0);
			if (drop) {
				strbuf_appendf(&gone, " %s", k.fingerprint);
				n_gone++;
			}
			free(owner);
			sshkey_clear(&k);
		}
		if (!drop && keys_lines_add(&kept, l.lines[i]) != 0) {
			cli_error(_("Out of memory"));
			goto out;
		}
	}
	if (!n_gone) {
		cli_error(fp ? _("%s has no key %s in %s") : _("%s has no key in %s"), login,
		          fp ? fp : keys, keys);
		goto out;
	}
	/* The account may be gone; the entry then names it in the text only. */
	if (account_get(c->d, login, &who, &e) != ST_OK)
		err_clear(&e);
	keys_write_arg w = { keys, &kept };
	char *what = str_printf("%s:%s", login, strbuf_str(&gone));
	if (!what || gone.failed) {
		free(what);
		cli_error(_("Out of memory"));
		goto out;
	}
	status st = audit_around(c->d, &c->me, "revoke-key", "account", who.id, what, NULL,
	                         apply_write, &w, &e);
	free(what);
	if (st != ST_OK) {
		cli_fail(&e);
		goto out;
	}
	safe_fprintf(stdout, ngettext("Removed %zu key of %s from %s.\n",
	                              "Removed %zu keys of %s from %s.\n", n_gone), n_gone, login, keys);
	rc = EXIT_OK;
out:
	keysfile_unlock(lock);
	keys_lines_free(&l);
	keys_lines_free(&kept);
	account_clear(&who);
	strbuf_free(&gone);
	return rc;
}

int cli_admin_keys(cli_ctx *c, int argc, char **argv)
{
	int r = cli_operands(c, "admin", &argc, &argv);
	if (r == CLI_PARSE_HELP) {
		char admin[] = "admin", help[] = "--help";
		return cmd_admin(c, 2, (char *[]){ admin, help, NULL });
	}
	if (r < 0)
		return EXIT_USAGE;
	if (strcmp(argv[0], "add-key") == 0)
		return admin_add_key(c, argc, argv);
	if (strcmp(argv[0], "revoke-key") == 0)
		return admin_revoke_key(c, argc, argv);
	return admin_keys(c, argc, argv);
}
