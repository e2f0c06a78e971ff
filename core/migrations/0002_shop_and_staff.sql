-- The shop's settings (one value per key, JSON-encoded) and its staff, so a
-- customer can have a person in charge ("My Customer").
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    -- staff who left stay here (history names them) but are not offered
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT    NOT NULL
);

ALTER TABLE customers ADD COLUMN staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;
CREATE INDEX customers_staff ON customers(staff_id);
CREATE INDEX customers_updated ON customers(updated_at);
