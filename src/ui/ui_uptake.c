/* ui_uptake.c — see ui_uptake.h. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "core/forum.h"
#include "core/practice.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_ask.h"
#include "ui/ui_pick.h"
#include "ui/ui_uptake.h"

/* What the note's line holds: at most this many characters, so that it always fits
 * the note's limit in bytes (a character is at most 4 bytes of UTF-8). */
#define NOTE_CHARS (UPTAKE_NOTE_MAX / 4)
/* The town's own threads offered beside those linked already. */
#define TOWN_THREADS 10

/* The choice in progress: the towns the account may record for, then the stage, the
 * note and the threads. One at a time per session (a box closed with Esc calls nothing
 * back), so it is kept here and replaced by the next one rather than owned by a box. */
static struct {
	int64_t practice_id, own_city;
	city_list towns;
	size_t town;          /* the chosen one */
	bool had;             /* the chosen town has a record already */
	uptake_status status; /* as recorded */
	char *note;           /* as stored */
	char *links;          /* the linked thread ids as stored ("12 | 40") */
	thread_list offered;  /* the threads to link */
	bool *marked;         /* which of them are marked */
} uc;

static void uc_clear(void)
{
	city_list_free(&uc.towns);
	free(uc.note);
	free(uc.links);
	thread_list_free(&uc.offered);
	free(uc.marked);
	memset(&uc, 0, sizeof uc);
}

static const city *uc_town(void)
{
	return uc.town < uc.towns.n ? &uc.towns.items[uc.town] : NULL;
}

/* Whether thread id is in a list of ids separated by anything not a digit. */
static bool has_id(const char *ids, int64_t id)
{
	for (const char *p = ids; p && *p;) {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		if (v == id)
			return true;
		p = end;
	}
	return false;
}

/* The towns a may record for: its own (members and leaders), the towns of the networks
 * it coordinates, any (administrators); never the practice's own town. Its own first. */
static status uptake_towns(ui_ctx *c, int64_t own_city, city_list *out, error *e)
{
	memset(out, 0, sizeof *out);
	city_list all;
	status s = directory_cities(c->d, c->me, 0, 0, SIZE_MAX, &all, NULL, e);
	if (s != ST_OK)
		return s;
	if (!(out->items = calloc(all.n ? all.n : 1, sizeof *out->items))) {
		city_list_free(&all);
		return err_oom(e);
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < all.n; i++) {
			city *t = &all.items[i];
			bool mine = t->id == c->me->city_id;
			if (!t->name || (pass == 0) != mine || t->id == own_city ||
			    !perm_can_record_uptake(c->d, c->me, t->id))
				continue;
			out->items[out->n++] = *t;
			memset(t, 0, sizeof *t); /* moved */
		}
	city_list_free(&all);
	return ST_OK;
}

/* ---- the threads where the town asked ---- */

static ui_screen *threads_pick(ui_ctx *c, size_t sel);

