-- The catalogue: medical devices with their NMPA registration, storage and tracking facts, and
-- one UDI-DI (GTIN-14) per packaging level. Devices are never deleted, only deactivated.
CREATE TABLE devices (
  id                       uuid PRIMARY KEY,
  code                     text NOT NULL UNIQUE,
  name_zh                  text NOT NULL,
  name_en                  text,
  device_class             text NOT NULL CHECK (device_class IN ('I', 'II', 'III')),
  category_code            text NOT NULL
                             CHECK (category_code ~ '^(([0-9]{2}-[0-9]{2}(-[0-9]{2})?)|68[0-9]{2}([0-9]{2})?)$'),
  registration_kind        text CHECK (registration_kind IN ('registration', 'filing')),
  registration_number      text,
  registration_issued_on   date,
  registration_expires_on  date,
  registrant               text,
  storage_condition        text NOT NULL CHECK (storage_condition IN ('ambient', 'below_25C', '2-8C', 'frozen')),
  min_temp_c               int CHECK (min_temp_c BETWEEN -200 AND 60),
  max_temp_c               int CHECK (max_temp_c BETWEEN -200 AND 60),
  cold_chain               boolean NOT NULL GENERATED ALWAYS AS (storage_condition IN ('2-8C', 'frozen')) STORED,
  shelf_life_days          int CHECK (shelf_life_days > 0),
  sterile                  boolean NOT NULL DEFAULT false,
  implantable              boolean NOT NULL DEFAULT false,
  tracking_mode            text NOT NULL CHECK (tracking_mode IN ('lot', 'serial', 'lot_serial')),
  base_unit                text NOT NULL DEFAULT 'EA',
  hs_code                  text CHECK (hs_code ~ '^[0-9]{6,10}$'),
  country_of_origin        text CHECK (country_of_origin ~ '^[A-Z]{2}$'),
  lead_time_days           int CHECK (lead_time_days >= 0),
  make_or_buy              text NOT NULL DEFAULT 'buy' CHECK (make_or_buy IN ('make', 'buy')),
  active                   boolean NOT NULL DEFAULT true,
  version                  int NOT NULL DEFAULT 1,
  source                   text NOT NULL DEFAULT 'api',
  source_ref               text,
  created_by               text,
  updated_by               text,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  -- The rules of device-rules.ts that one row can state; the code gives the readable error first.
  CONSTRAINT devices_registration_required CHECK (device_class = 'I' OR (registration_kind = 'registration'
    AND registration_number IS NOT NULL AND registration_expires_on IS NOT NULL)),
  CONSTRAINT devices_filing_no_expiry CHECK (registration_kind IS DISTINCT FROM 'filing' OR registration_expires_on IS NULL),
  CONSTRAINT devices_registration_dates CHECK (registration_expires_on >= registration_issued_on),
  CONSTRAINT devices_temperature_range CHECK (min_temp_c <= max_temp_c),
  CONSTRAINT devices_sterile_shelf_life CHECK (NOT sterile OR shelf_life_days IS NOT NULL)
);
CREATE INDEX devices_registration_expiry ON devices (registration_expires_on) WHERE active;
CREATE INDEX devices_name_zh ON devices (lower(name_zh) text_pattern_ops);
CREATE INDEX devices_category ON devices (category_code text_pattern_ops);

-- A GTIN names exactly one device at one level, for good: the primary key refuses a second use.
CREATE TABLE device_packaging (
  gtin        text PRIMARY KEY CHECK (gtin ~ '^[0-9]{14}$'),
  device_id   uuid NOT NULL REFERENCES devices (id),
  level       text NOT NULL CHECK (level IN ('each', 'box', 'case', 'pallet')),
  quantity    int NOT NULL CHECK (quantity > 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, level),
  CHECK (level <> 'each' OR quantity = 1)
);
