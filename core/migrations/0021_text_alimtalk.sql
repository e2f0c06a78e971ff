-- 알림톡 (issue 19): the approved template a text goes through and the
-- values Dangol filled in, as the provider takes them
-- ({"pfId", "templateId", "variables": {"#{이름}": "김민지"}}); NULL for an
-- SMS or LMS. Automatic notices need nothing more: each is a letter whose
-- occasion key (letters' UNIQUE (customer_id, occasion_key)) makes it once.
ALTER TABLE outbox ADD COLUMN alimtalk TEXT;
