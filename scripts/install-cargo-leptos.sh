#!/usr/bin/env bash
# Optional: cargo-leptos 0.3.11 and the wasm-bindgen CLI, for those who
# prefer `cargo leptos build` / `cargo leptos watch` (live reload) to the
# Makefile's build (docs/building.md). `make run` and `make test` never
# need them. About 20 minutes on 2 cores, once.
# - cargo-leptos 0.3.11's lock file needs a newer rustc than the
#   workspace's, so it is built from its unpacked source with one
#   dependency pinned back;
# - wasm-bindgen-cli must equal the wasm-bindgen crate version exactly and
#   is installed without --locked (its lock names a release the registry
#   lacks).
set -euo pipefail

LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$(dirname "$0")/../Cargo.toml")

fail() {
  printf '\033[1;31mscripts/install-cargo-leptos.sh: %s\033[0m\nSee docs/building.md.\n' "$*" >&2
  exit 1
}
log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
[ -n "$WASM_BINDGEN_VERSION" ] || fail "no pinned wasm-bindgen version in Cargo.toml"
# The project's flags must not leak into the tools' builds.
unset RUSTFLAGS

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || fail "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION failed"
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$LEPTOS_VERSION"; then
  log "Installing cargo-leptos $LEPTOS_VERSION (about 15 minutes)"
  # The locked install fails on rustc 1.95 but unpacks the sources first.
  cargo install cargo-leptos --version "$LEPTOS_VERSION" --locked >/dev/null 2>&1 || true
fi
if ! cargo leptos --version 2>/dev/null | grep -q "$LEPTOS_VERSION"; then
  src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/cargo-leptos-$LEPTOS_VERSION 2>/dev/null | head -n1)
  [ -n "$src" ] || fail "the cargo-leptos $LEPTOS_VERSION sources were not downloaded (is the registry reachable?)"
  tmp=$(mktemp -d)
  cp -r "$src" "$tmp/"
  (
    cd "$tmp/cargo-leptos-$LEPTOS_VERSION"
    cargo update -p cargo-util-schemas --precise 0.14.1
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --path . --locked
  ) || fail "building cargo-leptos $LEPTOS_VERSION failed"
  rm -rf "$tmp"
fi
