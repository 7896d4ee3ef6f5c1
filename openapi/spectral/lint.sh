#!/usr/bin/env bash
# Lints the spec with Spectral's oas ruleset (overrides, each with its reason, in .spectral.yaml beside this file).
# Usage: lint.sh INSTALL_DIR SPEC
# Spectral comes from npm, pinned by package-lock.json, installed into INSTALL_DIR/node_modules (../npm-ci.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$1"
spec="$2"
bash "$here/../npm-ci.sh" "$here" "$home"
# Warnings fail the build as errors do: a rule that does not apply is switched off in .spectral.yaml, with a reason.
NO_COLOR=1 FORCE_COLOR=0 "$home/node_modules/.bin/spectral" lint --ruleset "$here/.spectral.yaml" \
  --fail-severity warn --display-only-failures "$spec"
