-- Two small indexes for the reports' tiers (issue 18), each holding only
-- the rows it serves, so that a new customer or an ordinary sale writes
-- nothing more:
-- customers with a tier, counted per tier without reading every
-- customer's row;
CREATE INDEX IF NOT EXISTS customers_tier ON customers(tier) WHERE tier IS NOT NULL;
-- and the tier moves of a period, read from the index alone (`kind` in
-- it too, or SQLite reads each row to check it).
CREATE INDEX IF NOT EXISTS history_tier_moves ON history(happened_at, detail, summary, kind)
    WHERE kind = 'loyalty' AND detail IN ('tier_up', 'tier_down');
