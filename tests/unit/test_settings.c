/* test_settings.c — the configuration file, and the one rule for what it may decide about
 * identity (trust_as, the database of a restricted session, the SSH keys file). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/settings.h"
#include "tap.h"

int main(void)
{
	/* owner, mode, the database's owner */
	ok(settings_may_grant(0, S_IFREG | 0644, 1000), "root's file, 0644: counts for any database");
	ok(settings_may_grant(1000, S_IFREG | 0600, 1000), "the database owner's own file counts");
	ok(!settings_may_grant(1001, S_IFREG | 0644, 1000),
	   "someone else's file does not (finding 4: --config my.conf over a shared database)");
	ok(!settings_may_grant(0, S_IFREG | 0664, 1000), "a root file the group may write does not");
	ok(!settings_may_grant(0, S_IFREG | 0646, 1000), "nor one others may write");
	ok(!settings_may_grant(1000, S_IFREG | 0620, 1000), "nor the owner's, group-writable");

	char path[] = "/tmp/empirie-settings.XXXXXX";
	int fd = mkstemp(path);
	ok(fd >= 0, "a configuration file");
	const char text[] = "# test\ndatabase = /srv/e.db\ntrust_as = yes\nrestricted = no\n"
	                    "authorized_keys = /etc/empirie/authorized_keys\n";
	ok(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1), "written");
	fchmod(fd, 0644);
	close(fd);
	settings c;
	error e;
	ok(settings_load(path, true, &c, &e) == ST_OK, "read");
	is_str(c.database, "/srv/e.db", "database");
	ok(c.trust_as && !c.restricted, "trust_as and restricted");
	is_str(c.keys_file, "/etc/empirie/authorized_keys", "authorized_keys");
	ok(c.owner == getuid() && (c.mode & 0777) == 0644, "its owner and mode are kept");
	ok(settings_grant_for(&c, getuid()), "it counts for a database of the same owner");
	if (getuid() == 0)
		ok(settings_grant_for(&c, 1000), "root's file counts for another owner's database too");
	else
		ok(!settings_grant_for(&c, getuid() + 1), "not for another owner's");
	settings_clear(&c);
	chmod(path, 0666);
	ok(settings_load(path, true, &c, &e) == ST_OK && !settings_grant_for(&c, getuid()),
	   "made writable by all, it no longer counts");
	settings_clear(&c);
	FILE *f = fopen(path, "w");
	fputs("authorized_keys = keys\n", f);
	fclose(f);
	ok(settings_load(path, true, &c, &e) != ST_OK, "authorized_keys must be a full path");
	ok(strstr(e.msg, ":1: authorized_keys needs a full path") != NULL, "said with the line");
	/* A full path, then a wrong one: the first was freed and then freed again when the
	 * half-read settings were cleared (every command aborted on that file). */
	f = fopen(path, "w");
	fputs("authorized_keys = /etc/empirie/keys\nauthorized_keys = keys\n", f);
	fclose(f);
	ok(settings_load(path, true, &c, &e) != ST_OK && strstr(e.msg, ":2: authorized_keys") != NULL,
	   "a wrong authorized_keys after a right one: refused with its line, nothing freed twice");
	unlink(path);
	settings c2;
	ok(settings_load("/nonexistent/empirie.conf", false, &c2, &e) == ST_OK && !c2.path &&
	   !settings_grant_for(&c2, 0), "no file: nothing read, nothing granted");
	return tap_done();
}
