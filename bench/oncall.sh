#!/usr/bin/env bash
# Who-is-on-call timings (resolve, and the shifts of a whole year) for one schedule with 5 layers and 50
# participants; see bench/OncallBench.java and docs/benchmarks.md. Usage: bench/oncall.sh [REPEATS]
# (default 500; --smoke = 20). Runs on an H2 file in a temporary directory unless SCALING_DB_URL points at a database.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/scaling-server.jar
repeats=${1:-500}
[ "$repeats" = "--smoke" ] && repeats=20
. bench/lib.sh
build_jar_if_stale
exec java -cp "$jar" bench/OncallBench.java "$repeats"
