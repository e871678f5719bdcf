/* ui_card.c — the cards of a network, a town, a good practice and a meeting, built as
 * documents with links (ui_doc.c), and the commands each card offers. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_doc.h"
#include "ui/ui_editor.h"
#include "ui/ui_feedback.h"
#include "ui/ui_records.h"
#include "ui/ui_screen.h"
#include "ui/ui_uptake.h"

/* "17–18 maja 2022 · Tarnów · title" as a link to the meeting's card. */
static void link_meetings(ui_doc *d, const meeting_list *ml, bool with_host)
{
	for (size_t i = 0; i < ml->n; i++) {
		const meeting *m = &ml->items[i];
		char *when = meeting_when(m);
		char line[1200];
		if (with_host && m->host && *m->host)
			str_fitf(line, sizeof line, "→ %s · %s · %s", when ? when : "", m->host, m->title);
		else
			str_fitf(line, sizeof line, "→ %s · %s", when ? when : "", m->title);
		free(when);
		ui_doc_link(d, 2, line, LINK_MEETING, m->id);
	}
}

/* A network's towns as links, each with why it is a member (else its voivodeship). */
static void link_towns(ui_doc *d, const city_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const city *t = &l->items[i];
		char line[1200];
		if (t->basis && *t->basis)
			str_fitf(line, sizeof line, "→ %s (%s)", t->name, directory_basis_label(t->basis));
		else if (t->voivodeship && *t->voivodeship)
			str_fitf(line, sizeof line, "→ %s · %s", t->name, t->voivodeship);
		else
			str_fitf(line, sizeof line, "→ %s", t->name);
		ui_doc_link(d, 2, line, LINK_CITY, t->id);
	}
}

static void link_practices(ui_doc *d, const practice_list *pl, bool with_town)
{
	for (size_t i = 0; i < pl->n; i++) {
		char line[1200];
		if (with_town)
			str_fitf(line, sizeof line, "→ %s · %s", pl->items[i].city, pl->items[i].title);
		else
			str_fitf(line, sizeof line, "→ %s", pl->items[i].title);
		ui_doc_link(d, 2, line, LINK_PRACTICE, pl->items[i].id);
	}
}

/* Items stored " | " separated, one per line with a bullet. */
static void add_items(ui_doc *d, const char *label, const char *items)
{
	if (!items || !*items)
		return;
	ui_doc_add(d, TH_HEADING, 0, label);
	for (const char *p = items; *p;) {
		const char *sep = strstr(p, " | ");
		size_t len = sep ? (size_t)(sep - p) : strlen(p);
		char line[1200];
		snprintf(line, sizeof line, "• %.*s", (int)len, p);
		ui_doc_add(d, TH_NORMAL, 2, line);
		p += len;
		if (sep)
			p += 3;
	}
}

/* A field the sources may not state: say so rather than leave it out. */
static void field_or_unknown(ui_doc *d, const char *label, const char *value)
{
	ui_doc_add(d, TH_HEADING, 0, label);
	if (value && *value)
		ui_doc_add(d, TH_NORMAL, 2, value);
	else
		ui_doc_add(d, TH_DIM, 2, _("not stated in the sources"));
}

