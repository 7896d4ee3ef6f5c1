-- A user's chat contact methods (email is implicit: the user's own address). The webhook URL grants posting to
-- the channel, so it is kept sealed (AES-GCM under a server secret, the row id as associated data); the masked
-- form is what the API shows.
CREATE TABLE contact_methods (
    id          VARCHAR(40)                 PRIMARY KEY,
    org_id      VARCHAR(40)                 NOT NULL REFERENCES organizations (id),
    user_id     VARCHAR(40)                 NOT NULL REFERENCES users (id),
    type        VARCHAR(16)                 NOT NULL CHECK (type IN ('slack', 'teams')),
    url_sealed  VARCHAR(4000)               NOT NULL,
    masked_url  VARCHAR(300)                NOT NULL,
    label       VARCHAR(100),
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_methods_user ON contact_methods (user_id, created_at, id);

-- Pages go to chat too: one page per contact method, which it names (no foreign key: deleting a contact method
-- keeps the pages made to it; one still pending then fails, saying so). Every existing page is an email page, so
-- the channel column is made again with the wider check rather than its unnamed constraint altered.
ALTER TABLE pages DROP COLUMN channel;
ALTER TABLE pages ADD COLUMN channel VARCHAR(16) DEFAULT 'email' NOT NULL CHECK (channel IN ('email', 'slack', 'teams'));
ALTER TABLE pages ADD COLUMN contact_method_id VARCHAR(40);
