-- Purchasing: requisitions (manual, or from the planner's 'buy' planned orders), purchase orders
-- to qualified suppliers, with one expected date per line. Planning reads purchase_order_lines
-- (open quantity = quantity - qty_received, expected_date) as inbound supply for promises.
CREATE SEQUENCE purchase_order_number_seq;
CREATE SEQUENCE purchase_requisition_number_seq;

CREATE TABLE purchase_orders (
  id             uuid PRIMARY KEY,
  number         text NOT NULL UNIQUE,
  supplier_id    uuid NOT NULL REFERENCES parties (id),
  status         text NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'approved', 'sent', 'partially_received', 'received', 'cancelled')),
  currency       text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
  notes          text,
  cancel_reason  text,
  version        int NOT NULL DEFAULT 1,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     text,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  approved_by    text,
  approved_at    timestamptz,
  sent_at        timestamptz,
  cancelled_at   timestamptz,
  CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
);
CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, status);
CREATE INDEX purchase_orders_open ON purchase_orders (status) WHERE status IN ('approved', 'sent', 'partially_received');

CREATE TABLE purchase_order_lines (
  id                 uuid PRIMARY KEY,
  purchase_order_id  uuid NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
  line_no            int NOT NULL CHECK (line_no >= 1),
  device_id          uuid NOT NULL REFERENCES devices (id),
  quantity           int NOT NULL CHECK (quantity > 0),
  qty_received       int NOT NULL DEFAULT 0 CHECK (qty_received >= 0),
  unit_price_minor   bigint NOT NULL DEFAULT 0 CHECK (unit_price_minor >= 0),
  expected_date      date NOT NULL,
  UNIQUE (purchase_order_id, line_no),
  -- Over-receipt is refused by the service and, as a last line, here.
  CHECK (qty_received <= quantity)
);
CREATE INDEX purchase_order_lines_device ON purchase_order_lines (device_id, expected_date);

-- planned_order_id points at planning's planned_orders (owned by that module; checked on write
-- through its table, no foreign key so the two modules' migrations stay independent).
CREATE TABLE purchase_requisitions (
  id                 uuid PRIMARY KEY,
  number             text NOT NULL UNIQUE,
  device_id          uuid NOT NULL REFERENCES devices (id),
  quantity           int NOT NULL CHECK (quantity > 0),
  need_date          date NOT NULL,
  -- The supplier to buy from and the agreed price, when known; conversion may name the supplier.
  supplier_id        uuid REFERENCES parties (id),
  unit_price_minor   bigint CHECK (unit_price_minor >= 0),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'converted', 'cancelled')),
  planned_order_id   uuid,
  purchase_order_id  uuid REFERENCES purchase_orders (id),
  notes              text,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  approved_by        text,
  approved_at        timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'converted') = (purchase_order_id IS NOT NULL))
);
CREATE UNIQUE INDEX purchase_requisitions_planned_order ON purchase_requisitions (planned_order_id)
  WHERE planned_order_id IS NOT NULL AND status <> 'cancelled';
CREATE INDEX purchase_requisitions_status ON purchase_requisitions (status, need_date);
