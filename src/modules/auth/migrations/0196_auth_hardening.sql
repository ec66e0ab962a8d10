-- An API token may be narrowed to some of its user's permissions (NULL = all of them): an EDI
-- partner's token needs edi.receive, not the rest of what the user who issued it may do.
ALTER TABLE api_tokens ADD COLUMN scopes text[];

-- Failed logins per client address in a ten-minute window. The per-account lock-out alone lets a
-- guesser try four passwords on every username; this slows the client down across accounts. Kept
-- in the database so that every API process counts the same attempts.
CREATE TABLE login_throttle (
  client        text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  failures      int NOT NULL
);
