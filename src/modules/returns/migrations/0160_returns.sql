-- Returns (RMA), their receipt into a returns zone, the disposition of each returned unit,
-- repairs of serial units, and complaints (21 CFR 820.198) with a per-lot complaint flag.

INSERT INTO permissions (code, description) VALUES
  ('returns.read', 'read return authorisations, repairs and their dispositions'),
  ('returns.write', 'authorise, cancel and receive returns; run repairs'),
  ('complaints.read', 'read complaints and lot complaint summaries'),
  ('complaints.write', 'record complaints and change their status');
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('admin', 'returns.read'), ('admin', 'returns.write'), ('admin', 'complaints.read'), ('admin', 'complaints.write'),
  ('customer_service', 'returns.read'), ('customer_service', 'returns.write'), ('customer_service', 'complaints.read'), ('customer_service', 'complaints.write'),
  ('sales', 'returns.read'), ('sales', 'complaints.read'),
  ('warehouse', 'returns.read'), ('warehouse', 'returns.write'),
  ('quality', 'returns.read'), ('quality', 'complaints.read'), ('quality', 'complaints.write'),
  ('auditor', 'returns.read'), ('auditor', 'complaints.read');

CREATE SEQUENCE return_number_seq;
CREATE TABLE return_authorisations (
  id            uuid PRIMARY KEY,
  number        text NOT NULL UNIQUE,
  shipment_id   uuid NOT NULL REFERENCES shipments (id),
  order_id      uuid NOT NULL REFERENCES orders (id),
  customer_id   uuid NOT NULL REFERENCES parties (id),
  status        text NOT NULL DEFAULT 'authorised' CHECK (status IN ('authorised', 'partially_received', 'received', 'closed', 'cancelled')),
  channel       text NOT NULL CHECK (channel IN ('console', 'portal')),
  notes         text,
  cancel_reason text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX return_authorisations_customer ON return_authorisations (customer_id, created_at DESC);
CREATE INDEX return_authorisations_shipment ON return_authorisations (shipment_id);

-- One line per shipment line it takes back: "only what was shipped to that customer comes back".
CREATE TABLE return_lines (
  id                uuid PRIMARY KEY,
  rma_id            uuid NOT NULL REFERENCES return_authorisations (id),
  line_no           int NOT NULL CHECK (line_no > 0),
  shipment_line_id  bigint NOT NULL REFERENCES shipment_lines (id),
  device_id         uuid NOT NULL REFERENCES devices (id),
  lot_id            uuid NOT NULL REFERENCES lots (id),
  serial_id         uuid REFERENCES serial_units (id),
  quantity          int NOT NULL CHECK (quantity > 0),
  qty_received      int NOT NULL DEFAULT 0 CHECK (qty_received >= 0),
  qty_disposed      int NOT NULL DEFAULT 0 CHECK (qty_disposed >= 0),
  reason            text NOT NULL CHECK (reason IN ('damaged', 'wrong_item', 'expired', 'complaint', 'recall')),
  note              text,
  UNIQUE (rma_id, line_no),
  CHECK (qty_received <= quantity),
  CHECK (qty_disposed <= qty_received),
  CHECK (serial_id IS NULL OR quantity = 1)
);
CREATE INDEX return_lines_shipment_line ON return_lines (shipment_line_id);

-- Units received by scan into a bin of a returns or quarantine zone (never saleable).
CREATE TABLE return_receipts (
  id              uuid PRIMARY KEY,
  return_line_id  uuid NOT NULL REFERENCES return_lines (id),
  bin_id          uuid NOT NULL REFERENCES warehouse_bins (id),
  quantity        int NOT NULL CHECK (quantity > 0),
  qty_disposed    int NOT NULL DEFAULT 0 CHECK (qty_disposed >= 0),
  scan            text NOT NULL,
  received_by     text NOT NULL,
  received_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (qty_disposed <= quantity)
);
CREATE INDEX return_receipts_line ON return_receipts (return_line_id);

CREATE SEQUENCE repair_number_seq;
CREATE TABLE repair_orders (
  id                  uuid PRIMARY KEY,
  number              text NOT NULL UNIQUE,
  return_line_id      uuid NOT NULL REFERENCES return_lines (id),
  serial_id           uuid NOT NULL REFERENCES serial_units (id),
  device_id           uuid NOT NULL REFERENCES devices (id),
  lot_id              uuid NOT NULL REFERENCES lots (id),
  bin_id              uuid NOT NULL REFERENCES warehouse_bins (id),
  customer_id         uuid NOT NULL REFERENCES parties (id),
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'diagnosed', 'repaired', 'beyond_repair', 'shipped')),
  diagnosis           text,
  result_note         text,
  return_shipment_id  uuid REFERENCES shipments (id),
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repair_orders_serial ON repair_orders (serial_id);

