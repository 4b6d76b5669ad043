#!/usr/bin/env bash
# Checks the Rust toolchain and adds the wasm target, the only tools the
# build needs beyond cargo (docs/building.md says why). Stops with the
# reason when something is missing that it cannot install itself.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  printf '\033[1;31mscripts/install-tools.sh: %s\033[0m\n' "$*" >&2
  printf 'See docs/building.md (section "What the build needs").\n' >&2
  exit 1
}
log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

command -v cargo >/dev/null || fail "cargo is not on PATH: install Rust with rustup (https://rustup.rs), then open a new shell"
command -v rustup >/dev/null || fail "rustup is not on PATH: the wasm target is added with rustup; install Rust with rustup rather than a distribution package"

# The workspace's rust-version is the one Rust version everything here is
# pinned against (rust-toolchain.toml asks for stable, which must be at
# least that).
want=$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
have=$(rustc --version | awk '{print $2}')
[ -n "$want" ] || fail "no rust-version in Cargo.toml"
if [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" != "$want" ]; then
  fail "rustc $have is older than the workspace's rust-version $want: run 'rustup update stable'"
fi

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown \
    || fail "could not add the wasm32-unknown-unknown target (offline? RUSTUP_AUTO_INSTALL=0?): run 'rustup target add wasm32-unknown-unknown'"
fi
