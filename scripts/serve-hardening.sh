#!/usr/bin/env bash
# Reproduces issue 15's serving items on loopback only, bounded in time and
# size, and shows what the server does now (figures: docs/log/perf-costly-queries.md):
#   1. costly queries: the issue's query (a frequent quoted pair repeated to
#      1000 bytes) and ten quoted frequent pairs (within the shape budget,
#      over the price on the index) are refused with a 400 saying what to
#      shorten; normal
#      traffic's latency without and with four costly clients; the server's
#      CPU after a costly request's context ended (client gone, or the
#      server's request timeout);
#   3. a long document (4 MB) asked for by four clients at once: the
#      server's peak RSS;
#   4. POST /admin/nightly with a job longer than the request time limit:
#      202, a job to poll, the report.
# Scale: DOCS documents of 25 demo sentences (default 3000, about 13 MB,
# ingested in about a minute on a loaded 2-core machine) and one of 4 MB.
# Usage: scripts/serve-hardening.sh              (needs go, curl; Linux /proc)
#        ROUNDS=3 scripts/serve-hardening.sh  the load phases three times in turn
#        BEFORE=<git ref> scripts/serve-hardening.sh   also runs items 1 and 3
#            against the server built at that commit (the attack query on it
#            runs for minutes: one request, then the server is stopped)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
if [ -n "${VANBAN_BIN:-}" ]; then cp "$VANBAN_BIN" "$work/vanban"; else go build -o "$work/vanban" ./cmd/vanban; fi
go build -o "$work/servecheck" ./scripts/servecheck
vb="$work/vanban" sc="$work/servecheck" data="$work/data"

. scripts/lib.sh
wait_up() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1/healthz" && return 0; sleep 0.2; done; echo "FAIL: no server at $1"; exit 1; }
# serve BIN ARGS...: starts a server on a free port; sets base and spid
serve() {
	local bin=$1; shift
	local port; port=$(free_port)
	"$bin" --data "$data" serve --addr "127.0.0.1:$port" "$@" >"$work/serve.out" 2>>"$work/serve.log" &
	spid=$!; pids+=("$spid"); base="http://127.0.0.1:$port"
	wait_up "$base"
}
stop() { kill "$spid"; wait "$spid" 2>/dev/null || true; }

echo "== corpus: ${DOCS:=3000} documents and one of 4 MB"
"$sc" gen -n "$DOCS" -big 4000000 >"$work/docs.jsonl"
"$vb" --data "$data" ingest "$work/docs.jsonl" 2>/dev/null | tail -1

attack=$("$sc" queries -kind attack)
serve "$vb"
echo "== 3. a 4 MB document, four clients at once (first: the peak RSS is the process's)"
"$sc" docmem -base "$base" -pid "$spid" -clients 4 -rounds 3 -label "document pages"
echo "== 1. costly queries"
curl -s -w ' (HTTP %{http_code} in %{time_total} s)\n' -G --data-urlencode "q=$attack" "$base/api/search"
echo "ten quoted frequent pairs (the shape budget admits them; the price on the index does not):"
curl -s -w ' (HTTP %{http_code} in %{time_total} s)\n' -G --data-urlencode "q=$("$sc" queries -kind phrases10)" "$base/api/search"
# the phases in turn, ROUNDS times: on a shared machine one phase's p99
# varies 2-10x with the others' load, so each kind is compared with the
# phases without costly clients around it
for round in $(seq 1 "${ROUNDS:=1}"); do
	echo "-- round $round of $ROUNDS"
	"$sc" load -base "$base" -rate 20 -dur 20s -label "no costly clients"
	"$sc" load -base "$base" -rate 20 -dur 20s -costly 4 -every 5s -kind attack -label "4 clients, the issue's query"
	"$sc" load -base "$base" -rate 20 -dur 20s -costly 4 -every 5s -kind phrases10 -label "4 clients, ten phrases"
	"$sc" load -base "$base" -rate 20 -dur 20s -costly 4 -every 5s -kind admitted -label "4 clients, admitted phrases"
	"$sc" load -base "$base" -rate 20 -dur 20s -costly 4 -every 5s -kind long -label "4 clients, long question"
	"$sc" load -base "$base" -rate 20 -dur 20s -label "no costly clients (again)"
done
"$sc" cpu -base "$base" -pid "$spid" -cancel 10ms -trials 3 -kind long -label "client gives up"
stop
# nothing the budget admits runs 300 ms here: the timeout's check has a
# server of its own with a 20 ms limit
serve "$vb" --request-timeout 20ms
"$sc" cpu -base "$base" -pid "$spid" -cancel 0 -trials 3 -kind long -label "server timeout 20 ms"
stop

echo "== 4. admin job longer than the request time limit (300 ms)"
pport=$(free_port)
"$vb" demo --portal "127.0.0.1:$pport" >/dev/null 2>&1 &
pids+=($!)
demo_sites "$pport" "$work/sites.toml"
(umask 077; head -c 24 /dev/urandom | base64 >"$work/token")
serve "$vb" --request-timeout 300ms --config "$work/sites.toml" --admin-token-file "$work/token"
"$sc" admin -base "$base" -token-file "$work/token"
stop
grep -c '"msg":"admin"' "$work/serve.log" | sed 's/^/admin requests logged: /'

if [ -n "${BEFORE:-}" ]; then
	echo "== before: items 1 and 3 on $BEFORE"
	git -C "$repo" archive --prefix=before/ "$BEFORE" | tar -x -C "$work"
	(cd "$work/before" && go build -o "$work/vanban-before" ./cmd/vanban)
	serve "$work/vanban-before"
	"$sc" docmem -base "$base" -pid "$spid" -clients 4 -rounds 3 -label "before: document pages"
	"$sc" load -base "$base" -rate 20 -dur 20s -label "before: no costly clients"
	"$sc" cpu -base "$base" -pid "$spid" -cancel 50ms -trials 1 -kind attack -label "before: client gives up"
	"$sc" load -base "$base" -rate 20 -dur 20s -costly 4 -every 5s -kind attack -label "before: 4 clients, the issue's query"
	stop
fi
echo OK
