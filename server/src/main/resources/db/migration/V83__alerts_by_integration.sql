-- An integration's alerts, newest first, keyset-paged on (received_at, id).
CREATE INDEX alerts_integration_received ON alerts (integration_id, received_at, id);
