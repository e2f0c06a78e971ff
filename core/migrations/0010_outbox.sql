-- The outbox: every letter handed to the mail sender and what became of it.
-- A row is 'sending' only while its DATA is on the wire; a crash leaves it
-- so, and the next start marks it 'unknown' (not re-sent without the
-- owner's say). One row per letter, so a letter is never queued twice.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    letter_id    INTEGER NOT NULL UNIQUE REFERENCES letters(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    to_address   TEXT    NOT NULL,
    advertising  INTEGER NOT NULL DEFAULT 0 CHECK (advertising IN (0, 1)),
    status       TEXT    NOT NULL CHECK (status IN
                   ('queued', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    -- why it failed or is unknown: a closed code, and the server's words
    error_code   TEXT,
    error_detail TEXT,
    -- a transient refusal (4xx) waits until then
    not_before   TEXT,
    -- kept from the first try, so a resend can be recognised as the same mail
    message_id   TEXT    NOT NULL,
    queued_at    TEXT    NOT NULL,
    sent_at      TEXT,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX outbox_status ON outbox(status, id);
CREATE INDEX outbox_sent_at ON outbox(sent_at) WHERE sent_at IS NOT NULL;
