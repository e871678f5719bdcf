/* speller.c — see speller.h. Hunspell wants words in its dictionary's encoding
 * (ISO-8859-2 for pl_PL): iconv converts both ways. */
#include "config.h"

#include <errno.h>
#include <hunspell.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text/hunspell_guard.h"
#include "text/speller.h"

struct speller {
	Hunhandle *h;
	iconv_t to_dic, from_dic; /* (iconv_t)-1 when the dictionary is UTF-8 */
};

static char *path_with(const char *base, const char *ext)
{
	size_t n = strlen(base), m = strlen(ext);
	char *p = malloc(n + m + 1);
	if (p) {
		memcpy(p, base, n);
		memcpy(p + n, ext, m + 1);
	}
	return p;
}

bool speller_available(const char *base)
{
	if (!base || !*base)
		return false;
	char *aff = path_with(base, ".aff"), *dic = path_with(base, ".dic");
	bool ok = aff && dic && access(aff, R_OK) == 0 && access(dic, R_OK) == 0;
	free(aff);
	free(dic);
	return ok;
}

speller *speller_open(const char *base)
{
	if (!speller_available(base))
		return NULL;
	speller *sp = calloc(1, sizeof *sp);
	char *aff = path_with(base, ".aff"), *dic = path_with(base, ".dic");
	if (!sp || !aff || !dic) {
		free(sp);
		sp = NULL;
		goto out;
	}
	sp->to_dic = sp->from_dic = (iconv_t)-1;
	sp->h = guarded_hunspell_create(aff, dic);
	if (!sp->h) {
		free(sp);
		sp = NULL;
		goto out;
	}
	const char *enc = Hunspell_get_dic_encoding(sp->h);
	if (enc && strcasecmp(enc, "UTF-8") != 0) {
		sp->to_dic = iconv_open(enc, "UTF-8");
		sp->from_dic = iconv_open("UTF-8", enc);
		if (sp->to_dic == (iconv_t)-1 || sp->from_dic == (iconv_t)-1) {
			speller_close(sp);
			sp = NULL;
		}
	}
out:
	free(aff);
	free(dic);
	return sp;
}

void speller_close(speller *sp)
{
	if (!sp)
		return;
	if (sp->to_dic != (iconv_t)-1)
		iconv_close(sp->to_dic);
	if (sp->from_dic != (iconv_t)-1)
		iconv_close(sp->from_dic);
	if (sp->h)
		Hunspell_destroy(sp->h);
	free(sp);
}

/* s converted by cd into a new string; NULL when a character has no place in the
 * target encoding (errno EILSEQ) or memory runs out (errno ENOMEM). A UTF-8 dictionary
 * (cd unset) gets a copy. */
static char *convert(iconv_t cd, const char *s)
{
	if (cd == (iconv_t)-1)
		return strdup(s);
	size_t in_left = strlen(s), cap = in_left * 4 + 1, out_left = cap - 1;
	char *out = malloc(cap), *o = out, *copy = strdup(s), *in = copy;
	if (!out || !copy) {
		free(out);
		free(copy);
		errno = ENOMEM;
		return NULL;
	}
	iconv(cd, NULL, NULL, NULL, NULL);
	size_t r = iconv(cd, &in, &in_left, &o, &out_left);
	free(copy);
	if (r == (size_t)-1) {
		free(out);
		errno = EILSEQ;
		return NULL;
	}
	*o = '\0';
	return out;
}

/* Hunspell's list (in the dictionary's encoding) as a new list in UTF-8; -1 when the
 * Hunspell call failed (n < 0) or memory runs out here: a partial list would pass for
 * the whole answer. */
static int take_list(speller *sp, char **list, int n, char ***out)
{
	*out = NULL;
	if (n <= 0)
		return n < 0 ? -1 : 0;
	char **r = calloc((size_t)n, sizeof *r);
	int k = 0;
	bool failed = !r;
	for (int i = 0; r && i < n && !failed; i++) {
		char *u = convert(sp->from_dic, list[i]);
		if (u)
			r[k++] = u;
		else
			failed = errno == ENOMEM;
	}
	Hunspell_free_list(sp->h, &list, n);
	if (failed) {
		speller_free_list(r, k);
		return -1;
	}
	if (!k) {
		free(r);
		return 0;
	}
	*out = r;
	return k;
}

