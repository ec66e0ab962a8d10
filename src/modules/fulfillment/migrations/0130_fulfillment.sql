-- Warehouse execution: pick lists, the units each accepted scan bound to an order line, packages
-- (logistics units with an SSCC), the outbound review, and shipments — what left, to whom, with
-- which lot and serial. shipment_lines is the trace table: one row per lot (and serial) per
-- package that left, with the consignee copied onto it so "lot → every consignee" reads one index.

CREATE SEQUENCE pick_list_number_seq;
CREATE TABLE pick_lists (
  id            uuid PRIMARY KEY,
  number        text NOT NULL UNIQUE,
  warehouse_id  uuid NOT NULL REFERENCES warehouses (id),
  -- One order, or a wave of several orders picked in one walk.
  kind          text NOT NULL CHECK (kind IN ('order', 'wave')),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'picking', 'picked', 'cancelled')),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz
);

-- What to pick: one row per allocation, in walking order (seq follows the bin's location).
CREATE TABLE pick_list_lines (
  id             uuid PRIMARY KEY,
  pick_list_id   uuid NOT NULL REFERENCES pick_lists (id),
  seq            int NOT NULL,
  allocation_id  uuid NOT NULL REFERENCES allocations (id),
  order_id       uuid NOT NULL REFERENCES orders (id),
  line_no        int NOT NULL,
  device_id      uuid NOT NULL REFERENCES devices (id),
  lot_id         uuid NOT NULL REFERENCES lots (id),
  bin_id         uuid NOT NULL REFERENCES warehouse_bins (id),
  quantity       int NOT NULL CHECK (quantity > 0),
  picked         int NOT NULL DEFAULT 0 CHECK (picked >= 0),
  UNIQUE (pick_list_id, seq),
  CHECK (picked <= quantity)
);
CREATE INDEX pick_list_lines_list ON pick_list_lines (pick_list_id, seq);
CREATE INDEX pick_list_lines_order ON pick_list_lines (order_id, line_no);

CREATE SEQUENCE sscc_serial_seq;
-- A logistics unit. Its SSCC (AI 00) is 18 digits with a GS1 check digit.
CREATE TABLE packages (
  id              uuid PRIMARY KEY,
  sscc            text NOT NULL UNIQUE CHECK (sscc ~ '^[0-9]{18}$'),
  order_id        uuid NOT NULL REFERENCES orders (id),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'reviewed', 'shipped')),
  weight_g        int CHECK (weight_g > 0),
  length_mm       int CHECK (length_mm > 0),
  width_mm        int CHECK (width_mm > 0),
  height_mm       int CHECK (height_mm > 0),
  -- The outbound review (出库复核): a second person (not the picker) checked it against the pick
  -- list and signed; the signature itself is on the audit entry of the review.
  reviewed_by     text,
  reviewed_at     timestamptz,
  review_meaning  text,
  shipment_id     uuid,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX packages_order ON packages (order_id);

-- Units bound to an order line by an accepted scan: device, lot, serial, from which bin, under
-- which allocation, and (once packed) in which package.
CREATE TABLE picks (
  id                 uuid PRIMARY KEY,
  pick_list_line_id  uuid REFERENCES pick_list_lines (id),
  allocation_id      uuid NOT NULL REFERENCES allocations (id),
  order_id           uuid NOT NULL REFERENCES orders (id),
  line_no            int NOT NULL,
  device_id          uuid NOT NULL REFERENCES devices (id),
  lot_id             uuid NOT NULL REFERENCES lots (id),
  serial_id          uuid REFERENCES serial_units (id),
  bin_id             uuid NOT NULL REFERENCES warehouse_bins (id),
  quantity           int NOT NULL CHECK (quantity > 0),
  scan               text NOT NULL,
  package_id         uuid REFERENCES packages (id),
  shipment_id        uuid,
  picked_by          text NOT NULL,
  picked_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (serial_id IS NULL OR quantity = 1)
);
CREATE INDEX picks_order ON picks (order_id, line_no);
CREATE INDEX picks_package ON picks (package_id) WHERE package_id IS NOT NULL;
-- A serial is picked once while it is in the warehouse (a return makes it pickable again by
-- clearing nothing here: the serial's status says where it is).
CREATE INDEX picks_serial ON picks (serial_id) WHERE serial_id IS NOT NULL;

CREATE SEQUENCE shipment_number_seq;
CREATE TABLE shipments (
  id                   uuid PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  order_id             uuid NOT NULL REFERENCES orders (id),
  customer_id          uuid NOT NULL REFERENCES parties (id),
  ship_to_id           uuid REFERENCES party_addresses (id),
  warehouse_id         uuid NOT NULL REFERENCES warehouses (id),
  carrier_service_id   uuid REFERENCES carrier_services (id),
  carrier              text NOT NULL,
  tracking_number      text NOT NULL,
  status               text NOT NULL DEFAULT 'shipped' CHECK (status IN ('shipped', 'delivered')),
  shipped_by           text NOT NULL,
  shipped_at           timestamptz NOT NULL DEFAULT now(),
  -- Proof of delivery.
  delivered_at         timestamptz,
  received_by          text,
  pod_reference        text,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_order ON shipments (order_id);
CREATE INDEX shipments_customer ON shipments (customer_id, shipped_at DESC);
ALTER TABLE packages ADD FOREIGN KEY (shipment_id) REFERENCES shipments (id);
ALTER TABLE picks ADD FOREIGN KEY (shipment_id) REFERENCES shipments (id);

-- What left: per shipment, order line, lot, serial and package. qty_returned is raised by the
-- returns module when a unit of this line comes back, so trace shows the net in the field.
CREATE TABLE shipment_lines (
  id            bigserial PRIMARY KEY,
  shipment_id   uuid NOT NULL REFERENCES shipments (id),
  order_id      uuid NOT NULL REFERENCES orders (id),
  line_no       int NOT NULL,
  device_id     uuid NOT NULL REFERENCES devices (id),
  lot_id        uuid NOT NULL REFERENCES lots (id),
  serial_id     uuid REFERENCES serial_units (id),
  package_id    uuid REFERENCES packages (id),
  customer_id   uuid NOT NULL REFERENCES parties (id),
  ship_to_id    uuid REFERENCES party_addresses (id),
  quantity      int NOT NULL CHECK (quantity > 0),
  qty_returned  int NOT NULL DEFAULT 0 CHECK (qty_returned >= 0),
  shipped_at    timestamptz NOT NULL,
  CHECK (qty_returned <= quantity),
  CHECK (serial_id IS NULL OR quantity = 1)
);
CREATE INDEX shipment_lines_lot ON shipment_lines (lot_id, customer_id);
CREATE INDEX shipment_lines_serial ON shipment_lines (serial_id) WHERE serial_id IS NOT NULL;
CREATE INDEX shipment_lines_shipment ON shipment_lines (shipment_id);
CREATE INDEX shipment_lines_order ON shipment_lines (order_id, line_no);
