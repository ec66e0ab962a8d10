-- Work-order execution: components issued from stock to a work order (by scan, lot by lot), the
-- lots it produced, and the genealogy that links each produced lot to the component lots in it —
-- the device history record, read both ways (what went into a lot; where a lot went).
CREATE TABLE work_order_issues (
  id                   uuid PRIMARY KEY,
  work_order_id        uuid NOT NULL REFERENCES work_orders (id),
  component_device_id  uuid NOT NULL REFERENCES devices (id),
  lot_id               uuid NOT NULL REFERENCES lots (id),
  bin_id               uuid NOT NULL REFERENCES warehouse_bins (id),
  quantity             int NOT NULL CHECK (quantity > 0),
  scan                 text,
  issued_by            text NOT NULL,
  issued_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_issues_wo ON work_order_issues (work_order_id, component_device_id);
CREATE INDEX work_order_issues_lot ON work_order_issues (lot_id);

CREATE TABLE work_order_outputs (
  id             uuid PRIMARY KEY,
  work_order_id  uuid NOT NULL REFERENCES work_orders (id),
  lot_id         uuid NOT NULL REFERENCES lots (id),
  receipt_id     uuid NOT NULL REFERENCES stock_receipts (id),
  quantity       int NOT NULL CHECK (quantity > 0),
  -- The day the expiry was capped by a component lot's earlier expiry; null when shelf life ruled.
  capped_by_lot_id uuid REFERENCES lots (id),
  reported_by    text NOT NULL,
  reported_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_outputs_wo ON work_order_outputs (work_order_id);
CREATE INDEX work_order_outputs_lot ON work_order_outputs (lot_id);

CREATE TABLE lot_genealogy (
  parent_lot_id     uuid NOT NULL REFERENCES lots (id),
  component_lot_id  uuid NOT NULL REFERENCES lots (id),
  work_order_id     uuid NOT NULL REFERENCES work_orders (id),
  -- Units of the component lot issued to the work order that made the parent lot.
  quantity          int NOT NULL CHECK (quantity > 0),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (parent_lot_id, component_lot_id, work_order_id),
  CHECK (parent_lot_id <> component_lot_id)
);
CREATE INDEX lot_genealogy_component ON lot_genealogy (component_lot_id);

INSERT INTO permissions (code, description) VALUES
  ('production.execute', 'release work orders, issue components and report output');
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('admin', 'production.execute'), ('planner', 'production.execute'), ('warehouse', 'production.execute');