static unsigned thread_chosen(ui_ctx *c, void *arg, size_t index)
{
	(void)arg;
	const city *t = uc_town();
	if (!t)
		return UI_R_REDRAW;
	if (index > 0 && index <= uc.offered.n) { /* mark or unmark, and show the list again */
		uc.marked[index - 1] = !uc.marked[index - 1];
		if (!(c->push = threads_pick(c, index))) {
			uc_clear();
			return UI_R_REDRAW;
		}
		return UI_R_PUSH;
	}
	/* Done: the marked threads, and those linked already that are not offered (the
	 * list keeps what it cannot show). */
	size_t cap = 24 * (uc.offered.n + 1) + strlen(uc.links ? uc.links : "") + 1, n = 0, k = 0;
	char *ids = malloc(cap);
	bool changed = false;
	if (!ids) {
		ui_status(c, true, "%s", _("Out of memory"));
		uc_clear();
		return UI_R_REDRAW;
	}
	ids[0] = '\0';
	for (size_t i = 0; i < uc.offered.n; i++) {
		bool was = has_id(uc.links, uc.offered.items[i].id);
		changed |= was != uc.marked[i];
		if (uc.marked[i]) {
			n += (size_t)snprintf(ids + n, cap - n, "%s%lld", n ? "," : "",
			                      (long long)uc.offered.items[i].id);
			k++;
		}
	}
	for (const char *p = uc.links; p && *p;) {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		p = end;
		bool offered = false;
		for (size_t i = 0; i < uc.offered.n && !offered; i++)
			offered = uc.offered.items[i].id == v;
		if (!offered) {
			n += (size_t)snprintf(ids + n, cap - n, "%s%lld", n ? "," : "", v);
			k++;
		}
	}
	error e;
	status s = ST_OK;
	if (changed)
		s = uptake_save(c->d, c->me, uc.practice_id, t->name, uc.status, NULL, ids, &e);
	free(ids);
	if (s != ST_OK)
		ui_status_error(c, &e);
	else if (!k)
		ui_status(c, false, _("No thread is linked to the record of %s."), t->name);
	else
		ui_status(c, false, ngettext("%s: %zu thread linked where it asked about it.",
		                             "%s: %zu threads linked where it asked about it.",
		                             (unsigned long)k),
		          t->name, k);
	uc_clear();
	return s == ST_OK ? UI_R_REDRAW | UI_R_RELOAD : UI_R_REDRAW;
}

/* "Done" first, then each thread offered with its mark. */
static ui_screen *threads_pick(ui_ctx *c, size_t sel)
{
	const city *t = uc_town();
	size_t n = uc.offered.n + 1;
	const char **labels = calloc(n, sizeof *labels);
	char **owned = calloc(n, sizeof *owned);
	ui_screen *pk = NULL;
	if (labels && owned) {
		labels[0] = _("Done: keep the marked threads");
		bool ok = true;
		for (size_t i = 0; ok && i < uc.offered.n; i++) {
			const thread *th = &uc.offered.items[i];
			size_t len = strlen(th->title) + 32;
			if ((ok = (owned[i + 1] = malloc(len)) != NULL)) {
				snprintf(owned[i + 1], len, "[%c] %s (%d)", uc.marked[i] ? 'x' : ' ',
				         th->title, th->network_number);
				labels[i + 1] = owned[i + 1];
			}
		}
		char title[300];
		str_fitf(title, sizeof title, _("Where did %s ask about it? Enter marks a thread"),
		         t ? t->name : "");
		if (ok)
			pk = ui_pick_new(c, title, labels, n, sel, thread_chosen, NULL);
		else
			ui_status(c, true, "%s", _("Out of memory"));
	} else {
		ui_status(c, true, "%s", _("Out of memory"));
	}
	for (size_t i = 0; owned && i < n; i++)
		free(owned[i]);
	free(owned);
	free(labels);
	return pk;
}

/* After the note: the threads to link, or a word on how to start one. */
static unsigned offer_threads(ui_ctx *c)
{
	const city *t = uc_town();
	error e;
	if (!t || uptake_thread_choices(c->d, c->me, uc.practice_id, t->id, TOWN_THREADS,
	                                &uc.offered, &e) != ST_OK) {
		if (t)
			ui_status_error(c, &e);
		uc_clear();
		return UI_R_REDRAW;
	}
	if (!uc.offered.n) {
		ui_status(c, false, _("No thread to link yet: ask about it with a (F3) on this card, "
		                      "then press U again."));
		uc_clear();
		return UI_R_REDRAW;
	}
	if (!(uc.marked = calloc(uc.offered.n, sizeof *uc.marked))) {
		ui_status(c, true, "%s", _("Out of memory"));
		uc_clear();
		return UI_R_REDRAW;
	}
	for (size_t i = 0; i < uc.offered.n; i++)
		uc.marked[i] = has_id(uc.links, uc.offered.items[i].id);
	if (!(c->push = threads_pick(c, 1))) {
		uc_clear();
		return UI_R_REDRAW;
	}
	return UI_R_PUSH;
}

