/* fields.h — what the field lists of the record kinds (practice_fields.h,
 * meeting_fields.h) share: where a field goes on its card, and the helpers that turn a
 * list's rows into struct members and the SQL of the searchable text. Each list is an
 * X-macro F(name, kind, …) whose kind says how the field is stored and read; a file
 * picks what it needs of each kind with LIST_IF_<KIND> dispatch of its own. */
#ifndef EMPIRIE_CORE_FIELDS_H
#define EMPIRIE_CORE_FIELDS_H

/* Where a field is on its record's card:
 *   CARD_OWN   drawn by hand (a link, a heading of its own, or not at all)
 *   CARD_HEAD  shown when set, at the top
 *   CARD_ITEMS shown when set, at the top, as a list of its " | "-separated items
 *   CARD_BODY  shown always, "not stated" when empty
 *   CARD_FOOT  shown when set, at the bottom */
typedef enum { CARD_OWN, CARD_HEAD, CARD_ITEMS, CARD_BODY, CARD_FOOT } field_card;

/* Struct members of a field of text: stored (owned) or given (borrowed). */
#define FIELD_OWNED_(n) char *n;
#define FIELD_GIVEN_(n) const char *n;

/* One piece of the searchable text, as SQL over a column: search 1, the column and a
 * blank; 0, nothing. A list's text ends with '' (fields.h users append it). */
#define FIELD_SEARCH_0(col)
#define FIELD_SEARCH_1(col) #col " || ' ' || "

/* A stored column as SQL, with a leading comma: its name (", theme"), its named
 * parameter (", :theme") and its update from the row refused by a key (ON CONFLICT). */
#define FIELD_COL_NAME_(n) ", " #n
#define FIELD_PARAM_(n) ", :" #n
#define FIELD_SET_(n) ", " #n " = excluded." #n

#endif
