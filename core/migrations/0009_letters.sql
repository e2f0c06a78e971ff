-- Letter templates the owner edited (the built-in ones live in the app),
-- and every letter made: its text and channel, one per customer and
-- occasion key (a birthday in a year), so none is made twice by accident.
CREATE TABLE letter_templates (
    id          INTEGER PRIMARY KEY,
    occasion    TEXT    NOT NULL,
    language    TEXT    NOT NULL CHECK (language IN ('ko', 'en')),
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    advertising INTEGER NOT NULL DEFAULT 0 CHECK (advertising IN (0, 1)),
    updated_at  TEXT    NOT NULL,
    UNIQUE (occasion, language)
);

CREATE TABLE letters (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    occasion     TEXT    NOT NULL,
    occasion_key TEXT    NOT NULL,
    channel      TEXT    NOT NULL CHECK (channel IN ('print', 'email')),
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    history_id   INTEGER REFERENCES history(id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL,
    UNIQUE (customer_id, occasion_key)
);
CREATE INDEX letters_customer ON letters(customer_id);
