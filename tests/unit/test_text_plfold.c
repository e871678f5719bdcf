/* test_text_plfold.c — folding for search and Polish dictionary order. */
#include "tap.h"
#include "text/plfold.h"

#include <locale.h>
#include <stdlib.h>

static void fold_is(const char *in, const char *want)
{
	char *got = pl_fold(in, strlen(in));

	is_str(got, want, "fold \"%s\"", in);
	free(got);
}

static int coll(const char *a, const char *b)
{
	return pl_collate(a, strlen(a), b, strlen(b));
}

static void before(const char *a, const char *b)
{
	ok(coll(a, b) < 0 && coll(b, a) > 0, "\"%s\" < \"%s\"", a, b);
}

static int sgn(int x)
{
	return (x > 0) - (x < 0);
}

/* Polish towns in dictionary order. */
static const char *const towns[] = {
	"Cieszyn", "Częstochowa", "Ćmielów", "Kędzierzyn", "Kędzierzyn-Koźle", "Konin",
	"Krosno", "Lubin", "Łask", "Łomża", "Łódź", "Opoczno", "Ostrowiec Świętokrzyski",
	"Ostrów Wielkopolski", "Sokołów Podlaski", "Stalowa Wola", "Starachowice", "Świdwin",
	"Zabrze", "Ząbki", "Zgierz", "Złotów", "Żary", "Żywiec",
};
#define NTOWNS (sizeof towns / sizeof towns[0])

static int qsort_cmp(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return coll(*x, *y);
}

int main(void)
{
	const char *mixed[NTOWNS];
	const char *pool[NTOWNS + 12];
	size_t i, j, k, n, bad;
	char *s;

	/* the result must not depend on the locale */
	setlocale(LC_ALL, "C");

	/* ---- folding ---- */
	fold_is("ŁOMŻA", "lomza");
	fold_is("Źródła", "zrodla");
	fold_is("Kędzierzyn-Koźle", "kedzierzyn-kozle");
	fold_is("ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "zazolc gesla jazn");
	fold_is("Straße", "strasse");
	fold_is("Ærøskøbing", "aeroskobing");
	fold_is("Dvořák, Škoda", "dvorak, skoda");
	fold_is("Ostrów Wlkp. (gm.)", "ostrow wlkp. (gm.)");
	fold_is("„Łódź” – 中文", "„lodz” – 中文");
	fold_is("Киев ΑΘΗΝΑ", "киев αθηνα");
	fold_is("zo\xCC\x81\xC5\x82w", "zolw"); /* decomposed ó */
	s = pl_fold("a\xFF" "b\xC0\xAF" "c", 7);
	is_str(s, "abc", "fold drops invalid bytes");
	free(s);
	s = pl_fold("Ł\0Ż", 5);
	ok(s && memcmp(s, "l\0z", 4) == 0, "fold is length-based (NUL kept)");
	free(s);
	s = pl_fold("", 0);
	is_str(s, "", "fold of empty");
	free(s);

	/* ---- collation: pairs named in the rules ---- */
	before("Cieszyn", "Częstochowa");
	before("Częstochowa", "Ćmielów");
	before("Lubin", "Łask");
	before("Łask", "Łomża");
	before("Łomża", "Łódź");
	before("Ostrowiec Świętokrzyski", "Ostrów Wielkopolski");
	before("Zabrze", "Ząbki");
	before("Zgierz", "Złotów");
	before("Złotów", "Żary");
	before("Żary", "Żywiec");
	before("Kędzierzyn", "Kędzierzyn-Koźle");
	before("łódź", "Łódź");
	before("Łódź", "łódźa");          /* case loses against a letter */
	before("Zz", "Źa");               /* ź is a letter after z, not a variant */
	before("Źz", "Ża");
	before("10", "9");                /* digit by digit */
	before("9", "a");                 /* digits before letters */
	before("Ab", "A b");              /* punctuation only breaks ties... */
	before("A b", "A-b");
	before("A-b", "Ac");              /* ...never before letters */
	before("Ó", "p");
	before("Éva", "Ewa");             /* é sorts as e */
	before("Ewa", "Ęwa");             /* ę does not */
	before("Straße", "Strassf");      /* ß = ss */
	before("ZA", "ZĄ");
	before("Zo\xCC\x81", "Zp");       /* decomposed ó is still ó */
	before("Zoz", "Zo\xCC\x81");
	before("zz", "Ԁ");                /* other scripts after z */
	before("Київ", "Львів");
	is_int(coll("Łódź", "Łódź"), 0, "equal strings compare 0");
	is_int(coll("", ""), 0, "empty strings compare 0");
	before("", "a");
	before("-", "a");
	ok(pl_collate(NULL, 0, "a", 1) < 0, "NULL is empty");
	ok(coll("Łódź\xFF", "Łódź\xFE") > 0 && coll("Łódź\xFE", "Łódź\xFF") < 0,
	   "invalid bytes still order deterministically");
	ok(pl_collate("a\0b", 3, "a\0c", 3) < 0, "length-based: bytes after NUL count");
	ok(sgn(coll("zo\xCC\x81", "zó")) == sgn(memcmp("zo\xCC\x81", "zó", 4)),
	   "decomposed and composed ó differ only at the byte level");
	before("ab-c", "abc-");           /* earlier punctuation first */

	/* ---- the list sorts into dictionary order from any start ---- */
	for (i = 0; i < NTOWNS; i++)
		mixed[i] = towns[(i * 7 + 3) % NTOWNS]; /* 7 is coprime with 24 */
	qsort(mixed, NTOWNS, sizeof mixed[0], qsort_cmp);
	for (bad = 0, i = 0; i < NTOWNS; i++)
		if (strcmp(mixed[i], towns[i]) != 0) {
			diag("position %zu: got %s, want %s", i, mixed[i], towns[i]);
			bad++;
		}
	is_int(bad, 0, "qsort with pl_collate gives Polish dictionary order");
	for (bad = 0, i = 0; i + 1 < NTOWNS; i++)
		if (coll(towns[i], towns[i + 1]) >= 0)
			bad++;
	is_int(bad, 0, "each town sorts before the next one");

	/* ---- total order: antisymmetric and transitive over every pair/triple ---- */
	for (n = 0; n < NTOWNS; n++)
		pool[n] = towns[n];
	pool[n++] = "łódź";
	pool[n++] = "ŁÓDŹ";
	pool[n++] = "Lodz";
	pool[n++] = "Kędzierzyn Koźle";
	pool[n++] = "KędzierzynKoźle";
	pool[n++] = "kędzierzyn-koźle";
	pool[n++] = "Zabrze 2";
	pool[n++] = "Zabrze-2";
	pool[n++] = "zo\xCC\x81";
	pool[n++] = "zó";
	pool[n++] = "\xFF";
	pool[n++] = "";
	for (bad = 0, i = 0; i < n; i++) {
		if (coll(pool[i], pool[i]) != 0)
			bad++;
		for (j = 0; j < n; j++) {
			int ij = sgn(coll(pool[i], pool[j]));
			if (ij != -sgn(coll(pool[j], pool[i])))
				bad++;
			if (i != j && ij == 0)
				bad++; /* distinct strings never tie */
			for (k = 0; k < n; k++)
				if (ij <= 0 && sgn(coll(pool[j], pool[k])) <= 0 &&
				    coll(pool[i], pool[k]) > 0)
					bad++;
		}
	}
	is_int(bad, 0, "pl_collate is a total order on %zu strings", n);
	return tap_done();
}
