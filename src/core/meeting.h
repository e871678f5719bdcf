/* meeting.h — writing meetings (network coordinators) and declaring a town's
 * attendance (its members). Reading is in directory.h. */
#ifndef EMPIRIE_CORE_MEETING_H
#define EMPIRIE_CORE_MEETING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"

typedef struct {
	int network;                      /* network number */
	const char *date_start, *date_end; /* YYYY-MM-DD; end may be empty */
	const char *host;                 /* a town of the directory, or any place */
	const char *format, *title, *topics, *study_visits, *summary, *source;
} meeting_fields;

/* The translated label of a field (error messages, the editor). */
const char *meeting_field_label(const char *field);

/* Add (id 0) or change a meeting: the network's coordinators and administrators; one
 * transaction with an audit entry and the search index. Errors name the field. */
status meeting_save(db *d, const account *a, int64_t id, const meeting_fields *in,
                    int64_t *out_id, error *e);

/* The meeting's dates for people: the published wording when there is one ("maj
 * 2022"), else "17–18 May 2022" in the interface language. Newly allocated. */
char *meeting_when(const meeting *m);

/* Whether the meeting is still ahead (its last day is today or later, local time). */
bool meeting_is_planned(const meeting *m);

/* Whether a's town is listed as attending; *declared tells whether its own member
 * said so (as opposed to a published report). */
status meeting_town_attends(db *d, int64_t meeting_id, int64_t city_id, bool *attends,
                            bool *declared, error *e);
/* A member says their town will (or will not) attend a planned meeting of a network
 * the town belongs to. */
status meeting_attend(db *d, const account *a, int64_t meeting_id, bool attend, error *e);

/* Whether s is a real calendar date written YYYY-MM-DD. */
bool meeting_date_valid(const char *s);

#endif
