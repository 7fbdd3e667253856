-- Pool consent renewal (issue 14): when the person last consented (joining, joining again, renewing);
-- when they were asked to renew (cleared when they do; the entry lapses a while after it); the secret of
-- the renewal link (hashed), which also works as a withdrawal link.
ALTER TABLE pool_entries ADD COLUMN consented_at TEXT NOT NULL DEFAULT '';
UPDATE pool_entries SET consented_at = created_at;
ALTER TABLE pool_entries ADD COLUMN renewal_asked_at TEXT;
ALTER TABLE pool_entries ADD COLUMN renew_token_hash TEXT;
CREATE UNIQUE INDEX pool_entries_renew_token ON pool_entries(renew_token_hash);
CREATE INDEX pool_entries_consented ON pool_entries(consented_at);
