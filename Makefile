# Cohorte — the two commands are `make run` and `make test`.
# Both install what they need (wasm target, cargo-leptos, wasm-bindgen,
# npm packages, Debian's Chromium) on a machine with Rust, Node and apt.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Same flags cargo-leptos uses for debug builds, so that tests and clippy
# reuse its artefacts instead of rebuilding the whole Leptos stack.
export RUSTFLAGS := --cfg erase_components
export LEPTOS_OUTPUT_NAME := cohorte
# wasm-opt from npm's binaryen (Debian's is too old: broken hydration).
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: help tools npm chromium firefox build build-release run test fmt-check clippy unit integration e2e clean-pg

help:
	@echo "make run   build in release, migrate ./data, seed the demo once, serve on http://127.0.0.1:3000"
	@echo "make test  formatting, clippy (ssr + hydrate), unit, integration and browser tests"

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

build: tools npm
	cargo leptos build

build-release: tools npm
	# The release build does not need erase_components; it keeps its own cache.
	RUSTFLAGS= cargo leptos build --release

run: build-release
	@mkdir -p data
	./target/release/cohorte migrate
	./target/release/cohorte seed-demo
	./target/release/cohorte serve

fmt-check:
	cargo fmt --all -- --check

clippy: tools
	cargo clippy --all-targets -p app --features ssr -- -D warnings
	cargo clippy --all-targets -p server -p migrations -- -D warnings
	cargo clippy --lib -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test -p app --features ssr
	cargo test -p server --lib --bins

# Integration tests start the real server. The first pass runs on SQLite,
# the embedded default, whatever the environment says; a second pass runs
# them against PostgreSQL when COHORTE_TEST_DATABASE_URL is set. Each pass
# announces its backend, and a test checks that the database it got is the
# one announced (COHORTE_TEST_BACKEND).
integration: build
	@echo "== integration tests on SQLite (embedded default)"
	env -u COHORTE_TEST_DATABASE_URL COHORTE_TEST_BACKEND=sqlite cargo test -p server --tests
	@if [ -n "$$COHORTE_TEST_DATABASE_URL" ]; then \
	  echo "== integration tests on PostgreSQL ($${COHORTE_TEST_DATABASE_URL%%\?*})"; \
	  COHORTE_TEST_BACKEND=postgres cargo test -p server --tests && $(MAKE) --no-print-directory clean-pg; \
	else \
	  echo "== COHORTE_TEST_DATABASE_URL is not set: integration tests did not run on PostgreSQL"; \
	fi

clean-pg:
	@command -v psql >/dev/null && for d in $$(psql "$$COHORTE_TEST_DATABASE_URL" -Atc "select datname from pg_database where datname like 'cohorte_t_%'"); do \
	  psql "$$COHORTE_TEST_DATABASE_URL" -qc "drop database if exists $$d" >/dev/null; done || true

e2e: build npm chromium firefox
	cd end2end && npx playwright test
	cd end2end && node firefox.mjs

test: fmt-check clippy unit integration e2e
	@echo "All checks passed."
