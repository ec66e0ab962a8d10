-- Actions on status change, as data: a trigger listens to an outbox topic (with an optional
-- filter on the event's payload, e.g. {"to": ["confirmed"]}) and runs its actions.
CREATE TABLE triggers (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  topic       text NOT NULL,
  filter      jsonb NOT NULL DEFAULT '{}'::jsonb,
  enabled     boolean NOT NULL DEFAULT true,
  version     int NOT NULL DEFAULT 1,
  created_by  text NOT NULL,
  updated_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE UNIQUE INDEX triggers_name ON triggers (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX triggers_topic ON triggers (topic) WHERE enabled AND deleted_at IS NULL;

-- Replacing a trigger's actions marks the old ones removed (kept for the outbox events that
-- name them); a removed action is not run any more.
CREATE TABLE trigger_actions (
  id          uuid PRIMARY KEY,
  trigger_id  uuid NOT NULL REFERENCES triggers (id),
  position    int NOT NULL,
  type        text NOT NULL CHECK (type IN ('webhook', 'notify', 'in_app')),
  -- webhook: {url}; notify / in_app: {roles, users, message}
  config      jsonb NOT NULL,
  -- The webhook's HMAC secret, AES-GCM encrypted (field crypto, AAD trigger_actions.secret_enc:<id>).
  secret_enc  text,
  removed_at  timestamptz,
  CHECK ((type = 'webhook') = (secret_enc IS NOT NULL))
);
CREATE INDEX trigger_actions_trigger ON trigger_actions (trigger_id, position) WHERE removed_at IS NULL;

-- Which event already fanned out to which trigger: an event delivered again fans out once.
CREATE TABLE trigger_dispatches (
  event_id       bigint NOT NULL REFERENCES outbox_events (id),
  trigger_id     uuid NOT NULL REFERENCES triggers (id),
  dispatched_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, trigger_id)
);
