-- Master data for making (work centres and their calendars, bills of material, routings), the
-- planning run's output (planned orders pegged to the demand they serve, exception messages), the
-- work orders that production executes, and the finite-capacity schedule with its load per day.
-- Durations are minutes; quantities are integers in the device's base unit.

CREATE TABLE work_centres (
  id                 uuid PRIMARY KEY,
  code               text NOT NULL UNIQUE,
  name_zh            text NOT NULL,
  name_en            text,
  -- The normal week: which ISO weekdays (1 = Monday … 7 = Sunday) it works, how many shifts of how
  -- many minutes. A date in work_centre_calendars overrides it (holiday, extra shift, Saturday).
  working_weekdays   smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
  shifts             int NOT NULL DEFAULT 1 CHECK (shifts BETWEEN 0 AND 3),
  minutes_per_shift  int NOT NULL DEFAULT 480 CHECK (minutes_per_shift BETWEEN 0 AND 1440),
  active             boolean NOT NULL DEFAULT true,
  version            int NOT NULL DEFAULT 1,
  source             text NOT NULL DEFAULT 'api',
  source_ref         text,
  created_by         text,
  updated_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (shifts * minutes_per_shift <= 1440)
);

-- Per-date exceptions to the normal week: a holiday (no capacity) or a different shift pattern.
CREATE TABLE work_centre_calendars (
  work_centre_id     uuid NOT NULL REFERENCES work_centres (id) ON DELETE CASCADE,
  on_date            date NOT NULL,
  holiday            boolean NOT NULL DEFAULT false,
  shifts             int NOT NULL DEFAULT 0 CHECK (shifts BETWEEN 0 AND 3),
  minutes_per_shift  int NOT NULL DEFAULT 0 CHECK (minutes_per_shift BETWEEN 0 AND 1440),
  note               text,
  created_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (work_centre_id, on_date),
  CHECK (shifts * minutes_per_shift <= 1440),
  CHECK (NOT holiday OR shifts = 0)
);

-- A bill of material: what one unit of the parent (a 'make' device) is made of. One active
-- revision per parent; older revisions stay for the work orders that used them.
CREATE TABLE boms (
  id                 uuid PRIMARY KEY,
  device_id          uuid NOT NULL REFERENCES devices (id),
  revision           text NOT NULL DEFAULT 'A',
  active             boolean NOT NULL DEFAULT true,
  version            int NOT NULL DEFAULT 1,
  source             text NOT NULL DEFAULT 'api',
  source_ref         text,
  created_by         text,
  updated_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, revision)
);
CREATE UNIQUE INDEX boms_one_active ON boms (device_id) WHERE active;

CREATE TABLE bom_lines (
  bom_id               uuid NOT NULL REFERENCES boms (id) ON DELETE CASCADE,
  line_no              int NOT NULL CHECK (line_no > 0),
  component_device_id  uuid NOT NULL REFERENCES devices (id),
  quantity_per         int NOT NULL CHECK (quantity_per > 0),
  PRIMARY KEY (bom_id, line_no),
  UNIQUE (bom_id, component_device_id)
);
CREATE INDEX bom_lines_component ON bom_lines (component_device_id);

CREATE TABLE routings (
  id                 uuid PRIMARY KEY,
  device_id          uuid NOT NULL REFERENCES devices (id),
  revision           text NOT NULL DEFAULT 'A',
  active             boolean NOT NULL DEFAULT true,
  version            int NOT NULL DEFAULT 1,
  source             text NOT NULL DEFAULT 'api',
  source_ref         text,
  created_by         text,
  updated_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, revision)
);
CREATE UNIQUE INDEX routings_one_active ON routings (device_id) WHERE active;

CREATE TABLE routing_operations (
  routing_id            uuid NOT NULL REFERENCES routings (id) ON DELETE CASCADE,
  seq                   int NOT NULL CHECK (seq > 0),
  work_centre_id        uuid NOT NULL REFERENCES work_centres (id),
  description           text,
  setup_minutes         int NOT NULL DEFAULT 0 CHECK (setup_minutes >= 0),
  run_minutes_per_unit  numeric(10, 4) NOT NULL CHECK (run_minutes_per_unit >= 0),
  PRIMARY KEY (routing_id, seq)
);

