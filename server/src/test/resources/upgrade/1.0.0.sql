-- schema: 1
-- Rows as the 1.0.0 release wrote them, on its schema (its migrations: V1). UpgradeTest migrates a new database to
-- that version, runs this file, starts this build on it and reads everything back through the API.
-- The organization's admin's API key: scl_live_Upgrade100FixtureKey000000000000 (stored as 1.0.0 did: its SHA-256
-- in hex and its first 17 characters).
INSERT INTO organizations (id, name, created_at)
VALUES ('org_Upgrade100Org0001', 'Upgraded Co', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00.000+00');

INSERT INTO users (id, org_id, email, first_name, last_name, role, created_at)
VALUES ('user_Upgrade100Adm01', 'org_Upgrade100Org0001', 'ops@upgraded.example', 'Ada', 'Lovelace', 'org:admin',
        TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00.000+00'),
       ('user_Upgrade100Mem01', 'org_Upgrade100Org0001', 'dev@upgraded.example', NULL, NULL, 'org:member',
        TIMESTAMP WITH TIME ZONE '2026-01-06 10:30:00.000+00');

INSERT INTO api_keys (id, org_id, user_id, key_hash, display_prefix, created_at, revoked_at)
VALUES ('key_Upgrade100Key001', 'org_Upgrade100Org0001', 'user_Upgrade100Adm01',
        'e585eaa25db3dd13dad89620ce1403a17ce0261126028e3ab0fb91ed21e32475', 'scl_live_Upgrade1',
        TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00.000+00', NULL);

-- 1.0.0 created incidents as `investigating`, without an escalation policy; an owner only when one was given.
INSERT INTO incidents (id, org_id, title, description, severity, status, owner_id, escalation_policy_id, created_by,
                       created_at, updated_at)
VALUES ('3f6d1c2a-0b1e-4c5d-8e9f-a1b2c3d4e5f1', 'org_Upgrade100Org0001', 'Checkout errors',
        'HTTP 500 on /checkout since 09:12.', 'critical', 'investigating', 'user_Upgrade100Mem01', NULL,
        'user_Upgrade100Adm01', TIMESTAMP WITH TIME ZONE '2026-01-07 09:15:00.123+00',
        TIMESTAMP WITH TIME ZONE '2026-01-07 09:15:00.123+00'),
       ('3f6d1c2a-0b1e-4c5d-8e9f-a1b2c3d4e5f2', 'org_Upgrade100Org0001', 'Slow search', NULL, 'low',
        'investigating', NULL, NULL, 'user_Upgrade100Adm01', TIMESTAMP WITH TIME ZONE '2026-01-08 14:00:00.000+00',
        TIMESTAMP WITH TIME ZONE '2026-01-08 14:00:00.000+00');

-- The secret 1.0.0 signed list cursors with (64 base62 characters).
INSERT INTO server_secrets (name, secret)
VALUES ('cursor-hmac', 'Upgrade100CursorSecret0000000000000000000000000000000000000000000');
