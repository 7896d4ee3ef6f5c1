#!/usr/bin/env bash
# Lints the spec with Spectral's oas ruleset (overrides, each with its reason, in .spectral.yaml beside this file).
# Usage: lint.sh INSTALL_DIR SPEC
# Spectral comes from npm, pinned by package-lock.json, installed into INSTALL_DIR/node_modules on first use and
# again whenever the lock changes (never globally): Node 20 and npm are all it needs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$1"
spec="$2"
mkdir -p "$home"
if ! cmp -s "$here/package-lock.json" "$home/node_modules/.installed-package-lock.json"; then
  echo "Installing Spectral from $here/package-lock.json into $home/node_modules ..."
  if [ "$home" != "$here" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$home/"
  fi
  # No install scripts: Spectral needs none, and one of its dependencies would otherwise send telemetry.
  (cd "$home" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$home/node_modules/.installed-package-lock.json"
fi
# Warnings fail the build as errors do: a rule that does not apply is switched off in .spectral.yaml, with a reason.
NO_COLOR=1 FORCE_COLOR=0 "$home/node_modules/.bin/spectral" lint --ruleset "$here/.spectral.yaml" \
  --fail-severity warn --display-only-failures "$spec"