CREATE TABLE repair_parts (
  id          uuid PRIMARY KEY,
  repair_id   uuid NOT NULL REFERENCES repair_orders (id),
  device_id   uuid NOT NULL REFERENCES devices (id),
  lot_id      uuid NOT NULL REFERENCES lots (id),
  bin_id      uuid NOT NULL REFERENCES warehouse_bins (id),
  quantity    int NOT NULL CHECK (quantity > 0),
  issued_by   text NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repair_parts_repair ON repair_parts (repair_id);

-- Each decision on received units: where they went, and who decided.
CREATE TABLE return_dispositions (
  id                uuid PRIMARY KEY,
  return_line_id    uuid NOT NULL REFERENCES return_lines (id),
  receipt_id        uuid NOT NULL REFERENCES return_receipts (id),
  disposition       text NOT NULL CHECK (disposition IN ('restock', 'quarantine', 'scrap', 'return_to_supplier', 'repair')),
  condition         text NOT NULL CHECK (condition IN ('sound', 'damaged', 'unknown')),
  quantity          int NOT NULL CHECK (quantity > 0),
  from_bin_id       uuid NOT NULL REFERENCES warehouse_bins (id),
  to_bin_id         uuid REFERENCES warehouse_bins (id),
  supplier_id       uuid REFERENCES parties (id),
  repair_id         uuid REFERENCES repair_orders (id),
  -- The return credit note issued for these units when their shipment was invoiced.
  credit_note_id    uuid REFERENCES invoices (id),
  note              text,
  decided_by        text NOT NULL,
  decided_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX return_dispositions_line ON return_dispositions (return_line_id);

CREATE SEQUENCE complaint_number_seq;
CREATE TABLE complaints (
  id            uuid PRIMARY KEY,
  number        text NOT NULL UNIQUE,
  customer_id   uuid NOT NULL REFERENCES parties (id),
  device_id     uuid NOT NULL REFERENCES devices (id),
  lot_id        uuid REFERENCES lots (id),
  serial_id     uuid REFERENCES serial_units (id),
  rma_id        uuid REFERENCES return_authorisations (id),
  -- The UDI as scanned and its parts (21 CFR 820.198(e)): the device identifier and the
  -- production identifiers.
  udi_scan      text,
  udi_di        text,
  udi_pi        jsonb NOT NULL DEFAULT '{}',
  event_date    date,
  description   text NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'investigating', 'closed')),
  resolution    text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz
);
CREATE INDEX complaints_lot ON complaints (lot_id) WHERE lot_id IS NOT NULL;
CREATE INDEX complaints_customer ON complaints (customer_id, created_at DESC);

-- How many complaints against one lot raise its flag (a single row; default 3).
CREATE TABLE complaint_settings (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  lot_threshold  int NOT NULL DEFAULT 3 CHECK (lot_threshold >= 1),
  updated_by     text,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO complaint_settings (singleton) VALUES (true);

-- A lot that reached the threshold: flagged once, with the count and threshold at that moment.
CREATE TABLE lot_complaint_flags (
  lot_id           uuid PRIMARY KEY REFERENCES lots (id),
  complaint_count  int NOT NULL,
  threshold        int NOT NULL,
  flagged_at       timestamptz NOT NULL DEFAULT now()
);
