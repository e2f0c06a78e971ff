-- Words of history deleted before this version may still be readable in
-- the keyword index's pages (FTS5 marks a deleted entry, and its words stay
-- in history_fts_data until segments merge). 'optimize' rewrites the index
-- once without them; from now on every delete of a customer with history
-- does the same (history::search::purge_deleted). Idempotent, so this
-- migration may run in any order among others.
INSERT INTO history_fts(history_fts) VALUES ('optimize');
