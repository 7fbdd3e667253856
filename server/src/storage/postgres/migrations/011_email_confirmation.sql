-- An address counts as a person's sign-in address only once a link mailed to it was followed
-- (issue 11). people.email holds the confirmed address (unique); an address given when joining waits
-- in unconfirmed_email (not unique: anyone may type any address) until its owner follows the link.
-- Addresses stored before this migration stay confirmed: they were already used to sign in.
ALTER TABLE people ADD COLUMN unconfirmed_email TEXT;
ALTER TABLE people ADD COLUMN unconfirmed_email_at TEXT;
CREATE INDEX people_unconfirmed_email ON people(unconfirmed_email);

-- person_id: the person the link was mailed for (a confirmation, a coordinator appointment).
-- invite_reserved: the link's invite use was already counted when the link was sent.
ALTER TABLE signin_tokens ADD COLUMN person_id TEXT REFERENCES people(id) ON DELETE CASCADE;
ALTER TABLE signin_tokens ADD COLUMN invite_reserved INTEGER NOT NULL DEFAULT 0;
