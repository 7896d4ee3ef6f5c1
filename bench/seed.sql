-- Adds ${total} incidents to the API key's organization (bench/run.sh does it on a fresh database), for the
-- listing benchmark. Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL). The rows go back a year from
-- now, ${spacing} s apart; severity and status are spread evenly and independently of each other.
INSERT INTO incidents (id, org_id, title, description, severity, status, owner_id, escalation_policy_id,
                       created_by, created_at, updated_at)
SELECT gen_random_uuid(), '${org}', 'Seeded incident ' || n,
       CASE WHEN MOD(n, 3) = 0 THEN NULL ELSE 'Seeded for the listing benchmark.' END,
       CASE MOD(n, 4) WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END,
       CASE MOD(n / 4, 4) WHEN 0 THEN 'investigating' WHEN 1 THEN 'identified' WHEN 2 THEN 'monitoring'
           ELSE 'resolved' END,
       NULL, NULL, '${user}',
       CURRENT_TIMESTAMP(3) - n * ${spacing} * INTERVAL '1' SECOND,
       CURRENT_TIMESTAMP(3) - n * ${spacing} * INTERVAL '1' SECOND
FROM generate_series(1, ${total}) AS g(n);

ANALYZE;
