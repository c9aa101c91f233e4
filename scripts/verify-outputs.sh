#!/usr/bin/env bash
# Writes `sparekrav verify`'s output (text, --quiet, --format json, each with
# its exit code) on every file under tests/data/ into one folder, so that two
# builds can be compared byte for byte:
#
#   scripts/verify-outputs.sh OLD-BINARY /tmp/old
#   scripts/verify-outputs.sh target/release/sparekrav /tmp/new
#   diff -r /tmp/old /tmp/new && echo identical
#
# Standard error is kept too (notes and "nothing was verified" go there).
set -u
exe=${1:?binary}
out=${2:?output folder}
mkdir -p "$out"
cd "$(dirname "$0")/.."
find tests/data -type f | LC_ALL=C sort | while read -r f; do
  key=$(printf '%s' "$f" | tr '/' '_')
  for mode in text quiet json; do
    case $mode in
      text) args=() ;;
      quiet) args=(--quiet) ;;
      json) args=(--format json) ;;
    esac
    "$exe" verify "${args[@]}" "$f" >"$out/$key.$mode" 2>"$out/$key.$mode.err"
    echo "exit $?" >>"$out/$key.$mode.err"
  done
done
# Whole folders, and any extra files named after the two arguments (the
# benchmark's documents, say), as one run each.
for d in tests/data/real tests/data/heldout tests/data/prose tests/data/docs "${@:3}"; do
  key=$(printf '%s' "$d" | tr '/' '_')
  for mode in text quiet json; do
    case $mode in
      text) args=() ;;
      quiet) args=(--quiet) ;;
      json) args=(--format json) ;;
    esac
    "$exe" verify "${args[@]}" "$d" >"$out/all-$key.$mode" 2>"$out/all-$key.$mode.err"
    echo "exit $?" >>"$out/all-$key.$mode.err"
  done
done
