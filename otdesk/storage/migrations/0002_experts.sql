-- OT Desk schema, version 2: the expert directory and a small key/value table.
-- An expert is an organisation (or a person) a consultant can bring in; the
-- directory is seeded once from templates/experts.toml and then maintained
-- in the app.  Removing an expert only marks it inactive, so consultations
-- that name it still resolve.

CREATE TABLE experts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'organisation',
    description  TEXT NOT NULL DEFAULT '',
    categories   TEXT NOT NULL DEFAULT '[]',  -- JSON array of domain.CATEGORIES codes
    contact      TEXT NOT NULL DEFAULT '',
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    template_key TEXT UNIQUE,                 -- key in templates/experts.toml; NULL when added
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX experts_active ON experts (active);

-- Facts about the vault itself, e.g. 'experts.seeded' = when the directory was filled.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
