-- Postings: one per team; every (re)publication is an immutable version with the frozen sheet.
CREATE TABLE postings (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL UNIQUE REFERENCES teams(id) ON DELETE CASCADE,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  slug TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('published', 'unpublished')),
  current_version INTEGER NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  first_published_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX postings_program ON postings(program_id);

CREATE TABLE posting_versions (
  posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  facts TEXT NOT NULL,
  snapshot BYTEA NOT NULL,
  html TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  PRIMARY KEY (posting_id, version)
);
-- A published version never changes: the page, the feed and applications made against it stay true.
CREATE TRIGGER posting_versions_frozen BEFORE UPDATE OF facts, snapshot, html, excerpt, published_at ON posting_versions
  FOR EACH ROW EXECUTE FUNCTION specboard_refuse_update('posting versions are immutable');

-- Personal fields are blanked (erased_at set) when the applicant withdraws consent; the row stays for counts.
CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
  posting_version INTEGER NOT NULL,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  status_token_hash TEXT NOT NULL UNIQUE,
  stage TEXT NOT NULL CHECK (stage IN ('applied', 'interview_scheduled', 'interviewed', 'placed', 'pool', 'declined', 'withdrawn')),
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  motivation TEXT NOT NULL,
  skills TEXT NOT NULL DEFAULT '[]',
  links TEXT NOT NULL DEFAULT '[]',
  consent_pool INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  is_demo INTEGER NOT NULL DEFAULT 0,
  erased_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  stage_changed_at TEXT NOT NULL
);
CREATE INDEX applications_posting ON applications(posting_id, created_at);
CREATE INDEX applications_program ON applications(program_id, created_at);

-- Availability windows, cut into 15-minute slots when created. posting_id NULL: any posting of the program.
CREATE TABLE interview_windows (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  posting_id TEXT REFERENCES postings(id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  created_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX interview_windows_program ON interview_windows(program_id, starts_at);

CREATE TABLE interview_slots (
  id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL REFERENCES interview_windows(id) ON DELETE CASCADE,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  posting_id TEXT REFERENCES postings(id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL
);
-- Overlapping windows of the same scope do not make two slots at the same moment.
CREATE UNIQUE INDEX interview_slots_unique ON interview_slots(program_id, COALESCE(posting_id, ''), starts_at);
CREATE INDEX interview_slots_window ON interview_slots(window_id, starts_at);

CREATE TABLE interviews (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  -- NULL once its window is deleted; the times below keep what the applicant was told.
  slot_id TEXT REFERENCES interview_slots(id) ON DELETE SET NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  cancelled_by TEXT CHECK (cancelled_by IN ('coordinator', 'applicant')),
  cancel_reason TEXT,
  moved_from TEXT,
  sequence INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The guarantee against double booking: one scheduled interview per slot, and one per application,
-- enforced by the database whatever the requests race.
CREATE UNIQUE INDEX interviews_one_per_slot ON interviews(slot_id) WHERE status = 'scheduled';
CREATE UNIQUE INDEX interviews_one_per_application ON interviews(application_id) WHERE status = 'scheduled';
CREATE INDEX interviews_application ON interviews(application_id, created_at);

-- The talent pool spans programs: one entry per person (by normalised contact), with where they came from.
CREATE TABLE pool_entries (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  contact_key TEXT NOT NULL UNIQUE,
  tags TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT '',
  withdraw_token_hash TEXT NOT NULL UNIQUE,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE pool_sources (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES pool_entries(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('applicant', 'placed', 'pitch_lead')),
  program_id TEXT REFERENCES programs(id) ON DELETE SET NULL,
  team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
  application_id TEXT REFERENCES applications(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX pool_sources_entry ON pool_sources(entry_id);
CREATE INDEX pool_sources_program ON pool_sources(program_id);
CREATE UNIQUE INDEX pool_sources_application ON pool_sources(application_id, source) WHERE application_id IS NOT NULL;

CREATE TABLE pool_invitations (
  entry_id TEXT NOT NULL REFERENCES pool_entries(id) ON DELETE CASCADE,
  invite_id TEXT NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (entry_id, invite_id)
);
