#!/usr/bin/env bash
# Fails when `npm run generate` changed or added files: generated code must be reproducible and committed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check:generated: not a git checkout; skipped" >&2
  exit 0
fi
# Compared with the index, so regenerated files that are staged (git add) count as current.
paths=(src/generated RULES.md README.md data schema)
changed=$( (git diff --name-only -- "${paths[@]}"; git ls-files --others --exclude-standard -- "${paths[@]}") | head -20)
if [ -n "$changed" ]; then
  echo "check:generated: 'npm run generate' changed these files; add and commit the regenerated output:" >&2
  echo "$changed" >&2
  exit 1
fi
echo "check:generated: generated files are current"
