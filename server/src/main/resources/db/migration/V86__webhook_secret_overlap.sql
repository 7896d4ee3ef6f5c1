-- After a rotation the previous signing secret keeps signing beside the new one until previous_secret_expires_at,
-- so receivers can switch secrets without refusing deliveries meanwhile. Sealed like secret_sealed.
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_sealed VARCHAR(200);
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_expires_at TIMESTAMP(3) WITH TIME ZONE;
