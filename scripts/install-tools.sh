#!/usr/bin/env bash
# Installs the build tools Cohorte needs, only when they are missing.
# See ../shared/TOOLCHAIN.md for why each step is done this way:
# - cargo-leptos 0.3.11's lock file needs a newer rustc, so it is built from
#   its unpacked source with one dependency pinned back;
# - wasm-bindgen-cli must equal the wasm-bindgen crate version exactly and is
#   installed without --locked (its lock names a release the registry lacks).
set -euo pipefail

LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
  log "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$LEPTOS_VERSION"; then
  log "Installing cargo-leptos $LEPTOS_VERSION (about 15 minutes)"
  # The locked install fails on rustc 1.95 but unpacks the sources first.
  cargo install cargo-leptos --version "$LEPTOS_VERSION" --locked >/dev/null 2>&1 || true
  src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/cargo-leptos-$LEPTOS_VERSION | head -n1)
  tmp=$(mktemp -d)
  cp -r "$src" "$tmp/"
  (
    cd "$tmp/cargo-leptos-$LEPTOS_VERSION"
    cargo update -p cargo-util-schemas --precise 0.14.1
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --path . --locked
  )
  rm -rf "$tmp"
fi
