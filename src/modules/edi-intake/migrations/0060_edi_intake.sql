-- Inbound EDI interchanges as received, the orders they became, and the purchase-order
-- acknowledgements (855 / ORDRSP) written when those orders are confirmed.

-- Control numbers of everything Lotline sends (997/999/CONTRL acks, 855/ORDRSP): ISA13 has
-- nine digits, so the sequence wraps there.
CREATE SEQUENCE edi_control_number_seq MAXVALUE 999999999 CYCLE;

CREATE TABLE edi_interchanges (
  id                  uuid PRIMARY KEY,
  standard            text NOT NULL CHECK (standard IN ('X12', 'EDIFACT')),
  sender_qualifier    text NOT NULL,
  sender_id           text NOT NULL,
  receiver_qualifier  text NOT NULL,
  receiver_id         text NOT NULL,
  control_number      text NOT NULL,
  test                boolean NOT NULL DEFAULT false,
  received_at         timestamptz NOT NULL DEFAULT now(),
  received_via        text NOT NULL CHECK (received_via IN ('api', 'cli', 'folder')),
  received_by         text NOT NULL,
  file_name           text,
  raw_text            text NOT NULL,
  content_sha256      text NOT NULL,
  outcome             text NOT NULL CHECK (outcome IN ('accepted', 'accepted_with_errors', 'partially_rejected', 'rejected')),
  ack_text            text,
  ack_control_number  text,
  -- Set when the interchange as a whole was refused by Lotline (not by the ack), e.g. EDI_UNKNOWN_PARTNER.
  error_code          text,
  error_summary       text,
  issues              jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- One entry per order of the accepted sets: {poNumber, orderId, number, status} or {poNumber, error}.
  orders              jsonb NOT NULL DEFAULT '[]'::jsonb,
  order_ids           uuid[] NOT NULL DEFAULT '{}',
  customer_id         uuid REFERENCES parties (id)
);
-- Invariant 6: one interchange per sender and control number is ever processed. An interchange
-- refused because its partner is not set up yet created nothing and does not claim the number:
-- once the partner's identifier is added, the partner's resend goes through.
CREATE UNIQUE INDEX edi_interchanges_key ON edi_interchanges (standard, sender_qualifier, sender_id, control_number)
  WHERE error_code IS DISTINCT FROM 'EDI_UNKNOWN_PARTNER';
CREATE INDEX edi_interchanges_received ON edi_interchanges (received_at DESC);
CREATE INDEX edi_interchanges_sender ON edi_interchanges (sender_id, received_at DESC);
CREATE INDEX edi_interchanges_customer ON edi_interchanges (customer_id, received_at DESC);

-- What the acknowledgement of an order must echo: the partner's line numbers and units, the
-- envelope parties and the version the order came in.
CREATE TABLE edi_inbound_orders (
  order_id            uuid PRIMARY KEY REFERENCES orders (id),
  interchange_id      uuid NOT NULL REFERENCES edi_interchanges (id),
  standard            text NOT NULL,
  version             text NOT NULL,
  po_number           text NOT NULL,
  po_date             date NOT NULL,
  message_control     text NOT NULL,
  partner_qualifier   text NOT NULL,
  partner_id          text NOT NULL,
  us_qualifier        text NOT NULL,
  us_id               text NOT NULL,
  test                boolean NOT NULL,
  -- [{lineNo, partnerLineNo, uom, gtin}] with lineNo the order line's number
  lines               jsonb NOT NULL
);
CREATE INDEX edi_inbound_orders_interchange ON edi_inbound_orders (interchange_id);

CREATE TABLE edi_outbound (
  id                  uuid PRIMARY KEY,
  order_id            uuid NOT NULL REFERENCES orders (id),
  order_version       int NOT NULL,
  standard            text NOT NULL CHECK (standard IN ('X12', 'EDIFACT')),
  message_type        text NOT NULL CHECK (message_type IN ('855', 'ORDRSP')),
  control_number      text NOT NULL,
  partner_qualifier   text NOT NULL,
  partner_id          text NOT NULL,
  text                text NOT NULL,
  -- The outbox event that caused it: a redelivered event finds the message already written.
  event_id            bigint,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT edi_outbound_once UNIQUE (order_id, order_version, message_type)
);
CREATE INDEX edi_outbound_created ON edi_outbound (created_at DESC);

-- Reading interchanges and acknowledgements: whoever may submit EDI or read orders.
INSERT INTO permissions (code, description) VALUES ('edi.read', 'read received EDI interchanges and the acknowledgements sent');
INSERT INTO role_permissions (role_code, permission_code)
SELECT DISTINCT role_code, 'edi.read' FROM role_permissions WHERE permission_code IN ('edi.receive', 'orders.read');
