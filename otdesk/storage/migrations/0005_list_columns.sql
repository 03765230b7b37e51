-- OT Desk schema, version 5: what the list sorts, filters and counts by, in SQL.
-- due_date / due_what: the next step and its day (deadlines.next_due), stored on every
-- save and recomputed by the app when the deadline rules or the holidays change (the
-- rules they were computed with are in meta 'due.rules').  first_category: the first
-- situation category ('' for none), which the list sorts by.  labels: what each code
-- reads as in each language, with its place in that language's order, so a sort by
-- status or category is a sort by what the person reads (filled by the storage worker).
-- Each sort has a covering index (sort key, id, then the status the filter reads), so
-- ordering 100,000 ids never touches the table; only the due-date index holds the due
-- date, so computing the due dates again rewrites one index, not six.
ALTER TABLE consultations ADD COLUMN due_date TEXT;
ALTER TABLE consultations ADD COLUMN due_what TEXT;
ALTER TABLE consultations ADD COLUMN first_category TEXT NOT NULL DEFAULT '';
UPDATE consultations SET first_category = coalesce(json_extract(categories, '$[0]'), '');
DROP INDEX consultations_status;
DROP INDEX consultations_received;
CREATE INDEX consultations_by_received ON consultations (received_at, id, status);
CREATE INDEX consultations_by_status ON consultations (status, received_at, id);
CREATE INDEX consultations_by_category ON consultations (first_category, received_at, id, status);
CREATE INDEX consultations_by_organisation ON consultations (organisation COLLATE NOCASE, id, status);
CREATE INDEX consultations_by_reference ON consultations (reference, id, status);
CREATE INDEX consultations_by_due ON consultations (due_date, id, status);

CREATE TABLE labels (
    kind  TEXT NOT NULL,
    lang  TEXT NOT NULL,
    code  TEXT NOT NULL,
    label TEXT NOT NULL,
    rank  INTEGER NOT NULL,
    PRIMARY KEY (kind, lang, code),
    UNIQUE (kind, lang, rank)
) WITHOUT ROWID;
