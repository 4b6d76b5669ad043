#!/bin/sh
# Starts Cohorte for the browser tests: a fresh data directory, the demo
# accounts, mail sent by SMTP to the maildev sink (started by Playwright too).
# COHORTE_BIN and LEPTOS_SITE_ROOT override the paths of a debug build.
set -eu
cd "$(dirname "$0")"

COHORTE_BIN="${COHORTE_BIN:-../target/debug/cohorte}"
LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-../target/site}"
COHORTE_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cohorte-e2e.XXXXXX")"
COHORTE_ADDR=127.0.0.1:3000
COHORTE_MAIL=smtp
COHORTE_SMTP_URL="${COHORTE_SMTP_URL:-smtp://127.0.0.1:1025}"
export COHORTE_DATA_DIR COHORTE_ADDR COHORTE_MAIL COHORTE_SMTP_URL LEPTOS_SITE_ROOT
# Whatever the caller's environment says, these tests need development mode
# and the default database (a fresh SQLite file in the data directory).
unset COHORTE_ENV COHORTE_DATABASE_URL COHORTE_BASE_URL

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
