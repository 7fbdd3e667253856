-- The largest audience each pitch reached at once: per session (its viewers follow one stage at a time),
-- or per team for a team's own link. A program's pitch audience is the sum of these peaks.
CREATE TABLE pitch_audience (
  audience_key TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  peak_viewers INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pitch_audience_program ON pitch_audience(program_id);
