/* ui_records.c — see ui_records.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "core/practice.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_editor.h"
#include "ui/ui_fields.h"
#include "ui/ui_records.h"

/* ---- good practices ---- */

enum { PF_COUNT = PRACTICE_NFIELDS };

/* The form's fields in their order (practice_fields.h's form column); *field[j]: the
 * field at place j. */
static void practice_defs(ui_field_def *d, int *field)
{
	for (int i = 0; i < PF_COUNT; i++) {
		const practice_field_info *f = &practice_field_list[i];
		int j = f->form;
		field[j] = i;
		d[j] = (ui_field_def){ f->name, _(f->label), f->label, f->form_ml };
	}
}

/* The meetings a practice may be linked to, for the comment: the newest ones of the
 * networks the account sees. */
static void meetings_hint(ui_ctx *c, strbuf *out)
{
	meeting_list ml;
	error e;
	strbuf_append(out, _("Meetings: keys of the meetings where it was shown, separated by "
	                     "commas; the newest:"));
	if (meetings_read(c->d, c->me, 0, 0, &ml, &e) != ST_OK)
		return;
	for (size_t i = 0; i < ml.n && i < 10; i++) {
		char *when = meeting_when(&ml.items[i]);
		strbuf_appendf(out, "\n  %s  (%s, %s)", ml.items[i].key, when ? when : "",
		               ml.items[i].host);
		free(when);
	}
	meeting_list_free(&ml);
}

static status practice_submit(ui_ctx *c, int64_t target, const char *text, int64_t *id, error *e)
{
	ui_field_def defs[PF_COUNT];
	int field[PF_COUNT];
	char *v[PF_COUNT];
	int lines[PF_COUNT];
	char msg[400];
	practice_defs(defs, field);
	if (!ui_fields_parse(defs, PF_COUNT, text, v, lines, msg, sizeof msg))
		return err_set(e, ST_INVALID, "%s", msg);
	practice_fields in;
	for (int j = 0; j < PF_COUNT; j++)
		*practice_input(&in, field[j]) = v[j];
	status s = practice_save(c->d, c->me, target, &in, id, e);
	ui_fields_free(v, PF_COUNT);
	return s;
}

ui_screen *ui_practice_editor(ui_ctx *c, int64_t id, int64_t city_id)
{
	practice p = { 0 };
	error e;
	if (id) {
		if (practice_get(c->d, c->me, id, NULL, &p, &e) != ST_OK) {
			ui_status_error(c, &e);
			return NULL;
		}
		if (!perm_can_edit_practice(c->d, c->me, p.id, p.city_id)) {
			ui_status(c, true, _("Only members of %s and the coordinators of its networks may "
			                     "change this practice."), p.city);
			practice_clear(&p);
			return NULL;
		}
	} else if (!perm_can_edit_practice(c->d, c->me, 0, 0)) {
		ui_status(c, true, "%s", _("Your account may not add practices: a town's members add "
		                           "its practices."));
		return NULL;
	}
	char *town = NULL; /* the form's town: all of its name, whatever its length */
	if (!id) {
		int64_t cid = city_id ? city_id : c->me->city_id;
		city t;
		if (cid && directory_city_by_id(c->d, cid, &t, &e) == ST_OK) {
			town = t.name ? strdup(t.name) : NULL;
			city_clear(&t);
		}
	}
	ui_field_def defs[PF_COUNT];
	int field[PF_COUNT];
	practice_defs(defs, field);
	const char *vals[PF_COUNT] = { 0 };
	for (int j = 0; j < PF_COUNT; j++)
		vals[j] = id ? practice_value(&p, field[j])
		             : field[j] == PRACTICE_F_city ? (town ? town : "") : NULL;
	strbuf comment = STRBUF_INIT; /* the hint lists towns: any length */
	strbuf_appendf(&comment, "%s\n%s\n",
	               _("Write after each label, or under it for longer text. Lines starting with # "
	                 "are skipped. Leave a field empty when it is not known: nothing is invented."),
	               _("Networks: their numbers, separated by commas (e.g. 3, 5). Contact: a role or "
	                 "an office, not a private person."));
	meetings_hint(c, &comment);
	char *text = comment.failed ? NULL : ui_fields_format(defs, PF_COUNT, vals, strbuf_str(&comment));
	strbuf_free(&comment);
	char heading[512];
	if (id)
		str_fitf(heading, sizeof heading, _("Change the good practice \"%s\" (%s)"), p.title,
		         p.city);
	else
		str_fitf(heading, sizeof heading, "%s", _("A new good practice"));
	ui_screen *s = text ? ui_editor_record(c, "practice", id, heading,
	                                       id ? _("Edit practice") : _("New practice"), text,
	                                       practice_submit)
	                    : NULL;
	free(text);
	free(town);
	practice_clear(&p);
	return s;
}

/* ---- meetings ---- */

/* The form's fields in their order (meeting_fields.h's form column); *field[j]: the
 * field at place j. Returns how many there are. */
