/* townforms.c — see townforms.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/bundled.h"
#include "core/townforms.h"
#include "text/plfold.h"

/* A word ending in `end` drops `cut` bytes of it and takes each of the endings (the
 * oblique cases: genitive, dative, accusative, instrumental, locative; the nominative
 * stays as it is). The first rule whose ending matches applies. Spelled with Polish
 * letters, compared after folding nothing: the names are stored as written. */
typedef struct {
	const char *end;
	size_t cut;
	const char *forms[7];
} decl_rule;

static const decl_rule rules[] = {
	/* adjectives: Świętokrzyski, Wielkopolski, Podlaski, Mazowiecki; Stalowa, Jelenia */
	{ "ski", 1, { "iego", "iemu", "im" } },
	{ "cki", 1, { "iego", "iemu", "im" } },
	{ "owa", 1, { "ej", "ą" } },
	{ "nia", 1, { "ej", "ą" } },
	/* plurals: Starachowice, Rydułtowy, Żary */
	{ "ice", 1, { "", "om", "ami", "ach" } },
	{ "owy", 3, { "ów", "owom", "owami", "owach" } },
	{ "ary", 1, { "", "om", "ami", "ach" } },
	/* feminine in -a: Hajnówka, Legnica, Łomża, Rumia, Góra, Wola, Piła */
	{ "ka", 2, { "ki", "ce", "kę", "ką" } },
	{ "ca", 1, { "y", "ę", "ą" } },
	{ "ża", 1, { "y", "ę", "ą" } },
	{ "ia", 1, { "", "ę", "ą" } },
	{ "ra", 2, { "ry", "rze", "rę", "rą" } },
	{ "la", 1, { "i", "ę", "ą" } },
	{ "ła", 2, { "ły", "le", "łę", "łą" } },
	/* neuter in -o and -e: Jasło, Krosno, Opoczno, Nisko; Zabrze, Zawiercie, Koźle */
	{ "sło", 3, { "sła", "słu", "słem", "śle" } },
	{ "sno", 3, { "sna", "snu", "snem", "śnie" } },
	{ "ko", 1, { "a", "u", "iem" } },
	{ "no", 1, { "a", "u", "em", "ie" } },
	{ "e", 1, { "a", "u", "em" } },
	/* masculine: the mobile e of Żywiec, Ostrowiec, Mielec, Włocławek */
	{ "iec", 3, { "ca", "cu", "cem", "cowi" } },
	{ "ec", 2, { "ca", "cu", "cem", "cowi" } },
	{ "ek", 2, { "ka", "ku", "kiem", "kowi" } },
	/* Goleniów, Tarnów, Złotów, Sokołów, Ostrów, Tomaszów, Hrubieszów */
	{ "ów", 2, { "owa", "owu", "owem", "owowi", "owie" } },
	/* Jarosław: a soft w */
	{ "sław", 0, { "ia", "iu", "iem", "iowi" } },
	/* Cieszyn, Jarocin, Konin, Świdwin, Kędzierzyn: locative in -ie */
	{ "n", 0, { "a", "u", "em", "owi", "ie" } },
	/* Biłgoraj, Przemyśl, Zgierz and the rest */
	{ "", 0, { "a", "u", "em", "owi" } },
};

typedef struct {
	char *form, *lemma;
} form_entry;

static form_entry *table;
static size_t n_table, cap_table;
static int built;

static int ends_with(const char *w, const char *end)
{
	size_t n = strlen(w), m = strlen(end);
	return n >= m && memcmp(w + n - m, end, m) == 0;
}

static void add_form(const char *form, size_t len, const char *lemma)
{
	if (n_table == cap_table) {
		size_t cap = cap_table ? cap_table * 2 : 256;
		form_entry *t = realloc(table, cap * sizeof *t);
		if (!t)
			return;
		table = t;
		cap_table = cap;
	}
	char *f = pl_fold(form, len), *l = strdup(lemma);
	if (!f || !l || !*f) {
		free(f);
		free(l);
		return;
	}
	table[n_table++] = (form_entry){ f, l };
}

/* Every form of one word of a name (as written, e.g. "Żywiec"). */
static void decline(const char *word, size_t len)
{
	char w[128], buf[160];
	if (len == 0 || len >= sizeof w)
		return;
	memcpy(w, word, len);
	w[len] = '\0';
	char *lemma = pl_fold(w, len);
	if (!lemma)
		return;
	add_form(w, len, lemma);
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
		if (!ends_with(w, rules[r].end) || len <= rules[r].cut + 1)
			continue;
		size_t stem = len - rules[r].cut;
		for (size_t f = 0; f < 7 && rules[r].forms[f]; f++) {
			size_t m = strlen(rules[r].forms[f]);
			if (stem + m >= sizeof buf)
				continue;
			memcpy(buf, w, stem);
			memcpy(buf + stem, rules[r].forms[f], m);
			add_form(buf, stem + m, lemma);
		}
		break;
	}
	free(lemma);
}

static int cmp_form(const void *a, const void *b)
{
	return strcmp(((const form_entry *)a)->form, ((const form_entry *)b)->form);
}

static int cmp_key(const void *key, const void *b)
{
	return strcmp(key, ((const form_entry *)b)->form);
}

static void build(void)
{
	built = 1;
	const char *p = bundled_cities_csv, *end = p + bundled_cities_csv_len;
	p = memchr(p, '\n', (size_t)(end - p)); /* the header */
	while (p && ++p < end) {
		size_t line = strcspn(p, "\n"), name = strcspn(p, ",\n\"");
		if (name < line && p[name] == ',') {
			/* the words of the name: split on spaces and hyphens */
			for (size_t i = 0; i < name;) {
				size_t w = strcspn(p + i, " -,");
				if (w > name - i)
					w = name - i;
				decline(p + i, w);
				i += w + 1;
			}
		}
		p = memchr(p, '\n', (size_t)(end - p));
	}
	qsort(table, n_table, sizeof *table, cmp_form);
}

const char *townform_lemma(const char *folded)
{
	if (!built)
		build();
	if (!n_table)
		return NULL;
	form_entry *hit = bsearch(folded, table, n_table, sizeof *table, cmp_key);
	return hit ? hit->lemma : NULL;
}
