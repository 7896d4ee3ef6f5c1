-- The number of the incident's latest webhook event: each event takes the next one (data.sequence), so receivers
-- can order one incident's events although deliveries are not ordered.
ALTER TABLE incidents ADD COLUMN event_sequence BIGINT DEFAULT 0 NOT NULL;
