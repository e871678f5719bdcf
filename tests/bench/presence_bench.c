/* presence_bench.c — what "who is here" costs (issue 20): N sessions' heartbeats in one
 * presence file, from one process (each with its own connection, as N processes would
 * have). Prints per session: joining, one heartbeat that is due (upsert, forget the
 * long-gone, count), and a tick that is not due (what every key and every second cost).
 * Usage: presence_bench DB N (DB is created when missing). `make bench-presence`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "core/account.h"
#include "core/db.h"
#include "core/presence.h"

static double wall(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct rusage r;
	getrusage(RUSAGE_SELF, &r);
	return (double)(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
	       (double)(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char **argv)
{
	if (argc != 3 || atoi(argv[2]) <= 0) {
		fprintf(stderr, "usage: %s DB N\n", argv[0]);
		return 2;
	}
	int n = atoi(argv[2]);
	db *d = NULL;
	error e;
	if (db_open(&d, argv[1], DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	char login[] = "bench", town[] = "Zabrze";
	account me = { .login = login, .display_name = login, .city_name = town,
	               .role = ROLE_ADMIN };
	presence **ps = calloc((size_t)n, sizeof *ps);
	if (!ps)
		return 1;
	/* The shortest timeout: a heartbeat is due every second. */
	double t0 = wall(), c0 = cpu();
	for (int i = 0; i < n; i++)
		if (presence_join(&ps[i], d, &me, false, PRESENCE_TIMEOUT_MIN, &e) != ST_OK) {
			fprintf(stderr, "%s\n", e.msg);
			return 1;
		}
	double join_w = wall() - t0, join_c = cpu() - c0;
	struct timespec pause = { 1, 100000000 };
	nanosleep(&pause, NULL);
	presence_place place = { 3, "reading" };
	t0 = wall(), c0 = cpu();
	int wrote = 0;
	for (int i = 0; i < n; i++)
		wrote += presence_tick(ps[i], &place);
	double beat_w = wall() - t0, beat_c = cpu() - c0;
	int reps = 200;
	t0 = wall();
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < n; i++)
			presence_tick(ps[i], &place);
	double idle = (wall() - t0) / ((double)reps * n);
	printf("%d sessions: join %.3f ms wall / %.3f ms CPU each; due heartbeat (%d written) "
	       "%.3f ms wall / %.3f ms CPU each; tick not due %.0f ns; online %lld\n",
	       n, join_w * 1e3 / n, join_c * 1e3 / n, wrote, beat_w * 1e3 / n, beat_c * 1e3 / n,
	       idle * 1e9, (long long)presence_online(ps[n - 1]));
	printf("at one heartbeat per 40 s per session: %.2f %% of one core for %d sessions\n",
	       beat_c / n * ((double)n / 40.0) * 100.0, n);
	for (int i = 0; i < n; i++)
		presence_leave(&ps[i]);
	free(ps);
	db_close(&d);
	return 0;
}
