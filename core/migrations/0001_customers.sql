-- Customers and their phone numbers. Card numbers are assigned by the app
-- and never reused, so a printed card keeps pointing at one person.
CREATE TABLE customers (
    id              INTEGER PRIMARY KEY,
    card_no         INTEGER NOT NULL UNIQUE,
    name            TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    email           TEXT,
    postal_code     TEXT    NOT NULL DEFAULT '',
    address1        TEXT    NOT NULL DEFAULT '',
    address2        TEXT    NOT NULL DEFAULT '',
    -- 'YYYY-MM-DD', or '--MM-DD' when the year is not known
    birthday        TEXT,
    birthday_lunar  INTEGER NOT NULL DEFAULT 0 CHECK (birthday_lunar IN (0, 1)),
    source          TEXT    NOT NULL DEFAULT 'other' CHECK (source IN
                      ('cheque', 'business_card', 'asked', 'walk_in', 'online', 'referral', 'other')),
    source_note     TEXT    NOT NULL DEFAULT '',
    memo            TEXT    NOT NULL DEFAULT '',
    -- consent to be contacted: the date it was given, NULL when not given
    consent_email   TEXT,
    consent_sms     TEXT,
    consent_post    TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE customer_phones (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    label        TEXT    NOT NULL CHECK (label IN ('mobile', 'home', 'work', 'other')),
    -- exactly what the user typed, and its E.164 form for search and dialling
    raw          TEXT    NOT NULL,
    e164         TEXT    NOT NULL,
    -- the number's country and how it is written at home and abroad, kept
    -- so that opening the shop parses no numbers
    region         TEXT  NOT NULL,
    national       TEXT  NOT NULL,
    international  TEXT  NOT NULL,
    UNIQUE (customer_id, position)
);
CREATE INDEX customer_phones_customer ON customer_phones(customer_id);
CREATE INDEX customer_phones_e164 ON customer_phones(e164);

-- Next card number to hand out; a row so that deleting the newest customer
-- does not give her number to the next one.
CREATE TABLE card_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    next  INTEGER NOT NULL
);
INSERT INTO card_counter (id, next) VALUES (1, 1);
