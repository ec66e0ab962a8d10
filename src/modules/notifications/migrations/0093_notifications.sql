-- In-app notifications, one row per recipient so each has its own read state. `source_key`
-- names what caused it (an outbox event, a trigger action): a cause delivered twice notifies once.
CREATE TABLE notifications (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  source_key   text NOT NULL,
  kind         text NOT NULL,
  message_en   text NOT NULL,
  message_zh   text NOT NULL,
  entity_type  text,
  entity_id    text,
  data         jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz,
  UNIQUE (user_id, source_key)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
