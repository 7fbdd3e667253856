-- Retention (issue 14): months after a posting closes until the personal data of applicants who were
-- neither placed nor pooled is erased; and the language an applicant used, for their mail.
ALTER TABLE programs ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 6;
ALTER TABLE applications ADD COLUMN lang TEXT NOT NULL DEFAULT 'ja';
