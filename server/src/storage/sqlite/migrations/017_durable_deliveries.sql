-- Webhook retries survive a restart (issue 14): a pending delivery's next attempt is a row, not a timer.
-- An instance claims a due delivery by moving next_attempt_at ahead (a lease) in one guarded UPDATE, so
-- two instances never send it at once, and one that dies mid-attempt leaves it to the next after the lease.
ALTER TABLE webhook_deliveries ADD COLUMN next_attempt_at TEXT;
UPDATE webhook_deliveries SET next_attempt_at = COALESCE(last_attempt_at, created_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- Applicant mail given up on after every retry, per program, for its coordinators: kept across restarts
-- and seen by every instance (only what the coordinator is shown: kind, address, subject, when, why).
CREATE TABLE mail_failures (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  at TEXT NOT NULL,
  error TEXT NOT NULL
);
CREATE INDEX mail_failures_program ON mail_failures(program_id, at);
