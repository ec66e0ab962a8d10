-- Rule sets are versioned data: a new version is a new row; the active version on a date is the
-- newest one activated whose effective dates contain that date.
CREATE TABLE rule_sets (
  id              uuid PRIMARY KEY,
  name            text NOT NULL,
  version         int NOT NULL CHECK (version > 0),
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'retired')),
  effective_from  date NOT NULL,
  effective_to    date,
  rules           jsonb NOT NULL,
  notes           text,
  created_by      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  activated_by    text,
  activated_at    timestamptz,
  UNIQUE (name, version),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX rule_sets_active ON rule_sets (name, effective_from DESC) WHERE status = 'active';

-- What the rules said about each version of an order: every rule's result and the facts it read.
CREATE TABLE order_evaluations (
  id             uuid PRIMARY KEY,
  order_id       uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  order_version  int NOT NULL,
  rule_set_id    text NOT NULL,
  rule_set_version int NOT NULL,
  evaluated_at   timestamptz NOT NULL DEFAULT now(),
  results        jsonb NOT NULL,
  firings        jsonb NOT NULL
);
CREATE INDEX order_evaluations_order ON order_evaluations (order_id, evaluated_at DESC);

-- A rule may switch an order to other payment terms (e.g. prepayment for a customer in arrears).
ALTER TABLE orders ADD COLUMN payment_terms text;

INSERT INTO permissions (code, description) VALUES ('rules.read', 'read rule sets and order evaluations');
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('admin', 'rules.read'), ('sales', 'rules.read'), ('customer_service', 'rules.read'), ('quality', 'rules.read'),
  ('finance', 'rules.read'), ('auditor', 'rules.read');
