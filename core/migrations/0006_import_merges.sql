-- What an import's merges changed, so that undoing the import puts the
-- existing customers back exactly as they were. Same columns as
-- customers / customer_phones, plus the batch.
CREATE TABLE import_undo_customers AS SELECT * FROM customers WHERE 0;
ALTER TABLE import_undo_customers ADD COLUMN undo_batch INTEGER;
CREATE TABLE import_undo_phones AS SELECT * FROM customer_phones WHERE 0;
ALTER TABLE import_undo_phones ADD COLUMN undo_batch INTEGER;
