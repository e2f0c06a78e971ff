-- Reports read every sale in customer order and a period's loyalty events,
-- points and coupons by date. These indexes let each be a range scan of an
-- index that holds what is read, not a pass over the whole history table.
-- (IF NOT EXISTS: safe whatever number this migration ends up with when
-- branches merge.)
-- Not partial (WHERE kind = 'sale'): SQLite then still reads each table
-- row to check the kind, and the index no longer covers the query.
CREATE INDEX IF NOT EXISTS history_sales ON history(kind, customer_id, happened_at, amount);
CREATE INDEX IF NOT EXISTS history_kind_time ON history(kind, happened_at);
CREATE INDEX IF NOT EXISTS points_by_time ON points_ledger(created_at, reason, delta);
CREATE INDEX IF NOT EXISTS coupons_issued ON coupons(issued_on, origin, used_at);
CREATE INDEX IF NOT EXISTS coupons_used ON coupons(used_at) WHERE used_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS coupons_expiring ON coupons(expires_on) WHERE used_at IS NULL;
CREATE INDEX IF NOT EXISTS complaints_opened ON complaints(opened_on);
