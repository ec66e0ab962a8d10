-- The intake alerts compare a new line with the customer's largest recent quantity of the same
-- device. Read through the orders, that cost grew with every order the customer ever placed. With
-- the customer and the order's time on the line, one index walks a customer's lines of a device
-- from the largest quantity down and stops at the first that is recent and not cancelled.
ALTER TABLE order_lines ADD COLUMN customer_id uuid REFERENCES parties (id);
ALTER TABLE order_lines ADD COLUMN ordered_at timestamptz;
UPDATE order_lines l SET customer_id = o.customer_id, ordered_at = o.created_at FROM orders o WHERE o.id = l.order_id;
ALTER TABLE order_lines ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE order_lines ALTER COLUMN ordered_at SET NOT NULL;
CREATE INDEX order_lines_customer_device ON order_lines (customer_id, device_id, qty_ordered DESC) INCLUDE (ordered_at);
