-- Traceability reads shipment_lines by lot (lot → every consignee), by consignee (customer → lots)
-- and by serial. The covering indexes let "lot → consignees" and "customer → lots" aggregate from
-- the index alone (an index-only scan once the table is vacuumed): on a million shipment lines the
-- heap is never touched for the totals.
CREATE INDEX shipment_lines_lot_trace ON shipment_lines (lot_id, customer_id, ship_to_id, shipment_id)
  INCLUDE (quantity, qty_returned);
CREATE INDEX shipment_lines_customer_lot ON shipment_lines (customer_id, lot_id)
  INCLUDE (quantity, qty_returned, shipped_at);

-- A hospital may trace what was shipped to it (recalls reach the ward): the portal role reads
-- trace, scoped to its own organisation's consignments by the trace module.
INSERT INTO role_permissions (role_code, permission_code) VALUES ('hospital_portal', 'trace.read')
  ON CONFLICT DO NOTHING;
