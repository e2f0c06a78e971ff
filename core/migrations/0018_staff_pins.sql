-- Staff members' own PINs, so each history entry knows who wrote it. Only
-- an Argon2id hash (a PHC string: algorithm, parameters, salt and hash) is
-- kept, never the PIN; NULL = no PIN (she cannot unlock the app).
ALTER TABLE staff ADD COLUMN pin_hash TEXT;
