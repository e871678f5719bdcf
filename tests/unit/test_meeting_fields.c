/* test_meeting_fields.c — the meetings' field list (meeting_fields.h) is carried by
 * every path that comes from it, so a field added to the list and missed by one of
 * them fails here: each field goes in through a CSV import with a value of its own and
 * comes back through the store (the meeting as read), the CSV export (header and row)
 * and, when marked searchable, the search (and only then); the fields of the form come
 * through meeting_save; the CLI options and the form's places are each used once, for
 * the same fields. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/meeting.h"
#include "core/search.h"
#include "core/transfer.h"
#include "tap.h"
#include "unitlib.h"

static char dir[] = "/tmp/empirie-mfields.XXXXXX";

/* A value of field i of its own ("qx" tag "topics" "qx"), one its kind takes: the first
 * network, days in the list's order, a town of the directory for the towns present. */
static const char *value_of(int i, const char *tag, char *buf, size_t n)
{
	const meeting_field_info *f = &meeting_field_list[i];
	if (f->kind == MK_NET)
		return "1";
	if (f->kind == MK_DATE) {
		snprintf(buf, n, "2031-02-%02d", 3 + i);
		return buf;
	}
	if (f->kind == MK_TOWNS)
		return "Łomża";
	size_t o = (size_t)snprintf(buf, n, "qx%s", tag);
	for (const char *p = f->name; *p && o + 3 < n; p++)
		if (*p != '_')
			buf[o++] = *p;
	snprintf(buf + o, n - o, "qx");
	return buf;
}

/* The meeting of that key, as read (0 when none). */
static int64_t meeting_of_key(db *d, const account *a, const char *key, meeting *out)
{
	meeting_list l;
	error e;
	int64_t id = 0;
	if (meetings_read(d, a, 0, 0, &l, &e) != ST_OK)
		return 0;
	for (size_t i = 0; i < l.n && !id; i++)
		if (strcmp(l.items[i].key, key) == 0)
			id = l.items[i].id;
	meeting_list_free(&l);
	return id && meeting_get(d, a, id, out, &e) == ST_OK ? id : 0;
}

/* Every field read back as it was given (network: its number). */
static void read_back(const meeting *m, const char *tag, bool form_only, const char *how)
{
	for (int i = 0; i < MEETING_NFIELDS; i++) {
		const meeting_field_info *f = &meeting_field_list[i];
		char buf[80];
		if (form_only && f->form < 0)
			continue;
		if (f->kind == MK_NET)
			is_int(m->network_number, 1, "%s: the network read back", how);
		else
			is_str(meeting_value(m, i), value_of(i, tag, buf, sizeof buf),
			       "%s: %s read back", how, f->name);
	}
}

/* The CSV text of the list: the header, or the row of the meeting "qx-fields". */
static void csv_of_list(char *out, size_t n, bool header)
{
	size_t o = (size_t)snprintf(out, n, "%s", header ? "key" : "qx-fields");
	for (int i = 0; i < MEETING_NFIELDS && o < n; i++) {
		char buf[80];
		o += (size_t)snprintf(out + o, n - o, ";%s",
		                      header ? meeting_field_list[i].csv : value_of(i, "", buf, sizeof buf));
	}
}

