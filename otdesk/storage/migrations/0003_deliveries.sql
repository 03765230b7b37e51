-- OT Desk schema, version 3: delivered summaries.
-- Every summary that left the vault (printed, saved as PDF) is kept exactly
-- as it was given: its PDF bytes and their SHA-256, who, when, in which
-- language and how.  A consultation with a delivery is sealed: later changes
-- are dated addenda and give a new summary version.

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    version         INTEGER NOT NULL,
    addenda         INTEGER NOT NULL,  -- how many addenda the delivered version holds
    delivered_at    TEXT NOT NULL,
    actor           TEXT NOT NULL,
    lang            TEXT NOT NULL,
    method          TEXT NOT NULL,   -- 'print' or 'pdf'
    sha256          TEXT NOT NULL,
    pdf             BLOB NOT NULL
);
CREATE INDEX deliveries_consultation ON deliveries (consultation_id, version);

CREATE TRIGGER deliveries_no_update BEFORE UPDATE ON deliveries
BEGIN
    SELECT RAISE(ABORT, 'a delivered summary is never changed');
END;
