#!/usr/bin/env bash
# release/release.sh VERSION [--dry-run]
#
# Cuts release VERSION of the API and of the project (server jar, client jar and container image all carry it).
#   1. Checks: VERSION is MAJOR.MINOR.PATCH and above the last release in openapi/released/; the spec's info.version
#      is VERSION; CHANGELOG.md has its section ("## API VERSION — YYYY-MM-DD", or "## Unreleased (API VERSION)",
#      which the release dates); the working tree is clean (a real run only).
#   2. Runs the openapi module's checks, the breaking-change gate first: a spec that breaks clients of the last
#      release is refused (unless VERSION raises the major version), as are failing house rules and linters.
#   3. Sets the project's version to VERSION in every pom (and the README's dependency snippets), builds the server
#      jar, the client jar and the container image, and checks the version each one carries: the server jar's
#      manifest, `--version` and `admin --version`, the client jar's name and manifest, the image's tag.
#   4. Copies the spec to openapi/released/scaling-VERSION.yaml, regenerates docs/api-changes.md (VERSION gets its
#      section), dates the CHANGELOG section, commits "Release VERSION" and tags it vVERSION; then sets the poms to
#      MAJOR.(MINOR+1).0-SNAPSHOT and commits that.
# --dry-run does 1 and 2 and prints what 3 and 4 would do: it changes no file of the repository.
# Nothing is pushed or deployed.
#
# Environment: MVN (default ./mvnw) and RELEASE_MAVEN_ARGS (extra arguments of every Maven run, e.g. -o).
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed -E 's/^# ?//' >&2
  exit 2
}
fail() {
  echo "release: $*" >&2
  exit 1
}

version="${1:-}"
dry_run=false
case "${2:-}" in
  "") ;;
  --dry-run) dry_run=true ;;
  *) usage ;;
esac
[ -n "$version" ] && [ "$version" != "-h" ] && [ "$version" != "--help" ] || usage
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] \
  || fail "the version must be MAJOR.MINOR.PATCH (semantic versioning), not '$version'."
major="${BASH_REMATCH[1]}"
minor="${BASH_REMATCH[2]}"

cd "$(dirname "$0")/.."
mvn_cmd=(${MVN:-./mvnw} -B ${RELEASE_MAVEN_ARGS:-})
spec=openapi/src/main/resources/openapi/scaling.yaml
released_dir=openapi/released
released="$released_dir/scaling-$version.yaml"

# --- 1. The checks that need no build.
echo "Release $version$($dry_run && echo ' (dry run: nothing is changed)')"
if ! $dry_run && [ -n "$(git status --porcelain)" ]; then
  fail "the working tree has uncommitted changes; a release is cut from a clean commit."
fi
spec_version="$(awk '/^info:/ {inside=1; next} inside && /^[^ ]/ {exit} inside && /^  version:/ {print $2; exit}' "$spec")"
[ "$spec_version" = "$version" ] \
  || fail "the spec's info.version is '$spec_version', not $version ($spec). Set it first."
[ ! -e "$released" ] || fail "$released exists: $version was released already."
last="$(ls "$released_dir" | sed -nE 's/^scaling-([0-9]+\.[0-9]+\.[0-9]+)\.yaml$/\1/p' | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)"
if [ -n "$last" ] && [ "$(printf '%s\n%s\n' "$last" "$version" | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)" != "$version" ]; then
  fail "$version is below the last release, $last: versions only go up."
fi
dated_heading="$(grep -E "^## API ${version//./\\.} — [0-9]{4}-[0-9]{2}-[0-9]{2}\$" CHANGELOG.md || true)"
unreleased_heading="$(grep -Fx "## Unreleased (API $version)" CHANGELOG.md || true)"
if [ -z "$dated_heading" ] && [ -z "$unreleased_heading" ]; then
  fail "CHANGELOG.md has no section for $version ('## Unreleased (API $version)' or '## API $version — DATE'):" \
    "write what changed for its users first."
fi
project_version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
[ -n "$project_version" ] || fail "no project version in pom.xml."
echo "  spec info.version $version, CHANGELOG section present, last release ${last:-none}, project $project_version"

