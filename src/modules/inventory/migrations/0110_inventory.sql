-- Stock by lot, expiry, serial and location. Stock is a ledger (invariant 7): on-hand is the sum
-- of immutable moves; stock_balances is a projection written in the same transaction as each
-- move, and `lotline check` proves it equals the ledger.
CREATE TABLE lots (
  id               uuid PRIMARY KEY,
  device_id        uuid NOT NULL REFERENCES devices (id),
  lot_number       text NOT NULL,
  manufactured_on  date,
  expires_on       date NOT NULL,
  status           text NOT NULL DEFAULT 'quarantine' CHECK (status IN ('quarantine', 'released', 'blocked', 'recalled', 'expired', 'rejected')),
  supplier_id      uuid REFERENCES parties (id),
  supplier_lot     text,
  status_reason    text,
  released_by      text,
  released_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, lot_number),
  CHECK (manufactured_on IS NULL OR manufactured_on <= expires_on)
);
CREATE INDEX lots_expiry ON lots (expires_on) WHERE status IN ('released', 'quarantine');

-- The documents that released a lot: certificate of conformity, inspection report …
CREATE TABLE lot_documents (
  id          uuid PRIMARY KEY,
  lot_id      uuid NOT NULL REFERENCES lots (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('certificate_of_conformity', 'inspection_report', 'test_report', 'other')),
  reference   text NOT NULL,
  issued_on   date,
  created_by  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (lot_id, kind, reference)
);

CREATE TABLE serial_units (
  id          uuid PRIMARY KEY,
  device_id   uuid NOT NULL REFERENCES devices (id),
  lot_id      uuid REFERENCES lots (id),
  serial      text NOT NULL,
  status      text NOT NULL DEFAULT 'in_stock' CHECK (status IN ('in_stock', 'picked', 'shipped', 'returned', 'scrapped')),
  bin_id      uuid REFERENCES warehouse_bins (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, serial)
);
CREATE INDEX serial_units_lot ON serial_units (lot_id);

CREATE TABLE stock_moves (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  move_type   text NOT NULL CHECK (move_type IN ('receipt', 'putaway', 'transfer', 'pick', 'ship', 'adjust', 'return', 'scrap', 'status')),
  device_id   uuid NOT NULL REFERENCES devices (id),
  lot_id      uuid NOT NULL REFERENCES lots (id),
  serial_id   uuid REFERENCES serial_units (id),
  from_bin_id uuid REFERENCES warehouse_bins (id),
  to_bin_id   uuid REFERENCES warehouse_bins (id),
  quantity    int NOT NULL CHECK (quantity > 0),
  reason      text,
  ref_type    text,
  ref_id      text,
  actor       text NOT NULL,
  CHECK (from_bin_id IS NOT NULL OR to_bin_id IS NOT NULL),
  -- An adjustment always says why (count correction, damage found …).
  CHECK (move_type <> 'adjust' OR reason IS NOT NULL)
);
CREATE INDEX stock_moves_lot ON stock_moves (lot_id, at);
CREATE INDEX stock_moves_ref ON stock_moves (ref_type, ref_id);

-- The projection: on hand and allocated per lot and bin. The CHECKs are invariant 2 in the
-- database itself: no allocation beyond what is there, under any concurrency.
CREATE TABLE stock_balances (
  lot_id     uuid NOT NULL REFERENCES lots (id),
  bin_id     uuid NOT NULL REFERENCES warehouse_bins (id),
  device_id  uuid NOT NULL REFERENCES devices (id),
  on_hand    int NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  allocated  int NOT NULL DEFAULT 0 CHECK (allocated >= 0),
  PRIMARY KEY (lot_id, bin_id),
  CHECK (allocated <= on_hand)
) WITH (fillfactor = 70); -- updated all day (receipts, allocations, picks): room for HOT updates
CREATE INDEX stock_balances_device ON stock_balances (device_id) WHERE on_hand > allocated;

-- An allocation belongs to one version of an order. No foreign key to order_lines: an amendment
-- replaces the lines, and a cascade would silently drop allocations whose units stay counted in
-- stock_balances.allocated; the old version's allocations are released explicitly instead.
-- It is held on a balance row, so that row is its one key to stock (lot and bin follow from it,
-- and the device from the lot): two key checks per row, not four, keep a 10,000-line
-- allocation fast.
CREATE TABLE allocations (
  id            uuid PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id),
  order_version int NOT NULL,
  line_no       int NOT NULL,
  device_id     uuid NOT NULL,
  lot_id        uuid NOT NULL,
  bin_id        uuid NOT NULL,
  quantity      int NOT NULL CHECK (quantity > 0),
  picked        int NOT NULL DEFAULT 0 CHECK (picked >= 0),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'picked', 'released')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  released_at   timestamptz,
  FOREIGN KEY (lot_id, bin_id) REFERENCES stock_balances (lot_id, bin_id),
  CHECK (picked <= quantity)
);
CREATE INDEX allocations_order ON allocations (order_id, line_no) WHERE status <> 'released';
CREATE INDEX allocations_lot ON allocations (lot_id) WHERE status = 'open';
