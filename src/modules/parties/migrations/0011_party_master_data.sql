-- Master data, second step: supplier lead times, one shelf-life rule per customer, one default
-- address per kind, concurrency and provenance on licences, partner item cross-references and
-- carrier services.
ALTER TABLE parties ADD COLUMN lead_time_days int CHECK (lead_time_days BETWEEN 0 AND 730);
ALTER TABLE parties ADD CONSTRAINT parties_lead_time_supplier CHECK (lead_time_days IS NULL OR kind = 'supplier');
-- A customer states its minimum remaining shelf life either in days or as a share of shelf life.
ALTER TABLE parties ADD CONSTRAINT parties_one_shelf_life_rule
  CHECK (min_shelf_life_days IS NULL OR min_shelf_life_pct IS NULL);

CREATE UNIQUE INDEX party_addresses_one_default ON party_addresses (party_id, kind) WHERE is_default;
-- EDI names ship-tos by GLN (findPartyByIdentifier).
CREATE INDEX party_addresses_gln ON party_addresses (gln) WHERE gln IS NOT NULL;

ALTER TABLE licences
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD COLUMN created_by text,
  ADD COLUMN updated_by text;

-- A trading partner's own item code for one of our devices at one packaging level (what its EDI
-- orders and portal uploads say instead of our GTIN). device_id is the catalogue's device: the
-- catalogue owns that table, so the reference is checked through its query function on write.
CREATE TABLE party_item_xrefs (
  id                 uuid PRIMARY KEY,
  party_id           uuid NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  partner_item_code  text NOT NULL,
  device_id          uuid NOT NULL,
  packaging_level    text NOT NULL CHECK (packaging_level IN ('each', 'box', 'case', 'pallet')),
  description        text,
  version            int NOT NULL DEFAULT 1,
  source             text NOT NULL DEFAULT 'api',
  source_ref         text,
  created_by         text,
  updated_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (party_id, partner_item_code)
);
CREATE INDEX party_item_xrefs_device ON party_item_xrefs (device_id);

-- The services a carrier offers (express, cold-chain express, LTL …) with their transit times.
CREATE TABLE carrier_services (
  id                  uuid PRIMARY KEY,
  party_id            uuid NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  code                text NOT NULL,
  name                text NOT NULL,
  transit_days        int NOT NULL CHECK (transit_days BETWEEN 0 AND 120),
  cold_chain_capable  boolean NOT NULL DEFAULT false,
  active              boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (party_id, code)
);
