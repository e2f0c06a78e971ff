-- Texts (SMS, LMS, 알림톡) share the email outbox: one row per letter, so a
-- letter goes once, by email or by text. `message_id` is, for a text, our
-- reference sent with it (Solapi's customFields), kept across tries so a
-- text of unknown fate can be found at the provider. Night consent is the
-- law's separate agreement to advertising between 21:00 and 08:00.
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
ALTER TABLE outbox ADD COLUMN text_kind TEXT;
ALTER TABLE outbox ADD COLUMN text_body TEXT;
ALTER TABLE outbox ADD COLUMN provider_id TEXT;
ALTER TABLE outbox ADD COLUMN delivery TEXT;
ALTER TABLE outbox ADD COLUMN delivery_detail TEXT;
ALTER TABLE customers ADD COLUMN consent_sms_night TEXT;
CREATE INDEX IF NOT EXISTS outbox_channel_status ON outbox(channel, status, id);
CREATE INDEX IF NOT EXISTS outbox_delivery ON outbox(delivery) WHERE delivery = 'pending';
