-- schema: 83
-- Rows as the 1.4.0 release (commit dd7d9f9) wrote them, on its schema (its migrations: V1 to V83). Recorded, not
-- written by hand: the 1.4.0 server ran on an empty H2 file database and every object was created through its API
-- (curl), then its tables were dumped as portable INSERTs. Ids are the ones 1.4.0 generated: the webhook secret is
-- sealed with its endpoint's id as associated data, so the ids cannot be renamed. UpgradeTest migrates a new
-- database to V83, runs this file, starts this build on it and reads everything back through the API, comparing with
-- what 1.4.0 answered (1.4.0.answers.json).
-- Credentials, stored as 1.4.0 stored them (API keys, invitation and ingest tokens as SHA-256 hex; the webhook
-- secret AES-GCM sealed under a key derived from server secret webhook-secret-key):
--   admin (Demo organization, created by SCALING_DEMO_API_KEY): scl_live_Upgrade140FixtureKey000000000000
--   member Grace Hopper (accepted an invitation):               scl_live_ct4VdBcjuA1Moam0ejfk57lfAbhONOVh
--   admin's revoked key:                                        scl_live_59TSUsngCBXZsq28DAsZmj9S0Qnxybll
--   webhook endpoint hook_xGEWWOR9hBspJTvw signing secret:      whsec_6qXgg+zZkp8Firhn29H0HNLTpJ5BvqKp
--   integration "Payments monitor" (generic) ingest token:      scl_int_ewUNKzksBT8KQAwOU056667wrPfeDOAf
-- The webhook URL was a local receiver that answered 200 to all nine deliveries. Incident "Database failover" pages
-- through policy "Follow the sun": level 1 paged the member (failed: no SMTP), and its escalation step for level 2
-- waits in scheduled_tasks (due 17:58:38.979, outside the working hours, so level 2 pages the schedule's on-call).
-- Left out: flyway_schema_history (the test's migration writes it), db-scheduler's recurring rows (each server
-- creates them on start) and idempotency_keys (none).

INSERT INTO organizations (id, name, created_at)
VALUES ('org_jqEAaGbq0jFzmsdk', 'Demo', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:25.168+00');

INSERT INTO users (id, org_id, email, first_name, last_name, role, created_at, removed_at, removed_by)
VALUES ('user_laZDzriOEwLbCRQd', 'org_jqEAaGbq0jFzmsdk', 'admin@demo.scaling.local', NULL, NULL, 'org:admin', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:25.168+00', NULL, NULL),
       ('user_or7vD6jC7uRBLTQX', 'org_jqEAaGbq0jFzmsdk', 'Grace.Hopper@Upgraded.example', 'Grace', 'Hopper', 'org:member', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:32.536+00', NULL, NULL);

INSERT INTO api_keys (id, org_id, user_id, key_hash, display_prefix, created_at, revoked_at, last_used_at)
VALUES ('key_1rhLUQ58fzI7wI1I', 'org_jqEAaGbq0jFzmsdk', 'user_laZDzriOEwLbCRQd', '3bad66df1618d9224695ea4a604d74a3dd6f0f0884f612ea7e543e8b0d643f97', 'scl_live_Upgrade1', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:25.708+00', NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:30.877+00'),
       ('key_32XgTSV1Yej6cnPH', 'org_jqEAaGbq0jFzmsdk', 'user_or7vD6jC7uRBLTQX', '4fe58ecd2b07b4f365cb845bdefada74a22c5641514062819feccf26fca85988', 'scl_live_ct4VdBcj', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:32.583+00', NULL, NULL),
       ('key_NYXakmjRnDdxBtQN', 'org_jqEAaGbq0jFzmsdk', 'user_laZDzriOEwLbCRQd', 'c8b62bc05786a39c7ec5cac02e547e14f971b2c6b60f67168edc7f11e5a841cc', 'scl_live_59TSUsng', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:33.513+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:33.949+00', NULL);

INSERT INTO team_invitations (id, org_id, email_address, role, token_hash, status, pending_email, invited_by, created_at, expires_at, settled_at, accepted_by)
VALUES ('orginv_nWD7D3TKl4S4zEO2', 'org_jqEAaGbq0jFzmsdk', 'Grace.Hopper@Upgraded.example', 'org:member', 'cdd62415eaed851af125addfff45d11942736529800245d66edccbec4f766aa9', 'accepted', NULL, 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:31.796+00', TIMESTAMP WITH TIME ZONE '2026-12-14 17:28:31.796+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:32.536+00', 'user_or7vD6jC7uRBLTQX'),
       ('orginv_BvlVomA6cVt1Fk4T', 'org_jqEAaGbq0jFzmsdk', 'pending@upgraded.example', 'org:admin', '8dbe190daed2ec6f4099e986b7d301373373c080c8cca74f59532aadd7a79387', 'pending', 'pending@upgraded.example', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:33.388+00', TIMESTAMP WITH TIME ZONE '2026-12-14 17:28:33.388+00', NULL, NULL);

INSERT INTO team_events (id, org_id, type, actor_id, subject_id, occurred_at, details)
VALUES ('65b315e0-8a61-417c-a7c6-ee711a14b190', 'org_jqEAaGbq0jFzmsdk', 'member_invited', 'user_laZDzriOEwLbCRQd', 'orginv_nWD7D3TKl4S4zEO2', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:31.796+00', '{"emailAddress":"Grace.Hopper@Upgraded.example","role":"org:member"}'),
       ('590aba22-9793-40c3-8687-e380a6471365', 'org_jqEAaGbq0jFzmsdk', 'invitation_accepted', 'user_or7vD6jC7uRBLTQX', 'orginv_nWD7D3TKl4S4zEO2', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:32.536+00', '{"keyId":"key_32XgTSV1Yej6cnPH"}'),
       ('ff5c4dfd-9f5d-4fa4-9821-ce5e4c69086d', 'org_jqEAaGbq0jFzmsdk', 'member_invited', 'user_laZDzriOEwLbCRQd', 'orginv_BvlVomA6cVt1Fk4T', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:33.388+00', '{"emailAddress":"pending@upgraded.example","role":"org:admin"}'),
       ('16e8484b-bd4e-4581-be65-644c226db91c', 'org_jqEAaGbq0jFzmsdk', 'api_key_issued', 'user_laZDzriOEwLbCRQd', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:33.513+00', '{"prefix":"scl_live_59TSUsng","keyId":"key_NYXakmjRnDdxBtQN"}'),
       ('adf39db7-6546-4646-b1b7-58b0fbdb425c', 'org_jqEAaGbq0jFzmsdk', 'api_key_revoked', 'user_laZDzriOEwLbCRQd', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:33.988+00', '{"prefix":"scl_live_59TSUsng","keyId":"key_NYXakmjRnDdxBtQN"}');

INSERT INTO working_hours (id, org_id, name, timezone, windows, created_at, updated_at)
VALUES ('wh_WXvKeLcj8UgOMCGQ', 'org_jqEAaGbq0jFzmsdk', 'UK office hours', 'Europe/London', '[{"days":[1,2,3,4,5],"start":"09:00","end":"17:30"}]', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:34.384+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:34.384+00');

INSERT INTO oncall_schedules (id, org_id, name, description, timezone, created_by, created_at, updated_at)
VALUES ('sch_0Vd8fCk9o935ncpx', 'org_jqEAaGbq0jFzmsdk', 'Primary On-Call', 'Out of hours, platform team', 'Europe/London', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:34.677+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:34.677+00');

INSERT INTO oncall_layers (id, schedule_id, name, layer_position, rotation_type, rotation_length_days, handoff_time, effective_from, effective_from_at, effective_until, effective_until_at, created_at, updated_at)
VALUES ('lyr_0Vd8fCq6mXwFj71n', 'sch_0Vd8fCk9o935ncpx', 'Weekly', 0, 'weekly', 7, '09:00', '2026-11-02T09:00:00Z', TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00.000+00', NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.046+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.046+00'),
       ('lyr_0Vd8fCsr367mXbQR', 'sch_0Vd8fCk9o935ncpx', 'Weekend cover', 1, 'daily', 1, '08:00', '2026-11-07T08:00:00+01:00', TIMESTAMP WITH TIME ZONE '2026-11-07 07:00:00.000+00', '2027-03-01T08:00:00Z', TIMESTAMP WITH TIME ZONE '2027-03-01 08:00:00.000+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.217+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.217+00');

INSERT INTO oncall_layer_participants (layer_id, seq, user_id)
VALUES ('lyr_0Vd8fCq6mXwFj71n', 0, 'user_or7vD6jC7uRBLTQX'),
       ('lyr_0Vd8fCq6mXwFj71n', 1, 'user_laZDzriOEwLbCRQd'),
       ('lyr_0Vd8fCsr367mXbQR', 0, 'user_laZDzriOEwLbCRQd');

INSERT INTO oncall_overrides (id, schedule_id, user_id, starts_at, ends_at, created_by, created_at)
VALUES ('ovr_0Vd8fCunX0TILDYm', 'sch_0Vd8fCk9o935ncpx', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-24 18:00:00.000+00', TIMESTAMP WITH TIME ZONE '2026-12-27 09:00:00.000+00', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.337+00');

INSERT INTO escalation_policies (id, org_id, name, description, created_by, created_at, updated_at)
VALUES ('ep_hAKZTDw1ugviNkgM', 'org_jqEAaGbq0jFzmsdk', 'Follow the sun', 'Both of us, then the out-of-hours schedule.', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.533+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.721+00');

INSERT INTO escalation_steps (id, policy_id, org_id, position, target_type, schedule_id, user_ids, escalate_after_seconds, condition_working_hours_id, condition_when, created_at, updated_at)
VALUES ('step_OjRuJVo0X46STrEG', 'ep_hAKZTDw1ugviNkgM', 'org_jqEAaGbq0jFzmsdk', 1, 'users', NULL, '["user_or7vD6jC7uRBLTQX"]', 1800, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.533+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.533+00'),
       ('step_lLXgABOveYvjOkqe', 'ep_hAKZTDw1ugviNkgM', 'org_jqEAaGbq0jFzmsdk', 2, 'schedule', 'sch_0Vd8fCk9o935ncpx', NULL, 600, 'wh_WXvKeLcj8UgOMCGQ', 'outside', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.533+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.533+00'),
       ('step_woFvn4xPCo40q9F2', 'ep_hAKZTDw1ugviNkgM', 'org_jqEAaGbq0jFzmsdk', 3, 'users', NULL, '["user_laZDzriOEwLbCRQd","user_or7vD6jC7uRBLTQX"]', 900, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.721+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.721+00');

INSERT INTO components (id, org_id, name, description, aliases, operational_status, maintenance_started_at, maintenance_ends_at, created_at, updated_at, escalation_policy_id)
VALUES ('cmp_9PnykcdhRZ7ehPK2', 'org_jqEAaGbq0jFzmsdk', 'Payments API', 'Card authorisation and capture.', '["payments","payments-api"]', 'operational', NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.897+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:35.897+00', 'ep_hAKZTDw1ugviNkgM'),
       ('cmp_iwCj53JvYNTkE175', 'org_jqEAaGbq0jFzmsdk', 'Search', NULL, '[]', 'degraded', NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.046+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.046+00', NULL);

INSERT INTO incidents (id, org_id, title, description, severity, status, owner_id, escalation_policy_id, created_by, created_at, updated_at, acknowledged_by, acknowledged_at)
VALUES ('a7255543-f590-4523-aab9-f75bcf9d818b', 'org_jqEAaGbq0jFzmsdk', 'Checkout declines', 'Card payments declined since 16:02 — «Zahlung abgelehnt».', 'high', 'resolved', 'user_or7vD6jC7uRBLTQX', NULL, 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.412+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.314+00', NULL, NULL),
       ('aae1989b-afae-46a2-8696-22376aa4b9b2', 'org_jqEAaGbq0jFzmsdk', 'Database failover', NULL, 'critical', 'investigating', NULL, 'ep_hAKZTDw1ugviNkgM', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00', NULL, NULL),
       ('6f44cebf-88e1-44c8-95fc-1579aca0425d', 'org_jqEAaGbq0jFzmsdk', 'Search latency above 2s', NULL, 'high', 'resolved', NULL, NULL, 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.110+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.027+00', NULL, NULL);

INSERT INTO incident_status_history (id, incident_id, status, changed_at, resolution_note)
VALUES ('9c94f98d-ac02-4c9e-955e-cc63eead1f27', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'investigating', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.412+00', NULL),
       ('6ff24e1a-1c5c-4855-82c9-79272946f4a1', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'identified', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.594+00', NULL),
       ('694630b4-e8f3-4646-821a-bfc780200118', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'monitoring', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.160+00', NULL),
       ('1c923247-5531-48fc-99e9-528eb1743e75', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'resolved', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.314+00', 'New certificate chain deployed.'),
       ('92852117-65a1-484c-8b7a-35cc5555e083', 'aae1989b-afae-46a2-8696-22376aa4b9b2', 'investigating', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00', NULL),
       ('2ce342c9-18db-4155-8e2a-0d1ebc9f2337', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'investigating', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.110+00', NULL),
       ('10de0c2b-9268-446d-a0f6-4afa028aeb64', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'identified', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.810+00', NULL),
       ('5319b5db-ed1d-4ee1-8714-93fd234d699f', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'monitoring', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.909+00', NULL),
       ('15b74122-8486-4c43-82ee-d67bbfcfc677', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'resolved', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.027+00', 'Resolved by Payments monitor: the source reported search-latency resolved.');

INSERT INTO incident_updates (id, incident_id, body, status_change, visibility, posted_by, posted_at, redacted_at, redacted_by)
VALUES ('50ac05b2-929e-4afa-81d2-74eeedd71787', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'Looking at the acquirer logs.', NULL, 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.996+00', NULL, NULL),
       ('5943e1ad-1581-43d4-b0d0-b7a637be33ac', 'a7255543-f590-4523-aab9-f75bcf9d818b', NULL, NULL, 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.195+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.308+00', 'user_laZDzriOEwLbCRQd'),
       ('6d6e3e79-9c19-4aec-bd84-af8dbfc6d45a', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'The acquirer rotated a certificate; we are rolling out the new chain.', 'identified', 'public', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.594+00', NULL, NULL),
       ('e9ace23c-307f-44cd-9fd9-95da460998bf', 'a7255543-f590-4523-aab9-f75bcf9d818b', NULL, 'monitoring', 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.160+00', NULL, NULL),
       ('d4052389-560a-4567-8152-f261b7cbddcc', 'a7255543-f590-4523-aab9-f75bcf9d818b', NULL, 'resolved', 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.314+00', NULL, NULL),
       ('0ec95b83-da3e-46e9-aa6c-3d72325715ef', '6f44cebf-88e1-44c8-95fc-1579aca0425d', NULL, 'identified', 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.810+00', NULL, NULL),
       ('16533d54-180a-4093-9929-98f9c95deb5f', '6f44cebf-88e1-44c8-95fc-1579aca0425d', NULL, 'monitoring', 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.909+00', NULL, NULL),
       ('a1e38bb6-18e4-4c0e-ad55-4249e46f3578', '6f44cebf-88e1-44c8-95fc-1579aca0425d', NULL, 'resolved', 'internal', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.027+00', NULL, NULL);

INSERT INTO incident_events (id, incident_id, type, actor_id, occurred_at, details)
VALUES ('d39c31b9-4b7f-4a6a-b8fd-200a758346e6', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'incident_created', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.412+00', '{}'),
       ('5a099b0a-2b90-4564-b5c5-dd6f64d841fa', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'components_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.687+00', '{"componentIds":["cmp_9PnykcdhRZ7ehPK2","cmp_iwCj53JvYNTkE175"]}'),
       ('24df7a29-3fbc-4542-ad7f-4961cb6d322c', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.996+00', '{"updateId":"50ac05b2-929e-4afa-81d2-74eeedd71787"}'),
       ('fd4ebf48-2358-4502-bd3d-8bf7830a2ea3', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.195+00', '{"updateId":"5943e1ad-1581-43d4-b0d0-b7a637be33ac"}'),
       ('39d4b3ba-fc82-4549-9568-1c09d61ebf0d', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'update_redacted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.308+00', '{"updateId":"5943e1ad-1581-43d4-b0d0-b7a637be33ac"}'),
       ('c8196f75-571a-4ccf-970c-d7c669d4d255', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'status_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.594+00', '{"previousStatus":"investigating","status":"identified","updateId":"6d6e3e79-9c19-4aec-bd84-af8dbfc6d45a"}'),
       ('aa5ada24-a3c8-47ae-9fc2-7271c8d3504c', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.594+00', '{"updateId":"6d6e3e79-9c19-4aec-bd84-af8dbfc6d45a"}'),
       ('47b95a72-83b1-4312-b533-8c417215c947', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'status_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.160+00', '{"previousStatus":"identified","status":"monitoring","updateId":"e9ace23c-307f-44cd-9fd9-95da460998bf"}'),
       ('a3a2f7bd-6d92-47fc-adf1-bf16f2b86f78', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.160+00', '{"updateId":"e9ace23c-307f-44cd-9fd9-95da460998bf"}'),
       ('ec340046-2f98-456a-be01-dd1357d8a811', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'status_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.314+00', '{"previousStatus":"monitoring","status":"resolved","updateId":"d4052389-560a-4567-8152-f261b7cbddcc"}'),
       ('0aff67bd-f970-4a3a-a498-9bfbe420dd29', 'a7255543-f590-4523-aab9-f75bcf9d818b', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.314+00', '{"updateId":"d4052389-560a-4567-8152-f261b7cbddcc"}'),
       ('70a27d20-c861-4e9e-bb02-5ff9500c7e15', 'aae1989b-afae-46a2-8696-22376aa4b9b2', 'incident_created', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00', '{}'),
       ('18dcdc86-5702-4d59-b166-b9fd6090ecdc', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'incident_created', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.110+00', '{}'),
       ('58505561-9272-41bd-a084-2b0b3fd2579c', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'status_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.810+00', '{"previousStatus":"investigating","status":"identified","updateId":"0ec95b83-da3e-46e9-aa6c-3d72325715ef"}'),
       ('dee8b116-6aad-4c55-b8b0-a1f5190d6172', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.810+00', '{"updateId":"0ec95b83-da3e-46e9-aa6c-3d72325715ef"}'),
       ('9f09ac69-5dad-4a6f-a355-430ca09e4ab4', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'status_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.909+00', '{"previousStatus":"identified","status":"monitoring","updateId":"16533d54-180a-4093-9929-98f9c95deb5f"}'),
       ('cda3cff8-06fe-4645-b96b-5202aa911e5d', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.909+00', '{"updateId":"16533d54-180a-4093-9929-98f9c95deb5f"}'),
       ('d9f9fd10-8c3b-4546-baaf-de10c6a1a237', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'status_changed', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.027+00', '{"previousStatus":"monitoring","status":"resolved","updateId":"a1e38bb6-18e4-4c0e-ad55-4249e46f3578"}'),
       ('e3a0a692-3c5b-402a-a12e-425b9098e568', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 'update_posted', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.027+00', '{"updateId":"a1e38bb6-18e4-4c0e-ad55-4249e46f3578"}');

INSERT INTO incident_components (incident_id, component_id)
VALUES ('6f44cebf-88e1-44c8-95fc-1579aca0425d', 'cmp_iwCj53JvYNTkE175'),
       ('a7255543-f590-4523-aab9-f75bcf9d818b', 'cmp_9PnykcdhRZ7ehPK2'),
       ('a7255543-f590-4523-aab9-f75bcf9d818b', 'cmp_iwCj53JvYNTkE175');

INSERT INTO routing_policies (id, org_id, name, description, rules, default_of, created_at, updated_at)
VALUES ('rp_A62ZOmCuuhz16veS', 'org_jqEAaGbq0jFzmsdk', 'Default routing', 'The organization''s fallback for alerts no other policy routes.', '[{"severity":"critical","outcome":"incident"},{"severity":"high","outcome":"incident"},{"severity":"medium","outcome":"provisional_page"},{"severity":"low","outcome":"notification"}]', 'org_jqEAaGbq0jFzmsdk', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:25.168+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:25.168+00'),
       ('rp_2Nts3iSdNzhcFQ3D', 'org_jqEAaGbq0jFzmsdk', 'Payments routing', 'Stricter routing for payments', '[{"severity":"critical","outcome":"incident"},{"severity":"high","outcome":"incident"},{"severity":"medium","outcome":"notification"},{"severity":"low","outcome":"drop"}]', NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:40.479+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:40.479+00');

INSERT INTO inbound_integrations (id, org_id, name, type, component_id, routing_policy_id, selectors, token_hash, token_prefix, created_by, created_at, updated_at)
VALUES ('int_6yPRuz8sFOoDeUDV', 'org_jqEAaGbq0jFzmsdk', 'Payments monitor', 'generic', 'cmp_iwCj53JvYNTkE175', 'rp_2Nts3iSdNzhcFQ3D', '[{"matchers":[{"key":"service","value":"payments"}],"routingPolicyId":"rp_2Nts3iSdNzhcFQ3D"}]', '9720dbe89e9bbb25213a71bc402f2e0a34985fdc26bbed7ad3d351bd8cee9ffa', 'scl_int_ewUNKzks', 'user_laZDzriOEwLbCRQd', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:40.921+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:41.615+00');

INSERT INTO alerts (id, org_id, integration_id, dedup_key, firing_key, title, severity, status, attributes, routing_policy_id, outcome, incident_id, deliveries, received_at, resolved_at)
VALUES ('alt_Kh4UZFYFIebBO70G', 'org_jqEAaGbq0jFzmsdk', 'int_6yPRuz8sFOoDeUDV', 'search-latency', NULL, 'Search latency above 2s', 'high', 'resolved', '{"service":"payments","env":"prod"}', 'rp_2Nts3iSdNzhcFQ3D', 'incident', '6f44cebf-88e1-44c8-95fc-1579aca0425d', 1, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.030+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.706+00'),
       ('alt_0k05Eq0UtDNE9V26', 'org_jqEAaGbq0jFzmsdk', 'int_6yPRuz8sFOoDeUDV', 'disk', 'disk', 'Disk 70% full', 'low', 'firing', '{"host":"db-1"}', 'rp_2Nts3iSdNzhcFQ3D', 'drop', NULL, 1, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.344+00', NULL),
       ('alt_LbYkFObcLpefdQmC', 'org_jqEAaGbq0jFzmsdk', 'int_6yPRuz8sFOoDeUDV', 'queue-backlog', 'queue-backlog', 'Queue backlog growing', 'medium', 'firing', '{"service":"payments"}', 'rp_2Nts3iSdNzhcFQ3D', 'notification', NULL, 1, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.281+00', NULL);

INSERT INTO incident_escalations (incident_id, org_id, policy_id, state, level, level_started_at, next_escalation_at, timer, final_level)
VALUES ('aae1989b-afae-46a2-8696-22376aa4b9b2', 'org_jqEAaGbq0jFzmsdk', 'ep_hAKZTDw1ugviNkgM', 'paging', 1, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:58:38.979+00', 1, NULL);

INSERT INTO pages (id, org_id, incident_id, user_id, channel, reason, level, paged_at, status, attempts)
VALUES ('pge_yCqUixWshozNORGC', 'org_jqEAaGbq0jFzmsdk', 'aae1989b-afae-46a2-8696-22376aa4b9b2', 'user_or7vD6jC7uRBLTQX', 'email', 'escalation', 1, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00', 'failed', 1);

INSERT INTO page_attempts (id, page_id, attempted_at, result, error)
VALUES ('a501b352-61e2-4684-a38b-d8816c13511e', 'pge_yCqUixWshozNORGC', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:40.688+00', 'failed', 'MessagingException: Email is not configured: set SCALING_SMTP_HOST.');

INSERT INTO webhook_endpoints (id, org_id, url, description, event_types, enabled, secret_sealed, created_at, updated_at)
VALUES ('hook_xGEWWOR9hBspJTvw', 'org_jqEAaGbq0jFzmsdk', 'http://127.0.0.1:18141/scaling', 'Incident bridge', 'incident.created,incident.status_changed,incident.acknowledged', TRUE, 'RIcBlrP5vr6E52noifdjNKi6iYH0PFRvtmWs/AxWTAdJaMa46Yt/5DpNNEQfBWSDepyWW3lpqm5Hcm/2UvRWdyRt', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.180+00', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.180+00');

INSERT INTO webhook_deliveries (id, endpoint_id, event_type, payload, status, failures, next_attempt_at, created_at)
VALUES ('msg_TLaJwuQLBsMo6RDX', 'hook_xGEWWOR9hBspJTvw', 'incident.created', '{"type":"incident.created","timestamp":"2026-12-07T17:28:36.412Z","data":{"incident":{"id":"a7255543-f590-4523-aab9-f75bcf9d818b","orgId":"org_jqEAaGbq0jFzmsdk","title":"Checkout declines","description":"Card payments declined since 16:02 — «Zahlung abgelehnt».","severity":"high","status":"investigating","ownerId":"user_or7vD6jC7uRBLTQX","escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_9PnykcdhRZ7ehPK2","name":"Payments API"}],"createdAt":"2026-12-07T17:28:36.412Z","updatedAt":"2026-12-07T17:28:36.412Z"},"actorId":"user_laZDzriOEwLbCRQd"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:36.412+00'),
       ('msg_mIrlT79PrnkQ3Gun', 'hook_xGEWWOR9hBspJTvw', 'incident.status_changed', '{"type":"incident.status_changed","timestamp":"2026-12-07T17:28:37.594Z","data":{"incident":{"id":"a7255543-f590-4523-aab9-f75bcf9d818b","orgId":"org_jqEAaGbq0jFzmsdk","title":"Checkout declines","description":"Card payments declined since 16:02 — «Zahlung abgelehnt».","severity":"high","status":"identified","ownerId":"user_or7vD6jC7uRBLTQX","escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_9PnykcdhRZ7ehPK2","name":"Payments API"},{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:36.412Z","updatedAt":"2026-12-07T17:28:37.594Z"},"actorId":"user_laZDzriOEwLbCRQd","from":"investigating","to":"identified"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.594+00'),
       ('msg_HRu7JnG0VuawspA1', 'hook_xGEWWOR9hBspJTvw', 'incident.status_changed', '{"type":"incident.status_changed","timestamp":"2026-12-07T17:28:38.160Z","data":{"incident":{"id":"a7255543-f590-4523-aab9-f75bcf9d818b","orgId":"org_jqEAaGbq0jFzmsdk","title":"Checkout declines","description":"Card payments declined since 16:02 — «Zahlung abgelehnt».","severity":"high","status":"monitoring","ownerId":"user_or7vD6jC7uRBLTQX","escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_9PnykcdhRZ7ehPK2","name":"Payments API"},{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:36.412Z","updatedAt":"2026-12-07T17:28:38.160Z"},"actorId":"user_laZDzriOEwLbCRQd","from":"identified","to":"monitoring"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.160+00'),
       ('msg_l04KrIcmhoCBmDwh', 'hook_xGEWWOR9hBspJTvw', 'incident.status_changed', '{"type":"incident.status_changed","timestamp":"2026-12-07T17:28:38.314Z","data":{"incident":{"id":"a7255543-f590-4523-aab9-f75bcf9d818b","orgId":"org_jqEAaGbq0jFzmsdk","title":"Checkout declines","description":"Card payments declined since 16:02 — «Zahlung abgelehnt».","severity":"high","status":"resolved","ownerId":"user_or7vD6jC7uRBLTQX","escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_9PnykcdhRZ7ehPK2","name":"Payments API"},{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:36.412Z","updatedAt":"2026-12-07T17:28:38.314Z"},"actorId":"user_laZDzriOEwLbCRQd","from":"monitoring","to":"resolved"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.314+00'),
       ('msg_5yhz0c3qhqoJDHC8', 'hook_xGEWWOR9hBspJTvw', 'incident.created', '{"type":"incident.created","timestamp":"2026-12-07T17:28:38.979Z","data":{"incident":{"id":"aae1989b-afae-46a2-8696-22376aa4b9b2","orgId":"org_jqEAaGbq0jFzmsdk","title":"Database failover","description":null,"severity":"critical","status":"investigating","ownerId":null,"escalationPolicyId":"ep_hAKZTDw1ugviNkgM","createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[],"createdAt":"2026-12-07T17:28:38.979Z","updatedAt":"2026-12-07T17:28:38.979Z"},"actorId":"user_laZDzriOEwLbCRQd"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:38.979+00'),
       ('msg_b4hm7Mp0HxioRSlS', 'hook_xGEWWOR9hBspJTvw', 'incident.created', '{"type":"incident.created","timestamp":"2026-12-07T17:28:42.110Z","data":{"incident":{"id":"6f44cebf-88e1-44c8-95fc-1579aca0425d","orgId":"org_jqEAaGbq0jFzmsdk","title":"Search latency above 2s","description":null,"severity":"high","status":"investigating","ownerId":null,"escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:42.110Z","updatedAt":"2026-12-07T17:28:42.110Z"},"actorId":"user_laZDzriOEwLbCRQd"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.110+00'),
       ('msg_xstzPIWBclEa3j32', 'hook_xGEWWOR9hBspJTvw', 'incident.status_changed', '{"type":"incident.status_changed","timestamp":"2026-12-07T17:28:42.810Z","data":{"incident":{"id":"6f44cebf-88e1-44c8-95fc-1579aca0425d","orgId":"org_jqEAaGbq0jFzmsdk","title":"Search latency above 2s","description":null,"severity":"high","status":"identified","ownerId":null,"escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:42.110Z","updatedAt":"2026-12-07T17:28:42.810Z"},"actorId":"user_laZDzriOEwLbCRQd","from":"investigating","to":"identified"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.810+00'),
       ('msg_5wfwbaCIl8bEiODP', 'hook_xGEWWOR9hBspJTvw', 'incident.status_changed', '{"type":"incident.status_changed","timestamp":"2026-12-07T17:28:42.909Z","data":{"incident":{"id":"6f44cebf-88e1-44c8-95fc-1579aca0425d","orgId":"org_jqEAaGbq0jFzmsdk","title":"Search latency above 2s","description":null,"severity":"high","status":"monitoring","ownerId":null,"escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:42.110Z","updatedAt":"2026-12-07T17:28:42.909Z"},"actorId":"user_laZDzriOEwLbCRQd","from":"identified","to":"monitoring"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:42.909+00'),
       ('msg_TfB1oj3UgHxRW4DQ', 'hook_xGEWWOR9hBspJTvw', 'incident.status_changed', '{"type":"incident.status_changed","timestamp":"2026-12-07T17:28:43.027Z","data":{"incident":{"id":"6f44cebf-88e1-44c8-95fc-1579aca0425d","orgId":"org_jqEAaGbq0jFzmsdk","title":"Search latency above 2s","description":null,"severity":"high","status":"resolved","ownerId":null,"escalationPolicyId":null,"createdBy":"user_laZDzriOEwLbCRQd","affectedComponents":[{"id":"cmp_iwCj53JvYNTkE175","name":"Search"}],"createdAt":"2026-12-07T17:28:42.110Z","updatedAt":"2026-12-07T17:28:43.027Z"},"actorId":"user_laZDzriOEwLbCRQd","from":"monitoring","to":"resolved"}}', 'delivered', 0, NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.027+00');

INSERT INTO webhook_attempts (id, delivery_id, attempted_at, response_status, error, duration_ms)
VALUES ('ecd00e88-6dea-44df-8a10-85385d8647f3', 'msg_TLaJwuQLBsMo6RDX', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:37.318+00', 200, NULL, 2183),
       ('6272d586-d161-4b4c-b8cf-41703d3884f6', 'msg_mIrlT79PrnkQ3Gun', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:41.459+00', 200, NULL, 54),
       ('50fc2ba0-1f06-431b-9170-e2f2723e046d', 'msg_HRu7JnG0VuawspA1', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:41.484+00', 200, NULL, 39),
       ('c94b0be8-0738-4ce1-b346-cfab8b8cce47', 'msg_l04KrIcmhoCBmDwh', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:41.517+00', 200, NULL, 58),
       ('1c8418b2-ea53-4ae4-9434-86af9a6b880e', 'msg_5yhz0c3qhqoJDHC8', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:41.591+00', 200, NULL, 140),
       ('f3cd6971-6595-4227-8412-4c1204c8796d', 'msg_b4hm7Mp0HxioRSlS', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.450+00', 200, NULL, 30),
       ('5d2b3d96-92cc-4b23-a505-faea158d3d7e', 'msg_xstzPIWBclEa3j32', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.468+00', 200, NULL, 10),
       ('e0ba39f6-fb8d-4a51-bba9-3ffdfeb6f2a2', 'msg_5wfwbaCIl8bEiODP', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.471+00', 200, NULL, 6),
       ('6bdcb1a7-c764-4837-93fe-4d95301f2b90', 'msg_TfB1oj3UgHxRW4DQ', TIMESTAMP WITH TIME ZONE '2026-12-07 17:28:43.477+00', 200, NULL, 20);

INSERT INTO server_secrets (name, secret)
VALUES ('cursor-hmac', '4xRlagQITP2STor7CWxKU08sSAyBzzOjHETNcABIt4r0mUeGUG2j6ZO0yssPf9Kz'),
       ('webhook-secret-key', 'Pq3YLLHUrXKkyCJ5LLUhhxAd8wCWxBHBeYqCaJFRGzaYz8hxEqmQuYWMUHQamUlh');

INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by, last_success, last_failure, consecutive_failures, last_heartbeat, version, priority)
VALUES ('escalation-step', 'aae1989b-afae-46a2-8696-22376aa4b9b2/1', NULL, TIMESTAMP WITH TIME ZONE '2026-12-07 17:58:38.979+00', FALSE, NULL, NULL, NULL, NULL, NULL, 1, NULL);

-- idempotency_keys: no rows

UPDATE auth_revision SET revision = 1 WHERE id = 1;
