# Helpers shared by the benchmark scripts (bench/run.sh, bench/memory.sh): source it after `set -euo pipefail`.
# fail() sets keep_scratch, which the caller's clean-up reads.

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
fail() { log "FAILED: $*"; keep_scratch=1; exit 1; }

apt_install() {
  log "installing $* with apt-get"
  command -v apt-get >/dev/null || fail "$* missing and no apt-get to install it"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "$@" >/dev/null; } \
    || fail "apt-get install $*"
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (: </dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "$port"; return; }
  done
}
millis_now() { echo $(($(date +%s%N) / 1000000)); }

# Builds the server jar when it is missing or older than its sources.
build_jar_if_stale() {
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml openapi server/pom.xml server/src -newer "$jar" -type f -print -quit)" ]; then
    log "building the server jar"
    ./mvnw -B -q -pl server -am package -DskipTests >&2
  fi
}
