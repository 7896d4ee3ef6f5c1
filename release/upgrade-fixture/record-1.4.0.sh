#!/bin/bash
# How upgrade/1.4.0.sql was made: creates every kind of object 1.4.0 had through its API (the 1.4.0 server on port
# 18140 with SCALING_DEMO_API_KEY below, a webhook receiver answering 200 on 127.0.0.1:18141). Keeps every answer in
# $ANSWERS (the secrets are shown only there) and the new ids in $IDS. A model for the next release's recording.
set -euo pipefail
B=http://127.0.0.1:18140
K=scl_live_Upgrade140FixtureKey000000000000
A=${ANSWERS:-/tmp/r140work/answers}; mkdir -p $A
n=0
call() { # method path body name [key]
  local key=${5:-$K}
  n=$((n+1))
  local out=$A/$(printf %02d $n)-$4.json
  local code
  if [ -n "$3" ]; then
    code=$(curl -s -o $out -w '%{http_code}' -X $1 -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$3" $B$2)
  else
    code=$(curl -s -o $out -w '%{http_code}' -X $1 -H "Authorization: Bearer $key" $B$2)
  fi
  echo "$1 $2 -> $code" >&2
  case $code in 2*) ;; *) cat $out >&2; exit 1;; esac
  cat $out
}
ADMIN=$(call GET /v1/users '' users | jq -r '.data.users[0].id // .data[0].id')
echo admin=$ADMIN >&2
INV=$(call POST /v1/team/members/invite '{"emailAddress":"Grace.Hopper@Upgraded.example","role":"org:member"}' invite)
TOKEN=$(echo "$INV" | jq -r .data.token)
ACC=$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"token\":\"$TOKEN\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}" $B/v1/team/invitations/accept)
echo "$ACC" > $A/accept.json
MEMBER=$(echo "$ACC" | jq -r '.data.user.id // .data.member.id // .data.id')
MKEY=$(echo "$ACC" | jq -r '.data.apiKey.key // .data.key // .data.apiKey')
echo member=$MEMBER mkey=$MKEY >&2
call POST /v1/team/members/invite '{"emailAddress":"pending@upgraded.example","role":"org:admin"}' invite2 >/dev/null
K2=$(call POST /v1/team/members/$ADMIN/api-keys '' adminkey2)
K2ID=$(echo "$K2" | jq -r .data.id)
call DELETE /v1/team/members/$ADMIN/api-keys/$K2ID '' revoke >/dev/null

WH=$(call POST /v1/working-hours '{"name":"UK office hours","timezone":"Europe/London","windows":[{"days":[1,2,3,4,5],"start":"09:00","end":"17:30"}]}' wh | jq -r .data.id)
SCH=$(call POST /v1/oncall/schedules '{"name":"Primary On-Call","description":"Out of hours, platform team","timezone":"Europe/London"}' sched | jq -r .data.id)
call POST /v1/oncall/schedules/$SCH/layers "{\"name\":\"Weekly\",\"rotationType\":\"weekly\",\"rotationLengthDays\":7,\"handoffTime\":\"09:00\",\"effectiveFrom\":\"2026-11-02T09:00:00Z\",\"participantIds\":[\"$MEMBER\",\"$ADMIN\"]}" layer1 >/dev/null
call POST /v1/oncall/schedules/$SCH/layers "{\"name\":\"Weekend cover\",\"rotationType\":\"daily\",\"rotationLengthDays\":1,\"handoffTime\":\"08:00\",\"effectiveFrom\":\"2026-11-07T08:00:00+01:00\",\"effectiveUntil\":\"2027-03-01T08:00:00Z\",\"participantIds\":[\"$ADMIN\"]}" layer2 >/dev/null
call POST /v1/oncall/schedules/$SCH/overrides "{\"userId\":\"$ADMIN\",\"startsAt\":\"2026-12-24T18:00:00.000Z\",\"endsAt\":\"2026-12-27T09:00:00.000Z\"}" override >/dev/null
EP=$(call POST /v1/escalation/policies "{\"name\":\"Follow the sun\",\"description\":\"Both of us, then the out-of-hours schedule.\",\"steps\":[{\"position\":1,\"targetType\":\"users\",\"targetId\":\"$MEMBER\",\"escalateAfterSeconds\":1800,\"condition\":null},{\"position\":2,\"targetType\":\"schedule\",\"targetId\":\"$SCH\",\"escalateAfterSeconds\":600,\"condition\":{\"workingHoursId\":\"$WH\",\"when\":\"outside\"}}]}" policy | jq -r .data.id)
# A second users target with two users, through the docs' layers endpoint.
call POST /v1/escalation/policies/$EP/layers "{\"position\":3,\"ackTimeoutMinutes\":15,\"target\":{\"type\":\"users\",\"userIds\":[\"$ADMIN\",\"$MEMBER\"]}}" layer3 >/dev/null
CMP1=$(call POST /v1/components "{\"name\":\"Payments API\",\"description\":\"Card authorisation and capture.\",\"aliases\":[\"payments\",\"payments-api\"],\"escalationPolicyId\":\"$EP\"}" cmp1 | jq -r .data.id)
CMP2=$(call POST /v1/components '{"name":"Search","operationalStatus":"degraded"}' cmp2 | jq -r .data.id)