static ui_doc *build_network(ui_ctx *c, int number, char *crumb, size_t cn)
{
	network n;
	error e;
	if (directory_network(c->d, c->me, number, &n, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	ui_doc *d = ui_doc_create();
	ui_doc_addf(d, TH_TITLE, 0, _("Network %d: %s – %s"), n.number, n.theme, n.code);
	ui_doc_add(d, TH_NORMAL, 0, "");
	ui_doc_field(d, _("Theme"), n.theme);
	ui_doc_field(d, _("English name"), n.name_en);
	ui_doc_field(d, _("Goals"), n.goals);
	ui_doc_field(d, _("Coordinators"), n.coordinators);
	if (n.leaders_only)
		ui_doc_field(d, _("Access"), _("mayors and presidents of member towns only"));
	char line[256];
	snprintf(line, sizeof line, ngettext("%d member town", "%d member towns",
	                                     (unsigned long)n.city_count), n.city_count);
	ui_doc_field(d, _("Members"), line);
	char threads[128], posts[128];
	snprintf(threads, sizeof threads,
	         ngettext("%d thread", "%d threads", (unsigned long)n.thread_count), n.thread_count);
	snprintf(posts, sizeof posts, ngettext("%lld post", "%lld posts", (unsigned long)n.post_count),
	         (long long)n.post_count);
	str_fitf(line, sizeof line, ngettext("%s, %s, %lld unread", "%s, %s, %lld unread",
	                                     (unsigned long)n.unread),
	         threads, posts, (long long)n.unread);
	ui_doc_field(d, _("Discussion"), line);
	ui_feedback_network_field(c, d, n.number);
	practice_list pl;
	practice_filter f = { .network = n.number };
	if (practice_list_get(c->d, c->me, &f, &pl, &e) == ST_OK) {
		if (pl.n) {
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Good practices (%zu practice; F8 lists them)",
			                     "Good practices (%zu practices; F8 lists them)", pl.n),
			            pl.n);
			link_practices(d, &pl, true);
		}
		practice_list_free(&pl);
	}
	meeting_list ml;
	if (meetings_read(c->d, c->me, n.number, 0, &ml, &e) == ST_OK) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Meetings (%zu meeting)", "Meetings (%zu meetings)", ml.n), ml.n);
		link_meetings(d, &ml, true);
		meeting_list_free(&ml);
	}
	/* Its towns, as `show network` lists them, each opening the town's card; after
	 * the practices and meetings, which 80×24 shows first. */
	city_list towns;
	if (directory_cities(c->d, c->me, n.number, 0, SIZE_MAX, &towns, NULL, &e) == ST_OK) {
		ui_doc_addf(d, TH_HEADING, 0, ngettext("Towns (%zu town)", "Towns (%zu towns)", towns.n),
		            towns.n);
		link_towns(d, &towns);
		city_list_free(&towns);
	}
	ui_doc_field(d, _("Source"), n.source);
	snprintf(crumb, cn, "%d %s", n.number, n.code);
	network_clear(&n);
	return d;
}

/* A field that a list (fields.h) puts on the card by itself, when it belongs to the
 * part drawn (foot: the bottom; else the top and the body). */
static void card_row(ui_doc *d, field_card card, bool foot, const char *label, const char *v)
{
	if (foot != (card == CARD_FOOT) || card == CARD_OWN)
		return;
	if (card == CARD_BODY)
		field_or_unknown(d, _(label), v);
	else if (card == CARD_ITEMS)
		add_items(d, _(label), v);
	else
		ui_doc_field(d, _(label), v);
}

/* The same for a town (city_fields.h): before its networks, practices and meetings, or
 * after them (foot). */
static void city_rows(ui_doc *d, const city *t, bool foot)
{
	for (int i = 0; i < CITY_NFIELDS; i++)
		card_row(d, city_field_list[i].card, foot, city_field_list[i].label, city_value(t, i));
}

