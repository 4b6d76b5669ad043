#!/usr/bin/env bash
# `make dev`: builds, serves on http://127.0.0.1:3000, and on every saved
# change under app/, server/, migrations/, style/ or public/ rebuilds and
# restarts. With cargo-leptos installed (scripts/install-cargo-leptos.sh),
# `cargo leptos watch` does the same with live reload.
set -uo pipefail
cd "$(dirname "$0")/.."

if cargo leptos --version >/dev/null 2>&1; then
  exec cargo leptos watch
fi

mkdir -p data
stamp=$(mktemp)
pid=
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
  fi
}
trap 'stop; rm -f "$stamp"; exit 0' INT TERM

while true; do
  touch "$stamp"
  if make --no-print-directory build \
    && ./target/debug/cohorte migrate && ./target/debug/cohorte seed-demo; then
    ./target/debug/cohorte serve &
    pid=$!
  else
    printf '\033[1;31m==> the build failed: fix the code and save, it starts again\033[0m\n'
  fi
  until [ -n "$(find app server migrations style public Cargo.toml -newer "$stamp" -type f -print -quit)" ]; do
    sleep 1
  done
  printf '\033[1m==> changed: rebuilding\033[0m\n'
  stop
done
