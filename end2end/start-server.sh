#!/bin/sh
# Starts Cohorte for the browser tests: a fresh data directory, the demo
# accounts, mail sent by SMTP to the maildev sink (started by Playwright too).
# COHORTE_BIN and LEPTOS_SITE_ROOT override the paths of the debug build
# (relative paths are relative to end2end/), e.g. for a release build:
#   COHORTE_BIN=../target/release/cohorte npx playwright test
set -eu
cd "$(dirname "$0")"

COHORTE_BIN="${COHORTE_BIN:-../target/debug/cohorte}"
LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-../target/site}"
# A fresh database every run; the previous runs' directories go.
rm -rf "${TMPDIR:-/tmp}"/cohorte-e2e.*
COHORTE_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cohorte-e2e.XXXXXX")"
# Everything set explicitly: the server also reads a `.env` found in this
# folder or above it, which must not change what the tests run against.
COHORTE_ENV=development
COHORTE_ADDR=127.0.0.1:3000
COHORTE_BASE_URL=http://127.0.0.1:3000
COHORTE_DATABASE_URL="sqlite://$COHORTE_DATA_DIR/cohorte.sqlite?mode=rwc"
COHORTE_MAIL=smtp
COHORTE_SMTP_URL=smtp://127.0.0.1:1025
# Each signed-in page of the tests names its own client address
# (helpers.ts, signIn), so that a run's many sign-ins as the demo
# coordinator do not add up against the per-client rate limit.
COHORTE_TRUST_PROXY=1
export COHORTE_TRUST_PROXY COHORTE_DATA_DIR COHORTE_ENV COHORTE_ADDR COHORTE_BASE_URL COHORTE_DATABASE_URL \
    COHORTE_MAIL COHORTE_SMTP_URL LEPTOS_SITE_ROOT
# No colour codes in the log file.
export NO_COLOR=1

if [ ! -x "$COHORTE_BIN" ]; then
    echo "start-server.sh: no server binary at $COHORTE_BIN (build it first, or set COHORTE_BIN)" >&2
    exit 1
fi

# Not under test-results/: Playwright empties that folder when a run starts.
LOG="${COHORTE_E2E_LOG:-server.log}"
mkdir -p "$(dirname "$LOG")"
echo "start-server.sh: data in $COHORTE_DATA_DIR, log in $LOG" >&2

"$COHORTE_BIN" seed-demo >"$LOG" 2>&1
exec "$COHORTE_BIN" serve >>"$LOG" 2>&1
