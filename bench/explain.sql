-- The listing queries of server/src/main/java/cloud/scaling/incidents/IncidentListing.java, with the values
-- of the listing benchmark: page 1 unfiltered, then the page 10,000 rows deep (the keyset position is where
-- bench/ListDepth.java's cursor walk arrived) unfiltered and with each filter. LIMIT is the page size + 1.
-- Plain EXPLAIN ANALYZE so that the one file runs on PostgreSQL and on H2.
EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}'
ORDER BY created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${all_at}', CAST('${all_id}' AS UUID))
ORDER BY created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}' AND status = 'resolved'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${status_at}', CAST('${status_id}' AS UUID))
ORDER BY created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}' AND severity = 'critical'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${severity_at}', CAST('${severity_id}' AS UUID))
ORDER BY created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}'
AND created_at >= TIMESTAMP WITH TIME ZONE '${from}T00:00:00Z'
AND created_at < TIMESTAMP WITH TIME ZONE '${to_exclusive}T00:00:00Z'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${range_at}', CAST('${range_id}' AS UUID))
ORDER BY created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}' AND status = 'resolved' AND severity = 'critical'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${both_at}', CAST('${both_id}' AS UUID))
ORDER BY created_at DESC, id DESC LIMIT 101;
