#!/usr/bin/env bash
# Compares vanban with Lucene on the same machine, documents and queries
# (issue 21; docs/performance.md, "Against Lucene"):
#   - Lucene, one ASCII-folded field (title + body): indexing, top-10 search;
#   - Lucene indexing vanban's views (title and body each exact, folded with
#     positions, folded bigrams; title and body stored);
#   - vanban: `ingest` (store + index), `search --bench` (top 10).
# Runs are interleaved (Lucene one field, Lucene views, vanban, then the
# searches) ROUNDS times, so that the load of a shared machine falls on all
# of them alike; the load average is printed with each round.
#
# Usage: scripts/bench-peers.sh [N]     (default N=50000 documents)
# Environment:
#   CORPUS   a BEIR JSON Lines corpus to use instead of generating N documents
#            with ../shared/tools/scalecorpus.py
#   QUERIES  default ../shared/eval/alqac23-test/queries.jsonl (timing only)
#   WORK     scratch directory (default /tmp/bench-peers; removed at the end
#            unless KEEP=1)
#   ROUNDS   default 1;  PASSES  timed search passes, default 3
#   VANBAN   a vanban binary (default: built from this tree); SKIP_VANBAN=1
#            for Lucene alone
#   VANBAN_BASE  a second vanban binary (say, main's), run after VANBAN in
#            each round, for a before/after under the same load
#   THREADS  Lucene indexing threads (default: nproc)
#   JAVA_OPTS  JVM options (default none: the JVM's own heap sizing)
#   LUCENE_DIR  where the Lucene 8 jars are (default /usr/share/java)
# Needs Debian's liblucene8-java and a JDK (javac, java), GNU time, python3
# and ../shared; without one of them it says which and exits 0. It never
# downloads anything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-50000}
lucene=${LUCENE_DIR:-/usr/share/java}
core=$(ls "$lucene"/lucene-core-*.jar 2>/dev/null | head -n 1 || true)
common=$(ls "$lucene"/lucene-analyzers-common-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$core" ] || [ -z "$common" ] || ! command -v javac >/dev/null || ! command -v java >/dev/null; then
	echo "bench-peers: skipped: needs javac, java and Lucene 8's core and analyzers-common jars in $lucene (Debian: apt-get install -y liblucene8-java default-jdk-headless)"
	exit 0
fi
jars=$core:$common:
if [ ! -x /usr/bin/time ]; then
	echo "bench-peers: skipped: needs GNU time (/usr/bin/time) for peak RSS (apt-get install -y time)"
	exit 0
fi
work=${WORK:-/tmp/bench-peers}
rounds=${ROUNDS:-1}
passes=${PASSES:-3}
threads=${THREADS:-$(nproc)}
queries=${QUERIES:-$root/../shared/eval/alqac23-test/queries.jsonl}
mkdir -p "$work"
if [ "${KEEP:-}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi
if [ ! -f "$queries" ]; then
	echo "bench-peers: skipped: no query set at $queries (set QUERIES)"
	exit 0
fi
corpus=${CORPUS:-}
if [ -z "$corpus" ]; then
	if [ ! -f "$root/../shared/tools/scalecorpus.py" ] || ! command -v python3 >/dev/null; then
		echo "bench-peers: skipped: no ../shared/tools/scalecorpus.py (or python3) to generate documents (set CORPUS)"
		exit 0
	fi
	corpus=$work/corpus$n.jsonl
	[ -f "$corpus" ] || python3 "$root/../shared/tools/scalecorpus.py" "$n" "$corpus"
fi
javac -nowarn -cp "$jars" -d "$work/classes" scripts/peers/LuceneBench.java
vb=${VANBAN:-}
if [ -z "$vb" ] && [ "${SKIP_VANBAN:-}" != 1 ]; then
	vb=$work/vanban
	go build -o "$vb" ./cmd/vanban
fi

# measure LABEL CMD...: runs CMD under GNU time and prints one line of
# the command's own key=value output with the peak RSS and CPU seconds.
measure() {
	local label=$1
	shift
	local out=$work/out.txt tm=$work/time.txt
	/usr/bin/time -v -o "$tm" "$@" >"$out" 2>"$work/err.txt" || {
		echo "bench-peers: $label failed:" >&2
		cat "$work/err.txt" >&2
		exit 1
	}
	local rss cpu wall
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$tm")
	cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$tm")
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tm")
	local last
	last=$(tail -n 1 "$out")
	case $last in # search --bench: latency, then CPU per query
	"CPU per query"*) last=$(tail -n 2 "$out" | paste -sd ' ') ;;
	esac
	# ingest: its "ingested … docs/s" line, not the tasks line after it
	if grep -q '^ingested ' "$out"; then
		last=$(grep '^ingested ' "$out" | tail -n 1)
	fi
	printf '%-28s %s rss_mb=%s cpu_s=%s wall=%s\n' "$label" "$last" "$rss" "$cpu" "$wall"
}

size_mb() { du -sb "$@" | awk '{s+=$1} END {printf "%.1f", s/1048576}'; }

docs=$(wc -l <"$corpus")
echo "bench-peers: $docs documents ($(size_mb "$corpus") MB), $(wc -l <"$queries") queries, $rounds round(s), $(nproc) cores"
java -version 2>&1 | head -n 1
ls /usr/share/java/lucene-core-*.jar
for r in $(seq 1 "$rounds"); do
	echo "== round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	rm -rf "$work/lucene-one" "$work/lucene-views"
	# shellcheck disable=SC2086
	measure "lucene one field: index" java ${JAVA_OPTS:-} -cp "$jars$work/classes" LuceneBench index-one "$work/lucene-one" "$corpus" "$threads"
	echo "                             index_mb=$(size_mb "$work/lucene-one")"
	# shellcheck disable=SC2086
	measure "lucene views: index" java ${JAVA_OPTS:-} -cp "$jars$work/classes" LuceneBench index-views "$work/lucene-views" "$corpus" "$threads"
	echo "                             index_mb=$(size_mb "$work/lucene-views")"
	for v in ${vb:+vanban} ${VANBAN_BASE:+base}; do
		bin=$vb
		[ "$v" = base ] && bin=$VANBAN_BASE
		rm -rf "$work/$v-data"
		measure "$v: ingest" "$bin" --data "$work/$v-data" ingest "$corpus"
		echo "                             data_mb=$(size_mb "$work/$v-data") (index $(size_mb "$work/$v-data/index"), store $(size_mb "$work/$v-data/store.db"))"
	done
	echo "-- searches, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	# shellcheck disable=SC2086
	measure "lucene one field: top 10" java ${JAVA_OPTS:-} -cp "$jars$work/classes" LuceneBench search "$work/lucene-one" "$queries" "$passes"
	for v in ${vb:+vanban} ${VANBAN_BASE:+base}; do
		bin=$vb
		[ "$v" = base ] && bin=$VANBAN_BASE
		measure "$v: top 10" "$bin" --data "$work/$v-data" search --bench "$queries" --passes "$passes"
		measure "$v: page (--facets)" "$bin" --data "$work/$v-data" search --bench "$queries" --passes "$passes" --facets
	done
done
