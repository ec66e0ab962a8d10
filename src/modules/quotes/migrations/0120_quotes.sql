-- Quotations: the same lines as an order, priced with their explanation, valid until a date.
-- A revision is a new row that supersedes the earlier one; an accepted quote becomes an order.
CREATE SEQUENCE quote_number_seq;

CREATE TABLE quotes (
  id             uuid PRIMARY KEY,
  number         text NOT NULL,
  revision       int NOT NULL DEFAULT 1,
  customer_id    uuid NOT NULL REFERENCES parties (id),
  ship_to_id     uuid REFERENCES party_addresses (id),
  currency       text NOT NULL,
  quote_date     date NOT NULL,
  valid_until    date NOT NULL,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'superseded', 'converted', 'withdrawn')),
  order_id       uuid REFERENCES orders (id),
  notes          text,
  created_by     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (number, revision),
  CHECK (valid_until >= quote_date)
);
CREATE INDEX quotes_customer ON quotes (customer_id, created_at DESC);

CREATE TABLE quote_lines (
  quote_id          uuid NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  line_no           int NOT NULL,
  device_id         uuid NOT NULL REFERENCES devices (id),
  uom               text NOT NULL,
  uom_qty           int NOT NULL CHECK (uom_qty > 0),
  quantity          int NOT NULL CHECK (quantity > 0),
  unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
  explanation       jsonb NOT NULL,
  PRIMARY KEY (quote_id, line_no)
);
