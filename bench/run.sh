#!/usr/bin/env bash
# The Scaling benchmark: create throughput and latency against the direct-JDBC limit, a trivial authenticated
# endpoint and the machine's floor (bench/Floor.java), listing at depth over 1,000,000 incidents, start-up time and
# memory, on the embedded H2 file database and on a throwaway PostgreSQL cluster. Prints a Markdown report and
# writes it to a file.
# See docs/benchmarks.md for what each figure means.
#
#   bench/run.sh            the full run, H2 and PostgreSQL (about 20 minutes)
#   bench/run.sh --smoke    a tiny H2-only run that checks every step still works (under a minute)
#
# Options (after --smoke they override its values): --db h2|postgresql|both, --duration S (each measured
# window), --warmup S (at least; the server's warm-up lasts until its JIT settles), --repeats N,
# --levels "1 8 32 64" (connections), --rows N (incidents to list over), --no-own-core (skip PostgreSQL's
# second create series with the database pinned to a core of its own), --out FILE. Needs wrk and, for PostgreSQL, the Debian postgresql package: installs them with apt-get when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=$root/server/target/scaling-server.jar

dbs="h2 postgresql"
duration=5          # seconds per measured point: 72 points (3 endpoints x 4 levels x 3 repeats x 2 databases)
warmup=20           # at least this many seconds of warm-up per series (the server's: until the JIT settles)
max_warmup=120
repeats=3
levels="1 8 32 64"
rows=1000000
depth=100          # pages of 100 followed before the deep page: 10,000 rows in
list_repeats=20    # timed requests per page in the listing benchmark
restarts=3
out=""
own_core=1         # PostgreSQL's create series once more with the database on a core of its own
mode=full
args_given="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) mode=smoke; dbs=h2; own_core=0; duration=1; warmup=1; max_warmup=1; repeats=1; levels="1 8"; rows=10000; depth=3
             list_repeats=3; restarts=1 ;;
    --db) case "$2" in both) dbs="h2 postgresql" ;; h2|postgresql) dbs=$2 ;; *) echo "--db h2|postgresql|both" >&2; exit 2 ;; esac
          shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; [ "$max_warmup" -ge "$2" ] || max_warmup=$2; shift ;;
    --repeats) repeats=$2; shift ;;
    --levels) levels=$2; shift ;;
    --rows) rows=$2; shift ;;
    --out) out=$2; shift ;;
    --no-own-core) own_core=0 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
# The listing's narrowest walk (status and severity together: one seeded row in 16) must find depth + 1 pages of
# 100; with fewer rows the run would stop there, after every timed step.
needed_rows=$((16 * (depth + 1) * 100))
if [ "$rows" -lt "$needed_rows" ]; then
  echo "--rows $rows is too few: the listing needs at least $needed_rows incidents" >&2
  exit 2
fi
out=${out:-$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$mode.md}
mkdir -p "$(dirname "$out")"

# log, fail, apt_install, free_port, millis_now, await_answer, build_jar_if_stale
source "$root/bench/lib.sh"

# ---- tools ----------------------------------------------------------------------------------------------------
wrk_origin="already installed"
command -v wrk >/dev/null || { apt_install wrk; wrk_origin="installed by this run (apt-get)"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
pg_origin="not used"
if [[ " $dbs " == *" postgresql "* ]]; then
  pg_origin="Debian package, already installed"
  [ -n "$(pg_bin)" ] || { apt_install postgresql; pg_origin="Debian package, installed by this run (apt-get)"; }
fi

build_jar_if_stale

# ---- scratch space, processes and their clean-up ----------------------------------------------------------------
scratch=$(mktemp -d /tmp/scaling-bench.XXXXXX)
results=$scratch/results.tsv   # db, measure, level, rps, p50, p99, p999, failed, cpu ms per request
facts=$scratch/facts.tsv       # db, name, value
plans=$scratch/plans.md
: >"$results"; : >"$facts"; : >"$plans"
server_pid=""
pg_data=""
cleanup() {
  [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; } || true
  [ -z "$pg_data" ] || as_postgres "$(pg_bin)/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${keep_scratch:-}" ] && log "kept $scratch for its logs" || rm -rf "$scratch"
  rm -rf "${pg_dir:-}"
}
trap cleanup EXIT

