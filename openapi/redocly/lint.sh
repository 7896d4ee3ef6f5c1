#!/usr/bin/env bash
# Lints the spec with Redocly CLI's recommended rules (redocly.yaml beside this file; findings accepted one by one,
# each with its reason, in .redocly.lint-ignore.yaml).
# Usage: lint.sh INSTALL_DIR SPEC
# Redocly CLI comes from npm, pinned by package-lock.json, installed into INSTALL_DIR/node_modules (../npm-ci.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$1"
spec="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
bash "$here/../npm-ci.sh" "$here" "$home"
# Redocly looks for its configuration and ignore file in the working directory. Warnings fail the build as errors do.
cd "$here"
# Redocly exits 0 on warnings, so its summary decides too.
status=0
report="$(NO_COLOR=1 FORCE_COLOR=0 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$home/node_modules/.bin/redocly" lint --config "$here/redocly.yaml" --max-problems 1000 --format stylish "$spec" 2>&1)" \
  || status=$?
echo "$report"
if [ "$status" -ne 0 ] || grep -Eq 'You have [0-9]+ warnings?' <<<"$report"; then
  echo "Redocly: the spec has findings (above). Fix them, or accept one with its reason in" \
    "openapi/redocly/.redocly.lint-ignore.yaml (a rule that does not fit: off in redocly.yaml, with its reason)." >&2
  exit 1
fi
