-- OT Desk schema, version 7: the consultant's own words for the spelling check
-- ("add to dictionary"), kept in the vault and never in Enchant's own word list.
-- word: as the check compares it (casefolded, spelling.normal).
CREATE TABLE personal_words (
    word     TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
) WITHOUT ROWID;
