-- When the shop last told a customer, as Korean law asks every two years
-- (정보통신망법 제50조 제8항, 시행령 제62조의3), that and when she agreed to
-- advertising and how to keep or withdraw it. She is due again two years
-- after the later of her consent and this notice. Her own column only, so
-- this migration may run in any order among others.
ALTER TABLE customers ADD COLUMN consent_notified_at TEXT;
