/* ui_card.c — the cards of a network and of a town, built as documents. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "i18n.h"
#include "ui/ui_doc.h"
#include "ui/ui_screen.h"

static void add_meetings(ui_doc *d, const meeting_list *ml, bool with_topics)
{
	for (size_t i = 0; i < ml->n; i++) {
		const meeting *m = &ml->items[i];
		ui_doc_addf(d, TH_NORMAL, 2, "%s  %s", m->date_text ? m->date_text : "",
		            m->title ? m->title : "");
		if (m->host && *m->host)
			ui_doc_addf(d, TH_DIM, 4, _("Host: %s"), m->host);
		if (with_topics && m->topics && *m->topics)
			ui_doc_add(d, TH_DIM, 4, m->topics);
	}
}

ui_screen *ui_card_network(ui_ctx *c, int number)
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
	snprintf(line, sizeof line, ngettext("%s, %s, %lld unread", "%s, %s, %lld unread",
	                                     (unsigned long)n.unread),
	         threads, posts, (long long)n.unread);
	ui_doc_field(d, _("Discussion"), line);
	meeting_list ml;
	if (directory_meetings(c->d, c->me, n.number, 0, &ml, &e) == ST_OK) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Meetings (%zu meeting)", "Meetings (%zu meetings)", ml.n), ml.n);
		add_meetings(d, &ml, true);
		meeting_list_free(&ml);
	}
	ui_doc_field(d, _("Source"), n.source);
	char crumb[300];
	snprintf(crumb, sizeof crumb, "%d %s", n.number, n.code);
	network_clear(&n);
	return ui_doc_screen(c, SC_CARD, crumb, d);
}

ui_screen *ui_card_city(ui_ctx *c, int64_t city_id)
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
		snprintf(v, sizeof v, "%s (%s)", t.voivodeship,
		         t.voivodeship_basis && strcmp(t.voivodeship_basis, "source") == 0
		                 ? _("from a cited source")
		                 : _("from general knowledge, unverified"));
		ui_doc_field(d, _("Voivodeship"), v);
	}
	ui_doc_field(d, _("Programme"), directory_status_label(t.programme_status));
	ui_doc_field(d, _("Project"), t.project_title);
	ui_doc_field(d, _("Project source"), t.project_source);
	network_list nl;
	if (directory_city_networks(c->d, c->me, t.id, &nl, &e) == ST_OK) {
		ui_doc_addf(d, TH_HEADING, 0,
		            ngettext("Networks (%zu network)", "Networks (%zu networks)", nl.n), nl.n);
		for (size_t i = 0; i < nl.n; i++)
			ui_doc_addf(d, TH_NORMAL, 2, "%d. %s – %s", nl.items[i].number, nl.items[i].theme,
			            nl.items[i].code);
		network_list_free(&nl);
	}
	meeting_list ml;
	if (directory_meetings(c->d, c->me, 0, t.id, &ml, &e) == ST_OK) {
		if (ml.n) {
			ui_doc_addf(d, TH_HEADING, 0,
			            ngettext("Hosted %zu meeting", "Hosted %zu meetings", ml.n), ml.n);
			add_meetings(d, &ml, false);
		}
		meeting_list_free(&ml);
	}
	ui_doc_field(d, _("Contacts"), _("none recorded (the public sources name no contact people)"));
	ui_doc_field(d, _("Source"), t.source);
	ui_screen *s = ui_doc_screen(c, SC_CARD, t.name, d);
	city_clear(&t);
	return s;
}
