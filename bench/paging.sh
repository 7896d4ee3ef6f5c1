#!/usr/bin/env bash
# A burst of escalations (bench/PagingBench.java): N incidents (default 10000; --smoke = 200) whose escalation
# steps fall due at the same moment, timed until every page is recorded, on H2 and on PostgreSQL (a throwaway
# cluster of the Debian postgresql package, installed with apt-get when missing). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/scaling-server.jar
n=${1:-10000}
[ "$n" = "--smoke" ] && n=200
. bench/lib.sh
build_jar_if_stale
echo "## h2"
java -cp "$jar" bench/PagingBench.java "$n"

. bench/throwaway-postgresql.sh
echo "## postgresql (throwaway cluster, default settings, fsync on)"
with_throwaway_postgresql java -cp "$jar" bench/PagingBench.java "$n"
