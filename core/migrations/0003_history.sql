-- Each customer's story: sales (paid now or on credit), payments, contacts,
-- complaints, follow-ups and notes, in one append-mostly table. Money is in
-- minor units of the shop's currency (KRW has none, USD has cents).
CREATE TABLE complaints (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    category     TEXT    NOT NULL CHECK (category IN ('apathy', 'brush_off', 'coldness',
                   'condescension', 'robotism', 'rule_book', 'runaround', 'product', 'price',
                   'delivery', 'other')),
    description  TEXT    NOT NULL CHECK (length(trim(description)) > 0),
    status       TEXT    NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'in_progress', 'resolved')),
    resolution   TEXT    NOT NULL DEFAULT '',
    compensation TEXT    NOT NULL DEFAULT '',
    opened_on    TEXT    NOT NULL,
    resolved_on  TEXT,
    staff_id     INTEGER REFERENCES staff(id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX complaints_customer ON complaints(customer_id);
CREATE INDEX complaints_open ON complaints(status) WHERE status <> 'resolved';

CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('sale', 'payment', 'contact',
                   'complaint', 'followup', 'note')),
    -- when it happened (UTC instant); `created_at` is when it was written down
    happened_at  TEXT    NOT NULL,
    staff_id     INTEGER REFERENCES staff(id) ON DELETE SET NULL,
    -- sale: its total; payment: the amount paid
    amount       INTEGER NOT NULL DEFAULT 0,
    -- what this entry adds to what the customer owes: a sale's unpaid part,
    -- minus a payment. The balance owed is the sum of these, always.
    owed_delta   INTEGER NOT NULL DEFAULT 0,
    -- contact: phone, visit, email, letter, sms, kakao; in or out
    channel      TEXT,
    direction    TEXT CHECK (direction IS NULL OR direction IN ('in', 'out')),
    -- sale: what was bought; contact: the inquiry; complaint: what happened
    summary      TEXT    NOT NULL DEFAULT '',
    -- contact: our answer; complaint: the resolution
    detail       TEXT    NOT NULL DEFAULT '',
    complaint_id INTEGER REFERENCES complaints(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    edited_at    TEXT,
    edited_by    INTEGER REFERENCES staff(id) ON DELETE SET NULL
);
CREATE INDEX history_timeline ON history(customer_id, happened_at DESC, id DESC);
CREATE INDEX history_kind ON history(customer_id, kind);

CREATE TABLE followups (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    due          TEXT    NOT NULL,              -- YYYY-MM-DD
    reason       TEXT    NOT NULL DEFAULT '',
    origin       TEXT    NOT NULL CHECK (origin IN ('sale', 'complaint', 'manual')),
    history_id   INTEGER REFERENCES history(id) ON DELETE SET NULL,
    staff_id     INTEGER REFERENCES staff(id) ON DELETE SET NULL,
    done_at      TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX followups_due ON followups(due) WHERE done_at IS NULL;
CREATE INDEX followups_customer ON followups(customer_id);

-- Keyword search over history: the text is indexed as Hangul bigrams plus
-- whole words (core/src/history/terms.rs), so two-syllable words like 민수
-- are found, which FTS5's trigram tokenizer cannot do. rowid = history.id.
CREATE VIRTUAL TABLE history_fts USING fts5(
    terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);

-- An entry deleted (with its customer, by cascade) leaves the index too.
CREATE TRIGGER history_fts_forget AFTER DELETE ON history BEGIN
    DELETE FROM history_fts WHERE rowid = old.id;
END;
