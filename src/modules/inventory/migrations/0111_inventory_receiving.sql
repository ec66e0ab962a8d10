-- Receiving, the lookups of the stock queries, and what allocation needs to know of a customer.

-- One receipt: goods that arrived (or opening stock) put into one bin; its moves point at it.
CREATE SEQUENCE stock_receipt_number_seq;
CREATE TABLE stock_receipts (
  id           uuid PRIMARY KEY,
  number       text NOT NULL UNIQUE,
  reason       text NOT NULL CHECK (reason IN ('purchase', 'production', 'opening')),
  bin_id       uuid NOT NULL REFERENCES warehouse_bins (id),
  supplier_id  uuid REFERENCES parties (id),
  reference    text,
  notes        text,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_receipts_created ON stock_receipts (created_at DESC);

CREATE INDEX stock_moves_serial ON stock_moves (serial_id) WHERE serial_id IS NOT NULL;
CREATE INDEX stock_balances_bin ON stock_balances (bin_id);
CREATE INDEX lots_device ON lots (device_id, expires_on);

-- How a customer wants its orders allocated. Absent = no preference (lots may be split).
CREATE TABLE allocation_preferences (
  customer_id          uuid PRIMARY KEY REFERENCES parties (id) ON DELETE CASCADE,
  single_lot_per_line  boolean NOT NULL DEFAULT false,
  source               text NOT NULL DEFAULT 'api',
  source_ref           text,
  created_by           text,
  updated_by           text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- The warehouses that serve a ship-to address, most preferred first. A ship-to with no rows is
-- served from every active warehouse, ordered by warehouse code.
CREATE TABLE ship_to_warehouses (
  ship_to_id    uuid NOT NULL REFERENCES party_addresses (id) ON DELETE CASCADE,
  warehouse_id  uuid NOT NULL REFERENCES warehouses (id),
  rank          int NOT NULL CHECK (rank >= 1),
  created_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ship_to_id, warehouse_id),
  UNIQUE (ship_to_id, rank)
);

-- Order lines are rewritten at every step of fulfilment (allocated, promised, picked, packed,
-- shipped …): leaving room on each page makes those updates HOT (no index writes), which halves
-- the time to allocate a 10,000-line order. A storage setting only; the table stays the orders
-- module's.
ALTER TABLE order_lines SET (fillfactor = 80);
