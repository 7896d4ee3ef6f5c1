#!/usr/bin/env bash
# A burst of escalations (bench/PagingBench.java): N incidents (default 10000; --smoke = 200) whose escalation
# steps fall due at the same moment, timed until every page is recorded, on H2 and on PostgreSQL (a throwaway
# cluster of the Debian postgresql package, installed with apt-get when missing). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/scaling-server.jar
n=${1:-10000}
[ "$n" = "--smoke" ] && n=200
if [ ! -f "$jar" ] || [ -n "$(find pom.xml openapi server/pom.xml server/src -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q -pl server -am package -DskipTests >&2
fi
echo "## h2"
java -cp "$jar" bench/PagingBench.java "$n"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_dir=$(mktemp -d /tmp/scaling-paging-pg.XXXXXX); chmod 755 "$pg_dir"
[ "$(id -u)" -ne 0 ] || chown postgres "$pg_dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U bench --auth=trust -E UTF8 --no-locale >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U bench scaling
echo "## postgresql (throwaway cluster, default settings, fsync on)"
SCALING_DB_URL="jdbc:postgresql://127.0.0.1:$port/scaling" SCALING_DB_USER=bench SCALING_DB_PASSWORD=bench \
  java -cp "$jar" bench/PagingBench.java "$n"
