-- Shipping documents: the PDFs that go with a shipment (recorded when generated, so what left
-- with the goods can be shown again byte for byte), export and import permits quoted on export
-- papers, and the ASN (X12 856 / EDIFACT DESADV) written into edi_outbound.

-- A generated document of record. pdfkit stamps the time and random font-subset tags into every
-- PDF, so a later rendering is not byte-identical: the bytes are kept with their hash.
CREATE TABLE shipment_documents (
  id            uuid PRIMARY KEY,
  shipment_id   uuid NOT NULL REFERENCES shipments (id),
  kind          text NOT NULL CHECK (kind IN ('packing_list', 'compliance_bundle', 'commercial_invoice', 'certificate_of_origin')),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes    int NOT NULL CHECK (size_bytes > 0),
  content       bytea NOT NULL,
  -- What asked for it: a trigger action (its id), or a person through the API or CLI.
  source        text NOT NULL CHECK (source IN ('trigger', 'api', 'cli')),
  source_ref    text,
  generated_by  text NOT NULL,
  generated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shipment_id, kind)
);

-- Export / import permits (出口许可 / 进口许可) quoted on a shipment's export papers: per
-- destination country, for one customer or (customer_id NULL) for every customer there.
CREATE TABLE export_permits (
  id           uuid PRIMARY KEY,
  customer_id  uuid REFERENCES parties (id),
  country      text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  kind         text NOT NULL CHECK (kind IN ('export', 'import')),
  reference    text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
  authority    text,
  valid_from   date NOT NULL,
  valid_to     date,
  source       text NOT NULL DEFAULT 'api',
  source_ref   text,
  created_by   text,
  updated_by   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX export_permits_key ON export_permits (country, kind, reference, coalesce(customer_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX export_permits_country ON export_permits (country, valid_from);

-- The ASN is one more message Lotline sends: edi_outbound takes it, keyed by shipment. An order
-- may leave in several shipments of one version, so the once-per-order-version rule of the
-- acknowledgements keeps its name but covers messages without a shipment only.
ALTER TABLE edi_outbound ADD COLUMN shipment_id uuid REFERENCES shipments (id);
ALTER TABLE edi_outbound DROP CONSTRAINT edi_outbound_message_type_check;
ALTER TABLE edi_outbound ADD CONSTRAINT edi_outbound_message_type_check
  CHECK (message_type IN ('855', 'ORDRSP', '856', 'DESADV'));
ALTER TABLE edi_outbound DROP CONSTRAINT edi_outbound_once;
CREATE UNIQUE INDEX edi_outbound_once ON edi_outbound (order_id, order_version, message_type) WHERE shipment_id IS NULL;
CREATE UNIQUE INDEX edi_outbound_asn_once ON edi_outbound (shipment_id) WHERE shipment_id IS NOT NULL;
