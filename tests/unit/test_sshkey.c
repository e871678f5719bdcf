/* test_sshkey.c — checking public keys for the SSH keys file, their fingerprints (as
 * ssh-keygen -l prints them) and the forced-command line. The keys were made with
 * ssh-keygen for this test. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli/sshkey.h"
#include "tap.h"

#define ED "AAAAC3NzaC1lZDI1NTE5AAAAIOTTWgia9bFpOxwsYR5YF47+Wck+EllnjjpQG6IGXqPD"
#define EC "AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBKCMtuj97eqWrEb4iZusbsQklX9ckCb4" \
           "XH5XrQV4ch0rVdZOB2D8nb35/5o5AfJn2QkaxArSOu/MFt7e4MNXKPXfYwsAvoP/URx8+98X8TlviwYClm7+" \
           "1MRHpgPloyfluQ=="

static void refused(const char *text, const char *want_why, const char *what)
{
	sshkey k;
	const char *why = NULL;
	ok(!sshkey_parse(text, &k, &why), "refused: %s", what);
	ok(why && strstr(why, want_why), "  saying %s (%s)", want_why, why ? why : "nothing");
	sshkey_clear(&k);
}

int main(void)
{
	sshkey k;
	const char *why = NULL;
	ok(sshkey_parse("ssh-ed25519 " ED " anna@zabrze\n", &k, &why), "an ed25519 key");
	is_str(k.type, "ssh-ed25519", "its type");
	is_str(k.fingerprint, "SHA256:99HWqVQvVhAQSkZs8ljJMytw+WUvN3XP+GEuL62oZuY",
	       "its fingerprint is ssh-keygen's");
	char *line = sshkey_line(&k, "/usr/local/bin/empirie", NULL, "anna");
	is_str(line, "restrict,pty,command=\"/usr/local/bin/empirie --restricted --as anna\" "
	             "ssh-ed25519 " ED " anna\n", "the keys-file line");
	char *login;
	sshkey back;
	ok(sshkey_line_parse(line, &login, &back), "the line reads back");
	is_str(login, "anna", "  with its login");
	is_str(back.fingerprint, k.fingerprint, "  and its key");
	free(login);
	sshkey_clear(&back);
	free(line);
	line = sshkey_line(&k, "/opt/empirie", "/etc/empirie.conf", "burmistrz.zlotow");
	ok(sshkey_line_parse(line, &login, &back), "a line with --config reads back");
	is_str(login, "burmistrz.zlotow", "  with its login");
	free(login);
	sshkey_clear(&back);
	free(line);
	sshkey_clear(&k);
	/* Lines that look like ours but force something else are not read as a login's key
	 * (admin keys then shows them as lines empirie did not write). */
	static const char *const not_ours[] = {
		"restrict,pty,command=\"/bin/sh -c x --as anna\" ssh-ed25519 " ED " anna\n",
		"restrict,pty,command=\"/usr/local/bin/empirie --as anna\" ssh-ed25519 " ED " anna\n",
		"restrict,pty,command=\"/usr/local/bin/empirie --restricted --as anna --db /x\" "
		"ssh-ed25519 " ED " anna\n",
		"restrict,pty,command=\"/usr/local/bin/empirie --db /x --restricted --as anna\" "
		"ssh-ed25519 " ED " anna\n",
		"restrict,pty,command=\"/usr/local/bin/empirie --restricted --as an;na\" "
		"ssh-ed25519 " ED " anna\n",
	};
	for (size_t i = 0; i < sizeof not_ours / sizeof not_ours[0]; i++) {
		bool read = sshkey_line_parse(not_ours[i], &login, &back);
		ok(!read, "not read as a login's key: %s", not_ours[i]);
		if (read) {
			free(login);
			sshkey_clear(&back);
		}
	}
	ok(sshkey_parse("ecdsa-sha2-nistp384 " EC, &k, &why), "an ECDSA P-384 key, no comment, no newline");
	is_str(k.fingerprint, "SHA256:TP+q8eYm9AfAn5SmT32RIGIzVSoZqJOqkvIpykgDKzQ", "its fingerprint");
	sshkey_clear(&k);

	refused("command=\"/bin/sh\" ssh-ed25519 " ED " x", "options", "options before the key");
	refused("no-pty,ssh-ed25519 " ED, "options", "an option glued to the type");
	refused("ssh-dss " ED, "unknown key type", "an unknown type");
	refused("ssh-rsa " ED, "not a key of the type", "a type that the data does not embed");
	refused("ssh-ed25519 AAAA!!!!", "does not decode", "bad base64");
	refused("ssh-ed25519 " ED "=", "does not decode", "base64 of a wrong length");
	refused("ssh-ed25519", "does not decode", "a type alone");
	refused("ssh-ed25519 " ED "\nssh-ed25519 " ED, "more than one line", "two lines");
	refused("ssh-ed25519 " ED " a\"b", "quote", "a quote in the comment");
	refused("ssh-ed25519 " ED " a\tb", "control character", "a tab");
	refused("", "unknown key type", "nothing");

	ok(sshkey_safe_word("anna.nowak@zmp"), "a login is safe in the command");
	ok(!sshkey_safe_word("anna;sh"), "a semicolon is not");
	ok(!sshkey_safe_word("a b"), "nor a space");
	ok(!sshkey_safe_word("a\"b"), "nor a quote");
	ok(!sshkey_safe_word("$(id)"), "nor a substitution");
	return tap_done();
}
