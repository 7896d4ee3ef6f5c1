#!/usr/bin/env bash
# A burst of escalations (bench/PagingBench.java): N incidents (default 10000; --smoke = 200) whose escalation
# steps fall due at the same moment, timed until every page is recorded and until every page was accepted by a
# real SMTP server (bench/smtp_sink.py), on H2 and on PostgreSQL (a throwaway
# cluster of the Debian postgresql package, installed with apt-get when missing). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${BENCH_JAR:-server/target/scaling-server.jar}
n=${1:-10000}
[ "$n" = "--smoke" ] && n=200
. bench/lib.sh
[ -n "${BENCH_JAR:-}" ] || build_jar_if_stale
# Pages go to a real SMTP server (aiosmtpd; python3-aiosmtpd installed with apt-get when missing).
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
SCALING_SMTP_PORT=$(free_port); export SCALING_SMTP_PORT SCALING_SMTP_HOST=127.0.0.1
/usr/bin/python3 bench/smtp_sink.py "$SCALING_SMTP_PORT" >/dev/null &
sink=$!
trap 'kill $sink 2>/dev/null || true' EXIT
for _ in $(seq 200); do (: </dev/tcp/127.0.0.1/"$SCALING_SMTP_PORT") 2>/dev/null && break; sleep 0.05; done
echo "## h2"
java -cp "$jar" bench/PagingBench.java "$n"

. bench/throwaway-postgresql.sh
echo "## postgresql (throwaway cluster, default settings, fsync on)"
status=0
with_throwaway_postgresql java -cp "$jar" bench/PagingBench.java "$n" || status=$?
kill $sink  # the cluster's own clean-up replaced this script's trap
exit $status
