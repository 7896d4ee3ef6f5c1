# Sourced by the burst benchmarks: runs "$@" against a throwaway PostgreSQL cluster of the Debian postgresql
# package (installed with apt-get when missing; default settings, fsync on), with SCALING_DB_URL/USER/PASSWORD set,
# and removes the cluster afterwards.
with_throwaway_postgresql() {
  local pg_bin pg_dir port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pg_bin" ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  pg_dir=$(mktemp -d /tmp/scaling-bench-pg.XXXXXX); chmod 755 "$pg_dir"
  [ "$(id -u)" -ne 0 ] || chown postgres "$pg_dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # shellcheck disable=SC2064 # expand now: the trap must stop this cluster even after the function returned
  trap "_as_postgres '$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop >/dev/null 2>&1 || true; rm -rf '$pg_dir'" EXIT
  _as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U bench --auth=trust -E UTF8 --no-locale >/dev/null
  _as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
  _as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U bench scaling
  SCALING_DB_URL="jdbc:postgresql://127.0.0.1:$port/scaling" SCALING_DB_USER=bench SCALING_DB_PASSWORD=bench "$@"
}

_as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
