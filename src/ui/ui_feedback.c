/* ui_feedback.c — see ui_feedback.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "core/feedback.h"
#include "core/practice.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_editor.h"
#include "ui/ui_feedback.h"
#include "ui/ui_fields.h"

/* "→ 2 · 3 dni · Hrubieszów · title" as a link to the thread. */
static void link_request(ui_ctx *c, ui_doc *d, const feedback_request *r)
{
	(void)c;
	char line[1400], took[64];
	if (r->accepted_post) {
		feedback_duration(r->seconds_to_accept, took, sizeof took);
		str_fitf(line, sizeof line, _("→ %d · %s · %s · helped: %s, after %s"), r->network_number,
		         r->city, r->title, r->helper, took);
	} else {
		str_fitf(line, sizeof line,
		         ngettext("→ %d · %.10s · %s · %s · %lld answer", "→ %d · %.10s · %s · %s · %lld answers",
		                  (unsigned long)r->answers),
		         r->network_number, r->created_at, r->city, r->title, (long long)r->answers);
	}
	ui_doc_link(d, 2, line, LINK_THREAD, r->thread_id);
}

ui_doc *ui_feedback_build(ui_ctx *c, char *crumb, size_t n)
{
	feedback_list l;
	error e;
	feedback_filter f = { 0 };
	if (feedback_list_get(c->d, c->me, &f, &l, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	ui_doc *d = ui_doc_create();
	ui_doc_add(d, TH_TITLE, 0, _("Feedback requests"));
	ui_doc_add(d, TH_NORMAL, 0, _("A town asks its networks' coordinators and ZMP's experts "
	                              "for an opinion on its action; the oldest first. Enter opens "
	                              "the request."));
	if (ui_feedback_may_ask(c, 0))
		ui_doc_add(d, TH_NORMAL, 0, _("F3 asks for feedback on your town's action."));
	ui_doc_add(d, TH_NORMAL, 0, "");
	if (!l.n)
		ui_doc_add(d, TH_DIM, 2, _("No requests yet. A town's member starts one with F3 here "
		                           "or on the network's card, or with 'empirie ask'."));
	size_t waiting = 0, open = 0, closed = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (l.items[i].accepted_post)
			closed++;
		else if (feedback_answers_for(c->me, l.items[i].network_id))
			waiting++;
		else
			open++;
	}
	if (waiting) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Waiting for your opinion (%zu request)",
		                     "Waiting for your opinion (%zu requests)", waiting), waiting);
		for (size_t i = 0; i < l.n; i++)
			if (!l.items[i].accepted_post && feedback_answers_for(c->me, l.items[i].network_id))
				link_request(c, d, &l.items[i]);
	}
	if (open) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Open (%zu request)", "Open (%zu requests)", open), open);
		for (size_t i = 0; i < l.n; i++)
			if (!l.items[i].accepted_post && !feedback_answers_for(c->me, l.items[i].network_id))
				link_request(c, d, &l.items[i]);
	}
	if (closed) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Closed (%zu request)", "Closed (%zu requests)", closed), closed);
		for (size_t i = 0; i < l.n; i++)
			if (l.items[i].accepted_post)
				link_request(c, d, &l.items[i]);
	}
	feedback_list_free(&l);
	snprintf(crumb, n, "%s", _("Feedback requests"));
	return d;
}

void ui_feedback_network_field(ui_ctx *c, ui_doc *d, int number)
{
	feedback_figures fg;
	error e;
	if (feedback_stats(c->d, c->me, number, NULL, NULL, &fg, &e) != ST_OK)
		return;
	if (!fg.requests) {
		ui_doc_field(d, _("Feedback requests"), _("none yet (F3 asks for feedback on your town's action)"));
		return;
	}
	char first[64], acc[64], reqs[64], opened[64], line[512];
	feedback_duration(fg.median_first_s, first, sizeof first);
	feedback_duration(fg.median_accept_s, acc, sizeof acc);
	snprintf(reqs, sizeof reqs, ngettext("%lld request", "%lld requests", (unsigned long)fg.requests),
	         (long long)fg.requests);
	snprintf(opened, sizeof opened, ngettext("%lld open", "%lld open", (unsigned long)fg.open),
	         (long long)fg.open);
	str_fitf(line, sizeof line, _("%s, %s; median time to the first answer %s, to the accepted one %s"),
	         reqs, opened, first, acc);
	ui_doc_field(d, _("Feedback requests"), line);
}

/* The first network (number) of the account's town where it may ask, or `number` itself
 * when it may ask there; 0 when none. */
static int ask_network(ui_ctx *c, int number)
{
	if (c->me->role == ROLE_GUEST || !c->me->city_id || db_is_readonly(c->d))
		return 0;
	network_list nl;
	error e;
	if (directory_city_networks(c->d, c->me, c->me->city_id, &nl, &e) != ST_OK)
		return 0;
	int found = 0;
	for (size_t i = 0; i < nl.n && !found; i++)
		if ((!number || nl.items[i].number == number) &&
		    perm_check_post(c->d, c->me, nl.items[i].id, nl.items[i].leaders_only, &e) == ST_OK)
			found = nl.items[i].number;
	network_list_free(&nl);
	return found;
}

