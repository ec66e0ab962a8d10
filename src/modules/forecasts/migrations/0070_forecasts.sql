-- Planned demand: a quantity in base units of one device for one period (a month 'YYYY-MM' or an
-- ISO week 'YYYY-Www'), either of one customer or of a sales channel as a whole. Planners convert
-- customer forecasts into orders; what was converted is consumed and never converts twice.
CREATE TABLE forecasts (
  id            uuid PRIMARY KEY,
  customer_id   uuid REFERENCES parties (id),
  -- Demand not tied to one customer (export, tender …): planning sees it, it converts into no order.
  channel       text CHECK (channel ~ '^[a-z][a-z0-9_-]{0,31}$'),
  device_id     uuid NOT NULL REFERENCES devices (id),
  period        text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3]))$'),
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  quantity      int NOT NULL CHECK (quantity >= 0),
  -- The sum of forecast_consumptions, kept in the same transaction; the CHECK is the last guard
  -- against converting more than the forecast holds.
  consumed      int NOT NULL DEFAULT 0 CHECK (consumed >= 0),
  version       int NOT NULL DEFAULT 1,
  source        text NOT NULL DEFAULT 'api',
  source_ref    text,
  created_by    text,
  updated_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((customer_id IS NULL) <> (channel IS NULL)),
  CHECK (consumed <= quantity),
  CHECK (period_end >= period_start)
);
-- The natural key: (customer or channel, device, period).
CREATE UNIQUE INDEX forecasts_key ON forecasts ((coalesce(customer_id::text, 'channel:' || channel)), device_id, period);
CREATE INDEX forecasts_device_period ON forecasts (device_id, period_start);
CREATE INDEX forecasts_customer_period ON forecasts (customer_id, period_start) WHERE customer_id IS NOT NULL;

-- Which order took how much of a forecast.
CREATE TABLE forecast_consumptions (
  id           uuid PRIMARY KEY,
  forecast_id  uuid NOT NULL REFERENCES forecasts (id),
  order_id     uuid NOT NULL REFERENCES orders (id),
  line_no      int NOT NULL,
  quantity     int NOT NULL CHECK (quantity > 0),
  created_by   text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forecast_consumptions_forecast ON forecast_consumptions (forecast_id);
CREATE INDEX forecast_consumptions_order ON forecast_consumptions (order_id);

-- Sales enter the forecasts their customers give them; planners own and convert them.
INSERT INTO permissions (code, description) VALUES
  ('forecasts.import', 'import and correct forecasts (planned demand)');
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('admin', 'forecasts.import'), ('planner', 'forecasts.import'), ('sales', 'forecasts.import'),
  ('sales', 'planning.read');
