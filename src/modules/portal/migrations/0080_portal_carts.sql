-- The hospital portal's cart: one open cart per portal user, submitted once into one order.
CREATE TABLE portal_carts (
  id               uuid PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES parties (id),
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
  order_id         uuid REFERENCES orders (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  submitted_at     timestamptz,
  CHECK ((status = 'submitted') = (order_id IS NOT NULL))
);
CREATE UNIQUE INDEX portal_carts_open ON portal_carts (user_id) WHERE status = 'open';
CREATE INDEX portal_carts_user ON portal_carts (user_id, created_at DESC);

-- A device in a packaging level (each, box, case, pallet) and how many of that level.
CREATE TABLE portal_cart_lines (
  cart_id    uuid NOT NULL REFERENCES portal_carts (id) ON DELETE CASCADE,
  line_no    int NOT NULL,
  device_id  uuid NOT NULL REFERENCES devices (id),
  level      text NOT NULL CHECK (level IN ('each', 'box', 'case', 'pallet')),
  quantity   int NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (cart_id, device_id, level)
);
