#!/usr/bin/env bash
# Installs the npm packages pinned by SOURCE_DIR/package-lock.json into INSTALL_DIR/node_modules, on first use and
# again whenever the lock changes (never globally): Node 20 and npm are all the linters of this module need.
# Usage: npm-ci.sh SOURCE_DIR INSTALL_DIR
set -euo pipefail
source_dir="$1"
home="$2"
mkdir -p "$home"
if ! cmp -s "$source_dir/package-lock.json" "$home/node_modules/.installed-package-lock.json"; then
  echo "Installing $(basename "$source_dir") from $source_dir/package-lock.json into $home/node_modules ..."
  if [ "$home" != "$source_dir" ]; then
    cp "$source_dir/package.json" "$source_dir/package-lock.json" "$home/"
  fi
  # No install scripts: the linters need none, and some dependencies would otherwise send telemetry.
  (cd "$home" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$source_dir/package-lock.json" "$home/node_modules/.installed-package-lock.json"
fi
