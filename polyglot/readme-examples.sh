#!/usr/bin/env bash
# readme-examples.sh README CLIENTS_DIR
# Puts the Go, TypeScript and Python examples of README.md ("Using them") verbatim where the build compiles them
# with the clients it generated: go build/vet (CLIENTS_DIR/go/examples/readme), tsc --strict (tsconfig.json takes
# target/readme-example/, where ./scaling is the generated TypeScript client), python3 -m compileall; and checks that
# every openapi_client.<name> the Python example uses is one the package exports (its dependencies are not here to
# import it). An example that no longer compiles against what the generators make fails the build.
set -euo pipefail
readme=$1 clients=$2
example() {
  local code
  code=$(awk -v fence='```'"$1" '$0 == fence { inside = 1; next } inside && $0 == "```" { exit } inside { print }' "$readme")
  if [ -z "$code" ]; then
    echo "readme-examples.sh: $readme has no \`\`\`$1 example" >&2
    exit 1
  fi
  printf '%s\n' "$code"
}
mkdir -p "$clients/go/examples/readme"
example go > "$clients/go/examples/readme/main.go"
typescript=$(dirname "$clients")/readme-example
mkdir -p "$typescript"
example typescript > "$typescript/example.ts"
ln -sfn ../clients/typescript "$typescript/scaling"
example python > "$clients/python/readme_example.py"
missing=$(grep -oE 'openapi_client\.[A-Za-z_]+' "$clients/python/readme_example.py" | sed 's/^openapi_client\.//' | sort -u |
  while read -r name; do
    grep -qE "^from openapi_client\..* import $name as $name\$" "$clients/python/openapi_client/__init__.py" || echo "$name"
  done)
if [ -n "$missing" ]; then
  echo "readme-examples.sh: the Python example uses names openapi_client does not export: $missing" >&2
  exit 1
fi
