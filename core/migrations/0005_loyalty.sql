-- Loyalty: points and stamps as ledgers, coupons, and each customer's tier.
-- History loses its CHECK on `kind` (rebuilt; ids kept, so the keyword
-- index still points at the right rows) to take loyalty events; the kinds
-- are checked in Rust.
CREATE TABLE history_next (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    happened_at  TEXT    NOT NULL,
    staff_id     INTEGER REFERENCES staff(id) ON DELETE SET NULL,
    amount       INTEGER NOT NULL DEFAULT 0,
    owed_delta   INTEGER NOT NULL DEFAULT 0,
    channel      TEXT,
    direction    TEXT CHECK (direction IS NULL OR direction IN ('in', 'out')),
    summary      TEXT    NOT NULL DEFAULT '',
    detail       TEXT    NOT NULL DEFAULT '',
    complaint_id INTEGER REFERENCES complaints(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    edited_at    TEXT,
    edited_by    INTEGER REFERENCES staff(id) ON DELETE SET NULL
);
INSERT INTO history_next SELECT * FROM history;
DROP TABLE history;
ALTER TABLE history_next RENAME TO history;
CREATE INDEX history_timeline ON history(customer_id, happened_at DESC, id DESC);
CREATE INDEX history_kind ON history(customer_id, kind);
CREATE TRIGGER history_fts_forget AFTER DELETE ON history BEGIN
    DELETE FROM history_fts WHERE rowid = old.id;
END;

CREATE TABLE points_ledger (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    delta        INTEGER NOT NULL,
    reason       TEXT    NOT NULL CHECK (reason IN ('earn', 'redeem', 'expire', 'adjust')),
    history_id   INTEGER REFERENCES history(id) ON DELETE SET NULL,
    -- earned points: the day they lapse (NULL: never)
    expires_on   TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX points_customer ON points_ledger(customer_id);

CREATE TABLE stamps_ledger (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    delta        INTEGER NOT NULL,
    reason       TEXT    NOT NULL CHECK (reason IN ('visit', 'reward', 'adjust')),
    history_id   INTEGER REFERENCES history(id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX stamps_customer ON stamps_ledger(customer_id);

CREATE TABLE coupons (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('percent', 'amount', 'free_item')),
    -- percent: 0–100; amount: minor units
    value        INTEGER NOT NULL DEFAULT 0,
    item         TEXT    NOT NULL DEFAULT '',
    origin       TEXT    NOT NULL CHECK (origin IN ('manual', 'tier', 'stamp', 'birthday', 'complaint')),
    issued_on    TEXT    NOT NULL,
    expires_on   TEXT    NOT NULL,
    used_at      TEXT,
    used_history_id INTEGER REFERENCES history(id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX coupons_customer ON coupons(customer_id);

-- The tier's id from the shop's loyalty rules (settings), NULL for none.
ALTER TABLE customers ADD COLUMN tier TEXT;
