-- Saved views: a user's named set of list filters for one screen of the console, optionally
-- shared with everyone of the same organisation scope (staff, or one hospital) who opens the screen.
CREATE TABLE saved_views (
  id              uuid PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The owner's organisation scope when saved (null = staff): shared views stay inside it.
  organisation_id uuid REFERENCES parties (id),
  screen          text NOT NULL CHECK (screen IN ('orders')),
  name            text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
  filters         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object'),
  shared          boolean NOT NULL DEFAULT false,
  source          text NOT NULL DEFAULT 'api',
  created_by      text,
  updated_by      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, screen, name)
);
CREATE INDEX saved_views_shared ON saved_views (screen, organisation_id) WHERE shared;