static void test_places(void)
{
	const cli_opt *t = cli_meeting_options();
	int nopt = 0, nform = 0;
	bool opt_place[MEETING_NFIELDS] = { false }, form_place[MEETING_NFIELDS] = { false };
	bool whole = true;
	for (int i = 0; i < MEETING_NFIELDS; i++) {
		const meeting_field_info *f = &meeting_field_list[i];
		whole = whole && *f->name && *f->csv && f->label && *f->label;
		is_int(meeting_field_index(f->name), i, "field %s is found by its name", f->name);
		if (f->opt >= 0) {
			nopt++;
			whole = whole && f->opt < MEETING_NFIELDS && !opt_place[f->opt] && f->option &&
			        f->arg && f->help;
			opt_place[f->opt < MEETING_NFIELDS ? f->opt : 0] = true;
			ok(f->opt < MEETING_NFIELDS && t[f->opt].name &&
			   strcmp(t[f->opt].name, f->option) == 0 && t[f->opt].help == f->help,
			   "--%s is an option of meeting add|edit, with its help", f->option);
		}
		if (f->form >= 0) {
			nform++;
			whole = whole && f->form < MEETING_NFIELDS && !form_place[f->form];
			form_place[f->form < MEETING_NFIELDS ? f->form : 0] = true;
		}
		ok((f->opt >= 0) == (f->form >= 0), "%s: in the form exactly when an option", f->name);
	}
	ok(whole, "every field has its names and texts; places used once");
	int n = 0;
	while (t[n].name)
		n++;
	is_int(n, nopt, "the options are the list's (%d)", nopt);
	for (int j = 0; j < nopt; j++)
		ok(opt_place[j], "option place %d is taken", j);
	for (int j = 0; j < nform; j++)
		ok(form_place[j], "form place %d is taken", j);
}

static void test_paths(db *d, const account *admin)
{
	error e;
	char header[2048], row[2048], csv[4200];
	csv_of_list(header, sizeof header, true);
	csv_of_list(row, sizeof row, false);
	snprintf(csv, sizeof csv, "%s\n%s\n", header, row);
	import_report r;
	is_int(import_csv(d, admin, XFER_MEETINGS, "m.csv", csv, strlen(csv), false, false, &r, &e),
	       ST_OK, "a meeting with every field imported");
	for (size_t i = 0; i < r.nerrors; i++)
		diag("%s", r.errors[i]);
	import_report_free(&r);
	meeting m;
	int64_t id = meeting_of_key(d, admin, "qx-fields", &m);
	ok(id > 0, "and read");
	if (id) {
		read_back(&m, "", false, "import");
		meeting_clear(&m);
	}

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	is_int(export_csv(d, admin, XFER_MEETINGS, f, ';', 0, &e), ST_OK, "the meetings exported");
	fclose(f);
	size_t h = strcspn(text, "\n");
	bool more = text[h] != '\0';
	text[h] = '\0';
	is_str(text, header, "the export's header is the list's CSV names");
	char *line = more ? strstr(text + h + 1, "qx-fields;") : NULL;
	if (line)
		line[strcspn(line, "\n")] = '\0';
	is_str(line ? line : "", row, "the meeting's row carries every field");
	free(text);

	for (int i = 0; i < MEETING_NFIELDS; i++) {
		const meeting_field_info *fi = &meeting_field_list[i];
		char buf[80];
		const char *v = value_of(i, "", buf, sizeof buf);
		/* (The title is indexed as the title, whatever the list says of the body.) */
		if (fi->kind == MK_NET || fi->kind == MK_DATE || fi->kind == MK_TOWNS ||
		    i == MEETING_F_title)
			continue;
		ok(unit_found_by(d, admin, v, HIT_MEETING, id) == fi->search, "%s: %s by the search", fi->name,
		   fi->search ? "found" : "not found");
	}

	/* The form's fields through meeting_save, on the meeting made above. */
	meeting_fields in = { .network = 1 };
	char bufs[MEETING_NFIELDS][80];
	for (int i = 0; i < MEETING_NFIELDS; i++)
		if (meeting_field_list[i].form >= 0 && meeting_field_list[i].kind != MK_NET)
			*meeting_input(&in, i) = value_of(i, "s", bufs[i], sizeof bufs[i]);
	is_int(meeting_save(d, admin, id, &in, NULL, &e), ST_OK, "the form's fields saved");
	if (meeting_get(d, admin, id, &m, &e) == ST_OK) {
		read_back(&m, "s", true, "meeting_save");
		meeting_clear(&m);
	}
}

int main(void)
{
	char path[300];
	db *d = unit_store(dir, "m.db", "2030-01-01T10:00:00Z", path, sizeof path);
	if (!d)
		return 1;
	account admin;
	unit_admin(d, &admin);
	test_places();
	test_paths(d, &admin);
	account_clear(&admin);
	db_close(&d);
	unit_remove(dir);
	return tap_done();
}
