#!/usr/bin/env bash
# Peak resident memory and throughput of the server under load, with the JVM defaults of ./jvm.options and with the
# JVM's own ergonomics (no options), on the embedded H2 database. Results and method: docs/benchmarks.md, "Memory".
#
#   bench/memory.sh [--duration S] [--connections N] [--repeats N] [--jar PATH]
#
# --jar: a server jar to run instead of server/target/scaling-server.jar (then nothing is built), e.g. a copy
# while a build rewrites the original.
#
# Each run: a fresh database, the server started, POST /v1/incidents driven by wrk (bench/api.lua, as bench/run.sh
# does) for S seconds (default 60) at N connections (default 64), VmRSS sampled every half second from
# /proc/PID/status, VmHWM (the kernel's own peak) read at the end. Prints one line per run and a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=""
duration=60; connections=64; repeats=2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --repeats) repeats=$2; shift ;;
    --jar) jar=$(readlink -f "$2"); shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
# log, fail, apt_install, free_port, millis_now, await_answer, build_jar_if_stale
source "$root/bench/lib.sh"
command -v wrk >/dev/null || apt_install wrk
[ -n "$jar" ] || { jar=$root/server/target/scaling-server.jar; build_jar_if_stale; }

scratch=$(mktemp -d /tmp/scaling-memory.XXXXXX)
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; } || true
  [ -n "${keep_scratch:-}" ] && log "kept $scratch for its logs" || rm -rf "$scratch"
}
trap cleanup EXIT
# Started through links, so that a broad `pkill java` aimed at other processes does not end a run midway.
ln -s "$jar" "$scratch/memory-server.jar"
ln -s "$(readlink -f "$(command -v java)")" "$scratch/memory-jvm"

random_chars=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
api_key=scl_live_${random_chars:0:32}
status_kib() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$server_pid/status"; }

# One run: label, then JVM options. Prints "RESULT label rps peak_rss_mib hwm_mib".
run_once() {
  local label=$1 port base workdir peak=0 rss line; shift
  port=$(free_port); base=http://127.0.0.1:$port
  workdir=$scratch/$label-$RANDOM; mkdir -p "$workdir"
  (cd "$workdir" && exec env SCALING_DEMO_API_KEY="$api_key" MICRONAUT_SERVER_PORT="$port" \
    "$scratch/memory-jvm" "$@" -jar "$scratch/memory-server.jar" >"$workdir/server.out" 2>"$workdir/server.err" </dev/null) &
  server_pid=$!
  await_answer "$server_pid" 180 "the server (its log: $workdir/server.err)" -sf "$base/health"
  wrk -t1 -c"$connections" -d"${duration}s" --timeout 10s -s "$root/bench/api.lua" "$base" -- create "$api_key" \
    >"$workdir/wrk.out" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(status_kib VmRSS); [ "${rss:-0}" -le "$peak" ] || peak=$rss
    sleep 0.5
  done
  wait "$wrk_pid" || fail "wrk failed"
  line=$(grep '^RESULT' "$workdir/wrk.out") || fail "wrk printed no result"
  local hwm; hwm=$(status_kib VmHWM)
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  printf 'RESULT %s rps=%s peak_rss_mib=%d hwm_mib=%d\n' "$label" \
    "$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line")" $((peak / 1024)) $((hwm / 1024))
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=$scratch/results.txt
for i in $(seq "$repeats"); do
  run_once defaults "@$root/jvm.options" | tee -a "$results"
  run_once ergonomics | tee -a "$results"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Machine: $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(java -version 2>&1 | head -1)"
echo "Load average before $load_before, after $load_after; wrk -c$connections for ${duration}s per run, $repeats runs each"
echo
echo "| JVM options | Run | POST /v1/incidents per s | Peak VmRSS (MiB) | VmHWM (MiB) |"
echo "|---|---:|---:|---:|---:|"
awk '{ for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } n[$2]++
       printf "| %s | %d | %d | %d | %d |\n", ($2 == "defaults" ? "jvm.options" : "none (ergonomics)"), n[$2], v["rps"], v["peak_rss_mib"], v["hwm_mib"] }' "$results"