/* ---- what the town changed ---- */

static unsigned note_given(ui_ctx *c, void *arg, const char *text)
{
	(void)arg;
	const city *t = uc_town();
	if (!t)
		return UI_R_REDRAW;
	if (!text) { /* Esc: the note stays, and nothing more is asked */
		ui_status(c, false, _("The note of %s is kept as it was."), t->name);
		uc_clear();
		return UI_R_REDRAW;
	}
	unsigned r = UI_R_REDRAW;
	if (strcmp(text, uc.note ? uc.note : "") != 0) {
		error e;
		if (uptake_save(c->d, c->me, uc.practice_id, t->name, uc.status, text, NULL, &e) !=
		    ST_OK) {
			ui_status_error(c, &e);
			uc_clear();
			return UI_R_REDRAW;
		}
		ui_status(c, false, _("Recorded what %s changed."), t->name);
		r |= UI_R_RELOAD;
	}
	return r | offer_threads(c);
}

static ui_screen *note_ask(ui_ctx *c)
{
	const city *t = uc_town();
	char title[300];
	str_fitf(title, sizeof title, _("What did %s change in it?"), t ? t->name : "");
	return ui_ask_new(c, title, _("Enter: save and go on to the threads · Esc: leave it as it was"),
	                  uc.note, NOTE_CHARS, note_given, NULL);
}

/* ---- how far the town got ---- */

static unsigned status_chosen(ui_ctx *c, void *arg, size_t index)
{
	(void)arg;
	const city *t = uc_town();
	if (!t)
		return UI_R_REDRAW;
	error e;
	status s = index < UPTAKE_N_STATUS
	           ? uptake_save(c->d, c->me, uc.practice_id, t->name, (uptake_status)index, NULL,
	                         NULL, &e)
	           : uptake_remove(c->d, c->me, uc.practice_id, t->name, &e);
	if (s != ST_OK) {
		ui_status_error(c, &e);
		uc_clear();
		return UI_R_REDRAW;
	}
	if (index >= UPTAKE_N_STATUS) {
		ui_status(c, false, _("The record of %s is taken off."), t->name);
		uc_clear();
		return UI_R_REDRAW | UI_R_RELOAD;
	}
	ui_status(c, false, _("Recorded: %s takes it up (%s)."), t->name,
	          uptake_status_label((uptake_status)index));
	uc.status = (uptake_status)index;
	if (!(c->push = note_ask(c))) {
		uc_clear();
		return UI_R_REDRAW | UI_R_RELOAD;
	}
	return UI_R_REDRAW | UI_R_RELOAD | UI_R_PUSH;
}

/* The status of the chosen town: the four, and taking its record off when it has one. */
static ui_screen *status_pick(ui_ctx *c)
{
	const city *t = uc_town();
	if (!t)
		return NULL;
	uptake_filter f = { .practice_id = uc.practice_id, .city_id = t->id };
	uptake_list ul;
	error e;
	size_t sel = 0;
	uc.had = false;
	free(uc.note), free(uc.links);
	uc.note = uc.links = NULL;
	if (uptake_list_get(c->d, c->me, &f, &ul, &e) == ST_OK) {
		if (ul.n) {
			uc.had = true;
			sel = (size_t)ul.items[0].status;
			uc.note = ul.items[0].note, ul.items[0].note = NULL;    /* moved */
			uc.links = ul.items[0].threads, ul.items[0].threads = NULL;
		}
		uptake_list_free(&ul);
	}
	const char *labels[UPTAKE_N_STATUS + 1];
	for (int i = 0; i < UPTAKE_N_STATUS; i++)
		labels[i] = uptake_status_label((uptake_status)i);
	labels[UPTAKE_N_STATUS] = _("Take the record off");
	char title[300];
	str_fitf(title, sizeof title, _("How far %s has got with it"), t->name);
	return ui_pick_new(c, title, labels, UPTAKE_N_STATUS + (uc.had ? 1 : 0), sel,
	                   status_chosen, NULL);
}