static ui_doc *build_city(ui_ctx *c, int64_t city_id, char *crumb, size_t cn)
{
	city t;
	error e;
	if (directory_city_by_id(c->d, city_id, &t, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	ui_doc *d = ui_doc_create();
	ui_doc_add(d, TH_TITLE, 0, t.name);
	ui_doc_add(d, TH_NORMAL, 0, "");
	if (t.voivodeship && *t.voivodeship) {
		char v[512];
		str_fitf(v, sizeof v, "%s (%s)", t.voivodeship,
		         t.voivodeship_basis && strcmp(t.voivodeship_basis, "source") == 0
		                 ? _("from a cited source")
		                 : _("from general knowledge, unverified"));
		ui_doc_field(d, _(city_field_list[CITY_F_voivodeship].label), v);
	}
	ui_doc_field(d, _(city_field_list[CITY_F_programme_status].label),
	             directory_status_label(t.programme_status));
	city_rows(d, &t, false);
	network_list nl;
	if (directory_city_networks(c->d, c->me, t.id, &nl, &e) == ST_OK) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Networks (%zu network)", "Networks (%zu networks)", nl.n), nl.n);
		for (size_t i = 0; i < nl.n; i++) {
			char line[700];
			str_fitf(line, sizeof line, "→ %d. %s – %s", nl.items[i].number, nl.items[i].theme,
			         nl.items[i].code);
			ui_doc_link(d, 2, line, LINK_NETWORK, nl.items[i].number);
		}
		network_list_free(&nl);
	}
	practice_list pl;
	practice_filter f = { .city_id = t.id };
	if (practice_list_get(c->d, c->me, &f, &pl, &e) == ST_OK) {
		if (pl.n) {
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Good practices (%zu practice)", "Good practices (%zu practices)",
			                     pl.n),
			            pl.n);
			link_practices(d, &pl, false);
		}
		practice_list_free(&pl);
	}
	/* What the town took up from other towns (uptake.h). */
	uptake_filter uf = { .city_id = t.id };
	uptake_list ul;
	if (uptake_list_get(c->d, c->me, &uf, &ul, &e) == ST_OK) {
		if (ul.n)
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Took up %zu practice of another town",
			                     "Took up %zu practices of other towns", ul.n), ul.n);
		for (size_t i = 0; i < ul.n; i++) {
			char line[1200];
			str_fitf(line, sizeof line, "→ %s (%s): %s", ul.items[i].practice_title,
			         ul.items[i].practice_city, uptake_status_label(ul.items[i].status));
			ui_doc_link(d, 2, line, LINK_PRACTICE, ul.items[i].practice_id);
			ui_uptake_details(c, d, &ul.items[i], 4); /* what it changed, where it asked */
		}
		uptake_list_free(&ul);
	}
	meeting_list ml;
	if (meetings_read(c->d, c->me, 0, t.id, &ml, &e) == ST_OK) {
		if (ml.n) {
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Hosted %zu meeting", "Hosted %zu meetings", ml.n), ml.n);
			link_meetings(d, &ml, false);
		}
		meeting_list_free(&ml);
	}
	ui_doc_field(d, _("Contacts"), _("none recorded (the public sources name no contact people)"));
	city_rows(d, &t, true);
	snprintf(crumb, cn, "%s", t.name);
	city_clear(&t);
	return d;
}

static void practice_rows(ui_doc *d, const practice *p, bool foot)
{
	for (int i = 0; i < PRACTICE_NFIELDS; i++)
		card_row(d, practice_field_list[i].card, foot, practice_field_list[i].label,
		         practice_value(p, i));
}

/* The same for a meeting (meeting_fields.h): before its town, practices and thread, or
 * after them (foot). */
static void meeting_rows(ui_doc *d, const meeting *m, bool foot)
{
	for (int i = 0; i < MEETING_NFIELDS; i++)
		card_row(d, meeting_field_list[i].card, foot, meeting_field_list[i].label,
		         meeting_value(m, i));
}

