#!/bin/sh
# Runs a command and fails unless it exits 0 and prints nothing at all
# (`quire validate` prints nothing but errors).
out=$("$@" 2>&1)
rc=$?
if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
  printf 'exit %s, output:\n%s\n' "$rc" "$out" >&2
  exit 1
fi
