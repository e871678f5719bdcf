/* ui_report.c — the network report (report.h) as a card: what a network (or every
 * network) produced, the same sections as 'empirie report', each item a link to its
 * meeting, practice or thread. The whole recorded time; the command line takes a
 * period. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/report.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_doc.h"
#include "ui/ui_screen.h"

static ui_link_kind link_of(const char *section)
{
	if (strcmp(section, "meetings") == 0)
		return LINK_MEETING;
	if (strcmp(section, "active_threads") == 0 || strcmp(section, "feedback_requests") == 0)
		return LINK_THREAD;
	return LINK_PRACTICE;
}

ui_doc *ui_report_build(ui_ctx *c, int number, char *crumb, size_t cn)
{
	report r;
	error e;
	if (report_build(c->d, c->me, number, NULL, NULL, &r, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	ui_doc *d = ui_doc_create();
	ui_doc_add(d, TH_TITLE, 0, _("What the networks produced"));
	ui_doc_add(d, TH_DIM, 0, _("The whole time recorded; for a period: empirie report --from "
	                           "YYYY-MM-DD --to YYYY-MM-DD"));
	for (size_t i = 0; i < r.n; i++) {
		const report_network *n = &r.nets[i];
		ui_doc_add(d, TH_NORMAL, 0, "");
		ui_doc_addf(d, TH_TITLE, 0, _("Network %d %s"), n->number, n->code);
		for (size_t k = 0; k < n->n_sections; k++) {
			const report_section *s = &n->sections[k];
			ui_doc_addf(d, TH_HEADING, 0, "%s (%zu)", _(s->def->title), s->total);
			if (!s->total)
				ui_doc_add(d, TH_DIM, 2, _("none in this period"));
			if (s->summary)
				ui_doc_add(d, TH_NORMAL, 2, s->summary);
			for (size_t j = 0; j < s->n; j++) {
				const report_row *w = &s->rows[j];
				char text[2048], line[2100];
				report_row_text(s, w, text, sizeof text);
				str_fitf(line, sizeof line, "→ %s", text);
				ui_doc_link(d, 2, line, link_of(s->def->key), w->id);
			}
			if (s->n < s->total)
				ui_doc_addf(d, TH_DIM, 2, ngettext("… and %zu more", "… and %zu more",
				                                   (unsigned long)(s->total - s->n)),
				            s->total - s->n);
		}
	}
	report_free(&r);
	if (number)
		snprintf(crumb, cn, _("Report: network %d"), number);
	else
		snprintf(crumb, cn, "%s", _("Report"));
	return d;
}
