-- Review rounds: each freezes the sheet when it opens and again when it closes.
CREATE TABLE rounds (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  open_snapshot BYTEA NOT NULL,
  closed_at TEXT,
  closed_by TEXT REFERENCES people(id) ON DELETE SET NULL,
  close_snapshot BYTEA,
  summary TEXT,
  UNIQUE (team_id, number)
);
-- At most one open round per team, enforced by the database.
CREATE UNIQUE INDEX rounds_one_open ON rounds(team_id) WHERE closed_at IS NULL;

CREATE TABLE round_reviewers (
  round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, person_id)
);

-- Snapshots never change once written.
CREATE FUNCTION specboard_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;
CREATE TRIGGER rounds_snapshots_frozen BEFORE UPDATE OF open_snapshot ON rounds
  FOR EACH ROW EXECUTE FUNCTION specboard_refuse_update('round snapshots are immutable');
CREATE TRIGGER rounds_close_snapshot_frozen BEFORE UPDATE OF close_snapshot ON rounds
  FOR EACH ROW WHEN (OLD.close_snapshot IS NOT NULL)
  EXECUTE FUNCTION specboard_refuse_update('round snapshots are immutable');
