#!/usr/bin/env bash
# An alert storm (bench/AlertsBench.java) as Alertmanager sends one: ALERTS alerts (default 10000; --smoke = 1000)
# over FINGERPRINTS fingerprints (default 1000; --smoke = 100), 100 per notification, 8 senders, each incident
# paging by email through a real SMTP server (aiosmtpd, bench/smtp_sink.py; python3-aiosmtpd is installed with
# apt-get when missing), on H2 and on PostgreSQL (a throwaway cluster, see bench/throwaway-postgresql.sh).
# Reports intake, the direct-JDBC floor and the ratio, and alert -> page latency. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${BENCH_JAR:-server/target/scaling-server.jar}
alerts=${1:-10000}
fingerprints=${2:-1000}
[ "$alerts" = "--smoke" ] && { alerts=1000; fingerprints=100; }
. bench/lib.sh
[ -n "${BENCH_JAR:-}" ] || build_jar_if_stale
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
echo "## h2"
java -cp "$jar" bench/AlertsBench.java "$alerts" "$fingerprints"

. bench/throwaway-postgresql.sh
echo "## postgresql (throwaway cluster, default settings, fsync on)"
with_throwaway_postgresql java -cp "$jar" bench/AlertsBench.java "$alerts" "$fingerprints"
