#!/usr/bin/env bash
# Shows, on loopback only, that the nightly job and the server live together:
#   1. two concurrent `vanban nightly` → one exits 75;
#   2. `vanban serve` under load (parallel queries) while a cron-style
#      `vanban nightly` indexes new pages → zero failed responses, the new
#      pages searchable after the run;
#   3. `kill -9` of a nightly run, then a rerun → complete, consistent counts.
# Usage: scripts/nightly-under-load.sh   (needs go and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "${VANBAN_BIN:-}" ]; then cp "$VANBAN_BIN" "$work/vanban"; else go build -o "$work/vanban" ./cmd/vanban; fi
vb="$work/vanban"
data="$work/data"

. scripts/lib.sh
pport=$(free_port); sport=$(free_port)
"$vb" demo --portal "127.0.0.1:$pport" >/dev/null 2>&1 &
sleep 1
demo_sites "$pport" "$work/sites.toml"

echo "== 1. two concurrent nightly runs"
"$vb" --data "$data" nightly --config "$work/sites.toml" --report "$work/a.json" 2>"$work/a.log" & a=$!
sleep 0.5
set +e
"$vb" --data "$data" nightly --config "$work/sites.toml" 2>"$work/b.log"; b=$?
wait $a; a_code=$?
set -e
echo "first exit $a_code, second exit $b (want 0 and 75): $(tail -1 "$work/b.log")"
if [ "$a_code" != 0 ] || [ "$b" != 75 ]; then echo FAIL; exit 1; fi
counts() { "$vb" --data "$data" stats --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["documents"], s["stored"], s["gone"])'; }
want=$(counts)   # a complete run's indexed/stored/gone, what step 3's rerun must reach

echo "== 2. nightly handed to a serving process under load"
rm -rf "$data"
"$vb" --data "$data" crawl --config "$work/sites.toml" --max-pages 12 2>/dev/null || true
"$vb" --data "$data" index >/dev/null
"$vb" --data "$data" serve --addr "127.0.0.1:$sport" >/dev/null 2>"$work/serve.log" &
serve=$!
sleep 1
before=$(curl -s "http://127.0.0.1:$sport/api/search?q=tinh" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
( for i in $(seq 1 3000); do echo "http://127.0.0.1:$sport/api/search?q=nghi+quyet+$((i % 7))"; done |
  xargs -P 8 -n 1 curl -s -o /dev/null -w '%{http_code}\n' > "$work/codes.txt" ) &
load=$!
"$vb" --data "$data" nightly --config "$work/sites.toml" 2>&1 | tail -1
wait $load
after=$(curl -s "http://127.0.0.1:$sport/api/search?q=tinh" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
total=$(wc -l < "$work/codes.txt"); bad=$(grep -vc '^200$' "$work/codes.txt" || true)
echo "queries during the run: $total, failed: $bad; hits for 'tinh' before $before, after $after"
if [ "$bad" != 0 ] || [ "$after" -le "$before" ]; then echo FAIL; exit 1; fi
kill $serve; wait $serve 2>/dev/null || true

echo "== 3. kill -9 mid-run, then rerun"
rm -rf "$data"
"$vb" --data "$data" nightly --config "$work/sites.toml" 2>/dev/null & n=$!
sleep 1.2
kill -9 $n; wait $n 2>/dev/null || true
"$vb" --data "$data" nightly --config "$work/sites.toml" 2>&1 | tail -1
"$vb" --data "$data" stats > "$work/stats.txt"; head -2 "$work/stats.txt"   # not piped: head would end stats with SIGPIPE (141) under pipefail
docs=$(counts)
if [ "$docs" != "$want" ]; then echo "FAIL: indexed/stored/gone = $docs, want $want"; exit 1; fi
echo OK
