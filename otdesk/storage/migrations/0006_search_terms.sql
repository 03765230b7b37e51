-- OT Desk schema, version 6: every consultation is also found by what its words are,
-- and by each of its categories.
-- consultation_terms: words, the reference and the free texts as consultation_text has
-- them (searched by prefix; here too, so that one query of one table answers a word);
-- fi, Finnish base forms and compound parts (Voikko; Snowball without it); sv, Swedish
-- stems (Snowball) of the words that are not Finnish; labels, the consultation's
-- situation categories, sector, region and status, a token per code (a query word is
-- turned into the codes whose labels in any language it finds).
-- Computed in Python (otdesk.core.search_terms; SQLCipher cannot run a Python
-- tokenizer), so an existing vault's rows are indexed by the storage worker in idle
-- time: meta 'terms.done_upto' is the last id indexed, 'terms.analysers' what they were
-- analysed with (other analysers, e.g. Voikko installed later, start it again).  Until
-- it is done, the search looks up the letters in consultation_text too.  detail=column:
-- a word is looked up, never a phrase, so no positions are kept (half the size, and a
-- common word's list of consultations read in half the time, at 10,000).
CREATE VIRTUAL TABLE consultation_terms USING fts5 (
    words,
    fi,
    sv,
    labels,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3',
    detail = column
);
-- The Swedish stems again, by trigrams: a Swedish word inside a compound (tvist in
-- vårdnadstvisten) is found by its letters anywhere in a stem.
CREATE VIRTUAL TABLE consultation_sv_parts USING fts5 (
    stems,
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram'
);
INSERT INTO consultation_terms (consultation_terms, rank) VALUES ('automerge', 0);
INSERT INTO consultation_terms (consultation_terms, rank) VALUES ('crisismerge', 64);
INSERT INTO consultation_sv_parts (consultation_sv_parts, rank) VALUES ('automerge', 0);
INSERT INTO consultation_sv_parts (consultation_sv_parts, rank) VALUES ('crisismerge', 64);
-- Every situation category of every consultation, for the list's category filter (a
-- consultation has several; the list's first_category column holds the first only).
CREATE TABLE consultation_categories (
    category TEXT NOT NULL,
    id       INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    PRIMARY KEY (category, id)
) WITHOUT ROWID;
CREATE INDEX consultation_categories_by_id ON consultation_categories (id);
INSERT OR IGNORE INTO consultation_categories (category, id)
    SELECT j.value, c.id FROM consultations c, json_each(c.categories) j
    WHERE json_valid(c.categories) AND j.type = 'text';
