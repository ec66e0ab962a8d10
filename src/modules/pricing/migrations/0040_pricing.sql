-- Price lists with per-device prices, quantity breaks and floor prices; customer contracts with
-- their own device prices and/or a discount on a price list. Money is integer minor units of the
-- record's currency; percentages are basis points.
CREATE TABLE price_lists (
  id           uuid PRIMARY KEY,
  code         text NOT NULL UNIQUE,
  name         text NOT NULL,
  currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  valid_from   date NOT NULL,
  valid_to     date,
  -- NULL: every channel / every customer; a value narrows the list and makes it more specific.
  channel      text CHECK (channel IN ('api', 'edi', 'portal', 'sales', 'forecast')),
  customer_id  uuid REFERENCES parties (id),
  active       boolean NOT NULL DEFAULT true,
  version      int NOT NULL DEFAULT 1,
  source       text NOT NULL DEFAULT 'api',
  source_ref   text,
  created_by   text,
  updated_by   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX price_lists_customer ON price_lists (customer_id) WHERE customer_id IS NOT NULL;

-- The base price of a device on a list (from quantity 1) and its floor.
CREATE TABLE price_list_lines (
  id                uuid PRIMARY KEY,
  price_list_id     uuid NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
  device_id         uuid NOT NULL REFERENCES devices (id),
  unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
  floor_minor       bigint CHECK (floor_minor >= 0),
  source            text NOT NULL DEFAULT 'api',
  source_ref        text,
  created_by        text,
  updated_by        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (price_list_id, device_id)
);
CREATE INDEX price_list_lines_device ON price_list_lines (device_id);

-- From min_quantity units on, the unit price is this one (the highest break reached applies).
CREATE TABLE price_list_breaks (
  line_id           uuid NOT NULL REFERENCES price_list_lines (id) ON DELETE CASCADE,
  min_quantity      int NOT NULL CHECK (min_quantity > 1),
  unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
  source            text NOT NULL DEFAULT 'api',
  source_ref        text,
  created_by        text,
  updated_by        text,
  PRIMARY KEY (line_id, min_quantity)
);

CREATE TABLE contracts (
  id             uuid PRIMARY KEY,
  contract_no    text NOT NULL UNIQUE,
  customer_id    uuid NOT NULL REFERENCES parties (id),
  channel        text CHECK (channel IN ('api', 'edi', 'portal', 'sales', 'forecast')),
  currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  valid_from     date NOT NULL,
  valid_to       date,
  -- The discount applies to prices from this list only; NULL: to whichever list prices the line.
  price_list_id  uuid REFERENCES price_lists (id),
  discount_bp    int CHECK (discount_bp BETWEEN 0 AND 10000),
  active         boolean NOT NULL DEFAULT true,
  version        int NOT NULL DEFAULT 1,
  source         text NOT NULL DEFAULT 'api',
  source_ref     text,
  created_by     text,
  updated_by     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK (price_list_id IS NULL OR discount_bp IS NOT NULL)
);
CREATE INDEX contracts_customer ON contracts (customer_id, valid_from);

CREATE TABLE contract_prices (
  contract_id       uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  device_id         uuid NOT NULL REFERENCES devices (id),
  unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
  source            text NOT NULL DEFAULT 'api',
  source_ref        text,
  created_by        text,
  updated_by        text,
  PRIMARY KEY (contract_id, device_id)
);
CREATE INDEX contract_prices_device ON contract_prices (device_id);

-- Hospital buyers quote prices for their own organisation in the portal.
INSERT INTO role_permissions (role_code, permission_code) VALUES ('hospital_portal', 'pricing.read');
