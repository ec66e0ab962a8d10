-- One order model for every channel (DESIGN.md §3–§4). Header status is derived from the
-- lifecycle, the open holds and the line quantities, and stored only so lists can filter on it.
CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
  id                  uuid PRIMARY KEY,
  number              text NOT NULL UNIQUE,
  version             int NOT NULL DEFAULT 1,
  channel             text NOT NULL CHECK (channel IN ('api', 'console', 'edi', 'portal', 'forecast', 'quote')),
  external_po         text,
  customer_id         uuid NOT NULL REFERENCES parties (id),
  ship_to_id          uuid NOT NULL REFERENCES party_addresses (id),
  bill_to_id          uuid REFERENCES party_addresses (id),
  carrier_service_id  uuid REFERENCES carrier_services (id),
  requested_date      date,
  promised_date       date,
  priority            int NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  incoterms           text,
  lifecycle           text NOT NULL CHECK (lifecycle IN ('draft', 'submitted', 'confirmed', 'cancelled', 'closed')),
  status              text NOT NULL,
  source_type         text,
  source_ref          text,
  notes               text,
  cancel_reason       text,
  created_by          text,
  updated_by          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  submitted_at        timestamptz,
  confirmed_at        timestamptz
);
CREATE INDEX orders_customer ON orders (customer_id, created_at DESC);
CREATE INDEX orders_status ON orders (status, created_at DESC);
CREATE INDEX orders_po ON orders (customer_id, lower(external_po));
CREATE INDEX orders_created ON orders (created_at DESC);

CREATE TABLE order_lines (
  order_id            uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no             int NOT NULL CHECK (line_no > 0),
  device_id           uuid NOT NULL REFERENCES devices (id),
  -- As ordered (e.g. 2 CA) and converted to base units through the packaging level.
  ordered_uom         text NOT NULL,
  ordered_uom_qty     int NOT NULL CHECK (ordered_uom_qty > 0),
  qty_ordered         int NOT NULL CHECK (qty_ordered > 0),
  qty_cancelled       int NOT NULL DEFAULT 0,
  qty_allocated       int NOT NULL DEFAULT 0,
  qty_picked          int NOT NULL DEFAULT 0,
  qty_packed          int NOT NULL DEFAULT 0,
  qty_shipped         int NOT NULL DEFAULT 0,
  qty_delivered       int NOT NULL DEFAULT 0,
  qty_invoiced        int NOT NULL DEFAULT 0,
  qty_returned        int NOT NULL DEFAULT 0,
  unit_price_minor    bigint NOT NULL CHECK (unit_price_minor >= 0),
  price_explanation   jsonb NOT NULL,
  requested_date      date,
  promised_date       date,
  promise_basis       jsonb,
  buyer_item          text,
  notes               text,
  PRIMARY KEY (order_id, line_no),
  CHECK (qty_cancelled BETWEEN 0 AND qty_ordered),
  CHECK (qty_shipped <= qty_ordered - qty_cancelled)
);
CREATE INDEX order_lines_device ON order_lines (device_id);

-- Every submitted version of an order as it was; amendments add a row, nothing is overwritten.
CREATE TABLE order_versions (
  order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  version     int NOT NULL,
  snapshot    jsonb NOT NULL,
  reason      text,
  created_by  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, version)
);

CREATE TABLE order_holds (
  id            uuid PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  hold_type     text NOT NULL CHECK (hold_type IN ('credit', 'compliance', 'price', 'contract', 'stock', 'anomaly')),
  reason        text NOT NULL,
  -- Which rule (and version) and which facts placed it, or who placed it by hand.
  origin        jsonb NOT NULL DEFAULT '{}'::jsonb,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'released')),
  placed_at     timestamptz NOT NULL DEFAULT now(),
  placed_by     text,
  released_at   timestamptz,
  released_by   text,
  release_note  text
);
CREATE INDEX order_holds_open ON order_holds (hold_type, placed_at) WHERE status = 'open';
CREATE INDEX order_holds_order ON order_holds (order_id);

-- Anomalies found at the door: the order is kept, the alert tells customer service.
CREATE TABLE order_alerts (
  id               uuid PRIMARY KEY,
  order_id         uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no          int,
  code             text NOT NULL,
  severity         text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  message_en       text NOT NULL,
  message_zh       text NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz,
  acknowledged_by  text
);
CREATE INDEX order_alerts_open ON order_alerts (created_at DESC) WHERE acknowledged_at IS NULL;
CREATE INDEX order_alerts_order ON order_alerts (order_id);
