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

# await_answer PID TIMEOUT_S WHAT CURL_ARGS...: waits until curl with these arguments succeeds (-s: any answer, -sf:
# a 2xx), and fails the run if process PID exits first or TIMEOUT_S pass.
await_answer() {
  local pid=$1 timeout_s=$2 what=$3 t0; shift 3
  t0=$(millis_now)
  until curl -o /dev/null "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "$what exited"
    [ $(($(millis_now) - t0)) -lt $((timeout_s * 1000)) ] || fail "$what did not answer within $timeout_s s"
    sleep 0.05
  done
}

# Builds the server jar when it is missing or older than its sources.
build_jar_if_stale() {
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml openapi server/pom.xml server/src -newer "$jar" -type f -print -quit)" ]; then
    log "building the server jar"
    ./mvnw -B -q -pl server -am package -DskipTests >&2
  fi
}
