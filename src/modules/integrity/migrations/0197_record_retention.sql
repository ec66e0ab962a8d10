-- Records GSP and 21 CFR 820 make us keep are protected in the database itself, so that no purge
-- script, console or hand-typed DELETE removes one early:
--   * records of a lot: until two years after the lot's expiry;
--   * records with no expiry (an order none of whose units has left yet): five years after creation;
--   * anything about an implantable device: for ever.
-- The stock ledger is immutable outright (invariant 7): a correction is a new move.

CREATE FUNCTION stock_moves_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock moves are immutable: record a correcting move instead' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER stock_moves_append_only BEFORE UPDATE OR DELETE ON stock_moves FOR EACH ROW EXECUTE FUNCTION stock_moves_immutable();
CREATE TRIGGER stock_moves_no_truncate BEFORE TRUNCATE ON stock_moves FOR EACH STATEMENT EXECUTE FUNCTION stock_moves_immutable();

-- The date until which a lot's records are kept; 'infinity' for implantables.
CREATE FUNCTION lot_retained_until(p_lot uuid) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN d.implantable THEN 'infinity'::date ELSE (l.expires_on + interval '2 years')::date END
    FROM lots l JOIN devices d ON d.id = l.device_id WHERE l.id = p_lot
$$;

-- The date until which an order's records are kept: the latest of its lots' dates, and five
-- years after it was placed.
CREATE FUNCTION order_retained_until(p_order uuid) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT greatest(
           (SELECT (o.created_at + interval '5 years')::date FROM orders o WHERE o.id = p_order),
           (SELECT max(lot_retained_until(s.lot_id)) FROM shipment_lines s WHERE s.order_id = p_order),
           (SELECT CASE WHEN bool_or(d.implantable) THEN 'infinity'::date END
              FROM order_lines ol JOIN devices d ON d.id = ol.device_id WHERE ol.order_id = p_order))
$$;

CREATE FUNCTION refuse_early_purge() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kept date;
BEGIN
  -- One branch per table: a row of one table has none of the others' columns.
  IF TG_TABLE_NAME = 'lots' THEN
    kept := lot_retained_until(OLD.id);
  ELSIF TG_TABLE_NAME IN ('lot_documents', 'shipment_lines') THEN
    kept := lot_retained_until(OLD.lot_id);
  ELSIF TG_TABLE_NAME = 'serial_units' THEN
    kept := coalesce(lot_retained_until(OLD.lot_id), 'infinity'::date);
  ELSIF TG_TABLE_NAME = 'shipments' THEN
    kept := order_retained_until(OLD.order_id);
  ELSIF TG_TABLE_NAME = 'orders' THEN
    kept := order_retained_until(OLD.id);
  END IF;
  IF kept IS NULL OR kept > current_date THEN
    RAISE EXCEPTION 'a regulated record of % is kept until % (GSP retention)', TG_TABLE_NAME, coalesce(kept::text, 'its retention is known')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER lots_retention BEFORE DELETE ON lots FOR EACH ROW EXECUTE FUNCTION refuse_early_purge();
CREATE TRIGGER lot_documents_retention BEFORE DELETE ON lot_documents FOR EACH ROW EXECUTE FUNCTION refuse_early_purge();
CREATE TRIGGER serial_units_retention BEFORE DELETE ON serial_units FOR EACH ROW EXECUTE FUNCTION refuse_early_purge();
CREATE TRIGGER shipment_lines_retention BEFORE DELETE ON shipment_lines FOR EACH ROW EXECUTE FUNCTION refuse_early_purge();
CREATE TRIGGER shipments_retention BEFORE DELETE ON shipments FOR EACH ROW EXECUTE FUNCTION refuse_early_purge();
CREATE TRIGGER orders_retention BEFORE DELETE ON orders FOR EACH ROW EXECUTE FUNCTION refuse_early_purge();