bool ui_feedback_may_ask(ui_ctx *c, int number)
{
	return ask_network(c, number) != 0;
}

enum { RF_NETWORK, RF_TITLE, RF_ASSESS, RF_PRACTICE, RF_TEXT, RF_COUNT };

static void request_defs(ui_field_def *d)
{
	d[RF_NETWORK] = (ui_field_def){ "network", _("Network"), "Network", false };
	d[RF_TITLE] = (ui_field_def){ "title", _("Title"), "Title", false };
	d[RF_ASSESS] = (ui_field_def){ "assess", _("To assess"), "To assess", false };
	d[RF_PRACTICE] = (ui_field_def){ "practice", _("Practice"), "Practice", false };
	d[RF_TEXT] = (ui_field_def){ "text", _("Description"), "Description", true };
}

static status request_submit(ui_ctx *c, int64_t target, const char *text, int64_t *id, error *e)
{
	(void)target;
	ui_field_def defs[RF_COUNT];
	char *v[RF_COUNT];
	int lines[RF_COUNT];
	char msg[400];
	request_defs(defs);
	if (!ui_fields_parse(defs, RF_COUNT, text, v, lines, msg, sizeof msg))
		return err_set(e, ST_INVALID, "%s", msg);
	status s = ST_OK;
	char *end;
	long number = strtol(v[RF_NETWORK], &end, 10);
	if (end == v[RF_NETWORK] || *end || number <= 0 || number > 1000)
		s = err_set(e, ST_INVALID, _("Line %d: the network is given by its number"),
		            lines[RF_NETWORK]);
	int64_t practice_id = 0;
	if (s == ST_OK && *v[RF_PRACTICE]) {
		practice p;
		long long pid = strtoll(v[RF_PRACTICE], &end, 10);
		s = practice_get(c->d, c->me, pid > 0 && !*end ? pid : 0, pid > 0 && !*end ? NULL
		                 : v[RF_PRACTICE], &p, e);
		if (s == ST_OK) {
			practice_id = p.id;
			practice_clear(&p);
		}
	}
	if (s == ST_OK)
		s = feedback_ask(c->d, c->me, (int)number, v[RF_TITLE], v[RF_TEXT], v[RF_ASSESS],
		                 practice_id, id, e);
	ui_fields_free(v, RF_COUNT);
	return s;
}

ui_screen *ui_feedback_editor(ui_ctx *c, int number)
{
	int net = ask_network(c, number);
	if (!net) {
		ui_status(c, true, "%s", _("A feedback request is a town's: only members of a town "
		                           "in the network may ask."));
		return NULL;
	}
	ui_field_def defs[RF_COUNT];
	request_defs(defs);
	char num[16];
	snprintf(num, sizeof num, "%d", net);
	const char *vals[RF_COUNT] = { num, NULL, NULL, NULL, NULL };
	const char *comment =
		_("Network: its number; its coordinators and experts see the request first. To assess: "
		  "what you want an opinion on, in one line. Practice: the key or number of your town's "
		  "good practice the request is about (may stay empty). Lines starting with # are "
		  "skipped.");
	char *text = ui_fields_format(defs, RF_COUNT, vals, comment);
	/* Draft kind "thread" with target 0: network ids start at 1, so it is never a
	 * new thread's draft. */
	ui_screen *s = text ? ui_editor_record(c, "thread", 0, _("Ask for feedback"),
	                                       _("New request"), text, request_submit)
	                    : NULL;
	free(text);
	return s;
}

char *ui_feedback_line(ui_ctx *c, int64_t thread_id, int64_t *accepted_post)
{
	feedback_request r;
	error e;
	*accepted_post = 0;
	if (feedback_get(c->d, c->me, thread_id, &r, &e) != ST_OK)
		return NULL;
	char line[1600], took[64];
	if (r.accepted_post) {
		feedback_duration(r.seconds_to_accept, took, sizeof took);
		str_fitf(line, sizeof line, _("Feedback request from %s · closed: post %lld by %s "
		                              "helped, after %s"),
		         r.city, (long long)r.accepted_post, r.helper, took);
	} else if (c->me->city_id == r.city_id && r.answers) {
		str_fitf(line, sizeof line, _("Feedback request from %s · to assess: %s · a on an "
		                              "answer marks it as the one that helped"),
		         r.city, *r.assess ? r.assess : "—");
	} else {
		str_fitf(line, sizeof line, _("Feedback request from %s · to assess: %s · open"), r.city,
		         *r.assess ? r.assess : "—");
	}
	*accepted_post = r.accepted_post;
	feedback_request_clear(&r);
	return strdup(line);
}

unsigned ui_feedback_accept(ui_ctx *c, int64_t post_id)
{
	error e;
	if (feedback_accept(c->d, c->me, post_id, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	ui_status(c, false, "%s", _("Marked as the answer that helped; the request is closed."));
	return UI_R_RELOAD | UI_R_REDRAW;
}
