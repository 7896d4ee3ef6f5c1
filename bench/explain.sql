-- The listing queries of server/src/main/java/cloud/scaling/incidents/IncidentListing.java, with the values
-- of the listing benchmark: page 1 unfiltered, then the page 10,000 rows deep (the keyset position is where
-- bench/ListDepth.java's cursor walk arrived) unfiltered and with each filter. LIMIT is the page size + 1.
-- Plain EXPLAIN ANALYZE so that the one file runs on PostgreSQL and on H2. The ORDER BY starts with the equality
-- columns, as IncidentListing builds it, so that H2 reads the index in order. The deep page of the from/to
-- query has no `created_at < to`: its position lies inside the range, and IncidentListing then sends only the
-- tighter of the two upper bounds.
EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '9999-12-31T23:59:59.999Z', CAST('00000000-0000-0000-0000-000000000000' AS UUID))
ORDER BY org_id, created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${all_at}', CAST('${all_id}' AS UUID))
ORDER BY org_id, created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}' AND status = 'resolved'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${status_at}', CAST('${status_id}' AS UUID))
ORDER BY org_id, status, created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}' AND severity = 'critical'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${severity_at}', CAST('${severity_id}' AS UUID))
ORDER BY org_id, severity, created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}'
AND created_at >= TIMESTAMP WITH TIME ZONE '${from}T00:00:00Z'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${range_at}', CAST('${range_id}' AS UUID))
ORDER BY org_id, created_at DESC, id DESC LIMIT 101;

EXPLAIN ANALYZE SELECT * FROM incidents WHERE org_id = '${org}' AND status = 'resolved' AND severity = 'critical'
AND (created_at, id) < (TIMESTAMP WITH TIME ZONE '${both_at}', CAST('${both_id}' AS UUID))
ORDER BY org_id, status, created_at DESC, id DESC LIMIT 101;
