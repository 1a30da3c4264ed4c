#!/usr/bin/env bash
# The product links FoundationEssentials, never Foundation proper (Sources/Platform/Platform.swift
# says why: ~1,800 conformance records and ICU). Fails when a source file imports Foundation or
# the built binary needs libFoundation.so / libFoundationInternationalization.so.
set -euo pipefail
cd "$(dirname "$0")/../.."

if grep -rnE '^\s*(@_exported\s+)?import\s+(Foundation|FoundationNetworking|FoundationInternationalization)\b' Sources \
  | grep -v '^Sources/Platform/Platform.swift:'; then
  echo "no-foundation: the files above import Foundation; import Platform instead." >&2
  exit 1
fi

bin="$(swift build --show-bin-path)/snowgate"
[ -x "$bin" ] || swift build --product snowgate
linked=$(ldd "$bin")
if grep -E 'libFoundation(Networking|International\w*)?\.so' <<<"$linked"; then
  echo "no-foundation: $bin links the libraries above; something imports Foundation again." >&2
  exit 1
fi
grep -q 'libFoundationEssentials\.so' <<<"$linked" || {
  echo "no-foundation: $bin does not link libFoundationEssentials.so; is this the debug build?" >&2
  exit 1
}
echo "no-foundation: $bin links FoundationEssentials only"
