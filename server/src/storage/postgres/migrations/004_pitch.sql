-- Pitch sessions: the teams of a program presenting in order, to an audience following a share link.
CREATE TABLE pitch_sessions (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('intermediate', 'final')),
  title TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  minutes_per_team INTEGER NOT NULL,
  team_ids TEXT NOT NULL,
  current_team_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX pitch_sessions_program ON pitch_sessions(program_id, starts_at);

-- Audience links: for one team, or for a whole session. Only the token's hash is kept.
CREATE TABLE share_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
  session_id TEXT REFERENCES pitch_sessions(id) ON DELETE CASCADE,
  created_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((team_id IS NULL) <> (session_id IS NULL))
);

-- "I want to join" from the audience, with explicit consent to be contacted.
CREATE TABLE leads (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  session_id TEXT REFERENCES pitch_sessions(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  how_to_help TEXT NOT NULL,
  consented_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX leads_program ON leads(program_id, created_at);
