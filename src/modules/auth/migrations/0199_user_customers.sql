-- A sales user may be limited to their own customers: with rows here, the user sees only those
-- customers and their orders (and every record checked against its customer); with none, all.
CREATE TABLE user_customers (
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  customer_id  uuid NOT NULL REFERENCES parties (id),
  created_by   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, customer_id)
);