fact() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$facts"; }
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status"; }
# CPU time (user + system) the server process has used, in ms; fields 14 and 15 of /proc/PID/stat are in ticks.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$server_pid/stat"; }

random_chars=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
api_key=scl_live_${random_chars:0:32}
port=$(free_port)
base=http://127.0.0.1:$port

# ---- the server --------------------------------------------------------------------------------------------------
db_env=()          # SCALING_DB_* for PostgreSQL; empty for the embedded H2 under $workdir/data
jdbc_url=""; jdbc_user=""; jdbc_password=""
workdir=""

# The JVM and the jar are started through links in the scratch directory, so that a `pkill java` or
# `pkill -f scaling-server.jar` aimed at other processes on a shared machine does not end a run midway.
ln -s "$jar" "$scratch/bench-server.jar"
jvm=$scratch/bench-jvm
ln -s "$(readlink -f "$(command -v java)")" "$jvm"

# Extra JVM options of the next start: the class-data archive's, when a restart is measured with it.
jvm_extra=()
archive=$scratch/server.jsa

# Starts the server from the jar and waits for GET /health; sets started_ms to the time that took.
start_server() {
  local t0; t0=$(millis_now)
  (cd "$workdir" && exec env "${db_env[@]}" SCALING_DEMO_API_KEY="$api_key" MICRONAUT_SERVER_PORT="$port" \
    "${app_pin[@]}" "$jvm" "${jvm_extra[@]}" -jar "$scratch/bench-server.jar" >>"$workdir/server.out" 2>>"$workdir/server.err" </dev/null) &
  server_pid=$!
  await_answer "$server_pid" 180 "the server (its log: $workdir/server.err)" -sf "$base/health"
  started_ms=$(($(millis_now) - t0))
}
assert_server_alive() {
  kill -0 "$server_pid" 2>/dev/null || fail "the server process ended during the run (killed from outside?); its log: $workdir/server.err"
}
stop_server() {
  assert_server_alive
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

jdbc() { "${app_pin[@]}" "$jvm" -cp "$jar" "$root/bench/Jdbc.java" "$1" "$jdbc_url" "$jdbc_user" "$jdbc_password" "$api_key" "${@:2}"; }

# ---- the databases -----------------------------------------------------------------------------------------------
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

setup_h2() {
  db_env=()
  # The server's own default URL, made absolute so that the JDBC program opens the very same file (Jdbc.java
  # adds the server's H2 settings to it, as the server does).
  jdbc_url="jdbc:h2:file:$workdir/data/scaling"
  jdbc_user=sa; jdbc_password=""
  db_about="file mode, the server's default URL (default cache)"
}

setup_postgresql() {
  local bin pg_port; bin=$(pg_bin); pg_port=$(free_port)
  pg_dir=$(mktemp -d /tmp/scaling-bench-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ "$(id -u)" -ne 0 ] || chown postgres "$pg_dir"
  pg_data=$pg_dir/data
  as_postgres "$bin/initdb" -D "$pg_data" -U bench --auth=trust -E UTF8 --no-locale >/dev/null
  as_postgres "$bin/pg_ctl" -D "$pg_data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U bench scaling
  pg_admin=(-h 127.0.0.1 -p "$pg_port" -U bench)
  jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/scaling"; jdbc_user=bench; jdbc_password=bench
  db_env=(SCALING_DB_URL="$jdbc_url" SCALING_DB_USER="$jdbc_user" SCALING_DB_PASSWORD="$jdbc_password")
  db_about="$pg_origin; throwaway cluster (initdb, default settings, fsync on)"
}

# An empty database again, for the listing: it must hold exactly the seeded incidents.
reset_h2() { rm -rf "$workdir/data"; }
reset_postgresql() {
  as_postgres "$(pg_bin)/dropdb" "${pg_admin[@]}" scaling
  as_postgres "$(pg_bin)/createdb" "${pg_admin[@]}" scaling
}

teardown_postgresql() {
  as_postgres "$(pg_bin)/pg_ctl" -D "$pg_data" -m fast stop >/dev/null
  rm -rf "$pg_dir"; pg_data=""; pg_dir=""
}

# The own-core layout: PostgreSQL alone on the last CPU, the server, wrk and the JDBC program on the others, as
# when the database runs on a machine of its own. In the shared layout all of them compete for every core, and
# the API's ratio then also measures how much CPU the server takes away from the database.
app_pin=()         # command prefix for the server, wrk and the JDBC program
last_cpu=$(($(nproc) - 1))
pin_postgres() { # CPU list: the postmaster and every backend (new backends inherit the postmaster's)
  local postmaster pid
  postmaster=$(head -1 "$pg_data/postmaster.pid")
  taskset -pc "$1" "$postmaster" >/dev/null
  # A backend may exit between pgrep and taskset (a closed connection); it needs no pinning then.
  for pid in $(pgrep -P "$postmaster"); do taskset -pc "$1" "$pid" >/dev/null 2>&1 || true; done
}

# ---- the measurements --------------------------------------------------------------------------------------------
max_level=$(tr ' ' '\n' <<<"$levels" | sort -n | tail -1)

# CPU time the server's JIT compiler threads have used so far, in ms.
jit_cpu_ms() {
  local task total=0
  for task in /proc/"$server_pid"/task/*; do
    [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ Compiler* ]] || continue
    total=$((total + $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "$task/stat")))
  done
  echo "$total"
}

# Warm-up for one mode: wrk windows cycling through the levels until the JIT compiler used under 5 % of a
# window, after at least $warmup s and at most $max_warmup s. On 2 cores the single C2 thread keeps compiling
# the request path for tens of seconds, and a measurement taken meanwhile shares the CPU with it.
warm_up() {
  local db=$1 mode=$2 level elapsed=0 jit_before jit_used=0 window_s=$((max_warmup < 3 ? max_warmup : 3))
  log "$db: wrk $mode, warm-up until the JIT settles (at least ${warmup}s, at most ${max_warmup}s)"
  while [ "$elapsed" -lt "$max_warmup" ]; do
    for level in $max_level $levels; do
      jit_before=$(jit_cpu_ms)
      "${app_pin[@]}" wrk -t1 -c"$level" -d"${window_s}s" -s "$root/bench/api.lua" "$base" -- "$mode" "$api_key" >/dev/null
      jit_used=$(($(jit_cpu_ms) - jit_before)); elapsed=$((elapsed + window_s))
      [ "$elapsed" -lt "$warmup" ] || [ $((jit_used * 20)) -ge $((window_s * 1000)) ] || break 2
      [ "$elapsed" -lt "$max_warmup" ] || break 2
    done
  done
  fact "$db" "warmup_${mode}_s" "$elapsed"
  fact "$db" "warmup_${mode}_last_jit_ms" "$jit_used"
  log "$db: $mode warmed up in ${elapsed}s; the JIT used ${jit_used} ms of the last ${window_s} s window"
}

# wrk at each level for one mode of bench/api.lua (create | missing), after warming up.
wrk_levels() {
  local db=$1 mode=$2 level rep line cpu_before
  warm_up "$db" "$mode"
  for level in $levels; do
    for rep in $(seq "$repeats"); do
      cpu_before=$(server_cpu_ms)
      line=$("${app_pin[@]}" wrk -t1 -c"$level" -d"${duration}s" --timeout 10s -s "$root/bench/api.lua" "$base" -- "$mode" "$api_key" \
        | grep '^RESULT') || fail "wrk $mode at $level connections printed no result"
      line="$line cpu_ms=$(awk -v ms=$(($(server_cpu_ms) - cpu_before)) '{ sub(/.*requests=/, ""); printf "%.3f", ms / $1 }' <<<"$line")"
      assert_server_alive
      record "$db" "$mode" "$level" "$line"
    done
  done
}

# Appends a RESULT line (key=value pairs) to the results table.
record() {
  local db=$1 measure=$2 level=$3 line=$4
  awk -v db="$db" -v m="$measure" -v l="$level" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", db, m, l, v["rps"], v["p50_ms"], v["p99_ms"], v["p999_ms"], v["failed"],
        v["cpu_ms"]
    }' <<<"$line" >>"$results"
  log "$db $measure c=$level: $line"
}

# The machine's floor: the 404 series against bench/Floor.java, a responder with no framework (a fixed 404 from a
# socket), started like the JDBC program. Whatever latency and tail it shows is the machine's and wrk's own.
machine_floor() {
  local floor_port floor_pid level rep line
  floor_port=$(free_port)
  "${app_pin[@]}" "$jvm" -Xmx64m -XX:+UseSerialGC "$root/bench/Floor.java" "$floor_port" >/dev/null 2>&1 &
  floor_pid=$!
  await_answer "$floor_pid" 60 bench/Floor.java -s "http://127.0.0.1:$floor_port/"
  log "machine floor (bench/Floor.java): warm-up ${warmup}s, then the 404 series"
  "${app_pin[@]}" wrk -t1 -c1 -d"${warmup}s" -s "$root/bench/api.lua" "http://127.0.0.1:$floor_port" -- missing - >/dev/null
  for level in $levels; do
    for rep in $(seq "$repeats"); do
      line=$("${app_pin[@]}" wrk -t1 -c"$level" -d"${duration}s" --timeout 10s -s "$root/bench/api.lua" \
        "http://127.0.0.1:$floor_port" -- missing - | grep '^RESULT') || fail "wrk against the floor printed no result"
      record machine floor "$level" "$line"
    done
  done
  kill "$floor_pid"; wait "$floor_pid" 2>/dev/null || true
}

direct_jdbc() {
  local db=$1 line
  log "$db: direct JDBC inserts (server stopped), warm-up ${warmup}s at $max_level connections"
  while read -r line; do
    record "$db" jdbc "$(sed 's/.*connections=\([0-9]*\).*/\1/' <<<"$line")" "$line"
  done < <(jdbc insert "$(tr ' ' ',' <<<"$levels")" "$warmup" "$duration" "$repeats" | grep '^RESULT')
}

list_at_depth() {
  local db=$1 from to line label
  from=$(date -u -d '200 days ago' +%F); to=$(date -u -d '100 days ago' +%F)
  log "$db: listing, page 1 and page $((depth + 1)) ($((depth * 100)) rows in), $list_repeats requests each"
  explain_args=(from="$from")
  while read -r line; do
    label=$(sed 's/.*query=\([^ ]*\).*/\1/' <<<"$line")
    printf '%s\t%s\n' "$db" "$line" >>"$scratch/list.txt"
    log "$db list: $line"
    # Without a deep position (the walk was abandoned) its EXPLAIN uses the newest row: still the same plan shape.
    [[ "$line" == *deep_after_at=* ]] || line="deep_after_at=$(date -u +%FT%TZ) deep_after_id=ffffffff-ffff-4fff-bfff-ffffffffffff"
    explain_args+=("${label}_at=$(sed 's/.*deep_after_at=\([^ ]*\).*/\1/' <<<"$line")"
                   "${label}_id=$(sed 's/.*deep_after_id=\([^ ]*\).*/\1/' <<<"$line")")
  done < <("$jvm" -cp "$jar" "$root/bench/ListDepth.java" "$base" "$api_key" "$depth" "$list_repeats" \
             all= status=status=resolved severity=severity=critical "range=from=$from&to=$to" \
             both=status=resolved\&severity=critical | grep '^LIST')
}

bench_db() {
  local db=$1 t0 i
  t0=$(millis_now)
  workdir=$scratch/$db; mkdir -p "$workdir"
  "setup_$db"

  log "$db: first start (empty database: migrations, demo organization)"
  start_server; fact "$db" first_start_ms "$started_ms"
  wrk_levels "$db" create
  wrk_levels "$db" missing
  fact "$db" rss_after_load_mib "$(rss_mib)"
  stop_server

  direct_jdbc "$db"
  measured="$measured $db"
  if [ "$db" = postgresql ] && [ "$own_core" = 1 ] && [ "$last_cpu" -ge 1 ]; then
    log "$db: create and direct JDBC again, PostgreSQL alone on CPU $last_cpu, the rest on CPU 0-$((last_cpu - 1))"
    pin_postgres "$last_cpu"; app_pin=(taskset -c "0-$((last_cpu - 1))")
    start_server
    wrk_levels "$db-own-core" create
    stop_server
    direct_jdbc "$db-own-core"
    pin_postgres "0-$last_cpu"; app_pin=()
    measured="$measured $db-own-core"
  fi

  log "$db: a fresh database for the listing: start (migrations, demo organization), then seed $rows incidents"
  "reset_$db"
  # This start also records the classes the server loads into a class-data archive (written when it stops), as
  # ./run does on a first run; the restarts below alternate with and without it, back to back.
  rm -f "$archive"; jvm_extra=(-Xlog:cds*=off -XX:ArchiveClassesAtExit="$archive")
  start_server; fact "$db" first_start_ms "$started_ms"
  stop_server
  jvm_extra=()
  jdbc sql "$root/bench/seed.sql" total="$rows" spacing=$((365 * 86400 / rows)) >"$workdir/seed.txt"
  fact "$db" seed_s "$(grep '^-- [0-9]* rows, ' "$workdir/seed.txt" | head -1 | awk '{ print $4 }')"
  fact "$db" version "$(sed -n 's/^-- database: //p' "$workdir/seed.txt"), $db_about"

  for i in $(seq "$restarts"); do
    jvm_extra=(-Xlog:cds*=off -XX:SharedArchiveFile="$archive")
    start_server; fact "$db" restart_cds_ms "$started_ms"; log "$db: restart $i with the class-data archive: ${started_ms} ms"
    stop_server
    jvm_extra=()
    start_server; fact "$db" restart_ms "$started_ms"; log "$db: restart $i without: ${started_ms} ms"
    [ "$i" -eq "$restarts" ] || stop_server
  done
  list_at_depth "$db"
  fact "$db" rss_after_list_mib "$(rss_mib)"
  stop_server

  { echo "### $db"; echo; echo '```'; jdbc sql "$root/bench/explain.sql" "${explain_args[@]}"; echo '```'; echo; } >>"$plans"
  [ "$db" != postgresql ] || teardown_postgresql
  fact "$db" phase_s $((($(millis_now) - t0) / 1000))
}

# ---- run ---------------------------------------------------------------------------------------------------------
measured=""        # what the create tables report: each database, and postgresql-own-core when it ran
run_t0=$(millis_now)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
machine_floor
for db in $dbs; do bench_db "$db"; done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
total_s=$((($(millis_now) - run_t0) / 1000))

# ---- the report --------------------------------------------------------------------------------------------------
# Aggregates repeated measurements: "median (min–max)" per db, measure and level.
summary() {
  awk -F'\t' -v want="$1" '
    function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
                                  return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
    { k = $1 SUBSEP $2 SUBSEP $3; n[k]++; col = (want == "rps") ? $4 : (want == "p50") ? $5 : (want == "p99") ? $6 : (want == "p999") ? $7 : $9
      v[k, n[k]] = col; fails[k] += $8 }
    END { for (k in n) { split(k, p, SUBSEP); m = n[k]; delete a; for (i = 1; i <= m; i++) a[i] = v[k, i]
            lo = a[1]; hi = a[1]; for (i = 1; i <= m; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
            printf "%s\t%s\t%s\t%s\t%s\t%s\t%d\n", p[1], p[2], p[3], med(a, m), lo, hi, fails[k] } }' "$results"
}
fact_of() { awk -F'\t' -v d="$1" -v n="$2" '$1 == d && $2 == n { print $3 }' "$facts"; }
stat_of() { # db name: "median (min–max)" of the fact's values
  fact_of "$1" "$2" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "–"; exit }
    m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf (NR > 1 ? "%d (%d–%d)" : "%d"), m, a[1], a[NR] }'
}
summary rps >"$scratch/rps.tsv"
for q in p50 p99 p999 cpu; do summary "$q" >"$scratch/$q.tsv"; done
cell() { # file db measure level format: "median (min–max)" or "–"
  awk -F'\t' -v d="$2" -v m="$3" -v l="$4" -v f="$5" '$1 == d && $2 == m && $3 == l {
      printf (f " (" f "–" f ")"), $4, $5, $6; found = 1 } END { if (!found) printf "–" }' "$1"
}
median_of() { awk -F'\t' -v d="$2" -v m="$3" -v l="$4" '$1 == d && $2 == m && $3 == l { print $4 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%d %%", 100 * a / b }'; }

cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- server openapi pom.xml 2>/dev/null || commit="$commit + uncommitted server changes"
{
  echo "# Scaling benchmark ($mode run, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Command: \`bench/run.sh${args_given:+ $args_given}\` at commit $commit; took ${total_s} s."
  echo
  echo "| Machine | |"
  echo "|---|---|"
  echo "| Cores (nproc) | $(nproc), shared by the server, wrk and the database |"
  echo "| CPU | $cpu_model |"
  echo "| RAM | $ram |"
  echo "| Load average (1, 5, 15 min) | before $load_before, after $load_after |"
  echo "| Java | $(java -version 2>&1 | head -1) |"
  echo "| wrk | $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $wrk_origin; 1 thread |"
  for db in $dbs; do echo "| Database | $(fact_of "$db" version) |"; done
  echo "| Runs | ${duration} s per measured point, $repeats repeats (median, min–max) |"
  echo "| Warm-up | server: wrk windows cycling through the levels until its JIT compiler threads used under 5 % of a window, at least ${warmup} s, at most ${max_warmup} s per endpoint; direct JDBC: ${warmup} s |"
  for db in $measured; do
    missing_warmup="404 $(fact_of "$db" warmup_missing_s) s (JIT $(fact_of "$db" warmup_missing_last_jit_ms) ms)"
    [ -n "$(fact_of "$db" warmup_missing_s)" ] || missing_warmup="no 404 series"
    echo "| Warm-up taken, $db | create $(fact_of "$db" warmup_create_s) s (JIT $(fact_of "$db" warmup_create_last_jit_ms) ms in its last window), $missing_warmup |"
  done
  echo
  echo "## Create: POST /v1/incidents against direct JDBC and a trivial authenticated endpoint"
  echo
  echo "Requests (inserts) per second, median (min–max) of $repeats runs. Direct JDBC: the same rows as the"
  echo "server (incident, first status-history row, audit event) in one transaction per incident, one"
  echo "connection per thread, server stopped. Trivial endpoint: \`GET /v1/incidents/<random uuid>\` → 404"
  echo "(authenticated: API key lookup, then a primary-key miss)."
  case " $measured " in *" postgresql-own-core "*)
    echo "postgresql-own-core: the same database once more, with its processes pinned to CPU $last_cpu (taskset) and"
    echo "the server, wrk and the JDBC program to the other CPUs, so that the database does not compete with them"
    echo "for CPU, as on a machine of its own (no 404 series)." ;;
  esac
  echo
  echo "| DB | Connections | POST /v1/incidents | Direct JDBC | API ÷ JDBC | GET → 404 | POST ÷ GET 404 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for db in $measured; do for level in $levels; do
    api=$(median_of "$scratch/rps.tsv" "$db" create "$level"); direct=$(median_of "$scratch/rps.tsv" "$db" jdbc "$level")
    missing=$(median_of "$scratch/rps.tsv" "$db" missing "$level")
    echo "| $db | $level | $(cell "$scratch/rps.tsv" "$db" create "$level" %d) | $(cell "$scratch/rps.tsv" "$db" jdbc "$level" %d) | $(ratio "$api" "$direct") | $(cell "$scratch/rps.tsv" "$db" missing "$level" %d) | $(ratio "$api" "$missing") |"
  done; done
  echo
  echo "Latency in ms, median of the runs' percentiles (wrk: closed loop, so at saturation these include queueing)."
  echo
  echo "| DB | Connections | POST p50 | POST p99 | POST p99.9 | JDBC p50 | JDBC p99 | JDBC p99.9 | GET 404 p50 | GET 404 p99 |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for db in $measured; do for level in $levels; do
    row="| $db | $level"
    for m in create jdbc; do for q in p50 p99 p999; do row="$row | $(median_of "$scratch/$q.tsv" "$db" "$m" "$level")"; done; done
    for q in p50 p99; do row="$row | $(median_of "$scratch/$q.tsv" "$db" missing "$level")"; done
    echo "$row |"
  done; done
  echo
  echo "The machine's floor: the same GET against bench/Floor.java, a responder with no framework (a fixed 404"
  echo "written to the socket, one thread per connection), median (min–max) ms of the runs' percentiles. Its"
  echo "tail is this machine's and wrk's alone (scheduling on shared cores, loopback), before any work of the server."
  echo
  echo "| Connections | Requests/s | p50 | p99 | p99.9 | p99 ÷ p50 |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for level in $levels; do
    echo "| $level | $(cell "$scratch/rps.tsv" machine floor "$level" %d) | $(cell "$scratch/p50.tsv" machine floor "$level" %.3f) | $(cell "$scratch/p99.tsv" machine floor "$level" %.3f) | $(cell "$scratch/p999.tsv" machine floor "$level" %.3f) | $(awk -v a="$(median_of "$scratch/p99.tsv" machine floor "$level")" -v b="$(median_of "$scratch/p50.tsv" machine floor "$level")" 'BEGIN { if (b > 0) printf "%.0f", a / b; else printf "–" }') |"
  done
  echo
  echo "CPU time per request in ms, median of the runs: the server process's for the API (with H2 that includes"
  echo "the database engine, with PostgreSQL it does not), the JDBC program's for direct JDBC (likewise). It shows"
  echo "where the time goes independently of how busy the machine is."
  echo
  echo "| DB | Connections | POST /v1/incidents | Direct JDBC | GET → 404 |"
  echo "|---|---:|---:|---:|---:|"
  for db in $measured; do for level in $levels; do
    echo "| $db | $level | $(median_of "$scratch/cpu.tsv" "$db" create "$level") | $(median_of "$scratch/cpu.tsv" "$db" jdbc "$level") | $(median_of "$scratch/cpu.tsv" "$db" missing "$level") |"
  done; done
  failed=$(awk -F'\t' '{ s += $7 } END { print s + 0 }' "$scratch/rps.tsv")
  echo
  echo "Failed requests (unexpected status or socket error) in all runs: $failed."
  echo
  echo "## List at depth: GET /v1/incidents?limit=100"
  echo
  echo "One organization holding $rows incidents; one request at a time, $list_repeats timed requests per page"
  echo "(fewer, at least 3, where they would take over 10 s), median (min–max) ms. The deep page is page $((depth + 1)), reached by following nextCursor $depth times."
  echo
  echo "| DB | Query | Page 1 | Page $((depth + 1)) ($((depth * 100)) rows in) | Deep ÷ page 1 |"
  echo "|---|---|---:|---:|---:|"
  awk -F'\t' '{ delete v; for (i = 3; i <= split($2, f, " "); i++) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
      split(f[2], q, "="); page1 = sprintf("%.1f (%.1f–%.1f)", v["page1_ms"], v["page1_min_ms"], v["page1_max_ms"])
      if ("deep_not_reached" in v)
        printf "| %s | %s | %s | not reached: the walk stopped at page %d after 20 s | – |\n", $1, q[2], page1, v["deep_not_reached"]
      else
        printf "| %s | %s | %s | %.1f (%.1f–%.1f) | %.2f |\n", $1, q[2], page1, v["deep_ms"], v["deep_min_ms"],
          v["deep_max_ms"], v["deep_ms"] / v["page1_ms"] }' "$scratch/list.txt"
  echo
  echo "Queries: all = no filter; status = \`status=resolved\`; severity = \`severity=critical\`;"
  echo "range = \`from\`/\`to\` 100 days wide; both = status and severity."
  echo
  echo "## Start-up and memory"
  echo
  echo "| DB | First start, empty DB (ms) | Restart with $rows incidents (ms) | Restart, class-data archive (ms) | RSS after the create load (MiB) | RSS after listing (MiB) | Seeding $rows rows (s) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for db in $dbs; do
    echo "| $db | $(stat_of "$db" first_start_ms) | $(stat_of "$db" restart_ms) | $(stat_of "$db" restart_cds_ms) | $(fact_of "$db" rss_after_load_mib) | $(fact_of "$db" rss_after_list_mib) | $(fact_of "$db" seed_s) |"
  done
  echo
  echo "Start-up: from \`java -jar\` to the first 200 from \`GET /health\` (default JVM settings). The archive is the"
  echo "one ./run records on a first run (-XX:ArchiveClassesAtExit), mapped with -XX:SharedArchiveFile."
  echo
  echo "## Query plans of the listing (EXPLAIN ANALYZE)"
  echo
  cat "$plans"
} | tee "$out"
log "report written to $out"
# A smoke run is a check: any failed request fails it.
failed=$(awk -F'\t' '{ s += $8 } END { print s + 0 }' "$results")
[ "$mode" != smoke ] || [ "$failed" -eq 0 ] || fail "$failed requests failed"
