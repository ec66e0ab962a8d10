-- Domain events, written in the transaction that caused them; workers drain them at least once.
CREATE TABLE outbox_events (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  entity_type   text,
  entity_id     text,
  payload       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  available_at  timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts      int NOT NULL DEFAULT 0,
  last_error    text,
  handled_at    timestamptz,
  handled_by    text
);
CREATE INDEX outbox_events_due ON outbox_events (available_at, id) WHERE status = 'pending';
CREATE INDEX outbox_events_dead ON outbox_events (id) WHERE status = 'dead';

-- Which handler already finished which event: a retried event skips the handlers that succeeded.
CREATE TABLE outbox_handled (
  event_id    bigint NOT NULL REFERENCES outbox_events (id),
  handler     text NOT NULL,
  handled_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, handler)
);

-- Replays of writes sent with an Idempotency-Key.
CREATE TABLE idempotency_keys (
  actor_id     text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status_code  int NOT NULL,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);
