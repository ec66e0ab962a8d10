-- Incoming inspection of purchased goods: a sampling plan per device or per supplier (ISO 2859-1
-- single sampling, normal inspection), one inspection per lot received against a purchase order,
-- its result, and quality's signed decision on the lot.
CREATE TABLE sampling_plans (
  id                uuid PRIMARY KEY,
  device_id         uuid REFERENCES devices (id),
  supplier_id       uuid REFERENCES parties (id),
  inspection_level  text NOT NULL DEFAULT 'II' CHECK (inspection_level IN ('I', 'II', 'III')),
  aql               text NOT NULL DEFAULT '1.0' CHECK (aql IN ('0.65', '1.0', '1.5', '2.5', '4.0', '6.5')),
  created_by        text NOT NULL,
  updated_by        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- A plan is for a device or for a supplier, never both.
  CHECK ((device_id IS NULL) <> (supplier_id IS NULL))
);
CREATE UNIQUE INDEX sampling_plans_device ON sampling_plans (device_id) WHERE device_id IS NOT NULL;
CREATE UNIQUE INDEX sampling_plans_supplier ON sampling_plans (supplier_id) WHERE supplier_id IS NOT NULL;

CREATE TABLE incoming_inspections (
  id                      uuid PRIMARY KEY,
  purchase_order_id       uuid NOT NULL REFERENCES purchase_orders (id),
  purchase_order_line_id  uuid NOT NULL REFERENCES purchase_order_lines (id),
  receipt_id              uuid NOT NULL REFERENCES stock_receipts (id),
  lot_id                  uuid NOT NULL REFERENCES lots (id),
  device_id               uuid NOT NULL REFERENCES devices (id),
  received_quantity       int NOT NULL CHECK (received_quantity > 0),
  inspection_level        text NOT NULL,
  aql                     text NOT NULL,
  sample_size             int NOT NULL CHECK (sample_size > 0),
  accept_number           int NOT NULL CHECK (accept_number >= 0),
  status                  text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'passed', 'failed', 'released', 'rejected')),
  sampled                 int CHECK (sampled > 0),
  defects                 int CHECK (defects >= 0),
  report_reference        text,
  notes                   text,
  inspected_by            text,
  inspected_at            timestamptz,
  decided_by              text,
  decided_at              timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (defects IS NULL OR defects <= sampled),
  CHECK ((status = 'pending') = (sampled IS NULL))
);
CREATE INDEX incoming_inspections_po ON incoming_inspections (purchase_order_id);
CREATE INDEX incoming_inspections_lot ON incoming_inspections (lot_id);
CREATE INDEX incoming_inspections_open ON incoming_inspections (status) WHERE status IN ('pending', 'passed', 'failed');
