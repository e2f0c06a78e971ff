-- Every customer's sums per quarter hour packed into one row, so that the
-- reports step through one row per customer instead of one per quarter
-- hour she bought in (100,000 rows instead of 2 million at the size the
-- bench measures). `sale_quarters` stays what is true; a pack is a copy of
-- one customer's quarters, made by the app (`reports::packs::repack`) and
-- never edited:
--   quarters = her (quarter, amount) rows in quarter order, each as a
--              4-byte and an 8-byte little-endian integer.
-- Whenever any of her quarters changes, the trigger below deletes her pack
-- in the same transaction and marks her stale; the reports read a stale
-- customer's quarters themselves, and the upkeep packs her again. So for
-- every customer, either she is stale or her pack equals her quarters
-- (core/tests/report_quarters.rs checks it after every kind of write), and
-- an erased customer's pack goes with her history, not at the next upkeep.
-- (NOT EXISTS, not INSERT OR IGNORE: inside a trigger the conflict clause
-- of the statement that fired it wins, and the app's plain INSERT into
-- history would turn IGNORE into an error.)
CREATE TABLE IF NOT EXISTS sale_packs (
    customer_id INTEGER PRIMARY KEY,
    quarters    BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS sale_packs_stale (
    customer_id INTEGER PRIMARY KEY
);

DELETE FROM sale_packs;
DELETE FROM sale_packs_stale;
INSERT INTO sale_packs_stale (customer_id) SELECT DISTINCT customer_id FROM sale_quarters;

CREATE TRIGGER IF NOT EXISTS sale_packs_insert AFTER INSERT ON sale_quarters
BEGIN
    DELETE FROM sale_packs WHERE customer_id = NEW.customer_id;
    INSERT INTO sale_packs_stale (customer_id) SELECT NEW.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM sale_packs_stale WHERE customer_id = NEW.customer_id);
END;

CREATE TRIGGER IF NOT EXISTS sale_packs_update AFTER UPDATE ON sale_quarters
BEGIN
    DELETE FROM sale_packs WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
    INSERT INTO sale_packs_stale (customer_id) SELECT OLD.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM sale_packs_stale WHERE customer_id = OLD.customer_id);
    INSERT INTO sale_packs_stale (customer_id) SELECT NEW.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM sale_packs_stale WHERE customer_id = NEW.customer_id);
END;

CREATE TRIGGER IF NOT EXISTS sale_packs_delete AFTER DELETE ON sale_quarters
BEGIN
    DELETE FROM sale_packs WHERE customer_id = OLD.customer_id;
    INSERT INTO sale_packs_stale (customer_id) SELECT OLD.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM sale_packs_stale WHERE customer_id = OLD.customer_id);
END;