static ui_doc *build_practice(ui_ctx *c, int64_t id, char *crumb, size_t cn)
{
	practice p;
	error e;
	if (practice_get(c->d, c->me, id, NULL, &p, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	ui_doc *d = ui_doc_create();
	ui_doc_add(d, TH_TITLE, 0, p.title);
	ui_doc_addf(d, TH_DIM, 0, _("A good practice of %s"), p.city);
	ui_doc_add(d, TH_HEADING, 0, _("Town"));
	char line[1200];
	if (*p.voivodeship)
		str_fitf(line, sizeof line, "→ %s (%s)", p.city, p.voivodeship);
	else
		str_fitf(line, sizeof line, "→ %s", p.city);
	ui_doc_link(d, 2, line, LINK_CITY, p.city_id);
	if (*p.networks) {
		ui_doc_add(d, TH_HEADING, 0, _("Networks"));
		for (const char *q = p.networks; *q;) {
			char *end;
			long num = strtol(q, &end, 10);
			if (end == q) {
				q++;
				continue;
			}
			q = end;
			network n;
			if (directory_network(c->d, c->me, (int)num, &n, &e) != ST_OK)
				continue;
			str_fitf(line, sizeof line, "→ %d. %s – %s", n.number, n.theme, n.code);
			ui_doc_link(d, 2, line, LINK_NETWORK, n.number);
			network_clear(&n);
		}
	}
	practice_rows(d, &p, false);
	meeting_list ml;
	if (practice_meetings(c->d, c->me, p.id, &ml, &e) == ST_OK) {
		if (ml.n) {
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Shown at %zu meeting", "Shown at %zu meetings", ml.n), ml.n);
			link_meetings(d, &ml, true);
		}
		meeting_list_free(&ml);
	}
	thread_list tl;
	if (practice_threads(c->d, c->me, p.id, &tl, &e) == ST_OK) {
		if (tl.n)
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Discussed in %zu thread", "Discussed in %zu threads", tl.n),
			            tl.n);
		else
			ui_doc_add(d, TH_HEADING, 0, _("Discussion"));
		for (size_t i = 0; i < tl.n; i++) {
			str_fitf(line, sizeof line, "→ %s (%d)", tl.items[i].title,
			         tl.items[i].network_number);
			ui_doc_link(d, 2, line, LINK_THREAD, tl.items[i].id);
		}
		if (!tl.n)
			ui_doc_add(d, TH_DIM, 2, _("No thread yet: press a (F3) to ask the town about it."));
		thread_list_free(&tl);
	}
	ui_uptake_card(c, d, p.id); /* which towns took it up, how far they got */
	practice_rows(d, &p, true);
	snprintf(crumb, cn, "%s", p.title);
	practice_clear(&p);
	return d;
}

static ui_doc *build_meeting(ui_ctx *c, int64_t id, char *crumb, size_t cn)
{
	meeting m;
	error e;
	if (meeting_get(c->d, c->me, id, &m, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	ui_doc *d = ui_doc_create();
	ui_doc_add(d, TH_TITLE, 0, m.title);
	char *when = meeting_when(&m);
	bool planned = meeting_is_planned(&m);
	char line[1200];
	str_fitf(line, sizeof line, "%s%s", when ? when : "", planned ? _(" (planned)") : "");
	free(when);
	ui_doc_add(d, planned ? TH_UNREAD : TH_DIM, 0, line);
	network n;
	if (directory_network(c->d, c->me, m.network_number, &n, &e) == ST_OK) {
		ui_doc_add(d, TH_HEADING, 0, _("Network"));
		str_fitf(line, sizeof line, "→ %d. %s – %s", n.number, n.theme, n.code);
		ui_doc_link(d, 2, line, LINK_NETWORK, n.number);
		network_clear(&n);
	}
	if (m.host && *m.host) {
		city t;
		ui_doc_add(d, TH_HEADING, 0, _("Host"));
		bool found = directory_city(c->d, m.host, &t, &e) == ST_OK;
		if (found && strcmp(t.name, m.host) == 0) {
			str_fitf(line, sizeof line, "→ %s", m.host);
			ui_doc_link(d, 2, line, LINK_CITY, t.id);
		} else {
			ui_doc_add(d, TH_NORMAL, 2, m.host);
		}
		if (found)
			city_clear(&t);
	}
	meeting_rows(d, &m, false);
	if (c->me->city_id && c->me->city_name && *c->me->city_name) {
		bool attends = false, declared = false;
		if (meeting_town_attends(c->d, m.id, c->me->city_id, &attends, &declared, &e) == ST_OK) {
			const char *what = attends && declared ? _("%s: signed up by its members")
			                   : attends         ? _("%s: listed in the published report")
			                   : planned         ? _("%s: not signed up (a: sign up)")
			                                     : _("%s: not listed");
			snprintf(line, sizeof line, what, c->me->city_name);
			ui_doc_add(d, TH_HEADING, 0, _("Your town"));
			ui_doc_add(d, TH_NORMAL, 2, line);
		}
	}
	practice_list pl;
	practice_filter f = { .meeting_id = m.id };
	if (practice_list_get(c->d, c->me, &f, &pl, &e) == ST_OK) {
		if (pl.n) {
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Good practice shown (%zu)", "Good practices shown (%zu)", pl.n),
			            pl.n);
			link_practices(d, &pl, true);
		}
		practice_list_free(&pl);
	}
	ui_doc_add(d, TH_HEADING, 0, _("Thread"));
	if (m.thread_id) {
		thread t;
		if (forum_thread(c->d, c->me, m.thread_id, &t, &e) == ST_OK) {
			str_fitf(line, sizeof line, ngettext("→ %s (%lld post)", "→ %s (%lld posts)",
			                                     (unsigned long)t.post_count),
			         t.title, (long long)t.post_count);
			ui_doc_link(d, 2, line, LINK_THREAD, t.id);
			thread_clear(&t);
		}
	} else {
		ui_doc_link(d, 2, _("→ Start the meeting's thread"), LINK_NEW_MEETING_THREAD, m.id);
	}
	meeting_rows(d, &m, true);
	snprintf(crumb, cn, "%s", m.title);
	meeting_clear(&m);
	return d;
}

ui_doc *ui_card_build(ui_ctx *c, ui_card_kind card, int64_t id, char *crumb, size_t n)
{
	switch (card) {
	case CARD_NETWORK: return build_network(c, (int)id, crumb, n);
	case CARD_CITY: return build_city(c, id, crumb, n);
	case CARD_PRACTICE: return build_practice(c, id, crumb, n);
	case CARD_MEETING: return build_meeting(c, id, crumb, n);
	case CARD_REPORT: return ui_report_build(c, (int)id, crumb, n);
	case CARD_REQUESTS: return ui_feedback_build(c, crumb, n);
	default: return NULL;
	}
}

static ui_screen *card(ui_ctx *c, unsigned kind, ui_card_kind which, int64_t id)
{
	char crumb[300] = "";
	ui_doc *d = ui_card_build(c, which, id, crumb, sizeof crumb);
	return d ? ui_doc_card(c, kind, which, id, crumb, d) : NULL;
}

ui_screen *ui_card_network(ui_ctx *c, int number)
{
	return card(c, SC_CARD, CARD_NETWORK, number);
}

ui_screen *ui_card_city(ui_ctx *c, int64_t city_id)
{
	return card(c, SC_CARD, CARD_CITY, city_id);
}

ui_screen *ui_report_new(ui_ctx *c, int number)
{
	return card(c, SC_CARD, CARD_REPORT, number);
}

ui_screen *ui_card_requests(ui_ctx *c)
{
	return card(c, SC_CARD, CARD_REQUESTS, 0);
}

ui_screen *ui_card_practice(ui_ctx *c, int64_t id)
{
	return card(c, SC_PRACTICE, CARD_PRACTICE, id);
}

ui_screen *ui_card_meeting(ui_ctx *c, int64_t id)
{
	return card(c, SC_MEETING, CARD_MEETING, id);
}

/* A title made to fit a thread's title: cut at a character, with "…" when cut. */
static void fit_title(char *s)
{
	size_t n = strlen(s);
	if (n <= FORUM_TITLE_MAX)
		return;
	n = FORUM_TITLE_MAX - 3; /* room for "…" */
	while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	strcpy(s + n, "…");
}

/* The first network of the practice where the account may start a thread; 0: none. */
static int ask_network(ui_ctx *c, const practice *p, int64_t *net_id)
{
	error e;
	for (const char *q = p->networks; *q;) {
		char *end;
		long num = strtol(q, &end, 10);
		if (end == q) {
			q++;
			continue;
		}
		q = end;
		network n;
		if (directory_network(c->d, c->me, (int)num, &n, &e) != ST_OK)
			continue;
		bool ok = perm_check_post(c->d, c->me, n.id, n.leaders_only, &e) == ST_OK;
		if (ok)
			*net_id = n.id;
		network_clear(&n);
		if (ok)
			return (int)num;
	}
	return 0;
}

static unsigned ask_town(ui_ctx *c, int64_t id)
{
	practice p;
	error e;
	if (practice_get(c->d, c->me, id, NULL, &p, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	int64_t net_id = 0;
	int number = ask_network(c, &p, &net_id);
	ui_screen *s = NULL;
	if (!number) {
		ui_status(c, true, "%s", _("Your account may not write in this practice's networks."));
	} else {
		char title[2048];
		str_fitf(title, sizeof title, _("Question about \"%s\" (%s)"), p.title, p.city);
		fit_title(title);
		/* The body is the user's text to edit: all of the practice's title, never cut. */
		char *body = str_printf(_("About the good practice \"%s\" of %s.\n\n"), p.title, p.city);
		if (body)
			s = ui_editor_new_thread_linked(c, number, net_id, title, body, 0, p.id);
		else
			ui_status(c, true, "%s", _("Out of memory"));
		free(body);
	}
	practice_clear(&p);
	return s ? ui_open(c, s) : UI_R_REDRAW;
}

static unsigned toggle_attend(ui_ctx *c, int64_t id)
{
	bool attends = false, declared = false;
	error e;
	if (meeting_town_attends(c->d, id, c->me->city_id, &attends, &declared, &e) != ST_OK ||
	    meeting_attend(c->d, c->me, id, !attends, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	ui_status(c, false, !attends ? _("%s is signed up for this meeting.")
	                             : _("%s is no longer signed up for this meeting."),
	          c->me->city_name);
	return UI_R_REDRAW | UI_R_RELOAD;
}

unsigned ui_card_command(ui_ctx *c, ui_card_kind which, int64_t id, ui_cmd_id cmd)
{
	switch (which) {
	case CARD_REQUESTS:
		if (cmd == CMD_NEW_REQUEST)
			return ui_open(c, ui_feedback_editor(c, 0));
		break;
	case CARD_NETWORK:
		if (cmd == CMD_REPORT)
			return ui_open(c, ui_report_new(c, (int)id));
		if (cmd == CMD_NEW_REQUEST)
			return ui_open(c, ui_feedback_editor(c, (int)id));
		if (cmd == CMD_PRACTICES)
			return ui_open(c, ui_practices_new(c, (int)id, 0));
		if (cmd == CMD_MEETINGS)
			return ui_open(c, ui_meetings_new(c, (int)id, 0));
		break;
	case CARD_CITY:
		if (cmd == CMD_PRACTICES)
			return ui_open(c, ui_practices_new(c, 0, id));
		if (cmd == CMD_MEETINGS)
			return ui_open(c, ui_meetings_new(c, 0, id));
		break;
	case CARD_PRACTICE:
		if (cmd == CMD_ASK)
			return ask_town(c, id);
		if (cmd == CMD_EDIT_ITEM)
			return ui_open(c, ui_practice_editor(c, id, 0));
		if (cmd == CMD_TAKE_UP)
			return ui_uptake_take_up(c, id);
		if (cmd == CMD_MEETINGS) {
			practice p;
			error e;
			int net = 0;
			if (practice_get(c->d, c->me, id, NULL, &p, &e) == ST_OK) {
				net = atoi(p.networks);
				practice_clear(&p);
			}
			return ui_open(c, ui_meetings_new(c, net, 0));
		}
		break;
	case CARD_MEETING:
		if (cmd == CMD_ATTEND)
			return toggle_attend(c, id);
		if (cmd == CMD_EDIT_ITEM)
			return ui_open(c, ui_meeting_editor(c, id, 0));
		if (cmd == CMD_PRACTICES) {
			meeting m;
			error e;
			int net = 0;
			if (meeting_get(c->d, c->me, id, &m, &e) == ST_OK) {
				net = m.network_number;
				meeting_clear(&m);
			}
			return ui_open(c, ui_practices_new(c, net, 0));
		}
		break;
	default: break;
	}
	return UI_R_UNHANDLED;
}

unsigned ui_card_pre(ui_ctx *c, ui_card_kind which, int64_t id)
{
	unsigned pre = 0;
	error e;
	if (db_is_readonly(c->d))
		return 0; /* nothing can be written: the key bar dims it, the message says why */
	if ((which == CARD_REQUESTS && ui_feedback_may_ask(c, 0)) ||
	    (which == CARD_NETWORK && ui_feedback_may_ask(c, (int)id)))
		pre |= PRE_WRITE;
	if (which == CARD_PRACTICE) {
		practice p;
		if (practice_get(c->d, c->me, id, NULL, &p, &e) != ST_OK)
			return 0;
		int64_t net_id;
		if (ask_network(c, &p, &net_id))
			pre |= PRE_WRITE;
		if (perm_can_edit_practice(c->d, c->me, p.id, p.city_id))
			pre |= PRE_EDIT_ITEM;
		if (perm_can_record_uptake_of(c->d, c->me, p.city_id))
			pre |= PRE_TAKE_UP;
		practice_clear(&p);
	} else if (which == CARD_MEETING) {
		meeting m;
		if (meeting_get(c->d, c->me, id, &m, &e) != ST_OK)
			return 0;
		if (perm_can_edit_meetings(c->d, c->me, m.network_number))
			pre |= PRE_EDIT_ITEM;
		network n;
		bool attends = false, declared = false;
		if (c->me->city_id &&
		    meeting_town_attends(c->d, m.id, c->me->city_id, &attends, &declared, &e) == ST_OK &&
		    (meeting_is_planned(&m) || declared) &&
		    directory_network(c->d, c->me, m.network_number, &n, &e) == ST_OK) {
			if (perm_check_post(c->d, c->me, n.id, n.leaders_only, &e) == ST_OK)
				pre |= PRE_ATTEND;
			network_clear(&n);
		}
		meeting_clear(&m);
	}
	return pre;
}

unsigned ui_link_open(ui_ctx *c, ui_link_kind k, int64_t id)
{
	switch (k) {
	case LINK_NETWORK: return ui_open(c, ui_card_network(c, (int)id));
	case LINK_CITY: return ui_open(c, ui_card_city(c, id));
	case LINK_THREAD: return ui_open(c, ui_reader_new(c, id, 0));
	case LINK_MEETING: return ui_open(c, ui_card_meeting(c, id));
	case LINK_PRACTICE: return ui_open(c, ui_card_practice(c, id));
	case LINK_NEW_MEETING_THREAD: {
		meeting m;
		network n;
		error e;
		if (meeting_get(c->d, c->me, id, &m, &e) != ST_OK) {
			ui_status_error(c, &e);
			return UI_R_REDRAW;
		}
		ui_screen *s = NULL;
		if (directory_network(c->d, c->me, m.network_number, &n, &e) == ST_OK) {
			char title[2048];
			str_fitf(title, sizeof title, "%s", m.title);
			fit_title(title);
			if (perm_check_post(c->d, c->me, n.id, n.leaders_only, &e) == ST_OK)
				s = ui_editor_new_thread_linked(c, n.number, n.id, title, "", m.id, 0);
			else
				ui_status_error(c, &e);
			network_clear(&n);
		}
		meeting_clear(&m);
		return s ? ui_open(c, s) : UI_R_REDRAW;
	}
	default: return UI_R_NONE;
	}
}
