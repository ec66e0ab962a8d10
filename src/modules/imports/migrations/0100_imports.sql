-- Bulk imports of master data: one row per import run (a batch), whatever its size, and the
-- row-level errors it found. Every record an import writes names its batch in source_ref, and
-- every audit record it leaves carries the batch id as request_id, so a value traces back here.
CREATE TABLE import_batches (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL,
  file_name      text NOT NULL,
  file_format    text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  mode           text NOT NULL CHECK (mode IN ('all-or-nothing', 'valid-rows')),
  dry_run        boolean NOT NULL DEFAULT false,
  -- running: rows are being read; succeeded: every row landed; partial: the valid rows landed
  -- (valid-rows mode); failed: nothing landed; dry_run: checked and counted, nothing written.
  status         text NOT NULL DEFAULT 'running'
                   CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'dry_run')),
  rows_total     int NOT NULL DEFAULT 0,
  rows_imported  int NOT NULL DEFAULT 0,
  rows_failed    int NOT NULL DEFAULT 0,
  created        int NOT NULL DEFAULT 0,
  updated        int NOT NULL DEFAULT 0,
  unchanged      int NOT NULL DEFAULT 0,
  error_count    int NOT NULL DEFAULT 0,
  failure        text,
  actor_type     text NOT NULL,
  actor_id       text,
  actor_name     text NOT NULL,
  request_id     text,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE INDEX import_batches_started ON import_batches (started_at DESC);

CREATE TABLE import_batch_errors (
  batch_id     uuid NOT NULL REFERENCES import_batches (id),
  seq          int NOT NULL,
  -- The row as a spreadsheet numbers it: the heading is row 1.
  row_number   int NOT NULL,
  column_name  text,
  field        text,
  -- The offending cell as the file had it (the report escapes it against spreadsheet formulas).
  value        text,
  code         text NOT NULL,
  message      text NOT NULL,
  PRIMARY KEY (batch_id, seq)
);
