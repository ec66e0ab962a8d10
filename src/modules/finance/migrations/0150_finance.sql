-- Finance: VAT rates as data, per-customer invoicing terms, invoices and credit notes (negative
-- documents referencing the invoice they correct), payments and their allocations to invoices.
-- Money is integer minor units; a credit note's amounts are stored negative so a customer's
-- balance is a plain sum.

CREATE TABLE vat_rates (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{1,20}$'),
  rate_bp     int NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  is_default  boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX vat_rates_one_default ON vat_rates (is_default) WHERE is_default;
INSERT INTO vat_rates (code, rate_bp, name_zh, name_en, is_default) VALUES
  ('CN_STD', 1300, '增值税 13%（一般税率）', 'VAT 13% (standard)', true),
  ('CN_9', 900, '增值税 9%', 'VAT 9%', false),
  ('CN_SMALL_3', 300, '增值税征收率 3%（小规模）', 'VAT 3% (small-scale)', false),
  ('EXPORT_0', 0, '出口零税率', 'Export, zero-rated', false),
  ('EXEMPT', 0, '免税', 'Exempt', false);

-- A device taxed at another rate than the default.
CREATE TABLE device_vat_rates (
  device_id   uuid PRIMARY KEY REFERENCES devices (id),
  vat_code    text NOT NULL REFERENCES vat_rates (code),
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- How a customer is invoiced. No row = the defaults (invoice on shipment, device VAT rates, no EDI).
CREATE TABLE customer_finance_settings (
  customer_id    uuid PRIMARY KEY REFERENCES parties (id),
  invoice_on     text NOT NULL DEFAULT 'shipment' CHECK (invoice_on IN ('shipment', 'delivery')),
  -- An exemption or export rate that overrides every device's rate.
  vat_code       text REFERENCES vat_rates (code),
  edi_standard   text CHECK (edi_standard IN ('X12', 'EDIFACT')),
  edi_partner_id text,
  -- The account the customer pays from, as a bank statement shows it.
  payer_account  text UNIQUE,
  version        int NOT NULL DEFAULT 1,
  created_by     text NOT NULL,
  updated_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((edi_standard IS NULL) = (edi_partner_id IS NULL))
);

CREATE SEQUENCE invoice_number_seq;
CREATE SEQUENCE credit_note_number_seq;
CREATE SEQUENCE payment_number_seq;

CREATE TABLE invoices (
  id                   uuid PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  kind                 text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  customer_id          uuid NOT NULL REFERENCES parties (id),
  bill_to_id           uuid REFERENCES party_addresses (id),
  order_id             uuid REFERENCES orders (id),
  shipment_id          uuid REFERENCES shipments (id),
  -- What made it: the shipment, its delivery, a person, or (credit notes) a return / correction.
  trigger              text NOT NULL CHECK (trigger IN ('shipment', 'delivery', 'manual', 'return', 'price_correction', 'other')),
  credited_invoice_id  uuid REFERENCES invoices (id),
  reason               text,
  source_ref           text,
  currency             text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  issue_date           date NOT NULL,
  due_date             date NOT NULL,
  net_minor            bigint NOT NULL,
  vat_minor            bigint NOT NULL,
  total_minor          bigint NOT NULL,
  -- [{ code, rateBp, netMinor, vatMinor }] as computed once, for the document and the EDI message.
  vat_breakdown        jsonb NOT NULL,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (total_minor = net_minor + vat_minor),
  CHECK (kind = 'credit_note' OR (total_minor >= 0 AND credited_invoice_id IS NULL AND reason IS NULL)),
  CHECK (kind = 'invoice' OR (total_minor < 0 AND reason IS NOT NULL)),
  CHECK (due_date >= issue_date)
);
-- A shipment is invoiced once: the second attempt (a redelivered event, a double click) collides here.
CREATE UNIQUE INDEX invoices_once_per_shipment ON invoices (shipment_id) WHERE kind = 'invoice';
CREATE INDEX invoices_customer ON invoices (customer_id, due_date);
CREATE INDEX invoices_order ON invoices (order_id);
CREATE INDEX invoices_credited ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

CREATE TABLE invoice_lines (
  invoice_id         uuid NOT NULL REFERENCES invoices (id),
  line_no            int NOT NULL CHECK (line_no > 0),
  order_id           uuid REFERENCES orders (id),
  order_line_no      int,
  device_id          uuid NOT NULL REFERENCES devices (id),
  lot_id             uuid REFERENCES lots (id),
  quantity           int NOT NULL CHECK (quantity > 0),
  -- Positive on both kinds; the sign of net and VAT follows the document.
  unit_price_minor   bigint NOT NULL CHECK (unit_price_minor >= 0),
  price_explanation  jsonb,
  vat_code           text NOT NULL REFERENCES vat_rates (code),
  vat_rate_bp        int NOT NULL,
  net_minor          bigint NOT NULL,
  vat_minor          bigint NOT NULL,
  PRIMARY KEY (invoice_id, line_no),
  CHECK ((order_id IS NULL) = (order_line_no IS NULL))
);
CREATE INDEX invoice_lines_order ON invoice_lines (order_id, order_line_no);

CREATE TABLE payments (
  id             uuid PRIMARY KEY,
  number         text NOT NULL UNIQUE,
  -- NULL while nobody knows who paid (a statement row that matched nothing).
  customer_id    uuid REFERENCES parties (id),
  amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
  currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  received_on    date NOT NULL,
  reference      text NOT NULL,
  remittance     text,
  payer_account  text,
  source         text NOT NULL CHECK (source IN ('api', 'cli', 'bank_csv')),
  matched_by     text NOT NULL CHECK (matched_by IN ('explicit', 'oldest_first', 'invoice_number', 'customer_account', 'none')),
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
-- A statement imported twice records each bank transaction once.
CREATE UNIQUE INDEX payments_bank_reference ON payments (reference) WHERE source = 'bank_csv';
CREATE INDEX payments_customer ON payments (customer_id, received_on);

CREATE TABLE payment_allocations (
  payment_id    uuid NOT NULL REFERENCES payments (id),
  invoice_id    uuid NOT NULL REFERENCES invoices (id),
  amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (payment_id, invoice_id)
);
CREATE INDEX payment_allocations_invoice ON payment_allocations (invoice_id);

-- The 810 / INVOIC of a document for an EDI customer, written once (control number and all):
-- read again, it is the same message.
CREATE TABLE invoice_edi_messages (
  invoice_id         uuid PRIMARY KEY REFERENCES invoices (id),
  standard           text NOT NULL CHECK (standard IN ('X12', 'EDIFACT')),
  message_type       text NOT NULL CHECK (message_type IN ('810', 'INVOIC')),
  control_number     text NOT NULL,
  partner_qualifier  text NOT NULL,
  partner_id         text NOT NULL,
  text               text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);
