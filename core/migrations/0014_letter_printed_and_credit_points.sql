-- A letter's honest state. 'printed_at': when the owner printed it (a made
-- letter that was never printed or delivered is not "sent"). 'edited_at':
-- when its text was changed by hand, so making it again keeps her words.
ALTER TABLE letters ADD COLUMN printed_at TEXT;
ALTER TABLE letters ADD COLUMN edited_at TEXT;

-- Points on a credit sale wait for the money: the unpaid part of a sale is
-- written here (+), and each payment settles the oldest first (-) and earns
-- its points then. The sum is what still waits to earn points.
CREATE TABLE IF NOT EXISTS credit_points (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    history_id  INTEGER REFERENCES history(id) ON DELETE SET NULL,
    delta       INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS credit_points_customer ON credit_points(customer_id);
