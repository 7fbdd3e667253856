-- Coordinators' daily digest (issue 14): each coordinator's choice per program (on unless turned off) and
-- the language they read it in; and one row per coordinator, program and Japanese calendar day, inserted
-- by the instance that sends that day's digest (the primary key lets only one instance claim a day).
CREATE TABLE digest_settings (
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  enabled INTEGER NOT NULL,
  lang TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (program_id, person_id)
);

CREATE TABLE digest_days (
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (program_id, person_id, day)
);
