-- Imports, so that one can be undone as a whole: each customer an import
-- added carries its batch.
CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    added       INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    undone_at   TEXT
);
ALTER TABLE customers ADD COLUMN import_batch INTEGER REFERENCES import_batches(id) ON DELETE SET NULL;
CREATE INDEX customers_import_batch ON customers(import_batch) WHERE import_batch IS NOT NULL;
