-- Warehouses, their zones (normal, cold chain, quarantine, returns, rejected; each with the
-- storage condition it holds) and bin locations with a pick sequence for pick-path ordering.
-- Nothing here is deleted: records are deactivated and stay for the history of stock moves.
CREATE TABLE warehouses (
  id            uuid PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  name_zh       text NOT NULL,
  name_en       text,
  address_line  text,
  city          text,
  province      text,
  postcode      text,
  country       text NOT NULL DEFAULT 'CN' CHECK (country ~ '^[A-Z]{2}$'),
  gln           text CHECK (gln ~ '^[0-9]{13}$'),
  active        boolean NOT NULL DEFAULT true,
  version       int NOT NULL DEFAULT 1,
  source        text NOT NULL DEFAULT 'api',
  source_ref    text,
  created_by    text,
  updated_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- A GLN identifies one location.
CREATE UNIQUE INDEX warehouses_gln ON warehouses (gln) WHERE gln IS NOT NULL;

CREATE TABLE warehouse_zones (
  id                 uuid PRIMARY KEY,
  warehouse_id       uuid NOT NULL REFERENCES warehouses (id),
  code               text NOT NULL,
  name_zh            text NOT NULL,
  name_en            text,
  zone_type          text NOT NULL CHECK (zone_type IN ('normal', 'cold_chain', 'quarantine', 'returns', 'rejected')),
  storage_condition  text NOT NULL CHECK (storage_condition IN ('ambient', 'below_25C', '2-8C', 'frozen')),
  active             boolean NOT NULL DEFAULT true,
  version            int NOT NULL DEFAULT 1,
  source             text NOT NULL DEFAULT 'api',
  source_ref         text,
  created_by         text,
  updated_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (warehouse_id, code),
  -- Lets a bin's foreign key say its zone is in the bin's own warehouse.
  UNIQUE (id, warehouse_id),
  -- Saleable stock: cold-chain zones are refrigerated or frozen, normal zones are not.
  CONSTRAINT warehouse_zones_cold_chain CHECK (zone_type <> 'cold_chain' OR storage_condition IN ('2-8C', 'frozen')),
  CONSTRAINT warehouse_zones_normal CHECK (zone_type <> 'normal' OR storage_condition IN ('ambient', 'below_25C'))
);

CREATE TABLE warehouse_bins (
  id             uuid PRIMARY KEY,
  warehouse_id   uuid NOT NULL REFERENCES warehouses (id),
  zone_id        uuid NOT NULL,
  code           text NOT NULL,
  pick_sequence  int NOT NULL DEFAULT 0 CHECK (pick_sequence >= 0),
  active         boolean NOT NULL DEFAULT true,
  version        int NOT NULL DEFAULT 1,
  source         text NOT NULL DEFAULT 'api',
  source_ref     text,
  created_by     text,
  updated_by     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (warehouse_id, code),
  FOREIGN KEY (zone_id, warehouse_id) REFERENCES warehouse_zones (id, warehouse_id)
);
CREATE INDEX warehouse_bins_pick_path ON warehouse_bins (warehouse_id, pick_sequence, code);
CREATE INDEX warehouse_bins_zone ON warehouse_bins (zone_id);
