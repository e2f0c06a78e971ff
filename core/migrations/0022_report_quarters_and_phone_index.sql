-- What the reports read, kept small: every customer's sales summed per UTC
-- quarter hour, and the points ledger summed per quarter hour and reason.
-- A report puts a quarter on the shop's local day by arithmetic (every time
-- zone's offset is a whole number of quarter hours, so a quarter never
-- straddles a local midnight); reading 2 million sales as text instead
-- costs several times more. The triggers keep both tables right in the
-- transaction that writes, edits or deletes a sale or a ledger entry
-- (deleting a customer deletes hers through the same triggers), whatever
-- code path does it; core/tests/report_quarters.rs checks them against
-- the sums recomputed from scratch.
-- (IF NOT EXISTS: independent of the number this migration ends up with.)
CREATE TABLE IF NOT EXISTS sale_quarters (
    customer_id INTEGER NOT NULL,
    -- unixepoch(happened_at) / 900
    quarter     INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    sales       INTEGER NOT NULL,
    PRIMARY KEY (customer_id, quarter)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS points_quarters (
    quarter INTEGER NOT NULL,
    reason  TEXT    NOT NULL,
    delta   INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    PRIMARY KEY (quarter, reason)
) WITHOUT ROWID;

DELETE FROM sale_quarters;
INSERT INTO sale_quarters (customer_id, quarter, amount, sales)
    SELECT customer_id, unixepoch(happened_at) / 900, SUM(amount), COUNT(*)
    FROM history WHERE kind = 'sale' AND unixepoch(happened_at) IS NOT NULL
    GROUP BY 1, 2;

DELETE FROM points_quarters;
INSERT INTO points_quarters (quarter, reason, delta, entries)
    SELECT unixepoch(created_at) / 900, reason, SUM(delta), COUNT(*)
    FROM points_ledger WHERE unixepoch(created_at) IS NOT NULL
    GROUP BY 1, 2;

CREATE TRIGGER IF NOT EXISTS sale_quarters_insert AFTER INSERT ON history
WHEN NEW.kind = 'sale' AND unixepoch(NEW.happened_at) IS NOT NULL
BEGIN
    INSERT INTO sale_quarters (customer_id, quarter, amount, sales)
    VALUES (NEW.customer_id, unixepoch(NEW.happened_at) / 900, NEW.amount, 1)
    ON CONFLICT (customer_id, quarter) DO UPDATE
    SET amount = amount + excluded.amount, sales = sales + 1;
END;

CREATE TRIGGER IF NOT EXISTS sale_quarters_delete AFTER DELETE ON history
WHEN OLD.kind = 'sale' AND unixepoch(OLD.happened_at) IS NOT NULL
BEGIN
    UPDATE sale_quarters SET amount = amount - OLD.amount, sales = sales - 1
    WHERE customer_id = OLD.customer_id AND quarter = unixepoch(OLD.happened_at) / 900;
    DELETE FROM sale_quarters
    WHERE customer_id = OLD.customer_id AND quarter = unixepoch(OLD.happened_at) / 900
      AND sales <= 0;
END;

-- An edit is the old row taken out and the new one put in.
CREATE TRIGGER IF NOT EXISTS sale_quarters_update_old
AFTER UPDATE OF kind, customer_id, happened_at, amount ON history
WHEN OLD.kind = 'sale' AND unixepoch(OLD.happened_at) IS NOT NULL
BEGIN
    UPDATE sale_quarters SET amount = amount - OLD.amount, sales = sales - 1
    WHERE customer_id = OLD.customer_id AND quarter = unixepoch(OLD.happened_at) / 900;
    DELETE FROM sale_quarters
    WHERE customer_id = OLD.customer_id AND quarter = unixepoch(OLD.happened_at) / 900
      AND sales <= 0;
END;

CREATE TRIGGER IF NOT EXISTS sale_quarters_update_new
AFTER UPDATE OF kind, customer_id, happened_at, amount ON history
WHEN NEW.kind = 'sale' AND unixepoch(NEW.happened_at) IS NOT NULL
BEGIN
    INSERT INTO sale_quarters (customer_id, quarter, amount, sales)
    VALUES (NEW.customer_id, unixepoch(NEW.happened_at) / 900, NEW.amount, 1)
    ON CONFLICT (customer_id, quarter) DO UPDATE
    SET amount = amount + excluded.amount, sales = sales + 1;
END;

CREATE TRIGGER IF NOT EXISTS points_quarters_insert AFTER INSERT ON points_ledger
WHEN unixepoch(NEW.created_at) IS NOT NULL
BEGIN
    INSERT INTO points_quarters (quarter, reason, delta, entries)
    VALUES (unixepoch(NEW.created_at) / 900, NEW.reason, NEW.delta, 1)
    ON CONFLICT (quarter, reason) DO UPDATE
    SET delta = delta + excluded.delta, entries = entries + 1;
END;

CREATE TRIGGER IF NOT EXISTS points_quarters_delete AFTER DELETE ON points_ledger
WHEN unixepoch(OLD.created_at) IS NOT NULL
BEGIN
    UPDATE points_quarters SET delta = delta - OLD.delta, entries = entries - 1
    WHERE quarter = unixepoch(OLD.created_at) / 900 AND reason = OLD.reason;
    DELETE FROM points_quarters
    WHERE quarter = unixepoch(OLD.created_at) / 900 AND reason = OLD.reason AND entries <= 0;
END;

CREATE TRIGGER IF NOT EXISTS points_quarters_update_old
AFTER UPDATE OF created_at, reason, delta ON points_ledger
WHEN unixepoch(OLD.created_at) IS NOT NULL
BEGIN
    UPDATE points_quarters SET delta = delta - OLD.delta, entries = entries - 1
    WHERE quarter = unixepoch(OLD.created_at) / 900 AND reason = OLD.reason;
    DELETE FROM points_quarters
    WHERE quarter = unixepoch(OLD.created_at) / 900 AND reason = OLD.reason AND entries <= 0;
END;

CREATE TRIGGER IF NOT EXISTS points_quarters_update_new
AFTER UPDATE OF created_at, reason, delta ON points_ledger
WHEN unixepoch(NEW.created_at) IS NOT NULL
BEGIN
    INSERT INTO points_quarters (quarter, reason, delta, entries)
    VALUES (unixepoch(NEW.created_at) / 900, NEW.reason, NEW.delta, 1)
    ON CONFLICT (quarter, reason) DO UPDATE
    SET delta = delta + excluded.delta, entries = entries + 1;
END;

-- customer_phones(customer_id) duplicated the index of its UNIQUE
-- (customer_id, position), which serves the same lookups (and the cascade
-- when a customer is deleted): one index write fewer per phone inserted.
DROP INDEX IF EXISTS customer_phones_customer;