static int meeting_defs(ui_field_def *d, int *field)
{
	int n = 0;
	for (int i = 0; i < MEETING_NFIELDS; i++) {
		const meeting_field_info *f = &meeting_field_list[i];
		if (f->form < 0)
			continue;
		field[f->form] = i;
		d[f->form] = (ui_field_def){ f->name, _(f->label), f->label, f->form_ml };
		n++;
	}
	return n;
}

/* Agenda items are stored " | " separated and edited one per line. */
static char *lines_to_items(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n * 3 + 1), *o = out;
	if (!out)
		return NULL;
	bool first = true;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, "\n");
		const char *t = p;
		p += len;
		if (*p)
			p++;
		while (len && (*t == ' ' || *t == '\t' || *t == '-' || *t == '*'))
			t++, len--;
		while (len && (t[len - 1] == ' ' || t[len - 1] == '\r'))
			len--;
		if (!len)
			continue;
		if (!first)
			memcpy(o, " | ", 3), o += 3;
		memcpy(o, t, len), o += len;
		first = false;
	}
	*o = '\0';
	return out;
}

static char *items_to_lines(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = s; *p;) {
		if (strncmp(p, " | ", 3) == 0) {
			*o++ = '\n';
			p += 3;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

static status meeting_submit(ui_ctx *c, int64_t target, const char *text, int64_t *id, error *e)
{
	ui_field_def defs[MEETING_NFIELDS];
	int field[MEETING_NFIELDS];
	char *v[MEETING_NFIELDS], *items[MEETING_NFIELDS] = { 0 };
	int lines[MEETING_NFIELDS];
	char msg[400];
	int n = meeting_defs(defs, field);
	if (!ui_fields_parse(defs, n, text, v, lines, msg, sizeof msg))
		return err_set(e, ST_INVALID, "%s", msg);
	meeting_fields in = { 0 };
	const char *net = "";
	bool oom = false;
	for (int j = 0; j < n; j++) {
		meeting_kind k = meeting_field_list[field[j]].kind;
		if (k == MK_NET)
			net = v[j];
		else if (k == MK_ITEMS)
			oom |= !(*meeting_input(&in, field[j]) = items[j] = lines_to_items(v[j]));
		else
			*meeting_input(&in, field[j]) = v[j];
	}
	char *end = NULL;
	long num = strtol(net, &end, 10);
	status s;
	if (!*net || *end || num <= 0 || num > 1000000) {
		s = err_set(e, ST_INVALID, _("Field \"%s\": \"%s\" is not a network number"),
		            meeting_field_label("network"), net);
	} else if (oom) {
		s = err_oom(e);
	} else {
		in.network = (int)num;
		s = meeting_save(c->d, c->me, target > 0 ? target : 0, &in, id, e);
	}
	for (int j = 0; j < n; j++)
		free(items[j]);
	ui_fields_free(v, n);
	return s;
}

ui_screen *ui_meeting_editor(ui_ctx *c, int64_t id, int number)
{
	meeting m = { 0 };
	error e;
	if (id) {
		if (meeting_get(c->d, c->me, id, &m, &e) != ST_OK) {
			ui_status_error(c, &e);
			return NULL;
		}
		number = m.network_number;
	}
	if (!number || !perm_can_edit_meetings(c->d, c->me, number)) {
		ui_status(c, true, "%s", _("Only the network's coordinators and administrators add and "
		                           "change its meetings."));
		meeting_clear(&m);
		return NULL;
	}
	ui_field_def defs[MEETING_NFIELDS];
	int field[MEETING_NFIELDS];
	int n = meeting_defs(defs, field);
	const char *vals[MEETING_NFIELDS] = { 0 };
	char *items[MEETING_NFIELDS] = { 0 };
	char num[16];
	snprintf(num, sizeof num, "%d", number);
	for (int j = 0; j < n; j++) {
		meeting_kind k = meeting_field_list[field[j]].kind;
		if (k == MK_NET)
			vals[j] = num;
		else if (id && k == MK_ITEMS)
			vals[j] = items[j] = items_to_lines(meeting_value(&m, field[j]));
		else if (id)
			vals[j] = meeting_value(&m, field[j]);
	}
	char comment[800];
	snprintf(comment, sizeof comment, "%s\n%s",
	         _("Write after each label, or under it for longer text. Lines starting with # "
	           "are skipped."),
	         _("Days as YYYY-MM-DD (the last day may stay empty). Host: a town of the directory "
	           "or a place. Agenda and study visits: one item per line."));
	char *text = ui_fields_format(defs, n, vals, comment);
	char heading[512];
	if (id)
		str_fitf(heading, sizeof heading, _("Change the meeting \"%s\""), m.title);
	else
		snprintf(heading, sizeof heading, _("A new meeting of network %d"), number);
	ui_screen *s = text ? ui_editor_record(c, "meeting", id ? id : -(int64_t)number, heading,
	                                       id ? _("Edit meeting") : _("New meeting"), text,
	                                       meeting_submit)
	                    : NULL;
	free(text);
	for (int j = 0; j < n; j++)
		free(items[j]);
	meeting_clear(&m);
	return s;
}
