-- People sign in with access tokens; one person may hold memberships in many programs and teams.
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE access_tokens (
  token_hash TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);

CREATE TABLE programs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  targets TEXT NOT NULL DEFAULT '{}',
  template TEXT NOT NULL,
  created_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  organization TEXT,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX teams_program ON teams(program_id, position);

-- team_id NULL: a program-wide membership (a program's coordinator).
CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX memberships_unique ON memberships(person_id, program_id, IFNULL(team_id, ''));
CREATE INDEX memberships_team ON memberships(team_id);

CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  created_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  accepted_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invites_team ON invites(team_id);

CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  used_at TEXT
);

-- The append-only update log of every collaborative document; compaction replaces a document's rows
-- with one merged update inside a transaction.
CREATE TABLE document_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX document_updates_document ON document_updates(document, seq);
