-- OT Desk schema, version 1.
-- A consultation is kept as one JSON document (domain.Consultation.to_dict)
-- in consultation_docs; the narrow consultations table holds what the list
-- shows (so listing 10,000 rows never reads the documents), and the text of
-- every consultation is in an FTS5 index.

CREATE TABLE consultations (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL,
    received_at    TEXT,              -- UTC ISO 8601, so text order is time order
    organisation   TEXT NOT NULL DEFAULT '',
    categories     TEXT NOT NULL DEFAULT '[]',
    intake_date    TEXT,
    session_date   TEXT,
    follow_up_date TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX consultations_status ON consultations (status);
CREATE INDEX consultations_received ON consultations (received_at);

CREATE TABLE consultation_docs (
    id  INTEGER PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
    doc TEXT NOT NULL
);

-- Running numbers for references (OT-2026-0001), one row per year.
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- Full text of every consultation; rowid = consultations.id.
-- remove_diacritics 0: ä and ö are letters of their own (pää is not paa).
CREATE VIRTUAL TABLE consultation_text USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
-- No merging inside the user's commits (it made one edit in ten take 30 ms);
-- Repository.tidy_index() merges when the app is idle and when the vault closes.
INSERT INTO consultation_text (consultation_text, rank) VALUES ('automerge', 0);
INSERT INTO consultation_text (consultation_text, rank) VALUES ('crisismerge', 64);

-- Append-only audit log, each row hash-chained to the previous one.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL DEFAULT '',
    outcome   TEXT NOT NULL DEFAULT 'ok',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