-- Planner's knobs per device. Absent row = no safety stock, lot-for-lot, devices.lead_time_days.
CREATE TABLE planning_parameters (
  device_id           uuid PRIMARY KEY REFERENCES devices (id),
  safety_stock        int NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
  min_order_qty       int NOT NULL DEFAULT 0 CHECK (min_order_qty >= 0),
  order_multiple      int NOT NULL DEFAULT 1 CHECK (order_multiple > 0),
  lead_time_days      int CHECK (lead_time_days >= 0),
  -- Days from a purchase order's expected date until incoming inspection releases the goods.
  inspection_days     int NOT NULL DEFAULT 0 CHECK (inspection_days >= 0),
  version             int NOT NULL DEFAULT 1,
  source              text NOT NULL DEFAULT 'api',
  source_ref          text,
  created_by          text,
  updated_by          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- A planner's manual priority for one order (1 = most urgent), above the customer's tier.
CREATE TABLE planning_priority_overrides (
  order_id    uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  priority    int NOT NULL CHECK (priority BETWEEN 1 AND 5),
  reason      text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per planning run. At most one run waits at a time: a burst of order events coalesces
-- into the one pending row instead of queueing N runs.
CREATE TABLE planning_runs (
  id            uuid PRIMARY KEY,
  status        text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
  trigger       text NOT NULL CHECK (trigger IN ('manual', 'event')),
  requested_by  text NOT NULL,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  summary       jsonb NOT NULL DEFAULT '{}'::jsonb,
  error         text
);
CREATE UNIQUE INDEX planning_runs_one_pending ON planning_runs ((true)) WHERE status = 'pending';
CREATE INDEX planning_runs_recent ON planning_runs (requested_at DESC);

CREATE TABLE planned_orders (
  id                 uuid PRIMARY KEY,
  run_id             uuid NOT NULL REFERENCES planning_runs (id),
  kind               text NOT NULL CHECK (kind IN ('make', 'buy')),
  device_id          uuid NOT NULL REFERENCES devices (id),
  quantity           int NOT NULL CHECK (quantity > 0),
  start_date         date NOT NULL,
  due_date           date NOT NULL,
  status             text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'firmed', 'cancelled')),
  priority           int NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  -- What it serves: [{"type":"order_line"|"forecast"|"safety_stock"|"planned_order", "ref", "date", "quantity"}].
  pegging            jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Set when a later run replaced this (still unfirmed) suggestion.
  superseded_by_run  uuid REFERENCES planning_runs (id),
  firmed_by          text,
  firmed_at          timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date <= due_date)
);
CREATE INDEX planned_orders_open ON planned_orders (kind, due_date) WHERE status = 'planned';
CREATE INDEX planned_orders_run ON planned_orders (run_id);
CREATE INDEX planned_orders_device ON planned_orders (device_id);

-- Exception messages of a run: late, expedite, cancel, excess, and why nothing could be planned.
CREATE TABLE planning_exceptions (
  id          uuid PRIMARY KEY,
  run_id      uuid NOT NULL REFERENCES planning_runs (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('late', 'expedite', 'cancel', 'excess', 'shelf_life', 'no_bom', 'no_routing')),
  device_id   uuid REFERENCES devices (id),
  ref_type    text,
  ref_id      text,
  message_en  text NOT NULL,
  message_zh  text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX planning_exceptions_run ON planning_exceptions (run_id, kind);

CREATE SEQUENCE work_order_number_seq;
CREATE TABLE work_orders (
  id                uuid PRIMARY KEY,
  number            text NOT NULL UNIQUE,
  device_id         uuid NOT NULL REFERENCES devices (id),
  quantity          int NOT NULL CHECK (quantity > 0),
  qty_completed     int NOT NULL DEFAULT 0 CHECK (qty_completed >= 0),
  status            text NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'released', 'in_progress', 'completed', 'closed', 'cancelled')),
  due_date          date NOT NULL,
  -- From the last finite-capacity schedule; null until scheduled.
  scheduled_start   timestamptz,
  scheduled_end     timestamptz,
  priority          int NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  planned_order_id  uuid REFERENCES planned_orders (id),
  bom_id            uuid REFERENCES boms (id),
  routing_id        uuid REFERENCES routings (id),
  pegging           jsonb NOT NULL DEFAULT '[]'::jsonb,
  notes             text,
  version           int NOT NULL DEFAULT 1,
  created_by        text NOT NULL,
  updated_by        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_orders_open ON work_orders (status, due_date) WHERE status IN ('planned', 'released', 'in_progress');
CREATE INDEX work_orders_device ON work_orders (device_id);
CREATE UNIQUE INDEX work_orders_planned_order ON work_orders (planned_order_id) WHERE planned_order_id IS NOT NULL;

-- The routing copied onto the work order, with the minutes for its quantity and the schedule.
CREATE TABLE work_order_operations (
  work_order_id    uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
  seq              int NOT NULL CHECK (seq > 0),
  work_centre_id   uuid NOT NULL REFERENCES work_centres (id),
  description      text,
  minutes          int NOT NULL CHECK (minutes >= 0),
  scheduled_start  timestamptz,
  scheduled_end    timestamptz,
  PRIMARY KEY (work_order_id, seq)
);
CREATE INDEX work_order_operations_centre ON work_order_operations (work_centre_id, scheduled_start);

-- A finite-capacity schedule and the load it puts on each work centre each day.
CREATE TABLE schedule_runs (
  id            uuid PRIMARY KEY,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  start_date    date NOT NULL,
  summary       jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE work_centre_load (
  schedule_run_id   uuid NOT NULL REFERENCES schedule_runs (id) ON DELETE CASCADE,
  work_centre_id    uuid NOT NULL REFERENCES work_centres (id),
  on_date           date NOT NULL,
  capacity_minutes  int NOT NULL CHECK (capacity_minutes >= 0),
  load_minutes      int NOT NULL CHECK (load_minutes >= 0),
  PRIMARY KEY (schedule_run_id, work_centre_id, on_date),
  CHECK (load_minutes <= capacity_minutes)
);