# --- 2. The spec's own checks: the breaking-change gate against $last, house rules, examples, both linters.
echo "  checking the spec against ${last:-nothing} (openapi module: gate, house rules, examples, linters) ..."
if ! gate_log="$("${mvn_cmd[@]}" -q -pl openapi verify 2>&1)"; then
  echo "$gate_log" >&2
  fail "the spec's checks failed (above): $version is not released."
fi
echo "$gate_log" | grep -E '^Breaking-change gate:' | sed 's/^/  /' || true

next="$major.$((minor + 1)).0-SNAPSHOT"
if $dry_run; then
  cat <<EOF
  would set the project version $project_version -> $version (every pom, README dependency snippets),
  build and check the server jar (manifest, --version, admin --version), the client jar and the image tag
  scaling-server:$version, copy $spec to $released, regenerate docs/api-changes.md,
  $([ -n "$unreleased_heading" ] && echo "date the CHANGELOG section ('## API $version — $(date -u +%F)')," || echo "keep the CHANGELOG section '$dated_heading',")
  commit "Release $version", tag v$version, then set the project version to $next and commit.
Dry run of $version passed.
EOF
  exit 0
fi

# --- 3. Versions, build, and what each artifact says it is. On failure the tree goes back to the commit.
restore() {
  echo "release: restoring the working tree to $(git rev-parse --short HEAD)." >&2
  git checkout -q -- .
  rm -f "$released"
}
trap restore EXIT

set_version() { # FROM TO FILES...
  local from="$1" to="$2"
  shift 2
  sed -i "s:<version>${from//./\\.}</version>:<version>$to</version>:" "$@"
}
poms=(pom.xml */pom.xml)
set_version "$project_version" "$version" "${poms[@]}" README.md client/README.md
echo "  building the server, its image and the client at $version ..."
if ! build_log="$("${mvn_cmd[@]}" -q -pl server,client -am verify -DskipTests 2>&1)"; then
  echo "$build_log" >&2
  fail "the build failed (above)."
fi

manifest_version() { # JAR
  python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("META-INF/MANIFEST.MF").decode())' "$1" \
    | tr -d '\r' | sed -n 's/^Implementation-Version: //p'
}
expect() { # WHAT ACTUAL
  [ "$2" = "$version" ] || [ "$2" = "scaling-server $version" ] || fail "$1 says '$2', not $version."
  echo "  $1: $2"
}
server_jar=server/target/scaling-server.jar
client_jar="client/target/scaling-client-$version.jar"
image=server/target/scaling-server-image.tar
[ -f "$client_jar" ] || fail "no $client_jar after the build."
expect "server jar manifest" "$(manifest_version "$server_jar")"
expect "server --version" "$(java -jar "$server_jar" --version)"
expect "server admin --version" "$(java -jar "$server_jar" admin --version)"
expect "client jar manifest" "$(manifest_version "$client_jar")"
image_tags="$(tar -xOf "$image" manifest.json)"
grep -Fq "\"scaling-server:$version\"" <<<"$image_tags" || fail "the image's tags are not scaling-server:$version: $image_tags"
expect "image tag" "$version"

# --- 4. The released spec, the API changes page that lists it, the CHANGELOG's date, the release commit and tag,
# the next development version.
cp "$spec" "$released"
if ! changes_log="$("${mvn_cmd[@]}" -q -pl openapi verify -Dscaling.api-changes.write=true -Dscaling.spectral.skip 2>&1)"; then
  echo "$changes_log" >&2
  fail "regenerating docs/api-changes.md failed (above)."
fi
if [ -n "$unreleased_heading" ]; then
  sed -i "s:^## Unreleased (API ${version//./\\.})\$:## API $version — $(date -u +%F):" CHANGELOG.md
fi
git add -A "$released" docs/api-changes.md CHANGELOG.md README.md client/README.md "${poms[@]}"
git commit -q -m "Release $version: $released is the released spec; every artifact is version $version"
git tag -a "v$version" -m "Release $version"
trap - EXIT
set_version "$version" "$next" "${poms[@]}"
git add "${poms[@]}"
git commit -q -m "Next development version: $next"
echo "Released $version: tag v$version ($(git rev-parse --short "v$version^{commit}")); the project is now $next."
echo "Push the branch and the tag when the lead agrees: git push && git push origin v$version"
