-- New-product trials: a product given to chosen customers, and each one's
-- feedback. Participation goes with the customer and with the trial.
CREATE TABLE trials (
    id          INTEGER PRIMARY KEY,
    product     TEXT    NOT NULL CHECK (length(trim(product)) > 0),
    note        TEXT    NOT NULL DEFAULT '',
    started_on  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE trial_participants (
    trial_id     INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    given_on     TEXT    NOT NULL,
    feedback     TEXT    NOT NULL DEFAULT '',
    rating       INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    -- NULL until she has said something
    feedback_on  TEXT,
    PRIMARY KEY (trial_id, customer_id)
);
CREATE INDEX trial_participants_customer ON trial_participants(customer_id);
