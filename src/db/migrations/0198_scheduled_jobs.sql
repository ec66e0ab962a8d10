-- Jobs that run on a schedule (expiry marking, reconciliation …). Any number of worker processes
-- tick; the one whose UPDATE moves next_run_at forward runs the job, so each run happens once.
CREATE TABLE scheduled_jobs (
  name              text PRIMARY KEY,
  next_run_at       timestamptz NOT NULL,
  runs              int NOT NULL DEFAULT 0,
  last_started_at   timestamptz,
  last_finished_at  timestamptz,
  last_run_by       text,
  last_outcome      text CHECK (last_outcome IN ('ok', 'failed')),
  last_error        text
);
