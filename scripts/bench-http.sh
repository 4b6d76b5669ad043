#!/usr/bin/env bash
# Load script: the server's budgets (DESIGN §6, issue 9) measured on a
# release build with 5,000 dossiers, with wrk (2 threads, 16 connections).
#
#   make build-release && scripts/bench-http.sh [DURATION]
#
# Starts `target/release/cohorte serve` on a fresh SQLite data directory
# (or on COHORTE_BENCH_DATABASE_URL, a PostgreSQL database it may wipe),
# seeds the demo plus 5,000 submitted dossiers and 700 complete drafts,
# then prints one line per measure: req/s, p50 and p99 from wrk, idle RSS,
# RSS after the load, time from process start to the first 200, and the
# autosave storm and deadline rush (scripts/bench_rush.py: errors, lost
# updates, submissions recorded). wrk comes from Debian's package (never a
# downloaded binary); it is installed when missing and apt is there.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-10s}
PORT=${COHORTE_BENCH_PORT:-3900}
BASE="http://127.0.0.1:$PORT"
BIN=${COHORTE_BENCH_BIN:-target/release/cohorte}
DATA=$(mktemp -d /tmp/cohorte-bench.XXXXXX)
COOKIES="$DATA/cookies.txt"

[ -x "$BIN" ] || { echo "no $BIN: run 'make build-release' first" >&2; exit 1; }
[ -f target/site/pkg/cohorte.css ] || echo "no target/site/pkg/cohorte.css: run 'make build-release' (static file not measured)" >&2
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi
fi

export COHORTE_DATA_DIR="$DATA/data"
export COHORTE_ADDR="127.0.0.1:$PORT"
export COHORTE_BASE_URL="$BASE"
export COHORTE_MAIL=file
# The rush signs 700 applicants in from one machine: each gets its own
# client address through X-Forwarded-For, as behind a proxy.
export COHORTE_TRUST_PROXY=1
export COHORTE_LOG=warn
export LEPTOS_SITE_ROOT=target/site
if [ -n "${COHORTE_BENCH_DATABASE_URL:-}" ]; then
  export COHORTE_DATABASE_URL="$COHORTE_BENCH_DATABASE_URL"
fi

echo "== seeding (demo + 5,000 submitted dossiers + 700 complete drafts)"
"$BIN" migrate >/dev/null
"$BIN" seed-demo --applicants 5000 --bench-drafts 700 | grep -E "ajoutés|added" || true

start_ns=$(date +%s%N)
"$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fs -o /dev/null "$BASE/"; do
  kill -0 $PID 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.005
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
sleep 1
rss() { awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$PID/status; }
echo "cold start to the first 200 on /: ${ready_ms} ms"
echo "RSS 1 s after the first page (start-up jobs running): $(rss)"
sleep 4
echo "idle RSS (5 s after the first page): $(rss)"

# Coordinator's session (Accept: text/html so the server function answers
# with a redirect and the session cookie).
curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" \
  -H 'Accept: text/html' -H "Origin: $BASE" -H "Referer: $BASE/connexion" \
  -H 'X-Forwarded-For: 10.255.0.1' \
  --data-urlencode 'email=coordination@demo.cohorte.localhost' \
  --data-urlencode 'password=demo-cohorte-2027' "$BASE/api/connexion"
SESSION=$(awk '$6 == "cohorte" {print "cohorte=" $7}' "$COOKIES")
[ -n "$SESSION" ] || { echo "coordinator sign-in failed" >&2; exit 1; }

DB_URL=${COHORTE_DATABASE_URL:-sqlite://$COHORTE_DATA_DIR/cohorte.sqlite}
PROMOTION=$(python3 scripts/bench_rush.py --base "$BASE" --db "$DB_URL" --print promotion)
DEFI=$(python3 scripts/bench_rush.py --base "$BASE" --db "$DB_URL" --print defi)
DOSSIER=$(python3 scripts/bench_rush.py --base "$BASE" --db "$DB_URL" --print dossier)

measure() {
  local label=$1 path=$2; shift 2
  local out
  out=$(wrk -t2 -c16 -d"$DURATION" --latency "$@" "$BASE$path")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
  printf '%-52s %10s req/s   p50 %8s   p99 %8s%s\n' "$label" "$rps" "$p50" "$p99" \
    "${errors:+   non-2xx: $errors}"
}

echo "== wrk -t2 -c16 -d$DURATION (kept-alive connections)"
[ -f target/site/pkg/cohorte.css ] && measure "static file /pkg/cohorte.css" /pkg/cohorte.css
measure "home /" /
measure "/defis" /defis
measure "défi sheet /defis/$DEFI" "/defis/$DEFI"
measure "promotion /promotions/$PROMOTION" "/promotions/$PROMOTION"
T="/coordination/promotions/$PROMOTION/candidatures"
measure "dossier table, first page (5,000+)" "$T" -H "Cookie: $SESSION"
measure "dossier table, filtered by profile" "$T?profil=developer" -H "Cookie: $SESSION"
measure "dossier table, sorted by submission, desc" "$T?tri=submitted&ordre=desc" -H "Cookie: $SESSION"
measure "dossier table, page 50" "$T?page=50" -H "Cookie: $SESSION"
measure "dossier page /coordination/candidatures/$DOSSIER" "/coordination/candidatures/$DOSSIER" -H "Cookie: $SESSION"
echo "RSS after the load: $(rss) (peak $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$PID/status))"

echo "== autosave storm and deadline rush"
python3 scripts/bench_rush.py --base "$BASE" --db "$DB_URL" --run
echo "RSS after the rush: $(rss)"
