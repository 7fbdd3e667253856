-- Accounts that last: an email per person, sessions per device, single-use invites, emailed sign-in
-- links, and the audit trail.
ALTER TABLE people ADD COLUMN email TEXT;
CREATE UNIQUE INDEX people_email ON people(email) WHERE email IS NOT NULL;

-- Each access token is one device's session; it ends after a while without use.
ALTER TABLE access_tokens ADD COLUMN id TEXT;
ALTER TABLE access_tokens ADD COLUMN last_used_at TEXT;
ALTER TABLE access_tokens ADD COLUMN user_agent TEXT;
UPDATE access_tokens SET id = md5(random()::text || token_hash), last_used_at = created_at;
CREATE UNIQUE INDEX access_tokens_id ON access_tokens(id);
CREATE INDEX access_tokens_person ON access_tokens(person_id);

-- NULL: any number of acceptances (links made before invites were single-use).
ALTER TABLE invites ADD COLUMN max_uses INTEGER;

-- Emailed one-time links. invite_id/name: the link also confirms joining a team with an address that
-- already has an account.
CREATE TABLE signin_tokens (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  invite_id TEXT REFERENCES invites(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX signin_tokens_expiry ON signin_tokens(expires_at);

-- Who did what, when: kept when people leave (actor_name is copied, actor_id has no foreign key).
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_program ON audit_log(program_id, at);
