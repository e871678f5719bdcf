/* replay.c — run a fuzz harness without libFuzzer: call LLVMFuzzerTestOneInput on every
 * file of the directories (or the files) named on the command line, in name order.
 * make check uses it to replay the committed corpora (tests/fuzz/replay.sh). */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, len = 0;
	unsigned char *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			fclose(f);
			return -1;
		}
		len += fread(buf + len, 1, cap - len, f);
		if (len < cap)
			break;
		cap *= 2;
		unsigned char *p = realloc(buf, cap);
		if (!p)
			free(buf);
		buf = p;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		perror(path);
		free(buf);
		return -1;
	}
	/* An exact-size copy, so ASan sees a read past the input. */
	unsigned char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(buf);
		return -1;
	}
	if (len)
		memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	unsigned long files = 0;
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			failed |= run_file(argv[i]) != 0;
			files++;
			continue;
		}
		DIR *dir = opendir(argv[i]);
		if (!dir) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		char **names = NULL;
		size_t n = 0, cap = 0;
		struct dirent *de;
		while ((de = readdir(dir))) {
			if (de->d_name[0] == '.')
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				char **p = realloc(names, cap * sizeof *p);
				if (!p)
					return 1;
				names = p;
			}
			size_t l = strlen(argv[i]) + strlen(de->d_name) + 2;
			if (!(names[n] = malloc(l)))
				return 1;
			snprintf(names[n++], l, "%s/%s", argv[i], de->d_name);
		}
		closedir(dir);
		if (n)
			qsort(names, n, sizeof *names, cmp_names);
		for (size_t k = 0; k < n; k++) {
			struct stat fs;
			if (stat(names[k], &fs) == 0 && S_ISREG(fs.st_mode)) {
				failed |= run_file(names[k]) != 0;
				files++;
			}
			free(names[k]);
		}
		free(names);
	}
	printf("%lu\n", files);
	return failed;
}
