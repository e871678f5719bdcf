/* suggest.c — see suggest.h. Optimal-string-alignment distance with three rows, cut
 * short once a whole row is above the limit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/plfold.h"
#include "text/suggest.h"

size_t edit_distance(const char *a, const char *b, size_t limit)
{
	size_t n = strlen(a), m = strlen(b);
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	size_t *rows = malloc(3 * (m + 1) * sizeof *rows);
	if (!rows)
		return limit + 1;
	size_t *pp = rows, *p = rows + m + 1, *c = rows + 2 * (m + 1);
	for (size_t j = 0; j <= m; j++)
		p[j] = j;
	for (size_t i = 1; i <= n; i++) {
		c[0] = i;
		size_t row_min = c[0];
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = p[j - 1] + cost;
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > limit) {
			free(rows);
			return limit + 1;
		}
		size_t *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	size_t d = p[m];
	free(rows);
	return d > limit ? limit + 1 : d;
}

const char *suggest_nearest(const char *typed, const char *const *candidates, size_t n)
{
	char *t = pl_fold(typed, strlen(typed));
	if (!t || !*t) {
		free(t);
		return NULL;
	}
	size_t len = strlen(t), limit = len <= 4 ? 1 : len <= 8 ? 2 : 3, best_d = limit + 1;
	const char *best = NULL;
	for (size_t i = 0; i < n; i++) {
		char *f = pl_fold(candidates[i], strlen(candidates[i]));
		if (!f)
			continue;
		size_t d = edit_distance(t, f, limit);
		free(f);
		if (d == 0) {
			best = NULL;
			break;
		}
		if (d < best_d)
			best_d = d, best = candidates[i];
	}
	free(t);
	return best;
}
