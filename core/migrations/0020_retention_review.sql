-- When the owner chose to keep a customer who was past the shop's
-- retention period (개인정보 보유 기간): she is not listed for review again
-- for a year after it. Her own column only, so this migration may run in
-- any order among others. The period itself is a setting.
ALTER TABLE customers ADD COLUMN retention_kept_at TEXT;
