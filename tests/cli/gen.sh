#!/bin/sh
# The synthetic data generator: labelled, deterministic, consistent, never over real data.
. "$top_srcdir/tests/lib.sh"
exit_is "generate a small synthetic database" 0 e --db "$T_DIR/syn.db" gen --towns 120 --threads 40 --posts 600 --seed 7
like "says what it wrote" "$(cat "$T_DIR/out")" "synthetic data, 120 towns, 40 threads, 600 posts"
exit_is "info" 0 e --db "$T_DIR/syn.db" info
like "info says SYNTHETIC" "$(cat "$T_DIR/out")" "SYNTHETIC data"
like "and how it was made" "$(cat "$T_DIR/out")" "towns=120 threads=40 posts=600 seed=7"
like "the real directory says real" "$(e info)" "real, from public sources"
is "120 towns" "$(e --db "$T_DIR/syn.db" --no-header list cities | wc -l)" 120
total=0
for n in 1 2 3 4 5 6 7 8; do
	c=$(e --db "$T_DIR/syn.db" --no-header list threads --network $n | awk -F'\t' '{s += $3} END {print s + 0}')
	total=$((total + c))
done
is "posts: 600 synthetic + the meeting summaries" "$total" $((600 + $(e --no-header list meetings | wc -l)))
exit_is "check passes (index, counters, keys)" 0 e --db "$T_DIR/syn.db" check
exit_is "same seed" 0 e --db "$T_DIR/syn2.db" gen --towns 120 --threads 40 --posts 600 --seed 7
is "gives the same data" "$(e --db "$T_DIR/syn2.db" export cities | md5sum)" "$(e --db "$T_DIR/syn.db" export cities | md5sum)"
e init >/dev/null 2>&1
exit_is "never into an existing database" 1 e --db "$EMPIRIE_DB" gen --towns 100 --threads 1 --posts 1
like "says so" "$(cat "$T_DIR/err")" "already exists"
exit_is "needs --db" 2 env -u EMPIRIE_DB "$EMPIRIE" gen
exit_is "posts at least threads" 2 e --db "$T_DIR/x.db" gen --threads 10 --posts 5
exit_is "synthetic text is searchable without Polish letters" 0 e --db "$T_DIR/syn.db" --no-header search zrodla
like "finds posts" "$(cat "$T_DIR/out")" "post"
done_testing
