# Cohorte — the two commands are `make run` and `make test`.
# Both install what they need (the wasm target, npm packages, Debian's
# Chromium) on a machine with Rust, Node and apt. Nothing is compiled
# from a registry into ~/.cargo/bin: the site is built by cargo alone
# (docs/building.md).

SHELL := /bin/bash
.DEFAULT_GOAL := help

# The flags of every debug build (server, wasm, tests, clippy): one set, so
# that no step rebuilds what another built. `erase_components` makes Leptos
# compile its views as type-erased (much faster debug builds).
export RUSTFLAGS := --cfg erase_components
export LEPTOS_OUTPUT_NAME := cohorte
# wasm-opt from npm's binaryen (Debian's is too old: broken hydration).
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# The browser bundle: the app library for wasm32 with the `hydrate` feature.
WASM := cargo build -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate
SITE := cargo run -q -p site-build --

.PHONY: help tools npm chromium firefox build build-release run run-release dev test fmt-check clippy unit integration e2e reliability fuzz clean-pg

help:
	@echo "make run            build (development profile), migrate ./data, seed the demo once, serve on http://127.0.0.1:3000"
	@echo "make test           formatting, clippy (ssr + hydrate), unit, integration, browser, fault and fuzz tests"
	@echo "make dev            rebuild and restart on every change (cargo leptos watch when installed)"
	@echo "make build-release  the production build (server with LTO, wasm optimised for size)"

tools:
	@./scripts/install-tools.sh

npm:
	@cd end2end && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; }

chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: sudo apt-get install chromium"; exit 1; fi; }

# Firefox ESR: the second engine the islands must hydrate in (firefox.mjs).
firefox:
	@command -v firefox-esr >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq firefox-esr >/dev/null; \
	  else echo "Firefox is missing: sudo apt-get install firefox-esr"; exit 1; fi; }

# The development build: target/debug/cohorte and target/site. The same
# artefacts serve `make run`, the integration and the browser tests.
build: tools
	cargo build -p server --bin cohorte
	$(WASM)
	$(SITE) --wasm target/wasm32-unknown-unknown/debug/app.wasm

# The production build: target/release/cohorte and target/site, the wasm
# module size-optimised (wasm-release profile, then wasm-opt -Oz). It keeps
# its own cache (no erase_components).
build-release: tools npm
	RUSTFLAGS= cargo build --release -p server --bin cohorte
	RUSTFLAGS= $(WASM) --profile wasm-release
	$(SITE) --release --wasm target/wasm32-unknown-unknown/wasm-release/app.wasm

run: build
	@mkdir -p data
	./target/debug/cohorte migrate
	./target/debug/cohorte seed-demo
	./target/debug/cohorte serve

run-release: build-release
	@mkdir -p data
	./target/release/cohorte migrate
	./target/release/cohorte seed-demo
	./target/release/cohorte serve

dev: tools
	@./scripts/dev.sh

fmt-check:
	cargo fmt --all -- --check

clippy: tools
	cargo clippy --all-targets -p app --features ssr -- -D warnings
	cargo clippy --all-targets -p server -p migrations -p site-build -- -D warnings
	cargo clippy --lib -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test -p app --features ssr
	cargo test -p server --lib --bins
	cargo test -p site-build

# Integration tests start the real server (with stand-ins for the built
# browser files: they need no wasm build). The first pass runs on SQLite,
# the embedded default, whatever the environment says; a second pass runs
# them against PostgreSQL when COHORTE_TEST_DATABASE_URL is set. Each pass
# announces its backend, and a test checks that the database it got is the
# one announced (COHORTE_TEST_BACKEND).
integration:
	@echo "== integration tests on SQLite (embedded default)"
	@mkdir -p target/test-logs && rm -f target/test-logs/*.jsonl
	env -u COHORTE_TEST_DATABASE_URL COHORTE_TEST_BACKEND=sqlite COHORTE_TEST_LOG=$(CURDIR)/target/test-logs/sqlite.jsonl cargo test -p server --tests
	./scripts/check-logs.sh target/test-logs/sqlite.jsonl
	@if [ -n "$$COHORTE_TEST_DATABASE_URL" ]; then \
	  echo "== integration tests on PostgreSQL ($${COHORTE_TEST_DATABASE_URL%%\?*})"; \
	  COHORTE_TEST_BACKEND=postgres COHORTE_TEST_LOG=$(CURDIR)/target/test-logs/postgres.jsonl cargo test -p server --tests && \
	  ./scripts/check-logs.sh target/test-logs/postgres.jsonl && $(MAKE) --no-print-directory clean-pg; \
	else \
	  echo "== COHORTE_TEST_DATABASE_URL is not set: integration tests did not run on PostgreSQL"; \
	fi

clean-pg:
	@command -v psql >/dev/null && for d in $$(psql "$$COHORTE_TEST_DATABASE_URL" -Atc "select datname from pg_database where datname like 'cohorte_t_%'"); do \
	  psql "$$COHORTE_TEST_DATABASE_URL" -qc "drop database if exists $$d" >/dev/null; done || true

e2e: build npm chromium firefox
	cd end2end && npx playwright test
	cd end2end && node firefox.mjs

# Faults and bad input, short versions (docs/reliability.md): kill -9 under
# load on SQLite and, when COHORTE_TEST_DATABASE_URL is set, on PostgreSQL
# at once (the development build: the release build is the long run's);
# then each fuzz target for FUZZ_SECONDS.
FUZZ_SECONDS ?= 45
reliability: build
	@set -e; pg=""; \
	if [ -n "$$COHORTE_TEST_DATABASE_URL" ]; then \
	  pg="cohorte_kill9_$$$$"; psql "$$COHORTE_TEST_DATABASE_URL" -qc "create database $$pg"; \
	  pgurl=$$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$$COHORTE_TEST_DATABASE_URL" "$$pg"); \
	  python3 scripts/kill9.py --bin target/debug/cohorte --port 3951 \
	    --db "$$pgurl" > target/kill9-postgres.log 2>&1 & pgjob=$$!; \
	fi; \
	status=0; python3 scripts/kill9.py --bin target/debug/cohorte --port 3950 || status=1; \
	if [ -n "$$pg" ]; then wait $$pgjob || status=1; cat target/kill9-postgres.log; \
	  psql "$$COHORTE_TEST_DATABASE_URL" -qc "drop database if exists $$pg" || true; fi; \
	exit $$status
	./scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz:
	./scripts/fuzz.sh $(FUZZ_SECONDS)

test: fmt-check clippy unit integration e2e reliability
	@echo "All checks passed."
