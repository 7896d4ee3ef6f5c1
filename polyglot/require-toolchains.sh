#!/usr/bin/env bash
# Fails early, naming what to install, when a toolchain the polyglot build compiles with is missing.
# .ci/run installs them; on a developer's machine (Debian): apt-get install -y golang nodejs npm python3.
missing=()
command -v go >/dev/null || missing+=("go (Debian package: golang)")
command -v node >/dev/null || missing+=("node, 20 or newer (Debian package: nodejs)")
command -v npm >/dev/null || missing+=("npm (Debian package: npm)")
command -v python3 >/dev/null || missing+=("python3 (Debian package: python3)")
if ((${#missing[@]})); then
  echo "The polyglot module compiles the Go, TypeScript and Python clients generated from the spec and needs:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "Install them (e.g. apt-get update && apt-get install -y golang), or skip the module with -DskipTests." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "The TypeScript smoke test needs Node.js 20 or newer (built-in fetch and test runner); found $(node --version)." >&2
  exit 1
fi
