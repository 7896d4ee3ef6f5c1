#!/bin/bash
# What a release's server answers to GETs, as one JSON object {"<path>": <data>, …}: the <release>.answers.json of
# an upgrade fixture, which UpgradeTest requires this build to answer too. Usage: answers.sh BASE_URL API_KEY PATH…
set -euo pipefail
base=$1 key=$2
shift 2
for path in "$@"; do
    curl -sf -H "Authorization: Bearer $key" "$base$path" | jq --arg path "$path" '{($path): .data}'
done | jq -s add
