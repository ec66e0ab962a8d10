-- Credit exposure counts a customer's open orders (submitted or confirmed) at their prices, less
-- what is already invoiced. Summed over every open order line at each check, that grew with the
-- customer's order book; credit management keeps it as a running total instead. Each order
-- remembers what it contributes (counted_open_minor), and any change to an order recounts it and
-- moves the difference onto its customer's total, in the same transaction.
ALTER TABLE orders ADD COLUMN counted_open_minor bigint NOT NULL DEFAULT 0;

CREATE TABLE customer_open_orders (
  customer_id uuid PRIMARY KEY REFERENCES parties (id),
  open_minor  bigint NOT NULL
);

UPDATE orders o SET counted_open_minor = v.open_minor
  FROM (SELECT order_id, sum(greatest(qty_ordered - qty_cancelled - qty_invoiced, 0) * unit_price_minor)::bigint AS open_minor
          FROM order_lines GROUP BY order_id) v
 WHERE v.order_id = o.id AND o.lifecycle IN ('submitted', 'confirmed');

INSERT INTO customer_open_orders (customer_id, open_minor)
SELECT customer_id, sum(counted_open_minor)::bigint FROM orders GROUP BY customer_id;
