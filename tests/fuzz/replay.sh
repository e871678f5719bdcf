#!/bin/sh
# replay.sh — replay the committed fuzz corpora (tests/fuzz/corpus/NAME/) through each
# harness linked without libFuzzer (tests/fuzz/replay_NAME). TAP, one line per harness.
# A harness aborts on a broken invariant; a sanitizer build (--enable-sanitizers) also
# stops on memory errors, leaks and undefined behaviour.
: "${top_srcdir:=.}" "${top_builddir:=.}"
n=0 failed=0
err=$(mktemp "${TMPDIR:-/tmp}/empirie-replay.XXXXXX") || exit 1
trap 'rm -f "$err"' EXIT
for name in csv text search editor sync; do
	n=$((n + 1))
	dir=$top_srcdir/tests/fuzz/corpus/$name
	want=$(find "$dir" -type f ! -name '.*' | wc -l | tr -d ' ')
	if got=$("$top_builddir/tests/fuzz/replay_$name" "$dir" 2>"$err") && [ "$got" = "$want" ]; then
		printf 'ok %d - fuzz_%s replays its corpus (%s files)\n' "$n" "$name" "$want"
	else
		printf 'not ok %d - fuzz_%s replays its corpus (%s files; replayed: %s)\n' "$n" "$name" "$want" "$got"
		sed 's/^/# /' "$err" | tail -n 30
		for f in "$dir"/*; do # name the input that fails
			"$top_builddir/tests/fuzz/replay_$name" "$f" >/dev/null 2>&1 || { printf '# fails on %s\n' "$f"; break; }
		done
		failed=$((failed + 1))
	fi
done
printf '1..%d\n' "$n"
[ "$failed" -eq 0 ]
