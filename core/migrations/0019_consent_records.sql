-- Each consent as the law wants it kept (개인정보 보호법 제15·22조,
-- 정보통신망법 제50조): what it is for (purpose), by which channel, whether
-- it covers advertising at night (21:00–08:00), given or withdrawn, which
-- version of the consent wording she saw (its text is kept in
-- core/src/consent/wording), how and when. The customers' consent_*
-- columns stay as the current state, written in the same transaction as
-- each record. What was recorded before this version comes in as
-- 'earlier' records, dated as the columns said. Own table and own column
-- only, so this migration may run in any order among others.
CREATE TABLE IF NOT EXISTS consent_records (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,              -- care | greetings | marketing
    channel     TEXT,                       -- email | text | post (marketing)
    night       INTEGER NOT NULL DEFAULT 0, -- the separate night-time consent
    given       INTEGER NOT NULL,           -- 1 given, 0 withdrawn
    wording     TEXT NOT NULL,              -- version of the wording, or 'earlier'
    method      TEXT NOT NULL,              -- paper | in_person | phone | online | import | form | request | earlier
    at          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS consent_records_customer ON consent_records(customer_id, id);

ALTER TABLE customers ADD COLUMN consent_email_night TEXT;

INSERT INTO consent_records (customer_id, purpose, channel, night, given, wording, method, at)
SELECT id, 'marketing', 'email', 0, 1, 'earlier', 'earlier', consent_email
  FROM customers WHERE consent_email IS NOT NULL
UNION ALL
SELECT id, 'marketing', 'text', 0, 1, 'earlier', 'earlier', consent_sms
  FROM customers WHERE consent_sms IS NOT NULL
UNION ALL
SELECT id, 'marketing', 'post', 0, 1, 'earlier', 'earlier', consent_post
  FROM customers WHERE consent_post IS NOT NULL
UNION ALL
SELECT id, 'marketing', 'text', 1, 1, 'earlier', 'earlier', consent_sms_night
  FROM customers WHERE consent_sms_night IS NOT NULL AND consent_sms IS NOT NULL;
