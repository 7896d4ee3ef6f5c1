#!/usr/bin/env bash
# Webhook first-attempt latency (bench/WebhookBench.java): N incidents created one after the other (default 1000;
# --smoke = 50), each event timed from the API call to an idle local receiver, on H2 and on PostgreSQL (a throwaway
# cluster, see bench/throwaway-postgresql.sh). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/scaling-server.jar
n=${1:-1000}
[ "$n" = "--smoke" ] && n=50
. bench/lib.sh
build_jar_if_stale
echo "## h2 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$jar" bench/WebhookBench.java "$n"

. bench/throwaway-postgresql.sh
echo "## postgresql (throwaway cluster, default settings, fsync on; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
with_throwaway_postgresql java -cp "$jar" bench/WebhookBench.java "$n"
