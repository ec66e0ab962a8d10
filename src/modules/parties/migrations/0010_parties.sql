-- Customers (hospitals, distributors, dealers), suppliers and carriers, with their addresses,
-- contacts (personal data encrypted), identifiers for EDI, item cross-references and licences.
CREATE TABLE parties (
  id                     uuid PRIMARY KEY,
  code                   text NOT NULL UNIQUE,
  kind                   text NOT NULL CHECK (kind IN ('customer', 'supplier', 'carrier')),
  customer_type          text CHECK (customer_type IN ('hospital', 'distributor', 'dealer')),
  name_zh                text NOT NULL,
  name_en                text,
  credit_code            text,
  payment_terms_days     int NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
  credit_limit_minor     bigint CHECK (credit_limit_minor >= 0),
  currency               text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
  priority_tier          int NOT NULL DEFAULT 3 CHECK (priority_tier BETWEEN 1 AND 5),
  min_shelf_life_days    int CHECK (min_shelf_life_days >= 0),
  min_shelf_life_pct     int CHECK (min_shelf_life_pct BETWEEN 0 AND 100),
  requires_serial_capture boolean NOT NULL DEFAULT false,
  bank_details_enc       text,
  notes                  text,
  active                 boolean NOT NULL DEFAULT true,
  version                int NOT NULL DEFAULT 1,
  source                 text NOT NULL DEFAULT 'api',
  source_ref             text,
  created_by             text,
  updated_by             text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'customer') = (customer_type IS NOT NULL))
);
CREATE INDEX parties_kind ON parties (kind, code);
CREATE INDEX parties_name ON parties (lower(name_zh) text_pattern_ops);

ALTER TABLE users ADD CONSTRAINT users_organisation FOREIGN KEY (organisation_id) REFERENCES parties (id);

CREATE TABLE party_addresses (
  id                  uuid PRIMARY KEY,
  party_id            uuid NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  code                text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('ship_to', 'bill_to')),
  name                text NOT NULL,
  line1               text NOT NULL,
  city                text,
  province            text,
  postcode            text,
  country             text NOT NULL DEFAULT 'CN' CHECK (country ~ '^[A-Z]{2}$'),
  gln                 text CHECK (gln ~ '^[0-9]{13}$'),
  cold_chain_capable  boolean NOT NULL DEFAULT false,
  is_default          boolean NOT NULL DEFAULT false,
  UNIQUE (party_id, code)
);

CREATE TABLE party_contacts (
  id         uuid PRIMARY KEY,
  party_id   uuid NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  role       text,
  name_enc   text NOT NULL,
  phone_enc  text,
  email_enc  text
);
CREATE INDEX party_contacts_party ON party_contacts (party_id);

-- EDI and other outside identifiers: GLN, DUNS, or a partner-specific id.
CREATE TABLE party_identifiers (
  party_id  uuid NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  scheme    text NOT NULL CHECK (scheme IN ('GLN', 'DUNS', 'PARTNER')),
  value     text NOT NULL,
  PRIMARY KEY (scheme, value)
);
CREATE INDEX party_identifiers_party ON party_identifiers (party_id);

CREATE TABLE licences (
  id                 uuid PRIMARY KEY,
  party_id           uuid NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  licence_type       text NOT NULL CHECK (licence_type IN
                       ('class3_distribution', 'class2_filing', 'hospital_practice', 'manufacturing', 'foreign_registration')),
  number             text NOT NULL,
  device_classes     text[] NOT NULL DEFAULT '{}',
  category_codes     text[] NOT NULL DEFAULT '{}',
  valid_from         date NOT NULL,
  valid_to           date,
  issuing_authority  text,
  document_ref       text,
  source             text NOT NULL DEFAULT 'api',
  source_ref         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (party_id, licence_type, number),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX licences_expiry ON licences (valid_to);
