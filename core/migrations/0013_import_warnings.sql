-- What an import left out of a customer's record (a bad cell, a value cut
-- short, a second email), with the value as it was in the file, shown on
-- her screen until the owner dismisses it. Goes with the customer.
CREATE TABLE IF NOT EXISTS import_warnings (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    batch_id     INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    row_no       INTEGER NOT NULL,
    field        TEXT    NOT NULL,
    code         TEXT    NOT NULL,
    original     TEXT    NOT NULL,
    dismissed_at TEXT
);
CREATE INDEX IF NOT EXISTS import_warnings_customer ON import_warnings(customer_id);
CREATE INDEX IF NOT EXISTS import_warnings_batch ON import_warnings(batch_id);
