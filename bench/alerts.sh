#!/usr/bin/env bash
# Alert intake (bench/AlertsBench.java): sustained Alertmanager deliveries (default 20000; --smoke = 500) and an
# alert storm (default 10000 alerts over 20 fingerprints; --smoke = 500), on H2 and on PostgreSQL (a throwaway
# cluster, see bench/throwaway-postgresql.sh). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/scaling-server.jar
sustained=${1:-20000}
storm=${2:-10000}
[ "$sustained" = "--smoke" ] && { sustained=500; storm=500; }
. bench/lib.sh
build_jar_if_stale
echo "## h2"
java -cp "$jar" bench/AlertsBench.java "$sustained" "$storm"

. bench/throwaway-postgresql.sh
echo "## postgresql (throwaway cluster, default settings, fsync on)"
with_throwaway_postgresql java -cp "$jar" bench/AlertsBench.java "$sustained" "$storm"