EPT=$(call POST /v1/webhooks/endpoints '{"url":"http://127.0.0.1:18141/scaling","description":"Incident bridge","eventTypes":["incident.created","incident.acknowledged","incident.status_changed"]}' webhook)
echo "$EPT" > $A/webhook-secret.json

# Incidents: one resolved through its whole lifecycle, with updates (one redacted) and affected components.
I1=$(call POST /v1/incidents "{\"title\":\"Checkout declines\",\"description\":\"Card payments declined since 16:02 — «Zahlung abgelehnt».\",\"severity\":\"high\",\"ownerId\":\"$MEMBER\",\"componentIds\":[\"$CMP1\"]}" inc1 | jq -r .data.id)
call PUT /v1/incidents/$I1/components "{\"componentIds\":[\"$CMP1\",\"$CMP2\"]}" inc1cmp >/dev/null
call POST /v1/incidents/$I1/updates '{"body":"Looking at the acquirer logs.","visibility":"internal"}' u1 >/dev/null
U2=$(call POST /v1/incidents/$I1/updates '{"body":"Card number 4111 1111 1111 1111 in a log line.","visibility":"internal"}' u2 | jq -r .data.id)
call POST /v1/incidents/$I1/updates/$U2/redact '' redact >/dev/null
call POST /v1/incidents/$I1/updates '{"body":"The acquirer rotated a certificate; we are rolling out the new chain.","statusChange":"identified","visibility":"public"}' u3 >/dev/null
call PATCH /v1/incidents/$I1/status '{"status":"monitoring"}' mon >/dev/null
call PATCH /v1/incidents/$I1/status '{"status":"resolved","resolutionNote":"New certificate chain deployed."}' res >/dev/null
# One paging through the policy, still waiting for its next level (and acknowledged by nobody yet).
I2=$(call POST /v1/incidents "{\"title\":\"Database failover\",\"severity\":\"critical\",\"escalationPolicyId\":\"$EP\"}" inc2 | jq -r .data.id)
# Alerts through an integration with a routing policy.
RP=$(call POST /v1/routing/policies '{"name":"Payments routing","description":"Stricter routing for payments","rules":[{"severity":"critical","outcome":"incident","escalationPolicyId":null},{"severity":"high","outcome":"incident","escalationPolicyId":null},{"severity":"medium","outcome":"notification","escalationPolicyId":null},{"severity":"low","outcome":"drop","escalationPolicyId":null}]}' rp | jq -r .data.id)
INT=$(call POST /v1/integrations/inbound "{\"name\":\"Payments monitor\",\"type\":\"generic\",\"componentId\":\"$CMP2\",\"routingPolicyId\":\"$RP\"}" int)
echo "$INT" > $A/integration-token.json
INTID=$(echo "$INT" | jq -r .data.id)
ITOK=$(echo "$INT" | jq -r '.data.token // .data.ingestToken')
call PUT /v1/integrations/inbound/$INTID/selectors "{\"selectors\":[{\"matchers\":[{\"key\":\"service\",\"value\":\"payments\"}],\"routingPolicyId\":\"$RP\"}]}" sel >/dev/null
call POST /v1/alerts/generic '{"title":"Search latency above 2s","severity":"high","dedupKey":"search-latency","status":"firing","attributes":{"service":"payments","env":"prod"}}' alert1 $ITOK >/dev/null
call POST /v1/alerts/generic '{"title":"Disk 70% full","severity":"low","dedupKey":"disk","status":"firing","attributes":{"host":"db-1"}}' alert2 $ITOK >/dev/null
call POST /v1/alerts/generic '{"title":"Search latency above 2s","severity":"high","dedupKey":"search-latency","status":"resolved","attributes":{"service":"payments","env":"prod"}}' alert3 $ITOK >/dev/null
call POST /v1/alerts/generic '{"title":"Queue backlog growing","severity":"medium","dedupKey":"queue-backlog","status":"firing","attributes":{"service":"payments"}}' alert4 $ITOK >/dev/null
echo "ADMIN=$ADMIN MEMBER=$MEMBER MKEY=$MKEY I1=$I1 I2=$I2 EP=$EP SCH=$SCH WH=$WH RP=$RP INT=$INTID ITOK=$ITOK CMP1=$CMP1 CMP2=$CMP2" > ${IDS:-/tmp/r140work/ids.env}