static unsigned town_chosen(ui_ctx *c, void *arg, size_t index)
{
	(void)arg;
	if (index >= uc.towns.n)
		return UI_R_REDRAW;
	uc.town = index;
	ui_screen *pk = status_pick(c);
	if (!pk)
		return UI_R_REDRAW;
	c->push = pk;
	return UI_R_PUSH;
}

unsigned ui_uptake_take_up(ui_ctx *c, int64_t id)
{
	practice p;
	error e;
	if (practice_get(c->d, c->me, id, NULL, &p, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	uc_clear();
	uc.practice_id = p.id;
	uc.own_city = p.city_id;
	status s = uptake_towns(c, p.city_id, &uc.towns, &e);
	ui_screen *pk = NULL;
	if (s != ST_OK) {
		ui_status_error(c, &e);
	} else if (!uc.towns.n) {
		ui_status(c, true, _("There is no town you may record for here (never for the "
		                     "practice's own town, %s)."), p.city);
	} else if (uc.towns.n == 1) {
		pk = status_pick(c);
	} else {
		const char **labels = calloc(uc.towns.n, sizeof *labels);
		for (size_t i = 0; labels && i < uc.towns.n; i++)
			labels[i] = uc.towns.items[i].name;
		pk = labels ? ui_pick_new(c, _("Which town takes it up"), labels, uc.towns.n, 0,
		                          town_chosen, NULL)
		            : NULL;
		free(labels);
	}
	practice_clear(&p);
	if (!pk)
		uc_clear();
	return pk ? ui_open(c, pk) : UI_R_REDRAW;
}

/* The threads where it asked, ids in text (uptake_list_get kept the visible ones), as
 * links. */
static void thread_links(ui_ctx *c, ui_doc *d, const char *ids, int indent)
{
	for (const char *p = ids; p && *p;) {
		char *end;
		long long tid = strtoll(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		p = end;
		thread th;
		error ignore;
		if (forum_thread(c->d, c->me, tid, &th, &ignore) != ST_OK)
			continue;
		char line[1200];
		str_fitf(line, sizeof line, _("→ where it asked: %s (%d)"), th.title, th.network_number);
		ui_doc_link(d, indent, line, LINK_THREAD, th.id);
		thread_clear(&th);
	}
}

void ui_uptake_details(ui_ctx *c, ui_doc *d, const uptake *u, int indent)
{
	/* The fields the list puts under the heading, each when set (uptake_fields.h). */
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		const char *v = uptake_value(u, i);
		if (!*v || f->card == UC_NO || f->card == UC_HEAD)
			continue;
		if (f->kind == UK_THREADS)
			thread_links(c, d, v, indent);
		else if (f->card == UC_LINE)
			ui_doc_add(d, TH_DIM, indent, v);
		else
			ui_doc_addf(d, TH_DIM, indent, "%s: %s", _(f->label), v);
	}
}

void ui_uptake_card(ui_ctx *c, ui_doc *d, int64_t practice_id)
{
	uptake_filter uf = { .practice_id = practice_id };
	uptake_list ul;
	error e;
	char line[1200];
	if (uptake_list_get(c->d, c->me, &uf, &ul, &e) != ST_OK)
		return;
	if (ul.n)
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Taken up by %zu town", "Taken up by %zu towns", ul.n), ul.n);
	else
		ui_doc_add(d, TH_HEADING, 0, _("Taken up by other towns"));
	for (size_t i = 0; i < ul.n; i++) {
		const uptake *u = &ul.items[i];
		str_fitf(line, sizeof line, "→ %s: %s (%.10s)", u->town,
		         uptake_status_label(u->status), u->updated_at);
		ui_doc_link(d, 2, line, LINK_CITY, u->city_id);
		ui_uptake_details(c, d, u, 4);
	}
	if (!ul.n)
		ui_doc_add(d, TH_DIM, 2, _("None recorded yet. A town that adopts it records so "
		                           "here: press U (F7)."));
	uptake_list_free(&ul);
}