/* The word in the dictionary's encoding; NULL with *failed set when memory ran out,
 * NULL alone when the encoding cannot hold it (then no dictionary word is it). */
static char *to_dictionary(speller *sp, const char *word, bool *failed)
{
	char *w = convert(sp->to_dic, word);
	*failed = !w && errno == ENOMEM;
	return w;
}

int speller_stem(speller *sp, const char *word, char ***out)
{
	*out = NULL;
	bool failed;
	char *w = to_dictionary(sp, word, &failed), **list = NULL;
	if (!w)
		return failed ? -1 : 0;
	int n = guarded_hunspell_stem(sp->h, &list, w);
	free(w);
	return take_list(sp, list, n, out);
}

int speller_spell(speller *sp, const char *word)
{
	bool failed;
	char *w = to_dictionary(sp, word, &failed);
	if (!w)
		return failed ? -1 : 0;
	int r = guarded_hunspell_spell(sp->h, w);
	free(w);
	return r;
}

int speller_suggest(speller *sp, const char *word, char ***out)
{
	*out = NULL;
	bool failed;
	char *w = to_dictionary(sp, word, &failed), **list = NULL;
	if (!w)
		return failed ? -1 : 0;
	int n = guarded_hunspell_suggest(sp->h, &list, w);
	free(w);
	return take_list(sp, list, n, out);
}

void speller_free_list(char **list, int n)
{
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* The Polish letters each plain letter may stand for (lower case, then upper case). */
static const char *const accents[][3] = {
	{ "a", "ą", NULL }, { "c", "ć", NULL }, { "e", "ę", NULL }, { "l", "ł", NULL },
	{ "n", "ń", NULL }, { "o", "ó", NULL }, { "s", "ś", NULL }, { "z", "ż", "ź" },
	{ "A", "Ą", NULL }, { "C", "Ć", NULL }, { "E", "Ę", NULL }, { "L", "Ł", NULL },
	{ "N", "Ń", NULL }, { "O", "Ó", NULL }, { "S", "Ś", NULL }, { "Z", "Ż", "Ź" },
};

static int accent_row(char c)
{
	for (int i = 0; i < (int)(sizeof accents / sizeof accents[0]); i++)
		if (accents[i][0][0] == c)
			return i;
	return -1;
}

static int polish_letters(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) == 0xC0; /* the first byte of a 2-byte letter */
	return n;
}

int speller_accented(speller *sp, const char *word, char ***out)
{
	*out = NULL;
	size_t n = strlen(word), combos = 1;
	if (n == 0 || n > 40)
		return 0;
	int rows[40];
	for (size_t i = 0; i < n; i++) {
		rows[i] = accent_row(word[i]);
		if (rows[i] >= 0)
			combos *= accents[rows[i]][2] ? 3 : 2;
		if (combos > 4096)
			return 0;
	}
	char **list = NULL;
	int k = 0;
	char buf[160];
	for (size_t c = 1; c < combos; c++) { /* 0 is the word itself */
		size_t code = c, o = 0;
		for (size_t i = 0; i < n; i++) {
			const char *piece;
			char one[2] = { word[i], 0 };
			if (rows[i] < 0) {
				piece = one;
			} else {
				size_t base = accents[rows[i]][2] ? 3 : 2;
				piece = accents[rows[i]][code % base];
				code /= base;
			}
			size_t m = strlen(piece);
			memcpy(buf + o, piece, m);
			o += m;
		}
		buf[o] = '\0';
		int right = speller_spell(sp, buf);
		if (right < 0)
			goto failed;
		if (right) {
			char **l = realloc(list, (size_t)(k + 1) * sizeof *l);
			if (!l)
				goto failed;
			list = l;
			if (!(list[k] = strdup(buf)))
				goto failed;
			k++;
		}
	}
	/* Most Polish letters first: whoever typed without them left them all out. */
	for (int i = 1; i < k; i++)
		for (int j = i; j > 0 && polish_letters(list[j]) > polish_letters(list[j - 1]); j--) {
			char *t = list[j];
			list[j] = list[j - 1];
			list[j - 1] = t;
		}
	*out = list;
	return k;
failed:
	speller_free_list(list, k);
	return -1;
}
